using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Tests;

/// <summary>Loops, guard failures, bridges and invalidation.</summary>
public class LoopTests(string backend) : BackendTests(backend)
{
    // sum = 0 + 1 + ... + (n-1): the loop exits through its guard with the live values.
    private const string SumLoop = """
        [i0, i1, i2]
        label(i0, i1, i2, descr=Sum)
        i3 = int_lt(i0, i1)
        guard_true(i3) [i0, i1, i2]
        i4 = int_add(i2, i0)
        i5 = int_add(i0, 1)
        jump(i5, i1, i4, descr=Sum)
        """;

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(10L)]
    [TestCase(100_000L)]
    public void CountingLoopComputesTheClosedForm(long n)
    {
        var frame = Jit.Run(SumLoop, 0L, n, 0L);
        Assert.That(frame.IsFinish, Is.False);
        Assert.That(frame.FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardTrue));
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { n, n, n * (n - 1) / 2 }));
    }

    [Test]
    public void FloatAccumulatorMatchesCSharp()
    {
        const string text = """
            [i0, f1]
            label(i0, f1, descr=L)
            i2 = int_gt(i0, 0)
            guard_true(i2) [f1]
            f3 = cast_int_to_float(i0)
            f4 = float_truediv(1.0, f3)
            f5 = float_add(f1, f4)
            i6 = int_sub(i0, 1)
            jump(i6, f5, descr=L)
            """;
        double expected = 0;
        for (long i = 1000; i > 0; i--) expected += 1.0 / i;
        Assert.That(Jit.Run(text, 1000L, 0.0).Values.GetFloat(0), Is.EqualTo(expected));
    }

    [Test]
    public void PeeledLoopJumpsToTheSecondLabel()
    {
        // The preamble runs once (doubling i1), the body runs to the end.
        const string text = """
            [i0, i1]
            label(i0, i1, descr=Preamble)
            i2 = int_mul(i1, 2)
            label(i0, i2, descr=Body)
            i3 = int_add(i0, i2)
            i4 = int_lt(i3, 100)
            guard_true(i4) [i3, i2]
            jump(i3, i2, descr=Body)
            """;
        var frame = Jit.Run(text, 0L, 3L);
        long i = 0;
        while (i + 6 < 100) i += 6;
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { i + 6, 6L }));
    }

    [Test]
    public void BridgeAttachedToAFailingGuardRunsInsteadOfFailing()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        // Count up to i1, but only while the counter is below 50; beyond that the guard fails.
        var loop = Trace.Parse("""
            [i0, i1]
            label(i0, i1, descr=Up)
            i2 = int_lt(i0, 50)
            guard_true(i2) [i0, i1]
            i3 = int_lt(i0, i1)
            guard_true(i3) [i0]
            i4 = int_add(i0, 1)
            jump(i4, i1, descr=Up)
            """, reg);
        var token = backend.CompileLoop(loop, new LoopToken("Up"));
        var first = backend.Execute(token, JitValues.Of(0L, 80L));
        Assert.That(first.FailedGuard, Is.SameAs(loop.Guards[0]));
        Assert.That(first.Values.ToBoxedArray(), Is.EqualTo(new object[] { 50L, 80L }));

        // The bridge continues past 50 by steps of 2 and jumps back into the loop.
        backend.CompileBridge(first.FailedGuard!, Trace.Parse("""
            [i0, i1]
            i2 = int_lt(i0, i1)
            guard_true(i2) [i0, i1]
            i3 = int_add(i0, 2)
            jump(i3, i1, descr=Up)
            """, reg));
        var second = backend.Execute(token, JitValues.Of(0L, 80L));
        Assert.That(second.FailedGuard, Is.Not.SameAs(loop.Guards[0]), "the bridged guard no longer leaves");
        Assert.That(second.Values.ToBoxedArray(), Is.EqualTo(new object[] { 80L, 80L }));
        Assert.That(second.Loop, Is.SameAs(token));
    }

    [Test]
    public void BridgeThatFailsAgainThenGetsItsOwnBridge()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var loop = Trace.Parse("""
            [i0]
            label(i0, descr=Odd)
            i1 = int_and(i0, 1)
            guard_true(i1) [i0]
            i2 = int_add(i0, 2)
            i3 = int_lt(i2, 1000)
            guard_true(i3) [i2]
            jump(i2, descr=Odd)
            """, reg);
        var token = backend.CompileLoop(loop, new LoopToken("Odd"));
        var evenGuard = loop.Guards[0];
        Assert.That(backend.Execute(token, JitValues.Of(4L)).FailedGuard, Is.SameAs(evenGuard));

        // First-level bridge: even numbers divisible by 4 become odd; others fail again.
        var bridge = Trace.Parse("""
            [i0]
            i1 = int_and(i0, 3)
            guard_false(i1) [i0]
            i2 = int_add(i0, 1)
            jump(i2, descr=Odd)
            """, reg);
        backend.CompileBridge(evenGuard, bridge);
        var viaBridge = backend.Execute(token, JitValues.Of(4L));
        Assert.That(viaBridge.FailedGuard, Is.SameAs(loop.Guards[1]));
        Assert.That(viaBridge.Values.GetInt(0), Is.EqualTo(1001));
        var secondLevel = backend.Execute(token, JitValues.Of(6L));
        Assert.That(secondLevel.FailedGuard, Is.SameAs(bridge.Guards[0]), "the bridge's own guard failed");
        Assert.That(secondLevel.Values.GetInt(0), Is.EqualTo(6));

        // Second-level bridge on the bridge's guard.
        backend.CompileBridge(bridge.Guards[0], Trace.Parse("[i0]\ni1 = int_add(i0, 3)\njump(i1, descr=Odd)", reg));
        var done = backend.Execute(token, JitValues.Of(6L));
        Assert.That(done.FailedGuard, Is.SameAs(loop.Guards[1]));
        Assert.That(done.Values.GetInt(0), Is.EqualTo(1001));
    }

    [Test]
    public void BridgeMayFinish()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var loop = Trace.Parse(SumLoop, reg);
        var token = backend.CompileLoop(loop, new LoopToken("Sum"));
        backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0, i1, i2]\nfinish(i2)", reg));
        var frame = backend.Execute(token, JitValues.Of(0L, 10L, 0L));
        Assert.That(frame.IsFinish, Is.True);
        Assert.That(frame.Values.GetInt(0), Is.EqualTo(45));
    }

    [Test]
    public void BridgeWithWrongInputKindsIsRejected()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var loop = Trace.Parse(SumLoop, reg);
        backend.CompileLoop(loop, new LoopToken("Sum"));
        Assert.Throws<ArgumentException>(() => backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0, i1, f2]\nfinish(f2)", reg)));
        Assert.Throws<ArgumentException>(() => backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0]\nfinish(i0)", reg)));
    }

    [Test]
    public void InvalidatedLoopFailsItsGuardAndIsNeverEnteredAgain()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var loop = Trace.Parse("""
            [i0]
            label(i0, descr=Q)
            guard_not_invalidated() [i0]
            i1 = int_add(i0, 1)
            i2 = int_lt(i1, 10)
            guard_true(i2) [i1]
            jump(i1, descr=Q)
            """, reg);
        var token = backend.CompileLoop(loop, new LoopToken("Q"));
        Assert.That(backend.Execute(token, JitValues.Of(0L)).FailedGuard, Is.SameAs(loop.Guards[1]));

        // Between runs, as a quasi-immutable write would (the next test invalidates during a run).
        backend.Invalidate(token);
        Assert.That(token.IsInvalidated, Is.True);
        Assert.Throws<InvalidOperationException>(() => backend.Execute(token, JitValues.Of(0L)));
    }

    [Test]
    public void InvalidationDuringExecutionFailsAtTheNextCheck()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var token = new LoopToken("Inv");
        Func<long, long> invalidateAt5 = i => { if (i == 5) backend.Invalidate(token); return i; };
        reg.AddCall(invalidateAt5, "MaybeInvalidate", EffectInfo.CannotRaise);
        var loop = Trace.Parse("""
            [i0]
            label(i0, descr=Inv)
            guard_not_invalidated() [i0]
            i1 = call_i(i0, descr=<Call MaybeInvalidate>)
            i2 = int_add(i1, 1)
            jump(i2, descr=Inv)
            """, reg);
        backend.CompileLoop(loop, token);
        var frame = backend.Execute(token, JitValues.Of(0L));
        Assert.That(frame.FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardNotInvalidated));
        Assert.That(frame.Values.GetInt(0), Is.EqualTo(6));
    }

    [Test]
    public void BridgesOfAnInvalidatedLoopFailTheirInvalidationGuards()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var token = new LoopToken("B");
        long invalidateWhen = -1;
        Func<long, long> maybeInvalidate = x => { if (x == invalidateWhen) backend.Invalidate(token); return x; };
        reg.AddCall(maybeInvalidate, "MaybeInvalidate", EffectInfo.CannotRaise);
        var loop = Trace.Parse("[i0]\nguard_true(i0) [i0]\nfinish(i0)", reg);
        backend.CompileLoop(loop, token);
        var bridge = Trace.Parse("""
            [i0]
            i1 = call_i(i0, descr=<Call MaybeInvalidate>)
            guard_not_invalidated() [i1]
            finish(7)
            """, reg);
        backend.CompileBridge(loop.Guards[0], bridge);
        Assert.That(backend.Execute(token, JitValues.Of(0L)).Values.GetInt(0), Is.EqualTo(7), "valid: the bridge finishes");
        invalidateWhen = 0;
        var frame = backend.Execute(token, JitValues.Of(0L));
        Assert.That(frame.FailedGuard, Is.SameAs(bridge.Guards[0]), "invalidated inside the bridge: its guard fails");
        Assert.That(frame.Loop, Is.SameAs(token));
        Assert.Throws<InvalidOperationException>(() => backend.Execute(token, JitValues.Of(0L)));
    }

    [Test]
    public void GuardValueAndClassGuards()
    {
        const string text = """
            [p0, i1]
            guard_value(i1, 42) [i1]
            guard_nonnull_class(p0, descr=<Type Shape>) [p0]
            guard_is_instance(p0, descr=<Type Shape>) [p0]
            finish(i1)
            """;
        Assert.That(Jit.Run(text, new Shape(), 42L).IsFinish, Is.True);
        Assert.That(Jit.Run(text, new Shape(), 41L).Values.GetInt(0), Is.EqualTo(41));
        var square = new Square();
        var failed = Jit.Run(text, square, 42L);
        Assert.That(failed.FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardNonnullClass));
        Assert.That(failed.Values.GetRef(0), Is.SameAs(square));
        Assert.That(Jit.Run(text, null, 42L).FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardNonnullClass));
        Assert.That(Jit.Run("[p0]\nguard_is_instance(p0, descr=<Type Shape>) []\nfinish()", square).IsFinish, Is.True);
        Assert.That(Jit.Run("[p0]\nguard_class(p0, descr=<Type Shape>) []\nfinish()", square).IsFinish, Is.False);
        Assert.That(Jit.Run("[p0]\nguard_isnull(p0) []\nfinish()", (object?)null).IsFinish, Is.True);
        Assert.That(Jit.Run("[p0]\nguard_nonnull(p0) []\nfinish()", (object?)null).IsFinish, Is.False);
        Assert.That(Jit.Run("[i0]\nguard_false(i0) []\nfinish()", 0L).IsFinish, Is.True);
        Assert.That(Jit.Run("[i0]\nguard_false(i0) []\nfinish()", -1L).IsFinish, Is.False);
    }

    [Test]
    public void FailArgsMayMixKindsAndConstants()
    {
        var frame = new Frame();
        var result = Jit.Run("[i0, f1, p2]\nguard_true(i0) [p2, 7, f1, null, i0, 2.5]\nfinish()", 0L, 1.25, frame);
        Assert.That(result.Values.Kinds, Is.EqualTo(new[] { ValueKind.Ref, ValueKind.Int, ValueKind.Float, ValueKind.Ref, ValueKind.Int, ValueKind.Float }));
        Assert.That(result.Values.ToBoxedArray(), Is.EqualTo(new object?[] { frame, 7L, 1.25, null, 0L, 2.5 }));
    }

    [Test]
    public void CallAssemblerRunsAnotherCompiledLoop()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var inner = reg.Loop("Inner");
        backend.CompileLoop(Trace.Parse("[i0]\ni1 = int_mul(i0, i0)\ni2 = int_lt(i1, 100)\nguard_true(i2) [i0]\nfinish(i1)", reg), inner);
        inner.AssemblerHelper = frame => frame.IsFinish ? frame.Values.GetInt(0) : -frame.Values.GetInt(0);
        var outer = backend.CompileLoop(Trace.Parse("[i0]\ni1 = call_assembler_i(i0, descr=Inner)\nguard_no_exception() []\nfinish(i1)", reg), new LoopToken("Outer"));
        Assert.That(backend.Execute(outer, JitValues.Of(7L)).Values.GetInt(0), Is.EqualTo(49));
        Assert.That(backend.Execute(outer, JitValues.Of(11L)).Values.GetInt(0), Is.EqualTo(-11), "guard failure went through the helper");
    }
}
