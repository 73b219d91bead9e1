namespace RSharp.Flow.Model;

/// <summary>Where an operation came from in the source, from the portable PDB's sequence points.</summary>
internal sealed record SourcePosition(string Document, int Line, int Column)
{
    public override string ToString() => Path.GetFileName(Document) + ":" + Line;
}

/// <summary>
/// One operation (RPython's SpaceOperation): an opname from <see cref="OpNames"/>, its
/// arguments and an optional result variable, with the IL offset it was built from.
/// </summary>
internal sealed class Operation
{
    public Operation(string opName, Value[] args, Variable? result, int ilOffset, SourcePosition? source)
    {
        OpName = opName;
        Args = args;
        Result = result;
        ILOffset = ilOffset;
        Source = source;
    }

    public string OpName { get; }
    public Value[] Args { get; set; }
    public Variable? Result { get; }

    /// <summary>Offset of the IL instruction this operation was built from (-1 if synthetic).</summary>
    public int ILOffset { get; }

    public SourcePosition? Source { get; }

    /// <summary>True if this operation may raise an exception (see <see cref="OpNames.CanRaise"/>).</summary>
    public bool CanRaise => OpNames.CanRaise(OpName);

    public override string ToString()
    {
        var text = OpName + "(" + string.Join(", ", Args.Select(a => a.ToString())) + ")";
        return Result is null ? text : Result + " = " + text;
    }
}
