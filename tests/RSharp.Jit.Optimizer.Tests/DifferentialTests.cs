using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer.Tests;

/// <summary>
/// The optimized trace and the original, run on the interp backend with equal inputs, end
/// alike (same exit, same values after resume, same heap) — for random traces, with all the
/// passes and with each pass alone.
/// </summary>
public class DifferentialTests
{
    private const int Variants = 4;

    private static IEnumerable<int> Seeds() => Enumerable.Range(0, 40);

    [TestCaseSource(nameof(Seeds))]
    public void RandomTraceWithAllPasses(int seed) => CheckSeed(seed, "all");

    [TestCase("intbounds")]
    [TestCase("rewrite")]
    [TestCase("virtualize")]
    [TestCase("pure")]
    [TestCase("heap")]
    [TestCase("unroll")]
    [TestCase("intbounds:rewrite")]
    [TestCase("rewrite:virtualize:heap")]
    [TestCase("intbounds:rewrite:pure:heap")]
    [TestCase("all")]
    public void ManyRandomTraces(string opts)
    {
        for (int seed = 1000; seed < 1300; seed++) CheckSeed(seed, opts);
    }

    [Test]
    public void OptimizingIsDeterministicAndRemovesWork()
    {
        var noUnroll = Hints.JitParameters.AllOptimizations.Where(n => n != "unroll").ToList();
        int removed = 0, total = 0, unpeeledBody = 0, peeledBody = 0, loops = 0, peeled = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var reg = T.Registry();
            var trace = RandomTraceGenerator.Generate(seed, reg);
            OptimizedTrace a, b, plain;
            try
            {
                a = TraceOptimizer.Optimize(trace);
                b = TraceOptimizer.Optimize(trace);
                plain = TraceOptimizer.Optimize(trace, noUnroll);
            }
            catch (InvalidLoopException) { continue; }
            Assert.That(b.Trace.ToString(), Is.EqualTo(a.Trace.ToString()), $"seed {seed}");
            total += trace.Operations.Count;
            removed += trace.Operations.Count - plain.Trace.Operations.Count;
            var labels = a.Trace.Operations.FindAll(o => o.OpCode == OpCode.Label);
            if (trace.IsLoop) loops++;
            if (labels.Count == 2)
            {
                peeled++;
                peeledBody += a.Trace.Operations.Count - a.Trace.Operations.IndexOf(labels[1]);
                unpeeledBody += plain.Trace.Operations.Count;
            }
        }
        TestContext.Out.WriteLine($"{loops} loops, {peeled} peeled; {removed} of {total} operations removed; bodies {peeledBody} peeled vs {unpeeledBody}");
        Assert.That(peeled, Is.GreaterThan(loops / 2), "most loops can be peeled");
        Assert.That(removed, Is.GreaterThan(total / 5), "the passes remove a good share of random operations");
        Assert.That(peeledBody, Is.LessThan(unpeeledBody), "the peeled loops are shorter than the loops optimized without peeling");
    }

    private static void CheckSeed(int seed, string opts)
    {
        var reg = T.Registry();
        var trace = RandomTraceGenerator.Generate(seed, reg);
        string before = trace.ToString();
        OptimizedTrace optimized;
        try
        {
            optimized = TraceOptimizer.Optimize(trace, TraceOptimizer.ParseOpts(opts));
            Assert.That(trace.ToString(), Is.EqualTo(before), "the input trace is left untouched");
        }
        catch (InvalidLoopException)
        {
            // A guard always fails: no run of the original may reach the end.
            for (int v = 0; v < Variants; v++)
            {
                var (frame, error) = Differential.Run(trace, RandomTraceGenerator.Inputs(seed, v)());
                Assert.That(error is not null || !frame!.IsFinish, Is.True, $"seed {seed}: declared invalid but finished\n{trace}");
            }
            return;
        }
        for (int v = 0; v < Variants; v++)
        {
            try { Differential.AssertSame(trace, optimized, RandomTraceGenerator.Inputs(seed, v)); }
            catch (AssertionException)
            {
                TestContext.Out.WriteLine($"seed {seed} variant {v} opts {opts}\n--- original\n{trace}\n--- optimized\n{optimized.Trace}");
                throw;
            }
        }
    }
}
