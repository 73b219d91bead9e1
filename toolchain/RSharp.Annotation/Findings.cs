namespace RSharp.Annotation;

/// <summary>
/// A problem the annotation stage found in the program (the CLI prints it as
/// <c>path(line,col): error Code: Message</c>).
/// </summary>
/// <param name="Code">Diagnostic code, e.g. <c>RS1007</c>.</param>
/// <param name="Message">Human-readable message, without the code.</param>
/// <param name="Path">Source document of the offending operation, or null when the assembly has no PDB.</param>
/// <param name="Line">1-based source line (0 when unknown).</param>
/// <param name="Column">1-based source column (0 when unknown).</param>
/// <param name="Method">Full name of the method containing the offending operation.</param>
public sealed record AnnotationFinding(string Code, string Message, string? Path, int Line, int Column, string Method)
{
    /// <summary>RS1007: an <c>[Elidable]</c> method writes a field of an object it did not allocate.</summary>
    public const string ElidableWrites = "RS1007";

    /// <summary>RS1008: an immutable field is written outside the constructors of its class.</summary>
    public const string ImmutableFieldWritten = "RS1008";

    /// <summary>RS1009: <c>Jit.Promote</c> of a boxed value type (a fresh box is never a trace constant).</summary>
    public const string PromoteBoxed = "RS1009";

    /// <summary>RS1010: a <c>[Virtualizable]</c> class names a field it does not have.</summary>
    public const string VirtualizableMissing = "RS1010";

    /// <summary>RS1011: a virtualizable field of the wrong kind (<c>[*]</c> on a non-array, a static field).</summary>
    public const string VirtualizableKind = "RS1011";

    /// <summary>RS1012: a virtualizable array field (<c>x[*]</c>) is reassigned outside the constructors of its class.</summary>
    public const string VirtualizableArrayReplaced = "RS1012";

    /// <summary>RS1013: a driver's virtualizable red is not of a <c>[Virtualizable]</c> class.</summary>
    public const string VirtualizableRed = "RS1013";

    /// <summary>RS2001 (warning): a call the JIT will not look inside because the callee has a loop and no <c>[UnrollSafe]</c>.</summary>
    public const string ResidualLoop = "RS2001";

    /// <summary>RS2002 (warning): a call the JIT will not look inside because the callee's body cannot be translated.</summary>
    public const string ResidualUnsupported = "RS2002";

    /// <summary>True for warnings (RS2xxx): the code stays correct as a residual call, only slower.</summary>
    public bool IsWarning => Code.StartsWith("RS2", StringComparison.Ordinal);

    /// <summary>The call chain from the entry method to the offending method (full names, outermost first; empty when not applicable).</summary>
    public IReadOnlyList<string> Chain { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Path}({Line},{Column}): {(IsWarning ? "warning" : "error")} {Code}: {Message}";
}
