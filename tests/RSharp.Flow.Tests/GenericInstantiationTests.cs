using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;

namespace RSharp.Flow.Tests;

public class GenericInstantiationTests
{
    [Test]
    public void EachClosedInstantiationIsItsOwnGraphWithSubstitutedKinds()
    {
        using var corpus = DumpTests.Corpus();
        var interp = new GraphInterpreter(corpus);
        var max = typeof(RSharp.Flow.Corpus.GenericHelpers).GetMethod("Max")!;
        var ofInt = interp.GraphOf(max.MakeGenericMethod(typeof(int)));
        var ofString = interp.GraphOf(max.MakeGenericMethod(typeof(string)));
        Assert.That(ofInt, Is.Not.SameAs(ofString));
        Assert.That(ofInt.StartBlock.InputArgs.Select(v => v.Kind), Is.All.EqualTo(ValueKind.Int32));
        Assert.That(ofString.StartBlock.InputArgs.Select(v => v.Kind), Is.All.EqualTo(ValueKind.Ref));
        var constrained = ofInt.IterBlocks().SelectMany(b => b.Operations).Single(o => o.OpName == OpNames.ConstrainedCall);
        Assert.That(((Mono.Cecil.TypeReference)((Constant)constrained.Args[0]).Literal!).FullName, Is.EqualTo("System.Int32"));
        Assert.That(GraphPrinter.ToText(ofInt), Does.Not.Contain("!!0"));

        // The open definition gives a graph with generic kinds.
        var open = FlowAssembly.BuildChecked(corpus.FindMethod("RSharp.Flow.Corpus.GenericHelpers::Max"));
        Assert.That(open.StartBlock.InputArgs.Select(v => v.Kind), Is.All.EqualTo(ValueKind.Generic));
    }

    [Test]
    public void MethodsOfGenericTypesAreSubstitutedToo()
    {
        using var corpus = DumpTests.Corpus();
        var interp = new GraphInterpreter(corpus);
        var get = typeof(RSharp.Flow.Corpus.Box<long>).GetMethod("Get")!;
        var g = interp.GraphOf(get);
        Assert.That(g.ReturnBlock.InputArgs.Single().Kind, Is.EqualTo(ValueKind.Int64));
        Assert.That(interp.Invoke(get, new object?[] { new RSharp.Flow.Corpus.Box<long>(42L) }), Is.EqualTo(42L));
    }
}

public class DelegateInterpretationTests
{
    [Test]
    public void LambdaBodiesRunThroughTheirGraphs()
    {
        using var corpus = DumpTests.Corpus();
        var interp = new GraphInterpreter(corpus);
        var closure = typeof(RSharp.Flow.Corpus.Delegates).GetMethod("Closure")!;
        Assert.That(interp.Invoke(closure, new object?[] { 5 }), Is.EqualTo(RSharp.Flow.Corpus.Delegates.Closure(5)));
        Assert.That(interp.ExecutedMethods.Select(m => m.Name), Has.Some.StartsWith("<Closure>"));
        // A capturing lambda: a fresh delegate per call (static lambdas are cached in static fields shared with native runs).
        var linq = typeof(RSharp.Flow.Corpus.Delegates).GetMethod("LinqCapture")!;
        var input = new[] { 3, -1, 4 };
        Assert.That(interp.Invoke(linq, new object?[] { input, 1 }), Is.EqualTo(RSharp.Flow.Corpus.Delegates.LinqCapture(input, 1)));
        Assert.That(interp.ExecutedMethods.Select(m => m.Name), Has.Some.StartsWith("<LinqCapture>"), "callbacks from LINQ run interpreted");
    }
}
