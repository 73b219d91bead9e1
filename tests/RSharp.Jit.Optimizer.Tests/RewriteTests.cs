using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer.Tests;

/// <summary>The rewrite pass: constant folding, identities, guards with known outcomes.</summary>
public class RewriteTests
{
    private static Func<object?[]> Ints(params long[] xs) => () => xs.Cast<object?>().ToArray();

    [Test]
    public void FoldsConstantArithmeticWithWrapAround()
    {
        T.Check("""
            [i0]
            i1 = int_add(9223372036854775807, 1)
            i2 = int_mul(i1, 3)
            i3 = int_floordiv(-7, 2)
            i4 = int_mod(-7, 2)
            i5 = int_lshift(1, 65)
            i6 = uint_rshift(-1, 60)
            i7 = int_add(i0, i2)
            finish(i7, i3, i4, i5, i6)
            """, """
            [i0]
            i1 = int_add(i0, -9223372036854775808)
            finish(i1, -3, -1, 2, 15)
            """, "rewrite", Ints(5), Ints(-1));
    }

    [Test]
    public void FoldsComparisonsAndFloats()
    {
        T.Check("""
            [f0]
            i1 = int_lt(3, 4)
            i2 = uint_lt(-1, 4)
            f3 = float_truediv(1.0, 0.0)
            i4 = float_eq(nan, nan)
            f5 = float_add(f0, f3)
            i6 = cast_float_to_int(2.75)
            finish(i1, i2, f5, i4, i6)
            """, """
            [f0]
            f1 = float_add(f0, inf)
            finish(1, 0, f1, 0, 2)
            """, "rewrite", () => [1.5]);
    }

    [Test]
    public void DivisionByZeroIsLeftToRunTime()
    {
        const string text = """
            []
            i0 = int_floordiv(1, 0)
            finish(i0)
            """;
        T.Check(text, text, "rewrite", () => []);
    }

    [TestCase("int_add(i0, 0)")]
    [TestCase("int_add(0, i0)")]
    [TestCase("int_sub(i0, 0)")]
    [TestCase("int_mul(i0, 1)")]
    [TestCase("int_mul(1, i0)")]
    [TestCase("int_or(i0, 0)")]
    [TestCase("int_and(i0, -1)")]
    [TestCase("int_and(i0, i0)")]
    [TestCase("int_xor(i0, 0)")]
    [TestCase("int_lshift(i0, 0)")]
    [TestCase("int_floordiv(i0, 1)")]
    [TestCase("same_as_i(i0)")]
    public void IdentitiesGiveTheArgument(string expr)
    {
        T.Check($"""
            [i0]
            i1 = {expr}
            finish(i1)
            """, """
            [i0]
            finish(i0)
            """, "rewrite", Ints(42), Ints(long.MinValue));
    }

    [TestCase("int_sub(i0, i0)", 0)]
    [TestCase("int_mul(i0, 0)", 0)]
    [TestCase("int_and(0, i0)", 0)]
    [TestCase("int_xor(i0, i0)", 0)]
    [TestCase("int_or(i0, -1)", -1)]
    [TestCase("int_eq(i0, i0)", 1)]
    [TestCase("int_lt(i0, i0)", 0)]
    [TestCase("uint_ge(i0, i0)", 1)]
    public void IdentitiesGiveAConstant(string expr, long value)
    {
        T.Check($"""
            [i0]
            i1 = {expr}
            finish(i1)
            """, $"""
            [i0]
            finish({value})
            """, "rewrite", Ints(42), Ints(-3));
    }

    [Test]
    public void DoubleNegationAndInversionCancel()
    {
        T.Check("""
            [i0]
            i1 = int_neg(i0)
            i2 = int_neg(i1)
            i3 = int_invert(i0)
            i4 = int_invert(i3)
            i5 = int_add(i2, i4)
            finish(i5, i1)
            """, """
            [i0]
            i1 = int_neg(i0)
            i2 = int_invert(i0)
            i3 = int_add(i0, i0)
            finish(i3, i1)
            """, "rewrite", Ints(7), Ints(long.MinValue));
    }

