using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.CodeWriter;

/// <summary>
/// Turns one flow graph into a linear list of jitcode instructions over allocated registers
/// (RPython's flatten.py and the block-level part of jtransform.py): blocks become labels,
/// links become parallel moves, switches become goto_if_not / switch, exception links become
/// catch_exception handlers that test the exception type.
/// </summary>
internal sealed partial class Flattener
{
    private readonly FlowGraph _graph;
    private readonly RegAlloc _ra;
    private readonly Transformer _transformer;
    private readonly Dictionary<Block, Label> _labels = new();
    private readonly List<Insn> _code = new();

    /// <summary>Scratch register per bank for breaking move cycles; the ref bank has a second for caught exceptions.</summary>
    public Dictionary<char, Reg> Scratch { get; } = new();
    public Reg ExceptionScratch { get; }

    /// <summary>For portals: a block the codewriter cannot model becomes one <c>unsupported</c> instruction.</summary>
    public bool Partial { get; private init; }

    /// <summary>Why blocks were replaced by <c>unsupported</c> (partial mode).</summary>
    public List<string> Unsupported { get; } = new();

    private Flattener(FlowGraph graph, RegAlloc ra, Transformer transformer)
    {
        _graph = graph;
        _ra = ra;
        _transformer = transformer;
        foreach (var bank in "irf") Scratch[bank] = new Reg(bank, ra.Counts[bank]);
        ExceptionScratch = new Reg('r', ra.Counts['r'] + 1);
    }

    /// <summary>Register counts per bank including the scratch and temporary registers.</summary>
    public Dictionary<char, int> RegisterCounts => new()
    {
        ['i'] = _ra.Counts['i'] + 1 + _temps['i'], ['r'] = _ra.Counts['r'] + 2 + _temps['r'], ['f'] = _ra.Counts['f'] + 1 + _temps['f'],
    };

    private readonly Dictionary<char, int> _temps = new() { ['i'] = 0, ['r'] = 0, ['f'] = 0 };

    private readonly Dictionary<char, int> _tempsInOp = new() { ['i'] = 0, ['r'] = 0, ['f'] = 0 };

    /// <summary>
    /// A fresh temporary register of a bank, after the scratch registers: for values inside the
    /// expansion of one operation (address loads and stores), never live across operations.
    /// </summary>
    public Reg NewTemp(char bank)
    {
        int k = _tempsInOp[bank]++;
        _temps[bank] = Math.Max(_temps[bank], k + 1);
        return new Reg(bank, _ra.Counts[bank] + (bank == 'r' ? 2 : 1) + k);
    }

    /// <summary>Temporaries are reused by the next operation.</summary>
    public void ResetTemps()
    {
        foreach (var b in "irf") _tempsInOp[b] = 0;
    }

    /// <summary>The operation that defines a derived pointer (fieldaddr, arrayitemaddr, ...), or null.</summary>
    public Operation? DerivedPointer(Value v) => v is Variable var ? _ra.DerivedPointers.GetValueOrDefault(var) : null;

    /// <summary>The operation defining <paramref name="v"/> in the graph, or null (inputs, constants).</summary>
    public Operation? DefinitionOf(Value v)
    {
        if (_defs is null)
        {
            _defs = new();
            foreach (var b in _graph.IterBlocks())
                foreach (var op in b.Operations)
                    if (op.Result is { } r) _defs[r] = op;
        }
        return v is Variable var ? _defs.GetValueOrDefault(var) : null;
    }

    private Dictionary<Variable, Operation>? _defs;

    /// <summary>The operation after the one being transformed in its block, or null.</summary>
    public Operation? NextOperation { get; private set; }

    /// <summary>True while transforming the raising operation of a block with exception links (the flattener adds catch_exception).</summary>
    public bool HandlesExceptions { get; private set; }

    /// <summary>
    /// Set by the transformer for the raising operation of a block with exception links: code to
    /// run on both of its exits (the write-back of by-ref arguments), before the exits' moves.
    /// </summary>
    public Action? OnBothExits { get; set; }

    /// <summary>A fresh label; <c>EmitLabel</c> places it.</summary>
    public static Label NewLabel() => new();

    /// <summary>Places a label at the current position.</summary>
    public void Place(Label l) => EmitLabel(l);

    public static (List<Insn> Code, Flattener Flattener) Run(FlowGraph graph, RegAlloc ra, Transformer transformer, bool partial = false)
    {
        var f = new Flattener(graph, ra, transformer) { Partial = partial };
        f.FlattenAll();
        return (f._code, f);
    }

