using System.Reflection;

namespace PySharp.Interpreter;

/// <summary>Pure-Python modules shipped inside the assembly (embedded resources under Modules/lib).</summary>
public static class PyLib
{
    private static readonly Dictionary<string, string> s_cache = new();

    public static bool TryGetSource(string name, out string source)
    {
        lock (s_cache)
        {
            if (s_cache.TryGetValue(name, out source!)) return source.Length > 0;
            var asm = typeof(PyLib).Assembly;
            using var s = asm.GetManifestResourceStream("pysharp.lib." + name + ".py");
            source = s == null ? "" : new StreamReader(s).ReadToEnd();
            s_cache[name] = source;
            return source.Length > 0;
        }
    }
}

public static partial class Modules_
{
    static partial void RegisterMoreImpl(Runtime rt);
    private static void RegisterMore(Runtime rt) => RegisterMoreImpl(rt);
}
