namespace RSharp.Jit.Traces;

/// <summary>
/// A trace: input arguments and a list of operations. A loop trace starts with a <c>label</c>
/// and ends with a <c>jump</c>; a bridge starts from a guard's fail-args (its input arguments
/// correspond to them by position) and ends with a <c>jump</c> or <c>finish</c>; other traces
/// end with <c>finish</c>.
/// </summary>
public sealed class Trace
{
    /// <summary>Creates a trace.</summary>
    public Trace(IEnumerable<InputArg> inputArgs, IEnumerable<Operation> operations)
    {
        InputArgs = inputArgs.ToList();
        Operations = operations.ToList();
    }

    /// <summary>The input arguments.</summary>
    public List<InputArg> InputArgs { get; }
    /// <summary>The operations, in order.</summary>
    public List<Operation> Operations { get; }

    /// <summary>True if the trace starts with a label and ends with a jump.</summary>
    public bool IsLoop => Operations.Count > 0 && Operations[0].OpCode == OpCode.Label
        && Operations[^1].OpCode == OpCode.Jump;

    /// <summary>The guards, in order.</summary>
    public IReadOnlyList<Operation> Guards => Operations.Where(o => o.IsGuard).ToList();

    /// <summary>Checks the trace's well-formedness; throws <see cref="TraceValidationException"/>.</summary>
    public Trace Validate()
    {
        TraceValidator.Validate(this);
        return this;
    }

    /// <summary>The text form (see docs/jit-traces.md); <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => TracePrinter.Print(this);

    /// <summary>Parses the text form; descriptors and named constants come from <paramref name="registry"/>.
    /// The result is validated. Throws <see cref="TraceParseException"/>.</summary>
    public static Trace Parse(string text, DescrRegistry registry) => TraceParser.Parse(text, registry);
}

/// <summary>A trace is malformed (undefined value, wrong kind, wrong arity, ...).</summary>
public sealed class TraceValidationException(string message) : Exception(message);

/// <summary>The text form could not be parsed; the message is one line naming the line number.</summary>
public sealed class TraceParseException(int line, string message) : FormatException($"line {line}: {message}")
{
    /// <summary>The 1-based line number.</summary>
    public int Line { get; } = line;
}
