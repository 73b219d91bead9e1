using System.Reflection;
using RSharp.CodeWriter;
using RSharp.Flow;
using RSharp.Hints;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>Virtualizables (RPython's test_virtualizable.py): the frame's fields and locals live in trace values.</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class VirtualizableTests(string backend)
{
    private static readonly Lazy<JitCodeSet> s_set = new(() =>
        CodeWriter.CodeWriter.Build(FlowAssembly.Load(Support.Small.Location), ["JitSmall.Vable::Run", "JitSmall.VableRaise::Run"]));

    private static JitDriver Driver => (JitDriver)typeof(JitSmall.Vable).GetField("Driver", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private MetaInterpreter Create(int eagerness = 2, bool virtualizable = true)
    {
        var mi = new MetaInterpreter(s_set.Value.Get("JitSmall.Vable::Run"), Driver.Greens.Count, Support.Backend(backend), Support.Params(eagerness: eagerness))
        {
            VirtualizableRed = virtualizable ? MetaInterpreter.VirtualizableRedOf(Driver) : -1,
        };
        mi.Blackhole.PoisonDeadRegisters = true;
        return mi;
    }

    private static long Native(long n, long k, long size) => JitSmall.Vable.Run(n, k, size);

    private static bool OnFrame(Operation o) => o.Descr is FieldDescr fd && fd.Field.DeclaringType == typeof(JitSmall.VFrame)
        || o.Descr is ArrayDescr;

    [Test]
    public void TheLoopHasNoHeapOperationsOnTheFrame()
    {
        Assert.That(MetaInterpreter.VirtualizableRedOf(Driver), Is.EqualTo(0));
        var mi = Create();
        Assert.That(mi.Run(1000L, 1_000_000L, 4L), Is.EqualTo(Native(1000, 1_000_000, 4)), mi.Stats.ToString());
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var loop = Support.LoopOps(mi.Log[0].Optimized.Trace);
        Assert.That(loop.Where(OnFrame), Is.Empty, mi.Log[0].ToString());
        var label = mi.Log[0].Optimized.Trace.Operations.First(o => o.OpCode == OpCode.Label);
        Assert.That(label.Args.Count, Is.GreaterThanOrEqualTo(2 + 1 + 1 + 4), "reds, acc, the locals array and its 4 items");
        // Without the virtualizable the same loop reads and writes the frame through the heap.
        var plain = Create(virtualizable: false);
        Assert.That(plain.Run(1000L, 1_000_000L, 4L), Is.EqualTo(Native(1000, 1_000_000, 4)));
        Assert.That(Support.LoopOps(plain.Log[0].Optimized.Trace).Where(OnFrame), Is.Not.Empty);
    }

    [TestCase(1000)]
    [TestCase(2)]
    [TestCase(1)]
    public void GuardFailuresWriteTheValuesBack(int eagerness)
    {
        // Every 13th iteration leaves the loop through a guard (then a bridge, with eagerness 1 and 2):
        // Observe and Bump see and change the frame, the final result reads it.
        var mi = Create(eagerness);
        Assert.That(mi.Run(500L, 13L, 4L), Is.EqualTo(Native(500, 13, 4)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.GuardFailures, Is.GreaterThanOrEqualTo(1));
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        if (eagerness < 1000) Assert.That(mi.Stats.BridgesCompiled, Is.GreaterThanOrEqualTo(1));
        TestContext.Out.WriteLine(mi.Stats);
        foreach (var e in mi.Log) TestContext.Out.WriteLine(e);
    }

    [Test]
    public void AResidualCallSeesAndChangesTheCurrentValues()
    {
        // k = 1: Observe and Bump run in every iteration of the loop.
        var mi = Create();
        Assert.That(mi.Run(300L, 1L, 4L), Is.EqualTo(Native(300, 1, 4)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        var loop = Support.LoopOps(mi.Log[0].Optimized.Trace);
        int call = loop.FindIndex(o => o.Descr?.ToString()?.Contains("Observe", StringComparison.Ordinal) == true);
        Assert.That(call, Is.GreaterThan(0), mi.Log[0].ToString());
        Assert.That(loop.Take(call).Any(o => o.OpCode is OpCode.SetfieldGc or OpCode.SetarrayitemGc && OnFrame(o)), Is.True, "written back before the call");
        Assert.That(loop.Skip(call).Any(o => o.OpCode is OpCode.GetfieldGcI or OpCode.GetarrayitemGcI && OnFrame(o)), Is.True, "read again after it");
    }

    [TestCase(1, 5L)]
    [TestCase(2, 3L)]
    [TestCase(1000, 5L)]
    public void BridgesFromACallThatRaisedStartWithTheFrameInTheHeap(int eagerness, long k)
    {
        // The guard_no_exception after Check (which gets the frame) keeps no virtualizable values:
        // its bridge runs the handler on the heap and reads the values for the jump.
        var mi = new MetaInterpreter(s_set.Value.Get("JitSmall.VableRaise::Run"), 0, Support.Backend(backend), Support.Params(eagerness: eagerness))
        {
            VirtualizableRed = 0,
        };
        mi.Blackhole.PoisonDeadRegisters = true;
        Assert.That(mi.Run(400L, k), Is.EqualTo(JitSmall.VableRaise.Run(400, k)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        Assert.That(mi.Stats.GuardFailures, Is.GreaterThanOrEqualTo(1));
        if (eagerness < 1000)
        {
            var bridge = mi.Log.FirstOrDefault(e => e.IsBridge && e.Recorded.Operations.Any(o => o.OpCode == OpCode.SaveException));
            Assert.That(bridge, Is.Not.Null, string.Join("\n", mi.Log));
        }
        TestContext.Out.WriteLine(mi.Stats);
        foreach (var e in mi.Log) TestContext.Out.WriteLine(e);
    }

    [Test]
    public void ArraysOfAnotherLengthDoNotEnterTheLoop()
    {
        var mi = Create();
        Assert.That(mi.Run(200L, 1_000_000L, 4L), Is.EqualTo(Native(200, 1_000_000, 4)));
        int entries = mi.Stats.Entries;
        Assert.That(mi.Run(200L, 1_000_000L, 6L), Is.EqualTo(Native(200, 1_000_000, 6)));
        Assert.That(mi.Stats.Entries, Is.EqualTo(entries), "the loop was traced with 4 locals");
        Assert.That(mi.Run(200L, 1_000_000L, 4L), Is.EqualTo(Native(200, 1_000_000, 4)));
        Assert.That(mi.Stats.Entries, Is.GreaterThan(entries));
    }
}

/// <summary>The Tiny sample, whose frame is declared virtualizable (<c>stack[*]</c>, <c>sp</c>).</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class TinyVirtualizableTests(string backend)
{
    [TestCase("hello.tiny", 1, 0)]
    [TestCase("strings.tiny", 2, 0)]
    [TestCase("sieve.tiny", 1, 1)]
    [TestCase("sieve.tiny", 3, 1)]
    [TestCase("fib.tiny", 2, 1)]
    public void ExamplesPrintExactlyTheNativeOutput(string example, int threshold, int minLoops)
    {
        var source = File.ReadAllText(Path.Combine(Support.RepoRoot(), "samples", "tiny", "examples", example));
        var mi = TinyRun.Differential(backend, source, Support.Params(threshold), vable: true);
        Assert.That(mi.VirtualizableRed, Is.EqualTo(0));
        var frameType = SampleJitCodes.Tiny.GetType("RSharp.Samples.Tiny.Frame")!;
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(minLoops));
        Assert.That(mi.Stats.AbortCount, Is.Zero, mi.Stats.ToString());
        // The frame's stack and sp are label arguments: the loop header reads nothing from the frame.
        foreach (var e in mi.Log.Where(e => !e.IsBridge))
        {
            var ops = e.Optimized.Trace.Operations;
            var header = ops.Skip(1).TakeWhile(o => !o.Info.IsCall && o.OpCode != Traces.OpCode.Label);
            Assert.That(header.Count(o => o.Descr is Traces.FieldDescr fd && fd.Field.DeclaringType == frameType), Is.Zero, e.ToString());
        }
    }
}
