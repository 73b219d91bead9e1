using System.Numerics;
using PySharp.Compiler;
using PySharp.Formatting;

namespace PySharp.Interpreter;

public static partial class Ops
{
    internal static readonly string[] BinNames = ["__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__", "__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__", "__floordiv__"];
    internal static readonly string[] BinRNames = ["__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__", "__rpow__", "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__", "__rfloordiv__"];
    internal static readonly string[] BinINames = ["__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__", "__ifloordiv__"];
    internal static readonly string[] BinSymbols = ["+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"];

    /// <summary>The int value of an int-like object (int, bool, int subclass instance), or null.</summary>
    public static PyObject? IntValue(PyObject o) => o switch
    {
        PyInt => o,
        PyBigInt => o,
        PyBool b => b.Value ? PyInt.One : PyInt.Zero,
        PyInstance { BaseValue: PyInt or PyBigInt } i => i.BaseValue,
        _ => null,
    };

    public static BigInteger ToBig(PyObject intLike) => intLike is PyInt i ? i.Value : ((PyBigInt)intLike).Value;

    public static double? FloatValue(PyObject o) => o switch
    {
        PyFloat f => f.Value,
        PyInstance { BaseValue: PyFloat f } => f.Value,
        _ => null,
    };

    public static double IntToDouble(PyObject intLike)
    {
        if (intLike is PyInt i) return i.Value;
        var b = ((PyBigInt)intLike).Value;
        double d = BigFloat.ToDouble(b);
        if (double.IsInfinity(d)) throw OverflowError("int too large to convert to float");
        return d;
    }

    public static PyObject BinaryOp(PyObject a, PyObject b, int op)
    {
        if (a is PyInt ia && b is PyInt ib)
        {
            var r = IntOps.Arith(op & 15, ia.Value, ib.Value);
            if (r != null) return r;
        }
        else if (a is PyFloat fa && b is PyFloat fb)
        {
            var r = FloatArith(op & 15, fa.Value, fb.Value);
            if (r != null) return r;
        }
        else if (a is PyStr sa && b is PyStr sb && (op & 15) == BinaryOpCodes.Add)
            return PyStr.Concat(sa, sb);
        if (op >= BinaryOpCodes.Inplace)
        {
            op -= BinaryOpCodes.Inplace;
            if (a is PyList la && op == BinaryOpCodes.Add) { ListExtend(la, b); return la; }
            if (a is PyInstance)
            {
                var im = a.Type.Lookup(BinINames[op]);
                if (im != null)
                {
                    var r = CallMethod(im, a, b);
                    if (r != PyNotImplemented.Instance) return r;
                }
            }
            else if (a is PyList l2 && op == BinaryOpCodes.Mul)
            {
                var r = SeqOps.ListMul(l2, b);
                if (r != null) { l2.Items = ((PyList)r).Items; l2.Count = ((PyList)r).Count; return l2; }
            }
            else if (a is PySet s && op is BinaryOpCodes.Or or BinaryOpCodes.And or BinaryOpCodes.Sub or BinaryOpCodes.Xor && b is PySet)
            {
                var im = a.Type.Lookup(BinINames[op]);
                if (im != null) return CallMethod(im, a, b);
            }
            else if (a is PyDict && op == BinaryOpCodes.Or)
            {
                var im = a.Type.Lookup("__ior__");
                if (im != null) return CallMethod(im, a, b);
            }
            return BinaryDispatch(a, b, op, inplace: true);
        }
        return BinaryDispatch(a, b, op);
    }

    public static PyObject BinaryDispatch(PyObject a, PyObject b, int op, bool inplace = false)
    {
        var r = TryBinary(a, b, BinNames[op], BinRNames[op]);
        if (r != null) return r;
        if (op == BinaryOpCodes.Mul)
        {
            bool IsSeq(PyObject o) => o is PyStr or PyList or PyTuple or PyBytes or PyByteArray || o is PyInstance { BaseValue: PyStr or PyList or PyTuple or PyBytes };
            if (IsSeq(a) && IntValue(b) == null) throw TypeError($"can't multiply sequence by non-int of type '{TypeName(b)}'");
            if (IsSeq(b) && IntValue(a) == null) throw TypeError($"can't multiply sequence by non-int of type '{TypeName(a)}'");
        }
        // The in-place forms name their statement's operator (+=, **=).
        string symbol = inplace ? (op == BinaryOpCodes.Pow ? "**" : BinSymbols[op]) + "=" : BinSymbols[op];
        throw TypeError($"unsupported operand type(s) for {symbol}: '{TypeName(a)}' and '{TypeName(b)}'");
    }

