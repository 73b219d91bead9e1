using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer.Tests;

/// <summary>The unroll pass: preamble + peeled loop, invariant work done once.</summary>
public class UnrollTests
{
    private static Func<object?[]> Ints(params long[] xs) => () => xs.Cast<object?>().ToArray();

    [Test]
    public void InvariantPureOperationMovesToThePreamble()
    {
        T.Check("""
            [i0, i1]
            label(i0, i1, descr=L)
            i2 = int_mul(i1, 3)
            i3 = int_lt(i0, i2)
            guard_true(i3) [i0]
            i4 = int_add(i0, 1)
            jump(i4, i1, descr=L)
            """, """
            [i0, i1]
            label(i0, i1, descr=L)
            i2 = int_mul(i1, 3)
            i3 = int_lt(i0, i2)
            guard_true(i3) [i0]
            i4 = int_add(i0, 1)
            i5 = same_as_i(i4)
            label(i5, i2, descr=L_peeled)
            i6 = int_lt(i5, i2)
            guard_true(i6) [i5]
            i7 = int_add(i5, 1)
            jump(i7, i2, descr=L_peeled)
            """, "rewrite:pure:unroll", Ints(0, 10), Ints(5, 1), Ints(0, 0));
    }

    [Test]
    public void GuardsOnInvariantValuesRunOnce()
    {
        T.Check("""
            [i0, p1]
            label(i0, p1, descr=L)
            guard_class(p1, descr=<Type Node>) [i0]
            i2 = getfield_gc_pure_i(p1, descr=<Field Node.fixedValue>)
            i3 = int_gt(i2, 0)
            guard_true(i3) [i0]
            i4 = int_sub(i0, i2)
            i5 = int_gt(i4, 0)
            guard_true(i5) [i4]
            jump(i4, p1, descr=L)
            """, """
            [i0, p1]
            label(i0, p1, descr=L)
            guard_class(p1, descr=<Type Node>) [i0]
            i2 = getfield_gc_pure_i(p1, descr=<Field Node.fixedValue>)
            i3 = int_gt(i2, 0)
            guard_true(i3) [i0]
            i4 = int_sub(i0, i2)
            i5 = int_gt(i4, 0)
            guard_true(i5) [i4]
            i6 = same_as_i(i4)
            label(i6, i2, descr=L_peeled)
            i7 = int_sub(i6, i2)
            i8 = int_gt(i7, 0)
            guard_true(i8) [i7]
            jump(i7, i2, descr=L_peeled)
            """, "all", () => [20L, new Node()], () => [20L, new Leaf()]);
    }

    [Test]
    public void LoopInvariantCallIsHoisted()
    {
        T.Check("""
            [i0, i1]
            label(i0, i1, descr=L)
            i2 = call_loopinvariant_i(7, descr=<Call Funcs.Counted>)
            i3 = int_add(i1, i2)
            i4 = int_sub(i0, 1)
            i5 = int_gt(i4, 0)
            guard_true(i5) [i3]
            jump(i4, i3, descr=L)
            """, """
            [i0, i1]
            label(i0, i1, descr=L)
            i2 = call_loopinvariant_i(7, descr=<Call Funcs.Counted>)
            i3 = int_add(i1, i2)
            i4 = int_sub(i0, 1)
            i5 = int_gt(i4, 0)
            guard_true(i5) [i3]
            i6 = same_as_i(i4)
            i7 = same_as_i(i3)
            label(i6, i7, i2, descr=L_peeled)
            i8 = int_add(i7, i2)
            i9 = int_sub(i6, 1)
            i10 = int_gt(i9, 0)
            guard_true(i10) [i8]
            jump(i9, i8, i2, descr=L_peeled)
            """, "rewrite:pure:unroll", Ints(5, 0), Ints(1, 0));
    }

    [Test]
    public void NothingLearntAboutAVariantValueCrossesTheLabel()
    {
        // i0 == 0 in the first iteration only: the peeled loop must test it again.
        T.Check("""
            [i0]
            label(i0, descr=L)
            guard_value(i0, 0) [i0]
            jump(1, descr=L)
            """, """
            [i0]
            label(i0, descr=L)
            guard_value(i0, 0) [i0]
            i1 = same_as_i(1)
            label(i1, descr=L_peeled)
            guard_value(i1, 0) [i1]
            jump(1, descr=L_peeled)
            """, "all", Ints(0), Ints(3));
    }

