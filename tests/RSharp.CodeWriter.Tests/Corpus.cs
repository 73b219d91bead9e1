using System.Reflection;
using RSharp.Flow;
using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>The flow corpus, its functions, and the jitcodes built for each (once per run).</summary>
internal static class Corpus
{
    public static readonly Assembly Assembly = typeof(RSharp.Flow.Corpus.Arithmetic).Assembly;
    private static readonly Lazy<FlowAssembly> s_flow = new(() => FlowAssembly.Load(Assembly.Location));
    private static readonly Dictionary<MethodInfo, (JitCodeSet? Set, string? Error)> s_built = new();

    public static FlowAssembly Flow => s_flow.Value;

    /// <summary>Public static methods of the public static classes of the corpus that have an input pool.</summary>
    public static IEnumerable<MethodInfo> Functions() =>
        Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && !t.IsGenericTypeDefinition)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsGenericMethodDefinition && !m.IsSpecialName)
                .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.GetParameters().Length))
            .Where(Inputs.CanGenerate);

    /// <summary>The jitcodes with <paramref name="m"/> as root, or why they cannot be built.</summary>
    public static (JitCodeSet? Set, string? Error) Build(MethodInfo m)
    {
        lock (s_built)
        {
            if (s_built.TryGetValue(m, out var r)) return r;
            try { r = (CodeWriter.Build(Flow, m), null); }
            catch (InvalidOperationException e) when (e.Message.StartsWith("cannot build the jitcode of root", StringComparison.Ordinal))
            {
                r = (null, e.InnerException?.Message ?? e.Message);
            }
            s_built[m] = r;
            return r;
        }
    }

    public static JitCode RootOf(JitCodeSet set) => set.JitCodes[set.Roots[0]];
}
