namespace RSharp.Jit.Optimizer.Tests;

/// <summary>The before/after examples of docs/jit-optimizer.md, checked.</summary>
public class DocExampleTests
{
    [Test]
    public void Rewrite() => T.Check("""
        [i0, p1]
        p2 = new_with_vtable(descr=<Type Node>)
        guard_class(p2, descr=<Type Node>) []
        i3 = int_add(i0, 0)
        i4 = int_mul(3, 4)
        i5 = int_add(i3, i4)
        finish(i5, p2)
        """, """
        [i0, p1]
        p2 = new_with_vtable(descr=<Type Node>)
        i3 = int_add(i0, 12)
        finish(i3, p2)
        """, "rewrite", () => [5L, null]);

    [Test]
    public void IntBounds() => T.Check("""
        [i0]
        i1 = int_lt(i0, 5)
        guard_true(i1) [i0]
        i2 = int_lt(i0, 10)
        guard_true(i2) [i0]
        i3 = int_add_ovf(i0, 1)
        guard_no_overflow() [i0]
        finish(i3)
        """, """
        [i0]
        i1 = int_lt(i0, 5)
        guard_true(i1) [i0]
        i2 = int_add(i0, 1)
        finish(i2)
        """, "intbounds:rewrite", () => [4L], () => [long.MinValue], () => [6L]);

    [Test]
    public void Pure() => T.Check("""
        [i0, i1]
        i2 = call_pure_i(i0, i1, descr=<Call Funcs.Add>)
        i3 = call_pure_i(i0, i1, descr=<Call Funcs.Add>)
        i4 = call_pure_i(20, 22, descr=<Call Funcs.Add>)
        i5 = int_mul(i2, i3)
        finish(i5, i4)
        """, """
        [i0, i1]
        i2 = call_i(i0, i1, descr=<Call Funcs.Add>)
        i3 = int_mul(i2, i2)
        finish(i3, 42)
        """, "pure", () => [2L, 3L]);

    [Test]
    public void String() => T.Check("""
        [i0]
        i1 = strlen(ConstPtr(hello))
        p2 = newstr(i0)
        i3 = strlen(p2)
        finish(i1, i3)
        """, """
        [i0]
        p1 = newstr(i0)
        finish(5, i0)
        """, "string", () => [3L]);
}
