namespace RSharp.Jit.Optimizer;

/// <summary>
/// A closed range of 64-bit integers, [<see cref="Lower"/>, <see cref="Upper"/>] (RPython's
/// <c>IntBound</c> without the known-bits part). The arithmetic is sound for wrapping
/// operations: whenever the true result range might not fit in 64 bits the result is unbounded.
/// </summary>
internal readonly record struct IntBound(long Lower, long Upper)
{
    public static readonly IntBound Unbounded = new(long.MinValue, long.MaxValue);
    public static readonly IntBound Bool = new(0, 1);
    public static readonly IntBound NonNegative = new(0, long.MaxValue);

    public static IntBound Exact(long v) => new(v, v);
    public static IntBound AtLeast(long v) => new(v, long.MaxValue);
    public static IntBound AtMost(long v) => new(long.MinValue, v);

    public bool IsEmpty => Lower > Upper;
    public bool IsConstant => Lower == Upper;
    public bool IsUnbounded => Lower == long.MinValue && Upper == long.MaxValue;
    public bool IsNonNegative => Lower >= 0;
    public bool Contains(long v) => Lower <= v && v <= Upper;
    public bool KnownLessThan(IntBound o) => Upper < o.Lower;
    public bool KnownGreaterOrEqual(IntBound o) => Lower >= o.Upper;

    public IntBound Intersect(IntBound o) => new(Math.Max(Lower, o.Lower), Math.Min(Upper, o.Upper));
    public IntBound Union(IntBound o) => new(Math.Min(Lower, o.Lower), Math.Max(Upper, o.Upper));

    /// <summary>The range of x+y, or unbounded if some sum may wrap.</summary>
    public IntBound Add(IntBound o) =>
        TryAdd(Lower, o.Lower, out long lo) && TryAdd(Upper, o.Upper, out long hi) ? new(lo, hi) : Unbounded;

    /// <summary>The range of x-y, or unbounded if some difference may wrap.</summary>
    public IntBound Sub(IntBound o) =>
        TrySub(Lower, o.Upper, out long lo) && TrySub(Upper, o.Lower, out long hi) ? new(lo, hi) : Unbounded;

    /// <summary>The range of x*y, or unbounded if some product may wrap.</summary>
    public IntBound Mul(IntBound o)
    {
        long min = long.MaxValue, max = long.MinValue;
        foreach (long a in (ReadOnlySpan<long>)[Lower, Upper])
            foreach (long b in (ReadOnlySpan<long>)[o.Lower, o.Upper])
            {
                if (!TryMul(a, b, out long p)) return Unbounded;
                min = Math.Min(min, p);
                max = Math.Max(max, p);
            }
        return new(min, max);
    }

    /// <summary>True if x+y cannot overflow for any x, y in the ranges.</summary>
    public bool AddCannotOverflow(IntBound o) => TryAdd(Lower, o.Lower, out _) && TryAdd(Upper, o.Upper, out _);
    /// <summary>True if x-y cannot overflow.</summary>
    public bool SubCannotOverflow(IntBound o) => TrySub(Lower, o.Upper, out _) && TrySub(Upper, o.Lower, out _);
    /// <summary>True if x*y cannot overflow.</summary>
    public bool MulCannotOverflow(IntBound o)
    {
        foreach (long a in (ReadOnlySpan<long>)[Lower, Upper])
            foreach (long b in (ReadOnlySpan<long>)[o.Lower, o.Upper])
                if (!TryMul(a, b, out _)) return false;
        return true;
    }

    public IntBound Neg() => Lower == long.MinValue ? Unbounded : new(-Upper, -Lower);
    public IntBound Invert() => new(~Upper, ~Lower);

    public IntBound And(IntBound o)
    {
        if (IsNonNegative && o.IsNonNegative) return new(0, Math.Min(Upper, o.Upper));
        if (IsNonNegative) return new(0, Upper);
        if (o.IsNonNegative) return new(0, o.Upper);
        return Unbounded;
    }

    /// <summary>x|y and x^y of non-negative values stay below the next power of two.</summary>
    public IntBound OrXor(IntBound o)
    {
        if (!IsNonNegative || !o.IsNonNegative) return Unbounded;
        long max = Math.Max(Upper, o.Upper);
        long mask = max == 0 ? 0 : (long)((1UL << (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)max))) - 1);
        return new(0, mask);
    }

    public IntBound Rshift(IntBound count)
    {
        if (!count.IsConstant || count.Lower is < 0 or > 63) return Unbounded;
        int k = (int)count.Lower;
        return new(Lower >> k, Upper >> k);
    }

    public IntBound UintRshift(IntBound count)
    {
        if (!count.IsConstant || count.Lower is < 1 or > 63) return IsNonNegative && count.IsConstant && count.Lower == 0 ? this : Unbounded;
        int k = (int)count.Lower;
        return IsNonNegative ? new(Lower >> k, Upper >> k) : new(0, (long)(ulong.MaxValue >> k));
    }

    public IntBound Lshift(IntBound count)
    {
        if (!count.IsConstant || count.Lower is < 0 or > 63) return Unbounded;
        int k = (int)count.Lower;
        long lo = Lower << k, hi = Upper << k;
        return (lo >> k) == Lower && (hi >> k) == Upper ? new(lo, hi) : Unbounded;
    }

    /// <summary>Truncating division by a positive constant is monotone.</summary>
    public IntBound FloorDiv(IntBound divisor) =>
        divisor.IsConstant && divisor.Lower > 0 ? new(Lower / divisor.Lower, Upper / divisor.Lower) : Unbounded;

    /// <summary>C-style remainder: |x % c| &lt; |c|, with the sign of x.</summary>
    public IntBound Mod(IntBound divisor)
    {
        if (!divisor.IsConstant || divisor.Lower is 0 or long.MinValue) return Unbounded;
        long m = Math.Abs(divisor.Lower) - 1;
        if (IsNonNegative) return new(0, Math.Min(m, Upper));
        if (Upper <= 0) return new(Math.Max(-m, Lower), 0);
        return new(-m, m);
    }

    public override string ToString() => IsConstant ? $"[{Lower}]" : $"[{Lower}, {Upper}]";

    private static bool TryAdd(long a, long b, out long r) { r = unchecked(a + b); return ((a ^ r) & (b ^ r)) >= 0; }
    private static bool TrySub(long a, long b, out long r) { r = unchecked(a - b); return ((a ^ b) & (a ^ r)) >= 0; }
    private static bool TryMul(long a, long b, out long r)
    {
        long high = Math.BigMul(a, b, out r);
        return high == (r >> 63);
    }
}