    /// <summary>The binary-operator protocol with reflected methods and NotImplemented; null when both sides decline.</summary>
    public static PyObject? TryBinary(PyObject a, PyObject b, string name, string rname)
    {
        var ta = a.Type; var tb = b.Type;
        var fa = ta.Lookup(name);
        PyObject? fb = null;
        if (tb != ta)
        {
            fb = tb.Lookup(rname);
            if (fb != null && tb.IsSubtypeOf(ta) && fb != ta.Lookup(rname))
            {
                var r = CallMethod(fb, b, a);
                if (r != PyNotImplemented.Instance) return r;
                fb = null;
            }
        }
        if (fa != null)
        {
            var r = CallMethod(fa, a, b);
            if (r != PyNotImplemented.Instance) return r;
        }
        if (fb != null)
        {
            var r = CallMethod(fb, b, a);
            if (r != PyNotImplemented.Instance) return r;
        }
        return null;
    }

    public static PyObject? FloatArith(int op, double x, double y)
    {
        try
        {
            switch (op)
            {
                case BinaryOpCodes.Add: return new PyFloat(x + y);
                case BinaryOpCodes.Sub: return new PyFloat(x - y);
                case BinaryOpCodes.Mul: return new PyFloat(x * y);
                case BinaryOpCodes.TrueDiv:
                    if (y == 0) throw ZeroDivisionError("float division by zero");
                    return new PyFloat(x / y);
                case BinaryOpCodes.FloorDiv:
                    if (y == 0) throw ZeroDivisionError("float floor division by zero");
                    return new PyFloat(FloatOps.FloorDivide(x, y));
                case BinaryOpCodes.Mod:
                    if (y == 0) throw ZeroDivisionError("float modulo");
                    return new PyFloat(FloatOps.Modulo(x, y));
                case BinaryOpCodes.Pow: return FloatPow(x, y);
                default: return null;
            }
        }
        catch (PyNumericException e) { throw FromNumeric(e); }
    }

