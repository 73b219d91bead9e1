namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>docs/jit-metainterp.md shows a real Brainfuck inner-loop trace, kept current by this test.</summary>
public class DocsTests
{
    public const string MoveLoop = "++++++++++++++++++++++++++++++++++++++++++++++++[->+<]>.";

    [Test]
    public void DocsShowTheCurrentBrainfuckInnerLoopTrace()
    {
        var (native, jit, mi) = SampleJitCodes.RunBrainfuck("interp", MoveLoop, "", 3);
        Assert.That(jit, Is.EqualTo(native));
        Assert.That(native, Is.EqualTo("0"));
        var trace = mi.Log.First(e => !e.IsBridge).Optimized.Trace.ToString().ReplaceLineEndings("\n").TrimEnd();
        TestContext.Out.WriteLine(trace);
        var docs = File.ReadAllText(Path.Combine(Support.RepoRoot(), "docs", "jit-metainterp.md")).ReplaceLineEndings("\n");
        Assert.That(docs, Does.Contain(trace));
    }
}
