using RSharp.Jit.Backend;

namespace RSharp.Jit.Optimizer.Tests;

/// <summary>The virtualize pass: allocation removal, forcing on escape, virtuals in fail-args.</summary>
public class VirtualizeTests
{
    private const string Opts = "rewrite:virtualize";
    private static Func<object?[]> Ints(params long[] xs) => () => xs.Cast<object?>().ToArray();

    [Test]
    public void ObjectThatDoesNotEscapeDisappears()
    {
        T.Check("""
            [i0]
            p1 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p1, i0, descr=<Field Node.value>)
            guard_class(p1, descr=<Type Node>) []
            i2 = getfield_gc_i(p1, descr=<Field Node.value>)
            i3 = getfield_gc_i(p1, descr=<Field Node.other>)
            i4 = int_add(i2, 1)
            finish(i4, i3)
            """, """
            [i0]
            i1 = int_add(i0, 1)
            finish(i1, 0)
            """, Opts, Ints(41));
    }

    [Test]
    public void EscapingObjectIsForcedWithItsFields()
    {
        T.Check("""
            [i0, p1]
            p2 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p2, i0, descr=<Field Node.value>)
            setfield_gc(p2, 0, descr=<Field Node.other>)
            setfield_gc(p2, 2.5, descr=<Field Node.weight>)
            i3 = int_add(i0, 1)
            setfield_gc(p1, p2, descr=<Field Node.next>)
            finish(i3)
            """, """
            [i0, p1]
            i2 = int_add(i0, 1)
            p3 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p3, i0, descr=<Field Node.value>)
            setfield_gc(p3, 2.5, descr=<Field Node.weight>)
            setfield_gc(p1, p3, descr=<Field Node.next>)
            finish(i2)
            """, Opts, () => [7L, new Node()]);
    }

    [Test]
    public void VirtualStoredInAVirtualStaysVirtualUntilTheOuterEscapes()
    {
        T.Check("""
            [i0]
            p1 = new_with_vtable(descr=<Type Node>)
            p2 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p2, i0, descr=<Field Node.value>)
            setfield_gc(p1, p2, descr=<Field Node.next>)
            p3 = getfield_gc_r(p1, descr=<Field Node.next>)
            i4 = getfield_gc_i(p3, descr=<Field Node.value>)
            i5 = call_i(p1, descr=<Call Funcs.Keep>)
            finish(i4, i5)
            """, """
            [i0]
            p1 = new_with_vtable(descr=<Type Node>)
            p2 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p2, i0, descr=<Field Node.value>)
            setfield_gc(p1, p2, descr=<Field Node.next>)
            i3 = call_i(p1, descr=<Call Funcs.Keep>)
            finish(i0, i3)
            """, Opts, Ints(9));
    }

    [Test]
    public void CyclicVirtualsAreForcedOnce()
    {
        T.Check("""
            []
            p0 = new_with_vtable(descr=<Type Node>)
            p1 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p0, p1, descr=<Field Node.next>)
            setfield_gc(p1, p0, descr=<Field Node.next>)
            finish(p0)
            """, """
            []
            p0 = new_with_vtable(descr=<Type Node>)
            p1 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p1, p0, descr=<Field Node.next>)
            setfield_gc(p0, p1, descr=<Field Node.next>)
            finish(p0)
            """, Opts, () => []);
    }

    [Test]
    public void FailArgsDoNotForceAndResumeRebuildsTheVirtual()
    {
        var result = T.Check("""
            [i0, p1]
            p2 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p2, i0, descr=<Field Node.value>)
            setfield_gc(p2, p1, descr=<Field Node.next>)
            i3 = int_gt(i0, 10)
            guard_true(i3) [i0, p2]
            i4 = getfield_gc_i(p2, descr=<Field Node.value>)
            finish(i4)
            """, """
            [i0, p1]
            i2 = int_gt(i0, 10)
            guard_true(i2) [i0, p1]
            finish(i0)
            """, Opts, () => [20L, new Node { value = 1 }], () => [3L, new Node { value = 2 }]);
        var guard = result.Trace.Guards[0];
        var resume = result.Resume[guard];
        Assert.That(resume.HasVirtuals, Is.True);
        Assert.That(resume.Slots, Is.EqualTo(new[] { 0, ~0 }));
        Assert.That(resume.Virtuals[0].Type!.Type, Is.EqualTo(typeof(Node)));
        var target = new Node();
        var values = resume.Materialize(JitValues.Of(3L, target));
        var rebuilt = (Node)values[1]!;
        Assert.That((rebuilt.value, rebuilt.next), Is.EqualTo((3L, target)));
    }

