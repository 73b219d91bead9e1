using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using RSharp.Jit.Traces;
using F = RSharp.Jit.JitCodes.Serialization.JitCodeFormat;

namespace RSharp.Jit.JitCodes.Serialization;

/// <summary>
/// Reads the format <see cref="JitCodeWriter"/> writes. The header is checked first (magic,
/// version, instruction set, length, checksum); every count and index is bounds-checked, so a bad
/// image fails with a one-line <see cref="JitCodeFormatException"/>. Members are resolved on first
/// use and cached.
/// </summary>
internal sealed class JitCodeReader
{
    private readonly ByteSource _in;
    private readonly MemberResolver _resolver;
    private string[] _strings = [];
    private string[] _assemblies = [];
    private (byte Tag, int Offset)[] _members = [];
    private object?[] _resolved = [];
    private Descr[] _descrs = [];
    private JitCode[] _jitcodes = [];
    private string _current = "";

    private JitCodeReader(ByteSource input, MemberResolver resolver)
    {
        _in = input;
        _resolver = resolver;
    }

    public static JitCodeImage Read(byte[] data, MemberResolver resolver)
    {
        CheckHeader(data);
        var reader = new JitCodeReader(new ByteSource(data, F.HeaderSize, data.Length), resolver);
        try
        {
            return reader.ReadPayload();
        }
        catch (Exception e) when (e is not JitCodeFormatException)
        {
            throw new JitCodeFormatException($"cannot rebuild jitcode {reader._current}: {e.GetType().Name}: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Magic, version, instruction set, length and checksum.</summary>
    public static void CheckHeader(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var header = new ByteSource(data, 0, data.Length);
        if (data.Length < F.HeaderSize || !data.AsSpan(0, 4).SequenceEqual(F.Magic))
            throw new JitCodeFormatException("not a jitcode image (bad magic)");
        header.Fixed(4);
        int version = (int)header.Fixed(2);
        if (version != F.Version)
            throw new JitCodeFormatException($"format version {version}, this runtime reads version {F.Version}; translate the interpreter again");
        header.Fixed(2);
        uint isa = (uint)header.Fixed(4);
        if (isa != F.InstructionSetHash)
            throw new JitCodeFormatException($"written for another instruction set (hash {isa:x8}, this runtime has {F.InstructionSetHash:x8}); translate the interpreter again");
        long length = (long)header.Fixed(4);
        uint checksum = (uint)header.Fixed(4);
        if (length != data.Length - F.HeaderSize)
            throw new JitCodeFormatException($"truncated or padded: header says {length} payload bytes, {data.Length - F.HeaderSize} present");
        if (F.Fnv(data.AsSpan(F.HeaderSize)) != checksum)
            throw new JitCodeFormatException("corrupt: payload checksum mismatch");
    }

    internal static string FirstLine(string s) => s.Split('\n')[0].TrimEnd('\r');

    private JitCodeImage ReadPayload()
    {
        _strings = new string[_in.Count("string")];
        for (int k = 0; k < _strings.Length; k++) _strings[k] = _in.Utf8(_in.Count("string byte"));
        _assemblies = new string[_in.Count("assembly")];
        for (int k = 0; k < _assemblies.Length; k++) _assemblies[k] = Str();
        ReadMemberTable();
        var keys = new string[_in.Count("jitcode", 2)];
        _jitcodes = new JitCode[keys.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            keys[k] = Str();
            _jitcodes[k] = new JitCode(Str());
        }
        _current = "(descriptor table)";
        _descrs = new Descr[_in.Count("descriptor")];
        for (int k = 0; k < _descrs.Length; k++) _descrs[k] = ReadDescr(k);
        foreach (var j in _jitcodes) ReadBody(j);
        var roots = new string[_in.Count("root")];
        for (int k = 0; k < roots.Length; k++) roots[k] = Str();
        var residual = new Dictionary<string, string>();
        int nres = _in.Count("residual", 2);
        for (int k = 0; k < nres; k++) residual[Str()] = Str();
        if (!_in.AtEnd) throw new JitCodeFormatException($"corrupt: unexpected data at offset {_in.Position}");
        var byKey = new Dictionary<string, JitCode>(StringComparer.Ordinal);
        for (int k = 0; k < keys.Length; k++) byKey[keys[k]] = _jitcodes[k];
        return new JitCodeImage(byKey, roots, residual);
    }

    private string Str() => _strings[_in.Index(_strings.Length, "string")];

    /// <summary>Records where each member entry starts; entries are decoded when first needed.</summary>
    private void ReadMemberTable()
    {
        _members = new (byte, int)[_in.Count("member")];
        _resolved = new object?[_members.Length];
        for (int k = 0; k < _members.Length; k++)
        {
            int start = _in.Position;
            byte tag = _in.Byte();
            _members[k] = (tag, start);
            // Skip the entry: references point to earlier entries only.
            switch (tag)
            {
                case F.TypeDef: _in.UInt(); _in.UInt(); _in.UInt(); break;
                case F.SzArray or F.ByRef or F.Pointer: Earlier(k); break;
                case F.MdArray: Earlier(k); _in.UInt(); break;
                case F.GenericType: Earlier(k); for (int n = _in.Count("type argument"); n > 0; n--) Earlier(k); break;
                case F.Field or F.Constructor: Earlier(k); _in.UInt(); _in.UInt(); break;
                case F.Method: Earlier(k); _in.UInt(); _in.UInt(); for (int n = _in.Count("method type argument"); n > 0; n--) Earlier(k); break;
                case F.ArrayMethod: Earlier(k); _in.UInt(); _in.UInt(); break;
                default: throw new JitCodeFormatException($"corrupt: member tag {tag} at offset {start}");
            }
        }
    }

    private void Earlier(int k) => _in.Index(k, "member");

    private object Member(int k)
    {
        if (_resolved[k] is { } done) return done;
        var (tag, offset) = _members[k];
        var s = new ByteSourceAt(_in, offset + 1, _strings);
        object r = tag switch
        {
            F.TypeDef => _resolver.TypeDef(_assemblies[s.Index(_assemblies.Length)], (int)s.UInt(), s.Str()),
            F.SzArray => Type(s.UIntI()).MakeArrayType(),
            F.MdArray => Type(s.UIntI()).MakeArrayType((int)s.UInt()),
            F.ByRef => Type(s.UIntI()).MakeByRefType(),
            F.Pointer => Type(s.UIntI()).MakePointerType(),
            F.GenericType => Type(s.UIntI()).MakeGenericType(Enumerable.Range(0, s.UIntI()).Select(_ => Type(s.UIntI())).ToArray()),
            F.Field => _resolver.Field(Type(s.UIntI()), (int)s.UInt(), s.Str()),
            F.Method => _resolver.Method(Type(s.UIntI()), (int)s.UInt(), s.Str(),
                Enumerable.Range(0, s.UIntI()).Select(_ => Type(s.UIntI())).ToArray()),
            F.Constructor => _resolver.Method(Type(s.UIntI()), (int)s.UInt(), s.Str(), []),
            F.ArrayMethod => MemberResolver.ArrayMethod(Type(s.UIntI()), s.Str(), s.UIntI()),
            _ => throw new JitCodeFormatException($"corrupt: member tag {tag}"),
        };
        _resolved[k] = r;
        return r;
    }

    private T MemberOf<T>(string what) where T : class =>
        Member(_in.Index(_members.Length, "member")) as T
        ?? throw new JitCodeFormatException($"corrupt: member of jitcode {_current} is not a {what}");

    private Type Type(int k) => Member(k) as Type ?? throw new JitCodeFormatException("corrupt: member is not a type");

    private Descr DescrRef() => _descrs[_in.Index(_descrs.Length, "descriptor")];

    private Descr ReadDescr(int k)
    {
        byte tag = _in.Byte();
        switch (tag)
        {
            case F.FieldD:
            {
                string name = Str();
                var field = MemberOf<FieldInfo>("field");
                int flags = _in.Byte();
                return new FieldDescr(field, name, (flags & 1) != 0, (flags & 2) != 0);
            }
            case F.ArrayD: { string name = Str(); var elem = MemberOf<Type>("type"); return new ArrayDescr(elem, name, _in.Byte() != 0); }
            case F.TypeD: { string name = Str(); return new TypeDescr(MemberOf<Type>("type"), name); }
            case F.CallD: { string name = Str(); var m = MemberOf<MethodInfo>("method"); return new CallDescr(m, Effect(k), name); }
            case F.JitCodeD: return new JitCodeDescr(_jitcodes[_in.Index(_jitcodes.Length, "jitcode")]);
            case F.StaticFieldD: return new StaticFieldDescr(MemberOf<FieldInfo>("field"));
            case F.ConstructorD: { var c = MemberOf<ConstructorInfo>("constructor"); var e = Effect(k); return new ConstructorDescr(c, e, Str()); }
            case F.SwitchD:
            {
                string name = Str();
                int n = _in.Count("switch case", 2);
                var targets = new Dictionary<long, int>(n);
                for (int c = 0; c < n; c++) targets[_in.Int()] = (int)_in.UInt();
                return new SwitchDescr(name, targets);
            }
            case F.MergePointD: { string name = Str(); return new MergePointDescr(name, Str()); }
            case F.ReasonD: return new ReasonDescr(Str());
            default: throw new JitCodeFormatException($"corrupt: descriptor tag {tag} at offset {_in.Position - 1}");
        }
    }

    /// <summary>Effect info; its descriptors come earlier in the table than descriptor <paramref name="k"/>.</summary>
    private EffectInfo Effect(int k)
    {
        byte tag = _in.Byte();
        switch (tag)
        {
            case F.EffectResidual: return EffectInfo.Residual;
            case F.EffectElidableCannotRaise: return EffectInfo.ElidableCannotRaise;
            case F.EffectCannotRaise: return EffectInfo.CannotRaise;
            case F.EffectMayRaise: return EffectInfo.MayRaise;
            case F.EffectCustom:
                int extra = _in.Byte();
                if (extra > (int)EffectInfo.Extra.RandomEffects) throw new JitCodeFormatException($"corrupt: effect {extra}");
                bool invalidate = _in.Byte() != 0;
                List<T> List<T>() where T : Descr
                {
                    var l = new List<T>();
                    for (int n = _in.Count("effect descriptor"); n > 0; n--)
                        l.Add(_descrs[_in.Index(k, "effect descriptor")] as T ?? throw new JitCodeFormatException("corrupt: effect descriptor of the wrong kind"));
                    return l;
                }
                var rf = List<FieldDescr>();
                var wf = List<FieldDescr>();
                var ra = List<ArrayDescr>();
                var wa = List<ArrayDescr>();
                return new EffectInfo((EffectInfo.Extra)extra, rf, wf, ra, wa, invalidate);
            default: throw new JitCodeFormatException($"corrupt: effect tag {tag}");
        }
    }

    private void ReadBody(JitCode j)
    {
        _current = j.Name;
        int ni = (int)_in.UInt(), nr = (int)_in.UInt(), nf = (int)_in.UInt();
        var ints = new long[_in.Count("int constant")];
        for (int k = 0; k < ints.Length; k++) ints[k] = _in.Int();
        var floats = new double[_in.Count("float constant", 8)];
        for (int k = 0; k < floats.Length; k++) floats[k] = BitConverter.Int64BitsToDouble((long)_in.Fixed(8));
        var refs = new object?[_in.Count("ref constant")];
        for (int k = 0; k < refs.Length; k++) refs[k] = RefConst();
        var descrs = new Descr[_in.Count("descriptor reference")];
        for (int k = 0; k < descrs.Length; k++) descrs[k] = DescrRef();
        var lives = new LiveSet[_in.Count("live set", 3)];
        for (int k = 0; k < lives.Length; k++) lives[k] = new LiveSet(Bits(), Bits(), Bits());
        var args = new (char, int)[_in.Count("argument", 2)];
        for (int k = 0; k < args.Length; k++) args[k] = (Bank(), (int)_in.UInt());
        char result = (char)_in.Byte();
        if (result is not ('i' or 'r' or 'f' or 'v')) throw new JitCodeFormatException($"corrupt: result bank of {j.Name}");
        var returnType = MemberOf<Type>("type");
        var code = _in.Bytes(_in.Count("code byte"));
        j.SetCode(code, ni, nr, nf, ints, refs, floats, descrs, lives, args, result, returnType);
    }

    private char Bank()
    {
        char c = (char)_in.Byte();
        return c is 'i' or 'r' or 'f' ? c : throw new JitCodeFormatException($"corrupt: bank '{c}' of an argument of {_current}");
    }

    private BitArray Bits()
    {
        int n = (int)Math.Min(_in.UInt(), 1 << 16);
        var bytes = _in.Bytes((n + 7) / 8);
        return new BitArray(bytes) { Length = n };
    }

    private object? RefConst()
    {
        byte tag = _in.Byte();
        switch (tag)
        {
            case F.Null: return null;
            case F.String: return Str();
            case F.TypeConst: return MemberOf<Type>("type");
            case F.EnumConst:
            {
                var t = MemberOf<Type>("type");
                ulong raw = _in.Fixed(8);
                return System.Enum.ToObject(t, unchecked((long)raw));
            }
            case F.FieldHandle: return MemberOf<FieldInfo>("field").FieldHandle;
            case F.TypeHandle: return MemberOf<Type>("type").TypeHandle;
            case F.MethodHandle: return MemberOf<MethodBase>("method").MethodHandle;
            case F.NInt: return (nint)(long)_in.Fixed(8);
            case F.NUInt: return (nuint)_in.Fixed(8);
            case F.Primitive:
            {
                var code = (TypeCode)_in.Byte();
                ulong v = _in.Fixed(8);
                return code switch
                {
                    TypeCode.Boolean => v != 0,
                    TypeCode.Char => (char)v,
                    TypeCode.SByte => (sbyte)v,
                    TypeCode.Byte => (byte)v,
                    TypeCode.Int16 => (short)v,
                    TypeCode.UInt16 => (ushort)v,
                    TypeCode.Int32 => (int)v,
                    TypeCode.UInt32 => (uint)v,
                    TypeCode.Int64 => (long)v,
                    TypeCode.UInt64 => v,
                    TypeCode.Single => BitConverter.UInt32BitsToSingle((uint)v),
                    TypeCode.Double => BitConverter.UInt64BitsToDouble(v),
                    _ => throw new JitCodeFormatException($"corrupt: primitive constant of type code {code} in {_current}"),
                };
            }
            default: throw new JitCodeFormatException($"corrupt: constant tag {tag} in {_current}");
        }
    }

    /// <summary>A second cursor over the member table (members are decoded out of order, on demand).</summary>
    private sealed class ByteSourceAt(ByteSource main, int offset, string[] strings)
    {
        private readonly ByteSource _s = main.At(offset);
        public ulong UInt() => _s.UInt();
        public int UIntI() => (int)Math.Min(_s.UInt(), int.MaxValue);
        public int Index(int count) => _s.Index(count, "assembly");
        public string Str() => strings[_s.Index(strings.Length, "string")];
    }
}
