using RSharp.Flow.Model;

namespace RSharp.CodeWriter;

/// <summary>
/// Checks a register allocation: no two values live at the same point share a register. Live
/// sets are recomputed point by point (not incrementally, unlike <see cref="RegAlloc"/>).
/// </summary>
internal static class RegAllocValidator
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first conflict.</summary>
    public static void Check(FlowGraph graph, Func<Variable, Reg> regOf, Func<Value, IEnumerable<Variable>>? expand = null)
    {
        foreach (var b in graph.IterBlocks())
        {
            // Block entry: every input is written by the incoming link.
            CheckDistinct(b, "entry", b.InputArgs, regOf);
            expand ??= v => v is Variable x ? [x] : [];
            var exitUses = RegAlloc.LiveAtEnd(b);
            for (int k = 0; k < b.Operations.Count; k++)
            {
                // After operation k: defined so far (inputs and results up to k) and used later.
                var defined = b.InputArgs.Concat(b.Operations.Take(k + 1).Where(o => o.Result is not null).Select(o => o.Result!));
                var usedLater = b.Operations.Skip(k + 1).SelectMany(o => o.Args).SelectMany(expand).Concat(exitUses).ToHashSet();
                var live = defined.Where(usedLater.Contains).ToList();
                // The result of operation k is written even if it is dead: it must not clobber a live value.
                if (b.Operations[k].Result is { } res && !live.Contains(res)) live.Add(res);
                CheckDistinct(b, "after op " + k, live, regOf);
            }
        }
    }

    private static void CheckDistinct(Block b, string where, IEnumerable<Variable> vars, Func<Variable, Reg> regOf)
    {
        var seen = new Dictionary<Reg, Variable>();
        foreach (var v in vars.Distinct())
        {
            Reg r;
            try { r = regOf(v); }
            catch (UnsupportedException) { continue; } // no register (partial portals)
            if (seen.TryGetValue(r, out var other))
                throw new InvalidOperationException($"{b} {where}: {other} and {v} are both live in {r}");
            seen[r] = v;
        }
    }
}
