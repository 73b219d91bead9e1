using System.Numerics;

namespace PySharp.Formatting;

/// <summary>Python int arithmetic whose semantics differ from .NET's: floor division, modulo,
/// three-argument pow, true division, conversion to float, bytes, hashing.</summary>
public static class IntOps
{
    private const string DivByZero = "integer division or modulo by zero";
    private const string ModByZero = "integer modulo by zero";

    /// <summary><c>a // b</c>; false when the result does not fit (<c>long.MinValue // -1</c>).</summary>
    /// <exception cref="PyNumericException">ZeroDivisionError.</exception>
    public static bool TryFloorDivide(long a, long b, out long quotient)
    {
        if (b == 0) throw new PyNumericException(PyErrorKind.ZeroDivisionError, DivByZero);
        if (b == -1 && a == long.MinValue) { quotient = 0; return false; }
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        quotient = q;
        return true;
    }

    /// <summary><c>a % b</c> with the sign of <paramref name="b"/> (never overflows).</summary>
    public static long FloorModulo(long a, long b)
    {
        if (b == 0) throw new PyNumericException(PyErrorKind.ZeroDivisionError, ModByZero);
        if (b == -1) return 0;
        long r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
    }

    /// <summary><c>a // b</c> for big ints.</summary>
    public static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw new PyNumericException(PyErrorKind.ZeroDivisionError, DivByZero);
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) q -= 1;
        return q;
    }

    /// <summary><c>a % b</c> for big ints (sign of the divisor).</summary>
    public static BigInteger FloorModulo(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw new PyNumericException(PyErrorKind.ZeroDivisionError, ModByZero);
        BigInteger r = BigInteger.Remainder(a, b);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) r += b;
        return r;
    }

    /// <summary><c>divmod(a, b)</c> for big ints.</summary>
    public static (BigInteger Quotient, BigInteger Remainder) DivMod(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw new PyNumericException(PyErrorKind.ZeroDivisionError, DivByZero);
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) { q -= 1; r += b; }
        return (q, r);
    }

    /// <summary><c>round(n, ndigits)</c> for ints: half-even to a multiple of 10^-ndigits.</summary>
    public static BigInteger Round(BigInteger n, long ndigits)
    {
        if (ndigits >= 0) return n;
        if (ndigits < int.MinValue) return BigInteger.Zero;
        BigInteger pow = BigInteger.Pow(10, checked((int)-ndigits));
        var (q, r) = DivMod(n, pow);
        int cmp = (r << 1).CompareTo(pow);
        if (cmp > 0 || (cmp == 0 && !q.IsEven)) q += 1;
        return q * pow;
    }

    /// <summary><c>int.bit_length()</c>.</summary>
    public static long BitLength(BigInteger n) => n.IsZero ? 0 : (long)BigInteger.Abs(n).GetBitLength();

    /// <summary><c>int.bit_length()</c> for a machine int.</summary>
    public static int BitLength(long n) => 64 - BitOperations.LeadingZeroCount(n < 0 ? (ulong)(-(n + 1)) + 1 : (ulong)n);

    /// <summary><c>float(n)</c>: correctly rounded (half-even).</summary>
    /// <exception cref="PyNumericException">OverflowError "int too large to convert to float".</exception>
    public static double ToDouble(BigInteger n)
    {
        if (n >= long.MinValue && n <= long.MaxValue) return (long)n;
        double d = Rounding.ToDouble(BigInteger.Abs(n), false, 0);
        if (double.IsInfinity(d))
            throw new PyNumericException(PyErrorKind.OverflowError, "int too large to convert to float");
        return n.Sign < 0 ? -d : d;
    }

    /// <summary><c>a / b</c> for ints: the correctly rounded quotient.</summary>
    /// <exception cref="PyNumericException">ZeroDivisionError; OverflowError when too large.</exception>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero) throw new PyNumericException(PyErrorKind.ZeroDivisionError, "division by zero");
        BigInteger na = BigInteger.Abs(a), nb = BigInteger.Abs(b);
        const long exact = 1L << 53;
        if (na <= exact && nb <= exact) return (double)(long)a / (double)(long)b;
        bool negative = (a.Sign < 0) != (b.Sign < 0);
        if (na.IsZero) return negative ? -0.0 : 0.0;
        // Scale so that the integer quotient has 55 or 56 bits; the remainder is the sticky bit.
        long shift = (long)na.GetBitLength() - (long)nb.GetBitLength() - 55;
        if (shift >= 0) nb <<= checked((int)shift); else na <<= checked((int)-shift);
        BigInteger q = BigInteger.DivRem(na, nb, out BigInteger r);
        double d = Rounding.ToDouble(q, !r.IsZero, shift);
        if (double.IsInfinity(d))
            throw new PyNumericException(PyErrorKind.OverflowError, "integer division result too large for a float");
        return negative ? -d : d;
    }

    /// <summary><c>a / b</c> for machine ints (correctly rounded).</summary>
    public static double TrueDivide(long a, long b)
    {
        const long exact = 1L << 53;
        if (b != 0 && a >= -exact && a <= exact && b >= -exact && b <= exact) return (double)a / b;
        return TrueDivide((BigInteger)a, (BigInteger)b);
    }

    /// <summary><c>pow(a, b, m)</c> including negative exponents (modular inverse).</summary>
    /// <exception cref="PyNumericException">ValueError for m == 0 or a non-invertible base.</exception>
    public static BigInteger ModPow(BigInteger a, BigInteger b, BigInteger m)
    {
        if (m.IsZero) throw new PyNumericException(PyErrorKind.ValueError, "pow() 3rd argument cannot be 0");
        bool negativeModulus = m.Sign < 0;
        if (negativeModulus) m = -m;
        a = BigInteger.Remainder(a, m);
        if (a.Sign < 0) a += m;
        if (b.Sign < 0)
        {
            a = Inverse(a, m);
            b = -b;
        }
        BigInteger result = m.IsOne ? BigInteger.Zero : BigInteger.ModPow(a, b, m);
        if (negativeModulus && !result.IsZero) result -= m;
        return result;
    }

    private static BigInteger Inverse(BigInteger a, BigInteger m)
    {
        // Extended Euclid on (a, m), 0 <= a < m.
        BigInteger oldR = a, r = m, oldS = BigInteger.One, s = BigInteger.Zero;
        while (!r.IsZero)
        {
            BigInteger q = BigInteger.DivRem(oldR, r, out BigInteger rem);
            (oldR, r) = (r, rem);
            (oldS, s) = (s, oldS - q * s);
        }
        if (!oldR.IsOne)
            throw new PyNumericException(PyErrorKind.ValueError, "base is not invertible for the given modulus");
        oldS = BigInteger.Remainder(oldS, m);
        return oldS.Sign < 0 ? oldS + m : oldS;
    }

    /// <summary><c>int.to_bytes(length, byteorder, signed=...)</c>.</summary>
    /// <exception cref="PyNumericException">OverflowError / ValueError as CPython.</exception>
    public static byte[] ToBytes(BigInteger n, long length, bool bigEndian, bool signed)
    {
        if (length < 0) throw new PyNumericException(PyErrorKind.ValueError, "length argument must be non-negative");
        if (!signed && n.Sign < 0)
            throw new PyNumericException(PyErrorKind.OverflowError, "can't convert negative int to unsigned");
        int needed = n.IsZero ? 0 : n.GetByteCount(isUnsigned: !signed);
        // CPython 3.11 quirk: (-1).to_bytes(0, signed=True) is b'' rather than an overflow.
        if (n == BigInteger.MinusOne && signed && length == 0) return [];
        if (needed > length) throw new PyNumericException(PyErrorKind.OverflowError, "int too big to convert");
        var result = new byte[length];
        if (n.Sign < 0) result.AsSpan().Fill(0xFF);
        // Negative values were sign-extended by the 0xFF fill above.
        if (needed > 0) n.TryWriteBytes(result.AsSpan(0, needed), out _, isUnsigned: !signed, isBigEndian: false);
        if (bigEndian) Array.Reverse(result);
        return result;
    }

    /// <summary><c>int.from_bytes(bytes, byteorder, signed=...)</c>.</summary>
    public static BigInteger FromBytes(ReadOnlySpan<byte> bytes, bool bigEndian, bool signed) =>
        new(bytes, isUnsigned: !signed, isBigEndian: bigEndian);

    /// <summary>CPython's <c>hash(int)</c> (modulus 2**61 - 1, with hash(-1) == -2).</summary>
    public static long Hash(long n)
    {
        ulong abs = n < 0 ? (ulong)(-(n + 1)) + 1 : (ulong)n;
        long h = (long)(abs % PyHash.Modulus);
        if (n < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /// <summary>CPython's <c>hash(int)</c> for big ints.</summary>
    public static long Hash(BigInteger n)
    {
        if (n >= long.MinValue && n <= long.MaxValue) return Hash((long)n);
        long h = (long)BigInteger.Remainder(BigInteger.Abs(n), PyHash.Modulus);
        if (n.Sign < 0) h = -h;
        return h == -1 ? -2 : h;
    }
}

/// <summary>Constants of CPython's numeric hash.</summary>
public static class PyHash
{
    /// <summary><c>sys.hash_info.modulus</c>: 2**61 - 1.</summary>
    public const ulong Modulus = (1UL << 61) - 1;

    /// <summary><c>sys.hash_info.inf</c>.</summary>
    public const long Infinity = 314159;

    /// <summary><c>sys.hash_info.width</c> bits used by the modulus.</summary>
    public const int Bits = 61;
}

/// <summary>Correct rounding of big binary values to double.</summary>
internal static class Rounding
{
    /// <summary>
    /// Rounds q * 2^exp2 (q &gt; 0, plus a sticky bit meaning "a little more than q") half-even to a
    /// double, producing infinity on overflow and subnormals/zero on underflow.
    /// </summary>
    public static double ToDouble(BigInteger q, bool sticky, long exp2)
    {
        long bitLen = (long)q.GetBitLength();
        long topExp = bitLen - 1 + exp2;
        if (topExp > 1023) return double.PositiveInfinity;
        if (topExp < -1080) return 0.0;
        long p = topExp < -1022 ? 53 - (-1022 - topExp) : 53;
        long extra = bitLen - p;
        if (extra <= 0) return Math.ScaleB((double)(ulong)q, (int)exp2);
        BigInteger mant = q >> (int)extra;
        BigInteger rem = q - (mant << (int)extra);
        int cmp = (rem << 1).CompareTo(BigInteger.One << (int)extra);
        if (cmp > 0 || (cmp == 0 && (sticky || !mant.IsEven))) mant += 1;
        return Math.ScaleB((double)(ulong)mant, (int)(exp2 + extra));
    }
}
