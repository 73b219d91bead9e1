using RSharp.Hints;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>
/// Recursive portal calls on the Tiny sample (a guest call runs the dispatch loop again):
/// small callees are inlined, callees that loop or recurse are called through call_assembler
/// once they have compiled code, and hot functions get entry traces (function_threshold).
/// </summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class RecursionTests(string backend)
{
    private const string CallsSmallFunction = """
        fn sq(x) { return x * x; }
        let i = 0;
        let s = 0;
        while i < 300 {
            s = s + sq(i);
            i = i + 1;
        }
        print s;
        """;

    private const string CallsLoopingFunction = """
        fn sumto(n) {
            let s = 0;
            let k = 0;
            while k < n {
                s = s + k;
                k = k + 1;
            }
            return s;
        }
        let i = 0;
        let t = 0;
        while i < 400 {
            t = t + sumto(i % 13);
            i = i + 1;
        }
        print t;
        """;

    private const string Fib = """
        fn fib(n) {
            if n < 2 { return n; }
            return fib(n - 1) + fib(n - 2);
        }
        print fib(17);
        """;

    /// <summary>The recursion fails deep down on some calls: the error leaves compiled code through call_assembler.</summary>
    private const string RaisesDeepInside = """
        fn down(n, z) {
            if n == 0 { return 10 / z; }
            return down(n - 1, z) + 1;
        }
        let i = 0;
        let t = 0;
        while i < 200 {
            t = t + down(i % 7, 1);
            i = i + 1;
        }
        print t;
        print down(5, 0);
        """;

    private static IEnumerable<Operation> AllOps(MetaInterpreter mi) => mi.Log.SelectMany(e => e.Optimized.Trace.Operations);

    private static bool IsCallAssembler(Operation o) => o.OpCode is >= OpCode.CallAssemblerI and <= OpCode.CallAssemblerN;

    private static JitParameters Params(int threshold = 3, int functionThreshold = 3, bool inlining = true)
    {
        var p = Support.Params(threshold);
        p.FunctionThreshold = functionThreshold;
        p.Inlining = inlining;
        return p;
    }

    [TestCase(false)]
    [TestCase(true)]
    public void SmallCalleeIsInlinedIntoTheLoop(bool vable)
    {
        var mi = TinyRun.Differential(backend, CallsSmallFunction, Params(), vable);
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        var loop = mi.Log.First(e => !e.IsBridge && !e.IsEntry).Optimized.Trace;
        Assert.That(loop.Operations.Where(IsCallAssembler), Is.Empty, loop.ToString());
        Assert.That(loop.Operations.Where(o => o.Descr?.Name is "portal_runner" || o.Descr?.Name.StartsWith("portal_from", StringComparison.Ordinal) == true),
            Is.Empty, "the callee's body is in the loop");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void CalleeWithALoopIsCalledThroughCallAssembler(bool vable)
    {
        var mi = TinyRun.Differential(backend, CallsLoopingFunction, Params(), vable);
        Assert.That(mi.Stats.Aborts.Keys, Does.Contain("inlined recursive call has a loop"), "the first attempt unrolled the callee's loop");
        var caller = mi.Log.Where(e => !e.IsBridge).Select(e => e.Optimized.Trace).Where(t => t.Operations.Any(IsCallAssembler)).ToList();
        Assert.That(caller, Is.Not.Empty, string.Join("\n", mi.Log));
        var target = (LoopToken)caller[0].Operations.First(IsCallAssembler).Descr!;
        Assert.That(mi.Log.Any(e => !e.IsBridge && e.Optimized.Trace.Operations.Any(o => o.OpCode == OpCode.Label)), Is.True);
        Assert.That(target.CompiledCode, Is.Not.Null, "call_assembler targets compiled code");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void RecursiveFunctionGetsAnEntryTraceThatCallsItself(bool vable)
    {
        var mi = TinyRun.Differential(backend, Fib, Params(threshold: 1000, functionThreshold: 5), vable);
        Assert.That(mi.Stats.EntriesCompiled, Is.GreaterThanOrEqualTo(1), mi.Stats.ToString());
        var entry = mi.Log.First(e => e.IsEntry);
        var self = entry.Optimized.Trace.Operations.Where(IsCallAssembler).ToList();
        Assert.That(self, Has.Count.EqualTo(2), "fib(n - 1) and fib(n - 2)\n" + entry);
        Assert.That(entry.Optimized.Trace.Operations.Last().OpCode, Is.EqualTo(OpCode.Finish), "the trace ends where fib returns");
        Assert.That(mi.Stats.Finishes, Is.GreaterThan(0));
    }

    [Test]
    public void ExceptionsRaisedUnderCallAssemblerReachTheCaller()
    {
        var mi = TinyRun.Differential(backend, RaisesDeepInside, Params(functionThreshold: 4), vable: true);
        Assert.That(AllOps(mi).Any(IsCallAssembler), Is.True, string.Join("\n", mi.Log));
    }

    [Test]
    public void ErrorDeepInACompiledRecursionReachesTheTop()
    {
        // Every call_assembler level passes the error on; (it used to be rethrown with
        // ExceptionDispatchInfo, whose stack trace grew at each level: quadratic in the depth).
        const string source = """
            fn down(n, z) {
                if n == 0 { return 10 / z; }
                return down(n - 1, z) + 1;
            }
            let i = 0;
            while i < 100 { down(20, 1); i = i + 1; }
            print down(3000, 1);
            print down(3000, 0);
            """;
        var mi = TinyRun.Differential(backend, source, Params(functionThreshold: 20), vable: true);
        Assert.That(mi.Stats.EntriesCompiled, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void WithoutInliningARecursiveCallIsAResidualCallOfThePortalRunner()
    {
        var mi = TinyRun.Differential(backend, CallsSmallFunction, Params(inlining: false), vable: true);
        var loop = mi.Log.First(e => !e.IsBridge && !e.IsEntry).Optimized.Trace;
        Assert.That(Support.LoopOps(loop).Count(o => o.Descr?.Name == "portal_runner"), Is.EqualTo(1), loop.ToString());
        Assert.That(AllOps(mi).Where(IsCallAssembler), Is.Empty);
    }

    [TestCase("fib.tiny", 2, 2, true)]
    [TestCase("sieve.tiny", 2, 2, true)]
    [TestCase("strings.tiny", 2, 2, true)]
    [TestCase("hello.tiny", 1, 1, true)]
    [TestCase("fib.tiny", 1, 1, true)]
    [TestCase("sieve.tiny", 1, 1, false)]
    [TestCase("strings.tiny", 1, 1, false)]
    [TestCase("fib.tiny", 3, 7, false)]
    public void ExamplesWithLowFunctionThreshold(string example, int threshold, int functionThreshold, bool vable)
    {
        var source = File.ReadAllText(Path.Combine(Support.RepoRoot(), "samples", "tiny", "examples", example));
        TinyRun.Differential(backend, source, Params(threshold, functionThreshold), vable);
    }

    [TestCase(1, 1)]
    [TestCase(2, 5)]
    public void SamplesWithEveryKindOfCall(int threshold, int functionThreshold)
    {
        // Mutual recursion, a recursive function with a loop, calls in loops, an error deep down that is caught nowhere.
        const string source = """
            fn even(n) { if n == 0 { return 1; } return odd(n - 1); }
            fn odd(n) { if n == 0 { return 0; } return even(n - 1); }
            fn tri(n) {
                let s = 0;
                let k = 0;
                while k < n { s = s + k; k = k + 1; }
                if n > 0 { return s + tri(n - 1); }
                return s;
            }
            let i = 0;
            let acc = 0;
            while i < 60 {
                acc = acc + even(i % 9) + tri(i % 6);
                i = i + 1;
            }
            print acc;
            print tri(12);
            print [1, 2, 3][even(3) + 5];
            """;
        TinyRun.Differential(backend, source, Params(threshold, functionThreshold), vable: true);
    }
}
