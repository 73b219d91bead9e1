using System.Reflection;
using System.Text;
using RSharp.Jit.Traces;
using F = RSharp.Jit.JitCodes.Serialization.JitCodeFormat;

namespace RSharp.Jit.JitCodes.Serialization;

/// <summary>
/// Writes a <see cref="JitCodeImage"/> in the binary format of docs/jitcodes.md ("Serialized
/// jitcodes"): strings, assemblies, reflection members and descriptors in shared tables, then
/// every jitcode. Reflection members are written as assembly name plus metadata token (generic
/// instantiations as definition plus type arguments), so the reader needs no Cecil.
/// </summary>
public sealed class JitCodeWriter
{
    private readonly Func<string, int, int>? _tokenMap;
    private readonly List<string> _strings = new();
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> _assemblies = new();
    private readonly Dictionary<string, int> _assemblyIndex = new(StringComparer.Ordinal);
    private readonly ByteSink _members = new();
    private int _memberCount;
    private readonly Dictionary<object, int> _memberIndex = new();
    private readonly ByteSink _descrs = new();
    private readonly List<Descr> _descrList = new();
    private readonly Dictionary<Descr, int> _descrIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JitCode, int> _jitcodeIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<(string Key, JitCode Code)> _jitcodes = new();
    private string _current = "";

    private JitCodeWriter(Func<string, int, int>? tokenMap) => _tokenMap = tokenMap;

    /// <summary>
    /// Serializes <paramref name="image"/>. <paramref name="tokenMap"/> maps (assembly simple name,
    /// metadata token) of a definition to its token in the assembly that will be loaded at run time,
    /// for assemblies rewritten after the jitcodes were built (identity when null).
    /// </summary>
    /// <exception cref="NotSupportedException">A descriptor kind, constant or member the format cannot express (the message names the jitcode).</exception>
    public static byte[] Write(JitCodeImage image, Func<string, int, int>? tokenMap = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var w = new JitCodeWriter(tokenMap);
        foreach (var (key, code) in image.JitCodes.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.AddJitCode(key, code);
        var bodies = new ByteSink();
        // Referenced jitcodes are appended while descriptors are registered, so loop by index.
        for (int k = 0; k < w._jitcodes.Count; k++)
        {
            w._current = w._jitcodes[k].Code.Name;
            foreach (var d in w._jitcodes[k].Code.Descrs) w.DescrIndex(d);
        }
        for (int k = 0; k < w._jitcodes.Count; k++) w.Body(bodies, w._jitcodes[k].Code);
        var tail = new ByteSink();
        tail.UInt((ulong)image.Roots.Count);
        foreach (var r in image.Roots) tail.UInt((ulong)w.Str(r));
        tail.UInt((ulong)image.Residual.Count);
        foreach (var (name, why) in image.Residual.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            tail.UInt((ulong)w.Str(name));
            tail.UInt((ulong)w.Str(why));
        }
        return w.Assemble(bodies, tail);
    }

    private byte[] Assemble(ByteSink bodies, ByteSink tail)
    {
        var heads = new ByteSink();
        heads.UInt((ulong)_jitcodes.Count);
        foreach (var (key, code) in _jitcodes)
        {
            heads.UInt((ulong)Str(key));
            heads.UInt((ulong)Str(code.Name));
        }
        var payload = new ByteSink();
        payload.UInt((ulong)_strings.Count);
        foreach (var s in _strings)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            payload.UInt((ulong)bytes.Length);
            payload.Bytes(bytes);
        }
        payload.UInt((ulong)_assemblies.Count);
        foreach (var a in _assemblies) payload.UInt((ulong)_stringIndex[a]);
        payload.UInt((ulong)_memberCount);
        payload.Bytes(_members.Written);
        payload.Bytes(heads.Written);
        payload.UInt((ulong)_descrList.Count);
        payload.Bytes(_descrs.Written);
        payload.Bytes(bodies.Written);
        payload.Bytes(tail.Written);

        var result = new ByteSink();
        result.Bytes(F.Magic);
        result.Fixed(F.Version, 2);
        result.Fixed(0, 2);
        result.Fixed(F.InstructionSetHash, 4);
        result.Fixed((ulong)payload.Length, 4);
        result.Fixed(F.Fnv(payload.Written), 4);
        result.Bytes(payload.Written);
        return result.Written.ToArray();
    }

