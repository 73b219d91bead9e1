using System.Text;

namespace PySharp.Syntax.Ast;

/// <summary>
/// Prints an AST exactly as CPython 3.11's <c>ast.dump(node, include_attributes=...)</c>
/// does, so that trees can be compared with CPython's by string comparison.
/// </summary>
public static partial class AstDump
{
    /// <summary>Dumps <paramref name="node"/> like <c>ast.dump</c>. Throws
    /// <see cref="InsufficientExecutionStackException"/> for trees too deep for the stack.</summary>
    /// <param name="node">The root.</param>
    /// <param name="includeAttributes">Also print lineno, col_offset, end_lineno, end_col_offset.</param>
    /// <param name="source">When given, columns are converted to UTF-8 byte offsets within
    /// the source's lines, as CPython reports them; otherwise they are printed as stored.</param>
    public static string Dump(Node node, bool includeAttributes = false, string? source = null)
    {
        var sb = new StringBuilder();
        var state = new DumpState(includeAttributes, source);
        current = state;
        try { DumpNode(node, sb, includeAttributes); }
        finally { current = null; }
        return sb.ToString();
    }

    [ThreadStatic] static DumpState? current;

    sealed class DumpState(bool attrs, string? source)
    {
        public readonly bool Attrs = attrs;
        readonly Utf8Columns? columns = source is null ? null : new Utf8Columns(source);

        public int ByteCol(int line, int col) => columns?.ToByte(line, col) ?? col;
    }

    static void Sep(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != '(') sb.Append(", ");
    }

    static void Attributes(Node n, StringBuilder sb)
    {
        var st = current;
        int col = st?.ByteCol(n.Line, n.Col) ?? n.Col;
        int endCol = st?.ByteCol(n.EndLine, n.EndCol) ?? n.EndCol;
        Sep(sb);
        sb.Append("lineno=").Append(n.Line).Append(", col_offset=").Append(col)
          .Append(", end_lineno=").Append(n.EndLine).Append(", end_col_offset=").Append(endCol);
    }

    static void NodeList<T>(List<T> list, StringBuilder sb, bool attrs) where T : Node?
    {
        sb.Append('[');
        for (int i = 0; i < list.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            if (list[i] is { } n) DumpNode(n, sb, attrs); else sb.Append("None");
        }
        sb.Append(']');
    }

    static void StrList(List<string> list, StringBuilder sb)
    {
        sb.Append('[');
        for (int i = 0; i < list.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Repr.Str(list[i], sb);
        }
        sb.Append(']');
    }

    static void EnumList<T>(List<T> list, StringBuilder sb) where T : struct, Enum
    {
        sb.Append('[');
        for (int i = 0; i < list.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(list[i].ToString()).Append("()");
        }
        sb.Append(']');
    }
}
