using System.Text;

namespace PySharp.Interpreter;

/// <summary>
/// File objects: the sys.stdout/stderr/stdin wrappers (over .NET text writers and readers) and
/// open()'s files (over a FileStream). Text files encode and decode with the builtin codecs and
/// their error handlers, translate newlines as CPython's TextIOWrapper does (universal newlines
/// on read, the newline argument on write), and report tell() as a byte offset.
/// </summary>
public sealed class PyFile : PyObject
{
    public static readonly PyType FileType = new("TextIOWrapper", [PyType.Object], PyType.TypeType, true);
    public static readonly PyType BinaryType = new("BufferedReader", [PyType.Object], PyType.TypeType, true);
    public static readonly PyType BinaryWriterType = new("BufferedWriter", [PyType.Object], PyType.TypeType, true);
    public static readonly PyType BinaryRandomType = new("BufferedRandom", [PyType.Object], PyType.TypeType, true);
    /// <summary>io.UnsupportedOperation (an OSError and a ValueError).</summary>
    public static readonly PyType UnsupportedOperation = new("UnsupportedOperation", [Exc.OSError, Exc.ValueError], PyType.TypeType, true) { SolidBase = Exc.BaseException };

    public TextWriter? Writer;
    public TextReader? Reader;
    public Stream? BinStream;
    public string Name;
    public string Mode;
    public bool Closed;
    public bool Binary;
    public bool LineBuffered;

    private bool _canRead, _canWrite, _append;
    private string _encoding = "utf-8", _errors = "strict";
    private string? _encodingShown;
    private string? _newline;
    // Text read buffer: the decoded rest of the file from _bufStart (raw, untranslated) and its translation.
    private string? _raw, _text;
    private int[]? _rawIndex; // _rawIndex[i]: raw offset of translated character i
    private int _textPos;
    private StdBuffer? _stdBuffer;
    private long _bufStart;

    public PyFile(string name, string mode) { Name = name; Mode = mode; }
    public override PyType Type => !Binary ? FileType : _canRead && _canWrite ? BinaryRandomType : _canWrite ? BinaryWriterType : BinaryType;

    private void CheckOpen()
    {
        if (Closed) throw Ops.ValueError("I/O operation on closed file.");
    }

    private static PyException Unsupported(string what) => new(Exc.Make(UnsupportedOperation, new PyStr(what)));

    public void Write(string s)
    {
        CheckOpen();
        if (Writer != null)
        {
            Writer.Write(Encodable(s));
            if (LineBuffered && s.Contains('\n')) Writer.Flush();
            return;
        }
        if (BinStream == null || !_canWrite) throw Unsupported("not writable");
        if (_newline is not (null or "" or "\n")) s = s.Replace("\n", _newline);
        DropReadBuffer();
        if (_append) BinStream.Seek(0, SeekOrigin.End);
        var enc = _encoding;
        // The byte order mark goes only at the start of the file.
        if (BinStream.Position > 0) enc = Codecs.Lookup(enc) switch { Codecs.Kind.Utf16 => "utf-16-le", Codecs.Kind.Utf32 => "utf-32-le", Codecs.Kind.Utf8Sig => "utf-8", _ => enc };
        var b = Codecs.Encode(s, enc, _errors);
        BinStream.Write(b);
    }

    /// <summary><paramref name="s"/> as this stream's encoder lets it through (lone surrogates go through its error handler).</summary>
    internal string Encodable(string s) =>
        Codecs.StreamText(s, Name switch { "<stdout>" => "surrogateescape", "<stderr>" => "backslashreplace", _ => "strict" });

    private void DropReadBuffer()
    {
        if (_text == null || BinStream == null) return;
        BinStream.Position = TextTell();
        _raw = _text = null;
        _rawIndex = null;
    }

