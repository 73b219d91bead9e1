namespace PySharp.Syntax;

/// <summary>
/// Converts columns counted in UTF-16 code units to the UTF-8 byte offsets CPython reports
/// (<c>col_offset</c>, <c>co_positions</c>), line by line of one source.
/// </summary>
public sealed class Utf8Columns(string source)
{
    private string[]? _lines;
    // Per line: null until needed, empty for ASCII lines (bytes == chars), else the byte offset of every char position.
    private int[]?[]? _offsets;

    /// <summary>The byte offset of column <paramref name="col"/> of 1-based line <paramref name="line"/> (unchanged if out of range).</summary>
    public int ToByte(int line, int col)
    {
        _lines ??= source.Split('\n');
        _offsets ??= new int[]?[_lines.Length];
        if (line < 1 || line > _lines.Length) return col;
        var text = _lines[line - 1];
        if (col < 0 || col > text.Length) return col;
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
