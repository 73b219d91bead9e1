namespace RSharp.Jit.Traces;

/// <summary>
/// One trace operation. The operation is also its result value (RPython's <c>ResOperation</c>
/// is its own box): other operations use it as an argument. Guards carry fail-args (the values
/// live at the guard, which the dead frame reports when it fails) and resume data.
/// </summary>
public sealed class Operation : TraceValue
{
    private TraceValue[] _args;
    private TraceValue[]? _failArgs;

    /// <summary>Creates an operation. Guards get an empty fail-args list unless one is given.</summary>
    public Operation(OpCode opcode, IEnumerable<TraceValue> args, Descr? descr = null, IEnumerable<TraceValue>? failArgs = null)
    {
        OpCode = opcode;
        Info = OpInfo.Of(opcode);
        _args = args.ToArray();
        Descr = descr;
        if (Info.IsGuard) _failArgs = (failArgs ?? []).ToArray();
        else if (failArgs is not null) throw new ArgumentException($"{Info.Name} is not a guard and has no fail-args", nameof(failArgs));
    }

    /// <summary>Creates an operation from its arguments.</summary>
    public Operation(OpCode opcode, params TraceValue[] args) : this(opcode, (IEnumerable<TraceValue>)args) { }

    /// <summary>The opcode.</summary>
    public OpCode OpCode { get; }
    /// <summary>The opcode's metadata.</summary>
    public OpInfo Info { get; }
    /// <summary>The arguments.</summary>
    public IReadOnlyList<TraceValue> Args => _args;
    /// <summary>The descriptor, if any.</summary>
    public Descr? Descr { get; set; }
    /// <inheritdoc/>
    public override ValueKind Kind => Info.ResultKind;
    /// <summary>True for guards.</summary>
    public bool IsGuard => Info.IsGuard;

    /// <summary>The values live at a guard, in the order the dead frame reports them; null for non-guards.</summary>
    public IReadOnlyList<TraceValue>? FailArgs
    {
        get => _failArgs;
        set
        {
            if (!IsGuard) throw new InvalidOperationException($"{Info.Name} is not a guard");
            _failArgs = (value ?? []).ToArray();
        }
    }

    /// <summary>Resume data for a guard: opaque here, owned by the meta-interpreter.</summary>
    public object? ResumeData { get; set; }

    /// <summary>Argument <paramref name="i"/>.</summary>
    public TraceValue Arg(int i) => _args[i];

    /// <summary>Replaces argument <paramref name="i"/> (for optimizer rewrites).</summary>
    public void SetArg(int i, TraceValue value) => _args[i] = value;

    /// <summary>Replaces all arguments.</summary>
    public void SetArgs(IEnumerable<TraceValue> args) => _args = args.ToArray();

    /// <summary>The operation alone, with values named by their position in this operation only (for messages).</summary>
    public override string ToString() => TracePrinter.FormatAlone(this);
}
