namespace PySharp.Interpreter;

public static partial class TypeInit
{
    private static PyBaseException E(PyObject o) => (PyBaseException)o;

    private static void InitExceptions()
    {
        var b = Exc.BaseException;
        b.DefStatic("__new__", (a, k) =>
        {
            var t = (PyType)a[0];
            var e = new PyBaseException(t);
            int nkw = k?.Length ?? 0;
            var args = new PyObject[a.Length - 1 - nkw];
            Array.Copy(a, 1, args, 0, args.Length);
            e.Args = PyTuple.Of(args);
            return e;
        });
        b.DefN("__init__", (a, k) =>
        {
            int nkw = k?.Length ?? 0;
            if (nkw > 0 && a[0].Type.Lookup("__init__") is PyBuiltin) throw Ops.TypeError($"{Ops.TypeName(a[0])}() takes no keyword arguments");
            var args = new PyObject[a.Length - 1 - nkw];
            Array.Copy(a, 1, args, 0, args.Length);
            E(a[0]).Args = PyTuple.Of(args);
            return PyNone.Instance;
        });
        b.Def("__str__", s =>
        {
            var args = E(s).Args.Items;
            return args.Length switch { 0 => PyStr.Empty, 1 => Ops.Str(args[0]), _ => Ops.Str(E(s).Args) };
        });
        b.Def("__repr__", s =>
        {
            var args = E(s).Args.Items;
            string name = s.Type.Name;
            if (args.Length == 1) return new PyStr(name + "(" + Ops.ReprString(args[0]) + ")");
            return new PyStr(name + Ops.ReprString(E(s).Args));
        });
        b.Prop("args", s => E(s).Args, (s, v) => E(s).Args = PyTuple.Of(Ops.ToArray(v!)));
        b.Prop("__traceback__", s => (PyObject?)E(s).Traceback ?? PyNone.Instance, (s, v) => E(s).Traceback = v as PyTraceback);
        b.Prop("__cause__", s => E(s).Cause ?? PyNone.Instance, (s, v) => { E(s).Cause = v == PyNone.Instance ? null : v; E(s).SuppressContext = true; });
        b.Prop("__context__", s => E(s).Context ?? PyNone.Instance, (s, v) => E(s).Context = v == PyNone.Instance ? null : v);
        b.Prop("__suppress_context__", s => PyBool.Of(E(s).SuppressContext), (s, v) => E(s).SuppressContext = v != null && Ops.IsTrue(v));
        b.Def("with_traceback", (s, tb) => { E(s).Traceback = tb as PyTraceback; return s; });
        b.Def("add_note", (s, n) =>
        {
            if (n is not PyStr) throw Ops.TypeError($"note must be a str, not '{Ops.TypeName(n)}'");
            var notes = E(s).GetAttr("__notes__") as PyList;
            if (notes == null) { notes = new PyList(); E(s).SetAttr("__notes__", notes); }
            notes.Append(n);
            return PyNone.Instance;
        });
        b.Def("__reduce__", s => PyTuple.Of(s.Type, E(s).Args));

        Exc.StopIteration.DefN("__init__", (a, k) =>
        {
            var args = a[1..];
            E(a[0]).Args = PyTuple.Of(args);
            E(a[0]).SetAttr("value", args.Length > 0 ? args[0] : PyNone.Instance);
            return PyNone.Instance;
        });
        Exc.SystemExit.DefN("__init__", (a, k) =>
        {
            var args = a[1..];
            E(a[0]).Args = PyTuple.Of(args);
            E(a[0]).SetAttr("code", args.Length == 0 ? PyNone.Instance : args.Length == 1 ? args[0] : PyTuple.Of(args));
            return PyNone.Instance;
        });
        Exc.KeyError.Def("__str__", s =>
        {
            var args = E(s).Args.Items;
            return args.Length == 1 ? Ops.Repr(args[0]) : Ops.CallMethod(Exc.BaseException.Dict.GetStr("__str__")!, s);
        });
        Exc.ImportError.DefN("__init__", (a, k) =>
        {
            int nkw = k?.Length ?? 0;
            var args = a[1..(a.Length - nkw)];
            E(a[0]).Args = PyTuple.Of(args);
            E(a[0]).SetAttr("msg", args.Length > 0 ? args[0] : PyNone.Instance);
            E(a[0]).SetAttr("name", PyNone.Instance);
            E(a[0]).SetAttr("path", PyNone.Instance);
            for (int i = 0; i < nkw; i++) E(a[0]).SetAttr(k![i], a[a.Length - nkw + i]);
            return PyNone.Instance;
        });
        Exc.ImportError.Def("__str__", s => E(s).GetAttr("msg") is PyStr m ? m : Ops.CallMethod(Exc.BaseException.Dict.GetStr("__str__")!, s));
        Exc.AttributeError.DefN("__init__", (a, k) =>
        {
            int nkw = k?.Length ?? 0;
            E(a[0]).Args = PyTuple.Of(a[1..(a.Length - nkw)]);
            E(a[0]).SetAttr("name", PyNone.Instance);
            E(a[0]).SetAttr("obj", PyNone.Instance);
            for (int i = 0; i < nkw; i++) E(a[0]).SetAttr(k![i], a[a.Length - nkw + i]);
            return PyNone.Instance;
        });
        Exc.NameError.DefN("__init__", (a, k) =>
        {
            int nkw = k?.Length ?? 0;
            E(a[0]).Args = PyTuple.Of(a[1..(a.Length - nkw)]);
            E(a[0]).SetAttr("name", PyNone.Instance);
            for (int i = 0; i < nkw; i++) E(a[0]).SetAttr(k![i], a[a.Length - nkw + i]);
            return PyNone.Instance;
        });
        // OSError(errno, strerror) builds the subclass for that errno (Linux numbers), as in CPython.
        Exc.OSError.DefStatic("__new__", (a, k) =>
        {
            var t = (PyType)a[0];
            int nkw = k?.Length ?? 0;
            if (t == Exc.OSError && a.Length - nkw >= 3 && a[1] is PyInt { Value: var errno })
            {
                t = errno switch
                {
                    11 or 114 or 115 => Exc.BlockingIOError, 10 => Exc.ChildProcessError, 32 or 108 => Exc.BrokenPipeError,
                    103 => Exc.ConnectionAbortedError, 111 => Exc.ConnectionRefusedError, 104 => Exc.ConnectionResetError,
                    17 => Exc.FileExistsError, 2 => Exc.FileNotFoundError, 21 => Exc.IsADirectoryError, 20 => Exc.NotADirectoryError,
                    4 => Exc.InterruptedError, 1 or 13 => Exc.PermissionError, 3 => Exc.ProcessLookupError, 110 => Exc.TimeoutError,
                    _ => t,
                };
            }
            var args = new PyObject[a.Length - 1 - nkw];
            Array.Copy(a, 1, args, 0, args.Length);
            return new PyBaseException(t) { Args = PyTuple.Of(args) };
        });
        Exc.OSError.DefN("__init__", (a, k) =>
        {
            var args = a[1..];
            var e = E(a[0]);
            e.Args = PyTuple.Of(args);
            e.SetAttr("errno", args.Length >= 2 ? args[0] : PyNone.Instance);
            e.SetAttr("strerror", args.Length >= 2 ? args[1] : PyNone.Instance);
            e.SetAttr("filename", args.Length >= 3 ? args[2] : PyNone.Instance);
            e.SetAttr("filename2", PyNone.Instance);
            if (args.Length >= 3) e.Args = PyTuple.Of(args[0], args[1]);
            return PyNone.Instance;
        });
        Exc.OSError.Def("__str__", s =>
        {
            var e = E(s);
            var errno = e.GetAttr("errno"); var strerror = e.GetAttr("strerror"); var fn = e.GetAttr("filename");
            if (errno is not null and not PyNone && strerror is not null and not PyNone)
            {
                if (fn is not null and not PyNone) return new PyStr($"[Errno {Ops.StrString(errno)}] {Ops.StrString(strerror)}: {Ops.ReprString(fn)}");
                return new PyStr($"[Errno {Ops.StrString(errno)}] {Ops.StrString(strerror)}");
            }
            return Ops.CallMethod(Exc.BaseException.Dict.GetStr("__str__")!, s);
        });
        Exc.SyntaxError.DefN("__init__", (a, k) =>
        {
            var args = a[1..];
            var e = E(a[0]);
            e.Args = PyTuple.Of(args);
            e.SetAttr("msg", args.Length > 0 ? args[0] : PyNone.Instance);
            PyObject fn = PyNone.Instance, ln = PyNone.Instance, off = PyNone.Instance, txt = PyNone.Instance, eln = PyNone.Instance, eoff = PyNone.Instance;
            if (args.Length > 1 && args[1] is PyTuple det)
            {
                var d = det.Items;
                if (d.Length > 0) fn = d[0];
                if (d.Length > 1) ln = d[1];
                if (d.Length > 2) off = d[2];
                if (d.Length > 3) txt = d[3];
                if (d.Length > 4) eln = d[4];
                if (d.Length > 5) eoff = d[5];
            }
            e.SetAttr("filename", fn); e.SetAttr("lineno", ln); e.SetAttr("offset", off); e.SetAttr("text", txt);
            e.SetAttr("end_lineno", eln); e.SetAttr("end_offset", eoff); e.SetAttr("print_file_and_line", PyNone.Instance);
            return PyNone.Instance;
        });
        Exc.SyntaxError.Def("__str__", s =>
        {
            var e = E(s);
            var msg = e.GetAttr("msg") is { } m && m != PyNone.Instance ? Ops.StrString(m) : (e.Args.Items.Length > 0 ? Ops.StrString(e.Args.Items[0]) : "");
            var fn = e.GetAttr("filename"); var ln = e.GetAttr("lineno");
            string? f = fn is PyStr fs ? System.IO.Path.GetFileName(fs.Value) : null;
            if (f != null && ln is PyInt li) return new PyStr($"{msg} ({f}, line {li.Value})");
            if (ln is PyInt li2) return new PyStr($"{msg} (line {li2.Value})");
            if (f != null) return new PyStr($"{msg} ({f})");
            return new PyStr(msg);
        });
        Exc.UnicodeDecodeError.DefN("__init__", (a, k) =>
        {
            var e = E(a[0]);
            e.Args = PyTuple.Of(a[1..]);
            string[] names = ["encoding", "object", "start", "end", "reason"];
            for (int i = 0; i < names.Length && i + 1 < a.Length; i++) e.SetAttr(names[i], a[i + 1]);
            return PyNone.Instance;
        });
        Exc.UnicodeEncodeError.DefN("__init__", (a, k) =>
        {
            var e = E(a[0]);
            e.Args = PyTuple.Of(a[1..]);
            string[] names = ["encoding", "object", "start", "end", "reason"];
            for (int i = 0; i < names.Length && i + 1 < a.Length; i++) e.SetAttr(names[i], a[i + 1]);
            return PyNone.Instance;
        });
        Exc.UnicodeEncodeError.Def("__str__", s =>
        {
            var e = E(s);
            if (e.GetAttr("encoding") is not PyStr enc || e.GetAttr("object") is not PyStr obj) return PyStr.Empty;
            long start = Ops.Index(e.GetAttr("start")!), end = Ops.Index(e.GetAttr("end")!);
            var reason = Ops.StrString(e.GetAttr("reason")!);
            var cps = StrOps.CodePoints(obj.Value);
            if (end == start + 1 && start >= 0 && start < cps.Length)
            {
                int c = cps[start].Length == 2 ? char.ConvertToUtf32(cps[start], 0) : cps[start][0];
                string ch = c < 0x100 ? $"\\x{c:x2}" : c < 0x10000 ? $"\\u{c:x4}" : $"\\U{c:x8}";
                return new PyStr($"'{enc.Value}' codec can't encode character '{ch}' in position {start}: {reason}");
            }
            return new PyStr($"'{enc.Value}' codec can't encode characters in position {start}-{end - 1}: {reason}");
        });
        Exc.UnicodeDecodeError.Def("__str__", s =>
        {
            var e = E(s);
            if (e.GetAttr("encoding") is not PyStr enc) return PyStr.Empty;
            var obj = e.GetAttr("object") as PyBytes;
            long start = Ops.Index(e.GetAttr("start")!), end = Ops.Index(e.GetAttr("end")!);
            var reason = Ops.StrString(e.GetAttr("reason")!);
            if (obj != null && end == start + 1) return new PyStr($"'{enc.Value}' codec can't decode byte 0x{obj.Value[start]:x2} in position {start}: {reason}");
            return new PyStr($"'{enc.Value}' codec can't decode bytes in position {start}-{end - 1}: {reason}");
        });
    }
}
