using System.Text;

namespace PySharp.Interpreter;

/// <summary>A text or binary file object (sys.stdout/stderr/stdin wrappers and open()).</summary>
public sealed class PyFile : PyObject
{
    public static readonly PyType FileType = new("TextIOWrapper", [PyType.Object], PyType.TypeType, true);
    public static readonly PyType BinaryType = new("BufferedReader", [PyType.Object], PyType.TypeType, true);
    public TextWriter? Writer;
    public TextReader? Reader;
    public Stream? BinStream;
    public string Name;
    public string Mode;
    public bool Closed;
    public bool Binary;
    public bool LineBuffered;

    public PyFile(string name, string mode) { Name = name; Mode = mode; }
    public override PyType Type => Binary ? BinaryType : FileType;

    public void Write(string s)
    {
        if (Closed) throw Ops.ValueError("I/O operation on closed file.");
        if (Writer == null) throw new PyException(Exc.Make(Exc.OSError, new PyStr("not writable")));
        Writer.Write(s);
        if (LineBuffered && s.Contains('\n')) Writer.Flush();
    }

    private TextReader R => Closed ? throw Ops.ValueError("I/O operation on closed file.") : Reader ?? throw new PyException(Exc.Make(Exc.OSError, new PyStr("not readable")));

    public string? ReadLine()
    {
        var r = R;
        var sb = new StringBuilder();
        while (true)
        {
            int c = r.Read();
            if (c < 0) break;
            sb.Append((char)c);
            if (c == '\n') break;
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    static PyFile()
    {
        foreach (var t in new[] { FileType, BinaryType })
        {
            t.Dict.SetStr("__module__", new PyStr("_io"));
            t.Def("write", (s, x) =>
            {
                var f = (PyFile)s;
                if (f.Binary)
                {
                    var b = BytesOps.ToBytes(x);
                    f.BinStream!.Write(b);
                    return PyInt.Get(b.Length);
                }
                if (x is not PyStr xs) throw Ops.TypeError($"write() argument must be str, not {Ops.TypeName(x)}");
                f.Write(xs.Value);
                return PyInt.Get(xs.Value.Length);
            });
            t.Def("flush", s => { var f = (PyFile)s; f.Writer?.Flush(); f.BinStream?.Flush(); return PyNone.Instance; });
            t.Def("close", s => { var f = (PyFile)s; if (!f.Closed) { f.Writer?.Flush(); if (f.Name is not ("<stdout>" or "<stderr>" or "<stdin>")) { f.Writer?.Dispose(); f.Reader?.Dispose(); f.BinStream?.Dispose(); } f.Closed = true; } return PyNone.Instance; });
            t.DefN("read", (a, k) =>
            {
                var f = (PyFile)a[0];
                long n = a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : -1;
                if (f.Binary)
                {
                    var ms = new MemoryStream();
                    if (n < 0) f.BinStream!.CopyTo(ms);
                    else { var buf = new byte[n]; int got = f.BinStream!.Read(buf, 0, (int)n); ms.Write(buf, 0, got); }
                    return new PyBytes(ms.ToArray());
                }
                if (n < 0) return new PyStr(f.R.ReadToEnd());
                var cb = new char[n];
                int c = f.R.ReadBlock(cb, 0, (int)n);
                return new PyStr(new string(cb, 0, c));
            });
            t.DefN("readline", (a, k) => new PyStr(((PyFile)a[0]).ReadLine() ?? ""));
            t.Def("readlines", s =>
            {
                var f = (PyFile)s;
                var l = new PyList();
                while (f.ReadLine() is { } line) l.Append(new PyStr(line));
                return l;
            });
            t.Def("writelines", (s, lines) => { foreach (var x in Ops.ToList(lines)) ((PyFile)s).Write(Ops.StrString(x)); return PyNone.Instance; });
            t.Def("__iter__", s => s);
            t.Def("__next__", s => ((PyFile)s).ReadLine() is { } line ? new PyStr(line) : throw Ops.StopIteration());
            t.Def("__enter__", s => s);
            t.DefN("__exit__", (a, k) => { Ops.CallMethod(t.Dict.GetStr("close")!, a[0]); return PyBool.False; });
            t.Def("isatty", s => PyBool.False);
            t.Def("readable", s => PyBool.Of(((PyFile)s).Reader != null || ((PyFile)s).BinStream?.CanRead == true));
            t.Def("writable", s => PyBool.Of(((PyFile)s).Writer != null || ((PyFile)s).BinStream?.CanWrite == true));
            t.Def("fileno", s => PyInt.Get(((PyFile)s).Name switch { "<stdin>" => 0, "<stdout>" => 1, "<stderr>" => 2, _ => 3 }));
            t.Prop("closed", s => PyBool.Of(((PyFile)s).Closed));
            t.Prop("name", s => new PyStr(((PyFile)s).Name));
            t.Prop("mode", s => new PyStr(((PyFile)s).Mode));
            t.Prop("encoding", s => new PyStr("utf-8"));
            t.Def("__repr__", s => new PyStr($"<_io.TextIOWrapper name='{((PyFile)s).Name}' mode='{((PyFile)s).Mode}' encoding='utf-8'>"));
        }
    }

    public static PyObject Open(PyObject[] a, string[]? k)
    {
        var p = ArgParser.Parse("open", a, k, ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1);
        var path = Ops.StrString(p[0]!);
        var mode = p[1] != null ? Ops.StrString(p[1]!) : "r";
        var f = new PyFile(path, mode) { Binary = mode.Contains('b') };
        try
        {
            if (mode.Contains('r') && !mode.Contains('+'))
            {
                if (Directory.Exists(path)) throw OsError(Exc.IsADirectoryError, 21, "Is a directory", path);
                if (!File.Exists(path)) throw OsError(Exc.FileNotFoundError, 2, "No such file or directory", path);
                if (f.Binary) f.BinStream = File.OpenRead(path);
                else f.Reader = new StreamReader(path, new UTF8Encoding(false));
            }
            else
            {
                var fm = mode.Contains('a') ? FileMode.Append : mode.Contains('x') ? FileMode.CreateNew : mode.Contains('+') && mode.Contains('r') ? FileMode.Open : FileMode.Create;
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (dir != null && !Directory.Exists(dir)) throw OsError(Exc.FileNotFoundError, 2, "No such file or directory", path);
                var fs = new FileStream(path, fm, FileAccess.Write);
                if (f.Binary) f.BinStream = fs;
                else f.Writer = new StreamWriter(fs, new UTF8Encoding(false));
            }
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw OsError(Exc.OSError, 5, e.Message, path);
        }
        catch (UnauthorizedAccessException)
        {
            throw OsError(Exc.PermissionError, 13, "Permission denied", path);
        }
        return f;
    }

    public static PyException OsError(PyType t, int errno, string msg, string filename)
    {
        var e = (PyBaseException)Ops.Call(t, PyInt.Get(errno), new PyStr(msg), new PyStr(filename));
        return new PyException(e);
    }
}
