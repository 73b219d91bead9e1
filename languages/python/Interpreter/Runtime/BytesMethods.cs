namespace PySharp.Interpreter;

/// <summary>
/// The text-like methods of bytes and bytearray, and bytearray's mutators. The text-like ones run
/// the str method on a character image of the bytes in which only ASCII is itself: bytes 0x80..0xFF
/// and the separators 0x1C..0x1F become private-use characters (not letters, cased, digits, spaces
/// or line breaks), so str's Unicode rules reduce to bytes' ASCII rules.
/// </summary>
internal static class BytesMethods
{
    private static char Map(byte b) => b >= 0x80 || (b >= 0x1C && b <= 0x1F) ? (char)(0xE000 + b) : (char)b;
    private static byte Unmap(char c) => c >= 0xE000 ? (byte)(c - 0xE000) : (byte)c;

    internal static string Image(byte[] b)
    {
        var c = new char[b.Length];
        for (int i = 0; i < b.Length; i++) c[i] = Map(b[i]);
        return new string(c);
    }

    private static byte[] FromImage(string s)
    {
        var b = new byte[s.Length];
        for (int i = 0; i < s.Length; i++) b[i] = Unmap(s[i]);
        return b;
    }

    private static bool IsBytesLike(PyObject o) => o is PyBytes or PyByteArray or PyMemoryView or PyInstance { BaseValue: PyBytes };

    /// <summary>An argument in the character image: bytes-like objects, and ints where the method takes a single byte.</summary>
    private static PyObject Arg(string name, PyObject o, bool intIsByte)
    {
        if (IsBytesLike(o)) return new PyStr(Image(BytesOps.ToBytes(o)));
        if (o is PyTuple t && name is "startswith" or "endswith")
        {
            var items = new PyObject[t.Items.Length];
            for (int i = 0; i < items.Length; i++) items[i] = Arg(name, t.Items[i], false);
            return PyTuple.Of(items);
        }
        if (o is PyStr)
        {
            if (name is "startswith" or "endswith") throw Ops.TypeError($"{name} first arg must be bytes or a tuple of bytes, not str");
            if (intIsByte) throw Ops.TypeError("argument should be integer or bytes-like object, not 'str'");
            throw Ops.TypeError("a bytes-like object is required, not 'str'");
        }
        if (intIsByte && Ops.IntValue(o) is PyInt n)
        {
            if (n.Value < 0 || n.Value > 255) throw Ops.ValueError("byte must be in range(0, 256)");
            return new PyStr(Map((byte)n.Value).ToString());
        }
        return o;
    }

    private static PyObject Result(PyObject r, bool array) => r switch
    {
        PyStr s => array ? new PyByteArray(new List<byte>(FromImage(s.Value))) : new PyBytes(FromImage(s.Value)),
        PyList l => MapList(l, array),
        PyTuple t => MapTuple(t, array),
        _ => r,
    };

    private static PyList MapList(PyList l, bool array)
    {
        var r = new PyList();
        for (int i = 0; i < l.Count; i++) r.Append(Result(l.Items[i], array));
        return r;
    }

    private static PyTuple MapTuple(PyTuple t, bool array)
    {
        var items = new PyObject[t.Items.Length];
        for (int i = 0; i < items.Length; i++) items[i] = Result(t.Items[i], array);
        return PyTuple.Of(items);
    }

    private static readonly string[] s_delegated =
    [
        "capitalize", "center", "count", "endswith", "expandtabs", "find", "index", "isalnum", "isalpha", "isdigit", "islower",
        "isspace", "istitle", "isupper", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace",
        "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase",
        "title", "upper", "zfill",
    ];

    private static void Delegate(PyType t, string name, bool array)
    {
        var target = (PyBuiltin)PyType.Str.Dict.GetStr(name)!;
        bool intIsByte = name is "count" or "find" or "index" or "rfind" or "rindex";
        t.DefN(name, (a, k) =>
        {
            var args = new PyObject[a.Length];
            args[0] = new PyStr(Image(BytesOps.ToBytes(a[0])));
            for (int i = 1; i < a.Length; i++) args[i] = Arg(name, a[i], intIsByte && i == 1);
            try { return Result(Ops.CallBuiltin(target, args, k), array); }
            catch (PyException e) when (name is "index" or "rindex" && e.Value.Type == Exc.ValueError)
            {
                throw Ops.ValueError("subsection not found");
            }
        });
    }

