using System.Collections.Concurrent;
using System.Reflection;
using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.Flow.Interpreting;

/// <summary>Maps Cecil references to loaded reflection members, and values between stack form and storage form.</summary>
internal static class ReflectionBridge
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly ConcurrentDictionary<string, Type> s_types = new();
    private static readonly ConcurrentDictionary<(Type, string), Func<object?, object?>> s_casts = new();

    public static Assembly LoadAssembly(ModuleDefinition module) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == module.Assembly.Name.Name)
        ?? Assembly.Load(new AssemblyName(module.Assembly.Name.FullName));

    public static Type ResolveType(TypeReference t)
    {
        t = TypeKinds.StripModifiers(t);
        switch (t)
        {
            case ArrayType at:
            {
                var e = ResolveType(at.ElementType);
                return at.IsVector ? e.MakeArrayType() : e.MakeArrayType(at.Rank);
            }
            case ByReferenceType br: return ResolveType(br.ElementType).MakeByRefType();
            case PointerType pt: return ResolveType(pt.ElementType).MakePointerType();
            case GenericInstanceType git:
                return ResolveType(git.ElementType).MakeGenericType(git.GenericArguments.Select(ResolveType).ToArray());
            case GenericParameter gp: throw new NotSupportedException("interpreter: open generic parameter " + gp.FullName);
        }
        var key = t.FullName + "|" + t.Scope?.Name;
        if (s_types.TryGetValue(key, out var cached)) return cached;
        var def = TypeKinds.Resolve(t) ?? throw new NotSupportedException("interpreter: cannot resolve " + t.FullName);
        var type = LoadAssembly(def.Module).ManifestModule.ResolveType(def.MetadataToken.ToInt32());
        s_types[key] = type;
        return type;
    }

    public static FieldInfo ResolveField(FieldReference f)
    {
        var type = ResolveType(f.DeclaringType);
        return type.GetField(f.Name, All) ?? throw new MissingFieldException(type.FullName, f.Name);
    }

    public static MethodBase ResolveMethod(MethodReference m)
    {
        if (m.DeclaringType is ArrayType)
        {
            var arrayType = ResolveType(m.DeclaringType);
            return m.Name == ".ctor"
                ? arrayType.GetConstructors().First(c => c.GetParameters().Length == m.Parameters.Count)
                : arrayType.GetMethod(m.Name) ?? throw new MissingMethodException(arrayType.FullName, m.Name);
        }
        var def = TypeKinds.ResolveMethod(m) ?? throw new NotSupportedException("interpreter: cannot resolve " + m.FullName);
        var type = ResolveType(m.DeclaringType);
        int token = def.MetadataToken.ToInt32();
        MethodBase? found = type.GetMethods(All).FirstOrDefault(x => x.MetadataToken == token)
            ?? (MethodBase?)type.GetConstructors(All).FirstOrDefault(x => x.MetadataToken == token);
        if (found is null) throw new MissingMethodException(type.FullName, m.Name);
        if (m is GenericInstanceMethod gim)
            found = ((MethodInfo)found).MakeGenericMethod(gim.GenericArguments.Select(ResolveType).ToArray());
        return found;
    }

    /// <summary>Converts a storage-form value to stack form for a variable of <paramref name="kind"/>.</summary>
    public static object? ToStack(object? v, ValueKind kind)
    {
        if (v is null) return null;
        switch (kind)
        {
            case ValueKind.Int32:
                return v switch
                {
                    int => v, bool b => b ? 1 : 0, char c => (int)c, sbyte x => (int)x, byte x => (int)x, short x => (int)x,
                    ushort x => (int)x, uint x => unchecked((int)x), Enum e => unchecked((int)Convert.ToInt64(e)),
                    long l => (int)l, nint n => (int)n, _ => v,
                };
            case ValueKind.Int64:
                return v switch
                {
                    long => v, ulong x => unchecked((long)x), Enum e => e.GetTypeCode() == TypeCode.UInt64 ? unchecked((long)Convert.ToUInt64(e)) : Convert.ToInt64(e),
                    int i => (long)i, _ => v,
                };
            case ValueKind.NativeInt:
                return v switch { nint => v, nuint x => unchecked((nint)x), int i => (nint)i, long l => (nint)l, Enum e => (nint)Convert.ToInt64(e), _ => v };
            case ValueKind.Float32: return v is double d ? (float)d : v;
            case ValueKind.Float64: return v is float f ? (double)f : v;
            default: return v;
        }
    }

    /// <summary>Converts a stack-form value to the exact CLR type <paramref name="target"/> (for calls, fields, arrays, boxing).</summary>
    public static object? ToStorage(object? v, Type target)
    {
        if (target.IsByRef || v is null || v is Pointer) return v;
        if (target.IsEnum)
        {
            var u = Enum.GetUnderlyingType(target);
            return Enum.ToObject(target, ToStorage(v, u)!);
        }
        if (!target.IsPrimitive) return target.IsValueType ? System.Runtime.CompilerServices.RuntimeHelpers.GetObjectValue(v) : v;
        if (v.GetType() == target) return v;
        return Type.GetTypeCode(target) switch
        {
            TypeCode.Boolean => Arith.I64(v) != 0,
            TypeCode.Char => unchecked((char)Arith.I64(v)),
            TypeCode.SByte => unchecked((sbyte)Arith.I64(v)),
            TypeCode.Byte => unchecked((byte)Arith.I64(v)),
            TypeCode.Int16 => unchecked((short)Arith.I64(v)),
            TypeCode.UInt16 => unchecked((ushort)Arith.I64(v)),
            TypeCode.Int32 => unchecked((int)Arith.I64(v)),
            TypeCode.UInt32 => unchecked((uint)Arith.I64(v)),
            TypeCode.Int64 => Arith.I64(v),
            TypeCode.UInt64 => unchecked((ulong)Arith.I64(v)),
            TypeCode.Single => Arith.F32(v),
            TypeCode.Double => Arith.F64(v),
            _ when target == typeof(nint) => Arith.NInt(v),
            _ when target == typeof(nuint) => unchecked((nuint)Arith.NInt(v)),
            _ => v,
        };
    }

    private static object? CastBox<T>(object? o) => (T)o!;

    /// <summary>castclass / unbox.any with the runtime's own exceptions and messages.</summary>
    public static object? Cast(object? o, Type t)
    {
        var f = s_casts.GetOrAdd((t, "cast"), key =>
            typeof(ReflectionBridge).GetMethod(nameof(CastBox), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(key.Item1).CreateDelegate<Func<object?, object?>>());
        return f(o);
    }
}
