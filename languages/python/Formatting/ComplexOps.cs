using System.Numerics;

namespace PySharp.Formatting;

/// <summary>
/// Python complex arithmetic where .NET's <see cref="Complex"/> rounds or fails differently:
/// CPython's division (Smith's method with its exact branch choice), power (repeated squaring
/// for small integral exponents, polar form otherwise, with CPython's errno-derived errors),
/// <c>abs</c> and <c>hash</c>.
/// </summary>
public static class ComplexOps
{
    private const long ImagHashMultiplier = 1000003; // _PyHASH_IMAG

    /// <summary><c>a * b</c> (the textbook formula, as CPython's <c>_Py_c_prod</c>).</summary>
    public static Complex Multiply(Complex a, Complex b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary><c>a / b</c>.</summary>
    /// <exception cref="PyNumericException">ZeroDivisionError "complex division by zero".</exception>
    public static Complex Divide(Complex a, Complex b)
    {
        Complex r = Quotient(a, b, out bool zeroDivisor);
        if (zeroDivisor) throw new PyNumericException(PyErrorKind.ZeroDivisionError, "complex division by zero");
        return r;
    }

    // _Py_c_quot: divide through by the larger of |b.real|, |b.imag|.
    private static Complex Quotient(Complex a, Complex b, out bool zeroDivisor)
    {
        zeroDivisor = false;
        double absReal = Math.Abs(b.Real), absImag = Math.Abs(b.Imaginary);
        if (absReal >= absImag)
        {
            if (absReal == 0)
            {
                zeroDivisor = true;
                return Complex.Zero;
            }
            double ratio = b.Imaginary / b.Real, denom = b.Real + b.Imaginary * ratio;
            return new Complex((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }
        if (absImag >= absReal)
        {
            double ratio = b.Real / b.Imaginary, denom = b.Real * ratio + b.Imaginary;
            return new Complex((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }
        return new Complex(double.NaN, double.NaN); // a NaN in the divisor
    }

    /// <summary><c>a ** b</c> (three-argument pow is "complex modulo", a ValueError, in the interpreter).</summary>
    /// <exception cref="PyNumericException">ZeroDivisionError "0.0 to a negative or complex power",
    /// OverflowError "complex exponentiation".</exception>
    public static Complex Pow(Complex a, Complex b)
    {
        bool domainError;
        Complex p;
        if (b.Imaginary == 0 && b.Real == Math.Floor(b.Real) && Math.Abs(b.Real) <= 100.0)
        {
            // Small integral exponents: repeated squaring, more accurate than the polar form.
            long n = (long)b.Real;
            if (n > 0) { p = PowUnsigned(a, n); domainError = false; }
            else p = Quotient(Complex.One, PowUnsigned(a, -n), out domainError);
        }
        else p = PolarPow(a, b, out domainError);
        if (domainError)
            throw new PyNumericException(PyErrorKind.ZeroDivisionError, "0.0 to a negative or complex power");
        if (double.IsInfinity(p.Real) || double.IsInfinity(p.Imaginary))
            throw new PyNumericException(PyErrorKind.OverflowError, "complex exponentiation");
        return p;
    }

    private static Complex PowUnsigned(Complex x, long n)
    {
        Complex r = Complex.One, p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0) r = Multiply(r, p);
            p = Multiply(p, p);
        }
        return r;
    }

    // _Py_c_pow. domainError stands for C's errno == EDOM: a zero base with a negative or complex
    // exponent, or sin/cos of an infinite phase.
    private static Complex PolarPow(Complex a, Complex b, out bool domainError)
    {
        domainError = false;
        if (b.Real == 0 && b.Imaginary == 0) return Complex.One;
        if (a.Real == 0 && a.Imaginary == 0)
        {
            if (b.Imaginary != 0 || b.Real < 0) domainError = true;
            return Complex.Zero;
        }
        double vabs = Hypot(a.Real, a.Imaginary);
        double len = Math.Pow(vabs, b.Real);
        double at = Math.Atan2(a.Imaginary, a.Real);
        double phase = at * b.Real;
        if (b.Imaginary != 0)
        {
            len /= Math.Exp(at * b.Imaginary);
            phase += b.Imaginary * Math.Log(vabs);
        }
        if (double.IsInfinity(phase)) domainError = true;
        return new Complex(len * Math.Cos(phase), len * Math.Sin(phase));
    }

    /// <summary><c>abs(z)</c>: infinite if either part is, else NaN if either part is, else the hypotenuse.</summary>
    /// <exception cref="PyNumericException">OverflowError "absolute value too large".</exception>
    public static double Abs(Complex z)
    {
        if (double.IsInfinity(z.Real)) return Math.Abs(z.Real);
        if (double.IsInfinity(z.Imaginary)) return Math.Abs(z.Imaginary);
        if (double.IsNaN(z.Real) || double.IsNaN(z.Imaginary)) return double.NaN;
        double r = Hypot(z.Real, z.Imaginary);
        if (double.IsInfinity(r)) throw new PyNumericException(PyErrorKind.OverflowError, "absolute value too large");
        return r;
    }

    private static readonly double HypotScale = Math.ScaleB(1.0, -600), HypotLarge = Math.ScaleB(1.0, 511),
        HypotTiny = Math.ScaleB(1.0, -511), HypotEps = Math.ScaleB(1.0, -54);

    /// <summary>
    /// C's <c>hypot</c> as glibc 2.35+ computes it without FMA (CPython's complex abs and power
    /// call libm): scaling for huge and tiny operands, then a square root with one correction
    /// step. .NET's <see cref="double.Hypot"/> differs in the last bit for some inputs. (The other
    /// libm calls here, pow/exp/log/sin/cos/atan2, go to the platform libm as CPython's do.)
    /// </summary>
    public static double Hypot(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
            return double.IsInfinity(x) || double.IsInfinity(y) ? double.PositiveInfinity : x + y;
        x = Math.Abs(x);
        y = Math.Abs(y);
        double ax = x < y ? y : x, ay = x < y ? x : y;
        if (ax > HypotLarge)
        {
            if (ay <= ax * HypotEps) return ax + ay;
            return HypotKernel(ax * HypotScale, ay * HypotScale) / HypotScale;
        }
        if (ay < HypotTiny)
        {
            if (ax >= ay / HypotEps) return ax + ay;
            return HypotKernel(ax / HypotScale, ay / HypotScale) * HypotScale;
        }
        if (ay <= ax * HypotEps) return ax + ay;
        return HypotKernel(ax, ay);
    }

    private static double HypotKernel(double ax, double ay)
    {
        double h = Math.Sqrt(ax * ax + ay * ay), t1, t2;
        if (h <= 2.0 * ay)
        {
            double delta = h - ay;
            t1 = ax * (2.0 * delta - ax);
            t2 = (delta - 2.0 * (ax - ay)) * delta;
        }
        else
        {
            double delta = h - ax;
            t1 = 2.0 * delta * (ax - 2.0 * ay);
            t2 = (4.0 * delta - ay) * ay + delta * delta;
        }
        return h - (t1 + t2) / (2.0 * h);
    }

    /// <summary>
    /// CPython's <c>hash(complex)</c>: hash(real) + 1000003 * hash(imag), wrapping, with -1 → -2.
    /// NaN parts contribute 0 here (CPython 3.10+ uses the object's identity; see <see cref="FloatOps.Hash"/>).
    /// </summary>
    public static long Hash(Complex z)
    {
        ulong combined = unchecked((ulong)FloatOps.Hash(z.Real) + (ulong)ImagHashMultiplier * (ulong)FloatOps.Hash(z.Imaginary));
        long h = unchecked((long)combined);
        return h == -1 ? -2 : h;
    }
}
