using System.Text;

namespace PySharp.Interpreter;

/// <summary>io.StringIO.</summary>
public sealed class StringIO : PyObject
{
    public static readonly PyType Type_ = new("StringIO", [PyType.Object], PyType.TypeType, true);
    private readonly StringBuilder _sb = new();
    private int _pos;
    public override PyType Type => Type_;

    static StringIO()
    {
        var t = Type_;
        t.Dict.SetStr("__module__", new PyStr("_io"));
        t.DefStatic("__new__", (a, k) => { var s = new StringIO(); if (a.Length > 1 && a[1] is PyStr init) s._sb.Append(init.Value); return s; });
        t.DefN("__init__", (a, k) => PyNone.Instance);
        t.Def("write", (s, x) => { var io = (StringIO)s; var v = Ops.StrString(x); io._sb.Remove(io._pos, Math.Min(v.Length, io._sb.Length - io._pos)); io._sb.Insert(io._pos, v); io._pos += v.Length; return PyInt.Get(v.Length); });
        t.Def("getvalue", s => new PyStr(((StringIO)s)._sb.ToString()));
        t.DefN("read", (a, k) => { var io = (StringIO)a[0]; var all = io._sb.ToString(); int n = a.Length > 1 && a[1] != PyNone.Instance ? (int)Math.Min(Ops.Index(a[1]), all.Length - io._pos) : all.Length - io._pos; if (n < 0) n = all.Length - io._pos; var r = all.Substring(io._pos, n); io._pos += n; return new PyStr(r); });
        t.DefN("readline", (a, k) => { var io = (StringIO)a[0]; var all = io._sb.ToString(); if (io._pos >= all.Length) return PyStr.Empty; int e = all.IndexOf('\n', io._pos); e = e < 0 ? all.Length : e + 1; var r = all[io._pos..e]; io._pos = e; return new PyStr(r); });
        t.Def("readlines", s => { var l = new PyList(); while (true) { var line = (PyStr)Ops.CallMethod(t.Dict.GetStr("readline")!, s); if (line.Value.Length == 0) break; l.Append(line); } return l; });
        t.Def("__iter__", s => s);
        t.Def("__next__", s => { var line = (PyStr)Ops.CallMethod(t.Dict.GetStr("readline")!, s); if (line.Value.Length == 0) throw Ops.StopIteration(); return line; });
        t.DefN("seek", (a, k) => { ((StringIO)a[0])._pos = (int)Ops.Index(a[1]); return a[1]; });
        t.Def("tell", s => PyInt.Get(((StringIO)s)._pos));
        t.DefN("truncate", (a, k) => { var io = (StringIO)a[0]; int n = a.Length > 1 ? (int)Ops.Index(a[1]) : io._pos; if (n < io._sb.Length) io._sb.Length = n; return PyInt.Get(n); });
        t.Def("flush", s => PyNone.Instance);
        t.Def("close", s => PyNone.Instance);
        t.Def("isatty", s => PyBool.False);
        t.Def("__enter__", s => s);
        t.DefN("__exit__", (a, k) => PyBool.False);
    }
}
