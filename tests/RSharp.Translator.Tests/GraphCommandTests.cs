namespace RSharp.Translator.Tests;

/// <summary><c>rsharp graph</c> through the real CLI.</summary>
public class GraphCommandTests
{
    [Test]
    public void PrintsAMethodGraphWithSourceLines()
    {
        var r = Cli.Rsharp("graph", "brainfuck", "RSharp.Samples.Brainfuck.Interpreter::GetMatchingBracket");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.StartWith("graph System.Int32 RSharp.Samples.Brainfuck.Interpreter::GetMatchingBracket"));
        Assert.That(r.Stdout, Does.Match(@"= getarrayitem\(v\d+_bracketMap, v\d+_pc\)\s+# IL_\w+ Interpreter\.cs:\d+"));
    }

    [Test]
    public void WritesGraphviz()
    {
        string dot = Path.Combine(Path.GetTempPath(), $"rsharp-graph-{Environment.ProcessId}.dot");
        var r = Cli.Rsharp("graph", "brainfuck", "RSharp.Samples.Brainfuck.Interpreter::MainLoop", "--dot", dot);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        string text = File.ReadAllText(dot);
        File.Delete(dot);
        Assert.That(text, Does.StartWith("digraph").And.Contain("->"));
    }

    [Test]
    public void StatsOverARealAssembly()
    {
        var r = Cli.Rsharp("graph", "--stats", Path.Combine(AppContext.BaseDirectory, "Mono.Cecil.dll"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Match(@"^graphs: \d{4,}, unsupported: 0"));
    }

    [Test]
    public void UnknownMethodIsOneLine()
    {
        var r = Cli.Rsharp("graph", "brainfuck", "Nope::X");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo("rsharp: type 'Nope' not found in Brainfuck"));
    }
}

/// <summary><c>rsharp jitcodes</c> through the real CLI.</summary>
public class JitCodesCommandTests
{
    [Test]
    public void DumpsThePortalsJitcode()
    {
        var r = Cli.Rsharp("jitcodes", "brainfuck");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.StartWith("jitcode RSharp.Samples.Brainfuck.Interpreter::MainLoop("));
        Assert.That(r.Stdout, Does.Contain("-live-").And.Contain("strlen"));
    }

    [Test]
    public void FindsThePortalInALibraryOfTheInterpreter()
    {
        var r = Cli.Rsharp("jitcodes", Path.Combine(AppContext.BaseDirectory, "SplitEntry.dll"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.StartWith("jitcode SplitLoop.Counter::Run("));
    }

    /// <summary>An out parameter of a root is a slot the caller passes (it used to make Parse unsupported).</summary>
    [Test]
    public void RootWithAnOutParameter()
    {
        var r = Cli.Rsharp("jitcodes", "brainfuck", "RSharp.Samples.Brainfuck.Interpreter::Parse");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.StartWith("jitcode RSharp.Samples.Brainfuck.Interpreter::Parse(System.String,System.Int32[]&)"));
        Assert.That(r.Stdout, Does.Contain("<Field Slot.R>"));
    }
}
