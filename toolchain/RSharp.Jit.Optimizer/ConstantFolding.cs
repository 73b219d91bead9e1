using RSharp.Jit.Traces;
using static RSharp.Jit.Traces.OpSemantics;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// Evaluates pure operations on constants with the exact run-time semantics (those of
/// docs/jit-traces.md: ints wrap on 64 bits, division truncates, shift counts are masked).
/// </summary>
internal static class ConstantFolding
{
    /// <summary>The value of a pure operation on constant arguments, or null if it cannot be folded.</summary>
    public static Const? Fold(OpCode code, IReadOnlyList<Const> a)
    {
        switch (code)
        {
            case >= OpCode.IntAdd and <= OpCode.UintMulHigh:
            {
                long x = I(a[0]), y = I(a[1]);
                // Division by zero raises at run time: leave it to run time.
                if (code is OpCode.IntFloordiv or OpCode.IntMod or OpCode.UintFloordiv && y == 0) return null;
                return new ConstInt(IntBinary(code, x, y));
            }
            case OpCode.IntNeg: return new ConstInt(unchecked(-I(a[0])));
            case OpCode.IntInvert: return new ConstInt(~I(a[0]));
            case OpCode.IntIsTrue: return Bool(I(a[0]) != 0);
            case OpCode.IntIsZero: return Bool(I(a[0]) == 0);
            case OpCode.IntForceGeZero: return new ConstInt(Math.Max(0, I(a[0])));
            case >= OpCode.IntLt and <= OpCode.UintGe: return Bool(IntCompare(code, I(a[0]), I(a[1])));

            case OpCode.FloatAdd: return new ConstFloat(F(a[0]) + F(a[1]));
            case OpCode.FloatSub: return new ConstFloat(F(a[0]) - F(a[1]));
            case OpCode.FloatMul: return new ConstFloat(F(a[0]) * F(a[1]));
            case OpCode.FloatTruediv: return new ConstFloat(F(a[0]) / F(a[1]));
            case OpCode.FloatNeg: return new ConstFloat(-F(a[0]));
            case OpCode.FloatAbs: return new ConstFloat(Math.Abs(F(a[0])));
            case >= OpCode.FloatLt and <= OpCode.FloatGe: return Bool(FloatCompare(code, F(a[0]), F(a[1])));
            case OpCode.CastIntToFloat: return new ConstFloat(I(a[0]));
            case OpCode.CastFloatToInt: return new ConstInt((long)F(a[0]));
            case OpCode.ConvertFloatBytesToLonglong: return new ConstInt(BitConverter.DoubleToInt64Bits(F(a[0])));
            case OpCode.ConvertLonglongBytesToFloat: return new ConstFloat(BitConverter.Int64BitsToDouble(I(a[0])));

            case OpCode.PtrEq: return Bool(ReferenceEquals(((ConstRef)a[0]).Value, ((ConstRef)a[1]).Value));
            case OpCode.PtrNe: return Bool(!ReferenceEquals(((ConstRef)a[0]).Value, ((ConstRef)a[1]).Value));
            case OpCode.SameAsI or OpCode.SameAsF or OpCode.SameAsR: return a[0];
            default: return null;
        }
    }

    /// <summary>The comparison with swapped arguments (<c>a &lt; b</c> is <c>b &gt; a</c>).</summary>
    public static OpCode Swapped(OpCode code) => code switch
    {
        OpCode.IntLt => OpCode.IntGt,
        OpCode.IntGt => OpCode.IntLt,
        OpCode.IntLe => OpCode.IntGe,
        OpCode.IntGe => OpCode.IntLe,
        OpCode.UintLt => OpCode.UintGt,
        OpCode.UintGt => OpCode.UintLt,
        OpCode.UintLe => OpCode.UintGe,
        OpCode.UintGe => OpCode.UintLe,
        _ => code,
    };

    /// <summary>The comparison that is true exactly when <paramref name="code"/> is false.</summary>
    public static OpCode Negated(OpCode code) => code switch
    {
        OpCode.IntLt => OpCode.IntGe,
        OpCode.IntGe => OpCode.IntLt,
        OpCode.IntLe => OpCode.IntGt,
        OpCode.IntGt => OpCode.IntLe,
        OpCode.IntEq => OpCode.IntNe,
        OpCode.IntNe => OpCode.IntEq,
        OpCode.UintLt => OpCode.UintGe,
        OpCode.UintGe => OpCode.UintLt,
        OpCode.UintLe => OpCode.UintGt,
        OpCode.UintGt => OpCode.UintLe,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    public static bool IsCommutative(OpCode code) => code is OpCode.IntAdd or OpCode.IntMul or OpCode.IntAnd
        or OpCode.IntOr or OpCode.IntXor or OpCode.IntEq or OpCode.IntNe or OpCode.FloatAdd or OpCode.FloatMul
        or OpCode.PtrEq or OpCode.PtrNe or OpCode.UintMulHigh or OpCode.IntAddOvf or OpCode.IntMulOvf;

    private static long I(Const c) => ((ConstInt)c).Value;
    private static double F(Const c) => ((ConstFloat)c).Value;
    private static ConstInt Bool(bool b) => new(b ? 1 : 0);
}
