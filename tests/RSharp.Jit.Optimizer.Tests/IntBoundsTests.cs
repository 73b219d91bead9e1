namespace RSharp.Jit.Optimizer.Tests;

/// <summary>The intbounds pass (with rewrite, which removes the guards it decides).</summary>
public class IntBoundsTests
{
    private const string Opts = "intbounds:rewrite";
    private static Func<object?[]> Ints(params long[] xs) => () => xs.Cast<object?>().ToArray();

    [Test]
    public void ImpliedComparisonGuardIsRemoved()
    {
        T.Check("""
            [i0]
            i1 = int_lt(i0, 5)
            guard_true(i1) [i0]
            i2 = int_lt(i0, 10)
            guard_true(i2) [i0]
            i3 = int_ge(i0, 5)
            guard_false(i3) [i0]
            finish(i0)
            """, """
            [i0]
            i1 = int_lt(i0, 5)
            guard_true(i1) [i0]
            finish(i0)
            """, Opts, Ints(3), Ints(7), Ints(long.MinValue));
    }

    [Test]
    public void LowerAndUpperBoundsCombine()
    {
        T.Check("""
            [i0]
            i1 = int_ge(i0, 0)
            guard_true(i1) [i0]
            i2 = int_le(i0, 100)
            guard_true(i2) [i0]
            i3 = int_gt(i0, -1)
            i4 = int_lt(i0, 101)
            i5 = uint_lt(i0, 200)
            i6 = int_eq(i0, 500)
            finish(i3, i4, i5, i6)
            """, """
            [i0]
            i1 = int_ge(i0, 0)
            guard_true(i1) [i0]
            i2 = int_le(i0, 100)
            guard_true(i2) [i0]
            finish(1, 1, 1, 0)
            """, Opts, Ints(50), Ints(-1), Ints(101));
    }

    [Test]
    public void GuardThatContradictsTheBoundsMakesTheTraceInvalid()
    {
        Assert.Throws<InvalidLoopException>(() => T.Optimize(T.Registry(), """
            [i0]
            i1 = int_lt(i0, 5)
            guard_true(i1) [i0]
            i2 = int_gt(i0, 10)
            guard_true(i2) [i0]
            finish(i0)
            """, Opts));
    }

    [Test]
    public void AddOvfWithinBoundsBecomesAddWithoutGuard()
    {
        T.Check("""
            [i0]
            i1 = int_lt(i0, 1000)
            guard_true(i1) [i0]
            i2 = int_gt(i0, -1000)
            guard_true(i2) [i0]
            i3 = int_add_ovf(i0, 1)
            guard_no_overflow() [i0]
            i4 = int_mul_ovf(i3, 1000)
            guard_no_overflow() [i0]
            i5 = int_sub_ovf(i4, i0)
            guard_no_overflow() [i0]
            finish(i5)
            """, """
            [i0]
            i1 = int_lt(i0, 1000)
            guard_true(i1) [i0]
            i2 = int_gt(i0, -1000)
            guard_true(i2) [i0]
            i3 = int_add(i0, 1)
            i4 = int_mul(i3, 1000)
            i5 = int_sub(i4, i0)
            finish(i5)
            """, Opts, Ints(999), Ints(-999), Ints(2000));
    }

    [Test]
    public void AddOvfWithoutBoundsKeepsItsGuard()
    {
        const string text = """
            [i0]
            i1 = int_add_ovf(i0, 1)
            guard_no_overflow() [i0]
            finish(i1)
            """;
        T.Check(text, text, Opts, Ints(long.MaxValue), Ints(1));
    }

    [Test]
    public void ResultOfANonOverflowingOvfIsBoundedAfterItsGuard()
    {
        // i0 >= 0 and i1 = i0 + 1 did not overflow, so i1 >= 1 and i1 > 0 is known.
        T.Check("""
            [i0]
            i1 = int_ge(i0, 0)
            guard_true(i1) [i0]
            i2 = int_add_ovf(i0, i0)
            guard_no_overflow() [i0]
            i3 = int_gt(i2, -1)
            finish(i3)
            """, """
            [i0]
            i1 = int_ge(i0, 0)
            guard_true(i1) [i0]
            i2 = int_add_ovf(i0, i0)
            guard_no_overflow() [i0]
            finish(1)
            """, Opts, Ints(5), Ints(long.MaxValue));
    }

    [Test]
    public void BoundsFollowArithmetic()
    {
        T.Check("""
            [i0, i1]
            i2 = int_and(i0, 255)
            i3 = int_lt(i2, 256)
            i4 = int_mod(i1, 10)
            i5 = int_lt(i4, 10)
            i6 = int_gt(i4, -10)
            i7 = uint_rshift(i0, 60)
            i8 = int_le(i7, 15)
            i9 = int_add(i2, i7)
            i10 = int_lt(i9, 271)
            i11 = int_is_true(i10)
            finish(i3, i5, i6, i8, i11)
            """, """
            [i0, i1]
            i2 = int_and(i0, 255)
            i3 = int_mod(i1, 10)
            i4 = uint_rshift(i0, 60)
            i5 = int_add(i2, i4)
            finish(1, 1, 1, 1, 1)
            """, Opts, Ints(-1, long.MinValue), Ints(1234567, -19));
    }

