using System.Globalization;
using System.Numerics;

namespace PySharp.Formatting;

/// <summary><c>complex(str)</c>: CPython's accepted forms and messages.</summary>
public static class ComplexParse
{
    /// <summary>CPython's message for a string that is not a complex literal.</summary>
    public const string MalformedMessage = "complex() arg is a malformed string";

    /// <summary>
    /// Parses like <c>complex(s)</c>: optional parentheses and whitespace around
    /// <c>&lt;float&gt;</c>, <c>&lt;float&gt;j</c>, <c>&lt;float&gt;&lt;signed-float&gt;j</c>,
    /// and the legacy <c>&lt;float&gt;&lt;sign&gt;j</c>, <c>&lt;sign&gt;j</c>, <c>j</c>.
    /// On failure <paramref name="error"/> is CPython's ValueError message.
    /// </summary>
    public static bool TryParse(string s, out Complex value, out string? error)
    {
        value = Complex.Zero;
        error = null;
        string text = TextNormalizer.ToAsciiDigitsAndSpaces(s, '?')!;
        if (text.Contains('_'))
        {
            string? cleaned = TextNormalizer.RemoveUnderscores(text);
            if (cleaned is null)
            {
                error = "could not convert string to complex: " + StringRepr.Repr(s);
                return false;
            }
            text = cleaned;
        }
        if (!TryParseAscii(text, out value))
        {
            error = MalformedMessage;
            return false;
        }
        return true;
    }

    /// <summary>Parses like <c>complex(s)</c>, throwing <see cref="PyNumericException"/> (ValueError).</summary>
    public static Complex Parse(string s)
    {
        if (TryParse(s, out Complex z, out string? error)) return z;
        throw new PyNumericException(PyErrorKind.ValueError, error!);
    }

    private static bool TryParseAscii(string s, out Complex value)
    {
        value = Complex.Zero;
        int i = 0, n = s.Length;
        double x = 0, y = 0;
        while (i < n && FloatOps.IsAsciiSpace(s[i])) i++;
        bool bracket = false;
        if (i < n && s[i] == '(')
        {
            bracket = true;
            i++;
            while (i < n && FloatOps.IsAsciiSpace(s[i])) i++;
        }
        if (FloatPrefix(s, i, out double z, out int end))
        {
            i = end;
            if (i < n && (s[i] == '+' || s[i] == '-'))
            {
                x = z;
                if (FloatPrefix(s, i, out double im, out end)) { y = im; i = end; }
                else { y = s[i] == '+' ? 1.0 : -1.0; i++; }
                if (!IsJ(s, i)) return false;
                i++;
            }
            else if (IsJ(s, i)) { y = z; i++; }
            else x = z;
        }
        else
        {
            if (i < n && (s[i] == '+' || s[i] == '-')) { y = s[i] == '+' ? 1.0 : -1.0; i++; }
            else y = 1.0;
            if (!IsJ(s, i)) return false;
            i++;
        }
        while (i < n && FloatOps.IsAsciiSpace(s[i])) i++;
        if (bracket)
        {
            if (i >= n || s[i] != ')') return false;
            i++;
            while (i < n && FloatOps.IsAsciiSpace(s[i])) i++;
        }
        if (i != n) return false;
        value = new Complex(x, y);
        return true;
    }

    private static bool IsJ(string s, int i) => i < s.Length && (s[i] == 'j' || s[i] == 'J');

    // The longest prefix at pos that strtod accepts: [sign] (inf | infinity | nan | decimal).
    private static bool FloatPrefix(string s, int pos, out double value, out int end)
    {
        value = 0;
        end = pos;
        int i = pos, n = s.Length;
        bool negative = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
        ReadOnlySpan<char> rest = s.AsSpan(i);
        if (rest.StartsWith("infinity", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("inf", StringComparison.OrdinalIgnoreCase))
        {
            end = i + (rest.StartsWith("infinity", StringComparison.OrdinalIgnoreCase) ? 8 : 3);
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (rest.StartsWith("nan", StringComparison.OrdinalIgnoreCase))
        {
            end = i + 3;
            value = negative ? -FloatParse.PositiveNaN : FloatParse.PositiveNaN;
            return true;
        }
        int digits = 0;
        while (i < n && char.IsAsciiDigit(s[i])) { i++; digits++; }
        if (i < n && s[i] == '.')
        {
            i++;
            while (i < n && char.IsAsciiDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s[i] == 'e' || s[i] == 'E'))
        {
            int j = i + 1;
            if (j < n && (s[j] == '+' || s[j] == '-')) j++;
            int expStart = j;
            while (j < n && char.IsAsciiDigit(s[j])) j++;
            if (j > expStart) i = j; // an exponent without digits is not part of the number
        }
        end = i;
        value = double.Parse(s.AsSpan(pos, end - pos),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return true;
    }
}
