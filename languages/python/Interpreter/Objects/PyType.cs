using RSharp.Hints;

namespace PySharp.Interpreter;

/// <summary>A version tag: a fresh object each time a type (or one of its bases) changes.</summary>
public sealed class VersionTag { }

/// <summary>
/// A Python type. Method lookup is an elidable function of (type, version, name): the version
/// tag is quasi-immutable and replaced whenever the type's or a base's dict changes.
/// </summary>
public sealed class PyType : PyInstance
{
    public string Name;
    public string QualName;
    public PyType[] Bases;
    public PyType[] Mro = [];
    public readonly PyDict Dict = new();
    public readonly bool IsBuiltin;
    public PyType? Base => Bases.Length > 0 ? Bases[0] : null;
    /// <summary>The builtin type that provides instance storage (object, int, list, BaseException...).</summary>
    public PyType SolidBase = null!;
    /// <summary>Names from __slots__ (null when the class has a __dict__).</summary>
    public string[]? SlotNames;
    public bool HasInstanceDict = true;
    [QuasiImmutable] public VersionTag Version = new();
    private readonly List<WeakReference<PyType>> _subclasses = new();
    private Dictionary<string, PyObject?> _cache = new();
    private VersionTag _cacheVersion = null!;

    // Hooks looked up once per version (null when absent or the object default).
    private VersionTag? _hookVersion;
    private PyObject? _getattrHook, _getattributeHook, _setattrHook, _delattrHook;

    public PyType(string name, PyType[] bases, PyType? metatype = null, bool builtin = false) : base(metatype ?? TypeType)
    {
        Name = name;
        QualName = name;
        Bases = bases;
        IsBuiltin = builtin;
        if (metatype == null && TypeType == null) Class = this; // the 'type' type itself
        ComputeMro();
        SolidBase = builtin ? this : (bases.Length > 0 ? bases[0].SolidBase : this);
        foreach (var b in bases) b._subclasses.Add(new WeakReference<PyType>(this));
    }

    public override PyType Type => Class;

    /// <summary>Recomputes the MRO with C3 linearisation.</summary>
    public void ComputeMro()
    {
        if (Bases.Length == 0) { Mro = [this]; return; }
        if (Bases.Length == 1) { var m = new PyType[Bases[0].Mro.Length + 1]; m[0] = this; Array.Copy(Bases[0].Mro, 0, m, 1, m.Length - 1); Mro = m; return; }
        var seqs = new List<List<PyType>>();
        foreach (var b in Bases) seqs.Add(new List<PyType>(b.Mro));
        seqs.Add(new List<PyType>(Bases));
        var result = new List<PyType> { this };
        while (true)
        {
            seqs.RemoveAll(s => s.Count == 0);
            if (seqs.Count == 0) break;
            PyType? cand = null;
            foreach (var s in seqs)
            {
                var c = s[0];
                bool inTail = false;
                foreach (var s2 in seqs)
                    for (int i = 1; i < s2.Count; i++) if (s2[i] == c) { inTail = true; break; }
                if (!inTail) { cand = c; break; }
            }
            if (cand == null)
            {
                var names = new List<string>();
                foreach (var b in Bases) names.Add(b.Name);
                throw Ops.TypeError("Cannot create a consistent method resolution\norder (MRO) for bases " + string.Join(", ", names));
            }
            result.Add(cand);
            foreach (var s in seqs) if (s[0] == cand) s.RemoveAt(0);
        }
        Mro = result.ToArray();
    }

    /// <summary>Looks a name up along the MRO (no descriptors applied).</summary>
    public PyObject? Lookup(string name)
    {
        var self = Jit.Promote(this);
        var version = Jit.Promote(self.Version);
        // In compiled code the elidable lookup is constant-folded; the interpreter uses a per-type cache.
        if (Jit.WeAreJitted()) return self.LookupPure(name, version);
        return self.LookupCached(name, version);
    }

    /// <summary>The MRO walk: a pure function of (type, version, name).</summary>
    [Elidable]
    private PyObject? LookupPure(string name, VersionTag version)
    {
        foreach (var t in Mro)
        {
            var v = t.Dict.GetStrPure(name);
            if (v != null) return v;
        }
        return null;
    }

    private PyObject? LookupCached(string name, VersionTag version)
    {
        if (_cacheVersion != version) { _cache = new Dictionary<string, PyObject?>(); _cacheVersion = version; }
        if (_cache.TryGetValue(name, out var v)) return v;
        v = LookupPure(name, version);
        _cache[name] = v;
        return v;
    }

