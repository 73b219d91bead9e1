namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>Guard failures, resuming in the blackhole, and bridges.</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class BridgeTests(string backend)
{
    [Test]
    public void FailingGuardResumesInTheBlackhole()
    {
        // A high trace_eagerness: every failure is resumed, no bridge.
        var mi = Support.Differential(backend, typeof(JitSmall.Branchy), "Run", () => [400L], Support.Params(eagerness: 1_000_000));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Stats.BridgesCompiled, Is.Zero);
        Assert.That(mi.Stats.GuardFailures, Is.GreaterThan(50));
    }

    [Test]
    public void OftenFailingGuardGetsABridge()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Branchy), "Run", () => [400L]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Stats.BridgesCompiled, Is.GreaterThanOrEqualTo(1));
        Assert.That(mi.Stats.GuardFailures, Is.LessThan(20), "once the bridge exists the branch stays in compiled code");
        var bridge = mi.Log.First(e => e.IsBridge).Optimized.Trace;
        Assert.That(bridge.Operations[^1].OpCode, Is.EqualTo(Traces.OpCode.Jump));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void BridgesOfBridges(int eagerness)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.ThreeWay), "Run", () => [1000L], Support.Params(eagerness: eagerness));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Stats.BridgesCompiled, Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void LoopExitBecomesABridgeToFinish()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Sum), "Run", () => [3L, 40L], Support.Params(eagerness: 1), runs: 3);
        Assert.That(mi.Stats.BridgesCompiled, Is.EqualTo(1));
        var bridge = mi.Log.First(e => e.IsBridge).Optimized.Trace;
        Assert.That(bridge.Operations[^1].OpCode, Is.EqualTo(Traces.OpCode.Finish));
        Assert.That(mi.Stats.Finishes, Is.GreaterThanOrEqualTo(2), "later runs leave through the bridge's finish");
    }

    [TestCase(3L)]
    [TestCase(250L)]
    [TestCase(499L)]
    public void GuardFailureInsideInlinedCallsResumesNestedFrames(long special)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.DeepGuard), "Run", () => [500L, special], Support.Params(eagerness: 1000));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        if (special > 10) Assert.That(mi.Stats.GuardFailures, Is.GreaterThanOrEqualTo(1));
        var calls = Support.LoopOps(mi.Log[0].Optimized.Trace).Where(o => o.Info.Name.StartsWith("call", StringComparison.Ordinal)).ToList();
        Assert.That(calls.Select(c => c.Descr!.Name), Has.All.EqualTo("DeepGuard.Slow"), "Outer, Inner and Middle are inlined");
    }

    [Test]
    public void BridgeFromInsideInlinedCalls()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.DeepGuard), "Run", () => [600L, 300L], Support.Params(eagerness: 1));
        Assert.That(mi.Stats.BridgesCompiled, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void PromotedValueChangesAndTheGuardFails()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Promote), "Run", () => [300L, new JitSmall.Config(3)]);
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        var ops = Support.SimpleLoop(mi);
        var mul = Support.LoopOps(mi.Log[0].Optimized.Trace).Single(o => o.OpCode == Traces.OpCode.IntMul);
        Assert.That(mul.Args.OfType<Traces.ConstInt>().Single().Value, Is.EqualTo(3), "the promoted factor is a constant in the loop");
        Assert.That(mi.Log[0].Recorded.Operations.Count(o => o.OpCode == Traces.OpCode.GuardValue), Is.EqualTo(1));
    }
}
