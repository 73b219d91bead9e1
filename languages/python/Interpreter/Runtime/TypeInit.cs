namespace PySharp.Interpreter;

/// <summary>Fills the dicts of the builtin types with their methods (once per process).</summary>
public static partial class TypeInit
{
    private static bool s_done;
    private static readonly object s_lock = new();

    public static void EnsureInitialized()
    {
        lock (s_lock)
        {
            if (s_done) return;
            InitObject();
            InitType();
            InitMisc();
            InitNumbers();
            InitStr();
            InitSeq();
            InitDict();
            InitSet();
            InitExceptions();
            InitFunctions();
            foreach (var f in typeof(PyType).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
                if (f.GetValue(null) is PyType t) { t.Dict.SetStr("__module__", new PyStr("builtins")); t.Modified(); }
            foreach (var t in Exc.All) t.Modified();
            foreach (var f in typeof(PyType).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
                if (f.GetValue(null) is PyType bt) bt.HasInstanceDict = false;
            s_done = true;
        }
    }

    internal static string ObjectRepr(PyObject o)
    {
        var t = o.Type;
        var mod = t.Dict.GetStr("__module__");
        string prefix = mod is PyStr ms && ms.Value != "builtins" ? ms.Value + "." : "";
        return $"<{prefix}{t.QualName} object at 0x{Ops.Id(o):x12}>";
    }

    private static void InitObject()
    {
        var o = PyType.Object;
        TypeOps.ObjectInit = o.DefN("__init__", (a, k) =>
        {
            if (a.Length > 1 || (k != null && k.Length > 0))
            {
                var t = a[0].Type;
                if (t.Lookup("__init__") == TypeOps.ObjectInit || t.Lookup("__new__") is PyStaticMethod { Func: PyBuiltin { Name: "__new__", Owner: var ow } } && ow == PyType.Object)
                    throw Ops.TypeError($"{t.Name}.__init__() takes exactly one argument (the instance to initialize)");
            }
            return PyNone.Instance;
        });
        TypeOps.ObjectInit.IsObjectDefault = true;
        var onew = new PyBuiltin("__new__", (a, k) =>
        {
            if (a.Length == 0 || a[0] is not PyType t) throw Ops.TypeError("object.__new__(X): X is not a type object" + (a.Length > 0 ? $" ({Ops.TypeName(a[0])})" : ""));
            if (a.Length > 1 && t.Lookup("__init__") == TypeOps.ObjectInit) throw Ops.TypeError($"{t.Name}() takes no arguments");
            return TypeOps.Alloc(t);
        }) { Owner = o };
        TypeOps.ObjectNew = onew;
        o.Dict.SetStr("__new__", onew);
        o.Def("__repr__", s => new PyStr(ObjectRepr(s)));
        o.Def("__str__", s => Ops.Repr(s));
        var h = o.Def("__hash__", s => PyInt.Get(Ops.Id(s) >> 4));
        h.IsObjectDefault = true;
        o.Def("__eq__", (a, b) => ReferenceEquals(a, b) ? PyBool.True : PyNotImplemented.Instance);
        o.Def("__ne__", (a, b) =>
        {
            var r = Ops.CallMethod(a.Type.Lookup("__eq__")!, a, b);
            if (r == PyNotImplemented.Instance) return r;
            return PyBool.Of(!Ops.IsTrue(r));
        });
        foreach (var n in new[] { "__lt__", "__le__", "__gt__", "__ge__" })
            o.Def(n, (a, b) => PyNotImplemented.Instance);
        var ga = o.Def("__getattribute__", (s, n) =>
            Ops.GenericGetAttr(s, Ops.StrString(n), s.Type) ?? throw Ops.AttrNotFound(s, Ops.StrString(n)));
        ga.IsObjectDefault = true;
        var sa = o.Def("__setattr__", (s, n, v) => { Ops.GenericSetAttr(s, Ops.StrString(n), v); return PyNone.Instance; });
        sa.IsObjectDefault = true;
        var da = o.Def("__delattr__", (s, n) => { Ops.GenericSetAttr(s, Ops.StrString(n), null); return PyNone.Instance; });
        da.IsObjectDefault = true;
        o.Def("__format__", (s, spec) =>
        {
            var sp = Ops.StrString(spec);
            if (sp.Length > 0) throw Ops.TypeError($"unsupported format string passed to {Ops.TypeName(s)}.__format__");
            return Ops.Str(s);
        });
        o.DefClass("__init_subclass__", (a, k) => PyNone.Instance);
        o.DefClass("__subclasshook__", (a, k) => PyNotImplemented.Instance);
        o.Def("__dir__", s => Builtins.Dir(s));
        o.Def("__reduce_ex__", (s, p) => throw Ops.TypeError($"cannot pickle '{Ops.TypeName(s)}' object"));
        o.Def("__reduce__", s => throw Ops.TypeError($"cannot pickle '{Ops.TypeName(s)}' object"));
        o.Def("__getstate__", s => s is PyInstance inst && (inst.DictStorage != null || inst.Map.Count > 0) ? inst.GetDict() : PyNone.Instance);
        o.Def("__sizeof__", s => PyInt.Get(16));
        o.Prop("__class__", s => s.Type, (s, v) =>
        {
            if (s is PyInstance inst && v is PyType nt && !inst.Class.IsBuiltin) { inst.Class = nt; return; }
            throw Ops.TypeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        });
        o.Prop("__dict__", s => s switch
        {
            PyType t => new MappingProxy(t.Dict),
            PyInstance i when i.Type.HasInstanceDict || i is PyBaseException => i.GetDict(),
            PyFunction f => f.Dict ??= new PyDict(),
            PyModule m => m.Dict,
            _ => throw Ops.AttributeError($"'{Ops.TypeName(s)}' object has no attribute '__dict__'"),
        }, (s, v) =>
        {
            if (s is PyInstance i && v is PyDict d) { i.GetDict(); i.DictStorage = d; return; }
            throw Ops.TypeError("__dict__ must be set to a dictionary");
        });
        o.Prop("__doc__", s => s is PyType t ? (t.Dict.GetStr("__doc__") ?? PyNone.Instance) : (s.Type.Lookup("__doc__") is { } d && d is not PyGetSet ? d : PyNone.Instance));
        o.Prop("__module__", s => s is PyType t ? t.Dict.GetStr("__module__") ?? new PyStr("builtins") : s.Type.Lookup("__module__") ?? throw Ops.AttributeError("__module__"));
    }

    private static void InitType()
    {
        var t = PyType.TypeType;
        TypeOps.TypeCallDefault = t.DefN("__call__", (a, k) =>
        {
            var rest = new PyObject[a.Length - 1];
            Array.Copy(a, 1, rest, 0, rest.Length);
            return TypeOps.DefaultCall((PyType)a[0], rest, k);
        });
        t.DefStatic("__new__", (a, k) =>
        {
            int nkw = k?.Length ?? 0;
            int npos = a.Length - nkw;
            var meta = (PyType)a[0];
            if (npos == 2 && meta == PyType.TypeType) return a[1].Type;
            if (npos != 4) throw Ops.TypeError("type() takes 1 or 3 arguments");
            if (a[1] is not PyStr) throw Ops.TypeError($"type.__new__() argument 1 must be str, not {Ops.TypeName(a[1])}");
            if (a[2] is not PyTuple) throw Ops.TypeError($"type.__new__() argument 2 must be tuple, not {Ops.TypeName(a[2])}");
            if (a[3] is not PyDict) throw Ops.TypeError($"type.__new__() argument 3 must be dict, not {Ops.TypeName(a[3])}");
            var name = Ops.StrString(a[1]);
            var bases = Ops.ToArray(a[2]);
            var ns = a[3] as PyDict ?? DictOps.FromMapping(a[3]);
            meta = TypeOps.CalculateMeta(meta, bases);
            var cls = TypeOps.NewClass(meta, name, bases, ns);
            var kwv = new PyObject[nkw];
            Array.Copy(a, npos, kwv, 0, nkw);
            TypeOps.InitSubclass(cls, kwv, k);
            return cls;
        });
        t.DefN("__init__", (a, k) => PyNone.Instance);
        t.Def("__repr__", s =>
        {
            var ty = (PyType)s;
            var mod = ty.Dict.GetStr("__module__");
            if (mod is not PyStr ms || ms.Value == "builtins") return new PyStr($"<class '{ty.QualName}'>");
            return new PyStr($"<class '{ms.Value}.{ty.QualName}'>");
        });
        t.Prop("__name__", s => new PyStr(((PyType)s).Name), (s, v) => { ((PyType)s).Name = Ops.StrString(v!); });
        t.Prop("__qualname__", s => new PyStr(((PyType)s).QualName), (s, v) => { ((PyType)s).QualName = Ops.StrString(v!); });
        t.Prop("__bases__", s => PyTuple.Of(((PyType)s).Bases));
        t.Prop("__base__", s => (PyObject?)((PyType)s).Base ?? PyNone.Instance);
        t.Prop("__mro__", s => PyTuple.Of(((PyType)s).Mro));
        t.Prop("__dict__", s => new MappingProxy(((PyType)s).Dict));
        t.Prop("__doc__", s => ((PyType)s).Dict.GetStr("__doc__") ?? PyNone.Instance, (s, v) => ((PyType)s).SetTypeAttr("__doc__", v ?? PyNone.Instance));
        t.Prop("__module__", s => ((PyType)s).Dict.GetStr("__module__") ?? new PyStr("builtins"), (s, v) => ((PyType)s).SetTypeAttr("__module__", v ?? PyNone.Instance));
        t.Prop("__annotations__", s =>
        {
            var ty = (PyType)s;
            var an = ty.Dict.GetStr("__annotations__");
            if (an == null) { an = new PyDict(); if (!ty.IsBuiltin) ty.SetTypeAttr("__annotations__", an); }
            return an;
        });
        t.Def("mro", s => new PyList(((PyType)s).Mro));
        t.Def("__subclasses__", s => new PyList(((PyType)s).Subclasses().ToArray()));
        t.Def("__instancecheck__", (s, o) => PyBool.Of(TypeOps.IsInstance(o, s)));
        t.Def("__subclasscheck__", (s, o) => PyBool.Of(TypeOps.IsSubclass(o, s)));
        t.DefN("__prepare__", (a, k) => new PyDict());
        t.Def("__or__", (a, b) => new UnionType([a, b]));
        t.Def("__ror__", (a, b) => new UnionType([b, a]));
        t.Def("__dir__", s => Builtins.Dir(s));
    }

    private static void InitMisc()
    {
        PyType.NoneType.Def("__repr__", s => new PyStr("None"));
        PyType.NoneType.Def("__bool__", s => PyBool.False);
        PyType.NoneType.DefStatic("__new__", (a, k) => PyNone.Instance);
        PyType.NotImplementedType.Def("__repr__", s => new PyStr("NotImplemented"));
        PyType.EllipsisType.Def("__repr__", s => new PyStr("Ellipsis"));
        PyType.Cell.Prop("cell_contents", s => ((PyCell)s).Value ?? throw Ops.ValueError("Cell is empty"));
        var m = PyType.Module;
        m.Def("__repr__", s =>
        {
            var mod = (PyModule)s;
            var f = mod.Dict.GetStr("__file__");
            if (f is PyStr fs) return new PyStr($"<module '{mod.Name}' from '{fs.Value}'>");
            return new PyStr($"<module '{mod.Name}' (built-in)>");
        });
        m.DefStatic("__new__", (a, k) => new PyModule(a.Length > 1 ? Ops.StrString(a[1]) : "?"));
        m.DefN("__init__", (a, k) =>
        {
            if (a.Length > 1) ((PyModule)a[0]).Dict.SetStr("__name__", a[1]);
            if (a.Length > 2) ((PyModule)a[0]).Dict.SetStr("__doc__", a[2]);
            return PyNone.Instance;
        });
        var it = PyType.Iterator;
        foreach (var ty in new[] { PyType.Iterator, PyType.CallIterator, PyType.Enumerate, PyType.Zip, PyType.Map_, PyType.Filter, PyType.Reversed })
        {
            ty.Def("__iter__", s => s);
            ty.Def("__next__", s => ((PyIter)s).Next() ?? throw Ops.StopIteration());
        }
        PyType.Enumerate.DefStatic("__new__", (a, k) =>
        {
            var p = ArgParser.Parse("enumerate", a, k, ["iterable", "start"], 1, skip: 1);
            return new EnumerateIter(Ops.GetIter(p[0]!), p[1] != null ? Ops.IndexObj(p[1]!) : PyInt.Zero);
        });
        PyType.Zip.DefStatic("__new__", (a, k) =>
        {
            bool strict = false;
            int nkw = k?.Length ?? 0;
            for (int i = 0; i < nkw; i++)
            {
                if (k![i] == "strict") strict = Ops.IsTrue(a[a.Length - nkw + i]);
                else throw Ops.TypeError($"zip() got an unexpected keyword argument '{k[i]}'");
            }
            var its = new PyObject[a.Length - 1 - nkw];
            for (int i = 0; i < its.Length; i++) its[i] = Ops.GetIter(a[i + 1]);
            return new ZipIter(its, strict);
        });
        PyType.Map_.DefStatic("__new__", (a, k) =>
        {
            if (a.Length < 3) throw Ops.TypeError("map() must have at least two arguments.");
            var its = new PyObject[a.Length - 2];
            for (int i = 0; i < its.Length; i++) its[i] = Ops.GetIter(a[i + 2]);
            return new MapIter(a[1], its);
        });
        PyType.Filter.DefStatic("__new__", (a, k) =>
        {
            if (a.Length != 3) throw Ops.TypeError($"filter expected 2 arguments, got {a.Length - 1}");
            return new FilterIter(a[1] == PyNone.Instance ? null : a[1], Ops.GetIter(a[2]));
        });
        PyType.Reversed.DefStatic("__new__", (a, k) =>
        {
            ArgParser.Count("reversed", a, 1, 1, 1);
            return Builtins.Reversed(a[1]);
        });
        _ = it;
        var mp = PyType.MappingProxy;
        mp.Def("__getitem__", (s, key) => ((MappingProxy)s).Dict.Get(key) ?? throw Ops.KeyError(key));
        mp.Def("__iter__", s => new DictIter(((MappingProxy)s).Dict, 0));
        mp.Def("__len__", s => PyInt.Get(((MappingProxy)s).Dict.Count));
        mp.Def("__contains__", (s, key) => PyBool.Of(((MappingProxy)s).Dict.ContainsKey(key)));
        mp.Def("keys", s => new DictView(((MappingProxy)s).Dict, 0));
        mp.Def("values", s => new DictView(((MappingProxy)s).Dict, 1));
        mp.Def("items", s => new DictView(((MappingProxy)s).Dict, 2));
        mp.DefN("get", (a, k) => ((MappingProxy)a[0]).Dict.Get(a[1]) ?? (a.Length > 2 ? a[2] : PyNone.Instance));
        mp.Def("copy", s => ((MappingProxy)s).Dict.Copy());
        mp.Def("__repr__", s => new PyStr("mappingproxy(" + Ops.DictRepr(((MappingProxy)s).Dict) + ")"));
    }
}

/// <summary>A read-only view of a type's dict.</summary>
public sealed class MappingProxy(PyDict d) : PyObject
{
    public readonly PyDict Dict = d;
    public override PyType Type => PyType.MappingProxy;
}
