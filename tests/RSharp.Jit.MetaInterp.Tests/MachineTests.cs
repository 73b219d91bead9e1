using JitSmall;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>A register-machine interpreter: greens are (pc, code), so guest loops are green keys.</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class MachineTests(string backend)
{
    [TestCase(3, 4)]
    [TestCase(10, 50)]
    [TestCase(50, 3)]
    public void NestedGuestLoopsHaveTheirOwnGreenKeys(int outer, int inner)
    {
        var code = Machine.Nested(outer, inner);
        var mi = Support.Differential(backend, typeof(Machine), "Run", () => [code, new long[4]]);
        if (inner >= 10) Assert.That(mi.Log.Where(e => !e.IsBridge).Select(e => e.Key).Distinct().Count(), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void InnerLoopTraceHasNoDispatch()
    {
        var code = Machine.Nested(5, 200);
        var mi = Support.Differential(backend, typeof(Machine), "Run", () => [code, new long[4]]);
        var inner = mi.Log.First(e => !e.IsBridge);
        Assert.That(inner.Key.Values[0], Is.EqualTo(6L), "the inner loop's head");
        var ops = Support.LoopOps(inner.Optimized.Trace).Select(o => o.Info.Name).ToList();
        Assert.That(ops, Does.Not.Contain("guard_value"), "pc and code are constants: no dispatch left");
        Assert.That(ops.Count(o => o == "getarrayitem_gc_i"), Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void OuterLoopGetsCompiledThroughBridges()
    {
        var code = Machine.Nested(60, 20);
        var mi = Support.Differential(backend, typeof(Machine), "Run", () => [code, new long[4]], Support.Params(eagerness: 3));
        Assert.That(mi.Stats.BridgesCompiled + mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void ResidualCallInGuestLoop()
    {
        var code = Machine.Calls(300);
        var mi = Support.Differential(backend, typeof(Machine), "Run", () => [code, new long[4]]);
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.Count("call_i"), Is.EqualTo(1));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void MachineAtLowThresholds(int threshold)
    {
        var code = Machine.Nested(7, 9);
        Support.Differential(backend, typeof(Machine), "Run", () => [code, new long[4]], Support.Params(threshold, eagerness: 1), runs: 2);
    }
}
