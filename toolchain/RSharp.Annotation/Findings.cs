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

    /// <inheritdoc/>
    public override string ToString() => $"{Path}({Line},{Column}): error {Code}: {Message}";
}
