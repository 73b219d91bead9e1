using System.Collections.Concurrent;
using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.Flow;

/// <summary>Classifies IL types into stack kinds, resolving references through Cecil.</summary>
internal static class TypeKinds
{
    private static readonly Dictionary<string, ValueKind> s_primitives = new()
    {
        ["Boolean"] = ValueKind.Int32, ["Char"] = ValueKind.Int32, ["SByte"] = ValueKind.Int32,
        ["Byte"] = ValueKind.Int32, ["Int16"] = ValueKind.Int32, ["UInt16"] = ValueKind.Int32,
        ["Int32"] = ValueKind.Int32, ["UInt32"] = ValueKind.Int32, ["Int64"] = ValueKind.Int64,
        ["UInt64"] = ValueKind.Int64, ["IntPtr"] = ValueKind.NativeInt, ["UIntPtr"] = ValueKind.NativeInt,
        ["Single"] = ValueKind.Float32, ["Double"] = ValueKind.Float64, ["Void"] = ValueKind.Void,
    };

    private static readonly ConcurrentDictionary<string, ValueKind> s_cache = new();

    public static bool IsVoid(TypeReference t) => t.MetadataType == MetadataType.Void || (t.Namespace == "System" && t.Name == "Void" && !t.IsNested);

    /// <summary>The primitive name (Int32, Boolean, ...) if <paramref name="t"/> is a primitive, else null.</summary>
    public static string? PrimitiveName(TypeReference t)
    {
        t = StripModifiers(t);
        if (t.Namespace == "System" && !t.IsNested && t is not TypeSpecification && s_primitives.ContainsKey(t.Name)) return t.Name;
        return null;
    }

    public static TypeReference StripModifiers(TypeReference t)
    {
        while (t is IModifierType or PinnedType or SentinelType)
            t = ((TypeSpecification)t).ElementType;
        return t;
    }

    /// <summary>The stack kind of a value of type <paramref name="t"/> (generic parameters give <see cref="ValueKind.Generic"/>).</summary>
    public static ValueKind KindOf(TypeReference t)
    {
        t = StripModifiers(t);
        switch (t)
        {
            case ByReferenceType: return ValueKind.ManagedPointer;
            case PointerType or FunctionPointerType: return ValueKind.NativeInt;
            case ArrayType: return ValueKind.Ref;
            case GenericParameter: return ValueKind.Generic;
            case GenericInstanceType git: return KindOfDefinition(git.ElementType);
        }
        if (PrimitiveName(t) is { } p) return s_primitives[p];
        return KindOfDefinition(t);
    }

    private static ValueKind KindOfDefinition(TypeReference t)
    {
        var key = t.FullName + "|" + ScopeName(t);
        if (s_cache.TryGetValue(key, out var k)) return k;
        k = ComputeKind(t);
        s_cache[key] = k;
        return k;
    }

    private static string ScopeName(TypeReference t) => t.Scope switch
    {
        ModuleDefinition m => m.Assembly?.Name.Name ?? m.Name,
        AssemblyNameReference a => a.Name,
        ModuleReference mr => mr.Name,
        _ => "",
    };

    private static ValueKind ComputeKind(TypeReference t)
    {
        if (t.Namespace == "System" && !t.IsNested && (t.Name == "Object" || t.Name == "String")) return ValueKind.Ref;
        if (t.Namespace == "System" && !t.IsNested && t.Name == "TypedReference") return ValueKind.ValueType;
        var def = Resolve(t);
        if (def is null) return t.IsValueType ? ValueKind.ValueType : ValueKind.Ref;
        if (def.IsEnum)
        {
            var valueField = def.Fields.FirstOrDefault(f => !f.IsStatic);
            return valueField is null ? ValueKind.Int32 : KindOf(valueField.FieldType);
        }
        if (PrimitiveName(def) is { } p) return s_primitives[p];
        return def.IsValueType ? ValueKind.ValueType : ValueKind.Ref;
    }

    /// <summary>Resolves a type reference to its definition, or null if its assembly cannot be found.</summary>
    public static TypeDefinition? Resolve(TypeReference t)
    {
        try { return t.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    /// <summary>Resolves a method reference to its definition, or null.</summary>
    public static MethodDefinition? ResolveMethod(MethodReference m)
    {
        try { return m.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    /// <summary>Resolves a field reference to its definition, or null.</summary>
    public static FieldDefinition? ResolveField(FieldReference f)
    {
        try { return f.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    /// <summary>True for value types, including primitives and enums (false for generic parameters).</summary>
    public static bool IsValueType(TypeReference t)
    {
        var k = KindOf(t);
        return k is ValueKind.Int32 or ValueKind.Int64 or ValueKind.NativeInt or ValueKind.Float32 or ValueKind.Float64 or ValueKind.ValueType
               && StripModifiers(t) is not PointerType and not FunctionPointerType;
    }

    public static bool IsNullable(TypeReference t)
    {
        t = StripModifiers(t);
        return t is GenericInstanceType g && g.ElementType.FullName == "System.Nullable`1";
    }
}