    internal static void Init()
    {
        var bytes = PyType.Bytes;
        var ba = PyType.ByteArray;
        foreach (var name in s_delegated)
        {
            Delegate(bytes, name, false);
            Delegate(ba, name, true);
        }
        foreach (var t in new[] { bytes, ba })
        {
            bool array = t == ba;
            t.Def("isascii", s => { foreach (var x in BytesOps.ToBytes(s)) if (x >= 0x80) return PyBool.False; return PyBool.True; });
            t.DefN("translate", (a, k) =>
            {
                var p = ArgParser.Parse("translate", a, k, ["table", "delete"], 1, skip: 1);
                byte[]? table = p[0] == PyNone.Instance ? null : BytesOps.ToBytes(p[0]!);
                if (table != null && table.Length != 256) throw Ops.ValueError("translation table must be 256 characters long");
                var del = p[1] != null ? BytesOps.ToBytes(p[1]!) : [];
                var res = new List<byte>();
                foreach (var x in BytesOps.ToBytes(a[0]))
                    if (Array.IndexOf(del, x) < 0) res.Add(table != null ? table[x] : x);
                return array ? new PyByteArray(res) : new PyBytes(res.ToArray());
            });
            t.DefStatic("maketrans", (a, k) =>
            {
                ArgParser.Count("maketrans", a, 2, 2);
                var from = BytesOps.ToBytes(a[0]); var to = BytesOps.ToBytes(a[1]);
                if (from.Length != to.Length) throw Ops.ValueError("maketrans arguments must have same length");
                var table = new byte[256];
                for (int i = 0; i < 256; i++) table[i] = (byte)i;
                for (int i = 0; i < from.Length; i++) table[from[i]] = to[i];
                return new PyBytes(table);
            });
        }
        InitByteArray(ba, bytes);
    }

    private static List<byte> V(PyObject o) => ((PyByteArray)o).Value;

    private static byte ByteValue(PyObject o)
    {
        long v = Ops.Index(o);
        if (v < 0 || v > 255) throw Ops.ValueError("byte must be in range(0, 256)");
        return (byte)v;
    }

