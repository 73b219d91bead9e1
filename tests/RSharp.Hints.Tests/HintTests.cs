using RSharp.Hints;

namespace RSharp.Hints.Tests;

public class HintTests
{
    private static readonly JitDriver Driver = new(greens: ["pc", "code"], reds: ["frame", "count"], name: "test");

    private sealed class Frame { public int X; }

    [Test]
    public void UntranslatedMergePointAllocatesNothing()
    {
        var frame = new Frame();
        string code = "abc";
        long count = 0;
        // Warm up so that tiering and first-call work are done before measuring.
        for (int pc = 0; pc < 1000; pc++) Loop(pc, code, frame, ref count);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int pc = 0; pc < 1_000_000; pc++) Loop(pc, code, frame, ref count);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(after - before, Is.EqualTo(0), "bytes allocated by one million merge points");
        Assert.That(count, Is.EqualTo(1_001_000));
    }

    private static void Loop(int pc, string code, Frame frame, ref long count)
    {
        Driver.JitMergePoint(pc, code, frame, count);
        Driver.CanEnterJit(pc, code, frame, count);
        frame.X = Jit.Promote(pc) + (Jit.WeAreJitted() ? 1 : 0) + (Jit.IsConstant(pc) ? 1 : 0);
        Jit.AssertGreen(pc);
        count++;
    }

    [Test]
    public void IntrinsicsAreIdentityOutsideTraces()
    {
        var o = new object();
        Assert.Multiple(() =>
        {
            Assert.That(Jit.Promote(42), Is.EqualTo(42));
            Assert.That(Jit.Promote(42L), Is.EqualTo(42L));
            Assert.That(Jit.Promote(1.5), Is.EqualTo(1.5));
            Assert.That(Jit.Promote(o), Is.SameAs(o));
            Assert.That(Jit.PromoteString("s"), Is.EqualTo("s"));
            Assert.That(Jit.WeAreJitted(), Is.False);
            Assert.That(Jit.IsConstant(3), Is.False);
            Assert.That(Jit.IsVirtual(o), Is.False);
        });
    }

    [Test]
    public void ConditionalCallCallsOnlyWhenTrue()
    {
        int calls = 0;
        Jit.ConditionalCall(false, (int n) => calls += n, 5);
        Assert.That(calls, Is.EqualTo(0));
        Jit.ConditionalCall(true, (int n) => calls += n, 5);
        Jit.ConditionalCall(true, () => calls++);
        Assert.That(calls, Is.EqualTo(6));
    }

    [Test]
    public void DriverDeclaresGreensAndReds()
    {
        Assert.That(Driver.Greens, Is.EqualTo(new[] { "pc", "code" }));
        Assert.That(Driver.Reds, Is.EqualTo(new[] { "frame", "count" }));
        Assert.That(Driver.Name, Is.EqualTo("test"));
        Assert.That(JitDriver.All, Does.Contain(Driver));
    }

    [Test]
    public void DriverRejectsBadDeclarations()
    {
        Assert.Throws<ArgumentException>(() => _ = new JitDriver(["pc"], []));
        var e = Assert.Throws<ArgumentException>(() => _ = new JitDriver(["pc"], ["frame"], virtualizables: ["pc"]));
        Assert.That(e!.Message, Does.Contain("'pc' is not one of the reds"));
    }

    [Test]
    public void PrintableLocationDescribesGreens()
    {
        var d = new JitDriver(["pc", "code"], ["frame"]) { PrintableLocation = (Func<int, string, string>)((pc, code) => $"{code}@{pc}") };
        Assert.That(d.DescribeLocation(3, "f"), Is.EqualTo("f@3"));
        Assert.That(new JitDriver(["pc"], ["frame"], name: "x").DescribeLocation(7), Is.EqualTo("x(7)"));
    }
}

public class JitParameterTests
{
    [Test]
    public void DefaultsAreRPythons()
    {
        var p = new JitParameters();
        Assert.Multiple(() =>
        {
            Assert.That(p.Threshold, Is.EqualTo(1039));
            Assert.That(p.FunctionThreshold, Is.EqualTo(1619));
            Assert.That(p.TraceEagerness, Is.EqualTo(200));
            Assert.That(p.TraceLimit, Is.EqualTo(6000));
            Assert.That(p.Inlining, Is.True);
            Assert.That(p.Enabled, Is.True);
            Assert.That(p.EnableOpts, Is.EqualTo(JitParameters.AllOptimizations));
        });
    }

    [Test]
    public void ApplyParsesPyPyStyleStrings()
    {
        var p = new JitParameters();
        p.Apply("threshold=200, trace_limit=8000,inlining=0,enable_opts=intbounds:rewrite,off");
        Assert.Multiple(() =>
        {
            Assert.That(p.Threshold, Is.EqualTo(200));
            Assert.That(p.TraceLimit, Is.EqualTo(8000));
            Assert.That(p.Inlining, Is.False);
            Assert.That(p.EnableOpts, Is.EqualTo(new[] { "intbounds", "rewrite" }));
            Assert.That(p.Enabled, Is.False);
        });
        p.Apply("default");
        Assert.That(p.Threshold, Is.EqualTo(1039));
        Assert.That(p.Enabled, Is.True);
        foreach (var name in new[] { "function_threshold", "trace_eagerness", "loop_longevity", "retrace_limit", "max_unroll_loops" })
        {
            p.Set(name, "7");
        }
        Assert.That(new[] { p.FunctionThreshold, p.TraceEagerness, p.LoopLongevity, p.RetraceLimit, p.MaxUnrollLoops }, Is.All.EqualTo(7));
    }

    [TestCase("treshold=5", "unknown JIT parameter 'treshold'")]
    [TestCase("threshold=abc", "JIT parameter 'threshold' needs an integer, not 'abc'")]
    [TestCase("threshold=0", "JIT parameter 'threshold' must be positive, not 0")]
    [TestCase("threshold", "JIT parameter 'threshold' needs a value")]
    [TestCase("enable_opts=intbounds:fast", "unknown optimization 'fast'")]
    public void ApplyRejectsBadStringsWithOneLine(string spec, string message)
    {
        var e = Assert.Throws<FormatException>(() => new JitParameters().Apply(spec));
        Assert.That(e!.Message, Does.StartWith(message));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void SetParamsReachesEveryDriverAndNewOnes()
    {
        var before = new JitDriver(["pc"], ["frame"]);
        try
        {
            Jit.SetParams("threshold=77");
            var after = new JitDriver(["pc"], ["frame"]);
            Assert.That(before.Parameters.Threshold, Is.EqualTo(77));
            Assert.That(after.Parameters.Threshold, Is.EqualTo(77));
            before.SetParam("threshold", "5");
            Assert.That(before.Parameters.Threshold, Is.EqualTo(5));
            Assert.That(after.Parameters.Threshold, Is.EqualTo(77));
        }
        finally
        {
            Jit.SetParams("default");
        }
    }
}