    private int AddJitCode(string key, JitCode code)
    {
        if (_jitcodeIndex.TryGetValue(code, out int k)) return k;
        if (!code.IsFilled) throw new InvalidOperationException($"jitcode {code.Name} is not filled");
        k = _jitcodes.Count;
        _jitcodes.Add((key, code));
        _jitcodeIndex[code] = k;
        return k;
    }

    private int Str(string s)
    {
        if (_stringIndex.TryGetValue(s, out int k)) return k;
        k = _strings.Count;
        _strings.Add(s);
        _stringIndex[s] = k;
        return k;
    }

    private int AssemblyOf(Module module)
    {
        if (module.Assembly.ManifestModule != module || module.Assembly.IsDynamic)
            throw new NotSupportedException($"jitcode {_current}: member of module {module.Name}, which is not the manifest module of a static assembly");
        string name = module.Assembly.GetName().Name!;
        if (_assemblyIndex.TryGetValue(name, out int k)) return k;
        Str(name);
        k = _assemblies.Count;
        _assemblies.Add(name);
        _assemblyIndex[name] = k;
        return k;
    }

    private ulong Token(Module module, int token) =>
        (ulong)(uint)(_tokenMap?.Invoke(module.Assembly.GetName().Name!, token) ?? token);

    private int Member(object key, Action<ByteSink> write)
    {
        if (_memberIndex.TryGetValue(key, out int k)) return k;
        var entry = new ByteSink();
        write(entry);   // registers the members this one refers to first
        k = _memberCount++;
        _members.Bytes(entry.Written);
        _memberIndex[key] = k;
        return k;
    }

    private int TypeIndex(Type t) => Member(t, s =>
    {
        if (t.IsGenericParameter || t.ContainsGenericParameters && !t.IsGenericTypeDefinition)
            throw new NotSupportedException($"jitcode {_current}: open generic type {t} in a descriptor");
        if (t.IsArray)
        {
            int elem = TypeIndex(t.GetElementType()!);
            if (t.IsSZArray) { s.Byte(F.SzArray); s.UInt((ulong)elem); }
            else { s.Byte(F.MdArray); s.UInt((ulong)elem); s.UInt((ulong)t.GetArrayRank()); }
        }
        else if (t.IsByRef || t.IsPointer)
        {
            int elem = TypeIndex(t.GetElementType()!);
            s.Byte(t.IsByRef ? F.ByRef : F.Pointer);
            s.UInt((ulong)elem);
        }
        else if (t.IsConstructedGenericType)
        {
            int def = TypeIndex(t.GetGenericTypeDefinition());
            var args = t.GetGenericArguments().Select(TypeIndex).ToArray();
            s.Byte(F.GenericType);
            s.UInt((ulong)def);
            s.UInt((ulong)args.Length);
            foreach (var a in args) s.UInt((ulong)a);
        }
        else
        {
            if (t.IsFunctionPointer) throw new NotSupportedException($"jitcode {_current}: function pointer type {t}");
            int asm = AssemblyOf(t.Module);
            int name = Str(t.Name);
            s.Byte(F.TypeDef);
            s.UInt((ulong)asm);
            s.UInt(Token(t.Module, t.MetadataToken));
            s.UInt((ulong)name);
        }
    });

    private int FieldIndex(FieldInfo f) => Member(f, s =>
    {
        var declaring = f.DeclaringType ?? throw new NotSupportedException($"jitcode {_current}: module-level field {f.Name}");
        int type = TypeIndex(declaring);
        AssemblyOf(f.Module);
        int name = Str(f.Name);
        s.Byte(F.Field);
        s.UInt((ulong)type);
        s.UInt(Token(f.Module, f.MetadataToken));
        s.UInt((ulong)name);
    });

    private int MethodIndex(MethodBase m) => Member(m, s =>
    {
        var declaring = m.DeclaringType ?? throw new NotSupportedException($"jitcode {_current}: module-level method {m.Name}");
        int type = TypeIndex(declaring);
        int name = Str(m.Name);
        if (declaring.IsArray)
        {
            // Array methods (Get, Set, Address, constructors) are made up by the runtime: no token.
            s.Byte(F.ArrayMethod);
            s.UInt((ulong)type);
            s.UInt((ulong)name);
            s.UInt((ulong)m.GetParameters().Length);
            return;
        }
        if (m is MethodInfo { IsGenericMethodDefinition: true } || m.ContainsGenericParameters && !declaring.ContainsGenericParameters)
            throw new NotSupportedException($"jitcode {_current}: open generic method {declaring.Name}.{m.Name}");
        var args = m is MethodInfo { IsGenericMethod: true } mi ? mi.GetGenericArguments().Select(TypeIndex).ToArray() : [];
        AssemblyOf(m.Module);
        s.Byte(m is ConstructorInfo ? F.Constructor : F.Method);
        s.UInt((ulong)type);
        s.UInt(Token(m.Module, m.MetadataToken));
        s.UInt((ulong)name);
        if (m is MethodInfo)
        {
            s.UInt((ulong)args.Length);
            foreach (var a in args) s.UInt((ulong)a);
        }
    });