    [Test]
    public void IntIsTrueOfAComparisonIsTheComparison()
    {
        T.Check("""
            [i0, i1]
            i2 = int_lt(i0, i1)
            i3 = int_is_true(i2)
            guard_true(i3) [i0]
            finish(i3)
            """, """
            [i0, i1]
            i2 = int_lt(i0, i1)
            guard_true(i2) [i0]
            finish(1)
            """, "rewrite", Ints(1, 2), Ints(2, 1));
    }

    [Test]
    public void GuardOnAConstantThatHoldsIsRemoved()
    {
        T.Check("""
            [i0]
            i1 = int_gt(5, 3)
            guard_true(i1) [i0]
            guard_false(0) [i0]
            guard_value(7, 7) [i0]
            guard_nonnull(ConstPtr(hello)) [i0]
            guard_isnull(null) [i0]
            finish(i0)
            """, """
            [i0]
            finish(i0)
            """, "rewrite", Ints(3));
    }

    [TestCase("guard_true(0) [i0]")]
    [TestCase("guard_false(1) [i0]")]
    [TestCase("guard_value(3, 4) [i0]")]
    [TestCase("guard_isnull(ConstPtr(hello)) [i0]")]
    [TestCase("guard_nonnull(null) [i0]")]
    [TestCase("guard_class(ConstPtr(node7), descr=<Type Leaf>) [i0]")]
    public void GuardOnAConstantThatFailsMakesTheTraceInvalid(string guard)
    {
        var reg = T.Registry();
        Assert.Throws<InvalidLoopException>(() => T.Optimize(reg, $"""
            [i0]
            {guard}
            finish(i0)
            """, "rewrite"));
    }

    [Test]
    public void GuardMakesItsValueAConstant()
    {
        T.Check("""
            [i0, i1]
            guard_value(i0, 5) [i0, i1]
            i2 = int_add(i0, i1)
            guard_value(i0, 5) [i0]
            i3 = int_is_zero(i1)
            guard_false(i3) [i1]
            i4 = int_is_zero(i1)
            finish(i2, i4)
            """, """
            [i0, i1]
            guard_value(i0, 5) [i0, i1]
            i2 = int_add(5, i1)
            i3 = int_is_zero(i1)
            guard_false(i3) [i1]
            i4 = int_is_zero(i1)
            finish(i2, i4)
            """, "rewrite", Ints(5, 0), Ints(5, 3), Ints(4, 1));
    }

    [Test]
    public void GuardClassAfterNewWithVtableIsRemoved()
    {
        T.Check("""
            []
            p0 = new_with_vtable(descr=<Type Node>)
            guard_class(p0, descr=<Type Node>) []
            guard_nonnull(p0) []
            guard_nonnull_class(p0, descr=<Type Node>) []
            guard_is_instance(p0, descr=<Type Node>) []
            finish(p0)
            """, """
            []
            p0 = new_with_vtable(descr=<Type Node>)
            finish(p0)
            """, "rewrite", () => []);
    }

    [Test]
    public void SecondGuardClassIsRemovedAndAConflictingOneIsInvalid()
    {
        T.Check("""
            [p0]
            guard_class(p0, descr=<Type Node>) [p0]
            guard_class(p0, descr=<Type Node>) [p0]
            guard_nonnull(p0) [p0]
            finish(p0)
            """, """
            [p0]
            guard_class(p0, descr=<Type Node>) [p0]
            finish(p0)
            """, "rewrite", () => [new Node()], () => [new Leaf()], () => [null]);
        Assert.Throws<InvalidLoopException>(() => T.Optimize(T.Registry(), """
            [p0]
            guard_class(p0, descr=<Type Node>) [p0]
            guard_class(p0, descr=<Type Leaf>) [p0]
            finish(p0)
            """, "rewrite"));
    }

