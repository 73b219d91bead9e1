using System.Text;

namespace PySharp.Interpreter;

/// <summary>
/// sys.stdin.buffer / sys.stdout.buffer / sys.stderr.buffer: the binary layer under a standard
/// stream. Bytes written go to the stream's underlying byte stream after its text is flushed (or,
/// when the writer has none, as UTF-8 text); bytes read are the text read, encoded as UTF-8.
/// </summary>
public sealed class StdBuffer(PyFile text) : PyObject
{
    public static readonly PyType Type_ = new("BufferedWriter", [PyType.Object], PyType.TypeType, true);
    public static readonly PyType ReaderType = new("BufferedReader", [PyType.Object], PyType.TypeType, true);
    private readonly PyFile _text = text;
    public override PyType Type => _text.Reader != null ? ReaderType : Type_;

    private static StdBuffer B(PyObject o) => (StdBuffer)o;

    private void Write(byte[] b)
    {
        var w = _text.Writer ?? throw Ops.ValueError("I/O operation on closed file.");
        if (w is StreamWriter sw) { sw.Flush(); sw.BaseStream.Write(b); if (sw.AutoFlush) sw.BaseStream.Flush(); }
        else w.Write(Encoding.UTF8.GetString(b));
    }

    private TextReader R => _text.Reader ?? throw Ops.ValueError("I/O operation on closed file.");

    static StdBuffer()
    {
        foreach (var t in new[] { Type_, ReaderType })
        {
            t.Dict.SetStr("__module__", new PyStr("_io"));
            t.Def("write", (s, x) => { var b = BytesOps.ToBytes(x); B(s).Write(b); return PyInt.Get(b.Length); });
            t.Def("writelines", (s, l) => { foreach (var x in Ops.ToList(l)) B(s).Write(BytesOps.ToBytes(x)); return PyNone.Instance; });
            t.Def("flush", s => { B(s)._text.Writer?.Flush(); if (B(s)._text.Writer is StreamWriter sw) sw.BaseStream.Flush(); return PyNone.Instance; });
            t.DefN("read", (a, k) =>
            {
                var r = B(a[0]).R;
                long n = a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : -1;
                if (n < 0) return new PyBytes(Encoding.UTF8.GetBytes(r.ReadToEnd()));
                var cb = new char[n];
                int got = r.ReadBlock(cb, 0, (int)n);
                return new PyBytes(Encoding.UTF8.GetBytes(cb, 0, got));
            });
            t.DefN("readline", (a, k) => new PyBytes(Encoding.UTF8.GetBytes(B(a[0])._text.ReadLine() ?? "")));
            t.DefN("readlines", (a, k) =>
            {
                var l = new PyList();
                while (B(a[0])._text.ReadLine() is { } line) l.Append(new PyBytes(Encoding.UTF8.GetBytes(line)));
                return l;
            });
            t.Def("__iter__", s => s);
            t.Def("__next__", s => B(s)._text.ReadLine() is { } line ? new PyBytes(Encoding.UTF8.GetBytes(line)) : throw Ops.StopIteration());
            t.Def("fileno", s => Ops.CallMethod(PyFile.FileType.Dict.GetStr("fileno")!, B(s)._text));
            t.Def("isatty", s => PyBool.False);
            t.Def("readable", s => PyBool.Of(B(s)._text.Reader != null));
            t.Def("writable", s => PyBool.Of(B(s)._text.Writer != null));
            t.Prop("raw", s => s);
            t.Prop("closed", s => PyBool.Of(B(s)._text.Closed));
            t.Prop("name", s => PyInt.Get(B(s)._text.Name switch { "<stdin>" => 0, "<stdout>" => 1, _ => 2 }));
        }
    }
}
