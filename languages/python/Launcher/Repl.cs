using PySharp.Interpreter;

namespace PySharp.Launcher;

/// <summary>The interactive loop with >>> and ... prompts.</summary>
internal static class Repl
{
    public static int Run(Runtime rt, bool banner)
    {
        var main = rt.Modules.GetStr("__main__") as PyModule;
        if (main == null)
        {
            main = new PyModule("__main__");
            main.Dict.SetStr("__builtins__", rt.BuiltinsModule);
            rt.Modules.SetStr("__main__", main);
        }
        if (banner) { rt.Stderr.WriteLine("Python 3.11.7 (PySharp) on .NET"); rt.Stderr.WriteLine("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information."); }
        var buffer = new List<string>();
        while (true)
        {
            rt.Stderr.Write(buffer.Count == 0 ? ">>> " : "... ");
            rt.Stderr.Flush();
            var line = rt.Stdin.ReadLine();
            if (line == null) { rt.Stderr.WriteLine(); return 0; }
            buffer.Add(line);
            var src = string.Join("\n", buffer) + "\n";
            if (buffer.Count == 1 && line.Trim().Length == 0) { buffer.Clear(); continue; }
            if (NeedsMore(buffer, src)) continue;
            buffer.Clear();
            int code = -1;
            try
            {
                var compiled = Builtins.CompileSource(src, "<stdin>", "single");
                code = Engine.Protect(rt, () => PySharp.Interpreter.Interpreter.RunCode(compiled, main.Dict, main.Dict));
            }
            catch (PyException e) { code = Engine.HandleUncaught(rt, e.Value); }
            if (code >= 0 && code != 1 && code != 0) return code;
            if (code == 0) Engine.FlushStd(rt);
        }
    }

    private static readonly string[] CompoundStarts = ["if", "while", "for", "try", "with", "def", "class", "async", "match"];

    /// <summary>
    /// Whether the input so far is unfinished, as CPython's REPL decides: an open bracket, an
    /// unterminated triple-quoted string or a trailing backslash needs more lines whatever they
    /// are; a compound statement (even on one line) ends only at an empty line.
    /// </summary>
    internal static bool NeedsMore(IReadOnlyList<string> buffer, string src)
    {
        bool endsWithBlank = buffer.Count > 1 && buffer[^1].Trim().Length == 0;
        try
        {
            Builtins.CompileSource(src, "<stdin>", "single");
        }
        catch (PyException e) when (TypeOps.IsInstance(e.Value, Exc.SyntaxError))
        {
            var message = Ops.Str(e.Value).Value;
            if (message.Contains("was never closed") || message.Contains("unterminated triple-quoted string")
                || message.Contains("unexpected EOF")) return true;
            if (message.Contains("expected an indented block")) return !endsWithBlank;
            // A decorator waits for its definition; anything else is a real error: show it now.
            return buffer[0].TrimStart().StartsWith('@') && !endsWithBlank;
        }
        var first = buffer[0].TrimStart();
        int end = 0;
        while (end < first.Length && (char.IsLetter(first[end]) || first[end] == '_')) end++;
        bool compound = first.StartsWith('@') || CompoundStarts.Contains(first[..end]) || buffer[0].TrimEnd().EndsWith(':');
        return compound && !endsWithBlank;
    }
}
