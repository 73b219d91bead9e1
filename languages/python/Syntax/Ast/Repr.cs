using System.Globalization;
using System.Numerics;
using System.Text;

namespace PySharp.Syntax.Ast;

/// <summary>Python's <c>repr()</c> of the constant values an AST can hold.</summary>
public static class Repr
{
    /// <summary>Appends <c>repr(value)</c> for a <see cref="Constant.Value"/>.</summary>
    public static void Constant(object? value, StringBuilder sb)
    {
        switch (value)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case BigInteger i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(Float(d)); break;
            case Complex c: sb.Append(ComplexRepr(c)); break;
            case string s: Str(s, sb); break;
            case byte[] bs: Bytes(bs, sb); break;
            case Ellipsis: sb.Append("Ellipsis"); break;
            default: throw new ArgumentException("not a constant: " + value.GetType());
        }
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, exponent form outside 1e-4..1e16.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return BitConverter.DoubleToInt64Bits(d) < 0 ? "-0.0" : "0.0";
        // "E16" is not shortest; "R" is shortest round-trip in .NET Core 3.0+.
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        bool neg = r[0] == '-';
        if (neg) r = r[1..];
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0) { exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture); r = r[..e]; }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r;
        string frac = dot >= 0 ? r[(dot + 1)..] : "";
        string digits = (intPart + frac).TrimStart('0');
        int lead = (intPart + frac).Length - digits.Length;
        // decimal exponent of the first significant digit
        int pointPos = intPart.Length + exp - lead; // digits before the decimal point
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int sciExp = pointPos - 1;
        var sb = new StringBuilder();
        if (neg) sb.Append('-');
        if (sciExp < -4 || sciExp >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(sciExp < 0 ? '-' : '+').Append(Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }
        return sb.ToString();
    }

    static string ComplexRepr(Complex c)
    {
        // Imaginary literals have a zero real part; repr prints just "<imag>j" then.
        static string Part(double v)
        {
            string s = Float(v);
            return s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;
        }
        if (c.Real == 0 && BitConverter.DoubleToInt64Bits(c.Real) >= 0) return Part(c.Imaginary) + "j";
        string im = Part(c.Imaginary);
        string sign = im.StartsWith('-') ? "" : "+";
        return "(" + Part(c.Real) + sign + im + "j)";
    }

    /// <summary>Appends Python's <c>repr(str)</c>.</summary>
    public static void Str(string s, StringBuilder sb)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == quote || c == '\\') { sb.Append('\\').Append(c); continue; }
            if (c == '\t') { sb.Append("\\t"); continue; }
            if (c == '\n') { sb.Append("\\n"); continue; }
            if (c == '\r') { sb.Append("\\r"); continue; }
            if (c < 0x20 || c == 0x7f) { sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); continue; }
            if (c < 0x7f) { sb.Append(c); continue; }
            int cp = c;
            int len = 1;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
                len = 2;
            }
            if (IsPrintable(cp)) sb.Append(s, i, len);
            else if (cp <= 0xff) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp <= 0xffff) sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
            i += len - 1;
        }
        sb.Append(quote);
    }

    /// <summary>Python 3.11's <c>str.isprintable</c> for one code point (CPython's own table).</summary>
    public static bool IsPrintable(int cp) => (CharProps.Of(cp) & CharProps.Printable) != 0;

    /// <summary>Appends Python's <c>repr(bytes)</c>.</summary>
    public static void Bytes(byte[] b, StringBuilder sb)
    {
        bool hasSingle = Array.IndexOf(b, (byte)'\'') >= 0, hasDouble = Array.IndexOf(b, (byte)'"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        sb.Append('b').Append(quote);
        foreach (byte x in b)
        {
            if (x == quote || x == '\\') sb.Append('\\').Append((char)x);
            else if (x == '\t') sb.Append("\\t");
            else if (x == '\n') sb.Append("\\n");
            else if (x == '\r') sb.Append("\\r");
            else if (x < 0x20 || x >= 0x7f) sb.Append("\\x").Append(x.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)x);
        }
        sb.Append(quote);
    }
}
