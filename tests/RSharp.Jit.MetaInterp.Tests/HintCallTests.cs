using RSharp.Flow;
using RSharp.CodeWriter;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>
/// The hints that are calls of <c>Jit</c> methods in jitcodes: <c>ConditionalCall</c> (a
/// <c>cond_call</c>), <c>RecordKnownResult</c> (later elidable calls fold) and <c>WeAreJitted</c>
/// (true in traces, false in the blackhole and natively).
/// </summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class HintCallTests(string backend)
{
    private static readonly string[] s_portals = ["JitSmall.CondCalls::Run", "JitSmall.KnownResults::Run", "JitSmall.Jitted::Run"];

    private static readonly Lazy<JitCodeSet> s_set = new(() => CodeWriter.CodeWriter.Build(FlowAssembly.Load(Support.Small.Location), s_portals));

    private MetaInterpreter Create(string portal)
    {
        var mi = new MetaInterpreter(s_set.Value.Get(portal), 0, Support.Backend(backend), Support.Params());
        mi.Blackhole.PoisonDeadRegisters = true;
        return mi;
    }

    private static string Names(IEnumerable<Operation> ops) => string.Join(" ", ops.Select(o => o.Info.Name));

    private static bool Calls(Operation o, string method) =>
        o.Descr is CallDescr c && c.ToString().Contains(method, StringComparison.Ordinal);

    [TestCase(3L)]
    [TestCase(100L)]
    [TestCase(2000L)]
    public void ConditionalCallIsOneCondCallWithoutGuardOrBridge(long n)
    {
        var mi = Create("JitSmall.CondCalls::Run");
        long native = JitSmall.CondCalls.Run(n, new JitSmall.Buffer());
        var buf = new JitSmall.Buffer();
        Assert.That(mi.Run(n, buf), Is.EqualTo(native), mi.Stats + "\n" + string.Join("\n", mi.Log));
        foreach (var e in mi.Log) TestContext.Out.WriteLine(e);
        if (n < 10) return;
        Assert.That(buf.Flushes, Is.GreaterThan(n / 20), "the flush ran in compiled code too");
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(mi.Stats.BridgesCompiled, Is.Zero, "the rare case needs no bridge");
        var loop = Support.LoopOps(mi.Log[0].Optimized.Trace);
        var cond = loop.Where(o => o.OpCode == OpCode.CondCall).ToList();
        Assert.That(cond, Has.Count.EqualTo(1), Names(loop));
        Assert.That(Calls(cond[0], "CondCalls.Flush"), Is.True, cond[0].ToString());
        Assert.That(loop.Count(o => o.Info.IsCall && o.OpCode != OpCode.CondCall), Is.Zero, "no other call on the fast path: " + Names(loop));
        // The condition is computed, not guarded: the guards left are the loop's own test and the
        // exception check after the call (a delegate's target has unknown effects).
        Assert.That(loop.Where(o => o.IsGuard).Select(o => o.Info.Name), Is.EquivalentTo(new[] { "guard_no_exception", "guard_true" }), Names(loop));
    }

    [TestCase(4L)]
    [TestCase(300L)]
    public void RecordedResultFoldsTheElidableCall(long n)
    {
        // Two keys have their hash cached already, so the traced iteration may take either path.
        static JitSmall.Key[] Keys() => [new(3) { Hash = 3 * 31 + 7 }, new(5), new(8) { Hash = 8 * 31 + 7 }, new(13), new(21)];
        JitSmall.KnownResults.SlowCalls = 0;
        long native = JitSmall.KnownResults.Run(n, Keys());
        long nativeCalls = JitSmall.KnownResults.SlowCalls;
        JitSmall.KnownResults.SlowCalls = 0;
        var mi = Create("JitSmall.KnownResults::Run");
        Assert.That(mi.Run(n, Keys()), Is.EqualTo(native), mi.Stats + "\n" + string.Join("\n", mi.Log));
        foreach (var e in mi.Log) TestContext.Out.WriteLine(e);
        if (n < 10) return;
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(nativeCalls, Is.EqualTo(n + 3));
        Assert.That(JitSmall.KnownResults.SlowCalls, Is.LessThan(20), "compiled code does not call ComputeHash");
        // Every compiled trace (the loop took one path, a bridge the other) records the hint and
        // the call, which optimizes away: on the cached path to the field read, on the other to
        // the first call's result.
        foreach (var entry in mi.Log)
        {
            Assert.That(entry.Recorded.Operations.Count(o => o.OpCode == OpCode.RecordKnownResult), Is.EqualTo(1), entry.ToString());
            Assert.That(entry.Recorded.Operations.Any(o => o.OpCode == OpCode.CallPureI && Calls(o, "ComputeHash")), Is.True,
                "recorded as call_pure (its argument is another read of the field)");
            var ops = entry.Optimized.Trace.Operations;
            Assert.That(ops.Where(o => o.OpCode == OpCode.RecordKnownResult), Is.Empty);
            bool cachedPath = !WritesHash(entry.Recorded);
            if (cachedPath)
                Assert.That(ops.Where(o => Calls(o, "ComputeHash")), Is.Empty, Names(ops));
        }
        Assert.That(mi.Log.Any(e => !WritesHash(e.Recorded)), Is.True, "some trace took the cached path");
        static bool WritesHash(Trace t) => t.Operations.Any(o => o.OpCode == OpCode.SetfieldGc && o.Descr!.ToString()!.Contains("Key.Hash", StringComparison.Ordinal));
    }

    [TestCase(2L)]
    [TestCase(500L)]
    public void WeAreJittedIsTrueOnlyInCompiledCode(long n)
    {
        var nativeCounts = new JitSmall.StepCounts();
        long native = JitSmall.Jitted.Run(n, nativeCounts);
        Assert.That(nativeCounts.Jitted, Is.Zero);
        var counts = new JitSmall.StepCounts();
        var mi = Create("JitSmall.Jitted::Run");
        Assert.That(mi.Run(n, counts), Is.EqualTo(native));
        Assert.That(counts.Jitted + counts.Interpreted, Is.EqualTo(n));
        if (n < 10) { Assert.That(counts.Jitted, Is.Zero); return; }
        Assert.That(counts.Interpreted, Is.GreaterThan(0).And.LessThan(10), "the blackhole takes the else branch");
        Assert.That(counts.Jitted, Is.GreaterThan(n - 10));
        var entry = mi.Log[0];
        Assert.That(entry.Recorded.Operations.Where(o => Calls(o, "WeAreJitted")), Is.Empty, "folded while tracing");
        var loop = Support.LoopOps(entry.Optimized.Trace);
        Assert.That(loop.Count(o => o.IsGuard), Is.EqualTo(1), "only the loop test: " + Names(loop));
        Assert.That(loop.Count(o => o.OpCode == OpCode.IntLshift), Is.EqualTo(1), "the jitted branch's i << 1");
    }
}
