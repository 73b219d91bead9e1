namespace PySharp.Interpreter;

public static partial class TypeInit
{
    private static void InitFunctions()
    {
        var f = PyType.Function;
        f.Def("__repr__", s => new PyStr($"<function {((PyFunction)s).QualName} at 0x{Ops.Id(s):x12}>"));
        f.DefN("__get__", (a, k) => a[1] == PyNone.Instance ? a[0] : new PyMethod(a[0], a[1]));
        f.Prop("__name__", s => new PyStr(((PyFunction)s).Name), (s, v) => ((PyFunction)s).Name = Ops.StrString(v!));
        f.Prop("__qualname__", s => new PyStr(((PyFunction)s).QualName), (s, v) => ((PyFunction)s).QualName = Ops.StrString(v!));
        f.Prop("__doc__", s => ((PyFunction)s).Doc, (s, v) => ((PyFunction)s).Doc = v ?? PyNone.Instance);
        f.Prop("__module__", s => ((PyFunction)s).Module, (s, v) => ((PyFunction)s).Module = v ?? PyNone.Instance);
        f.Prop("__defaults__", s => ((PyFunction)s).Defaults is { } d ? PyTuple.Of(d) : PyNone.Instance,
            (s, v) => ((PyFunction)s).Defaults = v is PyTuple t ? t.Items : null);
        f.Prop("__kwdefaults__", s => (PyObject?)((PyFunction)s).KwDefaults ?? PyNone.Instance, (s, v) => ((PyFunction)s).KwDefaults = v as PyDict);
        f.Prop("__code__", s => ((PyFunction)s).Code, (s, v) => ((PyFunction)s).Code = (PyCode)v!);
        f.Prop("__globals__", s => ((PyFunction)s).Globals);
        f.Prop("__closure__", s => ((PyFunction)s).Closure is { } c ? PyTuple.Of(c) : PyNone.Instance);
        f.Prop("__annotations__", s => ((PyFunction)s).Annotations ??= new PyDict(), (s, v) => ((PyFunction)s).Annotations = v);
        f.Prop("__dict__", s => ((PyFunction)s).Dict ??= new PyDict(), (s, v) => ((PyFunction)s).Dict = (PyDict)v!);
        f.Prop("__builtins__", s => Runtime.Current.Builtins);

        var m = PyType.Method;
        m.Def("__repr__", s =>
        {
            var mm = (PyMethod)s;
            string name = mm.Func switch { PyFunction fn => fn.QualName, PyBuiltin b => b.Name, _ => "?" };
            return new PyStr($"<bound method {name} of {Ops.ReprString(mm.Self)}>");
        });
        m.Prop("__func__", s => ((PyMethod)s).Func);
        m.Prop("__self__", s => ((PyMethod)s).Self);
        m.Prop("__name__", s => Ops.GetAttr(((PyMethod)s).Func, "__name__"));
        m.Prop("__qualname__", s => Ops.GetAttr(((PyMethod)s).Func, "__qualname__"));
        m.Prop("__doc__", s => Ops.GetAttr(((PyMethod)s).Func, "__doc__"));
        m.Def("__eq__", (a, b) => PyBool.Of(b is PyMethod mb && ((PyMethod)a).Func == mb.Func && ((PyMethod)a).Self == mb.Self));
        m.Def("__hash__", s => PyInt.Get(Ops.Hash(((PyMethod)s).Func) ^ Ops.Id(((PyMethod)s).Self)));
        m.Def("__getattribute__", (s, n) =>
        {
            var name = Ops.StrString(n);
            var r = Ops.GenericGetAttr(s, name, s.Type);
            return r ?? Ops.GetAttr(((PyMethod)s).Func, name);
        });

        foreach (var bt in new[] { PyType.BuiltinFunction, PyType.MethodDescriptor })
        {
            bt.Def("__repr__", s =>
            {
                var b = (PyBuiltin)s;
                if (b.Self != null && b.Self is not PyModule) return new PyStr($"<built-in method {b.Name} of {Ops.TypeName(b.Self)} object at 0x{Ops.Id(b.Self):x12}>");
                if (b.IsMethod && b.Self == null && b.Owner != null) return new PyStr($"<method '{b.Name}' of '{b.Owner.Name}' objects>");
                return new PyStr($"<built-in function {b.Name}>");
            });
            bt.Prop("__name__", s => new PyStr(((PyBuiltin)s).Name));
            bt.Prop("__qualname__", s => new PyStr(((PyBuiltin)s).Owner is { } o ? o.Name + "." + ((PyBuiltin)s).Name : ((PyBuiltin)s).Name));
            bt.Prop("__self__", s => ((PyBuiltin)s).Self ?? PyNone.Instance);
            bt.Prop("__doc__", s => ((PyBuiltin)s).Doc is { } d ? new PyStr(d) : PyNone.Instance);
            bt.Prop("__module__", s => new PyStr("builtins"));
        }
        PyType.MethodDescriptor.DefN("__get__", (a, k) => a[1] == PyNone.Instance ? a[0] : ((PyBuiltin)a[0]).Bind(a[1]));

        var sm = PyType.StaticMethod;
        sm.DefStatic("__new__", (a, k) => new PyStaticMethod(a[1]));
        sm.DefN("__init__", (a, k) => PyNone.Instance);
        sm.DefN("__get__", (a, k) => ((PyStaticMethod)a[0]).Func);
        sm.Prop("__func__", s => ((PyStaticMethod)s).Func);
        sm.DefN("__call__", (a, k) => Ops.Call(((PyStaticMethod)a[0]).Func, a[1..], k));
        sm.Prop("__isabstractmethod__", s => Ops.GetAttrOrNull(((PyStaticMethod)s).Func, "__isabstractmethod__") ?? PyBool.False);
        var cm = PyType.ClassMethod;
        cm.DefStatic("__new__", (a, k) => new PyClassMethod(a[1]));
        cm.DefN("__init__", (a, k) => PyNone.Instance);
        cm.DefN("__get__", (a, k) => new PyMethod(((PyClassMethod)a[0]).Func, a.Length < 3 || a[2] == PyNone.Instance ? a[1].Type : a[2]));
        cm.Prop("__func__", s => ((PyClassMethod)s).Func);
        cm.Prop("__isabstractmethod__", s => Ops.GetAttrOrNull(((PyClassMethod)s).Func, "__isabstractmethod__") ?? PyBool.False);

        var p = PyType.Property;
        p.DefStatic("__new__", (a, k) => new PyProperty(null, null, null, null) { Class = (PyType)a[0] == PyType.Property ? null : (PyType)a[0] });
        p.DefN("__init__", (a, k) =>
        {
            var r = ArgParser.Parse("property", a, k, ["fget", "fset", "fdel", "doc"], 0, skip: 1);
            var pr = (PyProperty)a[0];
            PyObject? N(PyObject? x) => x == PyNone.Instance ? null : x;
            pr.Get = N(r[0]); pr.Set = N(r[1]); pr.Del = N(r[2]);
            if (r[3] != null && r[3] != PyNone.Instance) pr.Doc = r[3]!;
            else if (pr.Get != null) pr.Doc = Ops.GetAttrOrNull(pr.Get, "__doc__") ?? PyNone.Instance;
            return PyNone.Instance;
        });
        p.DefN("__get__", (a, k) => a[1] == PyNone.Instance ? a[0] : Ops.DescrGet(a[0], a[1], a[1].Type));
        p.Def("__set__", (s, o, v) => { Ops.DescrSet(s, o, v); return PyNone.Instance; });
        p.Def("__delete__", (s, o) => { Ops.DescrSet(s, o, null); return PyNone.Instance; });
        p.Def("getter", (s, g) => CopyProp((PyProperty)s, g, 0));
        p.Def("setter", (s, g) => CopyProp((PyProperty)s, g, 1));
        p.Def("deleter", (s, g) => CopyProp((PyProperty)s, g, 2));
        p.Def("__set_name__", (s, o, n) => { ((PyProperty)s).Name = n; return PyNone.Instance; });
        p.Prop("fget", s => ((PyProperty)s).Get ?? PyNone.Instance);
        p.Prop("fset", s => ((PyProperty)s).Set ?? PyNone.Instance);
        p.Prop("fdel", s => ((PyProperty)s).Del ?? PyNone.Instance);
        p.Prop("__doc__", s => ((PyProperty)s).Doc, (s, v) => ((PyProperty)s).Doc = v ?? PyNone.Instance);
        p.Prop("__isabstractmethod__", s => ((PyProperty)s).Get is { } g ? Ops.GetAttrOrNull(g, "__isabstractmethod__") ?? PyBool.False : PyBool.False);

        var su = PyType.Super;
        su.DefStatic("__new__", (a, k) =>
        {
            if (a.Length == 1) return TypeOps.ZeroArgSuper();
            if (a[1] is not PyType t) throw Ops.TypeError("super() argument 1 must be a type, not " + Ops.TypeName(a[1]));
            if (a.Length == 2) return new PySuper(t, null, null);
            return TypeOps.MakeSuper(t, a[2]);
        });
        su.DefN("__init__", (a, k) => PyNone.Instance);
        su.Def("__repr__", s =>
        {
            var sp = (PySuper)s;
            return new PyStr(sp.ObjType != null ? $"<super: <class '{sp.ThisType.Name}'>, <{sp.ObjType.Name} object>>" : $"<super: <class '{sp.ThisType.Name}'>, NULL>");
        });
        su.Prop("__thisclass__", s => ((PySuper)s).ThisType);
        su.Prop("__self__", s => ((PySuper)s).Obj ?? PyNone.Instance);
        su.Prop("__self_class__", s => (PyObject?)((PySuper)s).ObjType ?? PyNone.Instance);

        var g = PyType.Generator;
        g.Def("__iter__", s => s);
        g.Def("__next__", s => ((PyGenerator)s).Send(PyNone.Instance));
        g.Def("send", (s, v) => ((PyGenerator)s).Send(v));
        g.DefN("throw", (a, k) =>
        {
            var gen = (PyGenerator)a[0];
            PyBaseException exc;
            if (a.Length >= 3 && a[1] is PyType et && a[2] != PyNone.Instance)
                exc = a[2] is PyBaseException be ? be : Interpreter.MakeException(Ops.Call(et, a[2]));
            else exc = Interpreter.MakeException(a[1]);
            if (a.Length >= 4 && a[3] is PyTraceback tb) exc.Traceback = tb;
            return gen.Throw(exc);
        });
        g.Def("close", s => { ((PyGenerator)s).Close(); return PyNone.Instance; });
        g.Def("__repr__", s => new PyStr($"<generator object {((PyGenerator)s).QualName} at 0x{Ops.Id(s):x12}>"));
        g.Prop("__name__", s => new PyStr(((PyGenerator)s).Name), (s, v) => ((PyGenerator)s).Name = Ops.StrString(v!));
        g.Prop("__qualname__", s => new PyStr(((PyGenerator)s).QualName), (s, v) => ((PyGenerator)s).QualName = Ops.StrString(v!));
        g.Prop("gi_running", s => PyBool.Of(((PyGenerator)s).Running));
        g.Prop("gi_frame", s => ((PyGenerator)s).Finished ? PyNone.Instance : ((PyGenerator)s).Frame);
        g.Prop("gi_code", s => ((PyGenerator)s).Frame.Code);
        g.Prop("gi_yieldfrom", s => PyNone.Instance);

        var c = PyType.Code;
        c.Prop("co_name", s => new PyStr(((PyCode)s).Name));
        c.Prop("co_qualname", s => new PyStr(((PyCode)s).QualName));
        c.Prop("co_filename", s => new PyStr(((PyCode)s).Filename));
        c.Prop("co_firstlineno", s => PyInt.Get(((PyCode)s).Unit.FirstLine));
        c.Prop("co_argcount", s => PyInt.Get(((PyCode)s).ArgCount));
        c.Prop("co_posonlyargcount", s => PyInt.Get(((PyCode)s).PosOnlyArgCount));
        c.Prop("co_kwonlyargcount", s => PyInt.Get(((PyCode)s).KwOnlyArgCount));
        c.Prop("co_flags", s => PyInt.Get((int)((PyCode)s).Flags));
        c.Prop("co_nlocals", s => PyInt.Get(((PyCode)s).NLocals));
        c.Prop("co_varnames", s => StrTuple(((PyCode)s).Unit.VarNames));
        c.Prop("co_cellvars", s => StrTuple(((PyCode)s).Unit.CellVars));
        c.Prop("co_freevars", s => StrTuple(((PyCode)s).Unit.FreeVars));
        c.Prop("co_names", s => StrTuple(((PyCode)s).Unit.Names));
        c.Prop("co_consts", s => PyTuple.Of(((PyCode)s).Consts));
        c.Def("co_positions", s =>
        {
            // One (lineno, end_lineno, col_offset, end_col_offset) per instruction, None where unknown.
            var positions = ((PyCode)s).Unit.Positions;
            var list = new PyList();
            static PyObject Or(int v) => v < 0 ? PyNone.Instance : PyInt.Get(v);
            foreach (var p in positions)
                list.Append(PyTuple.Of(p.Line > 0 ? PyInt.Get(p.Line) : PyNone.Instance, p.EndLine > 0 ? PyInt.Get(p.EndLine) : PyNone.Instance, Or(p.Col), Or(p.EndCol)));
            return Ops.GetIter(list);
        });
        c.Def("__repr__", s => new PyStr($"<code object {((PyCode)s).Name} at 0x{Ops.Id(s):x12}, file \"{((PyCode)s).Filename}\", line {((PyCode)s).Unit.FirstLine}>"));

        var fr = PyType.Frame;
        fr.Prop("f_code", s => ((Frame)s).Code);
        fr.Prop("f_globals", s => ((Frame)s).Globals);
        fr.Prop("f_locals", s => Builtins.FrameLocals((Frame)s));
        fr.Prop("f_back", s => { var b = ((Frame)s).Back; b?.MarkEscaped(); return (PyObject?)b ?? PyNone.Instance; });
        fr.Prop("f_lineno", s => PyInt.Get(((Frame)s).Line));
        fr.Prop("f_builtins", s => ((Frame)s).Builtins);
        var tbt = PyType.Traceback;
        tbt.Prop("tb_frame", s => ((PyTraceback)s).Frame);
        tbt.Prop("tb_lineno", s => PyInt.Get(((PyTraceback)s).Line));
        tbt.Prop("tb_next", s => (PyObject?)((PyTraceback)s).Next ?? PyNone.Instance);
        tbt.Prop("tb_lasti", s => PyInt.Get(((PyTraceback)s).Lasti * 2));
    }

    private static PyTuple StrTuple(string[] a)
    {
        var items = new PyObject[a.Length];
        for (int i = 0; i < a.Length; i++) items[i] = new PyStr(a[i]);
        return PyTuple.Of(items);
    }

    private static PyObject CopyProp(PyProperty p, PyObject f, int which)
    {
        var n = new PyProperty(which == 0 ? f : p.Get, which == 1 ? f : p.Set, which == 2 ? f : p.Del, null) { Class = p.Class, Name = p.Name };
        if (which != 0) n.Doc = p.Doc;
        return n;
    }
}
