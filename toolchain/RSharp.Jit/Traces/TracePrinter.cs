using System.Globalization;
using System.Text;

namespace RSharp.Jit.Traces;

/// <summary>
/// Prints traces in the text form. Variables are numbered in order of definition with one
/// counter for all kinds (<c>i0, i1, p2</c>), so printing is deterministic and a parsed trace
/// prints exactly as its canonical text.
/// </summary>
internal static class TracePrinter
{
    public static string Print(Trace trace)
    {
        var names = new Dictionary<TraceValue, string>(ReferenceEqualityComparer.Instance);
        var sb = new StringBuilder();
        sb.Append('[');
        for (int i = 0; i < trace.InputArgs.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Define(names, trace.InputArgs[i]));
        }
        sb.Append("]\n");
        foreach (var op in trace.Operations)
        {
            AppendOp(sb, op, names);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One operation with names local to it (for debugging messages).</summary>
    public static string FormatAlone(Operation op)
    {
        var sb = new StringBuilder();
        AppendOp(sb, op, new Dictionary<TraceValue, string>(ReferenceEqualityComparer.Instance));
        return sb.ToString();
    }

    private static string Define(Dictionary<TraceValue, string> names, TraceValue v)
    {
        string name = ValueKinds.Prefix(v.Kind) + names.Count.ToString(CultureInfo.InvariantCulture);
        names[v] = name;
        return name;
    }

    private static string Use(Dictionary<TraceValue, string> names, TraceValue v) =>
        v is Const c ? c.ToString() : names.TryGetValue(v, out var n) ? n : Define(names, v);

    private static void AppendOp(StringBuilder sb, Operation op, Dictionary<TraceValue, string> names)
    {
        // Arguments are named before the result so that an (invalid) self-use is still printable.
        var args = op.Args.Select(a => Use(names, a)).ToList();
        if (op.Kind != ValueKind.Void) sb.Append(Define(names, op)).Append(" = ");
        sb.Append(op.Info.Name).Append('(');
        sb.AppendJoin(", ", args);
        if (op.Descr is { } d)
        {
            if (args.Count > 0) sb.Append(", ");
            sb.Append("descr=").Append(d.ToString());
        }
        sb.Append(')');
        if (op.FailArgs is { } failArgs)
        {
            sb.Append(" [");
            sb.AppendJoin(", ", failArgs.Select(a => Use(names, a)));
            sb.Append(']');
        }
    }
}