    /// <summary>Records a change to this type's dict: new version tags here and in every subclass.</summary>
    public void Modified()
    {
        Version = new VersionTag();
        foreach (var w in _subclasses)
            if (w.TryGetTarget(out var sub)) sub.Modified();
    }

    public List<PyType> Subclasses()
    {
        var l = new List<PyType>();
        foreach (var w in _subclasses) if (w.TryGetTarget(out var s)) l.Add(s);
        return l;
    }

    public bool IsSubtypeOf(PyType other)
    {
        if (this == other) return true;
        foreach (var t in Mro) if (t == other) return true;
        return false;
    }

    private void LoadHooks()
    {
        if (_hookVersion == Version) return;
        _getattrHook = Lookup("__getattr__");
        var ga = Lookup("__getattribute__");
        _getattributeHook = ga is PyBuiltin { IsObjectDefault: true } ? null : ga;
        var sa = Lookup("__setattr__");
        _setattrHook = sa is PyBuiltin { IsObjectDefault: true } ? null : sa;
        var da = Lookup("__delattr__");
        _delattrHook = da is PyBuiltin { IsObjectDefault: true } ? null : da;
        _hookVersion = Version;
    }

    public PyObject? GetAttrHook { get { LoadHooks(); return _getattrHook; } }
    public PyObject? GetAttributeHook { get { LoadHooks(); return _getattributeHook; } }
    public PyObject? SetAttrHook { get { LoadHooks(); return _setattrHook; } }
    public PyObject? DelAttrHook { get { LoadHooks(); return _delattrHook; } }

    private VersionTag? _initVersion;
    private PyFunction? _simpleInit;

    /// <summary>The Python __init__ when instances are plain objects created by object.__new__ (the common class call), else null.</summary>
    public PyFunction? SimpleInit()
    {
        if (_initVersion == Version) return _simpleInit;
        _simpleInit = null;
        if (!IsBuiltin && Class == TypeType && SolidBase == Object && Lookup("__new__") == TypeOps.ObjectNew && Lookup("__del__") == null)
            _simpleInit = Lookup("__init__") as PyFunction;
        _initVersion = Version;
        return _simpleInit;
    }

    public void SetTypeAttr(string name, PyObject value)
    {
        Dict.SetStr(name, value);
        Modified();
    }

    // ---- builtin types ----
    public static readonly PyType TypeType = null!;
    public static readonly PyType Object, NoneType, NotImplementedType, EllipsisType, Int, Bool, Float, Complex, Str, Bytes, ByteArray,
        List, Tuple, Dict_, Set, FrozenSet, Range, Slice, Function, BuiltinFunction, Method, Module, Property, StaticMethod,
        ClassMethod, Super, Generator, Code, Frame, Traceback, Cell, Iterator, CallIterator, MappingProxy, DictKeys, DictValues, DictItems,
        GetSetDescriptor, MemberDescriptor, Enumerate, Zip, Map_, Filter, Reversed, MethodDescriptor, BaseException;

    static PyType()
    {
        TypeType = new PyType("type", [], null, true);
        Object = new PyType("object", [], TypeType, true);
        TypeType.Bases = [Object];
        TypeType.ComputeMro();
        Object._subclasses.Add(new WeakReference<PyType>(TypeType));
        PyType B(string n, PyType? b = null) => new(n, [b ?? Object], TypeType, true);
        NoneType = B("NoneType"); NotImplementedType = B("NotImplementedType"); EllipsisType = B("ellipsis");
        Int = B("int"); Bool = B("bool", Int); Float = B("float"); Complex = B("complex"); Str = B("str"); Bytes = B("bytes");
        ByteArray = B("bytearray"); List = B("list"); Tuple = B("tuple"); Dict_ = B("dict"); Set = B("set"); FrozenSet = B("frozenset");
        Range = B("range"); Slice = B("slice"); Function = B("function"); BuiltinFunction = B("builtin_function_or_method");
        Method = B("method"); Module = B("module"); Property = B("property"); StaticMethod = B("staticmethod");
        ClassMethod = B("classmethod"); Super = B("super"); Generator = B("generator"); Code = B("code"); Frame = B("frame");
        Traceback = B("traceback"); Cell = B("cell"); Iterator = B("iterator"); CallIterator = B("callable_iterator");
        MappingProxy = B("mappingproxy"); DictKeys = B("dict_keys"); DictValues = B("dict_values"); DictItems = B("dict_items");
        GetSetDescriptor = B("getset_descriptor"); MemberDescriptor = B("member_descriptor"); Enumerate = B("enumerate");
        Zip = B("zip"); Map_ = B("map"); Filter = B("filter"); Reversed = B("reversed"); MethodDescriptor = B("method_descriptor");
        BaseException = B("BaseException");
    }
}
