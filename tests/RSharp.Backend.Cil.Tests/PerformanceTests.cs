using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text;
using RSharp.Backend.Interp;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;
using TestJit = RSharp.Jit.Tests.Jit;

namespace RSharp.Backend.Cil.Tests;

/// <summary>Speed against the interp backend and compile latency, measured in the test and written to its output.</summary>
[NonParallelizable]
public class PerformanceTests
{
    private const string XorLoop = """
        [i0, i1, i2]
        label(i0, i1, i2, descr=X)
        i3 = int_lt(i0, i1)
        guard_true(i3) [i0, i2]
        i4 = int_add(i0, 1)
        i5 = int_rshift(i4, 3)
        i6 = int_xor(i4, i5)
        i7 = int_add(i2, i6)
        jump(i4, i1, i7, descr=X)
        """;

    private static (TimeSpan Time, long Result) Time(IJitBackend backend, long n)
    {
        var token = backend.CompileLoop(Trace.Parse(XorLoop, TestJit.Registry()), new LoopToken("X"));
        backend.Execute(token, JitValues.Of(0L, 10L, 0L)); // warm-up: RyuJIT compiles the DynamicMethod on first call
        var watch = Stopwatch.StartNew();
        var frame = backend.Execute(token, JitValues.Of(0L, n, 0L));
        return (watch.Elapsed, frame.Values.GetInt(1));
    }

    [Test]
    public void TenMillionIterationsRunFarFasterThanOnTheInterpBackend()
    {
        const long n = 10_000_000;
        long expected = 0;
        for (long i = 1; i <= n; i++) expected += i ^ (i >> 3);
        var cil = Time(new CilBackend(), n);
        var interp = Time(new InterpBackend(), n);
        Assert.That(cil.Result, Is.EqualTo(expected));
        Assert.That(interp.Result, Is.EqualTo(expected));
        double ratio = interp.Time.TotalMilliseconds / cil.Time.TotalMilliseconds;
        TestContext.Out.WriteLine($"10M iterations: cil {cil.Time.TotalMilliseconds:F1} ms, interp {interp.Time.TotalMilliseconds:F1} ms, ratio {ratio:F1}x");
        // The target is 20x; the assertion is generous to stay robust on a loaded 2-core machine.
        Assert.That(ratio, Is.GreaterThan(5));
    }

    /// <summary>A 200-operation loop: arithmetic, guards with fail-args, field reads and writes.</summary>
    private static string Loop200(int id)
    {
        var text = new StringBuilder($"[i0, i1, p2]\nlabel(i0, i1, p2, descr=Big{id})\n");
        int next = 3;
        string acc = "i1";
        int ops = 1;
        while (ops < 196)
        {
            switch (ops % 5)
            {
                case 0: text.Append($"i{next} = int_add({acc}, {ops})\n"); break;
                case 1: text.Append($"i{next} = int_xor({acc}, i0)\n"); break;
                case 2: text.Append($"i{next} = int_mul({acc}, 3)\n"); break;
                case 3:
                    text.Append($"i{next} = int_ne({acc}, {ops})\n");
                    text.Append($"guard_true(i{next}) [i0, {acc}, p2]\n");
                    ops++;
                    next++;
                    text.Append($"i{next} = getfield_gc_i(p2, descr=<Field Frame.count>)\n");
                    break;
                default: text.Append($"i{next} = int_sub({acc}, i{next - 1})\n"); break;
            }
            acc = $"i{next}";
            next++;
            ops++;
        }
        text.Append($"setfield_gc(p2, {acc}, descr=<Field Frame.count>)\n");
        text.Append($"i{next} = int_add(i0, 1)\ni{next + 1} = int_lt(i{next}, 1000)\nguard_true(i{next + 1}) [i{next}, {acc}, p2]\n");
        text.Append($"jump(i{next}, {acc}, p2, descr=Big{id})\n");
        return text.ToString();
    }

    [Test]
    public void CompileLatencyOfATwoHundredOperationLoop()
    {
        var emit = new List<double>();
        var firstRun = new List<double>();
        int operations = 0;
        for (int round = 0; round < 12; round++)
        {
            var reg = TestJit.Registry();
            var trace = Trace.Parse(Loop200(round), reg);
            operations = trace.Operations.Count;
            var backend = new CilBackend();
            var watch = Stopwatch.StartNew();
            var token = backend.CompileLoop(trace, new LoopToken("Big"));
            emit.Add(watch.Elapsed.TotalMilliseconds);
            var frame = new RSharp.Jit.Tests.Frame();
            watch.Restart();
            var dead = backend.Execute(token, JitValues.Of(0L, 1L, frame)); // includes RyuJIT's compilation
            firstRun.Add(watch.Elapsed.TotalMilliseconds);
            var reference = new InterpBackend();
            var expected = reference.Execute(reference.CompileLoop(trace, new LoopToken("Ref")), JitValues.Of(0L, 1L, new RSharp.Jit.Tests.Frame()));
            Assert.That(dead.Exit, Is.SameAs(expected.Exit));
            Assert.That(dead.Values.ToBoxedArray()[..2], Is.EqualTo(expected.Values.ToBoxedArray()[..2]));
        }
        // The first rounds include warming up the emitter itself; report the median of the rest.
        double Median(List<double> xs) => xs.Skip(2).Order().ElementAt((xs.Count - 2) / 2);
        TestContext.Out.WriteLine($"{operations}-operation loop: IL emission {Median(emit):F2} ms (min {emit.Min():F2}), " +
            $"first execution (RyuJIT + run) {Median(firstRun):F2} ms (min {firstRun.Min():F2}) (medians of {emit.Count - 2})");
        Assert.That(operations, Is.GreaterThanOrEqualTo(200));
        Assert.That(Median(emit) + Median(firstRun), Is.LessThan(1000), "compiling a 200-operation loop takes well under a second");
    }
}
