using RSharp.Flow.Model;

namespace RSharp.Flow.Algorithms;

/// <summary>
/// Graph simplifications in the spirit of RPython's simplify.py. Each keeps the graph valid
/// (the checker passes after each) and its meaning (the corpus runs on simplified graphs).
/// </summary>
internal static class Simplify
{
    /// <summary>Runs every simplification to a fixpoint.</summary>
    public static void All(FlowGraph graph)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            changed |= FoldConstantOperations(graph);
            changed |= FoldConstantSwitches(graph);
            changed |= RemoveSameAs(graph);
            changed |= MergeStraightLineBlocks(graph);
            changed |= RemoveConstantInputs(graph);
            changed |= RemoveDeadInputsAndOps(graph);
        }
        graph.NumberBlocks();
    }

    /// <summary>
    /// Removes unreachable code: a switch on a constant keeps only the taken link, and a block
    /// whose last operation cannot raise loses its exception links.
    /// </summary>
    public static bool FoldConstantSwitches(FlowGraph graph)
    {
        bool changed = false;
        foreach (var b in graph.IterBlocks())
        {
            if (b.SwitchKind is ExitSwitchKind.Bool or ExitSwitchKind.Int && b.ExitSwitch is Constant c)
            {
                Link taken = b.SwitchKind == ExitSwitchKind.Bool
                    ? b.Exits.First(l => l.ExitCase is bool x && x == (Convert.ToInt64(c.Literal) != 0))
                    : b.Exits.FirstOrDefault(l => l.ExitCase is int x && x == Convert.ToInt32(c.Literal)) ?? b.Exits[^1];
                taken.ExitCase = null;
                b.CloseWith(taken);
                changed = true;
            }
            else if (b.SwitchKind == ExitSwitchKind.LastException && (b.Operations.Count == 0 || !b.Operations[^1].CanRaise))
            {
                var normal = b.Exits[0];
                b.CloseWith(normal);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Evaluates pure arithmetic, comparisons and conversions whose arguments are all constants.</summary>
    public static bool FoldConstantOperations(FlowGraph graph)
    {
        bool changed = false;
        foreach (var b in graph.IterBlocks())
        {
            var map = new Dictionary<Variable, Value>();
            for (int i = 0; i < b.Operations.Count; i++)
            {
                var op = b.Operations[i];
                op.Args = op.Args.Select(a => Rename(a, map)).ToArray();
                if (op.Result is null || op.CanRaise || !op.Args.All(a => a is Constant { Literal: int or long or float or double })) continue;
                bool arith = OpNames.IntPrefixes.Concat(OpNames.FloatPrefixes).Any(p => op.OpName.StartsWith(p + "_", StringComparison.Ordinal));
                bool cast = op.OpName.StartsWith("cast_", StringComparison.Ordinal) && !op.OpName.StartsWith("cast_ptr", StringComparison.Ordinal);
                if (!arith && !cast) continue;
                object? value;
                var literals = op.Args.Select(a => ((Constant)a).Literal).ToArray();
                try
                {
                    if (cast) value = Interpreting.Arith.Cast(op.OpName, literals[0]);
                    else if (!Interpreting.Arith.TryEval(op.OpName, literals, out value)) continue;
                }
                catch (Exception) { continue; }
                if (op.Result.Kind == ValueKind.NativeInt && value is not nint) continue;
                map[op.Result] = new Constant(value, op.Result.Kind, op.Result.Type);
                b.Operations.RemoveAt(i--);
                changed = true;
            }
            if (map.Count > 0) RenameExits(b, map);
        }
        return changed;
    }

    /// <summary>Drops no-op moves: v = same_as(x) is removed and v replaced by x.</summary>
    public static bool RemoveSameAs(FlowGraph graph)
    {
        bool changed = false;
        foreach (var b in graph.IterBlocks())
        {
            var map = new Dictionary<Variable, Value>();
            for (int i = 0; i < b.Operations.Count; i++)
            {
                var op = b.Operations[i];
                op.Args = op.Args.Select(a => Rename(a, map)).ToArray();
                if (op.OpName == OpNames.SameAs && op.Result is not null)
                {
                    map[op.Result] = op.Args[0];
                    b.Operations.RemoveAt(i--);
                    changed = true;
                }
            }
            if (map.Count > 0) RenameExits(b, map);
        }
        return changed;
    }

    /// <summary>Joins a block with its only successor when that successor has no other predecessor.</summary>
    public static bool MergeStraightLineBlocks(FlowGraph graph)
    {
        bool changed = false;
        var incoming = new Dictionary<Block, int>();
        foreach (var b in graph.IterBlocks())
            foreach (var l in b.Exits)
                incoming[l.Target] = incoming.GetValueOrDefault(l.Target) + 1;
        foreach (var a in graph.IterBlocks())
        {
            while (a.SwitchKind == ExitSwitchKind.None && a.Exits.Count == 1)
            {
                var link = a.Exits[0];
                var b = link.Target;
                if (b == a || b == graph.ReturnBlock || b == graph.ExceptBlock || b == graph.StartBlock || incoming[b] != 1) break;
                var map = new Dictionary<Variable, Value>();
                for (int i = 0; i < b.InputArgs.Count; i++) map[b.InputArgs[i]] = link.Args[i];
                foreach (var op in b.Operations)
                {
                    op.Args = op.Args.Select(x => Rename(x, map)).ToArray();
                    a.Operations.Add(op);
                }
                RenameExits(b, map);
                a.Exits.Clear();
                foreach (var l in b.Exits)
                {
                    l.Source = a;
                    a.Exits.Add(l);
                }
                a.SwitchKind = b.SwitchKind;
                a.ExitSwitch = b.ExitSwitch;
                b.Exits.Clear();
                b.Operations.Clear();
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>An input that every incoming link sets to the same constant becomes that constant.</summary>
    public static bool RemoveConstantInputs(FlowGraph graph)
    {
        bool changed = false;
        var links = graph.IterLinks().GroupBy(l => l.Target).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var b in graph.IterBlocks())
        {
            if (b == graph.StartBlock || b == graph.ReturnBlock || b == graph.ExceptBlock || !links.TryGetValue(b, out var inc)) continue;
            for (int i = b.InputArgs.Count - 1; i >= 0; i--)
            {
                if (inc[0].Args[i] is not Constant c) continue;
                if (!inc.All(l => l.Args[i] is Constant d && Equals(d.Literal, c.Literal) && d.Kind == c.Kind)) continue;
                var map = new Dictionary<Variable, Value> { [b.InputArgs[i]] = c };
                foreach (var op in b.Operations) op.Args = op.Args.Select(x => Rename(x, map)).ToArray();
                RenameExits(b, map);
                b.InputArgs.RemoveAt(i);
                foreach (var l in inc) l.Args = l.Args.Where((_, k) => k != i).ToArray();
                changed = true;
            }
        }
        return changed;
    }

    private static readonly HashSet<string> s_pureNonArith = new()
    {
        OpNames.SameAs, OpNames.PtrEq, OpNames.PtrNe, OpNames.PtrNonZero, OpNames.PtrIsZero, OpNames.IsInst,
        OpNames.DefaultValue, OpNames.LdToken, OpNames.SizeOf, OpNames.Ldftn, OpNames.GetSlot, OpNames.Box,
    };

    private static bool IsPure(Operation op) =>
        !op.CanRaise && (s_pureNonArith.Contains(op.OpName)
                         || op.OpName.StartsWith("cast_", StringComparison.Ordinal)
                         || OpNames.IntPrefixes.Concat(OpNames.FloatPrefixes).Any(p => op.OpName.StartsWith(p + "_", StringComparison.Ordinal)));

    /// <summary>Removes inputs nobody reads (RPython's transform_dead_op_vars) and pure operations whose result is unused.</summary>
    public static bool RemoveDeadInputsAndOps(FlowGraph graph)
    {
        var blocks = graph.IterBlocks();
        var links = graph.IterLinks().GroupBy(l => l.Target).ToDictionary(g => g.Key, g => g.ToList());
        var live = new HashSet<Variable>();
        var work = new Stack<Variable>();
        void MarkLive(Value v)
        {
            if (v is Variable var && live.Add(var)) work.Push(var);
        }
        // Roots: arguments of impure operations, exit switches, values reaching the return and except blocks.
        var definedBy = new Dictionary<Variable, Operation>();
        var inputOf = new Dictionary<Variable, (Block Block, int Index)>();
        foreach (var b in blocks)
        {
            for (int i = 0; i < b.InputArgs.Count; i++) inputOf[b.InputArgs[i]] = (b, i);
            foreach (var op in b.Operations)
            {
                if (op.Result is not null) definedBy[op.Result] = op;
                if (!IsPure(op)) foreach (var a in op.Args) MarkLive(a);
            }
            if (b.ExitSwitch is not null) MarkLive(b.ExitSwitch);
            if (b == graph.ReturnBlock || b == graph.ExceptBlock || b == graph.StartBlock) foreach (var v in b.InputArgs) MarkLive(v);
        }
        while (work.Count > 0)
        {
            var v = work.Pop();
            if (definedBy.TryGetValue(v, out var op)) foreach (var a in op.Args) MarkLive(a);
            else if (inputOf.TryGetValue(v, out var at) && links.TryGetValue(at.Block, out var inc))
                foreach (var l in inc) MarkLive(l.Args[at.Index]);
        }
        bool changed = false;
        foreach (var b in blocks)
        {
            int removedOps = b.Operations.RemoveAll(op => op.Result is not null && IsPure(op) && !live.Contains(op.Result));
            changed |= removedOps > 0;
            if (b == graph.StartBlock || b == graph.ReturnBlock || b == graph.ExceptBlock || !links.TryGetValue(b, out var inc)) continue;
            for (int i = b.InputArgs.Count - 1; i >= 0; i--)
            {
                if (live.Contains(b.InputArgs[i])) continue;
                b.InputArgs.RemoveAt(i);
                foreach (var l in inc) l.Args = l.Args.Where((_, k) => k != i).ToArray();
                changed = true;
            }
        }
        return changed;
    }

    private static Value Rename(Value v, Dictionary<Variable, Value> map) =>
        v is Variable var && map.TryGetValue(var, out var to) ? to : v;

    private static void RenameExits(Block b, Dictionary<Variable, Value> map)
    {
        if (b.ExitSwitch is not null) b.ExitSwitch = Rename(b.ExitSwitch, map);
        foreach (var l in b.Exits) l.Args = l.Args.Select(a => Rename(a, map)).ToArray();
    }
}
