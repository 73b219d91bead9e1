namespace PySharp.Interpreter;

/// <summary>io.BytesIO: an in-memory binary stream.</summary>
public sealed class BytesIO : PyObject
{
    public static readonly PyType Type_ = new("BytesIO", [PyType.Object], PyType.TypeType, true);
    private readonly MemoryStream _ms = new();
    private bool _closed;
    public override PyType Type => Type_;

    private MemoryStream S => _closed ? throw Ops.ValueError("I/O operation on closed file.") : _ms;

    private static BytesIO B(PyObject o) => (BytesIO)o;

    private byte[] Read(long n)
    {
        var s = S;
        long avail = Math.Max(0, s.Length - s.Position);
        long take = n < 0 || n > avail ? avail : n;
        var buf = new byte[take];
        s.ReadExactly(buf, 0, (int)take);
        return buf;
    }

    private byte[] ReadLine(long limit)
    {
        var s = S;
        var ms = new MemoryStream();
        int c;
        while ((limit < 0 || ms.Length < limit) && (c = s.ReadByte()) >= 0)
        {
            ms.WriteByte((byte)c);
            if (c == '\n') break;
        }
        return ms.ToArray();
    }

    static BytesIO()
    {
        var t = Type_;
        t.Dict.SetStr("__module__", new PyStr("_io"));
        t.DefStatic("__new__", (a, k) =>
        {
            var io = new BytesIO();
            var init = a.Length > 1 ? a[1] : k != null && k.Length > 0 ? a[^1] : null;
            if (init != null && init != PyNone.Instance) { io._ms.Write(BytesOps.ToBytes(init)); io._ms.Position = 0; }
            return io;
        });
        t.DefN("__init__", (a, k) => PyNone.Instance);
        t.Def("write", (s, x) => { var b = BytesOps.ToBytes(x); B(s).S.Write(b); return PyInt.Get(b.Length); });
        t.Def("writelines", (s, l) => { foreach (var x in Ops.ToList(l)) B(s).S.Write(BytesOps.ToBytes(x)); return PyNone.Instance; });
        t.Def("getvalue", s => new PyBytes(B(s).S.ToArray()));
        t.Def("getbuffer", s => Ops.Call(PyMemoryView.MemoryViewType, new PyBytes(B(s).S.ToArray())));
        t.DefN("read", (a, k) => new PyBytes(B(a[0]).Read(a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : -1)));
        t.DefN("read1", (a, k) => new PyBytes(B(a[0]).Read(a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : -1)));
        t.DefN("readline", (a, k) => new PyBytes(B(a[0]).ReadLine(a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : -1)));
        t.DefN("readlines", (a, k) =>
        {
            var l = new PyList();
            while (B(a[0]).ReadLine(-1) is { Length: > 0 } line) l.Append(new PyBytes(line));
            return l;
        });
        t.Def("__iter__", s => s);
        t.Def("__next__", s => B(s).ReadLine(-1) is { Length: > 0 } line ? new PyBytes(line) : throw Ops.StopIteration());
        t.DefN("seek", (a, k) =>
        {
            long off = Ops.Index(a[1]);
            int whence = a.Length > 2 ? (int)Ops.Index(a[2]) : 0;
            if (whence == 0 && off < 0) throw Ops.ValueError($"negative seek value {off}");
            var s = B(a[0]).S;
            long pos = whence switch { 0 => off, 1 => s.Position + off, 2 => s.Length + off, _ => throw Ops.ValueError($"invalid whence ({whence}, should be 0, 1 or 2)") };
            s.Position = Math.Max(0, pos);
            return PyInt.Get(s.Position);
        });
        t.Def("tell", s => PyInt.Get(B(s).S.Position));
        t.DefN("truncate", (a, k) => { var s = B(a[0]).S; long n = a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : s.Position; if (n < s.Length) s.SetLength(n); return PyInt.Get(n); });
        t.Def("flush", s => { _ = B(s).S; return PyNone.Instance; });
        t.Def("close", s => { B(s)._closed = true; return PyNone.Instance; });
        t.Prop("closed", s => PyBool.Of(B(s)._closed));
        t.Def("readable", s => { _ = B(s).S; return PyBool.True; });
        t.Def("writable", s => { _ = B(s).S; return PyBool.True; });
        t.Def("seekable", s => { _ = B(s).S; return PyBool.True; });
        t.Def("isatty", s => PyBool.False);
        t.Def("__enter__", s => { _ = B(s).S; return s; });
        t.DefN("__exit__", (a, k) => { B(a[0])._closed = true; return PyBool.False; });
    }
}
