using System.Text;

namespace PySharp.Interpreter;

/// <summary>bytes: encoding/decoding and the basic methods.</summary>
public static class BytesOps
{
    public static byte[] ToBytes(PyObject o) => o switch
    {
        PyBytes b => b.Value,
        PyByteArray ba => ba.Value.ToArray(),
        PyInstance { BaseValue: PyBytes bb } => bb.Value,
        PyMemoryView mv => mv.ToArray(),
        _ => throw Ops.TypeError($"a bytes-like object is required, not '{Ops.TypeName(o)}'"),
    };

    public static byte[] Encode(string s, string enc, string errors) => Codecs.Encode(s, enc, errors);

    public static string Decode(byte[] b, string enc, string errors) => Codecs.Decode(b, enc, errors);

    public static string Repr(byte[] b, string prefix = "b")
    {
        bool hasSingle = Array.IndexOf(b, (byte)'\'') >= 0, hasDouble = Array.IndexOf(b, (byte)'"') >= 0;
        char q = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder(prefix).Append(q);
        foreach (var c in b)
        {
            if (c == q || c == '\\') sb.Append('\\').Append((char)c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 32 || c >= 127) sb.Append("\\x").Append(c.ToString("x2"));
            else sb.Append((char)c);
        }
        return sb.Append(q).ToString();
    }

    private static byte[] B(PyObject o) => ToBytes(o);

