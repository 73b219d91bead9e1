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

/// <summary>Converts columns counted in UTF-16 code units to UTF-8 byte offsets, line by line.</summary>
internal sealed class Utf8Columns(string source)
{
    private string[]? _lines;
    // Per line: null until needed, empty for ASCII lines (bytes == chars), else the byte offset of every char position.
    private int[]?[]? _offsets;

    /// <summary>Rewrites the columns of <paramref name="positions"/> in place.</summary>
    public void ToBytes(SrcLoc[] positions)
    {
        for (int i = 0; i < positions.Length; i++)
        {
            ref var p = ref positions[i];
            if (p.Col >= 0) p.Col = Byte(p.Line, p.Col);
            if (p.EndCol >= 0) p.EndCol = Byte(p.EndLine, p.EndCol);
        }
    }

    private int Byte(int line, int col)
    {
        _lines ??= source.Split('\n');
        _offsets ??= new int[]?[_lines.Length];
        if (line < 1 || line > _lines.Length) return col;
        var text = _lines[line - 1];
        if (col > text.Length) return col;
        var offsets = _offsets[line - 1] ??= Compute(text);
        return offsets.Length == 0 ? col : offsets[col];
    }

    private static int[] Compute(string text)
    {
        bool ascii = true;
        foreach (char c in text) if (c >= 0x80) { ascii = false; break; }
        if (ascii) return [];
        var offsets = new int[text.Length + 1];
        int bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            offsets[i] = bytes;
            char c = text[i];
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { offsets[++i] = bytes + 2; bytes += 4; }
            else bytes += 3;
        }
        offsets[text.Length] = bytes;
        return offsets;
    }
}
