namespace RSharp.Jit.Traces;

/// <summary>
/// What the pure integer and float operations compute, on concrete values: one definition
/// shared by everything that evaluates operations (the trace-interpreting backend, constant
/// folding in the optimizer). The CIL backend emits the same semantics as IL.
/// </summary>
public static class OpSemantics
{
    /// <summary>The result of a binary int operation (int_add ... uint_mul_high) on 64-bit machine ints.</summary>
    public static long IntBinary(OpCode code, long x, long y) => code switch
    {
        OpCode.IntAdd => unchecked(x + y),
        OpCode.IntSub => unchecked(x - y),
        OpCode.IntMul => unchecked(x * y),
        // long.MinValue / -1 traps in .NET; the wrapped result is what the machine means.
        OpCode.IntFloordiv => y == -1 ? unchecked(-x) : x / y,
        OpCode.IntMod => y == -1 ? 0 : x % y,
        OpCode.IntAnd => x & y,
        OpCode.IntOr => x | y,
        OpCode.IntXor => x ^ y,
        // Shift counts are masked to 0..63, as .NET (and x86) do; RPython leaves others undefined.
        OpCode.IntLshift => x << (int)y,
        OpCode.IntRshift => x >> (int)y,
        OpCode.UintRshift => (long)((ulong)x >> (int)y),
        OpCode.UintFloordiv => (long)((ulong)x / (ulong)y),
        OpCode.UintMulHigh => (long)Math.BigMul((ulong)x, (ulong)y, out _),
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>The result of an int comparison (int_lt ... uint_ge).</summary>
    public static bool IntCompare(OpCode code, long x, long y) => code switch
    {
        OpCode.IntLt => x < y,
        OpCode.IntLe => x <= y,
        OpCode.IntEq => x == y,
        OpCode.IntNe => x != y,
        OpCode.IntGt => x > y,
        OpCode.IntGe => x >= y,
        OpCode.UintLt => (ulong)x < (ulong)y,
        OpCode.UintLe => (ulong)x <= (ulong)y,
        OpCode.UintGt => (ulong)x > (ulong)y,
        OpCode.UintGe => (ulong)x >= (ulong)y,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>The result of a float comparison (float_lt ... float_ge).</summary>
    public static bool FloatCompare(OpCode code, double x, double y) => code switch
    {
        OpCode.FloatLt => x < y,
        OpCode.FloatLe => x <= y,
        OpCode.FloatEq => x == y,
        OpCode.FloatNe => x != y,
        OpCode.FloatGt => x > y,
        OpCode.FloatGe => x >= y,
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>The wrapped result, and whether the true result does not fit in 64 bits.</summary>
    public static long IntOvf(OpCode code, long x, long y, out bool overflowed)
    {
        long result;
        switch (code)
        {
            case OpCode.IntAddOvf:
                result = unchecked(x + y);
                overflowed = ((x ^ result) & (y ^ result)) < 0;
                return result;
            case OpCode.IntSubOvf:
                result = unchecked(x - y);
                overflowed = ((x ^ y) & (x ^ result)) < 0;
                return result;
            case OpCode.IntMulOvf:
                long high = Math.BigMul(x, y, out result);
                overflowed = high != (result >> 63);
                return result;
            default:
                throw new ArgumentOutOfRangeException(nameof(code));
        }
    }
}
