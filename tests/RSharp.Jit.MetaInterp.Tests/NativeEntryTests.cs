using System.Text;
using RSharp.CodeWriter;
using RSharp.Flow;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>
/// Entering the meta-interpreter from native code at the portal's jit_merge_point
/// (<see cref="MetaInterpreter.RunFromMergePoint"/>, what a translated portal does when a loop
/// gets hot): the invocation continues from the merge point's greens and reds.
/// </summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class NativeEntryTests(string backend)
{
    private static string Example(string language, string name) =>
        File.ReadAllText(Path.Combine(Support.RepoRoot(), "samples", language, "examples", name));

    [TestCase("hello.b", "")]
    [TestCase("reverse.b", "a man a plan a canal panama\n")]
    public void BrainfuckRunsFromTheFirstMergePoint(string example, string input)
    {
        var interp = SampleJitCodes.Brainfuck.GetType("RSharp.Samples.Brainfuck.Interpreter")!;
        string source = Example("brainfuck", example);
        var nativeOut = new MemoryStream();
        interp.GetMethod("Run", SampleJitCodes.Any)!.Invoke(null, [source, new MemoryStream(Encoding.ASCII.GetBytes(input)), nativeOut]);

        var parseArgs = new object?[] { source, null };
        var program = (string)interp.GetMethod("Parse", SampleJitCodes.Any)!.Invoke(null, parseArgs)!;
        var (tape, output) = NewTape(input);
        var mi = new MetaInterpreter(SampleJitCodes.BrainfuckPortalCode, 3, Support.Backend(backend), Support.Params(3));
        mi.Blackhole.PoisonDeadRegisters = true;
        Assert.That(mi.NativeEntryRefusal, Is.Null);
        // Greens (pc, program, bracketMap) then the red (tape), as the native merge point passes them;
        // pc 0 is no loop header, so the meta-interpreter counts loops itself.
        Assert.That(mi.RunFromMergePoint([0, program, parseArgs[1], tape], hot: false), Is.Null);
        Flush(tape);
        TestContext.Out.WriteLine(mi.Stats);
        Assert.That(Encoding.Latin1.GetString(output.ToArray()), Is.EqualTo(Encoding.Latin1.GetString(nativeOut.ToArray())).And.Not.Empty);
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
    }

    /// <summary>
    /// What a translated portal does: native code ran <c>++++++++</c> and the loop's first
    /// iterations; at the hot loop's header it hands over, and the loop is traced at once.
    /// </summary>
    [Test]
    public void BrainfuckHotLoopIsTracedWhereNativeCodeHandsOver()
    {
        var interp = SampleJitCodes.Brainfuck.GetType("RSharp.Samples.Brainfuck.Interpreter")!;
        var parseArgs = new object?[] { "++++++++[>+++++++++<-]>.", null };
        var program = (string)interp.GetMethod("Parse", SampleJitCodes.Any)!.Invoke(null, parseArgs)!;
        var (tape, output) = NewTape("");
        var increment = tape.GetType().GetMethod("Increment", SampleJitCodes.Any)!;
        for (int k = 0; k < 5; k++) increment.Invoke(tape, null);   // 3 iterations done: cell 0 = 5, cell 1 = 27
        tape.GetType().GetMethod("Advance", SampleJitCodes.Any)!.Invoke(tape, null);
        for (int k = 0; k < 27; k++) increment.Invoke(tape, null);
        tape.GetType().GetMethod("Devance", SampleJitCodes.Any)!.Invoke(tape, null);
        var mi = new MetaInterpreter(SampleJitCodes.BrainfuckPortalCode, 3, Support.Backend(backend), Support.Params(1000));
        mi.Blackhole.PoisonDeadRegisters = true;
        mi.RunFromMergePoint([9, program, parseArgs[1], tape]);   // pc 9: the '>' after '[' (the loop's merge point)
        Flush(tape);
        Assert.That(Encoding.Latin1.GetString(output.ToArray()), Is.EqualTo("H"));
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1), "traced at once despite threshold 1000");
        Assert.That(mi.Log[0].Key.Values[0], Is.EqualTo(9L));
    }

    private static (object Tape, MemoryStream Output) NewTape(string input)
    {
        var tapeType = SampleJitCodes.Brainfuck.GetType("RSharp.Samples.Brainfuck.Tape")!;
        var output = new MemoryStream();
        return (Activator.CreateInstance(tapeType, SampleJitCodes.Any, null, [new MemoryStream(Encoding.ASCII.GetBytes(input)), output], null)!, output);
    }

    private static void Flush(object tape) => tape.GetType().GetMethod("Flush", SampleJitCodes.Any)!.Invoke(tape, null);

    /// <summary>
    /// Tiny's portal hoists the slot of an interpolated string handler (an address-taken local);
    /// it is written before it is read on every path from the merge point, so a fresh slot stands
    /// for the native local, and the frame (the virtualizable) is entered as it is.
    /// </summary>
    [TestCase("sieve.tiny")]
    [TestCase("fib.tiny")]
    public void TinyContinuesFromTheMergePointWithAFreshSlot(string example)
    {
        var asm = SampleJitCodes.Tiny;
        string source = Example("tiny", example);
        var compiler = asm.GetType("RSharp.Samples.Tiny.Compiler")!;
        var frameType = asm.GetType("RSharp.Samples.Tiny.Frame")!;
        object Compile(TextWriter w) => compiler.GetMethod("Compile", SampleJitCodes.Any)!.Invoke(null, [source, w])!;
        object Main(object module) => module.GetType().GetField("Main", SampleJitCodes.Any)!.GetValue(module)!;

        var nativeOut = new StringWriter();
        var nativeModule = Compile(nativeOut);
        var jitOut = new StringWriter();
        var module = Compile(jitOut);
        var frame = Activator.CreateInstance(frameType, SampleJitCodes.Any, null, [Main(module), 0], null)!;
        var mi = new MetaInterpreter(SampleJitCodes.TinyPortalCode, 2, Support.Backend(backend), Support.Params(3))
        {
            VirtualizableRed = 0,
        };
        mi.Blackhole.MaxDepth = 100_000;
        Assert.That(mi.NativeEntryRefusal, Is.Null);
        string native = "", jit = "";
        var thread = new Thread(() =>
        {
            native = Support.Outcome(() => asm.GetType("RSharp.Samples.Tiny.Interpreter")!.GetMethod("Run", SampleJitCodes.Any)!.Invoke(null, [nativeModule]));
            jit = Support.Outcome(() => mi.RunFromMergePoint([0, Main(module), frame], hot: false));
        }, 512 * 1024 * 1024);
        thread.Start();
        thread.Join();
        TestContext.Out.WriteLine(mi.Stats);
        Assert.That(jit, Does.StartWith("returned"), jit);
        Assert.That(native, Does.StartWith("returned"), native);
        Assert.That(jitOut.ToString(), Is.EqualTo(nativeOut.ToString()).And.Not.Empty);
        Assert.That(mi.Stats.LoopsCompiled + mi.Stats.EntriesCompiled, Is.GreaterThanOrEqualTo(1));
    }

    /// <summary>
    /// <c>StructCalls.Run</c> passes <c>acc</c> by reference, so its value lives in a hoisted slot
    /// that the loop reads before writing: native code cannot supply it, and entering is refused.
    /// </summary>
    [Test]
    public void ASlotReadBeforeWrittenRefusesNativeEntry()
    {
        var set = CodeWriter.CodeWriter.Build(FlowAssembly.Load(Support.Small.Location), ["JitSmall.StructCalls::Run"]);
        var mi = new MetaInterpreter(set.Get("JitSmall.StructCalls::Run"), 0, Support.Backend(backend), Support.Params());
        Assert.That(mi.NativeEntryRefusal, Does.Match(@"^slot %r\d+ is live at the merge point and may be read before it is written$"));
        Assert.Throws<InvalidOperationException>(() => mi.RunFromMergePoint([0L, 10L, 0L]));
    }
}