    public Reg RegOf(Variable v) => _ra.RegOf(v);

    public bool IsSlot(Value v) => v is Variable var && _ra.SlotVariables.Contains(var);

    private Label LabelOf(Block b) => _labels.TryGetValue(b, out var l) ? l : _labels[b] = new Label();

    internal object Operand(Value v) => v switch
    {
        Variable var => _ra.RegOf(var),
        Constant c => ConstantOperand(c),
        _ => throw new UnsupportedException("operand " + v),
    };

    internal static ConstOp ConstantOperand(Constant c)
    {
        char bank = RegAlloc.BankOf(c.Kind);
        object? value = (bank, c.Literal) switch
        {
            ('i', int i) => (long)i,
            ('i', long l) => l,
            ('i', nint n) => (long)n,
            ('i', bool b) => b ? 1L : 0L,
            ('f', float x) => (double)x,
            ('f', double d) => d,
            ('r', null) => null,
            ('r', string s) => s,
            _ => throw new UnsupportedException("constant " + c + " of kind " + c.Kind.Short()),
        };
        return new ConstOp(bank, value);
    }

    internal void Emit(string name, string codes, object[] args, Reg? result = null) => _code.Add(new Insn(name, codes, args, result));

    private void EmitLabel(Label l) => Emit("label", "", [l]);

    private void FlattenAll()
    {
        var blocks = _graph.IterBlocks().Where(b => b != _graph.ReturnBlock && b != _graph.ExceptBlock).ToList();
        foreach (var b in blocks)
        {
            EmitLabel(LabelOf(b));
            int start = _code.Count;
            try
            {
                FlattenBlock(b);
            }
            catch (UnsupportedException e) when (Partial)
            {
                _code.RemoveRange(start, _code.Count - start);
                Emit("unsupported", "d", [new RSharp.Jit.JitCodes.ReasonDescr(e.Message)]);
                Unsupported.Add(b + ": " + e.Message);
            }
        }
    }

    private void FlattenBlock(Block b)
    {
        {
            for (int k = 0; k < b.Operations.Count; k++)
            {
                bool last = k == b.Operations.Count - 1;
                HandlesExceptions = last && b.SwitchKind == ExitSwitchKind.LastException && b.Exits.Any(l => l.IsException);
                NextOperation = last ? null : b.Operations[k + 1];
                _transformer.Transform(this, b.Operations[k]);
                HandlesExceptions = false;
                if (last && b.SwitchKind == ExitSwitchKind.LastException) FlattenRaisingExits(b);
            }
            if (b.SwitchKind == ExitSwitchKind.LastException && b.Operations.Count == 0)
                throw new UnsupportedException("raising block without operations");
            switch (b.SwitchKind)
            {
                case ExitSwitchKind.None:
                    if (b.Exits.Count == 1) FollowLink(b.Exits[0]);
                    break;
                case ExitSwitchKind.Bool: FlattenBool(b); break;
                case ExitSwitchKind.Int: FlattenIntSwitch(b); break;
                case ExitSwitchKind.LastException: break;
            }
        }
    }

    /// <summary>The link's moves, then a return, a raise, or a goto to the target.</summary>
    private void FollowLink(Link link, Reg? exceptionValue = null)
    {
        object Arg(Value v) => v == link.LastExceptionValue && exceptionValue is { } e ? e : Operand(v);
        if (link.Target == _graph.ReturnBlock)
        {
            if (link.Args.Length == 0) Emit("void_return", "", []);
            else
            {
                var a = Arg(link.Args[0]);
                char bank = BankOfOperand(a);
                Emit(bank switch { 'i' => "int_return", 'r' => "ref_return", _ => "float_return" }, bank.ToString(), [a]);
            }
            return;
        }
        if (link.Target == _graph.ExceptBlock)
        {
            Emit("raise", "r", [Arg(link.Args[0])]);
            return;
        }
        var moves = new List<(object Src, Reg Dst)>();
        for (int k = 0; k < link.Args.Length; k++)
        {
            // Partial mode: values without registers are not carried (blocks reading them are unsupported).
            if (Partial && !_ra.Has(link.Target.InputArgs[k])) continue;
            moves.Add((Arg(link.Args[k]), _ra.RegOf(link.Target.InputArgs[k])));
        }
        ParallelMove(moves);
        Emit("goto", "L", [LabelOf(link.Target)]);
    }

