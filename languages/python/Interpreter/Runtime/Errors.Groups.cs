using System.Text;

namespace PySharp.Interpreter;

/// <summary>
/// Traceback printing when exception groups are involved: the boxed, indented layout of
/// CPython's traceback module (margins, numbered sub-exception separators, at most 15
/// members and 10 levels shown).
/// </summary>
internal static class GroupFormat
{
    private const int MaxGroupWidth = 15, MaxGroupDepth = 10;

    private sealed class Ctx
    {
        public int Depth;
        public bool NeedClose;
        public readonly HashSet<PyBaseException> Seen = new(ReferenceEqualityComparer.Instance);
        public readonly StringBuilder Sb = new();
        public string Indent => new(' ', 2 * Depth);
    }

    /// <summary>True when the exception or anything in its cause/context chain is a group.</summary>
    public static bool Involves(PyBaseException e)
    {
        var seen = new HashSet<PyBaseException>(ReferenceEqualityComparer.Instance);
        for (PyBaseException? x = e; x != null && seen.Add(x);)
        {
            if (x is PyExceptionGroup) return true;
            x = x.Cause as PyBaseException ?? x.Context as PyBaseException;
        }
        return false;
    }

    public static string Format(PyBaseException e)
    {
        var ctx = new Ctx();
        Format(e, ctx);
        return ctx.Sb.ToString();
    }

    private static void Emit(Ctx ctx, string text, char margin = '|')
    {
        var prefix = ctx.Indent + (ctx.Depth > 0 ? margin + " " : "");
        int i = 0;
        while (i < text.Length)
        {
            int nl = text.IndexOf('\n', i);
            int end = nl < 0 ? text.Length : nl + 1;
            ctx.Sb.Append(prefix).Append(text, i, end - i);
            i = end;
        }
    }

    private static void Format(PyBaseException e, Ctx ctx)
    {
        // The chain, newest last, each with the message that introduces the next one.
        var chain = new List<(string? msg, PyBaseException exc)>();
        for (PyBaseException? x = e; x != null;)
        {
            ctx.Seen.Add(x);
            PyBaseException? next = null;
            string? msg = null;
            if (x.Cause is PyBaseException c && !ctx.Seen.Contains(c))
            {
                next = c;
                msg = "\nThe above exception was the direct cause of the following exception:\n\n";
            }
            else if (x.Context is PyBaseException cx && !x.SuppressContext && !ctx.Seen.Contains(cx))
            {
                next = cx;
                msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
            }
            chain.Add((msg, x));
            x = next;
        }
        // Printing chained exceptions leaves the group-closing state as it was (pythonrun.c's print_chained).
        bool needClose = ctx.NeedClose;
        for (int k = chain.Count - 1; k >= 0; k--)
        {
            var exc = chain[k].exc;
            if (k == 0) ctx.NeedClose = needClose;
            if (exc is not PyExceptionGroup g)
            {
                if (exc.Traceback != null)
                {
                    Emit(ctx, "Traceback (most recent call last):\n");
                    Emit(ctx, Stack(exc));
                }
                Emit(ctx, Errors.FormatExceptionOnly(exc));
            }
            else if (ctx.Depth > MaxGroupDepth)
            {
                Emit(ctx, $"... (max_group_depth is {MaxGroupDepth})\n");
            }
            else
            {
                bool top = ctx.Depth == 0;
                if (top) ctx.Depth++;
                if (g.Traceback != null)
                {
                    Emit(ctx, "Exception Group Traceback (most recent call last):\n", top ? '+' : '|');
                    Emit(ctx, Stack(g));
                }
                Emit(ctx, Errors.FormatExceptionOnly(g));
                var subs = g.Excs.Items;
                int n = subs.Length <= MaxGroupWidth ? subs.Length : MaxGroupWidth + 1;
                ctx.NeedClose = false;
                for (int i = 0; i < n; i++)
                {
                    bool last = i == n - 1;
                    if (last) ctx.NeedClose = true;
                    bool truncated = i >= MaxGroupWidth;
                    string title = truncated ? "..." : (i + 1).ToString();
                    ctx.Sb.Append(ctx.Indent).Append(i == 0 ? "+-" : "  ").Append("+---------------- ").Append(title).Append(" ----------------\n");
                    ctx.Depth++;
                    if (!truncated) Format((PyBaseException)subs[i], ctx);
                    else
                    {
                        int remaining = subs.Length - MaxGroupWidth;
                        Emit(ctx, $"and {remaining} more exception{(remaining > 1 ? "s" : "")}\n");
                    }
                    if (last && ctx.NeedClose)
                    {
                        ctx.Sb.Append(ctx.Indent).Append("+------------------------------------\n");
                        ctx.NeedClose = false;
                    }
                    ctx.Depth--;
                }
                if (top) ctx.Depth = 0;
            }
            if (k > 0 && chain[k - 1].msg is { } m) Emit(ctx, m);
        }
    }

    private static string Stack(PyBaseException e)
    {
        var sb = new StringBuilder();
        Errors.AppendStack(sb, e.Traceback);
        return sb.ToString();
    }
}