    /// <summary>bytes.fromhex: pairs of hex digits, with ASCII whitespace allowed between pairs.</summary>
    internal static byte[] FromHex(PyObject arg)
    {
        if (arg is not PyStr ps) throw Ops.TypeError($"fromhex() argument must be str, not {Ops.TypeName(arg)}");
        var s = ps.Value;
        var r = new List<byte>();
        int i = 0;
        static int Digit(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
        while (i < s.Length)
        {
            if (s[i] is ' ' or '\t' or '\n' or '\r' or '\v' or '\f') { i++; continue; }
            int hi = Digit(s[i]);
            if (hi < 0) throw Ops.ValueError($"non-hexadecimal number found in fromhex() arg at position {i}");
            if (i + 1 >= s.Length || Digit(s[i + 1]) < 0) throw Ops.ValueError($"non-hexadecimal number found in fromhex() arg at position {i + 1}");
            r.Add((byte)(hi * 16 + Digit(s[i + 1])));
            i += 2;
        }
        return r.ToArray();
    }

    internal static void InitBytes()
    {
        var t = PyType.Bytes;
        t.DefStatic("__new__", (a, k) =>
        {
            var p = ArgParser.Parse("bytes", a, k, ["source", "encoding", "errors"], 0, skip: 1);
            byte[] r;
            if (p[0] == null) r = [];
            else if (p[0] is PyStr s)
            {
                if (p[1] == null) throw Ops.TypeError("string argument without an encoding");
                r = Encode(s.Value, Ops.StrString(p[1]!), p[2] != null ? Ops.StrString(p[2]!) : "strict");
            }
            else if (Ops.IntValue(p[0]!) is PyInt n)
            {
                if (n.Value < 0) throw Ops.ValueError("negative count");
                r = new byte[n.Value];
            }
            else if (p[0] is PyBytes pb) r = pb.Value;
            else
            {
                var l = new List<byte>();
                foreach (var x in Ops.ToList(p[0]!))
                {
                    long v = Ops.Index(x);
                    if (v < 0 || v > 255) throw Ops.ValueError("bytes must be in range(0, 256)");
                    l.Add((byte)v);
                }
                r = l.ToArray();
            }
            return TypeOps.WrapForSubclass((PyType)a[0], PyType.Bytes, new PyBytes(r));
        });
        t.Def("__repr__", a => new PyStr(Repr(B(a))));
        t.Def("__str__", a => new PyStr(Repr(B(a))));
        t.Def("__len__", a => PyInt.Get(B(a).Length));
        t.Def("__iter__", a => new BytesIter(B(a)));
        t.Def("__hash__", a => { var items = new PyObject[B(a).Length]; for (int i = 0; i < items.Length; i++) items[i] = PyInt.Get(B(a)[i]); return PyInt.Get(Ops.TupleHash(items) ^ 0x5bd1e995); });
        t.Def("__getitem__", (a, key) =>
        {
            var b = B(a);
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, b.Length);
                var r = new byte[count];
                for (long i = 0, j = start; i < count; i++, j += step) r[i] = b[j];
                return new PyBytes(r);
            }
            long ix = Ops.Index(key);
            if (ix < 0) ix += b.Length;
            if (ix < 0 || ix >= b.Length) throw Ops.IndexError("index out of range");
            return PyInt.Get(b[ix]);
        });
        t.Def("__add__", (a, o) =>
        {
            if (o is not PyBytes && o is not PyByteArray) throw Ops.TypeError($"can't concat {Ops.TypeName(o)} to bytes");
            var x = B(a); var y = B(o);
            var r = new byte[x.Length + y.Length];
            x.CopyTo(r, 0); y.CopyTo(r, x.Length);
            return new PyBytes(r);
        });
        t.Def("__mul__", (a, n) =>
        {
            if (Ops.IntValue(n) == null) return PyNotImplemented.Instance;
            var x = B(a); long k = Ops.Index(n);
            if (k <= 0) return new PyBytes([]);
            var r = new byte[x.Length * k];
            for (long i = 0; i < k; i++) x.CopyTo(r, i * x.Length);
            return new PyBytes(r);
        });
        t.Def("__rmul__", (a, n) => Ops.IntValue(n) == null ? PyNotImplemented.Instance : Ops.CallMethod(t.Dict.GetStr("__mul__")!, a, n));
        t.Def("__contains__", (a, x) =>
        {
            var b = B(a);
            if (Ops.IntValue(x) is { } iv)
            {
                if (iv is not PyInt pi || pi.Value < 0 || pi.Value > 255) throw Ops.ValueError("byte must be in range(0, 256)");
                return PyBool.Of(Array.IndexOf(b, (byte)pi.Value) >= 0);
            }
            var sub = B(x);
            return PyBool.Of(IndexOf(b, sub, 0) >= 0);
        });
        for (int op = 0; op < 6; op++)
        {
            int o = op;
            t.Def(Ops.CmpNames[op], (a, b) =>
            {
                if (b is not PyBytes && b is not PyInstance { BaseValue: PyBytes }) return PyNotImplemented.Instance;
                var x = B(a); var y = B(b);
                int c = 0;
                for (int i = 0; i < Math.Min(x.Length, y.Length) && c == 0; i++) c = x[i].CompareTo(y[i]);
                if (c == 0) c = x.Length.CompareTo(y.Length);
                return PyBool.Of(Ops.CmpInt(c, o));
            });
        }
        t.DefN("decode", (a, k) =>
        {
            var p = ArgParser.Parse("decode", a, k, ["encoding", "errors"], 0, skip: 1);
            return new PyStr(Decode(B(a[0]), p[0] != null ? Ops.StrString(p[0]!) : "utf-8", p[1] != null ? Ops.StrString(p[1]!) : "strict"));
        });
        t.Def("hex", a => new PyStr(Convert.ToHexString(B(a)).ToLowerInvariant()));
        t.DefClass("fromhex", (a, k) =>
        {
            if (a.Length != 2) throw Ops.TypeError($"bytes.fromhex() takes exactly one argument ({a.Length - 1} given)");
            return TypeOps.WrapForSubclass((PyType)a[0], PyType.Bytes, new PyBytes(FromHex(a[1])));
        });
        t.Def("join", (a, it) =>
        {
            var sep = B(a);
            var res = new List<byte>();
            bool first = true;
            foreach (var x in Ops.ToList(it))
            {
                if (!first) res.AddRange(sep);
                first = false;
                res.AddRange(B(x));
            }
            return new PyBytes(res.ToArray());
        });
        t.Def("upper", a => new PyBytes(Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(B(a)).ToUpperInvariant())));
        t.Def("lower", a => new PyBytes(Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(B(a)).ToLowerInvariant())));
        t.DefN("split", (a, k) =>
        {
            var s = Encoding.Latin1.GetString(B(a[0]));
            var args = new PyObject[a.Length];
            args[0] = new PyStr(s);
            for (int i = 1; i < a.Length; i++) args[i] = a[i] is PyBytes pb ? new PyStr(Encoding.Latin1.GetString(pb.Value)) : a[i];
            var r = (PyList)Ops.CallBuiltin((PyBuiltin)PyType.Str.Dict.GetStr("split")!, args, k);
            for (int i = 0; i < r.Count; i++) r.Items[i] = new PyBytes(Encoding.Latin1.GetBytes(((PyStr)r.Items[i]).Value));
            return r;
        });
        t.DefN("strip", (a, k) => new PyBytes(Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(B(a[0])).Trim(a.Length > 1 ? Encoding.Latin1.GetString(B(a[1])).ToCharArray() : [' ', '\t', '\n', '\r', '\v', '\f']))));
        t.DefN("startswith", (a, k) => PyBool.Of(Encoding.Latin1.GetString(B(a[0])).StartsWith(Encoding.Latin1.GetString(B(a[1])), StringComparison.Ordinal)));
        t.DefN("endswith", (a, k) => PyBool.Of(Encoding.Latin1.GetString(B(a[0])).EndsWith(Encoding.Latin1.GetString(B(a[1])), StringComparison.Ordinal)));
        t.DefN("find", (a, k) => PyInt.Get(IndexOf(B(a[0]), a[1] is PyInt pi ? [(byte)pi.Value] : B(a[1]), 0)));
        t.DefN("replace", (a, k) => new PyBytes(Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(B(a[0])).Replace(Encoding.Latin1.GetString(B(a[1])), Encoding.Latin1.GetString(B(a[2])), StringComparison.Ordinal))));
        t.Def("count", (a, x) => { var s = Encoding.Latin1.GetString(B(a)); var sub = Encoding.Latin1.GetString(B(x)); int n = 0, p = 0; while (sub.Length > 0 && (p = s.IndexOf(sub, p, StringComparison.Ordinal)) >= 0) { n++; p += sub.Length; } return PyInt.Get(n); });
        t.Def("__mod__", (a, v) => new PyBytes(Encoding.Latin1.GetBytes(StrOps.Percent(Encoding.Latin1.GetString(B(a)), v, bytes: true))));
        t.Def("isdigit", a => PyBool.Of(B(a).Length > 0 && Array.TrueForAll(B(a), c => c >= '0' && c <= '9')));
        t.Def("isalpha", a => PyBool.Of(B(a).Length > 0 && Array.TrueForAll(B(a), c => c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')));

        var ba = PyType.ByteArray;
        ba.DefStatic("__new__", (a, k) => new PyByteArray(new List<byte>(a.Length > 1 ? (a[1] is PyInt n ? new byte[n.Value] : a[1] is PyStr s ? Encode(s.Value, a.Length > 2 ? Ops.StrString(a[2]) : "utf-8", "strict") : ((PyBytes)Ops.Call(PyType.Bytes, a[1])).Value) : [])));
        ba.Def("__repr__", a => new PyStr("bytearray(" + Repr(((PyByteArray)a).Value.ToArray()) + ")"));
        ba.Def("__len__", a => PyInt.Get(((PyByteArray)a).Value.Count));
        ba.Def("__iter__", a => new BytesIter(((PyByteArray)a).Value.ToArray()));
        ba.Def("__getitem__", (a, i) => { var v = ((PyByteArray)a).Value; long ix = Ops.Index(i); if (ix < 0) ix += v.Count; if (ix < 0 || ix >= v.Count) throw Ops.IndexError("bytearray index out of range"); return PyInt.Get(v[(int)ix]); });
        ba.Def("__setitem__", (a, i, x) => { var v = ((PyByteArray)a).Value; long ix = Ops.Index(i); if (ix < 0) ix += v.Count; v[(int)ix] = (byte)Ops.Index(x); return PyNone.Instance; });
        ba.Def("append", (a, x) => { ((PyByteArray)a).Value.Add((byte)Ops.Index(x)); return PyNone.Instance; });
        ba.Def("extend", (a, x) => { ((PyByteArray)a).Value.AddRange(ToBytes(x is PyList ? Ops.Call(PyType.Bytes, x) : x)); return PyNone.Instance; });
        ba.DefN("decode", (a, k) =>
        {
            var p = ArgParser.Parse("decode", a, k, ["encoding", "errors"], 0, skip: 1);
            return new PyStr(Decode(((PyByteArray)a[0]).Value.ToArray(), p[0] != null ? Ops.StrString(p[0]!) : "utf-8", p[1] != null ? Ops.StrString(p[1]!) : "strict"));
        });
        ba.Def("__eq__", (a, b) => PyBool.Of((b is PyBytes || b is PyByteArray) && ((PyByteArray)a).Value.ToArray().AsSpan().SequenceEqual(ToBytes(b))));
    }

    private static int IndexOf(byte[] b, byte[] sub, int start)
    {
        for (int i = start; i + sub.Length <= b.Length; i++)
        {
            int j = 0;
            while (j < sub.Length && b[i + j] == sub[j]) j++;
            if (j == sub.Length) return i;
        }
        return -1;
    }
}
