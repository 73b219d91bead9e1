using JitSmall;
using RSharp.Jit.JitCodes;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>The meta-interpreter's counters (RPython's jitcounter) and its merge point hook.</summary>
public class WarmStateTests
{
    [Test]
    public void CounterFiresAtTheThresholdAndRestarts()
    {
        var counters = new JitCounters();
        uint h = GreenHash.Of([7L, "code"]);
        var fired = Enumerable.Range(1, 10).Where(_ => counters.TickLoop(h, 4)).Count();
        Assert.That(fired, Is.EqualTo(2), "ticks 4 and 8");
        Assert.That(counters.LoopCount(h), Is.EqualTo(2));
        Assert.That(counters.TickEntry(h, 2), Is.False, "entry counters are separate");
        Assert.That(counters.TickEntry(h, 2), Is.True);
    }

    [Test]
    public void PrimedCounterFiresOnTheNextTick()
    {
        var counters = new JitCounters();
        uint h = GreenHash.Of([3L]);
        counters.PrimeLoop(h, 1000);
        Assert.That(counters.TickLoop(h, 1000), Is.True);
        Assert.That(counters.TickLoop(h, 1000), Is.False);
    }

    [Test]
    public void CountersDecay()
    {
        var counters = new JitCounters();
        uint warm = GreenHash.Of([1L]), busy = GreenHash.Of([2L]);
        for (int k = 0; k < 40; k++) counters.TickLoop(warm, 1000);
        // Another location ticks until the decay period ends: the old count is halved.
        for (int k = 40; k < JitCounters.DecayPeriod; k++) counters.TickLoop(busy, int.MaxValue);
        Assert.That(counters.LoopCount(warm), Is.EqualTo(20));
    }

    [Test]
    public void KeyHashEqualsTheFrameHash()
    {
        var code = Machine.Nested(3, 4);
        var jitcode = Support.SmallJitCodes.Get("JitSmall.Machine::Run");
        var mp = MergePointArgs.At(jitcode, JitCodeDecoder.Instructions(jitcode).First(i => i.Def.Name == "jit_merge_point").Pc);
        var frame = BlackholeInterpreter.NewFrameFor(jitcode);
        var (pcBank, pcReg) = mp.Args[0];
        var (codeBank, codeReg) = mp.Args[1];
        Assert.That((pcBank, codeBank), Is.EqualTo(('i', 'r')));
        frame.Ints[pcReg] = 6;
        frame.Refs[codeReg] = code;
        var key = new GreenKey([6L, code]);
        Assert.That(GreenHash.Of(frame, mp, 2), Is.EqualTo(key.Hash));
        Assert.That(GreenHash.Matches(key, frame, mp), Is.True);
        Assert.That(GreenHash.Matches(new GreenKey([6L, code.ToArray()]), frame, mp), Is.False, "references compare by identity");
    }

    [Test]
    public void MergePointHookAllocatesNothingWhileNothingIsHot()
    {
        var code = Machine.Nested(200, 500);
        long Allocated(bool enabled)
        {
            var p = Support.Params(threshold: 60000);
            p.FunctionThreshold = 60000;
            p.Enabled = enabled;
            var mi = Support.Create("interp", typeof(Machine), "Run", p);
            mi.Blackhole.PoisonDeadRegisters = false;
            mi.Run(code, new long[4]); // warm up (static caches, tiering)
            long before = GC.GetAllocatedBytesForCurrentThread();
            mi.Run(code, new long[4]);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        long off = Allocated(false), on = Allocated(true);
        // 100,000 guest instructions pass a merge point each; the hook must not allocate per pass.
        Assert.That(on - off, Is.LessThan(2048), $"JIT on: {on} bytes, off: {off} bytes");
    }
}
