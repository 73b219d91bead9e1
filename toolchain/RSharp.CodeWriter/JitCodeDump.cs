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
        if (set.Residual.Count > 0)
        {
            sb.AppendLine("residual (not looked inside):");
            foreach (var (name, why) in set.Residual.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                sb.Append("  ").Append(name).Append(": ").AppendLine(why);
        }
        return sb.ToString();
    }

    private static bool CallsMergePoint(Mono.Cecil.MethodDefinition m) =>
        m.Body.Instructions.Any(i => i.Operand is Mono.Cecil.MethodReference r
            && r.DeclaringType.FullName == "RSharp.Hints.JitDriver" && r.Name == "JitMergePoint");
}