    [Test]
    public void FieldAndLengthRangesComeFromTypes()
    {
        T.Check("""
            [p0, p1]
            i2 = getfield_gc_i(p0, descr=<Field Node.small>)
            i3 = int_lt(i2, 256)
            i4 = arraylen_gc(p1, descr=<Array Int64[]>)
            i5 = int_ge(i4, 0)
            i6 = int_add_ovf(i4, i2)
            guard_no_overflow() []
            finish(i3, i5, i6)
            """, """
            [p0, p1]
            i2 = getfield_gc_i(p0, descr=<Field Node.small>)
            i3 = arraylen_gc(p1, descr=<Array Int64[]>)
            i4 = int_add(i3, i2)
            finish(1, 1, i4)
            """, Opts, () => [new Node { small = 200 }, new long[3]]);
    }

    [Test]
    public void BoundsPropagateBackwardThroughAddOfAConstant()
    {
        // i1 = i0 + 1 < 10 means i0 < 9.
        T.Check("""
            [i0]
            i1 = int_add(i0, 1)
            i2 = int_lt(i1, 10)
            guard_true(i2) [i0]
            i3 = int_gt(i1, -100)
            guard_true(i3) [i0]
            i4 = int_lt(i0, 9)
            finish(i4)
            """, """
            [i0]
            i1 = int_add(i0, 1)
            i2 = int_lt(i1, 10)
            guard_true(i2) [i0]
            i3 = int_gt(i1, -100)
            guard_true(i3) [i0]
            finish(1)
            """, Opts, Ints(5), Ints(20), Ints(long.MaxValue));
    }

    [Test]
    public void UnsignedBoundsCheckGivesBothSides()
    {
        // uint_lt(i, n) with 0 <= n is the bounds-check idiom: 0 <= i (i < n is a relation, which ranges do not keep).
        T.Check("""
            [i0, p1]
            i2 = arraylen_gc(p1, descr=<Array Int64[]>)
            i3 = uint_lt(i0, i2)
            guard_true(i3) [i0]
            i4 = int_ge(i0, 0)
            guard_true(i4) [i0]
            i5 = int_lt(i0, i2)
            finish(i5)
            """, """
            [i0, p1]
            i2 = arraylen_gc(p1, descr=<Array Int64[]>)
            i3 = uint_lt(i0, i2)
            guard_true(i3) [i0]
            i4 = int_lt(i0, i2)
            finish(i4)
            """, Opts, () => [2L, new long[5]], () => [-1L, new long[5]], () => [7L, new long[5]]);
    }

    [Test]
    public void GuardEqualityMakesAConstant()
    {
        T.Check("""
            [i0]
            i1 = int_eq(i0, 42)
            guard_true(i1) [i0]
            i2 = int_add(i0, 1)
            finish(i2)
            """, """
            [i0]
            i1 = int_eq(i0, 42)
            guard_true(i1) [i0]
            finish(43)
            """, Opts, Ints(42), Ints(41));
    }

    [Test]
    public void NonZeroValueIsTrue()
    {
        T.Check("""
            [i0]
            i1 = int_gt(i0, 3)
            guard_true(i1) [i0]
            i2 = int_is_true(i0)
            i3 = int_is_zero(i0)
            finish(i2, i3)
            """, """
            [i0]
            i1 = int_gt(i0, 3)
            guard_true(i1) [i0]
            finish(1, 0)
            """, Opts, Ints(4), Ints(0));
    }

    [Test]
    public void IntBoundArithmeticIsSoundOnSamples()
    {
        // Every sampled pair in the argument ranges gives a result in the computed range.
        var rng = new Random(77);
        long[] edges = [long.MinValue, long.MinValue + 1, -1000, -1, 0, 1, 7, 1000, long.MaxValue - 1, long.MaxValue];
        for (int round = 0; round < 400; round++)
        {
            long a1 = edges[rng.Next(edges.Length)], a2 = edges[rng.Next(edges.Length)];
            long b1 = edges[rng.Next(edges.Length)], b2 = edges[rng.Next(edges.Length)];
            var a = new IntBound(Math.Min(a1, a2), Math.Max(a1, a2));
            var b = new IntBound(Math.Min(b1, b2), Math.Max(b1, b2));
            foreach (long x in new[] { a.Lower, a.Upper, Mid(a) })
                foreach (long y in new[] { b.Lower, b.Upper, Mid(b) })
                {
                    Assert.That(a.Add(b).Contains(unchecked(x + y)) || WrapsAdd(x, y) && a.Add(b).IsUnbounded, $"{a}+{b} for {x},{y}");
                    Assert.That(a.Sub(b).Contains(unchecked(x - y)), $"{a}-{b} for {x},{y}");
                    Assert.That(a.Mul(b).Contains(unchecked(x * y)), $"{a}*{b} for {x},{y}");
                    Assert.That(a.And(b).Contains(x & y), $"{a}&{b}");
                    Assert.That(a.OrXor(b).Contains(x | y) && a.OrXor(b).Contains(x ^ y), $"{a}|{b}");
                    if (b.IsConstant && b.Lower != 0) Assert.That(a.Mod(b).Contains(y == -1 ? 0 : x % y), $"{a}%{b}");
                    if (a.AddCannotOverflow(b)) Assert.That(WrapsAdd(x, y), Is.False, $"{a}+{b} said no overflow");
                    if (a.SubCannotOverflow(b)) Assert.That((Int128)x - y, Is.EqualTo((Int128)unchecked(x - y)), $"{a}-{b} said no overflow");
                    if (a.MulCannotOverflow(b)) Assert.That((Int128)x * y, Is.EqualTo((Int128)unchecked(x * y)), $"{a}*{b} said no overflow");
                }
        }
        static long Mid(IntBound b) => (long)(((Int128)b.Lower + b.Upper) / 2);
        static bool WrapsAdd(long x, long y) => (Int128)x + y != unchecked(x + y);
    }
}
