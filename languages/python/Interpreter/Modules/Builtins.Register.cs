namespace PySharp.Interpreter;

public static partial class Builtins
{
    internal static PyModule Make(Runtime rt)
    {
        var d = rt.Builtins;
        void F(PyBuiltin b) => d.SetStr(b.Name, b);
        foreach (var (n, t) in new (string, PyType)[] {
            ("object", PyType.Object), ("type", PyType.TypeType), ("int", PyType.Int), ("bool", PyType.Bool), ("float", PyType.Float),
            ("complex", PyType.Complex), ("str", PyType.Str), ("bytes", PyType.Bytes), ("bytearray", PyType.ByteArray), ("list", PyType.List),
            ("tuple", PyType.Tuple), ("dict", PyType.Dict_), ("set", PyType.Set), ("frozenset", PyType.FrozenSet), ("range", PyType.Range),
            ("slice", PyType.Slice), ("property", PyType.Property), ("staticmethod", PyType.StaticMethod), ("classmethod", PyType.ClassMethod),
            ("super", PyType.Super), ("enumerate", PyType.Enumerate), ("zip", PyType.Zip), ("map", PyType.Map_), ("filter", PyType.Filter),
            ("reversed", PyType.Reversed), ("memoryview", PyMemoryView.MemoryViewType) })
            d.SetStr(n, t);
        foreach (var t in Exc.All) d.SetStr(t.Name, t);
        d.SetStr("EnvironmentError", Exc.OSError);
        d.SetStr("IOError", Exc.OSError);
        d.SetStr("None", PyNone.Instance);
        d.SetStr("True", PyBool.True);
        d.SetStr("False", PyBool.False);
        d.SetStr("NotImplemented", PyNotImplemented.Instance);
        d.SetStr("Ellipsis", PyEllipsis.Instance);
        d.SetStr("__debug__", PyBool.Of(PySharp.Compiler.CodeGen.OptimizeLevel == 0));
        F(Reg.FnN("print", Print));
        F(Reg.Fn("len", o => PyInt.Get(Ops.Len(o))));
        F(Reg.Fn("isinstance", (o, c) => PyBool.Of(TypeOps.IsInstance(o, c))));
        F(Reg.Fn("issubclass", (o, c) => PyBool.Of(TypeOps.IsSubclass(o, c))));
        F(Reg.FnN("sorted", Sorted));
        F(Reg.FnN("min", (a, k) => MinMax(a, k, false)));
        F(Reg.FnN("max", (a, k) => MinMax(a, k, true)));
        F(Reg.FnN("iter", Iter));
        F(Reg.FnN("next", Next));
        F(Reg.Fn("aiter", AsyncTypes.AIter));
        F(Reg.FnN("anext", AsyncTypes.ANext));
        F(Reg.FnN("getattr", GetAttrBuiltin));
        F(Reg.Fn("setattr", (o, n, v) => { Ops.SetAttr(o, n is PyStr s ? s.Value : throw Ops.TypeError("attribute name must be string"), v); return PyNone.Instance; }));
        F(Reg.Fn("delattr", (o, n) => { Ops.DelAttr(o, Ops.StrString(n)); return PyNone.Instance; }));
        F(Reg.Fn("hasattr", HasAttr));
        F(Reg.Fn("repr", o => Ops.Repr(o)));
        F(Reg.Fn("ascii", o => new PyStr(Ascii(Ops.ReprString(o)))));
        F(Reg.FnN("format", (a, k) => { ArgParser.Count("format", a, 1, 2); return Ops.Format(a[0], a.Length > 1 ? Ops.StrString(a[1]) : ""); }));
        F(Reg.FnN("round", Round));
        F(Reg.Fn("abs", Abs));
        F(Reg.Fn("divmod", DivMod));
        F(Reg.FnN("sum", Sum));
        F(Reg.Fn("any", o => { var it = Ops.GetIter(o); while (Ops.Next(it) is { } x) if (Ops.IsTrue(x)) return PyBool.True; return PyBool.False; }));
        F(Reg.Fn("all", o => { var it = Ops.GetIter(o); while (Ops.Next(it) is { } x) if (!Ops.IsTrue(x)) return PyBool.False; return PyBool.True; }));
        F(Reg.Fn("chr", Chr));
        F(Reg.Fn("ord", Ord));
        F(Reg.Fn("hex", o => new PyStr(IntBase(o, 16, "0x"))));
        F(Reg.Fn("oct", o => new PyStr(IntBase(o, 8, "0o"))));
        F(Reg.Fn("bin", o => new PyStr(IntBase(o, 2, "0b"))));
        F(Reg.Fn("id", o => PyInt.Get(Ops.Id(o))));
        F(Reg.Fn("hash", o => PyInt.Get(Ops.Hash(o))));
        F(Reg.Fn("callable", o => PyBool.Of(Ops.IsCallable(o))));
        F(Reg.FnN("pow", Pow));
        F(Reg.FnN("exec", (a, k) => { if (a.Length - (k?.Length ?? 0) == 0) throw Ops.TypeError("exec() takes at least 1 positional argument (0 given)"); return ExecEval(a, k, false); }));
        F(Reg.FnN("eval", (a, k) => { if (a.Length == 0) throw Ops.TypeError("eval expected at least 1 argument, got 0"); return ExecEval(a, k, true); }));
        F(Reg.FnN("compile", Compile));
        F(Reg.Fn("globals", () => Runtime.Current.CurrentFrame!.Globals));
        F(Reg.Fn("locals", () => FrameLocals(Runtime.Current.CurrentFrame!)));
        F(Reg.FnN("dir", (a, k) => a.Length > 1 ? throw Ops.TypeError($"dir expected at most 1 argument, got {a.Length}") : a.Length == 0 ? SortedKeys(FrameLocals(Runtime.Current.CurrentFrame!)) : Dir(a[0])));
        F(Reg.FnN("vars", Vars));
        F(Reg.FnN("open", PyFile.Open));
        F(Reg.FnN("input", Input));
        F(Reg.FnN("__build_class__", TypeOps.BuildClass));
        F(Reg.FnN("__import__", (a, k) =>
        {
            var p = ArgParser.Parse("__import__", a, k, ["name", "globals", "locals", "fromlist", "level"], 1);
            return Importer.ImportName(Ops.StrString(p[0]!), p[1] as PyDict ?? new PyDict(), p[3] ?? PyNone.Instance, p[4] != null ? (int)Ops.Index(p[4]!) : 0);
        }));
        // No debugger: breakpoint() follows sys.breakpointhook when a program sets one, else does nothing.
        F(Reg.FnN("breakpoint", (a, k) =>
        {
            var hook = Runtime.Current.Sys.Dict.GetStr("breakpointhook");
            return hook != null ? Ops.Call(hook, a, k) : PyNone.Instance;
        }));
        F(Reg.FnN("exit", (a, k) => throw SystemExit(a.Length > 0 ? a[0] : PyNone.Instance)));
        F(Reg.FnN("quit", (a, k) => throw SystemExit(a.Length > 0 ? a[0] : PyNone.Instance)));
        F(Reg.Fn("__displayhook__", o =>
        {
            if (o == PyNone.Instance) return PyNone.Instance;
            var rt2 = Runtime.Current;
            rt2.Builtins.SetStr("_", o);
            var outp = rt2.Sys.Dict.GetStr("stdout");
            if (outp is PyFile f && f.Writer != null) f.Write(Ops.ReprString(o) + "\n");
            else if (outp != null) Ops.Call(Ops.GetAttr(outp, "write"), new PyStr(Ops.ReprString(o) + "\n"));
            return PyNone.Instance;
        }));
        var m = new PyModule("builtins", d);
        d.SetStr("__builtins__", m);
        return m;
    }

    private static PyObject SortedKeys(PyObject d)
    {
        var l = new PyList(Ops.ToList(d).ToArray());
        SeqOps.Sort(l.Items, l.Count, null, false);
        return l;
    }

    public static PyException SystemExit(PyObject code)
    {
        var e = (PyBaseException)Ops.Call(Exc.SystemExit, code == PyNone.Instance ? [] : [code], null);
        return new PyException(e);
    }
}