    internal static char BankOfOperand(object o) => o switch
    {
        Reg r => r.Bank,
        ConstOp c => c.Bank,
        _ => throw new ArgumentException("not a value operand: " + o),
    };

    /// <summary>Emits copies so that every destination gets its source's old value (cycles go through the scratch register).</summary>
    private void ParallelMove(List<(object Src, Reg Dst)> moves)
    {
        var pending = moves.Where(m => !(m.Src is Reg s && s == m.Dst)).ToList();
        while (pending.Count > 0)
        {
            int ready = pending.FindIndex(m => !pending.Any(o => o.Src is Reg s && s == m.Dst));
            if (ready >= 0)
            {
                var (src, dst) = pending[ready];
                Copy(src, dst);
                pending.RemoveAt(ready);
                continue;
            }
            // A cycle: save one destination's current value in the scratch register.
            var d = pending[0].Dst;
            var scratch = Scratch[d.Bank];
            Copy(d, scratch);
            for (int k = 0; k < pending.Count; k++)
                if (pending[k].Src is Reg s && s == d) pending[k] = (scratch, pending[k].Dst);
        }
    }

    internal void Copy(object src, Reg dst)
    {
        string name = dst.Bank switch { 'i' => "int_copy", 'r' => "ref_copy", _ => "float_copy" };
        Emit(name, dst.Bank + ">" + dst.Bank, [src], dst);
    }

    private void FlattenBool(Block b)
    {
        var trueLink = b.Exits.First(l => l.ExitCase is true);
        var falseLink = b.Exits.First(l => l.ExitCase is false);
        var otherwise = new Label();
        Live();
        Emit("goto_if_not", "iL", [Operand(b.ExitSwitch!), otherwise]);
        FollowLink(trueLink);
        EmitLabel(otherwise);
        FollowLink(falseLink);
    }

    private void FlattenIntSwitch(Block b)
    {
        var cases = new List<(long, Label)>();
        var bodies = new List<(Label, Link)>();
        Link? deflt = null;
        foreach (var l in b.Exits)
        {
            if (l.ExitCase is DefaultCase) { deflt = l; continue; }
            var lab = new Label();
            cases.Add((Convert.ToInt64(l.ExitCase), lab));
            bodies.Add((lab, l));
        }
        Live();
        Emit("switch", "id", [Operand(b.ExitSwitch!), new PendingSwitch("switch", cases)]);
        if (deflt is not null) FollowLink(deflt);
        else Emit("reraise", "", []); // unreachable: every int switch has a default link
        foreach (var (lab, l) in bodies)
        {
            EmitLabel(lab);
            FollowLink(l);
        }
    }

    /// <summary>
    /// After the raising operation: <c>catch_exception</c> to the handler chain, then the normal
    /// exit. The chain tests the exception links in order and re-raises when none matches.
    /// </summary>
    private void FlattenRaisingExits(Block b)
    {
        var excLinks = b.Exits.Where(l => l.IsException).ToList();
        var normal = b.Exits.FirstOrDefault(l => !l.IsException);
        Label? handler = excLinks.Count > 0 ? new Label() : null;
        var both = OnBothExits;
        OnBothExits = null;
        if (handler is not null) Emit("catch_exception", "L", [handler]);
        if (normal is not null) { both?.Invoke(); FollowLink(normal); }
        else if (handler is not null && _code[^2].Name != "raise") Emit("reraise", "", []);
        if (handler is null) return;
        EmitLabel(handler);
        both?.Invoke();
        foreach (var l in excLinks)
        {
            var t = (TypeReference)l.ExitCase!;
            Label? next = null;
            if (t.FullName != "System.Object")
            {
                next = new Label();
                Emit("goto_if_exception_mismatch", "dL", [_transformer.TypeDescrOf(t), next]);
            }
            Reg? exc = null;
            if (l.LastExceptionValue is not null && l.Args.Contains(l.LastExceptionValue))
            {
                exc = ExceptionScratch;
                Emit("last_exc_value", ">r", [], exc);
            }
            FollowLink(l, exc);
            if (next is null) return;
            EmitLabel(next);
        }
        Emit("reraise", "", []);
    }

    /// <summary>A guard-able point follows: the assembler fills in the live registers.</summary>
    internal void Live() => Emit("-live-", "l", []);
}
