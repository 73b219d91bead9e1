using RSharp.Flow.Model;

namespace RSharp.Flow.Algorithms;

/// <summary>A natural loop: its header, the blocks of its body (header included) and the back edges closing it.</summary>
internal sealed record NaturalLoop(Block Header, IReadOnlySet<Block> Body, IReadOnlyList<Link> BackEdges);

/// <summary>Orders, dominators, natural loops and strongly connected components of flow graphs.</summary>
internal static class GraphAlgorithms
{
    public static Dictionary<Block, List<Block>> Predecessors(FlowGraph graph)
    {
        var preds = new Dictionary<Block, List<Block>>();
        foreach (var b in graph.IterBlocks()) preds.TryAdd(b, new List<Block>());
        foreach (var b in graph.IterBlocks())
            foreach (var l in b.Exits)
                if (!preds[l.Target].Contains(b)) preds[l.Target].Add(b);
        return preds;
    }

    /// <summary>Reverse post-order of the blocks reachable from the start block (iterative DFS).</summary>
    public static List<Block> ReversePostOrder(FlowGraph graph)
    {
        var post = new List<Block>();
        var visited = new HashSet<Block> { graph.StartBlock };
        var stack = new Stack<(Block Block, int Next)>();
        stack.Push((graph.StartBlock, 0));
        while (stack.Count > 0)
        {
            var (b, next) = stack.Pop();
            if (next < b.Exits.Count)
            {
                stack.Push((b, next + 1));
                var t = b.Exits[next].Target;
                if (visited.Add(t)) stack.Push((t, 0));
            }
            else post.Add(b);
        }
        post.Reverse();
        return post;
    }

    /// <summary>Immediate dominators (Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm"). The start block maps to itself.</summary>
    public static Dictionary<Block, Block> ImmediateDominators(FlowGraph graph)
    {
        var rpo = ReversePostOrder(graph);
        var index = new Dictionary<Block, int>();
        for (int i = 0; i < rpo.Count; i++) index[rpo[i]] = i;
        var preds = Predecessors(graph);
        var idom = new Block?[rpo.Count];
        idom[0] = rpo[0];
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 1; i < rpo.Count; i++)
            {
                Block? newIdom = null;
                foreach (var p in preds[rpo[i]])
                {
                    if (idom[index[p]] is null) continue;
                    newIdom = newIdom is null ? p : Intersect(p, newIdom);
                }
                if (newIdom is not null && idom[i] != newIdom)
                {
                    idom[i] = newIdom;
                    changed = true;
                }
            }
        }
        var result = new Dictionary<Block, Block>();
        for (int i = 0; i < rpo.Count; i++) result[rpo[i]] = idom[i]!;
        return result;

        Block Intersect(Block a, Block b)
        {
            int x = index[a], y = index[b];
            while (x != y)
            {
                while (x > y) x = index[idom[x]!];
                while (y > x) y = index[idom[y]!];
            }
            return rpo[x];
        }
    }

    /// <summary>True if <paramref name="a"/> dominates <paramref name="b"/> (every block dominates itself).</summary>
    public static bool Dominates(Dictionary<Block, Block> idom, Block a, Block b)
    {
        while (true)
        {
            if (a == b) return true;
            var up = idom[b];
            if (up == b) return false;
            b = up;
        }
    }

    /// <summary>Natural loops: one per header, merging the bodies of all back edges to it.</summary>
    public static List<NaturalLoop> NaturalLoops(FlowGraph graph)
    {
        var idom = ImmediateDominators(graph);
        var preds = Predecessors(graph);
        var byHeader = new Dictionary<Block, (HashSet<Block> Body, List<Link> Back)>();
        foreach (var b in ReversePostOrder(graph))
            foreach (var l in b.Exits)
            {
                if (!Dominates(idom, l.Target, b)) continue;
                var h = l.Target;
                if (!byHeader.TryGetValue(h, out var entry)) byHeader[h] = entry = (new HashSet<Block> { h }, new List<Link>());
                entry.Back.Add(l);
                var work = new Stack<Block>();
                if (entry.Body.Add(b)) work.Push(b);
                while (work.Count > 0)
                    foreach (var p in preds[work.Pop()])
                        if (entry.Body.Add(p)) work.Push(p);
            }
        return byHeader.Select(kv => new NaturalLoop(kv.Key, kv.Value.Body, kv.Value.Back)).ToList();
    }

    /// <summary>Strongly connected components (Tarjan, iterative), in reverse topological order of the condensation.</summary>
    public static List<List<Block>> StronglyConnectedComponents(FlowGraph graph)
    {
        var index = new Dictionary<Block, int>();
        var low = new Dictionary<Block, int>();
        var onStack = new HashSet<Block>();
        var stack = new Stack<Block>();
        var result = new List<List<Block>>();
        int counter = 0;
        foreach (var root in graph.IterBlocks())
        {
            if (index.ContainsKey(root)) continue;
            var call = new Stack<(Block Block, int Next)>();
            call.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (call.Count > 0)
            {
                var (v, next) = call.Pop();
                if (next < v.Exits.Count)
                {
                    call.Push((v, next + 1));
                    var w = v.Exits[next].Target;
                    if (!index.ContainsKey(w))
                    {
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack.Add(w);
                        call.Push((w, 0));
                    }
                    else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
                    continue;
                }
                if (low[v] == index[v])
                {
                    var component = new List<Block>();
                    Block x;
                    do
                    {
                        x = stack.Pop();
                        onStack.Remove(x);
                        component.Add(x);
                    } while (x != v);
                    result.Add(component);
                }
                if (call.Count > 0)
                {
                    var parent = call.Peek().Block;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return result;
    }
}
