using RSharp.Flow.Algorithms;
using RSharp.Flow.Checking;
using RSharp.Flow.Model;

namespace RSharp.Flow.Tests;

/// <summary>Graph algorithms checked against brute-force definitions on real graphs; simplifications checked by the checker.</summary>
public class AlgorithmTests
{
    private static List<FlowGraph>? s_graphs;

    /// <summary>Graphs of the corpus (both builds) and of Mono.Cecil, up to 150 blocks (brute force is quadratic).</summary>
    private static List<FlowGraph> Graphs()
    {
        if (s_graphs is not null) return s_graphs;
        var list = new List<FlowGraph>();
        foreach (var path in CorpusTests.CorpusAssemblies().Select(a => a.Location).Append(typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location))
        {
            var flow = FlowAssembly.Load(path);
            foreach (var m in flow.MethodsWithBodies())
            {
                var g = FlowAssembly.BuildChecked(m);
                if (g.IterBlocks().Count <= 150) list.Add(g);
            }
        }
        return s_graphs = list;
    }

    private static HashSet<Block> Reach(Block from, Block? avoid)
    {
        var seen = new HashSet<Block>();
        if (from == avoid) return seen;
        var stack = new Stack<Block>();
        stack.Push(from);
        seen.Add(from);
        while (stack.Count > 0)
            foreach (var l in stack.Pop().Exits)
                if (l.Target != avoid && seen.Add(l.Target)) stack.Push(l.Target);
        return seen;
    }

    [Test]
    public void DominatorsMatchTheDefinition()
    {
        int pairs = 0;
        foreach (var g in Graphs())
        {
            var idom = GraphAlgorithms.ImmediateDominators(g);
            var blocks = g.IterBlocks();
            foreach (var d in blocks)
            {
                var without = Reach(g.StartBlock, d);
                foreach (var b in blocks)
                {
                    bool expected = b == d || !without.Contains(b);
                    Assert.That(GraphAlgorithms.Dominates(idom, d, b), Is.EqualTo(expected), $"{g}: {d} dom {b}");
                    pairs++;
                }
            }
            Assert.That(idom[g.StartBlock], Is.SameAs(g.StartBlock));
        }
        Assert.That(pairs, Is.GreaterThan(10000));
    }

    [Test]
    public void ReversePostOrderPutsForwardEdgesForward()
    {
        foreach (var g in Graphs())
        {
            var rpo = GraphAlgorithms.ReversePostOrder(g);
            var idom = GraphAlgorithms.ImmediateDominators(g);
            Assert.That(rpo[0], Is.SameAs(g.StartBlock));
            Assert.That(rpo, Is.Unique);
            Assert.That(rpo.Count, Is.EqualTo(g.IterBlocks().Count));
            var index = rpo.Select((b, i) => (b, i)).ToDictionary(p => p.b, p => p.i);
            foreach (var b in rpo)
                foreach (var l in b.Exits)
                    if (!GraphAlgorithms.Dominates(idom, l.Target, b))
                        Assert.That(index[b], Is.LessThan(index[l.Target]), $"{g}: {b} -> {l.Target}");
        }
    }

    [Test]
    public void StronglyConnectedComponentsAreMutualReachabilityClasses()
    {
        int cyclic = 0;
        foreach (var g in Graphs())
        {
            var sccs = GraphAlgorithms.StronglyConnectedComponents(g);
            var comp = new Dictionary<Block, int>();
            for (int i = 0; i < sccs.Count; i++) foreach (var b in sccs[i]) comp[b] = i;
            var blocks = g.IterBlocks();
            Assert.That(comp.Count, Is.EqualTo(blocks.Count));
            var reach = blocks.ToDictionary(b => b, b => Reach(b, null));
            foreach (var a in blocks)
                foreach (var b in blocks)
                    Assert.That(comp[a] == comp[b], Is.EqualTo(reach[a].Contains(b) && reach[b].Contains(a)), $"{g}: {a} ~ {b}");
            foreach (var a in blocks)
                foreach (var l in a.Exits)
                    Assert.That(comp[a], Is.GreaterThanOrEqualTo(comp[l.Target]), "components come in reverse topological order");
            cyclic += sccs.Count(c => c.Count > 1);
        }
        Assert.That(cyclic, Is.GreaterThan(50));
    }

