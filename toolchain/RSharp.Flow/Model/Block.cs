namespace RSharp.Flow.Model;

/// <summary>How a block chooses among its exits.</summary>
internal enum ExitSwitchKind
{
    /// <summary>One unconditional link, or none (return and except blocks).</summary>
    None,
    /// <summary>A bool (int32 0/1) variable selects the true or the false link.</summary>
    Bool,
    /// <summary>An int32 variable selects a case link or the default link.</summary>
    Int,
    /// <summary>
    /// The last operation may raise: exits[0] (exit case null) is taken when it does not
    /// (absent if the operation always raises); the others are tried in order against the
    /// raised exception's type.
    /// </summary>
    LastException,
}

/// <summary>A basic block: input variables, operations, and exits.</summary>
internal sealed class Block
{
    private static int s_nextUid;

    public Block(IEnumerable<Variable> inputArgs)
    {
        InputArgs = inputArgs.ToList();
        Uid = Interlocked.Increment(ref s_nextUid);
    }

    /// <summary>Unique id, for stable dumps and hash keys.</summary>
    public int Uid { get; }

    /// <summary>Number assigned by the graph for dumps (block0, block1, ...).</summary>
    public int Number { get; set; } = -1;

    public string Name => Number >= 0 ? "block" + Number : "block#" + Uid;

    public List<Variable> InputArgs { get; set; }
    public List<Operation> Operations { get; } = new();
    public List<Link> Exits { get; } = new();

    public ExitSwitchKind SwitchKind { get; set; }

    /// <summary>The variable switched on for <see cref="ExitSwitchKind.Bool"/> and <see cref="ExitSwitchKind.Int"/>.</summary>
    public Value? ExitSwitch { get; set; }

    /// <summary>IL offset the block starts at (-1 for synthetic blocks).</summary>
    public int ILOffset { get; set; } = -1;

    public bool RaisesOnLastOp => SwitchKind == ExitSwitchKind.LastException;

    public void CloseWith(Link link)
    {
        SwitchKind = ExitSwitchKind.None;
        ExitSwitch = null;
        Exits.Clear();
        Exits.Add(link);
    }

    public override string ToString() => Name;
}
