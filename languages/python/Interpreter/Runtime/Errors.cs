using System.Text;

namespace PySharp.Interpreter;

/// <summary>SyntaxError construction and CPython-format traceback printing.</summary>
public static class Errors
{
    public static PyException SyntaxError(PySharp.Syntax.PythonSyntaxError e)
    {
        var t = e.Kind.ToString() switch { "IndentationError" => Exc.IndentationError, "TabError" => Exc.TabError, _ => Exc.SyntaxError };
        PyObject text = e.Text != null ? new PyStr(e.Text) : PyNone.Instance;
        var details = PyTuple.Of(new PyStr(e.Filename), PyInt.Get(e.Line), PyInt.Get(e.Offset), text, PyInt.Get(e.EndLine), PyInt.Get(e.EndOffset));
        var exc = (PyBaseException)Ops.Call(t, new PyStr(e.Msg), details);
        return new PyException(exc);
    }

    public static PyException SyntaxError(PySharp.Compiler.CompileError e, string filename, string source)
    {
        var lines = source.Split('\n');
        string? text = e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1].TrimEnd('\r') + "\n" : null;
        var details = PyTuple.Of(new PyStr(filename), PyInt.Get(e.Line), PyInt.Get(e.Col + 1), text != null ? new PyStr(text) : PyNone.Instance, PyInt.Get(e.Line), PyInt.Get(e.Col + 1));
        var exc = (PyBaseException)Ops.Call(e.Kind == "IndentationError" ? Exc.IndentationError : Exc.SyntaxError, new PyStr(e.Message), details);
        return new PyException(exc);
    }

    private static string? SourceLine(string filename, int line)
    {
        if (line <= 0 || filename.StartsWith('<')) return null;
        try
        {
            if (!File.Exists(filename))
            {
                string? found = null;
                if (!Path.IsPathRooted(filename) && Runtime.CurrentOrNull is { } rt)
                    foreach (var entry in rt.Path.ToArray())
                        if (entry is PyStr ps && File.Exists(Path.Combine(ps.Value, filename))) { found = Path.Combine(ps.Value, filename); break; }
                if (found == null) return null;
                filename = found;
            }
            int n = 0;
            foreach (var l in File.ReadLines(filename))
                if (++n == line) return l;
        }
        catch (IOException) { }
        return null;
    }

    public static string FormatException(PyBaseException e)
    {
        if (GroupFormat.Involves(e)) return GroupFormat.Format(e);
        var sb = new StringBuilder();
        Format(e, sb, new HashSet<PyBaseException>(ReferenceEqualityComparer.Instance));
        return sb.ToString();
    }

    private static void Format(PyBaseException e, StringBuilder sb, HashSet<PyBaseException> seen)
    {
        seen.Add(e);
        if (e.Cause is PyBaseException cause && !seen.Contains(cause))
        {
            Format(cause, sb, seen);
            sb.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (e.Context is PyBaseException ctx && !e.SuppressContext && !seen.Contains(ctx))
        {
            Format(ctx, sb, seen);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        if (e.Traceback != null)
        {
            sb.Append("Traceback (most recent call last):\n");
            AppendStack(sb, e.Traceback);
        }
        sb.Append(FormatExceptionOnly(e));
    }

    /// <summary>The "File ..., line N, in f" entries of a traceback.</summary>
    internal static void AppendStack(StringBuilder sb, PyTraceback? first)
    {
        {
            var entries = new List<PyTraceback>();
            for (var tb = first; tb != null; tb = tb.Next) entries.Add(tb);
            // Collapse long runs of identical entries the way CPython does.
            int i = 0;
            while (i < entries.Count)
            {
                var tb = entries[i];
                int j = i;
                while (j + 1 < entries.Count && Same(entries[j + 1], tb)) j++;
                int run = j - i + 1;
                int shown = Math.Min(run, 3);
                for (int r = 0; r < shown; r++) AppendEntry(sb, tb);
                if (run > 3) sb.Append($"  [Previous line repeated {run - 3} more time{(run - 3 == 1 ? "" : "s")}]\n");
                i = j + 1;
            }
        }
    }

    private static bool Same(PyTraceback a, PyTraceback b) =>
        a.Line == b.Line && a.Frame.Code == b.Frame.Code;

    private static void AppendEntry(StringBuilder sb, PyTraceback tb)
    {
        var code = tb.Frame.Code;
        sb.Append($"  File \"{code.Filename}\", line {tb.Line}, in {code.Name}\n");
        var src = SourceLine(code.Filename, tb.Line);
        if (src == null) return;
        // CPython strips only the indentation: trailing blanks stay on the printed line.
        var shown = src.TrimStart(' ', '\t', '\f');
        if (shown.Length == 0) return;
        sb.Append("    ").Append(shown).Append('\n');
        sb.Append(Carets.MarkerLine(code.Unit, tb.Lasti, src));
    }

    public static string TypeDisplayName(PyType t)
    {
        var mod = t.Dict.GetStr("__module__") as PyStr;
        string m = mod?.Value ?? "builtins";
        if (m == "builtins" || m == "__main__") return t.QualName;
        return m + "." + t.QualName;
    }

    public static string FormatExceptionOnly(PyBaseException e)
    {
        var sb = new StringBuilder();
        string name = TypeDisplayName(e.Type);
        if (e.Type.IsSubtypeOf(Exc.SyntaxError))
        {
            var fn = e.GetAttr("filename"); var ln = e.GetAttr("lineno"); var text = e.GetAttr("text"); var off = e.GetAttr("offset"); var eoff = e.GetAttr("end_offset");
            var eln = e.GetAttr("end_lineno");
            if (fn is PyStr fs && ln is PyInt li)
            {
                sb.Append($"  File \"{fs.Value}\", line {li.Value}\n");
                if (text is PyStr ts)
                {
                    var line = ts.Value.TrimEnd('\n', '\r');
                    var stripped = line.TrimStart(' ', '\t', '\f');
                    int removed = line.Length - stripped.Length;
                    sb.Append("    ").Append(stripped).Append('\n');
                    if (off is PyInt oi && oi.Value > 0)
                    {
                        long start = oi.Value - 1 - removed;
                        long end = eoff is PyInt ei && ei.Value > oi.Value && (eln is not PyInt el || el.Value == li.Value) ? ei.Value - 1 - removed : start + 1;
                        if (start < 0) start = 0;
                        if (end > stripped.Length) end = Math.Max(start + 1, stripped.Length);
                        sb.Append("    ").Append(new string(' ', (int)start)).Append(new string('^', (int)Math.Max(1, end - start))).Append('\n');
                    }
                }
            }
            var msg = e.GetAttr("msg");
            sb.Append(name).Append(": ").Append(msg != null && msg != PyNone.Instance ? StrOr(msg, "exception") : StrOr(e, "exception")).Append('\n');
            return sb.ToString();
        }
        string s = StrOr(e, "exception");
        sb.Append(s.Length > 0 ? name + ": " + s : name).Append('\n');
        if (e.GetAttr("__notes__") is PyList notes)
            for (int i = 0; i < notes.Count; i++) sb.Append(StrOr(notes.Items[i], "note")).Append('\n');
        return sb.ToString();
    }

    /// <summary>str() for a traceback line; CPython's placeholder when __str__ itself raises.</summary>
    private static string StrOr(PyObject o, string what)
    {
        try { return Ops.StrString(o); }
        catch (PyException) { return $"<{what} str() failed>"; }
    }

    public static void PrintException(Runtime rt, PyBaseException e)
    {
        var text = FormatException(e);
        var err = rt.Sys.Dict.GetStr("stderr");
        if (err is PyFile f && f.Writer != null) { f.Writer.Write(f.Encodable(text)); f.Writer.Flush(); }
        else if (err != null && err != PyNone.Instance) Ops.Call(Ops.GetAttr(err, "write"), new PyStr(text));
    }
}
