using System.Reflection;
using System.Text;
using RSharp.CodeWriter;
using RSharp.Flow;
using RSharp.Hints;
using RSharp.Jit.JitCodes;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>The sample interpreters' portals built as in the codewriter tests.</summary>
internal static class SampleJitCodes
{
    public const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
    public static readonly Assembly Brainfuck = Assembly.Load("Brainfuck");
    public static readonly Assembly Tiny = Assembly.Load("Tiny");
    public const string BrainfuckPortal = "RSharp.Samples.Brainfuck.Interpreter::MainLoop";
    public const string TinyPortal = "RSharp.Samples.Tiny.Interpreter::Execute";

    private static readonly Lazy<JitCodeSet> s_bf = new(() => CodeWriter.CodeWriter.Build(FlowAssembly.Load(Brainfuck.Location), BrainfuckPortal));
    private static readonly Lazy<JitCodeSet> s_tiny = new(() => CodeWriter.CodeWriter.Build(FlowAssembly.Load(Tiny.Location), TinyPortal));

    public static JitCode BrainfuckPortalCode => s_bf.Value.Get(BrainfuckPortal);
    public static JitCode TinyPortalCode => s_tiny.Value.Get(TinyPortal);

    /// <summary>Runs a Brainfuck program natively and under the meta-interpreter; returns both outputs and the interpreter.</summary>
    public static (string Native, string Jit, MetaInterpreter Mi) RunBrainfuck(string backend, string source, string input, int threshold)
    {
        var interp = Brainfuck.GetType("RSharp.Samples.Brainfuck.Interpreter")!;
        var tapeType = Brainfuck.GetType("RSharp.Samples.Brainfuck.Tape")!;
        var nativeOut = new MemoryStream();
        string native = Support.Outcome(() => interp.GetMethod("Run", Any)!.Invoke(null, [source, new MemoryStream(Encoding.ASCII.GetBytes(input)), nativeOut]));

        var parseArgs = new object?[] { source, null };
        var program = (string)interp.GetMethod("Parse", Any)!.Invoke(null, parseArgs)!;
        var jitOut = new MemoryStream();
        var tape = Activator.CreateInstance(tapeType, Any, null, [new MemoryStream(Encoding.ASCII.GetBytes(input)), jitOut], null)!;
        var mi = new MetaInterpreter(BrainfuckPortalCode, 3, Support.Backend(backend), Support.Params(threshold));
        mi.Blackhole.PoisonDeadRegisters = true;
        string jit = Support.Outcome(() => mi.Run(program, parseArgs[1], tape));
        tapeType.GetMethod("Flush", Any)!.Invoke(tape, null);
        Assert.That(jit, Is.EqualTo(native));
        return (Encoding.Latin1.GetString(nativeOut.ToArray()), Encoding.Latin1.GetString(jitOut.ToArray()), mi);
    }
}

