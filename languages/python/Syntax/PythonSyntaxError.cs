namespace PySharp.Syntax;

/// <summary>Which Python exception class a <see cref="PythonSyntaxError"/> stands for.</summary>
public enum SyntaxErrorKind
{
    /// <summary><c>SyntaxError</c>.</summary>
    SyntaxError,
    /// <summary><c>IndentationError</c> (a subclass of SyntaxError).</summary>
    IndentationError,
    /// <summary><c>TabError</c> (a subclass of IndentationError).</summary>
    TabError,
}

/// <summary>
/// A Python <c>SyntaxError</c> (or subclass) raised by the tokenizer or parser, carrying
/// the same fields as CPython's exception: message, file, 1-based line and column
/// offsets, and the offending source line.
/// </summary>
public sealed class PythonSyntaxError : Exception
{
    /// <summary>Creates the error.</summary>
    public PythonSyntaxError(SyntaxErrorKind kind, string msg, string filename, int line, int offset,
                             int endLine, int endOffset, string? text)
        : base($"{msg} ({filename}, line {line})")
    {
        Kind = kind; Msg = msg; Filename = filename; Line = line; Offset = offset;
        EndLine = endLine; EndOffset = endOffset; Text = text;
    }

    /// <summary>The exception class.</summary>
    public SyntaxErrorKind Kind { get; }
    /// <summary>CPython's message (<c>SyntaxError.msg</c>).</summary>
    public string Msg { get; }
    /// <summary>The file name given to the parser.</summary>
    public string Filename { get; }
    /// <summary>1-based line (<c>lineno</c>).</summary>
    public int Line { get; }
    /// <summary>1-based column in characters (<c>offset</c>).</summary>
    public int Offset { get; }
    /// <summary><c>end_lineno</c>.</summary>
    public int EndLine { get; }
    /// <summary><c>end_offset</c>.</summary>
    public int EndOffset { get; }
    /// <summary>The source line (<c>text</c>), or null when unknown.</summary>
    public string? Text { get; }

    /// <summary>A tokenizer error that CPython only reports when the parser reaches it
    /// (E_DEDENT, E_TABSPACE, E_TOODEEP, E_LINECONT, E_EOF set no exception up front).</summary>
    internal bool OnlyWhenReached { get; init; }
}
