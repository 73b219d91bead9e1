using System.Globalization;
using System.Numerics;

namespace PySharp.Formatting;

/// <summary>
/// Decimal digit generation for doubles, equivalent to the modes of David Gay's dtoa that CPython
/// uses: shortest round-trip (mode 0), n significant digits (mode 2) and n digits after the point
/// (mode 3). Results are digits without trailing zeros (zero is "0") and <c>decpt</c>, the
/// position of the decimal point: value = 0.d1d2d3... * 10^decpt.
/// </summary>
internal static class DecimalDigits
{
    /// <summary>
    /// Shortest digits that round-trip, choosing the candidate closest to x (dtoa mode 0).
    /// Exact 128-bit interval arithmetic for 1e-5 ≤ x &lt; 1e15 (repr's usual range); elsewhere
    /// .NET's "R" (shortest round-trip since .NET Core 3.0). Returns the digit count.
    /// </summary>
    public static int Shortest(double absx, Span<char> digits, out int decpt)
    {
        if (absx == 0) { digits[0] = '0'; decpt = 1; return 1; }
        // Integers below 2^53: every shorter string names a different integer, hence a different double.
        if (absx < 9007199254740992.0 && absx == Math.Floor(absx)) return IntegerDigits((ulong)absx, 0, digits, out decpt);
        if (absx >= 1e-5 && absx < 1e15)
        {
            // Values with one to three decimals are common; k = 0 was ruled out above, so the
            // first k whose candidate reads back as x gives the shortest (and only) candidate.
            // The division by an exact power of ten is correctly rounded, so it is the read-back.
            for (int k = 1; k <= 3; k++)
            {
                double pow = k == 1 ? 10.0 : k == 2 ? 100.0 : 1000.0;
                double y = Math.Round(absx * pow);
                if (y / pow == absx && y < 1e15) return IntegerDigits((ulong)y, k, digits, out decpt);
            }
            return IntervalShortest(absx, digits, out decpt);
        }
        // .NET's "R" mishandles the narrower lower gap below a power of two (2^-25 gives
        // 2.980232238769531e-08, which reads back as a different double): do those exactly.
        if ((BitConverter.DoubleToInt64Bits(absx) & ((1L << 52) - 1)) == 0) return ExactShortest(absx, digits, out decpt);
        Span<char> buf = stackalloc char[32];
        absx.TryFormat(buf, out int rLen, "R", CultureInfo.InvariantCulture);
        int n = 0, intDigits = 0, leadingZeros = 0, exp = 0;
        bool seenPoint = false, seenNonZero = false;
        for (int i = 0; i < rLen; i++)
        {
            char c = buf[i];
            if (c == '.') { seenPoint = true; continue; }
            if (c == 'E' || c == 'e')
            {
                exp = int.Parse(buf.Slice(i + 1, rLen - i - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            if (!seenPoint) intDigits++;
            if (!seenNonZero)
            {
                if (c == '0') { leadingZeros++; continue; }
                seenNonZero = true;
            }
            digits[n++] = c;
        }
        while (n > 1 && digits[n - 1] == '0') n--;
        decpt = intDigits + exp - leadingZeros;
        return n;
    }

    // Digits of v * 10^-scale without trailing zeros (v > 0).
    private static int IntegerDigits(ulong v, int scale, Span<char> digits, out int decpt)
    {
        Span<char> rev = stackalloc char[20];
        int len = 0;
        while (v != 0) { rev[len++] = (char)('0' + (int)(v % 10)); v /= 10; }
        int first = 0;
        while (rev[first] == '0') first++;
        decpt = len - scale;
        for (int i = 0; i < len - first; i++) digits[i] = rev[len - 1 - i];
        return len - first;
    }

    /// <summary>
    /// Shortest digits for 1e-5 ≤ x &lt; 1e15. With x = 4m / 2^K (K ≤ 71), the rounding interval
    /// is [4m - 2, 4m + 2] / 2^K (the lower gap halved at a power of two), closed when m is even
    /// as round-half-even reading demands. The integers of the interval scaled to 17 significant
    /// digits are [cLo, cHi] (never empty); dividing both by 10 while some integer remains finds
    /// the coarsest scale, i.e. the fewest digits, and the candidate nearest to x is taken there.
    /// (4m + 2) * 10^21 &lt; 2^125, so everything fits in 128 bits.
    /// </summary>
    private static int IntervalShortest(double absx, Span<char> digits, out int decpt)
    {
        long bits = BitConverter.DoubleToInt64Bits(absx);
        int biased = (int)(bits >> 52);
        ulong m = ((ulong)bits & ((1UL << 52) - 1)) | (1UL << 52);
        int k = 2 - (biased - 1075);
        bool inclusive = (m & 1) == 0;
        UInt128 mid = (UInt128)m * 4, low = m == 1UL << 52 ? mid - 1 : mid - 2, high = mid + 2;
        UInt128 one = UInt128.One << k, mask = one - 1;
        // Exact decimal exponent x10: 10^x10 ≤ x < 10^(x10+1).
        int x10 = (int)Math.Floor((biased - 1023) * 0.30102999566398120); // within one of the truth
        while (!AtLeastPow10(mid, k, x10)) x10--;
        while (AtLeastPow10(mid, k, x10 + 1)) x10++;
        int s = 16 - x10;
        UInt128 p = Pow10U128[s], lo = low * p, hi = high * p;
        UInt128 cLo128 = lo >> k;
        if ((lo & mask) != 0 || !inclusive) cLo128++;
        UInt128 cHi128 = hi >> k;
        if ((hi & mask) == 0 && !inclusive) cHi128--;
        ulong cLo = (ulong)cLo128, cHi = (ulong)cHi128;
        while (true)
        {
            ulong nLo = (cLo + 9) / 10, nHi = cHi / 10;
            if (nLo > nHi) break;
            cLo = nLo;
            cHi = nHi;
            s--;
        }
        UInt128 r, rem, den;
        if (s >= 0)
        {
            UInt128 mp = mid * Pow10U128[s];
            r = mp >> k;
            rem = mp & mask;
            den = one;
        }
        else
        {
            den = Pow10U128[-s] << k;
            r = mid / den;
            rem = mid - r * den;
        }
        UInt128 half = den >> 1; // den is even: k ≥ 2
        if (rem > half || (rem == half && (r & 1) != 0)) r++;
        return IntegerDigits(r < cLo ? cLo : r > cHi ? cHi : (ulong)r, s, digits, out decpt);
    }

    /// <summary>
    /// The same interval algorithm as <see cref="IntervalShortest"/> in big-integer arithmetic,
    /// valid for every positive finite double.
    /// </summary>
    internal static int ExactShortest(double absx, Span<char> digits, out int decpt)
    {
        long bits = BitConverter.DoubleToInt64Bits(absx);
        int biased = (int)(bits >> 52);
        ulong m = (ulong)bits & ((1UL << 52) - 1);
        int e2;
        if (biased == 0) e2 = -1074 - 2;
        else { m |= 1UL << 52; e2 = biased - 1075 - 2; }
        bool inclusive = (m & 1) == 0;
        BigInteger mid = (BigInteger)m * 4, low = m == 1UL << 52 && biased > 1 ? mid - 1 : mid - 2, high = mid + 2;
        // value = mid * 2^e2; x10 exact: 10^x10 ≤ value < 10^(x10+1).
        int x10 = (int)Math.Floor(Math.Log10(absx));
        while (Compare(mid, e2, x10) < 0) x10--;
        while (Compare(mid, e2, x10 + 1) >= 0) x10++;
        int s = 16 - x10;
        Scale(e2, s, out BigInteger num, out BigInteger den);
        BigInteger cLoBig = BigInteger.DivRem(low * num, den, out BigInteger remLo);
        if (!remLo.IsZero || !inclusive) cLoBig += 1;
        BigInteger cHiBig = BigInteger.DivRem(high * num, den, out BigInteger remHi);
        if (remHi.IsZero && !inclusive) cHiBig -= 1;
        ulong cLo = (ulong)cLoBig, cHi = (ulong)cHiBig;
        while (true)
        {
            ulong nLo = (cLo + 9) / 10, nHi = cHi / 10;
            if (nLo > nHi) break;
            cLo = nLo;
            cHi = nHi;
            s--;
        }
        Scale(e2, s, out num, out den);
        BigInteger r = BigInteger.DivRem(mid * num, den, out BigInteger rem);
        int cmp = (rem << 1).CompareTo(den);
        if (cmp > 0 || (cmp == 0 && !r.IsEven)) r += 1;
        ulong c = r < cLo ? cLo : r > cHi ? cHi : (ulong)r;
        return IntegerDigits(c, s, digits, out decpt);
    }

    // 2^e2 * 10^s as a fraction num / den of integers.
    private static void Scale(int e2, int s, out BigInteger num, out BigInteger den)
    {
        num = BigInteger.One;
        den = BigInteger.One;
        if (e2 >= 0) num <<= e2; else den <<= -e2;
        if (s >= 0) num *= BigInteger.Pow(10, s); else den *= BigInteger.Pow(10, -s);
    }

    // Sign of mid * 2^e2 - 10^t.
    private static int Compare(BigInteger mid, int e2, int t)
    {
        Scale(e2, -t, out BigInteger num, out BigInteger den);
        return (mid * num).CompareTo(den);
    }

    // mid / 2^k ≥ 10^e, for |e| ≤ 21 and k ≤ 71.
    private static bool AtLeastPow10(UInt128 mid, int k, int e) =>
        e >= 0 ? mid >= Pow10U128[e] << k : mid * Pow10U128[-e] >= UInt128.One << k;

    /// <summary>dtoa mode 2: <paramref name="n"/> (≥ 1) significant digits, correctly rounded half-even.</summary>
    public static string Significant(double absx, int n, out int decpt)
    {
        if (absx == 0) { decpt = 1; return "0"; }
        // With the exact exponent, absx * 10^(n-1-x) lies in [10^(n-1), 10^n), so its rounding
        // lies in [10^(n-1), 10^n]; the upper end is a carry into the next decade.
        int x = DecimalExponent(absx);
        if (n < MaxSmallScale && TryRoundScaledSmall(absx, n - 1 - x, out UInt128 q))
        {
            if (q == Pow10U128[n]) { q = Pow10U128[n - 1]; x++; }
            decpt = x + 1;
            return StripZeros(q.ToString(CultureInfo.InvariantCulture));
        }
        BigInteger d = RoundScaled(absx, n - 1 - x);
        if (d == BigInteger.Pow(10, n)) { d = BigInteger.Pow(10, n - 1); x++; }
        decpt = x + 1;
        return StripZeros(d.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The exact decimal exponent of a positive finite double: 10^x ≤ absx &lt; 10^(x+1).</summary>
    internal static int DecimalExponent(double absx)
    {
        int x = (int)Math.Floor(Math.Log10(absx));
        while (ComparePow10(absx, x) < 0) x--;
        while (ComparePow10(absx, x + 1) >= 0) x++;
        return x;
    }

    // Sign of absx - 10^t, exactly.
    private static int ComparePow10(double absx, int t)
    {
        if (t >= 0 && t <= 22) return absx.CompareTo(Pow10Exact[t]); // 10^t is a double here
        Decompose(absx, out ulong m, out int e);
        if (t < 0 && t >= -22)
        {
            if (e >= 0) return 1;
            if (-e <= 127) return ((UInt128)m * Pow10U128[-t]).CompareTo(UInt128.One << -e);
        }
        BigInteger num = m, den = BigInteger.One;
        if (e >= 0) num <<= e; else den <<= -e;
        if (t >= 0) den *= BigInteger.Pow(10, t); else num *= BigInteger.Pow(10, -t);
        return num.CompareTo(den);
    }

    private static readonly double[] Pow10Exact =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>dtoa mode 3: rounded to <paramref name="p"/> digits after the point (p may be negative).</summary>
    public static string Fixed(double absx, int p, out int decpt)
    {
        string s;
        if (absx == 0) s = "0";
        else if (TryRoundScaledSmall(absx, p, out UInt128 q)) s = q == 0 ? "0" : q.ToString(CultureInfo.InvariantCulture);
        else
        {
            BigInteger d = RoundScaled(absx, p);
            s = d.IsZero ? "0" : d.ToString(CultureInfo.InvariantCulture);
        }
        if (s == "0") { decpt = 1; return s; }
        decpt = s.Length - p;
        return StripZeros(s);
    }

    private static string StripZeros(string s)
    {
        int n = s.Length;
        while (n > 1 && s[n - 1] == '0') n--;
        return n == s.Length ? s : s.Substring(0, n);
    }

    /// <summary>Splits a finite non-negative double into m * 2^e with m odd (or zero).</summary>
    public static void Decompose(double absx, out ulong m, out int e)
    {
        long bits = BitConverter.DoubleToInt64Bits(absx) & long.MaxValue;
        int biased = (int)(bits >> 52);
        m = (ulong)bits & ((1UL << 52) - 1);
        if (biased == 0) e = -1074;
        else { m |= 1UL << 52; e = biased - 1075; }
        if (m == 0) { e = 0; return; }
        int tz = BitOperations.TrailingZeroCount(m);
        m >>= tz;
        e += tz;
    }

    private static readonly UInt128[] Pow10U128 = BuildPowers();

    // m < 2^53 times 10^19 < 2^64 still fits in 128 bits.
    private const int MaxSmallScale = 19;

    private static UInt128[] BuildPowers()
    {
        var p = new UInt128[39];
        p[0] = 1;
        for (int i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }

    /// <summary>
    /// round-half-even(absx * 10^s) in 128-bit arithmetic when absx has a fractional binary part
    /// of at most 126 bits and 0 ≤ s ≤ <see cref="MaxSmallScale"/>.
    /// </summary>
    private static bool TryRoundScaledSmall(double absx, int s, out UInt128 result)
    {
        Decompose(absx, out ulong m, out int e);
        result = 0;
        if (m == 0) return true;
        if (e > 0 || s < 0 || s > MaxSmallScale || e <= -127) return false;
        UInt128 num = (UInt128)m * Pow10U128[s];
        int k = -e;
        if (k == 0) { result = num; return true; }
        UInt128 q = num >> k, r = num & ((UInt128.One << k) - 1), half = UInt128.One << (k - 1);
        if (r > half || (r == half && (q & 1) != 0)) q++;
        result = q;
        return true;
    }

    /// <summary>round-half-even(absx * 10^s), computed exactly.</summary>
    public static BigInteger RoundScaled(double absx, int s)
    {
        if (TryRoundScaledSmall(absx, s, out UInt128 small)) return (BigInteger)small;
        Decompose(absx, out ulong m, out int e);
        BigInteger n = m, d = BigInteger.One;
        if (e > 0) n <<= e; else d <<= -e;
        if (s >= 0) n *= BigInteger.Pow(10, s); else d *= BigInteger.Pow(10, -s);
        BigInteger quot = BigInteger.DivRem(n, d, out BigInteger rem);
        int cmp = (rem << 1).CompareTo(d);
        if (cmp > 0 || (cmp == 0 && !quot.IsEven)) quot += 1;
        return quot;
    }
}
