using System.Text;
using PySharp.Compiler;
using PySharp.Syntax.Ast;

namespace PySharp.Interpreter;

/// <summary>
/// The marker line CPython 3.11 prints under a traceback's source line: <c>^</c> under the
/// range of the instruction that raised, or for a binary operation <c>~</c> under the operands
/// and <c>^</c> under the operator, for a subscript <c>~</c> under the value and <c>^</c> under
/// the brackets. Columns come from the code's position table as UTF-8 byte offsets; the
/// markers are counted in display columns (East Asian wide characters take two).
/// </summary>
internal static class Carets
{
    /// <summary>
    /// The marker line for instruction <paramref name="lasti"/> of <paramref name="code"/> under
    /// <paramref name="line"/> (the source line without its newline), as the interpreter's own
    /// traceback printer writes it (leading whitespace of the line removed); null when none.
    /// </summary>
    public static string? MarkerLine(CodeUnit code, int lasti, string line)
    {
        if (lasti < 0 || lasti >= code.Positions.Length) return null;
        var pos = code.Positions[lasti];
        if (pos.Line <= 0 || pos.EndLine <= 0 || pos.Col < 0 || pos.EndCol < 0) return null;
        int start = ByteToIndex(line, pos.Col);
        int end = ByteToIndex(line, pos.EndCol);
        int left = -1, right = -1;
        if (pos.Line == pos.EndLine)
        {
            if (end < start) return null;
            Anchors(line.Substring(start, end - start), out left, out right);
            if (left >= 0) { left += start; right += start; }
        }
        else
        {
            // A range that goes on past this line is marked up to its last non-blank character.
            end = line.Length;
            while (end > 0 && IsBlank(line[end - 1])) end--;
            if (end < start) return null;
        }
        int indent = 0;
        while (indent < line.Length && IsBlank(line[indent])) indent++;
        bool anchored = left >= 0;
        if (!anchored && CodePoints(line, start, end) == CodePoints(line, indent, line.Length)) return null;
        var sb = new StringBuilder("    ");
        sb.Append(' ', Width(line, indent, start));
        for (int i = start; i < end; i++)
        {
            int w = 1;
            int cp = line[i];
            if (char.IsHighSurrogate(line[i]) && i + 1 < end && char.IsLowSurrogate(line[i + 1])) cp = char.ConvertToUtf32(line[i], line[++i]);
            if (EastAsianWide.IsWide(cp)) w = 2;
            char mark = anchored && (i < left || i >= right) ? '~' : '^';
            sb.Append(mark, w);
        }
        return sb.Append('\n').ToString();
    }

    // CPython's traceback.c treats space, tab and form feed as blanks.
    private static bool IsBlank(char c) => c is ' ' or '\t' or '\f';

    /// <summary>
    /// The anchors of the default printer within <paramref name="segment"/>: for a binary
    /// operation the operator (skipping blanks and closing parentheses after the left operand;
    /// two characters when the next one is not blank and comes before the right operand), for a
    /// subscript from its '[' to its ']'. -1 when the segment is neither.
    /// </summary>
    private static void Anchors(string segment, out int left, out int right)
    {
        left = right = -1;
        var e = SingleExpr(segment);
        if (e is BinOp b)
        {
            int stop = Math.Min(b.Right.Col, segment.Length);
            for (int i = b.Left.EndCol; i < stop; i++)
            {
                char c = segment[i];
                if (IsBlank(c) || c == ')') continue;
                left = i;
                right = i + 1;
                if (i + 1 < stop && !IsBlank(segment[i + 1])) right++;
                break;
            }
        }
        else if (e is Subscript s)
        {
            int l = s.Value.EndCol, r = s.Slice.EndCol + 1;
            while (l < segment.Length && segment[l] != '[') l++;
            while (r < segment.Length && segment[r] != ']') r++;
            if (r < segment.Length) r++;
            left = l; right = r;
        }
    }

    /// <summary>The expression when <paramref name="segment"/> parses as exactly one expression statement.</summary>
    private static Expr? SingleExpr(string segment)
    {
        try
        {
            var m = PySharp.Syntax.Parser.ParseModule(segment, "<segment>");
            return m.Body.Count == 1 && m.Body[0] is ExprStmt es ? es.Value : null;
        }
        catch (Exception)
        {
            // As in CPython, a segment that does not parse just gets plain markers.
            return null;
        }
    }

    /// <summary>
    /// For the traceback module: (kind, a, b) with the UTF-8 byte offsets CPython's ast gives
    /// within <paramref name="segment"/>: for a BinOp left.end_col_offset and right.col_offset,
    /// for a Subscript value.end_col_offset and slice.end_col_offset; null otherwise.
    /// </summary>
    public static (string kind, int a, int b)? AstAnchors(string segment)
    {
        var e = SingleExpr(segment);
        if (e is BinOp b) return ("binop", Utf8Length(segment, b.Left.EndCol), Utf8Length(segment, b.Right.Col));
        if (e is Subscript s) return ("subscript", Utf8Length(segment, s.Value.EndCol), Utf8Length(segment, s.Slice.EndCol));
        return null;
    }

    private static int Utf8Length(string s, int upTo) => Encoding.UTF8.GetByteCount(s.AsSpan(0, Math.Min(upTo, s.Length)));

    /// <summary>
    /// The UTF-16 index of UTF-8 byte offset <paramref name="offset"/> in <paramref name="line"/>
    /// (CPython decodes the leading bytes, a cut character counting as one).
    /// </summary>
    public static int ByteToIndex(string line, int offset)
    {
        int bytes = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (bytes >= offset) return i;
            char c = line[i];
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1])) { bytes += 4; i++; }
            else bytes += 3;
        }
        return line.Length;
    }

    private static int CodePoints(string s, int from, int to)
    {
        int n = 0;
        for (int i = from; i < to; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < to && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }
        return n;
    }

    /// <summary>The display width of s[from..to): two columns per East Asian wide character.</summary>
    public static int Width(string s, int from, int to)
    {
        int w = 0;
        for (int i = from; i < to; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < to && char.IsLowSurrogate(s[i + 1])) cp = char.ConvertToUtf32(s[i], s[++i]);
            w += EastAsianWide.IsWide(cp) ? 2 : 1;
        }
        return w;
    }
}
