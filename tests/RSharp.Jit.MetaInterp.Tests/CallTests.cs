namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>Calls: elidable, residual, inlined, and exceptions.</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class CallTests(string backend)
{
    [Test]
    public void ElidableCallOnConstantsIsFoldedWhileTracing()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Elidables), "Run", () => [200L, new long[] { 1, 5, 9, 13, 17 }]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var recorded = mi.Log[0].Recorded.Operations;
        Assert.That(recorded.Count(o => o.OpCode == Traces.OpCode.CallPureI), Is.EqualTo(1), "Lookup(t, 3) folded, Lookup(t, i) recorded");
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.Count("call_i") + ops.Count("call_pure_i"), Is.EqualTo(1));
    }

    [Test]
    public void LoopInvariantCallIsMadeOncePerLoopEntry()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Invariants), "Run", () => [1000L, new long[] { 4 }]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Log[0].Recorded.Operations.Count(o => o.OpCode == Traces.OpCode.CallLoopinvariantI), Is.EqualTo(1));
        Assert.That(Support.SimpleLoop(mi).CountPrefix("call"), Is.Zero, "the loop proper reuses the preamble's result");
        JitSmall.Invariants.Calls = 0;
        mi.Run(1000L, new long[] { 4 });
        Assert.That(JitSmall.Invariants.Calls, Is.LessThan(10), "once per entry into compiled code, not once per iteration");
    }

    [TestCase(5L)]
    [TestCase(500L)]
    public void ResidualCallWithSideEffects(long n)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Residuals), "Run", () => [n]);
        if (n > 10)
        {
            var ops = Support.SimpleLoop(mi);
            Assert.That(ops.Count("call_n"), Is.EqualTo(1));
            Assert.That(ops.Count("guard_no_exception"), Is.EqualTo(1));
        }
    }

    [Test]
    public void InlinedCallsLeaveNoCall()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Inlined), "Run", () => [1000L]);
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.CountPrefix("call"), Is.Zero);
        Assert.That(ops.Count("int_mul"), Is.EqualTo(2), "Step twice");
    }

    [TestCase(30L)]
    [TestCase(400L)]
    public void ExceptionsRaisedAndCaughtInTheLoop(long n)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Exceptions), "Run", () => [n]);
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
    }

    [TestCase(1)]
    [TestCase(1000)]
    public void ExceptionsWithAndWithoutBridges(int eagerness)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Exceptions), "Run", () => [300L], Support.Params(eagerness: eagerness));
        Assert.That(mi.Stats.GuardFailures, Is.GreaterThanOrEqualTo(1));
        if (eagerness == 1)
        {
            Assert.That(mi.Stats.BridgesCompiled, Is.GreaterThanOrEqualTo(1));
            // The bridge of the guard_no_exception that failed takes the pending exception.
            Assert.That(mi.Log.Where(e => e.IsBridge).SelectMany(e => e.Recorded.Operations).Select(o => o.OpCode),
                Does.Contain(Traces.OpCode.SaveException));
        }
    }

    [TestCase(100L, 1000000L)]
    [TestCase(100L, 2000L)]
    [TestCase(100L, 2L)]
    public void ExceptionLeavesThePortal(long n, long limit)
    {
        Support.Differential(backend, typeof(JitSmall.Escaping), "Run", () => [n, limit]);
    }

    [Test]
    public void ExceptionLeavesThePortalThroughABridge()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Escaping), "Run", () => [100L, 2000L], Support.Params(eagerness: 1), runs: 3);
        Assert.That(mi.Stats.BridgesCompiled, Is.GreaterThanOrEqualTo(1));
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(1000)]
    public void BoundsGuardFailsAndTheBlackholeRaisesTheIndexError(int eagerness)
    {
        // data has 10 items, the index goes to 11: two of every twelve iterations raise.
        var mi = Support.Differential(backend, typeof(JitSmall.OutOfRange), "Run", () => [400L, Enumerable.Range(1, 10).ToArray()],
            Support.Params(eagerness: eagerness));
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        Assert.That(mi.Stats.GuardFailures, Is.GreaterThanOrEqualTo(1));
    }

    [TestCase(1L, true)]
    [TestCase(64L, true)]
    [TestCase(300L, true)]
    [TestCase(64L, false)]
    [TestCase(300L, false)]
    public void RecursivePortalCall(long n, bool inlining)
    {
        var p = Support.Params();
        p.Inlining = inlining;
        var mi = Support.Differential(backend, typeof(JitSmall.Recursive), "Run", () => [n], p);
        if (n < 10) return;
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        var ops = mi.Log.SelectMany(e => e.Optimized.Trace.Operations).ToList();
        var runner = ops.Where(o => o.Descr?.Name == "portal_runner").ToList();
        var assembler = ops.Where(o => o.OpCode == Traces.OpCode.CallAssemblerI).ToList();
        if (inlining)
        {
            // The callee starts at the loop's own green key (there are no greens): it calls the loop's code.
            Assert.That(runner, Is.Empty);
            Assert.That(assembler, Is.Not.Empty);
            Assert.That(assembler.Select(a => a.Descr), Has.All.SameAs(mi.Log.First(e => !e.IsBridge).Optimized.Trace.Operations
                .First(IsCallAssembler).Descr));
        }
        else
        {
            Assert.That(assembler, Is.Empty);
            Assert.That(runner, Is.Not.Empty);
            Assert.That(runner.Select(c => c.Info.Name), Has.All.EqualTo("call_i"));
        }
    }

    private static bool IsCallAssembler(Traces.Operation o) => o.OpCode is >= Traces.OpCode.CallAssemblerI and <= Traces.OpCode.CallAssemblerN;
}
