using RSharp.Flow.Checking;
using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;

namespace RSharp.Flow.Tests;

public class DumpTests
{
    internal static FlowAssembly Corpus(bool debug = false) =>
        FlowAssembly.Load(CorpusTests.CorpusAssemblies()[debug ? 1 : 0].Location);

    [Test]
    public void TextDumpShowsBlocksOperationsSourceLinesAndExits()
    {
        using var corpus = Corpus();
        var text = corpus.DumpText("RSharp.Flow.Corpus.Exceptions::FinallyOrder");
        TestContext.Out.WriteLine(text);
        Assert.That(text, Does.StartWith("graph System.String RSharp.Flow.Corpus.Exceptions::FinallyOrder(System.Int32)"));
        Assert.That(text, Does.Contain("switch last_exception"));
        Assert.That(text, Does.Contain("switch int"), "endfinally switches on the continuation");
        Assert.That(text, Does.Contain("Exceptions.cs:"), "operations carry source lines from the PDB");
        Assert.That(text, Does.Contain("[RSharp.Flow.Corpus.CorpusException as "));
        Assert.That(text, Does.Contain(" return"));
        Assert.That(text, Does.Contain(" except"));
    }

    [Test]
    public void DotDumpIsADigraphWithOneNodePerBlock()
    {
        using var corpus = Corpus();
        var dot = corpus.DumpDot("RSharp.Flow.Corpus.Branches::Max3");
        var graph = FlowAssembly.BuildChecked(corpus.FindMethod("RSharp.Flow.Corpus.Branches::Max3"));
        Assert.That(dot, Does.StartWith("digraph"));
        Assert.That(dot.Split('\n').Count(l => l.Contains("[label=") && !l.Contains("->")), Is.EqualTo(graph.IterBlocks().Count));
        Assert.That(dot.Split('\n').Count(l => l.Contains("->")), Is.EqualTo(graph.IterLinks().Count()));
    }

    [Test]
    public void OverloadAmbiguityIsReportedWithTheCandidates()
    {
        using var flow = FlowAssembly.Load(typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location);
        var e = Assert.Throws<ArgumentException>(() => flow.ResolveMethodName("Mono.Cecil.AssemblyDefinition::ReadAssembly"));
        Assert.That(e!.Message, Does.Contain("ambiguous"));
        Assert.That(e.Message, Does.Contain("ReadAssembly(System.String)"));
        Assert.That(flow.ResolveMethodName("Mono.Cecil.AssemblyDefinition::ReadAssembly(System.String)"), Does.Contain("ReadAssembly(System.String)"));
        Assert.Throws<ArgumentException>(() => flow.ResolveMethodName("Mono.Cecil.NoSuchType::X"));
        Assert.Throws<ArgumentException>(() => flow.ResolveMethodName("Mono.Cecil.AssemblyDefinition::NoSuchMethod"));
    }

    [Test]
    public void InterpreterReallyRunsTheGraph()
    {
        // Rewrite int_add into int_sub in the graph of Add: the oracle must see the change.
        using var corpus = Corpus();
        var interp = new GraphInterpreter(corpus);
        var method = typeof(RSharp.Flow.Corpus.Arithmetic).GetMethod("Add")!;
        Assert.That(interp.Invoke(method, new object?[] { 5, 3 }), Is.EqualTo(8));
        var graph = interp.GraphOf(method);
        foreach (var block in graph.IterBlocks())
            for (int i = 0; i < block.Operations.Count; i++)
                if (block.Operations[i].OpName == "int_add")
                {
                    var op = block.Operations[i];
                    block.Operations[i] = new Operation("int_sub", op.Args, op.Result, op.ILOffset, op.Source);
                }
        GraphChecker.Check(graph);
        Assert.That(interp.Invoke(method, new object?[] { 5, 3 }), Is.EqualTo(2));
    }
}

public class ExceptionExitModeTests
{
    [Test]
    public void ExplicitModeGivesEveryRaisingOperationAnExceptionExit()
    {
        using var corpus = DumpTests.Corpus();
        var method = corpus.FindMethod("RSharp.Flow.Corpus.Exceptions::Uncaught");
        var implicitGraph = FlowAssembly.BuildChecked(method);
        var explicitGraph = FlowAssembly.BuildChecked(method, explicitExceptionExits: true);
        Assert.That(implicitGraph.IterLinks().Any(l => l.IsException), Is.False, "outside try regions exceptions propagate implicitly");
        var raising = explicitGraph.IterBlocks().Where(b => b.Operations.Any(o => o.CanRaise)).ToList();
        Assert.That(raising, Is.Not.Empty);
        foreach (var b in raising)
        {
            Assert.That(b.Operations.Count(o => o.CanRaise), Is.EqualTo(1));
            Assert.That(b.Operations[^1].CanRaise && b.SwitchKind == ExitSwitchKind.LastException, Is.True);
            Assert.That(b.Exits[^1].Target, Is.SameAs(explicitGraph.ExceptBlock));
        }
    }
}

public class SourcePositionTests
{
    // "if (b > m)" is a cgt + brfalse unoptimized, a ble optimized.
    private static bool IsComparison(Operation op) => op.OpName is "int_gt" or "int_le";

    [TestCase(false)]
    [TestCase(true)]
    public void OperationsCarryTheLineOfTheirStatement(bool debug)
    {
        using var corpus = DumpTests.Corpus(debug);
        var graph = FlowAssembly.BuildChecked(corpus.FindMethod("RSharp.Flow.Corpus.Branches::Max3"));
        var ops = graph.IterBlocks().SelectMany(b => b.Operations).Where(o => o.ILOffset >= 0).ToList();
        Assert.That(ops, Is.Not.Empty);
        // The document as resolved by the builder (a CI build records "/_/..." paths).
        var file = ops.First(o => o.Source is not null).Source!.Document;
        Assert.That(Path.GetFileName(file), Is.EqualTo("Branches.cs"));
        var lines = File.ReadAllLines(file);
        foreach (var op in ops)
        {
            Assert.That(op.Source, Is.Not.Null, op.ToString());
            // Every comparison of Max3 comes from one of its "if (x > m)" lines.
            if (IsComparison(op)) Assert.That(lines[op.Source!.Line - 1], Does.Contain(" > m)"));
        }
        Assert.That(ops.Count(IsComparison), Is.EqualTo(2));
    }
}