    [Test]
    public void PtrEqOfTheSameValueOrOfNonNullAndNull()
    {
        T.Check("""
            [p0]
            i1 = ptr_eq(p0, p0)
            i2 = ptr_ne(p0, p0)
            guard_nonnull(p0) []
            i3 = ptr_eq(p0, null)
            p4 = new(descr=<Type Leaf>)
            p5 = new(descr=<Type Leaf>)
            i6 = ptr_eq(p4, p5)
            finish(i1, i2, i3, i6, p4, p5)
            """, """
            [p0]
            guard_nonnull(p0) []
            p1 = new(descr=<Type Leaf>)
            p2 = new(descr=<Type Leaf>)
            finish(1, 0, 0, 0, p1, p2)
            """, "rewrite", () => [new Node()]);
    }

    [Test]
    public void DuplicateGuardValueIsRemovedAndItsValueBecomesConstant()
    {
        T.Check("""
            [p0, i1]
            guard_value(p0, ConstPtr(node7)) [i1]
            guard_value(p0, ConstPtr(node7)) [i1]
            guard_class(p0, descr=<Type Node>) [i1]
            i2 = getfield_gc_pure_i(p0, descr=<Field Node.fixedValue>)
            finish(p0, i2)
            """, """
            [p0, i1]
            guard_value(p0, ConstPtr(node7)) [i1]
            finish(ConstPtr(node7), 3)
            """, "rewrite");
    }

    [Test]
    public void OvfOnConstantsFoldsOnlyWithoutOverflow()
    {
        T.Check("""
            [i0]
            i1 = int_add_ovf(2, 3)
            guard_no_overflow() [i0]
            i2 = int_mul_ovf(i0, 1)
            guard_no_overflow() [i0]
            i3 = int_add_ovf(9223372036854775807, 1)
            guard_no_overflow() [i0]
            finish(i1, i2, i3)
            """, """
            [i0]
            i1 = int_add_ovf(9223372036854775807, 1)
            guard_no_overflow() [i0]
            finish(5, i0, i1)
            """, "rewrite", Ints(4));
    }

    [Test]
    public void GuardFailArgsFollowForwarding()
    {
        var result = T.Check("""
            [i0, i1]
            i2 = int_add(i0, 0)
            i3 = int_mul(i1, 2)
            guard_true(i1) [i2, i3, i0]
            finish(i2)
            """, """
            [i0, i1]
            i2 = int_mul(i1, 2)
            guard_true(i1) [i0, i2]
            finish(i0)
            """, "rewrite", Ints(3, 0), Ints(3, 1));
        var guard = result.Trace.Guards[0];
        Assert.That(result.Resume[guard].Slots, Is.EqualTo(new[] { 0, 1, 0 }), "i2 and i0 are one value: one slot");
    }

    [Test]
    public void CondCallWithAConstantCondition()
    {
        T.Check("""
            [p0]
            cond_call(0, p0, descr=<Call Funcs.Touch>)
            cond_call(1, p0, descr=<Call Funcs.Touch>)
            finish()
            """, """
            [p0]
            call_n(p0, descr=<Call Funcs.Touch>)
            finish()
            """, "rewrite", () => [new Node { value = 4 }]);
    }

    [Test]
    public void NoPassesCopyTheTrace()
    {
        const string text = """
            [i0]
            i1 = int_add(i0, 0)
            guard_true(i1) [i0]
            finish(i1)
            """;
        var reg = T.Registry();
        var input = Trace.Parse(text, reg);
        var result = TraceOptimizer.Optimize(input, []);
        Assert.That(result.Trace.ToString(), Is.EqualTo(input.ToString()));
        Assert.That(result.Trace.Operations[0], Is.Not.SameAs(input.Operations[0]), "the input is left untouched");
        Assert.That(result.Resume[result.Trace.Operations[1]].Original, Is.SameAs(input.Operations[1]));
    }

    [Test]
    public void UnknownPassNameIsRejected()
    {
        var trace = Trace.Parse("[]\nfinish()", T.Registry());
        Assert.Throws<ArgumentException>(() => TraceOptimizer.Optimize(trace, ["rewrite", "nonsense"]));
    }
}
