using PySharp.Syntax;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using PySharp.Formatting;

namespace PySharp.Interpreter;

/// <summary>The object-space operations: errors, truth, repr/str, hashing, comparisons.</summary>
public static partial class Ops
{
    // ---- errors ----
    public static PyException Error(PyType t, string msg) => new(Exc.Make(t, new PyStr(msg)));
    public static PyException TypeError(string msg) => Error(Exc.TypeError, msg);
    public static PyException ValueError(string msg) => Error(Exc.ValueError, msg);
    public static PyException IndexError(string msg) => Error(Exc.IndexError, msg);
    public static PyException AttributeError(string msg) => Error(Exc.AttributeError, msg);
    public static PyException NameError(string msg) => Error(Exc.NameError, msg);
    public static PyException ZeroDivisionError(string msg) => Error(Exc.ZeroDivisionError, msg);
    public static PyException OverflowError(string msg) => Error(Exc.OverflowError, msg);
    public static PyException RuntimeError(string msg) => Error(Exc.RuntimeError, msg);
    public static PyException KeyError(PyObject key, bool plain = false) => new(Exc.Make(Exc.KeyError, key));
    public static PyException StopIteration(PyObject? value = null)
    {
        var e = value == null ? Exc.Make(Exc.StopIteration) : Exc.Make(Exc.StopIteration, value);
        e.SetAttr("value", value ?? PyNone.Instance);
        return new PyException(e);
    }
    public static PyException FromNumeric(PyNumericException e) => e.Kind switch
    {
        PyErrorKind.OverflowError => OverflowError(e.Message),
        PyErrorKind.ZeroDivisionError => ZeroDivisionError(e.Message),
        PyErrorKind.TypeError => TypeError(e.Message),
        _ => ValueError(e.Message),
    };

    public static string TypeName(PyObject o) => o.Type.Name;

    public static PyException AttrNotFound(PyObject o, string name)
    {
        if (o is PyType t) return AttributeError($"type object '{t.Name}' has no attribute '{name}'");
        if (o is PyModule m) return AttributeError($"module '{m.Name}' has no attribute '{name}'");
        return AttributeError($"'{TypeName(o)}' object has no attribute '{name}'");
    }

    // ---- truth ----
    public static bool IsTrue(PyObject o)
    {
        switch (o)
        {
            case PyBool b: return b.Value;
            case PyInt i: return i.Value != 0;
            case PyNone: return false;
            case PyStr s: return s.Value.Length != 0;
            case PyList l: return l.Count != 0;
            case PyTuple t: return t.Items.Length != 0;
            case PyDict d: return d.Count != 0;
            case PyFloat f: return f.Value != 0.0;
            case PyBigInt: return true;
            case PySet s: return s.Count != 0;
            case PyComplex c: return c.Real != 0 || c.Imag != 0;
            case PyInstance:
                {
                    var m = o.Type.Lookup("__bool__");
                    if (m != null)
                    {
                        var r = CallMethod(m, o);
                        if (r is PyBool rb) return rb.Value;
                        throw TypeError($"__bool__ should return bool, returned {TypeName(r)}");
                    }
                    m = o.Type.Lookup("__len__");
                    if (m != null) return Index(CallMethod(m, o)) != 0;
                    return true;
                }
            default:
                {
                    var m = o.Type.Lookup("__bool__");
                    if (m != null) return CallMethod(m, o) is PyBool rb2 && rb2.Value;
                    m = o.Type.Lookup("__len__");
                    if (m != null) return Index(CallMethod(m, o)) != 0;
                    return true;
                }
        }
    }

    // ---- repr / str ----
    public static PyStr Repr(PyObject o) => new(ReprString(o));

    public static string ReprString(PyObject o)
    {
        switch (o)
        {
            case PyStr s: return StrRepr(s.Value);
            case PyInt i: return i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case PyBool b: return b.Value ? "True" : "False";
            case PyNone: return "None";
            case PyFloat f: return FloatFormat.Repr(f.Value);
            case PyBigInt bi: return BigToString(bi.Value);
            case PyList l: return ListRepr(l);
            case PyTuple t: return TupleRepr(t);
            case PyDict d: return DictRepr(d);
        }
        var m = o.Type.Lookup("__repr__");
        if (m == null) return "<object>";
        var r = CallMethod(m, o);
        if (r is PyStr rs) return rs.Value;
        if (r is PyInstance { BaseValue: PyStr bs }) return bs.Value;
        throw TypeError($"__repr__ returned non-string (type {TypeName(r)})");
    }

