using System.Text;
using RSharp.Flow.Checking;

namespace RSharp.Flow;

/// <summary>Outcome of building the graph of every method body of an assembly.</summary>
public sealed class GraphStats
{
    /// <summary>Graphs built and checked.</summary>
    public int Graphs { get; private set; }

    /// <summary>Method bodies that could not be turned into a graph.</summary>
    public int Unsupported { get; private set; }

    /// <summary>Unsupported bodies counted by reason.</summary>
    public IReadOnlyDictionary<string, int> Reasons => _reasons;

    /// <summary>Up to 50 diagnostics "method: reason" for inspection.</summary>
    public IReadOnlyList<string> Samples => _samples;

    private readonly SortedDictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private readonly List<string> _samples = new();

    internal static GraphStats Compute(FlowAssembly assembly)
    {
        var stats = new GraphStats();
        foreach (var method in assembly.MethodsWithBodies())
        {
            string? reason = null, detail = null;
            try
            {
                FlowAssembly.BuildChecked(method, assembly.ExplicitExceptionExits);
                stats.Graphs++;
            }
            catch (GraphBuildException e) { reason = e.Reason; detail = e.Message; }
            catch (GraphCheckException e) { reason = "checker failed"; detail = e.Message; }
            catch (Exception e) { reason = "internal error " + e.GetType().Name; detail = e.Message; }
            if (reason is null) continue;
            stats.Unsupported++;
            stats._reasons[reason] = stats._reasons.GetValueOrDefault(reason) + 1;
            if (stats._samples.Count < 50) stats._samples.Add(method.FullName + ": " + detail);
        }
        return stats;
    }

    /// <summary>"graphs: N, unsupported: M" followed by one line per reason.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("graphs: ").Append(Graphs).Append(", unsupported: ").Append(Unsupported);
        foreach (var (reason, count) in _reasons) sb.AppendLine().Append("  ").Append(count).Append("  ").Append(reason);
        return sb.ToString();
    }
}
