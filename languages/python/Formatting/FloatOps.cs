using System.Globalization;
using System.Numerics;

namespace PySharp.Formatting;

/// <summary>Python float operations whose results or errors differ from .NET's.</summary>
public static class FloatOps
{
    /// <summary><c>x / y</c>.</summary>
    public static double TrueDivide(double x, double y)
    {
        if (y == 0) throw new PyNumericException(PyErrorKind.ZeroDivisionError, "float division by zero");
        return x / y;
    }

    /// <summary><c>x % y</c>: the result has the sign of <paramref name="y"/>.</summary>
    public static double Modulo(double x, double y)
    {
        if (y == 0) throw new PyNumericException(PyErrorKind.ZeroDivisionError, "float modulo");
        double mod = x % y; // C# % on doubles is C's fmod
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0)) mod += y;
        }
        else mod = Math.CopySign(0.0, y);
        return mod;
    }

    /// <summary><c>x // y</c>.</summary>
    public static double FloorDivide(double x, double y)
    {
        if (y == 0) throw new PyNumericException(PyErrorKind.ZeroDivisionError, "float floor division by zero");
        return DivModCore(x, y).Quotient;
    }

    /// <summary><c>divmod(x, y)</c>.</summary>
    public static (double Quotient, double Remainder) DivMod(double x, double y)
    {
        if (y == 0) throw new PyNumericException(PyErrorKind.ZeroDivisionError, "float divmod()");
        return DivModCore(x, y);
    }

    // CPython's _float_div_mod: fmod, sign fix-up, and snapping the quotient to an integer.
    private static (double Quotient, double Remainder) DivModCore(double vx, double wx)
    {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else mod = Math.CopySign(0.0, wx);
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0.0, vx / wx);
        return (floordiv, mod);
    }

    /// <summary>
    /// <c>x ** y</c> for floats with CPython's special cases (float_pow). Returns false when the
    /// result is complex (negative base, non-integral exponent): the caller then uses complex power.
    /// </summary>
    /// <exception cref="PyNumericException">ZeroDivisionError for 0.0 to a negative power;
    /// OverflowError when the result overflows.</exception>
    public static bool TryPow(double x, double y, out double result)
    {
        result = PowCore(x, y, out bool complex);
        return !complex;
    }

    private static double PowCore(double iv, double iw, out bool complex)
    {
        complex = false;
        if (iw == 0) return 1.0;
        if (double.IsNaN(iv)) return iv;
        if (double.IsNaN(iw)) return iv == 1.0 ? 1.0 : iw;
        if (double.IsInfinity(iw))
        {
            iv = Math.Abs(iv);
            if (iv == 1.0) return 1.0;
            return (iw > 0) == (iv > 1.0) ? Math.Abs(iw) : 0.0;
        }
        bool odd = IsOddInteger(iw);
        if (double.IsInfinity(iv))
            return iw > 0 ? (odd ? iv : Math.Abs(iv)) : (odd ? Math.CopySign(0.0, iv) : 0.0);
        if (iv == 0)
        {
            if (iw < 0)
                throw new PyNumericException(PyErrorKind.ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return odd ? iv : 0.0;
        }
        bool negate = false;
        if (iv < 0)
        {
            if (iw != Math.Floor(iw)) { complex = true; return double.NaN; }
            iv = -iv;
            negate = odd;
        }
        if (iv == 1.0) return negate ? -1.0 : 1.0;
        double ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix))
            throw new PyNumericException(PyErrorKind.OverflowError, "(34, 'Numerical result out of range')");
        return negate ? -ix : ix;
    }

    // An integral double whose value is odd (|w| < 2^53 is required for oddness to be possible).
    private static bool IsOddInteger(double w) => Math.Abs(w) < 9007199254740992.0 && Math.Floor(w) == w && Math.Abs(w % 2.0) == 1.0;

    /// <summary><c>int(x)</c>: truncation toward zero.</summary>
    /// <exception cref="PyNumericException">OverflowError for infinities, ValueError for NaN.</exception>
    public static BigInteger ToBigInteger(double x)
    {
        CheckIntegral(x);
        double t = Math.Truncate(x);
        if (t >= long.MinValue && t < 9.2233720368547758e18) return (long)t;
        return new BigInteger(t);
    }

    private static void CheckIntegral(double x)
    {
        if (double.IsNaN(x))
            throw new PyNumericException(PyErrorKind.ValueError, "cannot convert float NaN to integer");
        if (double.IsInfinity(x))
            throw new PyNumericException(PyErrorKind.OverflowError, "cannot convert float infinity to integer");
    }

    /// <summary><c>round(x)</c>: half-even to an int.</summary>
    public static BigInteger Round(double x)
    {
        CheckIntegral(x);
        return ToBigInteger(Math.Round(x, MidpointRounding.ToEven));
    }

    /// <summary>
    /// <c>round(x, ndigits)</c>: correctly rounded via the exact decimal value, as CPython's
    /// <c>double_round</c> (half-even on exact ties of the binary value).
    /// </summary>
    /// <exception cref="PyNumericException">OverflowError "rounded value too large to represent".</exception>
    public static double Round(double x, long ndigits)
    {
        if (!double.IsFinite(x) || x == 0) return x;
        // Beyond these, rounding is a no-op or always gives zero (CPython's NDIGITS_MAX/MIN).
        if (ndigits > 323) return x;
        if (ndigits < -308) return 0.0 * x;
        int n = (int)ndigits;
        BigInteger digits = DecimalDigits.RoundScaled(Math.Abs(x), n);
        if (digits.IsZero) return Math.CopySign(0.0, x);
        string text = digits.ToString(CultureInfo.InvariantCulture) + "e" + (-n).ToString(CultureInfo.InvariantCulture);
        double r = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(r))
            throw new PyNumericException(PyErrorKind.OverflowError, "rounded value too large to represent");
        return Math.CopySign(r, x);
    }

    /// <summary>
    /// Exact comparison of a float with an int, as CPython's float_richcompare (no rounding of
    /// the int: <c>2**53 + 1 != 2.0**53</c>). Returns -1, 0 or 1, or null when <paramref name="x"/>
    /// is NaN (every ordering comparison is False, == is False, != is True).
    /// </summary>
    public static int? CompareWithInt(double x, BigInteger n)
    {
        if (double.IsNaN(x)) return null;
        if (double.IsInfinity(x)) return x > 0 ? 1 : -1;
        const double exact = 9007199254740992.0; // 2^53: ints up to here convert exactly
        if (n >= -(long)exact && n <= (long)exact) return x.CompareTo((double)(long)n);
        double floor = Math.Floor(x);
        int cmp = new BigInteger(floor).CompareTo(n);
        if (cmp != 0) return cmp;
        return x > floor ? 1 : 0;
    }

    /// <summary><c>float.is_integer()</c>.</summary>
    public static bool IsInteger(double x) => double.IsFinite(x) && Math.Floor(x) == x;

    /// <summary>
    /// CPython's <c>hash(float)</c>: the value's hash modulo 2**61 - 1, so equal ints and floats
    /// hash alike; ±inf give ±314159. NaN returns 0 here: CPython 3.10+ hashes a NaN by object
    /// identity, which the interpreter must do itself.
    /// </summary>
    public static long Hash(double v)
    {
        if (double.IsNaN(v)) return 0;
        if (double.IsInfinity(v)) return v > 0 ? PyHash.Infinity : -PyHash.Infinity;
        DecimalDigits.Decompose(Math.Abs(v), out ulong m, out int e);
        ulong x = m % PyHash.Modulus;
        int k = e >= 0 ? e % PyHash.Bits : PyHash.Bits - 1 - ((-1 - e) % PyHash.Bits);
        if (k != 0) x = ((x << k) & PyHash.Modulus) | (x >> (PyHash.Bits - k));
        long h = (long)x;
        if (v < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /// <summary><c>float.as_integer_ratio()</c> in lowest terms.</summary>
    public static (BigInteger Numerator, BigInteger Denominator) AsIntegerRatio(double x)
    {
        if (double.IsInfinity(x))
            throw new PyNumericException(PyErrorKind.OverflowError, "cannot convert Infinity to integer ratio");
        if (double.IsNaN(x))
            throw new PyNumericException(PyErrorKind.ValueError, "cannot convert NaN to integer ratio");
        DecimalDigits.Decompose(Math.Abs(x), out ulong m, out int e);
        BigInteger num = m, den = BigInteger.One;
        if (e >= 0) num <<= e; else den <<= -e;
        return (x < 0 ? -num : num, den);
    }

    /// <summary><c>float.hex()</c>, e.g. '0x1.8000000000000p+1', '-0x0.0p+0', 'inf'.</summary>
    public static string Hex(double x)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        string sign = double.IsNegative(x) ? "-" : "";
        if (x == 0) return sign + "0x0.0p+0";
        long bits = BitConverter.DoubleToInt64Bits(x) & long.MaxValue;
        int biased = (int)(bits >> 52);
        long frac = bits & ((1L << 52) - 1);
        int lead = biased == 0 ? 0 : 1;
        int exp = biased == 0 ? -1022 : biased - 1023;
        return string.Create(CultureInfo.InvariantCulture,
            $"{sign}0x{lead}.{frac:x13}p{(exp < 0 ? '-' : '+')}{Math.Abs(exp)}");
    }

    /// <summary><c>float.fromhex(s)</c>, correctly rounded.</summary>
    /// <exception cref="PyNumericException">ValueError for bad syntax, OverflowError when too large.</exception>
    public static double FromHex(string s)
    {
        int i = 0, end = s.Length;
        while (i < end && IsAsciiSpace(s[i])) i++;
        while (end > i && IsAsciiSpace(s[end - 1])) end--;
        bool negative = false;
        if (i < end && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
        ReadOnlySpan<char> body = s.AsSpan(i, end - i);
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
            return negative ? -FloatParse.PositiveNaN : FloatParse.PositiveNaN;
        if (i + 1 < end && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
        BigInteger mant = BigInteger.Zero;
        long fracDigits = 0;
        int digitCount = 0;
        bool seenPoint = false;
        for (; i < end; i++)
        {
            char c = s[i];
            if (c == '.' && !seenPoint) { seenPoint = true; continue; }
            int d = HexValue(c);
            if (d < 0) break;
            mant = (mant << 4) | d;
            digitCount++;
            if (seenPoint) fracDigits++;
        }
        if (digitCount == 0) throw InvalidHex();
        long exp = 0;
        if (i < end && (s[i] == 'p' || s[i] == 'P'))
        {
            i++;
            bool expNeg = false;
            if (i < end && (s[i] == '+' || s[i] == '-')) expNeg = s[i++] == '-';
            int start = i;
            while (i < end && char.IsAsciiDigit(s[i]))
            {
                // Saturate: anything this large over- or underflows anyway.
                if (exp < 1_000_000_000_000L) exp = exp * 10 + (s[i] - '0');
                i++;
            }
            if (i == start) throw InvalidHex();
            if (expNeg) exp = -exp;
        }
        if (i != end) throw InvalidHex();
        if (mant.IsZero) return negative ? -0.0 : 0.0;
        double r = Rounding.ToDouble(mant, false, exp - 4 * fracDigits);
        if (double.IsInfinity(r))
            throw new PyNumericException(PyErrorKind.OverflowError, "hexadecimal value too large to represent as a float");
        return negative ? -r : r;
    }

    private static PyNumericException InvalidHex() =>
        new(PyErrorKind.ValueError, "invalid hexadecimal floating-point string");

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    internal static bool IsAsciiSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
}
