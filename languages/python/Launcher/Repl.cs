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
            bool incomplete = line.TrimEnd().EndsWith(':') || (buffer.Count > 1 && line.Trim().Length > 0);
            if (incomplete) continue;
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
}
