namespace PySharp.Formatting;

/// <summary>The Python exception class a <see cref="PyNumericException"/> stands for.</summary>
public enum PyErrorKind
{
    /// <summary>Python <c>ValueError</c>.</summary>
    ValueError,
    /// <summary>Python <c>OverflowError</c>.</summary>
    OverflowError,
    /// <summary>Python <c>ZeroDivisionError</c>.</summary>
    ZeroDivisionError,
    /// <summary>Python <c>TypeError</c>.</summary>
    TypeError,
}

/// <summary>
/// An error raised by this library with CPython's exact message; the interpreter turns it into
/// the Python exception named by <see cref="Kind"/>.
/// </summary>
public class PyNumericException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PyNumericException(PyErrorKind kind, string message) : base(message) => Kind = kind;

    /// <summary>The Python exception class to raise.</summary>
    public PyErrorKind Kind { get; }
}

/// <summary>An invalid format specifier: becomes a Python <c>ValueError</c>.</summary>
public sealed class FormatSpecException : PyNumericException
{
    /// <summary>Creates the exception with CPython's message.</summary>
    public FormatSpecException(string message) : base(PyErrorKind.ValueError, message) { }
}