    private static void InitByteArray(PyType ba, PyType bytes)
    {
        // bytes' remaining methods, run on a copy, with bytes results turned into bytearrays.
        foreach (var name in new[] { "__add__", "__mul__", "__rmul__", "__contains__", "__mod__", "join", "hex", "__lt__", "__le__", "__gt__", "__ge__", "__ne__" })
        {
            var m = bytes.Dict.GetStr(name)!;
            ba.DefN(name, (a, k) =>
            {
                var args = (PyObject[])a.Clone();
                args[0] = new PyBytes(V(a[0]).ToArray());
                var r = Ops.CallBuiltin((PyBuiltin)m, args, k);
                return r is PyBytes rb ? new PyByteArray(new List<byte>(rb.Value)) : r;
            });
        }
        ba.DefClass("fromhex", (a, k) =>
        {
            if (a.Length != 2) throw Ops.TypeError($"bytearray.fromhex() takes exactly one argument ({a.Length - 1} given)");
            return new PyByteArray(new List<byte>(BytesOps.FromHex(a[1])));
        });
        ba.Dict.SetStr("__hash__", PyNone.Instance);
        ba.Def("__str__", s => Ops.Repr(s));
        ba.Def("__getitem__", (s, key) =>
        {
            var v = V(s);
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, v.Count);
                var r = new List<byte>((int)count);
                for (long i = 0, j = start; i < count; i++, j += step) r.Add(v[(int)j]);
                return new PyByteArray(r);
            }
            long ix = Ops.Index(key);
            if (ix < 0) ix += v.Count;
            if (ix < 0 || ix >= v.Count) throw Ops.IndexError("bytearray index out of range");
            return PyInt.Get(v[(int)ix]);
        });
        ba.Def("__setitem__", (s, key, x) =>
        {
            var v = V(s);
            if (key is PySlice sl)
            {
                var src = Ops.IntValue(x) != null ? throw Ops.TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
                    : IsBytesLike(x) ? BytesOps.ToBytes(x) : Ops.ToList(x).Select(ByteValue).ToArray();
                var (start, stop, step, count) = Ops.SliceIndices(sl, v.Count);
                if (step == 1)
                {
                    int st = (int)start, n = (int)Math.Max(0, stop - start);
                    v.RemoveRange(st, Math.Min(n, v.Count - st));
                    v.InsertRange(st, src);
                    return PyNone.Instance;
                }
                if (src.Length != count) throw Ops.ValueError($"attempt to assign bytes of size {src.Length} to extended slice of size {count}");
                for (long i = 0, j = start; i < count; i++, j += step) v[(int)j] = src[i];
                return PyNone.Instance;
            }
            long ix = Ops.Index(key);
            if (ix < 0) ix += v.Count;
            if (ix < 0 || ix >= v.Count) throw Ops.IndexError("bytearray index out of range");
            v[(int)ix] = ByteValue(x);
            return PyNone.Instance;
        });
        ba.Def("__delitem__", (s, key) =>
        {
            var v = V(s);
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, v.Count);
                var drop = new HashSet<long>();
                for (long i = 0, j = start; i < count; i++, j += step) drop.Add(j);
                var keep = new List<byte>(v.Count);
                for (int i = 0; i < v.Count; i++) if (!drop.Contains(i)) keep.Add(v[i]);
                v.Clear(); v.AddRange(keep);
                return PyNone.Instance;
            }
            long ix = Ops.Index(key);
            if (ix < 0) ix += v.Count;
            if (ix < 0 || ix >= v.Count) throw Ops.IndexError("bytearray index out of range");
            v.RemoveAt((int)ix);
            return PyNone.Instance;
        });
        ba.Def("__iadd__", (s, x) => { V(s).AddRange(BytesOps.ToBytes(x)); return s; });
        ba.Def("__imul__", (s, n) =>
        {
            var v = V(s); long k = Ops.Index(n);
            var copy = v.ToArray();
            v.Clear();
            for (long i = 0; i < k; i++) v.AddRange(copy);
            return s;
        });
        ba.Def("__eq__", (a, b) => IsBytesLike(b) ? PyBool.Of(V(a).ToArray().AsSpan().SequenceEqual(BytesOps.ToBytes(b))) : PyNotImplemented.Instance);
        ba.Def("clear", s => { V(s).Clear(); return PyNone.Instance; });
        ba.Def("copy", s => new PyByteArray(new List<byte>(V(s))));
        ba.Def("reverse", s => { V(s).Reverse(); return PyNone.Instance; });
        ba.DefN("pop", (a, k) =>
        {
            if (a.Length > 2) throw Ops.TypeError($"pop expected at most 1 argument, got {a.Length - 1}");
            var v = V(a[0]);
            if (v.Count == 0) throw Ops.IndexError("pop from empty bytearray");
            long ix = a.Length > 1 ? Ops.Index(a[1]) : -1;
            if (ix < 0) ix += v.Count;
            if (ix < 0 || ix >= v.Count) throw Ops.IndexError("pop index out of range");
            byte r = v[(int)ix];
            v.RemoveAt((int)ix);
            return PyInt.Get(r);
        });
        ba.Def("remove", (s, x) =>
        {
            var v = V(s);
            int i = v.IndexOf(ByteValue(x));
            if (i < 0) throw Ops.ValueError("value not found in bytearray");
            v.RemoveAt(i);
            return PyNone.Instance;
        });
        ba.Def("insert", (s, i, x) =>
        {
            var v = V(s);
            long ix = Ops.Index(i);
            if (ix < 0) ix = Math.Max(0, ix + v.Count);
            v.Insert((int)Math.Min(ix, v.Count), ByteValue(x));
            return PyNone.Instance;
        });
        ba.Def("append", (s, x) => { V(s).Add(ByteValue(x)); return PyNone.Instance; });
        ba.Def("extend", (s, x) =>
        {
            if (IsBytesLike(x)) V(s).AddRange(BytesOps.ToBytes(x));
            else if (x is PyStr) throw Ops.TypeError("expected iterable of integers; got: 'str'");
            else foreach (var o in Ops.ToList(x)) V(s).Add(ByteValue(o));
            return PyNone.Instance;
        });
    }
}