    [Test]
    public void VirtualArrayWithConstantIndexes()
    {
        T.Check("""
            [i0]
            p1 = new_array(3, descr=<Array Int64[]>)
            setarrayitem_gc(p1, 0, i0, descr=<Array Int64[]>)
            setarrayitem_gc(p1, 2, 5, descr=<Array Int64[]>)
            i2 = getarrayitem_gc_i(p1, 0, descr=<Array Int64[]>)
            i3 = getarrayitem_gc_i(p1, 1, descr=<Array Int64[]>)
            i4 = arraylen_gc(p1, descr=<Array Int64[]>)
            guard_true(i0) [p1]
            finish(i2, i3, i4)
            """, """
            [i0]
            guard_true(i0) [i0, 5]
            finish(i0, 0, 3)
            """, Opts, Ints(8), Ints(0));
    }

    [Test]
    public void VirtualArrayIsForcedByAVariableIndex()
    {
        T.Check("""
            [i0]
            p1 = new_array_clear(2, descr=<Array Int64[]>)
            setarrayitem_gc(p1, 1, 7, descr=<Array Int64[]>)
            i2 = getarrayitem_gc_i(p1, i0, descr=<Array Int64[]>)
            finish(i2)
            """, """
            [i0]
            p1 = new_array_clear(2, descr=<Array Int64[]>)
            setarrayitem_gc(p1, 1, 7, descr=<Array Int64[]>)
            i2 = getarrayitem_gc_i(p1, i0, descr=<Array Int64[]>)
            finish(i2)
            """, Opts, Ints(1), Ints(0));
    }

    [Test]
    public void PtrEqOfAVirtualAndAnotherValueIsFalse()
    {
        T.Check("""
            [p0]
            p1 = new_with_vtable(descr=<Type Node>)
            i2 = ptr_eq(p1, p0)
            i3 = ptr_ne(p0, p1)
            i4 = ptr_eq(p1, p1)
            finish(i2, i3, i4)
            """, """
            [p0]
            finish(0, 1, 1)
            """, Opts, () => [new Node()], () => [null]);
    }

    [Test]
    public void GuardsOnAVirtualThatFailMakeTheTraceInvalid()
    {
        Assert.Throws<InvalidLoopException>(() => T.Optimize(T.Registry(), """
            []
            p0 = new_with_vtable(descr=<Type Node>)
            guard_isnull(p0) []
            finish()
            """, Opts));
        Assert.Throws<InvalidLoopException>(() => T.Optimize(T.Registry(), """
            []
            p0 = new_with_vtable(descr=<Type Node>)
            guard_class(p0, descr=<Type Leaf>) []
            finish()
            """, "virtualize"));
    }

    [Test]
    public void LoopWithAVirtualCounterBoxKeepsOnlyArithmetic()
    {
        // The interpreter boxes its counter every iteration; the box never escapes.
        T.Check("""
            [i0, i1]
            label(i0, i1, descr=L)
            p2 = new_with_vtable(descr=<Type Node>)
            setfield_gc(p2, i0, descr=<Field Node.value>)
            i3 = getfield_gc_i(p2, descr=<Field Node.value>)
            i4 = int_lt(i3, i1)
            guard_true(i4) [i1, p2]
            i5 = int_add(i3, 1)
            jump(i5, i1, descr=L)
            """, """
            [i0, i1]
            label(i0, i1, descr=L)
            i2 = int_lt(i0, i1)
            guard_true(i2) [i1, i0]
            i3 = int_add(i0, 1)
            jump(i3, i1, descr=L)
            """, Opts, Ints(0, 100), Ints(5, 3));
    }
}
