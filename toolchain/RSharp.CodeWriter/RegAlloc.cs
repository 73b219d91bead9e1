using RSharp.Flow;
using RSharp.Flow.Model;

namespace RSharp.CodeWriter;

/// <summary>
/// Register allocation per bank by greedy graph coloring of the interference graph (RPython's
/// regalloc.py does the same on its graphs). SSA variables that a link passes to a block input
/// prefer the same color, so most link moves vanish (coalescing).
/// </summary>
internal sealed class RegAlloc
{
    private readonly Dictionary<Variable, HashSet<Variable>> _interference = new();
    private readonly Dictionary<Variable, List<Variable>> _partners = new();
    private readonly Dictionary<Variable, int> _colors = new();

    /// <summary>Registers used per bank (not counting the scratch registers the flattener adds).</summary>
    public Dictionary<char, int> Counts { get; } = new() { ['i'] = 0, ['r'] = 0, ['f'] = 0 };

    public static char BankOf(ValueKind kind) => kind switch
    {
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.NativeInt => 'i',
        ValueKind.Float32 or ValueKind.Float64 => 'f',
        ValueKind.Ref or ValueKind.ValueType => 'r', // structs: an immutable box (see docs/jitcodes.md)
        _ => throw new UnsupportedException("values of kind " + kind.Short()),
    };

    public Reg RegOf(Variable v) => _colors.TryGetValue(v, out int c) ? new(BankOfVar(v), c) : throw new UnsupportedException("values of kind " + v.Kind.Short());

    /// <summary>Pointers to stack slots of primitive or reference type: they live in ref registers (a <c>Slot</c> object).</summary>
    public HashSet<Variable> SlotVariables { get; private set; } = new();

    public char BankOfVar(Variable v) => SlotVariables.Contains(v) ? 'r' : BankOf(v.Kind);

    private char? TryBankOfVar(Variable v) => SlotVariables.Contains(v) ? 'r' : TryBankOf(v.Kind);

    /// <summary>The bank of a kind, or null for kinds without registers (managed pointers, structs).</summary>
    public static char? TryBankOf(ValueKind kind) => kind switch
    {
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.NativeInt => 'i',
        ValueKind.Float32 or ValueKind.Float64 => 'f',
        ValueKind.Ref or ValueKind.ValueType => 'r',
        _ => null,
    };

    public bool Has(Variable v) => _colors.ContainsKey(v);

    /// <summary>
    /// Managed pointers that are not slots: an address computed by the operation that defines it
    /// (see <see cref="AddressSinking.IsAddressOp"/>). They have no register; the transformer
    /// lowers every use through the operands of the defining operation, which stay live meanwhile.
    /// </summary>
    public Dictionary<Variable, Operation> DerivedPointers { get; private set; } = new();

    /// <summary>The variables a use of <paramref name="v"/> reads: a derived pointer reads the operands of its definition.</summary>
    public IEnumerable<Variable> Expand(Value v)
    {
        if (v is not Variable var) yield break;
        if (!DerivedPointers.TryGetValue(var, out var def)) { yield return var; yield break; }
        foreach (var a in def.Args)
            foreach (var x in Expand(a)) yield return x;
    }

    private static Dictionary<Variable, Operation> FindDerived(FlowGraph graph, HashSet<Variable> slots, bool partial)
    {
        var derived = new Dictionary<Variable, Operation>();
        foreach (var b in graph.IterBlocks())
            foreach (var op in b.Operations)
                if (AddressSinking.IsAddressOp(op) && !slots.Contains(op.Result!))
                    derived[op.Result!] = op;
        if (!partial)
            foreach (var l in graph.IterLinks())
                foreach (var a in l.Args)
                    if (a is Variable v && derived.ContainsKey(v))
                        throw new UnsupportedException("address of a field or element passed between blocks");
        return derived;
    }