    [Test]
    public void NaturalLoopsMatchTheDefinition()
    {
        int loops = 0;
        foreach (var g in Graphs())
        {
            var idom = GraphAlgorithms.ImmediateDominators(g);
            foreach (var loop in GraphAlgorithms.NaturalLoops(g))
            {
                loops++;
                var expected = new HashSet<Block> { loop.Header };
                foreach (var back in loop.BackEdges)
                {
                    Assert.That(back.Target, Is.SameAs(loop.Header));
                    Assert.That(GraphAlgorithms.Dominates(idom, loop.Header, back.Source), Is.True);
                    // Blocks that reach the back edge's source without passing through the header.
                    foreach (var b in g.IterBlocks())
                        if (b == back.Source || (b != loop.Header && Reach(b, loop.Header).Contains(back.Source)))
                            expected.Add(b);
                }
                Assert.That(loop.Body, Is.EquivalentTo(expected), $"{g}: loop at {loop.Header}");
            }
        }
        Assert.That(loops, Is.GreaterThan(50));
    }

    [Test]
    public void NestedLoopsAreFoundNested()
    {
        using var corpus = DumpTests.Corpus();
        var g = FlowAssembly.BuildChecked(corpus.FindMethod("RSharp.Flow.Corpus.Branches::NestedLoops"));
        var loops = GraphAlgorithms.NaturalLoops(g);
        Assert.That(loops, Has.Count.EqualTo(2));
        var (outer, inner) = loops[0].Body.Count > loops[1].Body.Count ? (loops[0], loops[1]) : (loops[1], loops[0]);
        Assert.That(inner.Body.IsProperSubsetOf(outer.Body), Is.True);
    }

    [Test]
    public void SimplificationsKeepGraphsValidAndShrinkThem()
    {
        int before = 0, after = 0, opsBefore = 0, opsAfter = 0, inputsBefore = 0, inputsAfter = 0;
        foreach (var path in CorpusTests.CorpusAssemblies().Select(a => a.Location).Append(typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location))
        {
            using var flow = FlowAssembly.Load(path);
            foreach (var m in flow.MethodsWithBodies())
            {
                var g = FlowAssembly.BuildChecked(m);
                before += g.IterBlocks().Count;
                opsBefore += g.IterBlocks().Sum(b => b.Operations.Count);
                inputsBefore += g.IterBlocks().Sum(b => b.InputArgs.Count);
                Simplify.FoldConstantOperations(g); GraphChecker.Check(g);
                Simplify.FoldConstantSwitches(g); GraphChecker.Check(g);
                Simplify.RemoveSameAs(g); GraphChecker.Check(g);
                Simplify.MergeStraightLineBlocks(g); GraphChecker.Check(g);
                Simplify.RemoveConstantInputs(g); GraphChecker.Check(g);
                Simplify.RemoveDeadInputsAndOps(g); GraphChecker.Check(g);
                Simplify.All(g); GraphChecker.Check(g);
                after += g.IterBlocks().Count;
                opsAfter += g.IterBlocks().Sum(b => b.Operations.Count);
                inputsAfter += g.IterBlocks().Sum(b => b.InputArgs.Count);
            }
        }
        TestContext.Out.WriteLine($"blocks {before} -> {after}, operations {opsBefore} -> {opsAfter}, block inputs {inputsBefore} -> {inputsAfter}");
        Assert.That(after, Is.LessThan(before));
        Assert.That(inputsAfter, Is.LessThan(inputsBefore / 2), "dead inputs (unused locals carried by every block) go away");
        Assert.That(opsAfter, Is.LessThanOrEqualTo(opsBefore));
    }
}
