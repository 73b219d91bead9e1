using PySharp.Syntax;
using System.Globalization;
using System.Text;
using PySharp.Formatting;

namespace PySharp.Interpreter;

public static partial class TypeInit
{
    internal static string S(PyObject o) => o switch
    {
        PyStr s => s.Value,
        PyInstance { BaseValue: PyStr b } => b.Value,
        _ => throw Ops.TypeError($"descriptor requires a 'str' object but received a '{Ops.TypeName(o)}'"),
    };

    private static string ArgStr(PyObject o, string fname)
    {
        if (o is PyStr s) return s.Value;
        if (o is PyInstance { BaseValue: PyStr b }) return b.Value;
        throw Ops.TypeError($"{fname} arg must be None or str");
    }

    private static string MustStr(PyObject o, string what)
    {
        if (o is PyStr s) return s.Value;
        if (o is PyInstance { BaseValue: PyStr b }) return b.Value;
        throw Ops.TypeError(what.Replace("{}", Ops.TypeName(o)));
    }

    private static (int start, int end) SubRange(string s, PyObject[] a, int from)
    {
        if (!StrOps.IsAsciiOrBmp(s)) return AstralSubRange(s, a, from);
        long len = s.Length;
        long start = 0, end = len;
        if (a.Length > from && a[from] != PyNone.Instance) { start = Ops.Index(a[from]); if (start < 0) start = Math.Max(0, start + len); }
        if (a.Length > from + 1 && a[from + 1] != PyNone.Instance) { end = Ops.Index(a[from + 1]); if (end < 0) end = Math.Max(0, end + len); }
        if (end > len) end = len;
        return ((int)Math.Min(start, len + 1), (int)end);
    }

    private static bool IsSpace(char c) => (CharProps.Of(c) & CharProps.Space) != 0;