    [Test]
    public void TheHeapIsForgottenAtThePeeledLabel()
    {
        T.Check("""
            [i0, p1]
            label(i0, p1, descr=L)
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            i3 = int_add(i2, 1)
            setfield_gc(p1, i3, descr=<Field Node.value>)
            i4 = int_sub(i0, 1)
            i5 = int_gt(i4, 0)
            guard_true(i5) [i4]
            jump(i4, p1, descr=L)
            """, """
            [i0, p1]
            label(i0, p1, descr=L)
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            i3 = int_add(i2, 1)
            i4 = int_sub(i0, 1)
            i5 = int_gt(i4, 0)
            guard_true(i5) [i4, p1, i3]
            setfield_gc(p1, i3, descr=<Field Node.value>)
            i6 = same_as_i(i4)
            label(i6, p1, descr=L_peeled)
            i7 = getfield_gc_i(p1, descr=<Field Node.value>)
            i8 = int_add(i7, 1)
            i9 = int_sub(i6, 1)
            i10 = int_gt(i9, 0)
            guard_true(i10) [i9, p1, i8]
            setfield_gc(p1, i8, descr=<Field Node.value>)
            jump(i9, p1, descr=L_peeled)
            """, "all", () => [5L, new Node { value = 10 }]);
    }

    [Test]
    public void InvariantFieldReadLeavesTheLoopWhenTheLoopDoesNotWriteIt()
    {
        T.Check("""
            [i0, p1]
            label(i0, p1, descr=L)
            i2 = getfield_gc_i(p1, descr=<Field Node.other>)
            i3 = int_sub(i0, i2)
            i4 = int_gt(i3, 0)
            guard_true(i4) [i3]
            call_n(p1, descr=<Call Funcs.Touch>)
            jump(i3, p1, descr=L)
            """, """
            [i0, p1]
            label(i0, p1, descr=L)
            i2 = getfield_gc_i(p1, descr=<Field Node.other>)
            i3 = int_sub(i0, i2)
            i4 = int_gt(i3, 0)
            guard_true(i4) [i3]
            call_n(p1, descr=<Call Funcs.Touch>)
            i5 = same_as_i(i3)
            label(i5, i2, p1, descr=L_peeled)
            i6 = int_sub(i5, i2)
            i7 = int_gt(i6, 0)
            guard_true(i7) [i6]
            call_n(p1, descr=<Call Funcs.Touch>)
            jump(i6, i2, p1, descr=L_peeled)
            """, "all", () => [20L, new Node { other = 3 }], () => [20L, new Node { other = 25 }]);
    }

    [Test]
    public void FieldTheLoopWritesIsReadAgainInThePeeledLoop()
    {
        // Touch writes Node.value: the preamble's value of it cannot be carried.
        T.Check("""
            [i0, p1]
            label(i0, p1, descr=L)
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            i3 = int_sub(i0, i2)
            i4 = int_gt(i3, 0)
            guard_true(i4) [i3]
            call_n(p1, descr=<Call Funcs.Touch>)
            jump(i3, p1, descr=L)
            """, """
            [i0, p1]
            label(i0, p1, descr=L)
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            i3 = int_sub(i0, i2)
            i4 = int_gt(i3, 0)
            guard_true(i4) [i3]
            call_n(p1, descr=<Call Funcs.Touch>)
            i5 = same_as_i(i3)
            label(i5, p1, descr=L_peeled)
            i6 = getfield_gc_i(p1, descr=<Field Node.value>)
            i7 = int_sub(i5, i6)
            i8 = int_gt(i7, 0)
            guard_true(i8) [i7]
            call_n(p1, descr=<Call Funcs.Touch>)
            jump(i7, p1, descr=L_peeled)
            """, "all", () => [100L, new Node { value = 1 }]);
    }

    [Test]
    public void StraightLineTracesAreNotPeeled()
    {
        const string text = """
            [i0]
            i1 = int_add(i0, 1)
            finish(i1)
            """;
        T.Check(text, text, "unroll", Ints(1));
    }

    [Test]
    public void BothCopiesOfAGuardStandForTheOriginal()
    {
        var reg = T.Registry();
        var trace = Trace.Parse("""
            [i0]
            label(i0, descr=L)
            i1 = int_gt(i0, 0)
            guard_true(i1) [i0]
            i2 = int_sub(i0, 1)
            jump(i2, descr=L)
            """, reg);
        var result = TraceOptimizer.Optimize(trace);
        var guards = result.Trace.Guards;
        Assert.That(guards, Has.Count.EqualTo(2));
        Assert.That(guards.Select(g => result.Resume[g].Original), Has.All.SameAs(trace.Operations[2]));
        Differential.AssertSame(trace, result, Ints(10));
    }
}