[TestFixture("interp")]
[TestFixture("cil")]
public class BrainfuckTests(string backend)
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(Support.RepoRoot(), "samples", "brainfuck", "examples", name));

    [TestCase("hello.b", "", 1)]
    [TestCase("hello.b", "", 2)]
    [TestCase("hello.b", "", 3)]
    [TestCase("reverse.b", "stressed\n", 1)]
    [TestCase("reverse.b", "a man a plan a canal panama\n", 3)]
    public void ExamplesPrintExactlyTheNativeOutput(string example, string input, int threshold)
    {
        var (native, jit, mi) = SampleJitCodes.RunBrainfuck(backend, Example(example), input, threshold);
        TestContext.Out.WriteLine(mi.Stats);
        Assert.That(native, Is.Not.Empty);
        Assert.That(jit, Is.EqualTo(native));
        Assert.That(mi.Stats.TracesStarted, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void SumExampleRunsMostlyInCompiledCode()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (native, jit, mi) = SampleJitCodes.RunBrainfuck(backend, Example("sum.b"), "", 3);
        TestContext.Out.WriteLine($"{backend}: {watch.Elapsed.TotalSeconds:F1} s");
        TestContext.Out.WriteLine(mi.Stats);
        if (mi.Backend is RSharp.Backend.Interp.InterpBackend interp)
        {
            // About 10^10 operations: the interp backend reuses its registers across transfers (see InterpCode).
            TestContext.Out.WriteLine($"operations executed: {interp.OperationsExecuted}");
            Assert.That(interp.OperationsExecuted, Is.GreaterThan(1_000_000_000L), "the run is in compiled code");
        }
        Assert.That(jit, Is.EqualTo(native));
        Assert.That(native, Is.Not.Empty);
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        Assert.That(mi.Stats.GuardFailures, Is.LessThan(100_000), "guard failures without bridges would leave compiled code every iteration");
        if (mi.Backend is RSharp.Backend.Cil.CilBackend cil)
            Assert.That(cil.Transfers, Is.GreaterThan(1_000_000), "loops and bridges continue in each other without returning to the meta-interpreter");
    }

    [TestCase("++++++++[>++++++++<-]>+.[-]++++++++++.", 1)]
    [TestCase("++++[>++++[>++++<-]<-]>>+.", 2)]
    [TestCase("+++++[>+++++[>+++++<-]<-]>>[-<+>]<.>++++++++++.", 3)]
    public void NestedLoopsCompileAndMatch(string source, int threshold)
    {
        var (native, jit, mi) = SampleJitCodes.RunBrainfuck(backend, source, "", threshold);
        TestContext.Out.WriteLine(mi.Stats);
        Assert.That(jit, Is.EqualTo(native));
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void InnerLoopTraceHasNoInterpreterOverhead()
    {
        // [->+<] moves a cell: the loop is the tape operations only; pc and program are constants.
        var (_, _, mi) = SampleJitCodes.RunBrainfuck(backend, "++++++++++++++++++++++++++++++++++++++++++++++++[->+<]>.", "", 3);
        var loop = mi.Log.First(e => !e.IsBridge);
        TestContext.Out.WriteLine(loop);
        var ops = Support.LoopOps(loop.Optimized.Trace).Select(o => o.Info.Name).ToList();
        Assert.That(ops, Does.Not.Contain("strgetitem"), "the program string is green: dispatch folds");
        Assert.That(ops, Does.Not.Contain("guard_value"));
        // Tape.Increment/Decrement take an element address; the codewriter lowers it, so they are inlined.
        Assert.That(ops.Where(o => o.StartsWith("call", StringComparison.Ordinal)), Is.Empty, "no residual calls are left in the loop");
        Assert.That(ops.Count(o => o == "setarrayitem_gc"), Is.EqualTo(2), "the two cell updates");
    }
}

[TestFixture("interp")]
[TestFixture("cil")]
public class TinyTests(string backend)
{
    [TestCase("hello.tiny", 1)]
    [TestCase("strings.tiny", 2)]
    [TestCase("sieve.tiny", 1)]
    [TestCase("sieve.tiny", 3)]
    [TestCase("fib.tiny", 2)]
    public void ExamplesPrintExactlyTheNativeOutput(string example, int threshold)
    {
        var source = File.ReadAllText(Path.Combine(Support.RepoRoot(), "samples", "tiny", "examples", example));
        TinyRun.Differential(backend, source, Support.Params(threshold), vable: false);
    }
}

/// <summary>Runs a Tiny program natively and under the meta-interpreter, and asserts the same output and outcome.</summary>
internal static class TinyRun
{
    public static MetaInterpreter Differential(string backend, string source, JitParameters p, bool vable)
    {
        var asm = SampleJitCodes.Tiny;
        var compiler = asm.GetType("RSharp.Samples.Tiny.Compiler")!;
        var interp = asm.GetType("RSharp.Samples.Tiny.Interpreter")!;
        var frameType = asm.GetType("RSharp.Samples.Tiny.Frame")!;
        var driver = (JitDriver)interp.GetField("Driver", SampleJitCodes.Any)!.GetValue(null)!;
        object Compile(TextWriter w) => compiler.GetMethod("Compile", SampleJitCodes.Any)!.Invoke(null, [source, w])!;
        object Main(object module) => module.GetType().GetField("Main", SampleJitCodes.Any)!.GetValue(module)!;

        var nativeOut = new StringWriter();
        var nativeModule = Compile(nativeOut);
        string native = Support.Outcome(() => interp.GetMethod("Run", SampleJitCodes.Any)!.Invoke(null, [nativeModule]));

        var jitOut = new StringWriter();
        var module = Compile(jitOut);
        var frame = Activator.CreateInstance(frameType, SampleJitCodes.Any, null, [Main(module), 0], null)!;
        var mi = new MetaInterpreter(SampleJitCodes.TinyPortalCode, driver.Greens.Count, Support.Backend(backend), p)
        {
            VirtualizableRed = vable ? MetaInterpreter.VirtualizableRedOf(driver) : -1,
        };
        mi.Blackhole.MaxDepth = 100_000;
        mi.Blackhole.PoisonDeadRegisters = true;
        string jit = "";
        var thread = new Thread(() => jit = Support.Outcome(() => mi.Run(Main(module), frame)), 512 * 1024 * 1024);
        thread.Start();
        thread.Join();
        TestContext.Out.WriteLine(mi.Stats);
        foreach (var e in mi.Log) TestContext.Out.WriteLine(e);
        Assert.That(jit.StartsWith("raised", StringComparison.Ordinal), Is.EqualTo(native.StartsWith("raised", StringComparison.Ordinal)), jit + " / " + native);
        Assert.That(jitOut.ToString(), Is.Not.Empty);
        Assert.That(jitOut.ToString(), Is.EqualTo(nativeOut.ToString()), mi.Stats.ToString());
        return mi;
    }
}
