namespace RSharp.Jit.Optimizer.Tests;

/// <summary>The heap pass: cached reads, invalidation by aliasing writes and calls, lazy writes.</summary>
public class HeapTests
{
    private const string Opts = "rewrite:heap";

    private static Func<object?[]> Two(bool alias) => () =>
    {
        var a = new Node { value = 1, other = 2 };
        return [a, alias ? a : new Node { value = 10, other = 20 }];
    };

    [Test]
    public void SecondReadOfAFieldIsTheFirst()
    {
        T.Check("""
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            i2 = getfield_gc_i(p0, descr=<Field Node.value>)
            i3 = int_add(i1, i2)
            finish(i3)
            """, """
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            i2 = int_add(i1, i1)
            finish(i2)
            """, Opts, () => [new Node { value = 4 }]);
    }

    [Test]
    public void ReadAfterWriteIsTheValueWritten()
    {
        T.Check("""
            [p0, i1]
            setfield_gc(p0, i1, descr=<Field Node.value>)
            i2 = getfield_gc_i(p0, descr=<Field Node.value>)
            finish(i2)
            """, """
            [p0, i1]
            setfield_gc(p0, i1, descr=<Field Node.value>)
            finish(i1)
            """, Opts, () => [new Node(), 5L]);
    }

    [Test]
    public void WriteToAnotherObjectOfTheSameFieldInvalidates()
    {
        T.Check("""
            [p0, p1]
            i2 = getfield_gc_i(p0, descr=<Field Node.value>)
            setfield_gc(p1, 99, descr=<Field Node.value>)
            i3 = getfield_gc_i(p0, descr=<Field Node.value>)
            i4 = getfield_gc_i(p0, descr=<Field Node.other>)
            finish(i2, i3, i4)
            """, """
            [p0, p1]
            i2 = getfield_gc_i(p0, descr=<Field Node.value>)
            setfield_gc(p1, 99, descr=<Field Node.value>)
            i3 = getfield_gc_i(p0, descr=<Field Node.value>)
            i4 = getfield_gc_i(p0, descr=<Field Node.other>)
            finish(i2, i3, i4)
            """,
            Opts, Two(alias: false), Two(alias: true));
    }

    [Test]
    public void OverwrittenWriteIsNeverEmitted()
    {
        T.Check("""
            [p0, i1]
            setfield_gc(p0, i1, descr=<Field Node.value>)
            i2 = int_add(i1, 1)
            setfield_gc(p0, i2, descr=<Field Node.value>)
            setfield_gc(p0, i2, descr=<Field Node.value>)
            finish(i2)
            """, """
            [p0, i1]
            i2 = int_add(i1, 1)
            setfield_gc(p0, i2, descr=<Field Node.value>)
            finish(i2)
            """, Opts, () => [new Node(), 5L]);
    }

    [Test]
    public void WritingTheValueJustReadIsDropped()
    {
        T.Check("""
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            setfield_gc(p0, i1, descr=<Field Node.value>)
            finish(i1)
            """, """
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            finish(i1)
            """, Opts, () => [new Node { value = 3 }]);
    }

    [Test]
    public void LazyWritesToPossiblyAliasingObjectsKeepTheirOrder()
    {
        T.Check("""
            [p0, p1]
            setfield_gc(p0, 1, descr=<Field Node.value>)
            setfield_gc(p1, 2, descr=<Field Node.value>)
            setfield_gc(p0, 3, descr=<Field Node.value>)
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            finish(i2)
            """, """
            [p0, p1]
            setfield_gc(p1, 2, descr=<Field Node.value>)
            setfield_gc(p0, 3, descr=<Field Node.value>)
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            finish(i2)
            """, Opts, Two(alias: false), Two(alias: true));
    }

    [Test]
    public void CallInvalidatesOnlyWhatItMayWrite()
    {
        T.Check("""
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            i2 = getfield_gc_i(p0, descr=<Field Node.other>)
            call_n(p0, descr=<Call Funcs.Touch>)
            i3 = getfield_gc_i(p0, descr=<Field Node.value>)
            i4 = getfield_gc_i(p0, descr=<Field Node.other>)
            finish(i1, i2, i3, i4)
            """, """
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            i2 = getfield_gc_i(p0, descr=<Field Node.other>)
            call_n(p0, descr=<Call Funcs.Touch>)
            i3 = getfield_gc_i(p0, descr=<Field Node.value>)
            finish(i1, i2, i3, i2)
            """, Opts, () => [new Node { value = 1, other = 2 }]);
    }

