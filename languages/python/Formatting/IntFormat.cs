using System.Globalization;
using System.Numerics;

namespace PySharp.Formatting;

/// <summary><c>str</c>, <c>bin</c>/<c>oct</c>/<c>hex</c> and <c>format</c> of Python ints, exactly as CPython 3.11.</summary>
public static class IntFormat
{
    /// <summary><c>str(n)</c> for a machine-sized int (no digit limit can apply).</summary>
    public static string ToDecimalString(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>str(n)</c>, honouring <see cref="IntLimits.MaxStrDigits"/>.</summary>
    /// <exception cref="PyNumericException">ValueError when the result would exceed the digit limit.</exception>
    public static string ToDecimalString(BigInteger n)
    {
        if (n >= long.MinValue && n <= long.MaxValue) return ((long)n).ToString(CultureInfo.InvariantCulture);
        int limit = IntLimits.MaxStrDigits;
        if (limit > 0)
        {
            // Cheap early rejection: bit length gives a lower bound on the digit count.
            long bits = (long)BigInteger.Abs(n).GetBitLength();
            if ((bits - 1) * 0.30102999566398 > limit + 1)
                throw new PyNumericException(PyErrorKind.ValueError, IntLimits.ToStrMessage(limit));
        }
        string s = n.ToString(CultureInfo.InvariantCulture);
        if (limit > 0 && s.Length - (n.Sign < 0 ? 1 : 0) > limit)
            throw new PyNumericException(PyErrorKind.ValueError, IntLimits.ToStrMessage(limit));
        return s;
    }

    /// <summary>
    /// <c>bin</c>, <c>oct</c>, <c>hex</c> (base 2, 8, 16: with '0b'/'0o'/'0x' after any '-') and
    /// <c>str</c> (base 10).
    /// </summary>
    public static string ToString(BigInteger n, int @base)
    {
        if (@base == 10) return ToDecimalString(n);
        string prefix = @base switch
        {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => throw new ArgumentOutOfRangeException(nameof(@base), "base must be 2, 8, 10 or 16"),
        };
        string digits = PowerOfTwoDigits(BigInteger.Abs(n), @base, false);
        return n.Sign < 0 ? "-" + prefix + digits : prefix + digits;
    }

    /// <summary>Digits of a non-negative value in base 2, 8 or 16 (lower or upper case).</summary>
    internal static string PowerOfTwoDigits(BigInteger abs, int @base, bool upper)
    {
        int bitsPerDigit = @base == 2 ? 1 : @base == 8 ? 3 : 4;
        string alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        if (abs <= ulong.MaxValue)
        {
            ulong v = (ulong)abs;
            int count = Math.Max(1, (64 - BitOperations.LeadingZeroCount(v) + bitsPerDigit - 1) / bitsPerDigit);
            return string.Create(count, (v, bitsPerDigit, alphabet), static (span, st) =>
            {
                ulong x = st.v;
                ulong mask = (1UL << st.bitsPerDigit) - 1;
                for (int i = span.Length - 1; i >= 0; i--)
                {
                    span[i] = st.alphabet[(int)(x & mask)];
                    x >>= st.bitsPerDigit;
                }
            });
        }
        byte[] bytes = abs.ToByteArray(isUnsigned: true, isBigEndian: false);
        long bitLen = (long)abs.GetBitLength();
        int n = (int)((bitLen + bitsPerDigit - 1) / bitsPerDigit);
        var chars = new char[n];
        for (int d = 0; d < n; d++)
        {
            long bit = (long)d * bitsPerDigit;
            int value = 0;
            for (int k = 0; k < bitsPerDigit; k++)
            {
                long b = bit + k;
                int byteIndex = (int)(b >> 3);
                if (byteIndex < bytes.Length && ((bytes[byteIndex] >> (int)(b & 7)) & 1) != 0) value |= 1 << k;
            }
            chars[n - 1 - d] = alphabet[value];
        }
        return new string(chars);
    }

    /// <summary><c>format(n, spec)</c> for an int.</summary>
    /// <exception cref="FormatSpecException">Invalid specifier (CPython's message).</exception>
    /// <exception cref="PyNumericException">OverflowError for 'c' out of range or float conversion.</exception>
    public static string Format(BigInteger n, string spec)
    {
        if (spec.Length == 0) return ToDecimalString(n);
        return Format(n, FormatSpec.Parse(spec, 'd', '>', "int"));
    }

    /// <summary><c>format(n, spec)</c> with an already parsed specifier.</summary>
    public static string Format(BigInteger n, FormatSpec spec)
    {
        switch (spec.Type)
        {
            case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
                return FormatLong(n, spec);
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                return FloatFormat.Format(IntOps.ToDouble(n), spec);
            default:
                throw spec.Unknown("int");
        }
    }

    private static string FormatLong(BigInteger n, FormatSpec spec)
    {
        if (spec.Precision != -1) throw new FormatSpecException("Precision not allowed in integer format specifier");
        if (spec.NoNegativeZero)
            throw new FormatSpecException("Negative zero coercion (z) not allowed in integer format specifier");
        if (spec.Type == 'c')
        {
            if (spec.Sign != '\0') throw new FormatSpecException("Sign not allowed with integer format specifier 'c'");
            if (spec.Alternate)
                throw new FormatSpecException("Alternate form (#) not allowed with integer format specifier 'c'");
            if (n < long.MinValue || n > long.MaxValue)
                throw new PyNumericException(PyErrorKind.OverflowError, "Python int too large to convert to C long");
            if (n.Sign < 0 || n > 0x10FFFF)
                throw new PyNumericException(PyErrorKind.OverflowError, "%c arg not in range(0x110000)");
            int cp = (int)n;
            // Lone surrogates are valid Python str contents; keep them as single UTF-16 units.
            string ch = cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);
            return NumberLayout.Compose(spec, false, default, default, false, ch);
        }
        bool negative = n.Sign < 0;
        BigInteger abs = BigInteger.Abs(n);
        string digits;
        string prefix = "";
        switch (spec.Type)
        {
            case 'b': digits = PowerOfTwoDigits(abs, 2, false); if (spec.Alternate) prefix = "0b"; break;
            case 'o': digits = PowerOfTwoDigits(abs, 8, false); if (spec.Alternate) prefix = "0o"; break;
            case 'x': digits = PowerOfTwoDigits(abs, 16, false); if (spec.Alternate) prefix = "0x"; break;
            case 'X': digits = PowerOfTwoDigits(abs, 16, true); if (spec.Alternate) prefix = "0X"; break;
            default:
                digits = ToDecimalString(abs);
                break;
        }
        return NumberLayout.Compose(spec, negative, prefix, digits, false, default);
    }
}