    /// <summary>Decodes the rest of the file into the read buffer (text files).</summary>
    private void FillText()
    {
        if (_text != null) return;
        var s = BinStream!;
        _bufStart = s.Position;
        var ms = new MemoryStream();
        s.CopyTo(ms);
        var enc = _encoding;
        if (_bufStart > 0) enc = Codecs.Lookup(enc) switch { Codecs.Kind.Utf16 => "utf-16-le", Codecs.Kind.Utf32 => "utf-32-le", Codecs.Kind.Utf8Sig => "utf-8", _ => enc };
        _raw = Codecs.Decode(ms.ToArray(), enc, _errors);
        if (_newline == null)
        {
            var sb = new StringBuilder(_raw.Length);
            var idx = new List<int>(_raw.Length + 1);
            for (int i = 0; i < _raw.Length; i++)
            {
                idx.Add(i);
                if (_raw[i] == '\r') { sb.Append('\n'); if (i + 1 < _raw.Length && _raw[i + 1] == '\n') i++; }
                else sb.Append(_raw[i]);
            }
            idx.Add(_raw.Length);
            _text = sb.ToString();
            _rawIndex = idx.ToArray();
        }
        else { _text = _raw; _rawIndex = null; }
        _textPos = 0;
    }

    private long TextTell()
    {
        if (_text == null) return BinStream!.Position;
        int rawPos = _rawIndex != null ? _rawIndex[_textPos] : _textPos;
        var enc = Codecs.Lookup(_encoding) switch { Codecs.Kind.Utf16 => "utf-16-le", Codecs.Kind.Utf32 => "utf-32-le", Codecs.Kind.Utf8Sig => "utf-8", _ => _encoding };
        int bom = _bufStart == 0 && Codecs.Lookup(_encoding) is Codecs.Kind.Utf16 or Codecs.Kind.Utf32 or Codecs.Kind.Utf8Sig ? BomLength() : 0;
        return _bufStart + bom + Codecs.Encode(_raw![..rawPos], enc, _errors is "strict" ? "surrogatepass" : _errors).Length;
    }

