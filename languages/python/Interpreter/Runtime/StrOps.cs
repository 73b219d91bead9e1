using System.Globalization;
using System.Text;
using PySharp.Formatting;

namespace PySharp.Interpreter;

/// <summary>str helpers: code-point indexing, formatting (str.format and %).</summary>
public static partial class StrOps
{
    public static bool IsAsciiOrBmp(string s)
    {
        foreach (char c in s) if (char.IsSurrogate(c)) return false;
        return true;
    }

    public static long CodePointLength(string s)
    {
        int n = s.Length;
        for (int i = 0; i < s.Length; i++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { n--; i++; }
        return n;
    }

    /// <summary>The string as code points (only needed when it has surrogate pairs).</summary>
    public static string[] CodePoints(string s)
    {
        var l = new List<string>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { l.Add(s.Substring(i, 2)); i++; }
            else l.Add(s[i].ToString());
        }
        return l.ToArray();
    }

    public static PyObject GetChar(PyStr s, long i)
    {
        var v = s.Value;
        if (IsAsciiOrBmp(v))
        {
            if (i < 0) i += v.Length;
            if ((ulong)i >= (ulong)v.Length) throw Ops.IndexError("string index out of range");
            return PyStr.Char(v[(int)i]);
        }
        var cps = CodePoints(v);
        if (i < 0) i += cps.Length;
        if ((ulong)i >= (ulong)cps.Length) throw Ops.IndexError("string index out of range");
        return new PyStr(cps[i]);
    }

    public static PyObject Slice(PyStr s, PySlice sl)
    {
        var v = s.Value;
        if (IsAsciiOrBmp(v))
        {
            var (start, _, step, count) = Ops.SliceIndices(sl, v.Length);
            if (step == 1) return PyStr.Of(v.Substring((int)start, (int)count));
            var sb = new StringBuilder((int)count);
            for (long i = 0, j = start; i < count; i++, j += step) sb.Append(v[(int)j]);
            return new PyStr(sb.ToString());
        }
        var cps = CodePoints(v);
        var (st, _, stp, cnt) = Ops.SliceIndices(sl, cps.Length);
        var sb2 = new StringBuilder();
        for (long i = 0, j = st; i < cnt; i++, j += stp) sb2.Append(cps[j]);
        return new PyStr(sb2.ToString());
    }