    private int DescrIndex(Descr d)
    {
        if (_descrIndex.TryGetValue(d, out int k)) return k;
        var s = new ByteSink();
        switch (d)
        {
            case FieldDescr fd:
                s.Byte(F.FieldD);
                s.UInt((ulong)Str(fd.Name));
                s.UInt((ulong)FieldIndex(fd.Field));
                s.Byte((fd.IsImmutable ? 1 : 0) | (fd.IsQuasiImmutable ? 2 : 0));
                break;
            case ArrayDescr ad:
                s.Byte(F.ArrayD);
                s.UInt((ulong)Str(ad.Name));
                s.UInt((ulong)TypeIndex(ad.ElementType));
                s.Byte(ad.IsImmutable ? 1 : 0);
                break;
            case TypeDescr td:
                s.Byte(F.TypeD);
                s.UInt((ulong)Str(td.Name));
                s.UInt((ulong)TypeIndex(td.Type));
                break;
            case CallDescr cd:
                if (cd.Delegate is not null)
                    throw new NotSupportedException($"jitcode {_current}: call descriptor {cd.Name} wraps a delegate, which cannot be serialized");
                s.Byte(F.CallD);
                s.UInt((ulong)Str(cd.Name));
                s.UInt((ulong)MethodIndex(cd.Method));
                Effect(s, cd.Effect);
                break;
            case JitCodeDescr jd:
                s.Byte(F.JitCodeD);
                s.UInt((ulong)AddJitCode(jd.JitCode.Name, jd.JitCode));
                break;
            case StaticFieldDescr sd:
                s.Byte(F.StaticFieldD);
                s.UInt((ulong)FieldIndex(sd.Field));
                break;
            case ConstructorDescr ctor:
                s.Byte(F.ConstructorD);
                s.UInt((ulong)MethodIndex(ctor.Constructor));
                Effect(s, ctor.Effect);
                s.UInt((ulong)Str(ctor.Name));
                break;
            case SwitchDescr sw:
                s.Byte(F.SwitchD);
                s.UInt((ulong)Str(sw.Name));
                s.UInt((ulong)sw.Targets.Count);
                foreach (var (value, target) in sw.Targets)
                {
                    s.Int(value);
                    s.UInt((ulong)target);
                }
                break;
            case MergePointDescr mp:
                s.Byte(F.MergePointD);
                s.UInt((ulong)Str(mp.Name));
                s.UInt((ulong)Str(mp.ArgBanks));
                break;
            case ReasonDescr rd:
                s.Byte(F.ReasonD);
                s.UInt((ulong)Str(rd.Name));
                break;
            default:
                throw new NotSupportedException($"jitcode {_current}: descriptor kind {d.GetType().Name} ({d}) has no serialized form");
        }
        k = _descrList.Count;
        _descrList.Add(d);
        _descrIndex[d] = k;
        _descrs.Bytes(s.Written);
        return k;
    }

    /// <summary>An effect: one of the shared instances, or spelled out (its field and array descriptors are registered first).</summary>
    private void Effect(ByteSink s, EffectInfo e)
    {
        if (ReferenceEquals(e, EffectInfo.Residual)) { s.Byte(F.EffectResidual); return; }
        if (ReferenceEquals(e, EffectInfo.ElidableCannotRaise)) { s.Byte(F.EffectElidableCannotRaise); return; }
        if (ReferenceEquals(e, EffectInfo.CannotRaise)) { s.Byte(F.EffectCannotRaise); return; }
        if (ReferenceEquals(e, EffectInfo.MayRaise)) { s.Byte(F.EffectMayRaise); return; }
        var lists = new IEnumerable<Descr>[] { e.ReadFields, e.WriteFields, e.ReadArrays, e.WriteArrays }
            .Select(l => l.Select(DescrIndex).ToArray()).ToArray();
        s.Byte(F.EffectCustom);
        s.Byte((int)e.ExtraEffect);
        s.Byte(e.CanInvalidate ? 1 : 0);
        foreach (var l in lists)
        {
            s.UInt((ulong)l.Length);
            foreach (var x in l) s.UInt((ulong)x);
        }
    }

