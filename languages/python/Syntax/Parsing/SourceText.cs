namespace PySharp.Syntax.Parsing;

/// <summary>Normalized source text (universal newlines, trailing newline) plus line lookup for errors.</summary>
internal sealed class SourceText
{
    public readonly string Source;
    public readonly string Filename;
    /// <summary>Whether the text given was empty (before the trailing newline was added).</summary>
    public readonly bool WasEmpty;
    int[]? lineStarts;

    public SourceText(string source, string filename)
    {
        Filename = filename;
        WasEmpty = source.Length == 0;
        if (source.Contains('\0'))
            throw new PythonSyntaxError(SyntaxErrorKind.SyntaxError, "source code string cannot contain null bytes", filename, 0, 0, 0, 0, null);
        if (source.Contains('\r')) source = source.Replace("\r\n", "\n").Replace('\r', '\n');
        if (source.Length == 0 || source[^1] != '\n') source += "\n";
        Source = source;
    }

    int[] LineStarts()
    {
        if (lineStarts != null) return lineStarts;
        var starts = new List<int> { 0 };
        for (int i = 0; i < Source.Length; i++)
            if (Source[i] == '\n') starts.Add(i + 1);
        return lineStarts = starts.ToArray();
    }

    /// <summary>The text of a 1-based line including its newline, or null.</summary>
    public string? LineText(int line)
    {
        var starts = LineStarts();
        if (line < 1 || line > starts.Length) return null;
        int s = starts[line - 1];
        int e = line < starts.Length ? starts[line] : Source.Length;
        return s >= Source.Length ? null : Source.Substring(s, e - s);
    }

    /// <summary>Char offset of the start of a 1-based line.</summary>
    public int LineStart(int line)
    {
        var starts = LineStarts();
        return line >= 1 && line <= starts.Length ? starts[line - 1] : Source.Length;
    }

    public PythonSyntaxError Error(SyntaxErrorKind kind, string msg, int line, int offset, int endLine, int endOffset)
        => new(kind, msg, Filename, line, CodePoints(line, offset), endLine, CodePoints(endLine, endOffset), LineText(line));

    /// <summary>Converts a 1-based UTF-16 offset to CPython's 1-based code point offset.</summary>
    int CodePoints(int line, int offset)
    {
        if (offset <= 1) return offset;
        var text = LineText(line);
        if (text == null) return offset;
        int pairs = 0;
        for (int i = 1; i < Math.Min(offset - 1, text.Length); i++)
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1])) pairs++;
        return offset - pairs;
    }
}
