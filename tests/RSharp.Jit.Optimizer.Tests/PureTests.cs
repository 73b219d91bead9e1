namespace RSharp.Jit.Optimizer.Tests;

/// <summary>The pure pass: CSE of pure operations and elidable calls, calls folded at optimization time.</summary>
public class PureTests
{
    private const string Opts = "rewrite:pure";
    private static Func<object?[]> Ints(params long[] xs) => () => xs.Cast<object?>().ToArray();

    [Test]
    public void SamePureOperationIsComputedOnce()
    {
        T.Check("""
            [i0, i1]
            i2 = int_add(i0, i1)
            i3 = int_add(i0, i1)
            i4 = int_add(i1, i0)
            i5 = int_mul(i2, i3)
            i6 = int_lt(i0, i1)
            i7 = int_gt(i1, i0)
            finish(i5, i4, i6, i7)
            """, """
            [i0, i1]
            i2 = int_add(i0, i1)
            i3 = int_mul(i2, i2)
            i4 = int_lt(i0, i1)
            finish(i3, i2, i4, i4)
            """, Opts, Ints(3, 4), Ints(-5, long.MaxValue));
    }

    [Test]
    public void NonCommutativeOperationsAreNotSwapped()
    {
        const string text = """
            [i0, i1]
            i2 = int_sub(i0, i1)
            i3 = int_sub(i1, i0)
            finish(i2, i3)
            """;
        T.Check(text, text, Opts, Ints(3, 10));
    }

    [Test]
    public void ElidableCallWithTheSameArgumentsIsCalledOnce()
    {
        T.Check("""
            [i0, i1]
            i2 = call_pure_i(i0, i1, descr=<Call Funcs.Add>)
            i3 = call_pure_i(i0, i1, descr=<Call Funcs.Add>)
            i4 = call_pure_i(i1, i0, descr=<Call Funcs.Add>)
            finish(i2, i3, i4)
            """, """
            [i0, i1]
            i2 = call_i(i0, i1, descr=<Call Funcs.Add>)
            i3 = call_i(i1, i0, descr=<Call Funcs.Add>)
            finish(i2, i2, i3)
            """, Opts, Ints(1, 2));
    }

    [Test]
    public void ElidableCallOnConstantsIsCalledAtOptimizationTime()
    {
        Funcs.Calls = 0;
        T.Check("""
            [i0]
            i1 = call_pure_i(20, 22, descr=<Call Funcs.Add>)
            i2 = call_pure_i(4, descr=<Call Funcs.Checked>)
            guard_no_exception() [i0]
            i3 = call_pure_i(i1, descr=<Call Funcs.Counted>)
            finish(i1, i2, i3)
            """, """
            [i0]
            finish(42, 40, 84)
            """, Opts, Ints(0));
        // Once by the optimizer, once by the unoptimized trace of the differential run; never by the optimized trace.
        Assert.That(Funcs.Calls, Is.EqualTo(2));
    }

    [Test]
    public void ElidableCallThatRaisesIsLeftToRunTime()
    {
        T.Check("""
            [i0]
            i1 = call_pure_i(-4, descr=<Call Funcs.Checked>)
            guard_no_exception() [i0]
            finish(i1)
            """, """
            [i0]
            i1 = call_i(-4, descr=<Call Funcs.Checked>)
            guard_no_exception() [i0]
            finish(i1)
            """, Opts, Ints(0));
    }

    [Test]
    public void SecondElidableCallLosesItsExceptionGuard()
    {
        T.Check("""
            [i0]
            i1 = call_pure_i(i0, descr=<Call Funcs.Checked>)
            guard_no_exception() [i0]
            i2 = call_pure_i(i0, descr=<Call Funcs.Checked>)
            guard_no_exception() [i0, i1]
            i3 = int_add(i1, i2)
            finish(i3)
            """, """
            [i0]
            i1 = call_i(i0, descr=<Call Funcs.Checked>)
            guard_no_exception() [i0]
            i2 = int_add(i1, i1)
            finish(i2)
            """, Opts, Ints(5), Ints(-5));
    }

    [Test]
    public void RepeatedOvfOperationReusesTheFirstAndDropsItsGuard()
    {
        T.Check("""
            [i0, i1]
            i2 = int_add_ovf(i0, i1)
            guard_no_overflow() [i0]
            i3 = int_add_ovf(i0, i1)
            guard_no_overflow() [i1]
            i4 = int_add(i1, i0)
            finish(i2, i3, i4)
            """, """
            [i0, i1]
            i2 = int_add_ovf(i0, i1)
            guard_no_overflow() [i0]
            finish(i2, i2, i2)
            """, Opts, Ints(1, 2), Ints(long.MaxValue, 1));
    }

    [Test]
    public void ImmutableFieldsAndLengthsAreCse()
    {
        T.Check("""
            [p0, p1]
            i2 = getfield_gc_pure_i(p0, descr=<Field Node.fixedValue>)
            i3 = getfield_gc_pure_i(p0, descr=<Field Node.fixedValue>)
            i4 = arraylen_gc(p1, descr=<Array Int64[]>)
            i5 = arraylen_gc(p1, descr=<Array Int64[]>)
            i6 = strlen(ConstPtr(hello))
            finish(i2, i3, i4, i5, i6)
            """, """
            [p0, p1]
            i2 = getfield_gc_pure_i(p0, descr=<Field Node.fixedValue>)
            i3 = arraylen_gc(p1, descr=<Array Int64[]>)
            i4 = strlen(ConstPtr(hello))
            finish(i2, i2, i3, i3, i4)
            """, Opts, () => [new Node(), new long[4]]);
    }

    [Test]
    public void LoopInvariantCallIsMadeOncePerTrace()
    {
        T.Check("""
            [i0]
            i1 = call_loopinvariant_i(i0, descr=<Call Funcs.Counted>)
            i2 = call_loopinvariant_i(i0, descr=<Call Funcs.Counted>)
            finish(i1, i2)
            """, """
            [i0]
            i1 = call_loopinvariant_i(i0, descr=<Call Funcs.Counted>)
            finish(i1, i1)
            """, Opts, Ints(21));
    }

    [Test]
    public void StringPassFoldsConstantStrings()
    {
        T.Check("""
            [i0]
            i1 = strlen(ConstPtr(hello))
            i2 = strgetitem(ConstPtr(hello), 1)
            p3 = newstr(i0)
            i4 = strlen(p3)
            finish(i1, i2, i4)
            """, """
            [i0]
            p1 = newstr(i0)
            finish(5, 101, i0)
            """, "rewrite:string:pure", Ints(3));
    }

    [Test]
    public void RecordedKnownResultFoldsLaterCallsOnTheSameValues()
    {
        // The hint is trusted (no differential run: it is the interpreter's promise), even over
        // calling the function on constants; the field read twice is one value once the heap
        // pass forwards the second read.
        T.Check("""
            [i0, p1]
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            record_known_result(i0, i2, descr=<Call Funcs.Counted>)
            i3 = getfield_gc_i(p1, descr=<Field Node.value>)
            i4 = call_pure_i(i3, descr=<Call Funcs.Counted>)
            i5 = call_pure_i(i0, descr=<Call Funcs.Counted>)
            record_known_result(i0, 7, descr=<Call Funcs.Counted>)
            i6 = call_pure_i(7, descr=<Call Funcs.Counted>)
            finish(i4, i5, i6)
            """, """
            [i0, p1]
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            i3 = call_i(i0, descr=<Call Funcs.Counted>)
            finish(i0, i3, i0)
            """);
    }
}
