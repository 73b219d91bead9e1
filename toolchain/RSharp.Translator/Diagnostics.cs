namespace RSharp.Translator;

/// <summary>How bad a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Translation goes on; the finding is worth fixing (with --warnaserror, an error).</summary>
    Warning,

    /// <summary>Unsound hint usage or code that cannot be translated: translation stops.</summary>
    Error,
}

/// <summary>
/// A finding about the interpreter, printed in the MSBuild/Roslyn format
/// <c>path(line,col): error RS1001: message</c>, optionally followed by the call chain from the portal.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location)
{
    /// <summary>The methods from the portal to the finding, outermost first (empty when not applicable).</summary>
    public IReadOnlyList<string> CallChain { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString()
    {
        var head = $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
        return CallChain.Count == 0 ? head : head + Environment.NewLine + "    reached from: " + string.Join(" -> ", CallChain);
    }
}

/// <summary>Where a diagnostic points: a source position from the PDB, or the method's name when there is none.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    /// <summary>A location with no source position: the method name stands in for the path.</summary>
    public static SourceLocation OfMethod(string methodName) => new(methodName, 0, 0);

    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{Path}({Line},{Column})" : Path;
}

/// <summary>
/// Bad input to a command (missing file, not an assembly, unknown language...): reported as one
/// line on stderr with exit code 2, never as a stack trace.
/// </summary>
public sealed class UserInputException(string message) : Exception(message);
