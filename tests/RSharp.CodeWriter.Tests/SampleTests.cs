using System.Reflection;
using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>The portals of the sample interpreters become jitcodes; the Brainfuck one runs in the blackhole.</summary>
public class SampleTests
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    [Test]
    public void BrainfuckPortalBuilds()
    {
        var set = Samples.BrainfuckJitCodes();
        var portal = set.Get(Samples.BrainfuckPortal);
        var names = JitCodeDecoder.Instructions(portal).Select(i => i.Def.Name).ToList();
        Assert.That(names, Does.Contain("jit_merge_point"));
        Assert.That(names, Does.Contain("can_enter_jit"));
        Assert.That(names, Does.Contain("switch"));
        Assert.That(names, Does.Contain("strgetitem"));
        // The tape methods without loops are looked inside; the [Elidable] bracket lookup is a residual call.
        Assert.That(set.JitCodes.Keys, Has.Some.Contains("Tape::Advance"));
        Assert.That(set.Residual.Keys, Has.Some.Contains("GetMatchingBracket"));
        Assert.That(set.Residual.Where(kv => kv.Key.Contains("GetMatchingBracket")).Select(kv => kv.Value), Has.All.EqualTo("[Elidable]"));
    }

    /// <summary>_cells[_position]++ takes an element address: lowered to getarrayitem/setarrayitem, so the tape methods are looked inside.</summary>
    [TestCase("Increment", 254, new[] { 255, 0, 1 })]
    [TestCase("Decrement", 1, new[] { 0, 255, 254 })]
    public void TapeIncrementIsLookedInside(string method, int start, int[] expected)
    {
        var set = Samples.BrainfuckJitCodes();
        Assert.That(set.Residual.Keys, Has.None.Contains("Tape::" + method));
        var jitcode = set.Get("Tape::" + method);
        var names = JitCodeDecoder.Instructions(jitcode).Select(i => i.Def.Name).ToList();
        Assert.That(names, Does.Contain("getarrayitem_i").And.Contain("setarrayitem_i"), jitcode.Dump());
        Assert.That(names.Any(n => n.Contains("call", StringComparison.Ordinal)), Is.False, jitcode.Dump());

        var tapeType = Samples.Brainfuck.GetType("RSharp.Samples.Brainfuck.Tape")!;
        object NewTape() => Activator.CreateInstance(tapeType, Any, null, [new MemoryStream(), new MemoryStream()], null)!;
        byte[] Cells(object t) => (byte[])tapeType.GetField("_cells", Any)!.GetValue(t)!;
        var native = NewTape();
        var bh = NewTape();
        Cells(native)[0] = (byte)start;
        Cells(bh)[0] = (byte)start;
        var blackhole = new BlackholeInterpreter { PoisonDeadRegisters = true };
        foreach (int value in expected)
        {
            tapeType.GetMethod(method, Any)!.Invoke(native, null);
            blackhole.Run(jitcode, bh);
            Assert.That(Cells(bh)[0], Is.EqualTo(value));
            Assert.That(Cells(bh), Is.EqualTo(Cells(native)));
        }
    }

    /// <summary>Grow passes the field address of _cells to Array.Resize: a temporary slot, copied in and written back.</summary>
    [Test]
    public void TapeGrowsThroughAFieldAddress()
    {
        var set = Samples.BrainfuckJitCodes();
        var grow = set.Get("Tape::Grow");
        Assert.That(grow.Dump(), Does.Contain("residual_call_v <Call Array.Resize>").And.Contain("<Field Tape._cells>"));
        var tapeType = Samples.Brainfuck.GetType("RSharp.Samples.Brainfuck.Tape")!;
        var tape = Activator.CreateInstance(tapeType, Any, null, [new MemoryStream(), new MemoryStream()], null)!;
        var cells = (byte[])tapeType.GetField("_cells", Any)!.GetValue(tape)!;
        cells[^1] = 7;
        var blackhole = new BlackholeInterpreter { PoisonDeadRegisters = true };
        var advance = set.Get("Tape::Advance");
        for (int k = 0; k < cells.Length; k++) blackhole.Run(advance, tape);
        var grown = (byte[])tapeType.GetField("_cells", Any)!.GetValue(tape)!;
        Assert.That(grown, Has.Length.EqualTo(2 * cells.Length));
        Assert.That(grown[cells.Length - 1], Is.EqualTo(7));
        Assert.That(tapeType.GetField("_position", Any)!.GetValue(tape), Is.EqualTo(cells.Length));
    }

    [TestCase("hello.b", "")]
    [TestCase("reverse.b", "stressed\n")]
    public void BrainfuckPortalInBlackholeMatchesTheInterpreter(string example, string input)
    {
        var source = File.ReadAllText(Path.Combine(Samples.RepoRoot(), "samples", "brainfuck", "examples", example));
        var interp = Samples.Brainfuck.GetType("RSharp.Samples.Brainfuck.Interpreter")!;
        var tapeType = Samples.Brainfuck.GetType("RSharp.Samples.Brainfuck.Tape")!;

        var nativeOut = new MemoryStream();
        string native = Inputs.Outcome(() => interp.GetMethod("Run", Any)!.Invoke(null, [source, new MemoryStream(System.Text.Encoding.ASCII.GetBytes(input)), nativeOut]), []);

        var parseArgs = new object?[] { source, null };
        var program = (string)interp.GetMethod("Parse", Any)!.Invoke(null, parseArgs)!;
        var bhOut = new MemoryStream();
        var tape = Activator.CreateInstance(tapeType, Any, null, [new MemoryStream(System.Text.Encoding.ASCII.GetBytes(input)), bhOut], null)!;
        var blackhole = new BlackholeInterpreter { PoisonDeadRegisters = true };
        string bh = Inputs.Outcome(() => blackhole.Run(Samples.BrainfuckJitCodes().Get(Samples.BrainfuckPortal), program, parseArgs[1], tape), []);
        tapeType.GetMethod("Flush", Any)!.Invoke(tape, null);

        Assert.That(bh, Is.EqualTo(native));
        Assert.That(bhOut.ToArray(), Is.Not.Empty);
        Assert.That(System.Text.Encoding.Latin1.GetString(bhOut.ToArray()), Is.EqualTo(System.Text.Encoding.Latin1.GetString(nativeOut.ToArray())));
        Assert.That(blackhole.InstructionCount, Is.GreaterThan(1000));
    }

    [TestCase("hello.tiny")]
    [TestCase("strings.tiny")]
    [TestCase("sieve.tiny")]
    [TestCase("fib.tiny")]
    public void TinyPortalInBlackholeMatchesTheInterpreter(string example)
    {
        var source = File.ReadAllText(Path.Combine(Samples.RepoRoot(), "samples", "tiny", "examples", example));
        var compiler = Samples.Tiny.GetType("RSharp.Samples.Tiny.Compiler")!;
        var interp = Samples.Tiny.GetType("RSharp.Samples.Tiny.Interpreter")!;
        var frameType = Samples.Tiny.GetType("RSharp.Samples.Tiny.Frame")!;
        object Compile(TextWriter w) => compiler.GetMethod("Compile", Any)!.Invoke(null, [source, w])!;
        object Main(object module) => module.GetType().GetField("Main", Any)!.GetValue(module)!;

        var nativeOut = new StringWriter();
        var nativeModule = Compile(nativeOut);
        string native = Inputs.Outcome(() => interp.GetMethod("Run", Any)!.Invoke(null, [nativeModule]), []);

        var bhOut = new StringWriter();
        var module = Compile(bhOut);
        var frame = Activator.CreateInstance(frameType, Any, null, [Main(module), 0], null)!;
        var blackhole = new BlackholeInterpreter { PoisonDeadRegisters = true, MaxDepth = 100_000 };
        // Guest calls nest blackhole frames: run on a thread with a large stack.
        string bh = "";
        var thread = new Thread(() =>
            bh = Inputs.Outcome(() => blackhole.Run(Samples.TinyJitCodes().Get(Samples.TinyPortal), Main(module), frame), []),
            256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        // Run returns void, Execute the guest's result object: compare what was printed and whether it raised.
        Assert.That(bh.StartsWith("raised", StringComparison.Ordinal), Is.EqualTo(native.StartsWith("raised", StringComparison.Ordinal)), bh + " / " + native);
        Assert.That(bhOut.ToString(), Is.Not.Empty);
        Assert.That(bhOut.ToString(), Is.EqualTo(nativeOut.ToString()));
    }

    [Test]
    public void TinyPortalBuilds()
    {
        var set = Samples.TinyJitCodes();
        var portal = set.Get(Samples.TinyPortal);
        var names = JitCodeDecoder.Instructions(portal).Select(i => i.Def.Name).ToList();
        Assert.That(names, Does.Contain("jit_merge_point"));
        TestContext.Out.WriteLine(string.Join("\n", set.Warnings.Concat(set.Residual.Select(kv => kv.Key + ": " + kv.Value))));
        Assert.That(names, Does.Contain("switch"));
        Assert.That(set.Warnings, Is.Empty);
        Assert.That(names, Does.Not.Contain("unsupported"));
        var all = set.JitCodes.Values.SelectMany(j => JitCodeDecoder.Instructions(j)).Select(i => i.Def.Name).ToList();
        Assert.That(all, Does.Contain("ref_guard_value"), "Jit.Promote of the callee name");
        Assert.That(all, Does.Contain("inline_call_r"), "guest calls recurse into the portal");
    }
}

/// <summary>docs/jitcodes.md shows the current listing of the Brainfuck portal.</summary>
public class DocsTests
{
    [Test]
    public void DocsShowTheCurrentBrainfuckPortalListing()
    {
        var dump = Samples.BrainfuckJitCodes().Get(Samples.BrainfuckPortal).Dump().ReplaceLineEndings("\n");
        TestContext.Out.WriteLine(dump);
        var docs = File.ReadAllText(Path.Combine(Samples.RepoRoot(), "docs", "jitcodes.md")).ReplaceLineEndings("\n");
        Assert.That(docs, Does.Contain(dump));
    }
}
