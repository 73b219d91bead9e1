using System.Globalization;
using System.Numerics;

namespace PySharp.Formatting;

/// <summary><c>int(str, base)</c>: CPython's <c>PyLong_FromString</c> syntax and error messages.</summary>
public static class IntParse
{
    /// <summary>Parses like <c>int(s, base)</c>; false on any error.</summary>
    public static bool TryParse(string s, int @base, out BigInteger value) =>
        TryParse(s, @base, out value, out _);

    /// <summary>
    /// Parses like <c>int(s, base)</c>. On failure <paramref name="error"/> is CPython's ValueError
    /// message (invalid literal, invalid base, or the int_max_str_digits limit).
    /// </summary>
    public static bool TryParse(string s, int @base, out BigInteger value, out string? error)
    {
        value = BigInteger.Zero;
        error = null;
        if ((@base != 0 && @base < 2) || @base > 36)
        {
            error = "int() base must be >= 2 and <= 36, or 0";
            return false;
        }
        string? ascii = TextNormalizer.ToAsciiDigitsAndSpaces(s);
        if (ascii is null || !TryParseAscii(ascii, @base, out value, ref error))
        {
            error ??= InvalidLiteral(s, @base);
            return false;
        }
        return true;
    }

    /// <summary>Parses like <c>int(s, base)</c>, throwing <see cref="PyNumericException"/> (ValueError).</summary>
    public static BigInteger Parse(string s, int @base = 10)
    {
        if (TryParse(s, @base, out BigInteger v, out string? error)) return v;
        throw new PyNumericException(PyErrorKind.ValueError, error!);
    }

    /// <summary>"invalid literal for int() with base N: '...'" (repr cut to 200 characters).</summary>
    public static string InvalidLiteral(string s, int @base) =>
        $"invalid literal for int() with base {@base}: {StringRepr.ReprTruncated(s)}";

    private static bool TryParseAscii(string s, int @base, out BigInteger value, ref string? error)
    {
        value = BigInteger.Zero;
        int i = 0, n = s.Length;
        while (i < n && FloatOps.IsAsciiSpace(s[i])) i++;
        bool negative = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
        bool errorIfNonzero = false;
        if (@base == 0)
        {
            char c1 = i + 1 < n ? char.ToLowerInvariant(s[i + 1]) : '\0';
            if (i >= n || s[i] != '0') @base = 10;
            else if (c1 == 'x') @base = 16;
            else if (c1 == 'o') @base = 8;
            else if (c1 == 'b') @base = 2;
            else { errorIfNonzero = true; @base = 10; } // old-style octal: only zero is allowed
        }
        if (i + 1 < n && s[i] == '0')
        {
            char c1 = char.ToLowerInvariant(s[i + 1]);
            if ((@base == 16 && c1 == 'x') || (@base == 8 && c1 == 'o') || (@base == 2 && c1 == 'b'))
            {
                i += 2;
                if (i < n && s[i] == '_') i++; // one underscore may follow the prefix
            }
        }
        if (i < n && s[i] == '_') return false;
        int start = i, digits = 0;
        char prev = '\0';
        while (i < n)
        {
            char c = s[i];
            if (c == '_')
            {
                if (prev == '_') return false;
            }
            else if (DigitValue(c) < @base) digits++;
            else break;
            prev = c;
            i++;
        }
        if (prev == '_') return false;
        int end = i;
        bool powerOfTwo = (@base & (@base - 1)) == 0;
        int limit = IntLimits.MaxStrDigits;
        if (!powerOfTwo && limit > 0 && digits > limit)
        {
            error = IntLimits.FromStrMessage(limit, digits);
            return false;
        }
        if (digits == 0) return false;
        while (i < n && FloatOps.IsAsciiSpace(s[i])) i++;
        if (i != n) return false;
        value = Accumulate(s.AsSpan(start, end - start), @base, digits);
        if (errorIfNonzero && !value.IsZero) return false;
        if (negative) value = -value;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 99,
    };

    // Converts validated digits (underscores allowed) to a value.
    private static BigInteger Accumulate(ReadOnlySpan<char> text, int @base, int digitCount)
    {
        if (@base == 10 && digitCount > 18)
        {
            // .NET's parser is subquadratic for long decimal strings.
            Span<char> buf = digitCount <= 1024 ? stackalloc char[digitCount] : new char[digitCount];
            int k = 0;
            foreach (char c in text) if (c != '_') buf[k++] = c;
            return BigInteger.Parse(buf, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        // Accumulate in ulong chunks to keep BigInteger operations few.
        BigInteger result = BigInteger.Zero;
        ulong chunk = 0, chunkScale = 1;
        ulong maxScale = ulong.MaxValue / (ulong)@base / (ulong)@base;
        foreach (char c in text)
        {
            if (c == '_') continue;
            chunk = chunk * (ulong)@base + (ulong)DigitValue(c);
            chunkScale *= (ulong)@base;
            if (chunkScale > maxScale)
            {
                result = result * chunkScale + chunk;
                chunk = 0;
                chunkScale = 1;
            }
        }
        if (chunkScale > 1) result = result * chunkScale + chunk;
        return result;
    }
}
