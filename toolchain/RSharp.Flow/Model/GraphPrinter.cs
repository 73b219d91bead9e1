using System.Text;

namespace RSharp.Flow.Model;

/// <summary>Text and Graphviz renderings of a flow graph.</summary>
internal static class GraphPrinter
{
    /// <summary>Each block with its inputs, its operations (with IL offset and source line) and its exits.</summary>
    public static string ToText(FlowGraph graph)
    {
        graph.NumberBlocks();
        var sb = new StringBuilder();
        sb.Append("graph ").AppendLine(graph.Method.FullName);
        var blocks = graph.IterBlocks().Where(b => b != graph.ReturnBlock && b != graph.ExceptBlock).OrderBy(b => b.Number).ToList();
        blocks.Add(graph.ReturnBlock);
        blocks.Add(graph.ExceptBlock);
        foreach (var b in blocks)
        {
            sb.Append(b.Name).Append('(').Append(string.Join(", ", b.InputArgs.Select(Declare))).Append(')');
            if (b == graph.StartBlock) sb.Append(" start");
            if (b == graph.ReturnBlock) sb.Append(" return");
            if (b == graph.ExceptBlock) sb.Append(" except");
            if (b.ILOffset >= 0) sb.Append(" IL_").Append(b.ILOffset.ToString("x4"));
            sb.AppendLine(":");
            foreach (var op in b.Operations)
            {
                var text = "    " + op;
                var where = (op.ILOffset >= 0 ? "IL_" + op.ILOffset.ToString("x4") : "") + (op.Source is null ? "" : " " + op.Source);
                sb.Append(text);
                if (where.Length > 0) sb.Append(new string(' ', Math.Max(1, 60 - text.Length))).Append("# ").Append(where.Trim());
                sb.AppendLine();
            }
            switch (b.SwitchKind)
            {
                case ExitSwitchKind.Bool: sb.Append("    switch bool ").AppendLine(b.ExitSwitch?.ToString()); break;
                case ExitSwitchKind.Int: sb.Append("    switch int ").AppendLine(b.ExitSwitch?.ToString()); break;
                case ExitSwitchKind.LastException: sb.AppendLine("    switch last_exception"); break;
            }
            foreach (var l in b.Exits) sb.Append("    ").AppendLine(l.ToString());
        }
        return sb.ToString();
    }

    private static string Declare(Variable v) => v + ": " + v.Kind.Short();

    /// <summary>A Graphviz digraph: one record-shaped node per block, one edge per link.</summary>
    public static string ToDot(FlowGraph graph)
    {
        graph.NumberBlocks();
        var sb = new StringBuilder();
        sb.AppendLine("digraph \"" + Escape(graph.Method.FullName) + "\" {");
        sb.AppendLine("  node [shape=box, fontname=\"monospace\", fontsize=10];");
        foreach (var b in graph.IterBlocks())
        {
            var label = new StringBuilder();
            label.Append(b.Name).Append('(').Append(string.Join(", ", b.InputArgs)).Append(")\\l");
            foreach (var op in b.Operations) label.Append(Escape(op.ToString())).Append("\\l");
            if (b.ExitSwitch is not null) label.Append("switch ").Append(Escape(b.ExitSwitch.ToString()!)).Append("\\l");
            if (b.RaisesOnLastOp) label.Append("switch last_exception\\l");
            var style = b == graph.ReturnBlock ? ", style=filled, fillcolor=\"#d0f0d0\""
                : b == graph.ExceptBlock ? ", style=filled, fillcolor=\"#f0d0d0\"" : "";
            sb.Append("  ").Append(b.Name).Append(" [label=\"").Append(label).Append('"').Append(style).AppendLine("];");
        }
        foreach (var b in graph.IterBlocks())
            foreach (var l in b.Exits)
            {
                var caseLabel = l.ExitCase switch
                {
                    null => "",
                    Mono.Cecil.TypeReference t => t.Name,
                    bool x => x ? "true" : "false",
                    var c => c.ToString() ?? "",
                };
                var style = l.IsException ? ", style=dashed, color=red" : "";
                sb.Append("  ").Append(b.Name).Append(" -> ").Append(l.Target.Name)
                  .Append(" [label=\"").Append(Escape(caseLabel + (l.Args.Length > 0 ? " (" + string.Join(", ", l.Args.Select(a => a.ToString())) + ")" : "")))
                  .Append('"').Append(style).AppendLine("];");
            }
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