    [Test]
    public void CallSeesTheLazyWritesItReads()
    {
        T.Check("""
            [p0]
            setfield_gc(p0, 5, descr=<Field Node.other>)
            setfield_gc(p0, 6, descr=<Field Node.value>)
            i1 = call_i(p0, descr=<Call Funcs.ReadOther>)
            setfield_gc(p0, 7, descr=<Field Node.value>)
            finish(i1)
            """, """
            [p0]
            setfield_gc(p0, 5, descr=<Field Node.other>)
            i1 = call_i(p0, descr=<Call Funcs.ReadOther>)
            setfield_gc(p0, 7, descr=<Field Node.value>)
            finish(i1)
            """, Opts, () => [new Node()]);
    }

    [Test]
    public void ResidualCallForgetsEverything()
    {
        T.Check("""
            [p0]
            setfield_gc(p0, 5, descr=<Field Node.other>)
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            call_n(p0, descr=<Call Funcs.Opaque>)
            i2 = getfield_gc_i(p0, descr=<Field Node.value>)
            i3 = getfield_gc_i(p0, descr=<Field Node.other>)
            finish(i1, i2, i3)
            """, """
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Node.value>)
            setfield_gc(p0, 5, descr=<Field Node.other>)
            call_n(p0, descr=<Call Funcs.Opaque>)
            i2 = getfield_gc_i(p0, descr=<Field Node.value>)
            i3 = getfield_gc_i(p0, descr=<Field Node.other>)
            finish(i1, i2, i3)
            """, Opts, () => [new Node { value = 1 }]);
    }

    [Test]
    public void GuardKeepsLazyWritesPendingInItsResumeData()
    {
        var result = T.Check("""
            [p0, i1]
            setfield_gc(p0, i1, descr=<Field Node.value>)
            guard_true(i1) [p0]
            setfield_gc(p0, 0, descr=<Field Node.value>)
            finish()
            """, """
            [p0, i1]
            guard_true(i1) [p0, i1]
            setfield_gc(p0, 0, descr=<Field Node.value>)
            finish()
            """, Opts, () => [new Node(), 0L], () => [new Node { value = 5 }, 3L]);
        var resume = result.Resume[result.Trace.Guards[0]];
        Assert.That(resume.PendingWrites, Has.Count.EqualTo(1));
        Assert.That((resume.PendingWrites[0].Field.Name, resume.PendingWrites[0].Target, resume.PendingWrites[0].Value),
            Is.EqualTo(("Node.value", 0, 1)));
        var node = new Node { value = 9 };
        resume.Materialize(Jit.Backend.JitValues.Of(node, 0L));
        Assert.That(node.value, Is.EqualTo(0), "resuming performs the write the guard skipped");
    }

    [Test]
    public void ArrayItemsAreCachedByIndex()
    {
        T.Check("""
            [p0, i1]
            setarrayitem_gc(p0, 0, i1, descr=<Array Int64[]>)
            i2 = getarrayitem_gc_i(p0, 1, descr=<Array Int64[]>)
            setarrayitem_gc(p0, 1, 4, descr=<Array Int64[]>)
            i3 = getarrayitem_gc_i(p0, 0, descr=<Array Int64[]>)
            i4 = getarrayitem_gc_i(p0, 1, descr=<Array Int64[]>)
            i5 = getarrayitem_gc_i(p0, i1, descr=<Array Int64[]>)
            setarrayitem_gc(p0, i1, 9, descr=<Array Int64[]>)
            i6 = getarrayitem_gc_i(p0, 0, descr=<Array Int64[]>)
            finish(i2, i3, i4, i5, i6)
            """, """
            [p0, i1]
            setarrayitem_gc(p0, 0, i1, descr=<Array Int64[]>)
            i2 = getarrayitem_gc_i(p0, 1, descr=<Array Int64[]>)
            setarrayitem_gc(p0, 1, 4, descr=<Array Int64[]>)
            i3 = getarrayitem_gc_i(p0, i1, descr=<Array Int64[]>)
            setarrayitem_gc(p0, i1, 9, descr=<Array Int64[]>)
            i4 = getarrayitem_gc_i(p0, 0, descr=<Array Int64[]>)
            finish(i2, i1, 4, i3, i4)
            """, Opts, () => [new long[] { 10, 20, 30 }, 0L], () => [new long[] { 10, 20, 30 }, 2L]);
    }

    [Test]
    public void ForcedVirtualFieldsGoThroughTheHeapCache()
    {
        T.Check("""
            [p0, i1]
            p2 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p2, i1, descr=<Field Node.value>)
            setfield_gc(p0, p2, descr=<Field Node.next>)
            p3 = getfield_gc_r(p0, descr=<Field Node.next>)
            i4 = getfield_gc_i(p3, descr=<Field Node.value>)
            finish(i4)
            """, """
            [p0, i1]
            p2 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p2, i1, descr=<Field Node.value>)
            setfield_gc(p0, p2, descr=<Field Node.next>)
            finish(i1)
            """, "rewrite:virtualize:heap", () => [new Node(), 5L]);
    }
}