    /// <summary>Which pointers are slots: alloc_slot results (primitives, references, structs as boxes), by-ref parameters, and inputs fed only slots.</summary>
    internal static class SlotAnalysis
    {
        public static HashSet<Variable> Find(FlowGraph graph)
        {
            var slots = new HashSet<Variable>();
            foreach (var b in graph.IterBlocks())
                foreach (var op in b.Operations)
                    if (op.OpName == OpNames.AllocSlot && op.Result is { } r && op.Args[0] is Constant { Literal: Mono.Cecil.TypeReference t }
                        && (TryBankOf(TypeKinds.KindOf(t)) is not null || t.FullName == Transformer.InterpolationHandler))
                        slots.Add(r);
            // By-ref parameters (and the receiver of struct methods): the caller passes a slot.
            foreach (var v in graph.StartBlock.InputArgs)
                if (v.Kind == ValueKind.ManagedPointer) slots.Add(v);
            // Block inputs that only ever receive slot pointers are slot pointers too.
            var incoming = new Dictionary<Variable, List<Value>>();
            foreach (var l in graph.IterLinks())
                for (int k = 0; k < l.Args.Length && k < l.Target.InputArgs.Count; k++)
                {
                    var input = l.Target.InputArgs[k];
                    if (input.Kind != ValueKind.ManagedPointer) continue;
                    if (!incoming.TryGetValue(input, out var list)) incoming[input] = list = new();
                    list.Add(l.Args[k]);
                }
            // Optimistic: assume every pointer input is a slot, drop those fed anything else, repeat (loops feed each other).
            var candidates = incoming.Keys.ToHashSet();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var (input, args) in incoming)
                    if (candidates.Contains(input) && !args.All(a => a is Variable v && (slots.Contains(v) || candidates.Contains(v))))
                        changed |= candidates.Remove(input);
            }
            slots.UnionWith(candidates);
            return slots;
        }
    }

    /// <summary>Colors every variable of the graph (except link exception variables, which use a scratch register).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="partial">Skip variables of kinds without registers (a portal whose blocks using them become <c>unsupported</c>).</param>
    public static RegAlloc Run(FlowGraph graph, bool partial = false)
    {
        var slots = SlotAnalysis.Find(graph);
        var ra = new RegAlloc { _partial = partial, SlotVariables = slots, DerivedPointers = FindDerived(graph, slots, partial) };
        var blocks = graph.IterBlocks();
        foreach (var b in blocks)
        {
            foreach (var v in b.InputArgs) ra.Node(v);
            foreach (var op in b.Operations) if (op.Result is { } r) ra.Node(r);
        }
        foreach (var b in blocks)
        {
            // Inputs are all defined at block entry: they interfere with each other.
            for (int x = 0; x < b.InputArgs.Count; x++)
                for (int y = x + 1; y < b.InputArgs.Count; y++)
                    ra.Interfere(b.InputArgs[x], b.InputArgs[y]);
            var live = LiveAtEnd(b);
            for (int k = b.Operations.Count - 1; k >= 0; k--)
            {
                var op = b.Operations[k];
                if (op.Result is { } res)
                {
                    live.Remove(res);
                    foreach (var l in live) ra.Interfere(res, l);
                    // newobj becomes "new -> res" then the constructor call reading the arguments.
                    // An address argument is read again after the operation (write-back of a by-ref argument).
                    if (op.OpName == OpNames.NewObj || op.Args.Any(a => a is Variable pv && ra.DerivedPointers.ContainsKey(pv)))
                        foreach (var a in op.Args) foreach (var av in ra.Expand(a)) ra.Interfere(res, av);
                }
                foreach (var a in op.Args) foreach (var av in ra.Expand(a)) live.Add(av);
            }
            foreach (var l in b.Exits)
                for (int k = 0; k < l.Args.Length && k < l.Target.InputArgs.Count; k++)
                    if (l.Args[k] is Variable a && a != l.LastExceptionValue) ra.Partner(a, l.Target.InputArgs[k]);
        }
        // Color in block order, arguments first, so that arguments get the low registers.
        foreach (var b in blocks)
        {
            foreach (var v in b.InputArgs) ra.Color(v);
            foreach (var op in b.Operations) if (op.Result is { } r) ra.Color(r);
        }
        return ra;
    }

    /// <summary>Variables of the block read by its exits (link arguments and the switch value).</summary>
    public static HashSet<Variable> LiveAtEnd(Block b)
    {
        var live = new HashSet<Variable>();
        if (b.ExitSwitch is Variable sv) live.Add(sv);
        foreach (var l in b.Exits)
            foreach (var a in l.Args)
                if (a is Variable v && v != l.LastExceptionValue) live.Add(v);
        return live;
    }

    private bool _partial;

    private void Node(Variable v)
    {
        if (DerivedPointers.ContainsKey(v)) return;
        if (_partial && TryBankOfVar(v) is null) return;
        BankOfVar(v);
        _interference.TryAdd(v, new HashSet<Variable>());
        _partners.TryAdd(v, new List<Variable>());
    }

    private void Interfere(Variable a, Variable b)
    {
        if (a == b || !_interference.ContainsKey(a) || !_interference.ContainsKey(b) || BankOfVar(a) != BankOfVar(b)) return;
        _interference[a].Add(b);
        _interference[b].Add(a);
    }

    private void Partner(Variable a, Variable b)
    {
        if (!_partners.ContainsKey(a) || !_partners.ContainsKey(b) || BankOfVar(a) != BankOfVar(b)) return;
        _partners[a].Add(b);
        _partners[b].Add(a);
    }

    private void Color(Variable v)
    {
        if (_colors.ContainsKey(v) || !_interference.ContainsKey(v)) return;
        var taken = new HashSet<int>();
        foreach (var n in _interference[v])
            if (_colors.TryGetValue(n, out int c)) taken.Add(c);
        int color = -1;
        foreach (var p in _partners[v])
            if (_colors.TryGetValue(p, out int c) && !taken.Contains(c)) { color = c; break; }
        if (color < 0)
        {
            color = 0;
            while (taken.Contains(color)) color++;
        }
        _colors[v] = color;
        char bank = BankOfVar(v);
        Counts[bank] = Math.Max(Counts[bank], color + 1);
    }
}
