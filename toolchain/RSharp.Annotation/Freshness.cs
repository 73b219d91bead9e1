using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>Where an object reference of a method's graph comes from.</summary>
internal enum Origin
{
    /// <summary>Allocated by this method (newobj, newarray) on every path.</summary>
    Fresh,

    /// <summary>The method's own receiver (<c>this</c>) on every path.</summary>
    Receiver,

    /// <summary>Anything else: an argument, a loaded value, a merge of different origins.</summary>
    Other,
}

/// <summary>
/// Allocation sites within one graph: a forward data-flow over SSA variables and links.
/// Block inputs start unknown (optimistic) and get the meet of the values their incoming
/// links pass; a value that is fresh on one path and not on another is <see cref="Origin.Other"/>.
/// </summary>
internal static class Freshness
{
    public static Dictionary<Variable, Origin> Compute(FlowGraph graph)
    {
        var origin = new Dictionary<Variable, Origin>();
        var start = graph.StartBlock.InputArgs;
        bool hasThis = graph.Method.HasThis;
        for (int i = 0; i < start.Count; i++) origin[start[i]] = hasThis && i == 0 ? Origin.Receiver : Origin.Other;
        var blocks = graph.IterBlocks();
        var incoming = blocks.SelectMany(b => b.Exits).GroupBy(l => l.Target).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var link in blocks.SelectMany(b => b.Exits))
            if (link.LastExceptionValue is { } e) origin[e] = Origin.Other;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var block in blocks)
            {
                if (block != graph.StartBlock && incoming.TryGetValue(block, out var links))
                    for (int i = 0; i < block.InputArgs.Count; i++)
                    {
                        Origin? meet = null;
                        foreach (var link in links)
                        {
                            var o = OriginOf(origin, link.Args[i]);
                            if (o is null) continue;
                            meet = meet is null || meet == o ? o : Origin.Other;
                        }
                        if (meet is { } m) changed |= Set(origin, block.InputArgs[i], m);
                    }
                foreach (var op in block.Operations)
                {
                    if (op.Result is null) continue;
                    var o = op.OpName switch
                    {
                        OpNames.NewObj or OpNames.NewArray => Origin.Fresh,
                        OpNames.SameAs or OpNames.CastClass => OriginOf(origin, op.Args[0]) ?? Origin.Other,
                        _ => Origin.Other,
                    };
                    changed |= Set(origin, op.Result, o);
                }
            }
        }
        return origin;
    }

    /// <summary>The origin of a value (null: not known yet). Constants are not objects this method allocated.</summary>
    public static Origin? OriginOf(Dictionary<Variable, Origin> origin, Value v) =>
        v is Variable var ? (origin.TryGetValue(var, out var o) ? o : null) : Origin.Other;

    /// <summary>Lowers a variable's origin (unknown → a specific origin → Other); true if it changed.</summary>
    private static bool Set(Dictionary<Variable, Origin> origin, Variable v, Origin o)
    {
        if (origin.TryGetValue(v, out var old))
        {
            if (old == o || old == Origin.Other) return false;
            o = Origin.Other;
        }
        origin[v] = o;
        return true;
    }
}
