using PySharp.Syntax.Ast;

namespace PySharp.Compiler;

/// <summary>
/// The source range of one instruction: CPython's (lineno, end_lineno, col_offset,
/// end_col_offset) from <c>co_positions()</c>. Lines are 1-based; columns are 0-based, -1 when
/// unknown. In a finished <see cref="CodeUnit"/> the columns are UTF-8 byte offsets.
/// </summary>
public struct SrcLoc(int line, int endLine, int col, int endCol)
{
    /// <summary>First line.</summary>
    public int Line = line;
    /// <summary>Last line.</summary>
    public int EndLine = endLine;
    /// <summary>Start column, or -1.</summary>
    public int Col = col;
    /// <summary>End column (exclusive), or -1.</summary>
    public int EndCol = endCol;

    /// <summary>The range of a node; line only when the node carries no end position.</summary>
    internal static SrcLoc Of(Node n) =>
        n.EndLine >= n.Line && n.Line > 0 ? new SrcLoc(n.Line, n.EndLine, n.Col, n.EndCol) : new SrcLoc(n.Line, n.Line, -1, -1);
}
