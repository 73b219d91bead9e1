namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>test_ajit-style loops: each runs natively and under the meta-interpreter, on both backends.</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class LoopTests(string backend)
{
    [Test]
    public void SimpleLoopIsExactlyAddSubCompareGuard()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Sum), "Run", () => [7L, 100L]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Stats.AbortCount, Is.Zero);
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.Count("int_add"), Is.EqualTo(1));
        Assert.That(ops.Count("int_sub"), Is.EqualTo(1));
        Assert.That(ops.Count("int_gt"), Is.EqualTo(1));
        Assert.That(ops.Count("guard_true"), Is.EqualTo(1));
        Assert.That(ops.CountPrefix("call"), Is.Zero);
        Assert.That(ops.Values.Sum(), Is.EqualTo(5), "int_add, int_sub, int_gt, guard_true, jump");
    }

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(2L)]
    [TestCase(3L)]
    [TestCase(1000L)]
    public void LoopCountsAroundTheThreshold(long y)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Sum), "Run", () => [3L, y]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(y >= 4 ? 1 : 0));
    }

    [Test]
    public void CompiledLoopIsReusedAcrossRuns()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Sum), "Run", () => [5L, 50L], runs: 4);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Stats.Entries, Is.GreaterThanOrEqualTo(4));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void ThresholdsOneToThree(int threshold)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Sum), "Run", () => [2L, 30L], Support.Params(threshold));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
    }

    [TestCase(10)]
    [TestCase(1000)]
    [TestCase(100000)]
    public void Int32ArithmeticWrapsLikeDotNet(int n)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Hash32), "Run", () => [n]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.Count("int_mul"), Is.EqualTo(1));
        Assert.That(ops.CountPrefix("call"), Is.Zero, "32-bit operations map to trace operations");
    }

    [TestCase(100)]
    [TestCase(5000)]
    public void UnsignedAndByteArithmetic(int n)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Unsigned), "Run", () => [n]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
    }

    [TestCase(5)]
    [TestCase(500)]
    public void UintFieldsArraysAndResultsKeepTheRegisterForm(int n)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.UintFields), "Run", () => [n]);
        if (n > 10) Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
    }

    [TestCase(10L)]
    [TestCase(3000L)]
    public void FloatLoop(long n)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Floats), "Run", () => [n]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(Support.SimpleLoop(mi).Count("float_mul"), Is.EqualTo(1));
    }

    [TestCase(10L, 1L)]
    [TestCase(100L, 1L)]
    [TestCase(100L, -5L)]
    public void CheckedArithmeticOverflowsInsideCompiledCode(long n, long start)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Checked), "Run", () => [n, start]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.Count("int_mul_ovf") + ops.Count("int_add_ovf"), Is.GreaterThanOrEqualTo(1));
        Assert.That(ops.Count("guard_no_overflow"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void ArraysAreBoundsChecked()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Arrays), "Run", () => [Enumerable.Range(0, 200).Select(i => i * 37 % 101).ToArray()]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.Count("getarrayitem_gc_i"), Is.EqualTo(1));
        Assert.That(ops.Count("setarrayitem_gc"), Is.EqualTo(1));
    }

    [TestCase("the quick brown fox jumps over the lazy dog, again and again and again")]
    [TestCase("")]
    [TestCase("aeiou")]
    public void StringLoop(string s)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Strings), "Run", () => [s]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(s.Length > 10 ? 1 : mi.Stats.LoopsCompiled));
    }

    [Test]
    public void AllocationsThatDoNotEscapeAreRemoved()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Virtuals), "Run", () => [500L]);
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var ops = Support.SimpleLoop(mi);
        // The temporary Point is never allocated; the one carried to the next iteration is
        // allocated once, at the jump (virtuals do not cross the peeled label yet).
        Assert.That(mi.Log[0].Recorded.Operations.Count(o => o.OpCode == Traces.OpCode.NewWithVtable), Is.EqualTo(2));
        Assert.That(ops.Count("new_with_vtable"), Is.EqualTo(1), string.Join("\n", mi.Log));
        Assert.That(ops.Count("int_add"), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void TraceLimitAbortsAndStillComputesTheResult()
    {
        var mi = Support.Differential(backend, typeof(JitSmall.LongBody), "Run", () => [300L], Support.Params(traceLimit: 10));
        Assert.That(mi.Stats.LoopsCompiled, Is.Zero);
        Assert.That(mi.Stats.Aborts.GetValueOrDefault("trace too long"), Is.GreaterThanOrEqualTo(1));
        var ok = Support.Differential(backend, typeof(JitSmall.LongBody), "Run", () => [300L]);
        Assert.That(ok.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(ok.Stats.AbortCount, Is.Zero);
    }

    [Test]
    public void JitOffRunsOnlyTheBlackhole()
    {
        var p = Support.Params();
        p.Enabled = false;
        var mi = Support.Differential(backend, typeof(JitSmall.Sum), "Run", () => [7L, 100L], p);
        Assert.That(mi.Stats.TracesStarted, Is.Zero);
    }

    [TestCase("intbounds:rewrite")]
    [TestCase("intbounds:rewrite:virtualize:string:pure:earlyforce:heap")]
    public void FewerOptimizations(string opts)
    {
        var mi = Support.Differential(backend, typeof(JitSmall.Virtuals), "Run", () => [200L], Support.Params(opts: opts));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Log[0].Optimized.Trace.Operations.Count(o => o.OpCode == Traces.OpCode.Label), Is.EqualTo(1), "no unroll: one label");
    }
}