    private static void InitStr()
    {
        var t = PyType.Str;
        t.DefStatic("__new__", (a, k) =>
        {
            var cls = (PyType)a[0];
            var p = ArgParser.Parse("str", a, k, ["object", "encoding", "errors"], 0, skip: 1);
            PyObject r;
            if (p[0] == null) r = PyStr.Empty;
            else if (p[1] != null || p[2] != null)
                r = new PyStr(BytesOps.Decode(BytesOps.ToBytes(p[0]!), p[1] != null ? Ops.StrString(p[1]!) : "utf-8", p[2] != null ? Ops.StrString(p[2]!) : "strict"));
            else r = Ops.Str(p[0]!);
            return TypeOps.WrapForSubclass(cls, PyType.Str, r);
        });
        t.Def("__str__", a => a is PyStr ? a : new PyStr(S(a)));
        t.Def("__repr__", a => new PyStr(Ops.StrRepr(S(a))));
        t.Def("__hash__", a => PyInt.Get(Ops.StrHash(S(a))));
        t.Def("__len__", a => PyInt.Get(StrOps.CodePointLength(S(a))));
        t.Def("__iter__", a => new StrIter(S(a)));
        t.Def("__contains__", (a, b) => PyBool.Of(S(a).Contains(MustStr(b, "'in <string>' requires string as left operand, not {}"), StringComparison.Ordinal)));
        t.Def("__getitem__", (a, k) =>
        {
            var s = a as PyStr ?? new PyStr(S(a));
            if (k is PySlice sl) return StrOps.Slice(s, sl);
            if (Ops.IntValue(k) == null && k.Type.Lookup("__index__") == null) throw Ops.TypeError($"string indices must be integers, not '{Ops.TypeName(k)}'");
            return StrOps.GetChar(s, Ops.Index(k));
        });
        t.Def("__add__", (a, b) => b is PyStr || b is PyInstance { BaseValue: PyStr } ? new PyStr(S(a) + S(b)) : throw Ops.TypeError($"can only concatenate str (not \"{Ops.TypeName(b)}\") to str"));
        t.Def("__mul__", (a, b) =>
        {
            if (Ops.IntValue(b) == null && b.Type.Lookup("__index__") == null) return PyNotImplemented.Instance;
            long n = Ops.Index(b);
            var s = S(a);
            if (n <= 0 || s.Length == 0) return PyStr.Empty;
            if (n * s.Length > int.MaxValue) throw Ops.Error(Exc.MemoryError, "");
            var sb = new StringBuilder(s.Length * (int)n);
            for (long i = 0; i < n; i++) sb.Append(s);
            return new PyStr(sb.ToString());
        });
        t.Dict.SetStr("__rmul__", t.Dict.GetStr("__mul__")!);
        t.Def("__mod__", (a, b) => new PyStr(StrOps.Percent(S(a), b)));
        t.Def("__rmod__", (a, b) => PyNotImplemented.Instance);
        for (int op = 0; op < 6; op++)
        {
            int o = op;
            t.Def(Ops.CmpNames[op], (a, b) =>
            {
                if (b is not PyStr && b is not PyInstance { BaseValue: PyStr }) return PyNotImplemented.Instance;
                return PyBool.Of(Ops.CmpInt(StrOps.Compare(S(a), S(b)), o));
            });
        }
        t.Def("__format__", (a, spec) => Ops.Format(new PyStr(S(a)), Ops.StrString(spec)));
        t.Def("__getnewargs__", a => PyTuple.Of(new PyStr(S(a))));
        t.Def("__sizeof__", a => PyInt.Get(49 + S(a).Length));
        t.Def("join", (a, it) =>
        {
            var sep = S(a);
            if (it is PyList jl && jl.GetType() == typeof(PyList)) return JoinArray(sep, jl.Items, jl.Count);
            if (it is PyTuple jt && jt.GetType() == typeof(PyTuple)) return JoinArray(sep, jt.Items, jt.Items.Length);
            var items = Ops.ToList(it);
            var parts = new string[items.Count];
            for (int i = 0; i < parts.Length; i++)
            {
                var x = items[i];
                parts[i] = x is PyStr xs ? xs.Value : x is PyInstance { BaseValue: PyStr xb } ? xb.Value : throw Ops.TypeError($"sequence item {i}: expected str instance, {Ops.TypeName(x)} found");
            }
            return new PyStr(string.Join(sep, parts));
        });
        t.DefN("split", (a, k) => SplitImpl(a, k, false));
        t.DefN("rsplit", (a, k) => SplitImpl(a, k, true));
        t.DefN("splitlines", (a, k) =>
        {
            var p = ArgParser.Parse("splitlines", a, k, ["keepends"], 0, skip: 1);
            bool keep = p[0] != null && Ops.IsTrue(p[0]!);
            var s = S(a[0]);
            var res = new PyList();
            int i = 0;
            while (i < s.Length)
            {
                int j = i;
                while (j < s.Length && !IsLineBreak(s[j])) j++;
                int eol = j;
                if (j < s.Length)
                {
                    if (s[j] == '\r' && j + 1 < s.Length && s[j + 1] == '\n') j += 2; else j++;
                }
                res.Append(new PyStr(s[i..(keep ? j : eol)]));
                i = j;
            }
            return res;
        });
        t.DefN("strip", (a, k) => StripImpl(a, 3, "strip"));
        t.DefN("lstrip", (a, k) => StripImpl(a, 1, "lstrip"));
        t.DefN("rstrip", (a, k) => StripImpl(a, 2, "rstrip"));
        t.DefN("replace", (a, k) =>
        {
            ArgParser.Count("replace", a, 2, 3, 1);
            var s = S(a[0]);
            var old = MustStr(a[1], "replace() argument 1 must be str, not {}");
            var nw = MustStr(a[2], "replace() argument 2 must be str, not {}");
            long count = a.Length > 3 ? Ops.Index(a[3]) : -1;
            if (count < 0) return new PyStr(old.Length == 0 ? InsertBetween(s, nw, int.MaxValue) : s.Replace(old, nw, StringComparison.Ordinal));
            if (old.Length == 0) return new PyStr(InsertBetween(s, nw, count));
            var sb = new StringBuilder();
            int pos = 0, n = 0;
            while (n < count)
            {
                int f = s.IndexOf(old, pos, StringComparison.Ordinal);
                if (f < 0) break;
                sb.Append(s, pos, f - pos).Append(nw);
                pos = f + old.Length;
                n++;
            }
            sb.Append(s, pos, s.Length - pos);
            return new PyStr(sb.ToString());
        });
        t.DefN("find", (a, k) => PyInt.Get(FindImpl(a, false, "find")));
        t.DefN("rfind", (a, k) => PyInt.Get(FindImpl(a, true, "rfind")));
        t.DefN("index", (a, k) => { long r = FindImpl(a, false, "index"); if (r < 0) throw Ops.ValueError("substring not found"); return PyInt.Get(r); });
        t.DefN("rindex", (a, k) => { long r = FindImpl(a, true, "rindex"); if (r < 0) throw Ops.ValueError("substring not found"); return PyInt.Get(r); });
        t.DefN("count", (a, k) =>
        {
            if (a.Length < 2) throw Ops.TypeError($"count() takes at least 1 argument ({a.Length - 1} given)");
            var s = S(a[0]);
            var sub = MustStr(a[1], "must be str, not {}");
            var (st, en) = SubRange(s, a, 2);
            if (st > en) return PyInt.Zero;
            if (sub.Length == 0) return PyInt.Get(StrOps.UnitToCodePoint(s, en) - StrOps.UnitToCodePoint(s, st) + 1);
            int n = 0, pos = st;
            while (true)
            {
                int f = s.IndexOf(sub, pos, en - pos, StringComparison.Ordinal);
                if (f < 0) break;
                n++;
                pos = f + sub.Length;
            }
            return PyInt.Get(n);
        });
        t.DefN("startswith", (a, k) => a.Length < 2 ? throw Ops.TypeError("startswith() takes at least 1 argument (0 given)") : PyBool.Of(StartsEnds(a, true)),
            (a, p) => PyBool.Of(a is PyStr sa && p is PyStr sp ? sa.Value.StartsWith(sp.Value, StringComparison.Ordinal) : StartsEnds([a, p], true)), null);
        t.DefN("endswith", (a, k) => a.Length < 2 ? throw Ops.TypeError("endswith() takes at least 1 argument (0 given)") : PyBool.Of(StartsEnds(a, false)),
            (a, p) => PyBool.Of(a is PyStr sa && p is PyStr sp ? sa.Value.EndsWith(sp.Value, StringComparison.Ordinal) : StartsEnds([a, p], false)), null);
        t.Def("upper", a => new PyStr(CaseMapping.Upper(S(a))));
        t.Def("lower", a => new PyStr(CaseMapping.Lower(S(a))));
        t.Def("casefold", a => new PyStr(CaseMapping.Fold(S(a))));
        t.Def("swapcase", a => new PyStr(CaseMapping.SwapCase(S(a))));
        t.Def("capitalize", a => new PyStr(CaseMapping.Capitalize(S(a))));
        t.Def("title", a => new PyStr(CaseMapping.Title(S(a))));
        // Character classes as CPython sees them (CharProps: its Unicode 14 data).
        t.Def("isdigit", a => PyBool.Of(CharProps.All(S(a), CharProps.Digit)));
        t.Def("isdecimal", a => PyBool.Of(CharProps.All(S(a), CharProps.Decimal)));
        t.Def("isnumeric", a => PyBool.Of(CharProps.All(S(a), CharProps.Numeric)));
        t.Def("isalpha", a => PyBool.Of(CharProps.All(S(a), CharProps.Alpha)));
        t.Def("isalnum", a => PyBool.Of(CharProps.All(S(a), CharProps.Alpha | CharProps.Decimal | CharProps.Digit | CharProps.Numeric)));
        t.Def("isspace", a => PyBool.Of(CharProps.All(S(a), CharProps.Space)));
        t.Def("isascii", a => PyBool.Of(S(a).All(c => c < 128)));
        t.Def("isupper", a => PyBool.Of(IsCasedOnly(S(a), CharProps.Upper, CharProps.Lower | CharProps.Title)));
        t.Def("islower", a => PyBool.Of(IsCasedOnly(S(a), CharProps.Lower, CharProps.Upper | CharProps.Title)));
        t.Def("istitle", a => PyBool.Of(IsTitle(S(a))));
        t.Def("isidentifier", a => PyBool.Of(IsIdentifier(S(a))));
        t.Def("isprintable", a => PyBool.Of(S(a).Length == 0 || CharProps.All(S(a), CharProps.Printable)));
        t.DefN("center", (a, k) => PadImpl(a, 0, "center"));
        t.DefN("ljust", (a, k) => PadImpl(a, 1, "ljust"));
        t.DefN("rjust", (a, k) => PadImpl(a, 2, "rjust"));
        t.Def("zfill", (a, w) =>
        {
            var s = S(a);
            long width = Ops.Index(w);
            long slen = StrOps.CodePointLength(s);
            if (slen >= width) return new PyStr(s);
            int fill = (int)(width - slen);
            if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) return new PyStr(s[0] + new string('0', fill) + s[1..]);
            return new PyStr(new string('0', fill) + s);
        });
        t.Def("partition", (a, sepo) =>
        {
            var s = S(a); var sep = MustStr(sepo, "must be str, not {}");
            if (sep.Length == 0) throw Ops.ValueError("empty separator");
            int i = s.IndexOf(sep, StringComparison.Ordinal);
            if (i < 0) return PyTuple.Of(new PyStr(s), PyStr.Empty, PyStr.Empty);
            return PyTuple.Of(new PyStr(s[..i]), new PyStr(sep), new PyStr(s[(i + sep.Length)..]));
        });
        t.Def("rpartition", (a, sepo) =>
        {
            var s = S(a); var sep = MustStr(sepo, "must be str, not {}");
            if (sep.Length == 0) throw Ops.ValueError("empty separator");
            int i = s.LastIndexOf(sep, StringComparison.Ordinal);
            if (i < 0) return PyTuple.Of(PyStr.Empty, PyStr.Empty, new PyStr(s));
            return PyTuple.Of(new PyStr(s[..i]), new PyStr(sep), new PyStr(s[(i + sep.Length)..]));
        });
        t.DefN("format", (a, k) =>
        {
            int nkw = k?.Length ?? 0;
            PyDict? kw = null;
            if (nkw > 0)
            {
                kw = new PyDict();
                for (int i = 0; i < nkw; i++) kw.SetStr(k![i], a[a.Length - nkw + i]);
            }
            var pos = a[..(a.Length - nkw)];
            return new PyStr(StrOps.Format(S(a[0]), pos, 1, kw));
        });
        t.Def("format_map", (a, m) => new PyStr(StrOps.Format(S(a), [], 0, m)));
        t.DefN("encode", (a, k) =>
        {
            var p = ArgParser.Parse("encode", a, k, ["encoding", "errors"], 0, skip: 1);
            return new PyBytes(BytesOps.Encode(S(a[0]), p[0] != null ? Ops.StrString(p[0]!) : "utf-8", p[1] != null ? Ops.StrString(p[1]!) : "strict"));
        });
        t.DefN("expandtabs", (a, k) =>
        {
            var p = ArgParser.Parse("expandtabs", a, k, ["tabsize"], 0, skip: 1);
            long ts = p[0] != null ? Ops.Index(p[0]!) : 8;
            var sb = new StringBuilder();
            int col = 0;
            foreach (var c in S(a[0]))
            {
                if (c == '\t') { if (ts > 0) { int n = (int)(ts - col % ts); sb.Append(' ', n); col += n; } }
                else if (c == '\n' || c == '\r') { sb.Append(c); col = 0; }
                else if (char.IsLowSurrogate(c) && sb.Length > 0 && char.IsHighSurrogate(sb[^1])) sb.Append(c);
                else { sb.Append(c); col++; }
            }
            return new PyStr(sb.ToString());
        });
        t.Def("removeprefix", (a, p) => { var s = S(a); var pr = S(p); return new PyStr(s.StartsWith(pr, StringComparison.Ordinal) ? s[pr.Length..] : s); });
        t.Def("removesuffix", (a, p) => { var s = S(a); var su = S(p); return new PyStr(su.Length > 0 && s.EndsWith(su, StringComparison.Ordinal) ? s[..^su.Length] : s); });
        t.Def("translate", (a, table) =>
        {
            var sb = new StringBuilder();
            foreach (var cp in StrOps.CodePoints(S(a)))
            {
                int c = char.ConvertToUtf32(cp, 0);
                PyObject? r;
                try { r = Ops.GetItem(table, PyInt.Get(c)); }
                catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.LookupError)) { sb.Append(cp); continue; }
                if (r == PyNone.Instance) continue;
                if (r is PyStr rs) sb.Append(rs.Value);
                else sb.Append(char.ConvertFromUtf32((int)Ops.Index(r)));
            }
            return new PyStr(sb.ToString());
        });
        var mt = new PyBuiltin("maketrans", (a, k) =>
        {
            ArgParser.Count("maketrans", a, 1, 3);
            var d = new PyDict();
            if (a.Length == 1)
            {
                var src = (PyDict)a[0];
                int pos = 0;
                while (src.Next(ref pos, out var key, out var v))
                    d.Set(key is PyStr ks ? PyInt.Get(char.ConvertToUtf32(ks.Value, 0)) : key, v);
                return d;
            }
            var x = StrOps.CodePoints(S(a[0])); var y = StrOps.CodePoints(S(a[1]));
            if (x.Length != y.Length) throw Ops.ValueError("the first two maketrans arguments must have equal length");
            for (int i = 0; i < x.Length; i++) d.Set(PyInt.Get(char.ConvertToUtf32(x[i], 0)), PyInt.Get(char.ConvertToUtf32(y[i], 0)));
            if (a.Length > 2) foreach (var c in StrOps.CodePoints(S(a[2]))) d.Set(PyInt.Get(char.ConvertToUtf32(c, 0)), PyNone.Instance);
            return d;
        });
        t.Dict.SetStr("maketrans", new PyStaticMethod(mt));
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    internal static bool IsIdentifier(string s)
    {
        if (s.Length == 0) return false;
        for (int i = 0; i < s.Length; i++)
        {
            bool first = i == 0;
            int cp = CharProps.CodePointAt(s, ref i);
            if ((CharProps.Of(cp) & (first ? CharProps.IdStart : CharProps.IdContinue)) == 0) return false;
        }
        return true;
    }

    /// <summary>str.isupper/islower: some character has <paramref name="want"/> and none has <paramref name="reject"/>.</summary>
    private static bool IsCasedOnly(string s, ushort want, ushort reject)
    {
        bool cased = false;
        for (int i = 0; i < s.Length; i++)
        {
            ushort f = CharProps.Of(CharProps.CodePointAt(s, ref i));
            if ((f & reject) != 0) return false;
            if ((f & want) != 0) cased = true;
        }
        return cased;
    }

    /// <summary>str.istitle: upper- and titlecase characters only after uncased ones, lowercase only after cased ones.</summary>
    private static bool IsTitle(string s)
    {
        bool cased = false, previousCased = false;
        for (int i = 0; i < s.Length; i++)
        {
            ushort f = CharProps.Of(CharProps.CodePointAt(s, ref i));
            if ((f & (CharProps.Upper | CharProps.Title)) != 0)
            {
                if (previousCased) return false;
                previousCased = cased = true;
            }
            else if ((f & CharProps.Lower) != 0)
            {
                if (!previousCased) return false;
                previousCased = cased = true;
            }
            else previousCased = false;
        }
        return cased;
    }

    private static string InsertBetween(string s, string ins, long count)
    {
        var sb = new StringBuilder();
        long n = 0;
        if (n < count) { sb.Append(ins); n++; }
        foreach (var c in s)
        {
            sb.Append(c);
            if (n < count) { sb.Append(ins); n++; }
        }
        return sb.ToString();
    }

    private static PyObject SplitImpl(PyObject[] a, string[]? k, bool right)
    {
        var p = ArgParser.Parse(right ? "rsplit" : "split", a, k, ["sep", "maxsplit"], 0, skip: 1);
        var s = S(a[0]);
        long max = p[1] != null ? Ops.Index(p[1]!) : -1;
        if (max < 0) max = long.MaxValue;
        var res = new List<PyObject>();
        if (p[0] == null || p[0] == PyNone.Instance)
        {
            if (!right)
            {
                int i = 0;
                while (true)
                {
                    while (i < s.Length && IsSpace(s[i])) i++;
                    if (i >= s.Length) break;
                    if (res.Count == max) { res.Add(new PyStr(s[i..].TrimEnd())); break; }
                    int j = i;
                    while (j < s.Length && !IsSpace(s[j])) j++;
                    res.Add(new PyStr(s[i..j]));
                    i = j;
                }
                return new PyList(res.ToArray());
            }
            else
            {
                int i = s.Length - 1;
                while (true)
                {
                    while (i >= 0 && IsSpace(s[i])) i--;
                    if (i < 0) break;
                    if (res.Count == max) { res.Add(new PyStr(s[..(i + 1)].TrimStart())); break; }
                    int j = i;
                    while (j >= 0 && !IsSpace(s[j])) j--;
                    res.Add(new PyStr(s[(j + 1)..(i + 1)]));
                    i = j;
                }
                res.Reverse();
                return new PyList(res.ToArray());
            }
        }
        var sep = MustStr(p[0]!, "must be str or None, not {}");
        if (sep.Length == 0) throw Ops.ValueError("empty separator");
        if (!right)
        {
            int pos = 0;
            while (res.Count < max)
            {
                int f = s.IndexOf(sep, pos, StringComparison.Ordinal);
                if (f < 0) break;
                res.Add(new PyStr(s[pos..f]));
                pos = f + sep.Length;
            }
            res.Add(new PyStr(s[pos..]));
        }
        else
        {
            int end = s.Length;
            while (res.Count < max)
            {
                int f = end - sep.Length < 0 ? -1 : s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
                if (f < 0 || f + sep.Length > end) break;
                res.Add(new PyStr(s[(f + sep.Length)..end]));
                end = f;
            }
            res.Add(new PyStr(s[..end]));
            res.Reverse();
        }
        return new PyList(res.ToArray());
    }

    private static PyObject StripImpl(PyObject[] a, int mode, string name)
    {
        var s = S(a[0]);
        if (a.Length > 1 && a[1] != PyNone.Instance)
        {
            var chars = ArgStr(a[1], name).ToCharArray();
            if ((mode & 1) != 0) s = s.TrimStart(chars);
            if ((mode & 2) != 0) s = s.TrimEnd(chars);
            return new PyStr(s);
        }
        int st = 0, en = s.Length;
        if ((mode & 1) != 0) while (st < en && IsSpace(s[st])) st++;
        if ((mode & 2) != 0) while (en > st && IsSpace(s[en - 1])) en--;
        return new PyStr(s[st..en]);
    }

    private static long FindImpl(PyObject[] a, bool right, string name)
    {
        if (a.Length < 2) throw Ops.TypeError($"{name}() takes at least 1 argument (0 given)");
        var s = S(a[0]);
        var sub = MustStr(a[1], "must be str, not {}");
        var (st, en) = SubRange(s, a, 2);
        if (st > en) return -1;
        int r = right ? (en - st < sub.Length ? -1 : s.LastIndexOf(sub, en - 1 < 0 ? 0 : en - 1, en - st, StringComparison.Ordinal))
                      : s.IndexOf(sub, st, en - st, StringComparison.Ordinal);
        if (right && sub.Length == 0) r = en;
        if (r >= 0 && r + sub.Length > en) r = -1;
        return r > 0 ? StrOps.UnitToCodePoint(s, r) : r;
    }

    /// <summary>sep.join of a list or tuple's items: one pass for the length, one copy into the result.</summary>
    private static PyObject JoinArray(string sep, PyObject[] items, int count)
    {
        if (count == 0) return PyStr.Empty;
        if (count == 1 && items[0] is PyStr only) return only;
        long total = (long)sep.Length * (count - 1);
        for (int i = 0; i < count; i++)
        {
            var x = items[i];
            total += x is PyStr xs ? xs.Length : x is PyInstance { BaseValue: PyStr xb } ? xb.Length : throw Ops.TypeError($"sequence item {i}: expected str instance, {Ops.TypeName(x)} found");
        }
        if (total > int.MaxValue) throw new OutOfMemoryException();
        // One allocation of the final length, filled in place.
        return new PyStr(string.Create((int)total, (sep, items, count), static (span, st) =>
        {
            int pos = 0;
            for (int i = 0; i < st.count; i++)
            {
                if (i > 0) { st.sep.CopyTo(span[pos..]); pos += st.sep.Length; }
                var x = st.items[i];
                var v = x is PyStr xs ? xs.Value : ((PyStr)((PyInstance)x).BaseValue!).Value;
                v.CopyTo(span[pos..]);
                pos += v.Length;
            }
        }));
    }

    private static bool StartsEnds(PyObject[] a, bool starts)
    {
        var s = S(a[0]);
        int st = 0, en = s.Length;
        if (a.Length > 2) (st, en) = SubRange(s, a, 2);
        if (st > s.Length) return false;
        bool Test(PyObject p, bool inTuple)
        {
            var x = MustStr(p, inTuple ? (starts ? "tuple for startswith must only contain str, not {}" : "tuple for endswith must only contain str, not {}")
                : starts ? "startswith first arg must be str or a tuple of str, not {}" : "endswith first arg must be str or a tuple of str, not {}");
            if (en < st || en - st < x.Length) return false;
            return string.CompareOrdinal(s, starts ? st : en - x.Length, x, 0, x.Length) == 0;
        }
        if (a[1] is PyTuple t)
        {
            foreach (var x in t.Items) if (Test(x, true)) return true;
            return false;
        }
        return Test(a[1], false);
    }

    private static PyObject PadImpl(PyObject[] a, int mode, string name)
    {
        ArgParser.Count(name, a, 1, 2, 1);
        var s = S(a[0]);
        long w = Ops.Index(a[1]);
        string fill = a.Length > 2 ? S(a[2]) : " ";
        if (StrOps.CodePointLength(fill) != 1) throw Ops.TypeError("The fill character must be exactly one character long");
        long len = StrOps.CodePointLength(s);
        if (w <= len) return new PyStr(s);
        int total = (int)(w - len);
        int left = mode switch { 0 => total / 2 + (total & (int)w & 1), 1 => 0, _ => total };
        if (fill.Length == 2) return new PyStr(StrOps.Repeat(fill, left) + s + StrOps.Repeat(fill, total - left));
        return new PyStr(new string(fill[0], left) + s + new string(fill[0], total - left));
    }
}

internal static class StrLinq
{
    public static bool All(this string s, Func<char, bool> f) { foreach (var c in s) if (!f(c)) return false; return true; }
    public static bool Any(this string s, Func<char, bool> f) { foreach (var c in s) if (f(c)) return true; return false; }
}
