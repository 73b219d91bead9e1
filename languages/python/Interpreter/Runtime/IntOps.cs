using System.Numerics;
using PySharp.Compiler;

namespace PySharp.Interpreter;

/// <summary>int arithmetic: 64-bit fast paths that overflow to BigInteger.</summary>
public static class IntOps
{
    public static PyObject? Arith(int op, long x, long y)
    {
        switch (op)
        {
            case BinaryOpCodes.Add:
                {
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) < 0) return new PyBigInt((BigInteger)x + y);
                    return PyInt.Get(r);
                }
            case BinaryOpCodes.Sub:
                {
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) < 0) return new PyBigInt((BigInteger)x - y);
                    return PyInt.Get(r);
                }
            case BinaryOpCodes.Mul:
                {
                    long hi = Math.BigMul(x, y, out long lo);
                    if (hi != (lo >> 63)) return PyInt.FromBig((BigInteger)x * y);
                    return PyInt.Get(lo);
                }
            case BinaryOpCodes.FloorDiv:
                if (y == 0) throw Ops.ZeroDivisionError("integer division or modulo by zero");
                if (x == long.MinValue && y == -1) return new PyBigInt(-(BigInteger)x);
                {
                    long q = x / y;
                    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
                    return PyInt.Get(q);
                }
            case BinaryOpCodes.Mod:
                if (y == 0) throw Ops.ZeroDivisionError("integer modulo by zero");
                if (y == -1) return PyInt.Zero;
                {
                    long m = x % y;
                    if (m != 0 && ((m < 0) != (y < 0))) m += y;
                    return PyInt.Get(m);
                }
            case BinaryOpCodes.TrueDiv:
                if (y == 0) throw Ops.ZeroDivisionError("division by zero");
                if (Math.Abs(x) < (1L << 53) && Math.Abs(y) < (1L << 53)) return new PyFloat((double)x / y);
                return TrueDivBig(x, y);
            case BinaryOpCodes.Pow: return Pow(x, y);
            case BinaryOpCodes.LShift:
                if (y < 0) throw Ops.ValueError("negative shift count");
                if (x == 0) return PyInt.Zero;
                if (y < 62 && Math.Abs(x) < (1L << (62 - (int)y))) return PyInt.Get(x << (int)y);
                if (y > int.MaxValue) throw Ops.OverflowError("too many digits in integer");
                return PyInt.FromBig((BigInteger)x << (int)y);
            case BinaryOpCodes.RShift:
                if (y < 0) throw Ops.ValueError("negative shift count");
                return PyInt.Get(y >= 64 ? (x < 0 ? -1 : 0) : x >> (int)y);
            case BinaryOpCodes.And: return PyInt.Get(x & y);
            case BinaryOpCodes.Or: return PyInt.Get(x | y);
            case BinaryOpCodes.Xor: return PyInt.Get(x ^ y);
            default: return null;
        }
    }

    private static PyObject TrueDivBig(BigInteger x, BigInteger y)
    {
        double r = BigFloat.Quotient(x, y);
        if (double.IsInfinity(r)) throw Ops.OverflowError("integer division result too large for a float");
        return new PyFloat(r);
    }

    public static PyObject Pow(long x, long y)
    {
        if (y < 0) return Ops.FloatPow(x, y);
        long result = 1, b = x, e = y;
        try
        {
            while (e > 0)
            {
                if ((e & 1) != 0) result = checked(result * b);
                e >>= 1;
                if (e > 0) b = checked(b * b);
            }
            return PyInt.Get(result);
        }
        catch (OverflowException)
        {
            if (y > int.MaxValue) throw Ops.OverflowError("exponent too large");
            return PyInt.FromBig(BigInteger.Pow(x, (int)y));
        }
    }

    /// <summary>Arithmetic on int-like values (PyInt or PyBigInt).</summary>
    public static PyObject ArithObj(int op, PyObject a, PyObject b)
    {
        if (a is PyInt ia && b is PyInt ib) return Arith(op, ia.Value, ib.Value) ?? throw Ops.TypeError("bad int op");
        BigInteger x = Ops.ToBig(a), y = Ops.ToBig(b);
        switch (op)
        {
            case BinaryOpCodes.Add: return PyInt.FromBig(x + y);
            case BinaryOpCodes.Sub: return PyInt.FromBig(x - y);
            case BinaryOpCodes.Mul: return PyInt.FromBig(x * y);
            case BinaryOpCodes.FloorDiv:
                if (y.IsZero) throw Ops.ZeroDivisionError("integer division or modulo by zero");
                return PyInt.FromBig(FloorDiv(x, y));
            case BinaryOpCodes.Mod:
                if (y.IsZero) throw Ops.ZeroDivisionError("integer modulo by zero");
                return PyInt.FromBig(Mod(x, y));
            case BinaryOpCodes.TrueDiv:
                if (y.IsZero) throw Ops.ZeroDivisionError("division by zero");
                return TrueDivBig(x, y);
            case BinaryOpCodes.Pow:
                if (y.Sign < 0) return Ops.FloatPow(Ops.IntToDouble(a), Ops.IntToDouble(b));
                if (x.IsOne) return PyInt.One;
                if (x.IsZero) return y.IsZero ? PyInt.One : PyInt.Zero;
                if (x == BigInteger.MinusOne) return y.IsEven ? PyInt.One : PyInt.MinusOne;
                if (y > 100_000_000) throw Ops.OverflowError("exponent too large");
                return PyInt.FromBig(BigInteger.Pow(x, (int)y));
            case BinaryOpCodes.LShift:
                if (y.Sign < 0) throw Ops.ValueError("negative shift count");
                if (y > int.MaxValue) throw Ops.OverflowError("too many digits in integer");
                return PyInt.FromBig(x << (int)y);
            case BinaryOpCodes.RShift:
                if (y.Sign < 0) throw Ops.ValueError("negative shift count");
                if (y > int.MaxValue) return x.Sign < 0 ? PyInt.MinusOne : PyInt.Zero;
                return PyInt.FromBig(x >> (int)y);
            case BinaryOpCodes.And: return PyInt.FromBig(x & y);
            case BinaryOpCodes.Or: return PyInt.FromBig(x | y);
            case BinaryOpCodes.Xor: return PyInt.FromBig(x ^ y);
        }
        throw Ops.TypeError("unsupported int operation");
    }

    public static BigInteger FloorDiv(BigInteger x, BigInteger y)
    {
        var q = BigInteger.DivRem(x, y, out var r);
        if (!r.IsZero && (r.Sign < 0) != (y.Sign < 0)) q -= 1;
        return q;
    }

    public static BigInteger Mod(BigInteger x, BigInteger y)
    {
        var r = BigInteger.Remainder(x, y);
        if (!r.IsZero && (r.Sign < 0) != (y.Sign < 0)) r += y;
        return r;
    }

    public static PyObject PowMod(PyObject a, PyObject b, PyObject m)
    {
        BigInteger x = Ops.ToBig(a), y = Ops.ToBig(b), z = Ops.ToBig(m);
        if (z.IsZero) throw Ops.ValueError("pow() 3rd argument cannot be 0");
        if (y.Sign < 0)
        {
            // modular inverse
            var inv = ModInverse(Mod(x, BigInteger.Abs(z)), BigInteger.Abs(z));
            x = inv; y = -y;
        }
        var r = BigInteger.ModPow(x, y, BigInteger.Abs(z));
        if (z.Sign < 0 && !r.IsZero) r += z;
        else if (r.Sign < 0) r += BigInteger.Abs(z);
        return PyInt.FromBig(r);
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger g = m, x = 0, x1 = 1, a1 = a;
        while (!a1.IsZero)
        {
            var q = g / a1;
            (g, a1) = (a1, g - q * a1);
            (x, x1) = (x1, x - q * x1);
        }
        if (!g.IsOne) throw Ops.ValueError("base is not invertible for the given modulus");
        return Mod(x, m);
    }
}

