using RSharp.Flow.Checking;
using RSharp.Flow.Model;

namespace RSharp.Flow.Tests;

/// <summary>The checker rejects broken graphs (each test breaks one invariant of a valid graph).</summary>
public class CheckerTests
{
    private static FlowGraph Graph(string name)
    {
        using var corpus = DumpTests.Corpus();
        return FlowAssembly.BuildChecked(corpus.FindMethod(name));
    }

    private static Block FirstWith(FlowGraph g, Func<Block, bool> p) => g.IterBlocks().First(p);

    [Test]
    public void ValidGraphPasses() => Assert.DoesNotThrow(() => GraphChecker.Check(Graph("RSharp.Flow.Corpus.Branches::Max3")));

    [Test]
    public void LinkArgumentCountMismatchIsRejected()
    {
        var g = Graph("RSharp.Flow.Corpus.Branches::Max3");
        var link = g.IterLinks().First(l => l.Args.Length > 0);
        link.Args = link.Args[..^1];
        Assert.That(() => GraphChecker.Check(g), Throws.TypeOf<GraphCheckException>().With.Message.Contains("passes"));
    }

    [Test]
    public void VariableFromAnotherBlockIsRejected()
    {
        var g = Graph("RSharp.Flow.Corpus.Branches::Max3");
        var blocks = g.IterBlocks().Where(b => b.Operations.Count > 0).ToList();
        var foreign = blocks[0].Operations[0].Result!;
        var op = blocks[^1].Operations[0];
        op.Args = op.Args.Append(foreign).ToArray();
        Assert.That(() => GraphChecker.Check(g), Throws.TypeOf<GraphCheckException>().With.Message.Contains("not defined"));
    }

    [Test]
    public void DoubleDefinitionIsRejected()
    {
        var g = Graph("RSharp.Flow.Corpus.Arithmetic::Compound");
        var block = FirstWith(g, b => b.Operations.Count >= 2);
        var first = block.Operations[0];
        block.Operations.Insert(1, new Operation(first.OpName, first.Args, first.Result, first.ILOffset, first.Source));
        Assert.That(() => GraphChecker.Check(g), Throws.TypeOf<GraphCheckException>().With.Message.Contains("defined twice"));
    }

    [Test]
    public void UnknownOpnameIsRejected()
    {
        var g = Graph("RSharp.Flow.Corpus.Arithmetic::Compound");
        var block = FirstWith(g, b => b.Operations.Count > 0);
        var op = block.Operations[0];
        block.Operations[0] = new Operation("int_frobnicate", op.Args, op.Result, op.ILOffset, op.Source);
        Assert.That(() => GraphChecker.Check(g), Throws.TypeOf<GraphCheckException>().With.Message.Contains("unknown opname"));
    }

    [Test]
    public void BoolSwitchWithOneLinkIsRejected()
    {
        var g = Graph("RSharp.Flow.Corpus.Branches::Max3");
        var block = FirstWith(g, b => b.SwitchKind == ExitSwitchKind.Bool);
        block.Exits.RemoveAt(0);
        Assert.That(() => GraphChecker.Check(g), Throws.TypeOf<GraphCheckException>().With.Message.Contains("bool switch"));
    }

    [Test]
    public void RaisingBlockMustEndWithARaisingOperation()
    {
        var g = Graph("RSharp.Flow.Corpus.Exceptions::CatchSpecific");
        var block = FirstWith(g, b => b.SwitchKind == ExitSwitchKind.LastException && b.Operations.Count > 0);
        var last = block.Operations[^1];
        block.Operations[^1] = new Operation(OpNames.SameAs, new Value[] { last.Args[^1] }, last.Result ?? g.NewVariable(ValueKind.Int32, null), last.ILOffset, last.Source);
        Assert.That(() => GraphChecker.Check(g), Throws.TypeOf<GraphCheckException>().With.Message.Contains("cannot raise"));
    }
}

public class CheckerExceptionLinkTests
{
    [Test]
    public void ExceptionLinkCannotUseTheResultOfTheRaisingOperation()
    {
        using var corpus = DumpTests.Corpus();
        var g = FlowAssembly.BuildChecked(corpus.FindMethod("RSharp.Flow.Corpus.Exceptions::CatchSpecific"));
        var block = g.IterBlocks().First(b => b.SwitchKind == ExitSwitchKind.LastException && b.Operations[^1].Result is not null && b.Exits.Count > 1);
        var excLink = block.Exits[1];
        var target = excLink.Target;
        var extra = g.NewVariable(block.Operations[^1].Result!.Kind, null);
        target.InputArgs.Add(extra);
        foreach (var l in g.IterLinks().Where(l => l.Target == target).ToList())
            l.Args = l.Args.Append(l == excLink ? block.Operations[^1].Result! : l.Args[0]).ToArray();
        Assert.That(() => GraphChecker.Check(g), Throws.TypeOf<GraphCheckException>().With.Message.Contains("the result of the operation that raised"));
    }
}
