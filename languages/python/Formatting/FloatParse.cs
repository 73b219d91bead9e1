using System.Globalization;

namespace PySharp.Formatting;

/// <summary><c>float(str)</c>: CPython's accepted syntax, correctly rounded.</summary>
public static class FloatParse
{
    /// <summary>The NaN CPython's <c>float('nan')</c> produces (sign bit clear; .NET's NaN has it set).</summary>
    public static readonly double PositiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    /// <summary>
    /// Parses like <c>float(s)</c>: surrounding whitespace, underscores between digits, Unicode
    /// decimal digits, 'inf'/'infinity'/'nan' in any case with a sign; no hex.
    /// </summary>
    public static bool TryParse(string s, out double value)
    {
        value = 0;
        string? ascii = TextNormalizer.ToAsciiDigitsAndSpaces(s);
        if (ascii is null) return false;
        int start = 0, end = ascii.Length;
        while (start < end && FloatOps.IsAsciiSpace(ascii[start])) start++;
        while (end > start && FloatOps.IsAsciiSpace(ascii[end - 1])) end--;
        ReadOnlySpan<char> t = ascii.AsSpan(start, end - start);
        if (t.Length == 0) return false;
        if (t.Contains('_'))
        {
            string? cleaned = TextNormalizer.RemoveUnderscores(t);
            if (cleaned is null) return false;
            t = cleaned;
        }
        int i = 0;
        bool negative = false;
        if (t[0] == '+' || t[0] == '-') { negative = t[0] == '-'; i = 1; }
        ReadOnlySpan<char> body = t[i..];
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? -PositiveNaN : PositiveNaN;
            return true;
        }
        if (!IsDecimalLiteral(body)) return false;
        value = double.Parse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Parses like <c>float(s)</c>, throwing CPython's ValueError message on failure.</summary>
    public static double Parse(string s)
    {
        if (TryParse(s, out double v)) return v;
        throw new PyNumericException(PyErrorKind.ValueError, ErrorMessage(s));
    }

    /// <summary>"could not convert string to float: '...'" for <paramref name="s"/>.</summary>
    public static string ErrorMessage(string s) => "could not convert string to float: " + StringRepr.Repr(s);

    // digits [. digits] [e [sign] digits], with at least one mantissa digit.
    private static bool IsDecimalLiteral(ReadOnlySpan<char> s)
    {
        int i = 0, n = s.Length, mantissaDigits = 0;
        while (i < n && char.IsAsciiDigit(s[i])) { i++; mantissaDigits++; }
        if (i < n && s[i] == '.')
        {
            i++;
            while (i < n && char.IsAsciiDigit(s[i])) { i++; mantissaDigits++; }
        }
        if (mantissaDigits == 0) return false;
        if (i < n && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < n && (s[i] == '+' || s[i] == '-')) i++;
            int expStart = i;
            while (i < n && char.IsAsciiDigit(s[i])) i++;
            if (i == expStart) return false;
        }
        return i == n;
    }
}

/// <summary>Shared text preparation of <c>int()</c> and <c>float()</c> (CPython's
/// <c>_PyUnicode_TransformDecimalAndSpaceToASCII</c> and underscore handling).</summary>
internal static class TextNormalizer
{
    /// <summary>
    /// Maps non-ASCII whitespace to ' ' and Unicode decimal digits to ASCII; any other non-ASCII
    /// character makes the text invalid (null). Returns <paramref name="s"/> itself when all ASCII.
    /// </summary>
    public static string? ToAsciiDigitsAndSpaces(string s) => ToAsciiDigitsAndSpaces(s, null);

    /// <summary>As above, but the first other non-ASCII character becomes <paramref name="invalid"/> and ends the text.</summary>
    public static string? ToAsciiDigitsAndSpaces(string s, char? invalid)
    {
        int k = 0;
        while (k < s.Length && s[k] < 128) k++;
        if (k == s.Length) return s;
        var chars = new char[s.Length];
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 128) { chars[n++] = c; continue; }
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                cp = char.ConvertToUtf32(c, s[++i]);
            if (cp < 0x10000 && char.IsWhiteSpace((char)cp)) { chars[n++] = ' '; continue; }
            int d = FormatSpec.DecimalValue(cp);
            if (d < 0)
            {
                // CPython ends the text at the first such character.
                if (invalid is null) return null;
                chars[n++] = invalid.Value;
                break;
            }
            chars[n++] = (char)('0' + d);
        }
        return new string(chars, 0, n);
    }

    /// <summary>Removes underscores that sit between two digits; null if any other underscore exists.</summary>
    public static string? RemoveUnderscores(ReadOnlySpan<char> s)
    {
        var chars = new char[s.Length];
        int n = 0;
        char prev = '\0';
        foreach (char c in s)
        {
            if (c == '_')
            {
                if (!char.IsAsciiDigit(prev)) return null;
            }
            else
            {
                if (prev == '_' && !char.IsAsciiDigit(c)) return null;
                chars[n++] = c;
            }
            prev = c;
        }
        if (prev == '_') return null;
        return new string(chars, 0, n);
    }
}