    public static string BigToString(BigInteger b)
    {
        try { return IntFormat.ToDecimalString(b); }
        catch (PyNumericException e) { throw FromNumeric(e); }
    }

    public static PyStr Str(PyObject o) =>
        o is PyStr s ? s : o is PyInt { Value: >= 0 and <= 9 } digit ? PyStr.Char((char)('0' + digit.Value)) : new PyStr(StrString(o));

    public static string StrString(PyObject o)
    {
        switch (o)
        {
            case PyStr s: return s.Value;
            case PyInt i: return i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case PyFloat f: return FloatFormat.Repr(f.Value);
            case PyBool b: return b.Value ? "True" : "False";
            case PyNone: return "None";
        }
        var m = o.Type.Lookup("__str__");
        if (m == null) return ReprString(o);
        var r = CallMethod(m, o);
        if (r is PyStr rs) return rs.Value;
        if (r is PyInstance { BaseValue: PyStr bs }) return bs.Value;
        throw TypeError($"__str__ returned non-string (type {TypeName(r)})");
    }

    /// <summary>str() that never throws (for error messages).</summary>
    public static string SafeStr(PyObject o)
    {
        try { return StrString(o); } catch (PyException) { return "<unprintable " + TypeName(o) + " object>"; }
    }

    public static string StrRepr(string s)
    {
        bool hasSingle = s.Contains('\''), hasDouble = s.Contains('"');
        char q = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(q);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == q || c == '\\') { sb.Append('\\').Append(c); }
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2"));
            else if (c < 0x7f) sb.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, s[i + 1]);
                if (IsPrintable(cp)) sb.Append(c).Append(s[i + 1]); else sb.Append("\\U").Append(cp.ToString("x8"));
                i++;
            }
            else if (char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4"));
            else if (IsPrintable(c)) sb.Append(c);
            else if (c < 0x100) sb.Append("\\x").Append(((int)c).ToString("x2"));
            else sb.Append("\\u").Append(((int)c).ToString("x4"));
        }
        sb.Append(q);
        return sb.ToString();
    }

    /// <summary>Whether repr shows the code point as it is (CPython's Py_UNICODE_ISPRINTABLE, from its own table).</summary>
    public static bool IsPrintable(int cp) => (CharProps.Of(cp) & CharProps.Printable) != 0;

    private static bool EnterRepr(object o) => Runtime.Current.ReprGuard.Add(o);
    private static void LeaveRepr(object o) => Runtime.Current.ReprGuard.Remove(o);

    public static string ListRepr(PyList l)
    {
        if (l.Count == 0) return "[]";
        if (!EnterRepr(l)) return "[...]";
        try
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < l.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(ReprString(l.Items[i]));
            }
            return sb.Append(']').ToString();
        }
        finally { LeaveRepr(l); }
    }

    public static string TupleRepr(PyTuple t)
    {
        if (t.Items.Length == 0) return "()";
        if (!EnterRepr(t)) return "(...)";
        try
        {
            var sb = new StringBuilder("(");
            for (int i = 0; i < t.Items.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(ReprString(t.Items[i]));
            }
            if (t.Items.Length == 1) sb.Append(',');
            return sb.Append(')').ToString();
        }
        finally { LeaveRepr(t); }
    }

    public static string DictRepr(PyDict d)
    {
        if (d.Count == 0) return "{}";
        if (!EnterRepr(d)) return "{...}";
        try
        {
            var sb = new StringBuilder("{");
            int pos = 0; bool first = true;
            while (d.Next(ref pos, out var k, out var v))
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(ReprString(k)).Append(": ").Append(ReprString(v));
            }
            return sb.Append('}').ToString();
        }
        finally { LeaveRepr(d); }
    }

    public static string SetRepr(PySet s, string typeName)
    {
        bool plain = typeName == "set";
        if (s.Count == 0) return plain ? "set()" : typeName + "()";
        if (!EnterRepr(s)) return typeName + "(...)";
        try
        {
            var sb = new StringBuilder(plain ? "{" : typeName + "({");
            int pos = 0; bool first = true;
            while (s.Next(ref pos, out var k))
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(ReprString(k));
            }
            sb.Append('}');
            if (!plain) sb.Append(')');
            return sb.ToString();
        }
        finally { LeaveRepr(s); }
    }

    // ---- identity ----
    private static readonly ConditionalWeakTable<object, StrongBox<long>> s_ids = new();
    private static long s_nextId = 0x7f0000001000;

    public static long Id(PyObject o)
    {
        if (o is PyInt i && i.Value >= -5 && i.Value <= 1024) return 0x7f0000000000 + (i.Value + 5) * 32;
        var box = s_ids.GetValue(o, _ => new StrongBox<long>(Interlocked.Add(ref s_nextId, 48)));
        return box.Value;
    }

    // ---- hashing ----
    public const long HashModulus = (1L << 61) - 1;

    public static long IntHash(long v)
    {
        long h;
        if (v >= 0) h = v < HashModulus ? v : v % HashModulus;
        else
        {
            if (v == long.MinValue) return BigHash(new BigInteger(v));
            long a = -v;
            h = -(a < HashModulus ? a : a % HashModulus);
        }
        return h == -1 ? -2 : h;
    }

    public static long BigHash(BigInteger b)
    {
        var m = BigInteger.Remainder(BigInteger.Abs(b), HashModulus);
        long h = (long)m;
        if (b.Sign < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    public static long StrHash(string s)
    {
        if (s.Length == 0) return 0;
        long h = s.GetHashCode();
        h = (h << 16) ^ h;
        return h == -1 ? -2 : h;
    }

    public static long Hash(PyObject o)
    {
        switch (o)
        {
            case PyStr s:
                if (!s.HashDone) { s.HashCache = StrHash(s.Value); s.HashDone = true; }
                return s.HashCache;
            case PyInt i: return IntHash(i.Value);
            case PyBool b: return b.Value ? 1 : 0;
            case PyFloat f: return FloatOps.Hash(f.Value) is var fh && fh == 0 && double.IsNaN(f.Value) ? Id(f) >> 4 : FloatOps.Hash(f.Value);
            case PyBigInt bi: return BigHash(bi.Value);
            case PyTuple t: return TupleHash(t.Items);
            case PyNone: return 0x5f3759df;
            case PyType: return Id(o) >> 4;
            case PyFunction: return Id(o) >> 4;
            case PyComplex c:
                {
                    long hr = FloatOps.Hash(c.Real), hi = FloatOps.Hash(c.Imag);
                    long h = unchecked(hr + 1000003L * hi);
                    return h == -1 ? -2 : h;
                }
            case PySet s when s.Frozen: return FrozenSetHash(s);
        }
        var m = o.Type.Lookup("__hash__");
        if (m == null || m is PyNone) throw TypeError($"unhashable type: '{TypeName(o)}'");
        if (m is PyBuiltin { IsObjectDefault: true }) return Id(o) >> 4;
        var r = CallMethod(m, o);
        if (r is PyInt ri) return ri.Value == -1 ? -2 : ri.Value;
        if (r is PyBigInt rb) return BigHash(rb.Value);
        if (r is PyBool rbo) return rbo.Value ? 1 : 0;
        throw TypeError("__hash__ method should return an integer");
    }

    public static long TupleHash(PyObject[] items)
    {
        const ulong P1 = 11400714785074694791UL, P2 = 14029467366897019727UL, P5 = 2870177450012600261UL;
        ulong acc = P5;
        foreach (var it in items)
        {
            ulong lane = (ulong)Hash(it);
            acc = unchecked(acc + lane * P2);
            acc = (acc << 31) | (acc >> 33);
            acc = unchecked(acc * P1);
        }
        acc = unchecked(acc + ((ulong)items.Length ^ (P5 ^ 3527539UL)));
        if (acc == ulong.MaxValue) return 1546275796;
        return (long)acc;
    }

    private static long FrozenSetHash(PySet s)
    {
        ulong hash = 0;
        foreach (var k in s.Items())
        {
            ulong h = (ulong)Hash(k);
            hash ^= unchecked(((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL);
        }
        hash ^= unchecked(((ulong)s.Count + 1) * 1927868237UL);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = unchecked(hash * 69069U + 907133923UL);
        if (hash == ulong.MaxValue) hash = 590923713UL;
        return (long)hash;
    }
}