/// <summary>complex arithmetic.</summary>
public static class ComplexOps
{
    public static PyObject? Arith(int op, Complex a, Complex b)
    {
        switch (op)
        {
            case BinaryOpCodes.Add: return Make(a + b);
            case BinaryOpCodes.Sub: return Make(a - b);
            case BinaryOpCodes.Mul: return Make(new Complex(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real));
            case BinaryOpCodes.TrueDiv:
                if (b == Complex.Zero) throw Ops.ZeroDivisionError("complex division by zero");
                return Make(Div(a, b));
            case BinaryOpCodes.Pow:
                if (b == Complex.Zero) return Make(Complex.One);
                if (a == Complex.Zero)
                {
                    if (b.Imaginary != 0 || b.Real < 0) throw Ops.ZeroDivisionError("0.0 to a negative or complex power");
                    return Make(Complex.Zero);
                }
                if (b.Imaginary == 0 && b.Real == Math.Floor(b.Real) && Math.Abs(b.Real) <= 100)
                {
                    int n = (int)b.Real;
                    var r = Complex.One; var x = a;
                    int e = Math.Abs(n);
                    while (e > 0) { if ((e & 1) != 0) r = Mul(r, x); x = Mul(x, x); e >>= 1; }
                    return Make(n < 0 ? Div(Complex.One, r) : r);
                }
                return Make(Complex.Pow(a, b));
            default: return null;
        }
    }

    private static Complex Mul(Complex a, Complex b) => new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    private static Complex Div(Complex a, Complex b)
    {
        // CPython's algorithm (Smith's method).
        double abs_breal = Math.Abs(b.Real), abs_bimag = Math.Abs(b.Imaginary);
        if (abs_breal >= abs_bimag)
        {
            if (abs_breal == 0.0) return new Complex(double.NaN, double.NaN);
            double ratio = b.Imaginary / b.Real;
            double denom = b.Real + b.Imaginary * ratio;
            return new Complex((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }
        else
        {
            double ratio = b.Real / b.Imaginary;
            double denom = b.Real * ratio + b.Imaginary;
            return new Complex((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }
    }

    public static PyComplex Make(Complex c) => new(c.Real, c.Imaginary);
}