    private void Body(ByteSink s, JitCode j)
    {
        _current = j.Name;
        s.UInt((ulong)j.NumInts);
        s.UInt((ulong)j.NumRefs);
        s.UInt((ulong)j.NumFloats);
        s.UInt((ulong)j.ConstInts.Length);
        foreach (var v in j.ConstInts) s.Int(v);
        s.UInt((ulong)j.ConstFloats.Length);
        foreach (var v in j.ConstFloats) s.Fixed((ulong)BitConverter.DoubleToInt64Bits(v), 8);
        s.UInt((ulong)j.ConstRefs.Length);
        foreach (var v in j.ConstRefs) RefConst(s, v);
        s.UInt((ulong)j.Descrs.Length);
        foreach (var d in j.Descrs) s.UInt((ulong)DescrIndex(d));
        s.UInt((ulong)j.LiveSets.Length);
        foreach (var l in j.LiveSets)
            foreach (var bank in "irf")
            {
                var bits = l.Of(bank);
                var bytes = new byte[(bits.Length + 7) / 8];
                bits.CopyTo(bytes, 0);
                s.UInt((ulong)bits.Length);
                s.Bytes(bytes);
            }
        s.UInt((ulong)j.Arguments.Length);
        foreach (var (bank, reg) in j.Arguments)
        {
            s.Byte(bank);
            s.UInt((ulong)reg);
        }
        s.Byte(j.ResultBank);
        s.UInt((ulong)TypeIndex(j.ReturnType));
        s.UInt((ulong)j.Code.Length);
        s.Bytes(j.Code);
    }

    private void RefConst(ByteSink s, object? v)
    {
        switch (v)
        {
            case null: s.Byte(F.Null); return;
            case string str: s.Byte(F.String); s.UInt((ulong)Str(str)); return;
            case Type t: { int ti = TypeIndex(t); s.Byte(F.TypeConst); s.UInt((ulong)ti); return; }
            case Enum e:
            {
                int ti = TypeIndex(e.GetType());
                s.Byte(F.EnumConst);
                s.UInt((ulong)ti);
                s.Fixed(Type.GetTypeCode(e.GetType()) == TypeCode.UInt64 ? Convert.ToUInt64(e) : (ulong)Convert.ToInt64(e), 8);
                return;
            }
            // ldtoken operands (array initializers read their data through a field handle).
            case RuntimeFieldHandle h: { int fi = FieldIndex(FieldInfo.GetFieldFromHandle(h)); s.Byte(F.FieldHandle); s.UInt((ulong)fi); return; }
            case RuntimeTypeHandle h: { int ti = TypeIndex(Type.GetTypeFromHandle(h)!); s.Byte(F.TypeHandle); s.UInt((ulong)ti); return; }
            case RuntimeMethodHandle h: { int mi = MethodIndex(MethodBase.GetMethodFromHandle(h)!); s.Byte(F.MethodHandle); s.UInt((ulong)mi); return; }
            case nint n: s.Byte(F.NInt); s.Fixed((ulong)(long)n, 8); return;
            case nuint n: s.Byte(F.NUInt); s.Fixed((ulong)n, 8); return;
        }
        var code = Type.GetTypeCode(v.GetType());
        ulong bits = code switch
        {
            TypeCode.Boolean => (bool)v ? 1UL : 0UL,
            TypeCode.Char => (char)v,
            TypeCode.SByte => (ulong)(sbyte)v,
            TypeCode.Byte => (byte)v,
            TypeCode.Int16 => (ulong)(short)v,
            TypeCode.UInt16 => (ushort)v,
            TypeCode.Int32 => (ulong)(int)v,
            TypeCode.UInt32 => (uint)v,
            TypeCode.Int64 => (ulong)(long)v,
            TypeCode.UInt64 => (ulong)v,
            TypeCode.Single => BitConverter.SingleToUInt32Bits((float)v),
            TypeCode.Double => BitConverter.DoubleToUInt64Bits((double)v),
            _ => throw new NotSupportedException(
                $"jitcode {_current}: constant of type {v.GetType().FullName} cannot be serialized (only null, strings, types, runtime handles, primitives and enums)"),
        };
        s.Byte(F.Primitive);
        s.Byte((int)code);
        s.Fixed(bits, 8);
    }
}
