using System.Text;
using PySharp.Syntax.Ast;
using PySharp.Syntax.Parsing;

namespace PySharp.Syntax;

/// <summary>
/// Entry points of the Python 3.11 parser. All methods either return a CPython-identical
/// AST or throw <see cref="PythonSyntaxError"/> (never any other exception).
/// </summary>
public static class Parser
{
    /// <summary>Parses a module (<c>compile(..., 'exec')</c>).</summary>
    public static Module ParseModule(string source, string filename)
        => Guard(filename, () => PythonParser.ForSource(new SourceText(source, filename)).ParseFile());

    /// <summary>Parses an expression (<c>compile(..., 'eval')</c>).</summary>
    public static Expression ParseExpression(string source, string filename)
        => Guard(filename, () => PythonParser.ForSource(new SourceText(source, filename)).ParseEval());

    /// <summary>Parses one interactive statement (<c>compile(..., 'single')</c>).</summary>
    public static Interactive ParseInteractive(string source, string filename)
        => Guard(filename, () => PythonParser.ForSource(new SourceText(source, filename)).ParseInteractive());

    /// <summary>Parses a module from bytes, honouring a UTF-8 BOM and a PEP 263 coding declaration.</summary>
    public static Module ParseModule(byte[] source, string filename)
        => ParseModule(SourceDecoder.Decode(source, filename), filename);

    /// <summary>Decodes source bytes to text (BOM, PEP 263 cookie, default UTF-8).</summary>
    public static string DecodeSource(byte[] source, string filename) => SourceDecoder.Decode(source, filename);

    static T Guard<T>(string filename, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (InsufficientExecutionStackException)
        {
            throw new PythonSyntaxError(SyntaxErrorKind.SyntaxError, "too many nested parentheses", filename, 1, 1, 1, 1, null);
        }
    }
}
