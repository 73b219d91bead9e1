using System.Numerics;

namespace PySharp.Interpreter;

/// <summary>
/// Conversions of big integers to floats rounded as CPython rounds them: to nearest, ties to
/// even, including for quotients (int / int is correctly rounded in CPython) and in the
/// subnormal range. <c>(double)BigInteger</c> truncates, which printed different digits.
/// </summary>
internal static class BigFloat
{
    /// <summary>The double nearest to <paramref name="x"/>; infinity if it is too large.</summary>
    public static double ToDouble(BigInteger x)
    {
        if (x >= long.MinValue && x <= long.MaxValue) return (long)x; // the hardware conversion rounds to nearest
        return Quotient(x, BigInteger.One);
    }

    /// <summary>The double nearest to <paramref name="a"/> / <paramref name="b"/> (b non-zero); infinity if it is too large.</summary>
    public static double Quotient(BigInteger a, BigInteger b)
    {
        if (b.Sign < 0) { a = -a; b = -b; }
        bool negative = a.Sign < 0;
        a = BigInteger.Abs(a);
        if (a.IsZero) return negative ? -0.0 : 0.0;
        // Scale so that the integer quotient has at least 55 significant bits; the remainder
        // only matters as a sticky bit.
        long s = 55 - (a.GetBitLength() - b.GetBitLength()) + 1;
        var num = s >= 0 ? a << (int)s : a;
        var den = s >= 0 ? b : b << (int)(-s);
        var q = BigInteger.DivRem(num, den, out var rem);
        bool sticky = !rem.IsZero;
        long bits = q.GetBitLength();
        long exponent = bits - 1 - s; // the value is in [2^exponent, 2^(exponent+1))
        // 53 significant bits for normal numbers, fewer below 2^-1022.
        long keep = exponent >= -1022 ? 53 : 53 - (-1022 - exponent);
        long drop = bits - keep;
        BigInteger m;
        if (drop <= 0) m = q << (int)(-drop);
        else
        {
            m = q >> (int)drop;
            var low = q - (m << (int)drop);
            var half = BigInteger.One << (int)(drop - 1);
            int c = low.CompareTo(half);
            if (c > 0 || (c == 0 && (sticky || !m.IsEven))) m += 1;
        }
        long scale = Math.Max(drop, 0) - s;
        if (scale > 2000) return negative ? double.NegativeInfinity : double.PositiveInfinity;
        double r = Math.ScaleB((double)(long)m, (int)scale);
        return negative ? -r : r;
    }
}
