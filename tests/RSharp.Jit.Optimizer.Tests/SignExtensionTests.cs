namespace RSharp.Jit.Optimizer.Tests;

/// <summary>
/// The tracer re-sign-extends 32-bit results with <c>int_rshift(int_lshift(x, 32), 32)</c>;
/// intbounds removes the pair when x's range already fits in 32 bits.
/// </summary>
public class SignExtensionTests
{
    private const string Opts = "intbounds:rewrite";
    private static Func<object?[]> Ints(params long[] xs) => () => xs.Cast<object?>().ToArray();

    [Test]
    public void PairOnAMaskedValuePlusOneIsRemoved()
    {
        T.Check("""
            [i0]
            i1 = int_and(i0, 255)
            i2 = int_add(i1, 1)
            i3 = int_lshift(i2, 32)
            i4 = int_rshift(i3, 32)
            i5 = int_mul(i4, 3)
            finish(i5)
            """, """
            [i0]
            i1 = int_and(i0, 255)
            i2 = int_add(i1, 1)
            i3 = int_mul(i2, 3)
            finish(i3)
            """, Opts, Ints(254), Ints(-1), Ints(long.MaxValue));
    }

    [Test]
    public void PairIsRemovedOnceGuardsBoundTheValue()
    {
        // The bounds-check idiom: 0 <= i0 < i1 with i1 an array length, so i0 + 1 fits.
        T.Check("""
            [i0, p1]
            i2 = arraylen_gc(p1, descr=<Array Int64[]>)
            i3 = uint_lt(i0, i2)
            guard_true(i3) [i0]
            i4 = int_add(i0, 1)
            i5 = int_lshift(i4, 32)
            i6 = int_rshift(i5, 32)
            i7 = int_sub(i6, 1)
            i8 = int_lshift(i7, 32)
            i9 = int_rshift(i8, 32)
            finish(i9)
            """, """
            [i0, p1]
            i2 = arraylen_gc(p1, descr=<Array Int64[]>)
            i3 = uint_lt(i0, i2)
            guard_true(i3) [i0]
            i4 = int_add(i0, 1)
            i5 = int_sub(i4, 1)
            finish(i5)
            """, Opts, () => [2L, new long[3]], () => [5L, new long[3]], () => [-1L, new long[3]]);
    }

    [Test]
    public void ComparisonsFieldsAndConstantsNeedNoExtension()
    {
        T.Check("""
            [i0, i1, p2]
            i3 = int_lt(i0, i1)
            i4 = int_lshift(i3, 32)
            i5 = int_rshift(i4, 32)
            i6 = getfield_gc_i(p2, descr=<Field Node.small>)
            i7 = int_sub(i6, 300)
            i8 = int_lshift(i7, 32)
            i9 = int_rshift(i8, 32)
            i10 = int_add(i5, i9)
            finish(i10)
            """, """
            [i0, i1, p2]
            i3 = int_lt(i0, i1)
            i4 = getfield_gc_i(p2, descr=<Field Node.small>)
            i5 = int_sub(i4, 300)
            i6 = int_add(i3, i5)
            finish(i6)
            """, Opts, () => [1L, 2L, new Node { small = 200 }], () => [3L, 2L, new Node { small = 0 }]);
    }

    [Test]
    public void ExtendingAnExtendedValueAgainIsRemoved()
    {
        T.Check("""
            [i0]
            i1 = int_lshift(i0, 32)
            i2 = int_rshift(i1, 32)
            i3 = int_lshift(i2, 32)
            i4 = int_rshift(i3, 32)
            finish(i4)
            """, """
            [i0]
            i1 = int_lshift(i0, 32)
            i2 = int_rshift(i1, 32)
            finish(i2)
            """, Opts, Ints(1L << 40 | 5), Ints(-7), Ints(0x80000000));
    }

    [Test]
    public void PairOnAValueThatMayNotFitStays()
    {
        // int.MaxValue + 1 must wrap to int.MinValue: the extension is needed.
        const string trace = """
            [i0]
            i1 = int_lt(i0, 2147483648)
            guard_true(i1) [i0]
            i2 = int_ge(i0, 0)
            guard_true(i2) [i0]
            i3 = int_add(i0, 1)
            i4 = int_lshift(i3, 32)
            i5 = int_rshift(i4, 32)
            finish(i5)
            """;
        T.Check(trace, trace, Opts, Ints(2147483647), Ints(5));
    }

    [Test]
    public void OtherShiftCountsAndMismatchedPairsFollowTheirOwnWidth()
    {
        // A 16-bit extension (48) is removed for 15-bit values only; lshift 32 with rshift 31 is no extension.
        T.Check("""
            [i0]
            i1 = int_and(i0, 32767)
            i2 = int_lshift(i1, 48)
            i3 = int_rshift(i2, 48)
            i4 = int_and(i0, 65535)
            i5 = int_lshift(i4, 48)
            i6 = int_rshift(i5, 48)
            i7 = int_lshift(i1, 32)
            i8 = int_rshift(i7, 31)
            finish(i3, i6, i8)
            """, """
            [i0]
            i1 = int_and(i0, 32767)
            i2 = int_and(i0, 65535)
            i3 = int_lshift(i2, 48)
            i4 = int_rshift(i3, 48)
            i5 = int_lshift(i1, 32)
            i6 = int_rshift(i5, 31)
            finish(i1, i4, i6)
            """, Opts, Ints(-1), Ints(40000), Ints(123));
    }

    [Test]
    public void ShiftUsedElsewhereIsKept()
    {
        T.Check("""
            [i0]
            i1 = int_and(i0, 255)
            i2 = int_lshift(i1, 32)
            guard_true(i0) [i2]
            i3 = int_rshift(i2, 32)
            finish(i3, i2)
            """, """
            [i0]
            i1 = int_and(i0, 255)
            i2 = int_lshift(i1, 32)
            guard_true(i0) [i2]
            finish(i1, i2)
            """, Opts, Ints(300), Ints(0));
    }

    [Test]
    public void ExtensionAfterAnOverflowCheckedAddIsRemoved()
    {
        // int_add_ovf of two 32-bit values cannot overflow 64 bits: no guard, and the sum of two
        // small values needs no extension either.
        T.Check("""
            [i0, i1]
            i2 = int_and(i0, 65535)
            i3 = int_and(i1, 65535)
            i4 = int_add_ovf(i2, i3)
            guard_no_overflow() [i0]
            i5 = int_lshift(i4, 32)
            i6 = int_rshift(i5, 32)
            finish(i6)
            """, """
            [i0, i1]
            i2 = int_and(i0, 65535)
            i3 = int_and(i1, 65535)
            i4 = int_add(i2, i3)
            finish(i4)
            """, "all", Ints(-1, -1), Ints(7, 9));
    }
}