    public static PyObject FloatPow(double x, double y)
    {
        if (x == 0 && y < 0) throw ZeroDivisionError("0.0 cannot be raised to a negative power");
        if (x < 0 && y != Math.Floor(y) && double.IsFinite(y))
        {
            var c = Complex.Pow(new Complex(x, 0), new Complex(y, 0));
            return new PyComplex(c.Real, c.Imaginary);
        }
        if (x == 1.0 || y == 0.0) return new PyFloat(1.0);
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y)) throw OverflowError("(34, 'Numerical result out of range')");
        return new PyFloat(r);
    }

    /// <summary>Arithmetic between numbers of builtin numeric types (int-like, float, complex); null if not applicable.</summary>
    public static PyObject? NumericArith(int op, PyObject a, PyObject b)
    {
        var ia = IntValue(a); var ib = IntValue(b);
        if (ia != null && ib != null) return IntOps.ArithObj(op, ia, ib);
        if (a is PyComplex || b is PyComplex || a is PyInstance { BaseValue: PyComplex } || b is PyInstance { BaseValue: PyComplex })
        {
            var ca = ComplexValue(a); var cb = ComplexValue(b);
            if (ca == null || cb == null) return null;
            return ComplexOps.Arith(op, ca.Value, cb.Value);
        }
        double? fa = ia != null ? IntToDouble(ia) : FloatValue(a);
        double? fb = ib != null ? IntToDouble(ib) : FloatValue(b);
        if (fa == null || fb == null) return null;
        return FloatArith(op, fa.Value, fb.Value);
    }

    public static Complex? ComplexValue(PyObject o)
    {
        if (o is PyComplex c) return new Complex(c.Real, c.Imag);
        if (o is PyInstance { BaseValue: PyComplex bc }) return new Complex(bc.Real, bc.Imag);
        var i = IntValue(o);
        if (i != null) return new Complex(IntToDouble(i), 0);
        var f = FloatValue(o);
        if (f != null) return new Complex(f.Value, 0);
        return null;
    }

    // ---- unary ----
    public static PyObject Negative(PyObject a)
    {
        if (a is PyInt i) return i.Value == long.MinValue ? new PyBigInt(-(BigInteger)i.Value) : PyInt.Get(-i.Value);
        if (a is PyFloat f) return new PyFloat(-f.Value);
        return UnaryDunder(a, "__neg__", "-");
    }

    public static PyObject Positive(PyObject a)
    {
        if (a is PyInt || a is PyFloat) return a;
        return UnaryDunder(a, "__pos__", "+");
    }

    public static PyObject Invert(PyObject a)
    {
        if (a is PyInt i) return PyInt.Get(~i.Value);
        return UnaryDunder(a, "__invert__", "~");
    }

    public static PyObject UnaryDunder(PyObject a, string name, string sym)
    {
        var m = a.Type.Lookup(name);
        if (m == null) throw TypeError($"bad operand type for unary {sym}: '{TypeName(a)}'");
        return CallMethod(m, a);
    }

    // ---- comparisons ----
    internal static readonly string[] CmpNames = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    internal static readonly int[] CmpSwapped = [0, 1, 4, 5, 2, 3];
    internal static readonly string[] CmpSymbols = ["==", "!=", "<", "<=", ">", ">="];

    public static bool EqBool(PyObject a, PyObject b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is PyStr sa && b is PyStr sb) return sa.Value == sb.Value;
        if (a is PyInt ia && b is PyInt ib) return ia.Value == ib.Value;
        return IsTrue(RichCompare(a, b, 0));
    }

    public static PyObject RichCompare(PyObject a, PyObject b, int op)
    {
        if (a is PyInt ia && b is PyInt ib) return PyBool.Of(CmpLong(ia.Value, ib.Value, op));
        if (a is PyFloat fa && b is PyFloat fb) return PyBool.Of(CmpDouble(fa.Value, fb.Value, op));
        if (a is PyStr sa && b is PyStr sb) return PyBool.Of(CmpInt(StrOps.Compare(sa.Value, sb.Value), op));
        var ta = a.Type; var tb = b.Type;
        bool checkedReverse = false;
        if (ta != tb && tb.IsSubtypeOf(ta))
        {
            var rf = tb.Lookup(CmpNames[CmpSwapped[op]]);
            if (rf != null)
            {
                checkedReverse = true;
                var r = CallMethod(rf, b, a);
                if (r != PyNotImplemented.Instance) return r;
            }
        }
        var f = ta.Lookup(CmpNames[op]);
        if (f != null)
        {
            var r = CallMethod(f, a, b);
            if (r != PyNotImplemented.Instance) return r;
        }
        if (!checkedReverse)
        {
            var rf = tb.Lookup(CmpNames[CmpSwapped[op]]);
            if (rf != null)
            {
                var r = CallMethod(rf, b, a);
                if (r != PyNotImplemented.Instance) return r;
            }
        }
        if (op == 0) return PyBool.Of(ReferenceEquals(a, b));
        if (op == 1) return PyBool.Of(!ReferenceEquals(a, b));
        throw TypeError($"'{CmpSymbols[op]}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool CmpLong(long x, long y, int op) => op switch
    {
        0 => x == y, 1 => x != y, 2 => x < y, 3 => x <= y, 4 => x > y, _ => x >= y,
    };

    public static bool CmpDouble(double x, double y, int op) => op switch
    {
        0 => x == y, 1 => x != y, 2 => x < y, 3 => x <= y, 4 => x > y, _ => x >= y,
    };

    public static bool CmpInt(int c, int op) => op switch
    {
        0 => c == 0, 1 => c != 0, 2 => c < 0, 3 => c <= 0, 4 => c > 0, _ => c >= 0,
    };

    public static bool LessThan(PyObject a, PyObject b)
    {
        if (a is PyInt ia && b is PyInt ib) return ia.Value < ib.Value;
        if (a is PyStr sa && b is PyStr sb) return StrOps.Compare(sa.Value, sb.Value) < 0;
        if (a is PyFloat fa && b is PyFloat fb) return fa.Value < fb.Value;
        return IsTrue(RichCompare(a, b, 2));
    }

    /// <summary>Comparison among builtin numbers (int-like, float); null when not both numbers.</summary>
    public static PyObject? NumericCompare(PyObject a, PyObject b, int op)
    {
        var ia = IntValue(a); var ib = IntValue(b);
        if (ia != null && ib != null)
        {
            if (ia is PyInt x && ib is PyInt y) return PyBool.Of(CmpLong(x.Value, y.Value, op));
            return PyBool.Of(CmpInt(ToBig(ia).CompareTo(ToBig(ib)), op));
        }
        double? fa = FloatValue(a), fb = FloatValue(b);
        if (fa != null && fb != null) return PyBool.Of(CmpDouble(fa.Value, fb.Value, op));
        if (fa != null && ib != null) return PyBool.Of(CmpFloatInt(fa.Value, ib, op));
        if (ia != null && fb != null) return PyBool.Of(CmpFloatInt(fb.Value, ia, CmpSwapped[op]));
        if ((a is PyComplex || b is PyComplex) && op <= 1)
        {
            var ca = ComplexValue(a); var cb = ComplexValue(b);
            if (ca == null || cb == null) return null;
            return PyBool.Of((ca.Value == cb.Value) == (op == 0));
        }
        return null;
    }

    private static bool CmpFloatInt(double f, PyObject i, int op)
    {
        if (double.IsNaN(f)) return op == 1;
        if (double.IsInfinity(f)) return CmpInt(f > 0 ? 1 : -1, op);
        if (i is PyInt si && Math.Abs(si.Value) < (1L << 53)) return CmpDouble(f, si.Value, op);
        // Exact comparison through the integer part.
        double fl = Math.Floor(f);
        var bf = new BigInteger(fl);
        int c = bf.CompareTo(ToBig(i));
        if (c == 0 && f != fl) c = 1;
        return CmpInt(c, op);
    }
}