    private int BomLength()
    {
        var s = BinStream!;
        long here = s.Position;
        s.Position = 0;
        var head = new byte[4];
        int n = s.Read(head, 0, 4);
        s.Position = here;
        if (Codecs.Lookup(_encoding) == Codecs.Kind.Utf8Sig) return n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        if (Codecs.Lookup(_encoding) == Codecs.Kind.Utf16) return n >= 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF) ? 2 : 0;
        return n >= 4 && ((head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0) || (head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)) ? 4 : 0;
    }

    private TextReader R => Closed ? throw Ops.ValueError("I/O operation on closed file.") : Reader ?? throw Unsupported("not readable");

    private void CheckReadable()
    {
        CheckOpen();
        if (Reader == null && (BinStream == null || !_canRead)) throw Unsupported("not readable");
    }

    /// <summary>The next line (with its end), or null at end of file. Text files only.</summary>
    public string? ReadLine(long limit = -1)
    {
        CheckReadable();
        if (Reader != null)
        {
            var r = R;
            var sb = new StringBuilder();
            while (limit < 0 || sb.Length < limit)
            {
                int c = r.Read();
                if (c < 0) break;
                sb.Append((char)c);
                if (c == '\n') break;
            }
            return sb.Length == 0 ? null : sb.ToString();
        }
        FillText();
        var t = _text!;
        if (_textPos >= t.Length) return null;
        int end = t.Length;
        for (int i = _textPos; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '\n' && _newline is null or "" or "\n") { end = i + 1; break; }
            if (c == '\r' && _newline is "" or "\r") { end = i + 1 < t.Length && t[i + 1] == '\n' && _newline == "" ? i + 2 : i + 1; break; }
            if (c == '\r' && _newline == "\r\n" && i + 1 < t.Length && t[i + 1] == '\n') { end = i + 2; break; }
        }
        if (limit >= 0 && end - _textPos > limit) end = _textPos + (int)limit;
        var line = t[_textPos..end];
        _textPos = end;
        return line;
    }

    private string ReadText(long n)
    {
        CheckReadable();
        if (Reader != null)
        {
            if (n < 0) return R.ReadToEnd();
            var cb = new char[n];
            int c = R.ReadBlock(cb, 0, (int)n);
            return new string(cb, 0, c);
        }
        FillText();
        int avail = _text!.Length - _textPos;
        int take = n < 0 || n > avail ? avail : (int)n;
        var r = _text.Substring(_textPos, take);
        _textPos += take;
        return r;
    }

    private byte[] ReadBytes(long n)
    {
        CheckReadable();
        var ms = new MemoryStream();
        if (n < 0) BinStream!.CopyTo(ms);
        else
        {
            var buf = new byte[n];
            int got = 0, k;
            while (got < n && (k = BinStream!.Read(buf, got, (int)n - got)) > 0) got += k;
            ms.Write(buf, 0, got);
        }
        return ms.ToArray();
    }

    private byte[]? ReadBinaryLine(long limit)
    {
        CheckReadable();
        var ms = new MemoryStream();
        int c;
        while ((limit < 0 || ms.Length < limit) && (c = BinStream!.ReadByte()) >= 0)
        {
            ms.WriteByte((byte)c);
            if (c == '\n') break;
        }
        return ms.Length == 0 ? null : ms.ToArray();
    }

    private static long SizeArg(PyObject[] a, int i) => a.Length > i && a[i] != PyNone.Instance ? Ops.Index(a[i]) : -1;

    static PyFile()
    {
        UnsupportedOperation.Dict.SetStr("__module__", new PyStr("io"));
        foreach (var t in new[] { FileType, BinaryType, BinaryWriterType, BinaryRandomType })
        {
            t.Dict.SetStr("__module__", new PyStr("_io"));
            t.Def("write", (s, x) =>
            {
                var f = (PyFile)s;
                if (f.Binary)
                {
                    f.CheckOpen();
                    if (!f._canWrite) throw Unsupported("write");
                    var b = BytesOps.ToBytes(x);
                    if (f._append) f.BinStream!.Seek(0, SeekOrigin.End);
                    f.BinStream!.Write(b);
                    return PyInt.Get(b.Length);
                }
                if (x is not PyStr xs) throw Ops.TypeError($"write() argument must be str, not {Ops.TypeName(x)}");
                f.Write(xs.Value);
                return PyInt.Get(StrOps.CodePointLength(xs.Value));
            });
            t.Def("flush", s => { var f = (PyFile)s; f.CheckOpen(); f.Writer?.Flush(); f.BinStream?.Flush(); return PyNone.Instance; });
            t.Def("close", s =>
            {
                var f = (PyFile)s;
                if (f.Closed) return PyNone.Instance;
                f.Writer?.Flush();
                if (f.Name is not ("<stdout>" or "<stderr>" or "<stdin>")) { f.Writer?.Dispose(); f.Reader?.Dispose(); f.BinStream?.Dispose(); }
                f.Closed = true;
                return PyNone.Instance;
            });
            t.DefN("read", (a, k) =>
            {
                var f = (PyFile)a[0];
                long n = SizeArg(a, 1);
                return f.Binary ? new PyBytes(f.ReadBytes(n)) : new PyStr(f.ReadText(n));
            });
            t.DefN("readline", (a, k) =>
            {
                var f = (PyFile)a[0];
                long limit = SizeArg(a, 1);
                return f.Binary ? new PyBytes(f.ReadBinaryLine(limit) ?? []) : new PyStr(f.ReadLine(limit) ?? "");
            });
            t.DefN("readlines", (a, k) =>
            {
                var f = (PyFile)a[0];
                long hint = SizeArg(a, 1), total = 0;
                var l = new PyList();
                while (hint <= 0 || total < hint)
                {
                    PyObject? line = f.Binary ? (f.ReadBinaryLine(-1) is { } bl ? new PyBytes(bl) : null) : (f.ReadLine() is { } tl ? new PyStr(tl) : null);
                    if (line == null) break;
                    total += Ops.Len(line);
                    l.Append(line);
                }
                return l;
            });
            t.Def("writelines", (s, lines) =>
            {
                var w = s.Type.Dict.GetStr("write")!;
                foreach (var x in Ops.ToList(lines)) Ops.CallMethod(w, s, x);
                return PyNone.Instance;
            });
            t.Def("__iter__", s => { ((PyFile)s).CheckOpen(); return s; });
            t.Def("__next__", s =>
            {
                var f = (PyFile)s;
                PyObject? line = f.Binary ? (f.ReadBinaryLine(-1) is { } bl ? new PyBytes(bl) : null) : (f.ReadLine() is { } tl ? new PyStr(tl) : null);
                return line ?? throw Ops.StopIteration();
            });
            t.Def("__enter__", s => { ((PyFile)s).CheckOpen(); return s; });
            t.DefN("__exit__", (a, k) => { Ops.CallMethod(a[0].Type.Dict.GetStr("close")!, a[0]); return PyBool.False; });
            t.Def("__del__", s => PyNone.Instance);
            t.Def("isatty", s => { ((PyFile)s).CheckOpen(); return PyBool.False; });
            t.Def("readable", s => { var f = (PyFile)s; f.CheckOpen(); return PyBool.Of(f.Reader != null || f._canRead); });
            t.Def("writable", s => { var f = (PyFile)s; f.CheckOpen(); return PyBool.Of(f.Writer != null || f._canWrite); });
            t.Def("seekable", s => { var f = (PyFile)s; f.CheckOpen(); return PyBool.Of(f.BinStream?.CanSeek == true); });
            t.Def("fileno", s => PyInt.Get(((PyFile)s).Name switch { "<stdin>" => 0, "<stdout>" => 1, "<stderr>" => 2, _ => 3 }));
            t.Def("tell", s =>
            {
                var f = (PyFile)s;
                f.CheckOpen();
                if (f.BinStream == null) throw Unsupported("underlying stream is not seekable");
                return PyInt.Get(f.Binary ? f.BinStream.Position : f.TextTell());
            });
            t.DefN("seek", (a, k) =>
            {
                var f = (PyFile)a[0];
                f.CheckOpen();
                if (f.BinStream == null) throw Unsupported("underlying stream is not seekable");
                long off = Ops.Index(a[1]);
                int whence = a.Length > 2 ? (int)Ops.Index(a[2]) : 0;
                if (!f.Binary)
                {
                    if (whence == 1 && off != 0) throw Unsupported("can't do nonzero cur-relative seeks");
                    if (whence == 2 && off != 0) throw Unsupported("can't do nonzero end-relative seeks");
                    if (whence == 0 && off < 0) throw Ops.ValueError($"negative seek position {off}");
                    if (whence == 1) return PyInt.Get(f.TextTell());
                    f._raw = f._text = null;
                    f._rawIndex = null;
                }
                else if (whence == 0 && off < 0) throw OsError(Exc.OSError, 22, "Invalid argument");
                if (whence is < 0 or > 2) throw Ops.ValueError($"invalid whence ({whence}, should be 0, 1 or 2)");
                return PyInt.Get(f.BinStream.Seek(off, whence == 0 ? SeekOrigin.Begin : whence == 1 ? SeekOrigin.Current : SeekOrigin.End));
            });
            t.DefN("truncate", (a, k) =>
            {
                var f = (PyFile)a[0];
                f.CheckOpen();
                if (!f._canWrite) throw Unsupported("File not open for writing");
                f.DropReadBuffer();
                long size = a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : f.BinStream!.Position;
                f.BinStream!.SetLength(size);
                return PyInt.Get(size);
            });
            t.Prop("closed", s => PyBool.Of(((PyFile)s).Closed));
            t.Prop("name", s => new PyStr(((PyFile)s).Name));
            t.Prop("mode", s => new PyStr(((PyFile)s).Mode));
            if (t != FileType) t.Def("__repr__", s => new PyStr($"<_io.{s.Type.Name} name={Ops.ReprString(new PyStr(((PyFile)s).Name))}>"));
        }
        FileType.Prop("encoding", s => new PyStr(((PyFile)s)._encodingShown ?? "utf-8"));
        FileType.Prop("errors", s => new PyStr(((PyFile)s).Name switch { "<stdout>" or "<stdin>" => "surrogateescape", "<stderr>" => "backslashreplace", _ => ((PyFile)s)._errors }));
        FileType.Prop("buffer", s =>
        {
            var f = (PyFile)s;
            if (f.Writer != null || f.Reader != null) return f._stdBuffer ??= new StdBuffer(f);
            throw Ops.AttributeError("'_io.TextIOWrapper' object has no attribute 'buffer'");
        });
        FileType.Prop("newlines", s => PyNone.Instance);
        FileType.Prop("line_buffering", s => PyBool.Of(((PyFile)s).LineBuffered));
        FileType.Def("__repr__", s =>
        {
            var f = (PyFile)s;
            return new PyStr($"<_io.TextIOWrapper name={Ops.ReprString(new PyStr(f.Name))} mode={Ops.ReprString(new PyStr(f.Mode))} encoding={Ops.ReprString(new PyStr(f._encodingShown ?? "utf-8"))}>");
        });
    }

    public static PyObject Open(PyObject[] a, string[]? k)
    {
        var p = ArgParser.Parse("open", a, k, ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1);
        var path = Ops.StrString(p[0]!);
        var mode = p[1] != null ? Ops.StrString(p[1]!) : "r";
        int kinds = 0;
        foreach (char c in mode)
        {
            if (c is 'r' or 'w' or 'a' or 'x') kinds++;
            else if (c is not ('b' or 't' or '+')) throw Ops.ValueError($"invalid mode: '{mode}'");
        }
        if (kinds != 1) throw Ops.ValueError("must have exactly one of create/read/write/append mode");
        bool binary = mode.Contains('b');
        if (binary && mode.Contains('t')) throw Ops.ValueError("can't have text and binary mode at once");
        PyObject? encArg = p[3] is PyNone ? null : p[3], errArg = p[4] is PyNone ? null : p[4], nlArg = p[5] is PyNone ? null : p[5];
        if (binary && encArg != null) throw Ops.ValueError("binary mode doesn't take an encoding argument");
        if (binary && errArg != null) throw Ops.ValueError("binary mode doesn't take an errors argument");
        if (binary && nlArg != null) throw Ops.ValueError("binary mode doesn't take a newline argument");
        string? newline = nlArg != null ? Ops.StrString(nlArg) : null;
        if (newline is not (null or "" or "\n" or "\r" or "\r\n")) throw Ops.ValueError($"illegal newline value: {newline}");
        // CPython closes an unreferenced file at once, so a program may write without close()
        // and open the file again (or exit) right after: pending writes are flushed then.
        FlushWriters();
        var f = new PyFile(path, mode) { Binary = binary, _newline = newline };
        if (encArg != null)
        {
            f._encoding = Ops.StrString(encArg);
            Codecs.Lookup(f._encoding);
            f._encodingShown = f._encoding;
        }
        else f._encodingShown = "UTF-8";
        if (errArg != null) f._errors = Ops.StrString(errArg);
        bool plus = mode.Contains('+');
        f._canRead = mode.Contains('r') || plus;
        f._canWrite = !mode.Contains('r') || plus;
        f._append = mode.Contains('a');
        try
        {
            if (Directory.Exists(path)) throw OsError(Exc.IsADirectoryError, 21, "Is a directory", path);
            var fm = mode.Contains('r') ? FileMode.Open : mode.Contains('x') ? FileMode.CreateNew : mode.Contains('a') ? FileMode.OpenOrCreate : FileMode.Create;
            if (fm == FileMode.Open && !File.Exists(path)) throw OsError(Exc.FileNotFoundError, 2, "No such file or directory", path);
            if (fm == FileMode.CreateNew && File.Exists(path)) throw OsError(Exc.FileExistsError, 17, "File exists", path);
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir != null && !Directory.Exists(dir)) throw OsError(Exc.FileNotFoundError, 2, "No such file or directory", path);
            var access = f._canRead && f._canWrite ? FileAccess.ReadWrite : f._canRead ? FileAccess.Read : FileAccess.Write;
            f.BinStream = new FileStream(path, fm, access, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            if (f._append) f.BinStream.Seek(0, SeekOrigin.End);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw OsError(Exc.OSError, 5, e.Message, path);
        }
        catch (UnauthorizedAccessException)
        {
            throw OsError(Exc.PermissionError, 13, "Permission denied", path);
        }
        if (f._canWrite) Runtime.Current.OpenWriters.Add(new WeakReference<PyFile>(f));
        return f;
    }

    /// <summary>Flushes the files this runtime opened for writing that are still open.</summary>
    internal static void FlushWriters()
    {
        if (Runtime.CurrentOrNull is not { } rt) return;
        var list = rt.OpenWriters;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].TryGetTarget(out var f) && !f.Closed)
            {
                try { f.BinStream?.Flush(); } catch (IOException) { }
            }
            else list.RemoveAt(i);
        }
    }

    public static PyException OsError(PyType t, int errno, string msg, string? filename = null)
    {
        var e = filename != null ? (PyBaseException)Ops.Call(t, PyInt.Get(errno), new PyStr(msg), new PyStr(filename))
            : (PyBaseException)Ops.Call(t, PyInt.Get(errno), new PyStr(msg));
        return new PyException(e);
    }
}
