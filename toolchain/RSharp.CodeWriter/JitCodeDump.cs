using System.Text;
using RSharp.Flow;

namespace RSharp.CodeWriter;

/// <summary>Text dumps of jitcodes, for <c>rsharp jitcodes</c>.</summary>
public static class JitCodeDump
{
    /// <summary>
    /// Builds the jitcodes of the assembly at <paramref name="path"/> and returns their listings.
    /// With <paramref name="methodFilter"/> (a <c>Namespace.Type::Method</c> name) that method is the
    /// root; without it, every method that calls a JitDriver merge point (a portal) is a root.
    /// </summary>
    public static string ForAssembly(string path, string? methodFilter = null)
    {
        using var assembly = FlowAssembly.Load(path);
        var roots = methodFilter is not null
            ? new List<Mono.Cecil.MethodReference> { assembly.FindMethod(methodFilter) }
            : assembly.MethodsWithBodies().Where(CallsMergePoint).Cast<Mono.Cecil.MethodReference>().ToList();
        if (roots.Count == 0) return "no portals (methods calling JitDriver.JitMergePoint) found; name a method\n";
        var set = CodeWriter.Build(assembly, roots, partialRoots: true);
        var sb = new StringBuilder();
        foreach (var root in set.Roots) sb.Append(set.JitCodes[root].Dump()).AppendLine();
        foreach (var (name, code) in set.JitCodes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (!set.Roots.Contains(name)) sb.Append(code.Dump()).AppendLine();
        foreach (var w in set.Warnings) sb.Append("warning: ").AppendLine(w);
        if (set.EffectAnalysisError is { } error) sb.Append("warning: no effect analysis (residual calls are opaque): ").AppendLine(error);
        if (set.Residual.Count > 0)
        {
            sb.AppendLine("residual (not looked inside):");
            foreach (var (name, why) in set.Residual.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                sb.Append("  ").Append(name).Append(": ").AppendLine(why);
        }
        var effects = ResidualEffects(set);
        if (effects.Count > 0)
        {
            sb.AppendLine("residual call effects:");
            foreach (var line in effects) sb.Append("  ").AppendLine(line);
        }
        return sb.ToString();
    }

    /// <summary>One line per residual call descriptor of the set: its name and effect info, sorted.</summary>
    internal static List<string> ResidualEffects(JitCodeSet set) =>
        set.JitCodes.Values.SelectMany(j => j.Descrs)
            .Select(d => d switch
            {
                RSharp.Jit.Traces.CallDescr c => (d.Name, c.Effect),
                RSharp.Jit.JitCodes.ConstructorDescr c => (d.Name, c.Effect),
                _ => ((string, RSharp.Jit.Traces.EffectInfo)?)null,
            })
            .OfType<(string Name, RSharp.Jit.Traces.EffectInfo Effect)>()
            .Select(x => x.Name + ": " + Describe(x.Effect))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The effect info as text: the extra effect, then the non-empty read and write sets.</summary>
    internal static string Describe(RSharp.Jit.Traces.EffectInfo e)
    {
        static string Set(string label, IEnumerable<RSharp.Jit.Traces.Descr> ds)
        {
            var names = ds.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
            return names.Count == 0 ? "" : " " + label + " [" + string.Join(", ", names) + "]";
        }
        return e.ExtraEffect + Set("writes", e.WriteFields) + Set("writes-arrays", e.WriteArrays)
            + Set("reads", e.ReadFields) + Set("reads-arrays", e.ReadArrays) + (e.CanInvalidate ? " can-invalidate" : "");
    }

    private static bool CallsMergePoint(Mono.Cecil.MethodDefinition m) =>
        m.Body.Instructions.Any(i => i.Operand is Mono.Cecil.MethodReference r
            && r.DeclaringType.FullName == "RSharp.Hints.JitDriver" && r.Name == "JitMergePoint");
}
