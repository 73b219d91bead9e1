using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;

namespace RSharp.Flow.Tests;

/// <summary>
/// The graph interpreter runs real code nobody wrote for it: the flow-graph builder itself,
/// interpreted from its own graphs, must build the same graphs as the native builder.
/// </summary>
public class SelfInterpretationTests
{
    private static readonly string[] Methods =
    {
        "RSharp.Flow.Corpus.Branches::Max3",
        "RSharp.Flow.Corpus.Exceptions::FinallyOrder",
        "RSharp.Flow.Corpus.Exceptions::Filter",
        "RSharp.Flow.Corpus.Switches::BigStringSwitch",
        "RSharp.Flow.Corpus.Structs::StructInArray",
    };

    [TestCaseSource(nameof(Methods))]
    public void InterpretedBuilderBuildsTheSameGraph(string name)
    {
        using var corpus = DumpTests.Corpus();
        var method = corpus.FindMethod(name);
        var native = GraphPrinter.ToText(GraphBuilder.Build(method));
        using var self = FlowAssembly.Load(typeof(FlowAssembly).Assembly.Location);
        var interp = new GraphInterpreter(self);
        var build = typeof(GraphBuilder).GetMethod(nameof(GraphBuilder.Build))!;
        var graph = (FlowGraph)interp.Invoke(build, new object?[] { method, false })!;
        Assert.That(GraphPrinter.ToText(graph), Is.EqualTo(native));
        Assert.That(interp.ExecutedMethods.Count, Is.GreaterThan(30), "the builder's own methods ran through their graphs");

        // The printer, the checker and the simplifier, interpreted, agree with their native runs too.
        var toText = typeof(GraphPrinter).GetMethod(nameof(GraphPrinter.ToText))!;
        Assert.That(interp.Invoke(toText, new object?[] { graph }), Is.EqualTo(native));
        interp.Invoke(typeof(Checking.GraphChecker).GetMethod(nameof(Checking.GraphChecker.Check))!, new object?[] { graph });
        interp.Invoke(typeof(Algorithms.Simplify).GetMethod(nameof(Algorithms.Simplify.All))!, new object?[] { graph });
        var simplifiedNative = GraphBuilder.Build(method);
        Algorithms.Simplify.All(simplifiedNative);
        Assert.That(GraphPrinter.ToText(graph), Is.EqualTo(GraphPrinter.ToText(simplifiedNative)));
    }
}