    // ---- str.format ----
    public static string Format(string fmt, PyObject[] args, int argStart, PyObject? kwargs, int depth = 0)
    {
        if (depth > 2) throw Ops.ValueError("Max string recursion exceeded");
        var sb = new StringBuilder();
        int auto = 0;
        bool manual = false, autoUsed = false;
        int i = 0;
        while (i < fmt.Length)
        {
            char c = fmt[i];
            if (c == '}')
            {
                if (i + 1 < fmt.Length && fmt[i + 1] == '}') { sb.Append('}'); i += 2; continue; }
                throw Ops.ValueError("Single '}' encountered in format string");
            }
            if (c != '{') { sb.Append(c); i++; continue; }
            if (i + 1 < fmt.Length && fmt[i + 1] == '{') { sb.Append('{'); i += 2; continue; }
            // parse field until matching }
            int j = i + 1, level = 1;
            while (j < fmt.Length)
            {
                if (fmt[j] == '{') level++;
                else if (fmt[j] == '}') { level--; if (level == 0) break; }
                else if (fmt[j] == '[')
                {
                    while (j < fmt.Length && fmt[j] != ']') j++;
                }
                j++;
            }
            if (j >= fmt.Length) throw Ops.ValueError(j == i + 1 ? "Single '{' encountered in format string" : level > 1 ? "unmatched '{' in format spec" : "expected '}' before end of string");
            string field = fmt.Substring(i + 1, j - i - 1);
            i = j + 1;
            // split name ! conv : spec
            string name = field, spec = "";
            char conv = '\0';
            int k = 0;
            while (k < field.Length && field[k] != '!' && field[k] != ':')
            {
                if (field[k] == '[') { while (k < field.Length && field[k] != ']') k++; }
                k++;
            }
            name = field[..Math.Min(k, field.Length)];
            if (k < field.Length && field[k] == '!')
            {
                if (k + 1 >= field.Length) throw Ops.ValueError("end of string while looking for conversion specifier");
                conv = field[k + 1];
                if (k + 2 < field.Length && field[k + 2] != ':') throw Ops.ValueError("expected ':' after conversion specifier");
                k += 2;
            }
            if (k < field.Length && field[k] == ':') spec = field[(k + 1)..];
            // first part of name
            int p = 0;
            while (p < name.Length && name[p] != '.' && name[p] != '[') p++;
            string first = name[..p];
            PyObject obj;
            if (first.Length == 0)
            {
                if (manual) throw Ops.ValueError("cannot switch from manual field specification to automatic field numbering");
                autoUsed = true;
                int idx = auto++;
                if (argStart + idx >= args.Length) throw Ops.IndexError($"Replacement index {idx} out of range for positional args tuple");
                obj = args[argStart + idx];
            }
            else if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int idx))
            {
                if (autoUsed) throw Ops.ValueError("cannot switch from automatic field numbering to manual field specification");
                manual = true;
                if (argStart + idx >= args.Length) throw Ops.IndexError($"Replacement index {idx} out of range for positional args tuple");
                obj = args[argStart + idx];
            }
            else
            {
                if (kwargs == null) throw Ops.KeyError(new PyStr(first));
                obj = kwargs is PyDict kd ? (kd.GetStr(first) ?? throw Ops.KeyError(new PyStr(first))) : Ops.GetItem(kwargs, new PyStr(first));
            }
            while (p < name.Length)
            {
                if (name[p] == '.')
                {
                    int q = p + 1;
                    while (q < name.Length && name[q] != '.' && name[q] != '[') q++;
                    obj = Ops.GetAttr(obj, name[(p + 1)..q]);
                    p = q;
                }
                else
                {
                    int q = name.IndexOf(']', p);
                    string key = name[(p + 1)..q];
                    obj = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int ki) ? Ops.GetItem(obj, PyInt.Get(ki)) : Ops.GetItem(obj, new PyStr(key));
                    p = q + 1;
                }
            }
            if (conv == 'r') obj = Ops.Repr(obj);
            else if (conv == 's') obj = Ops.Str(obj);
            else if (conv == 'a') obj = new PyStr(Builtins.Ascii(Ops.ReprString(obj)));
            else if (conv != '\0') throw Ops.ValueError($"Unknown conversion specifier {conv}");
            if (spec.Contains('{')) spec = Format(spec, args, argStart, kwargs, depth + 1);
            sb.Append(((PyStr)Ops.Format(obj, spec)).Value);
        }
        return sb.ToString();
    }

    // ---- % formatting ----
    /// <summary>
    /// <c>fmt % values</c>. For bytes formatting (<paramref name="bytes"/>), bytes and bytearray
    /// arguments are single values, not mappings, as in CPython.
    /// </summary>
    public static string Percent(string fmt, PyObject values, bool bytes = false)
    {
        var sb = new StringBuilder();
        PyObject[] args;
        PyObject? mapping = null;
        if (values is PyTuple t) args = t.Items;
        else
        {
            args = [values];
            if (values is PyDict || (values is not PyStr && values.Type.Lookup("__getitem__") != null && values is not PyTuple
                && !(bytes && values is PyBytes or PyByteArray))) mapping = values;
        }
        int ai = 0;
        int i = 0;
        while (i < fmt.Length)
        {
            char c = fmt[i++];
            if (c != '%') { sb.Append(c); continue; }
            if (i >= fmt.Length) throw Ops.ValueError("incomplete format");
            PyObject? arg = null;
            if (fmt[i] == '(')
            {
                if (mapping == null) throw Ops.TypeError("format requires a mapping");
                int depth = 1, j = i + 1;
                while (j < fmt.Length && depth > 0) { if (fmt[j] == '(') depth++; else if (fmt[j] == ')') depth--; j++; }
                if (depth > 0) throw Ops.ValueError("incomplete format key");
                var key = fmt[(i + 1)..(j - 1)];
                arg = Ops.GetItem(mapping, new PyStr(key));
                i = j;
            }
            var flags = PercentFlags.None;
            while (i < fmt.Length)
            {
                char f = fmt[i];
                if (f == '-') flags |= PercentFlags.LeftAdjust;
                else if (f == '+') flags |= PercentFlags.Sign;
                else if (f == ' ') flags |= PercentFlags.Space;
                else if (f == '#') flags |= PercentFlags.Alternate;
                else if (f == '0') flags |= PercentFlags.ZeroPad;
                else break;
                i++;
            }
            int width = -1, prec = -1;
            if (i < fmt.Length && fmt[i] == '*')
            {
                if (ai >= args.Length) throw Ops.TypeError("not enough arguments for format string");
                width = (int)Ops.Index(args[ai++]);
                if (width < 0) { flags |= PercentFlags.LeftAdjust; width = -width; }
                i++;
            }
            else
            {
                while (i < fmt.Length && char.IsAsciiDigit(fmt[i])) { width = Math.Max(width, 0) * 10 + (fmt[i] - '0'); i++; }
            }
            if (i < fmt.Length && fmt[i] == '.')
            {
                i++;
                prec = 0;
                if (i < fmt.Length && fmt[i] == '*')
                {
                    if (ai >= args.Length) throw Ops.TypeError("not enough arguments for format string");
                    prec = (int)Ops.Index(args[ai++]);
                    i++;
                }
                else while (i < fmt.Length && char.IsAsciiDigit(fmt[i])) { prec = prec * 10 + (fmt[i] - '0'); i++; }
            }
            while (i < fmt.Length && (fmt[i] == 'l' || fmt[i] == 'h' || fmt[i] == 'L')) i++;
            if (i >= fmt.Length) throw Ops.ValueError("incomplete format");
            char conv = fmt[i++];
            if (conv == '%') { sb.Append('%'); continue; }
            if (arg == null)
            {
                if (mapping != null && values is not PyTuple) arg = values;
                else
                {
                    if (ai >= args.Length) throw Ops.TypeError("not enough arguments for format string");
                    arg = args[ai++];
                }
            }
            try
            {
                switch (conv)
                {
                    case 's': sb.Append(PercentFormat.FormatText(Ops.StrString(arg), flags, width, prec)); break;
                    case 'r': sb.Append(PercentFormat.FormatText(Ops.ReprString(arg), flags, width, prec)); break;
                    case 'a': sb.Append(PercentFormat.FormatText(Builtins.Ascii(Ops.ReprString(arg)), flags, width, prec)); break;
                    case 'c':
                        if (arg is PyStr cs)
                        {
                            if (StrOps.CodePointLength(cs.Value) != 1) throw Ops.TypeError("%c requires int or char");
                            sb.Append(PercentFormat.FormatText(cs.Value, flags, width, -1));
                        }
                        else
                        {
                            if (Ops.IntValue(arg) == null && arg.Type.Lookup("__index__") == null) throw Ops.TypeError("%c requires int or char");
                            long cp = Ops.Index(arg);
                            if (cp < 0 || cp > 0x10FFFF) throw Ops.OverflowError("%c arg not in range(0x110000)");
                            sb.Append(PercentFormat.FormatText(char.ConvertFromUtf32((int)cp), flags, width, -1));
                        }
                        break;
                    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
                        {
                            var iv = Ops.IntValue(arg);
                            if (iv == null && arg is PyFloat pf && conv is 'd' or 'i' or 'u') { sb.Append(PercentFormat.FormatFloat(pf.Value, flags, width, prec, conv)); break; }
                            if (iv == null)
                            {
                                if (conv is 'd' or 'i' or 'u')
                                {
                                    var m = arg.Type.Lookup("__int__");
                                    if (m == null && arg.Type.Lookup("__index__") == null) throw Ops.TypeError($"%{conv} format: a real number is required, not {Ops.TypeName(arg)}");
                                    iv = TypeInit.ToInt(arg);
                                }
                                else
                                {
                                    if (arg.Type.Lookup("__index__") == null) throw Ops.TypeError($"%{conv} format: an integer is required, not {Ops.TypeName(arg)}");
                                    iv = Ops.IndexObj(arg);
                                }
                            }
                            sb.Append(PercentFormat.FormatInt(Ops.ToBig(iv), flags, width, prec, conv));
                            break;
                        }
                    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                        {
                            double d;
                            try { d = TypeInit.ToDouble(arg); }
                            catch (PyException) { throw Ops.TypeError($"must be real number, not {Ops.TypeName(arg)}"); }
                            sb.Append(PercentFormat.FormatFloat(d, flags, width, prec, conv));
                            break;
                        }
                    default:
                        throw Ops.ValueError($"unsupported format character '{conv}' (0x{(int)conv:x}) at index {i - 1}");
                }
            }
            catch (PyNumericException e) { throw Ops.FromNumeric(e); }
        }
        if (ai < args.Length && mapping == null) throw Ops.TypeError($"not all arguments converted during {(bytes ? "bytes" : "string")} formatting");
        return sb.ToString();
    }
}

public static partial class Ops
{
    /// <summary>format(value, spec).</summary>
    public static PyObject Format(PyObject v, string spec)
    {
        try
        {
            switch (v)
            {
                case PyStr s: return spec.Length == 0 ? s : new PyStr(StringFormat.Format(s.Value, spec));
                case PyInt i: return new PyStr(spec.Length == 0 ? i.Value.ToString(CultureInfo.InvariantCulture) : TypeInit.FormatInt(i, spec));
                case PyFloat f: return new PyStr(spec.Length == 0 ? FloatFormat.Repr(f.Value) : FloatFormat.Format(f.Value, spec));
            }
        }
        catch (PyNumericException e) { throw FromNumeric(e); }
        var m = v.Type.Lookup("__format__") ?? throw TypeError("no __format__");
        var r = CallMethod(m, v, new PyStr(spec));
        if (r is not PyStr) throw TypeError($"__format__ must return a str, not {TypeName(r)}");
        return r;
    }
}
