using RSharp.Flow;
using RSharp.CodeWriter;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>Quasi-immutable fields (RPython's test_quasiimmut.py): constants in traces, invalidated by writes.</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class QuasiImmutTests(string backend)
{
    private static readonly Lazy<JitCodeSet> s_set = new(() =>
        CodeWriter.CodeWriter.Build(FlowAssembly.Load(Support.Small.Location), ["JitSmall.QuasiImmut::Run"]));

    private MetaInterpreter Create(int eagerness = 2)
    {
        var mi = new MetaInterpreter(s_set.Value.Get("JitSmall.QuasiImmut::Run"), 1, Support.Backend(backend), Support.Params(eagerness: eagerness));
        mi.Blackhole.PoisonDeadRegisters = true;
        return mi;
    }

    [Test]
    public void ReadIsAConstantGuardedByGuardNotInvalidated()
    {
        var mi = Create();
        var cfg = new JitSmall.QiConfig(7);
        Assert.That(mi.Run(cfg, 500L, 0L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(7), 500, 0)));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var ops = Support.SimpleLoop(mi);
        Assert.That(ops.CountPrefix("getfield"), Is.Zero, string.Join("\n", mi.Log));
        Assert.That(ops.Count("guard_not_invalidated"), Is.EqualTo(1));
        Assert.That(mi.Log[0].Recorded.Operations.Count(o => o.OpCode == Traces.OpCode.QuasiimmutField), Is.EqualTo(1));
        Assert.That(mi.Stats.Invalidations, Is.Zero);
        // Same object, same value: the loop is entered again, nothing is retraced.
        int entries = mi.Stats.Entries;
        Assert.That(mi.Run(cfg, 300L, 0L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(7), 300, 0)));
        Assert.That(mi.Stats.Entries, Is.GreaterThan(entries));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
    }

    [TestCase(1, 40L)]
    [TestCase(2, 40L)]
    [TestCase(1000, 40L)]
    [TestCase(2, 7L)]
    public void WritesInTheLoopInvalidate(int eagerness, long switchEvery)
    {
        // The write runs in the blackhole, or in a bridge traced at the first failure (eagerness 1;
        // otherwise the write invalidates the loop before its guard fails again).
        var mi = Create(eagerness);
        var cfg = new JitSmall.QiConfig(1);
        long native = JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(1), 1000, switchEvery);
        Assert.That(mi.Run(cfg, 1000L, switchEvery), Is.EqualTo(native), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(cfg.Mode, Is.EqualTo(1 + 1000 / switchEvery));
        Assert.That(mi.Stats.Invalidations, Is.GreaterThanOrEqualTo(1));
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(2), "retraced with the new value");
        TestContext.Out.WriteLine(mi.Stats);
        foreach (var e in mi.Log) TestContext.Out.WriteLine(e);
        if (eagerness == 1)
            Assert.That(mi.Log.Where(e => e.IsBridge).SelectMany(e => e.Optimized.Trace.Operations)
                .Any(o => o.Descr?.ToString()?.Contains("quasiimmut_written", StringComparison.Ordinal) == true), Is.True,
                "a compiled write invalidates through the registry");
    }

    [Test]
    public void WriteOutsideTheJitNeedsQuasiImmutableChanged()
    {
        var mi = Create();
        var cfg = new JitSmall.QiConfig(2);
        Assert.That(mi.Run(cfg, 200L, 0L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(2), 200, 0)));
        cfg.Mode = 5; // native code: the JIT cannot see this write
        mi.QuasiImmutableChanged(cfg, nameof(JitSmall.QiConfig.Mode));
        Assert.That(mi.Stats.Invalidations, Is.EqualTo(1));
        Assert.That(mi.Run(cfg, 200L, 0L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(5), 200, 0)));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(2));
    }

    [Test]
    public void OtherObjectsAreNotAffected()
    {
        var mi = Create();
        var a = new JitSmall.QiConfig(3);
        var b = new JitSmall.QiConfig(4);
        Assert.That(mi.Run(a, 200L, 0L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(3), 200, 0)));
        Assert.That(mi.Run(b, 200L, 0L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(4), 200, 0)));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(2), "one loop per green object");
        Assert.That(mi.Run(b, 200L, 3L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(4), 200, 3)));
        Assert.That(mi.Stats.Invalidations, Is.GreaterThanOrEqualTo(1));
        int loops = mi.Stats.LoopsCompiled;
        Assert.That(mi.Run(a, 200L, 0L), Is.EqualTo(JitSmall.QuasiImmut.Run(new JitSmall.QiConfig(3), 200, 0)));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(loops), "a's loop is still valid");
    }
}
