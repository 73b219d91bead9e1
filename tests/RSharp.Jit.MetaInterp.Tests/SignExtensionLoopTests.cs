using RSharp.Jit.Optimizer;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>
/// The optimizer removes the tracer's 32-bit re-sign-extensions (<c>int_lshift</c> +
/// <c>int_rshift</c> by 32) where integer bounds prove the value fits: a real Brainfuck loop.
/// </summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class SignExtensionLoopTests(string backend)
{
    [Test]
    public void BrainfuckMoveLoopLosesItsSignExtensions()
    {
        var (native, jit, mi) = SampleJitCodes.RunBrainfuck(backend, DocsTests.MoveLoop, "", 3);
        Assert.That(jit, Is.EqualTo(native));
        Assert.That(native, Is.EqualTo("0"));
        var entry = mi.Log.First(e => !e.IsBridge);
        int Count(IEnumerable<RSharp.Jit.Traces.Operation> ops, string name) => ops.Count(o => o.Info.Name == name);

        // The recorded iteration extends 4 results (the cell -1 and +1, the position +1 and -1).
        Assert.That(Count(entry.Recorded.Operations, "int_lshift"), Is.EqualTo(4));
        Assert.That(Count(entry.Recorded.Operations, "int_rshift"), Is.EqualTo(4));
        var optimized = entry.Optimized.Trace.Operations;
        Assert.That(Count(optimized, "int_lshift") + Count(optimized, "int_rshift"), Is.Zero, entry.Optimized.ToString());

        // Without intbounds the same loop keeps the pairs: 8 per iteration, preamble and peeled loop.
        var without = TraceOptimizer.Optimize(entry.Recorded, TraceOptimizer.ParseOpts("rewrite:virtualize:string:pure:earlyforce:heap:unroll"));
        Assert.That(Count(without.Trace.Operations, "int_lshift"), Is.EqualTo(8));
        Assert.That(optimized.Count, Is.LessThanOrEqualTo(without.Trace.Operations.Count - 16));
    }
}
