using RSharp.Jit.Tests;
using TestJit = RSharp.Jit.Tests.Jit;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil.Tests;

/// <summary>
/// Random traces executed on the interp backend (the reference) and the CIL backend must give
/// identical outcomes: same exit, same values (floats bitwise), same exceptions, same heap.
/// </summary>
public class DifferentialTests
{
    public static IEnumerable<int> Blocks() => Enumerable.Range(0, 8);

    /// <summary>The JIT tests' random traces (the finishing ones: their loops may not terminate).</summary>
    [TestCaseSource(nameof(Blocks))]
    public void RandomStraightLineTracesAgree(int block)
    {
        int compared = 0;
        for (int seed = block * 100; seed < block * 100 + 100; seed++)
        {
            var reg = TestJit.Registry();
            var trace = RandomTraces.Generate(seed, reg);
            if (trace.IsLoop) continue;
            int argSeed = seed;
            Differential.AssertAgree(new TraceSet(trace, []), () => ArgsFor(trace, argSeed), $"seed {seed}");
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(20));
    }

    /// <summary>Terminating random loops with random bridges (and bridges of bridges).</summary>
    [TestCaseSource(nameof(Blocks))]
    public void RandomLoopsWithBridgesAgree(int block)
    {
        int bridged = 0;
        var outcomes = new HashSet<string>();
        for (int seed = block * 60; seed < block * 60 + 60; seed++)
        {
            var reg = TestJit.Registry();
            var set = RandomLoops.Generate(seed, reg);
            bridged += set.Bridges.Count;
            int argSeed = seed;
            var (interp, cil) = Differential.Run(set, () => RandomLoops.Args(argSeed));
            Assert.That(cil, Is.EqualTo(interp), $"seed {seed}\n{set.Loop}\n" + string.Join("\n", set.Bridges.Select(b => b.Bridge.ToString())));
            outcomes.Add(interp.Split('[')[0]);
        }
        Assert.That(bridged, Is.GreaterThan(20), "bridges were exercised");
        Assert.That(outcomes.Count, Is.GreaterThan(3), "the loops leave through varied exits");
    }

    /// <summary>Inputs for a random trace: ints and floats from the seed, fresh frames for refs.</summary>
    private static object?[] ArgsFor(Trace trace, int seed)
    {
        var rng = new Random(seed);
        return trace.InputArgs.Select(a => a.Kind switch
        {
            ValueKind.Int => (object?)(rng.Next(3) == 0 ? rng.NextInt64() : rng.Next(-5, 50)),
            ValueKind.Float => rng.NextDouble() * 100 - 50,
            _ => rng.Next(4) == 0 ? null : new Frame { count = rng.Next(100), next = rng.Next(2) == 0 ? new Frame() : null },
        }).ToArray();
    }
}
