using RSharp.Hints;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// The trace optimizer's entry point: runs RPython's pass chain over a trace and returns the
/// optimized trace with the resume information its guards need.
/// </summary>
public static class TraceOptimizer
{
    /// <summary>
    /// Optimizes <paramref name="trace"/> (which is not modified) with the passes named in
    /// <paramref name="enableOpts"/> (RPython's <c>enable_opts</c> names, see
    /// <see cref="JitParameters.AllOptimizations"/>; null means all). The passes always run in
    /// pipeline order whatever the order of the names. Throws <see cref="InvalidLoopException"/>
    /// if the optimizer proves that a guard always fails, and <see cref="ArgumentException"/> for
    /// an unknown pass name.
    /// </summary>
    public static OptimizedTrace Optimize(Trace trace, IEnumerable<string>? enableOpts = null)
    {
        var names = (enableOpts ?? JitParameters.AllOptimizations).ToHashSet();
        foreach (var n in names)
            if (!JitParameters.AllOptimizations.Contains(n))
                throw new ArgumentException($"unknown optimization '{n}' (known: {string.Join(":", JitParameters.AllOptimizations)})", nameof(enableOpts));
        try
        {
            try
            {
                return new Optimizer(Passes(names)) { CarryHeapAcrossPeel = true }.Run(trace);
            }
            catch (HeapCarryFailedException)
            {
                return new Optimizer(Passes(names)).Run(trace);
            }
        }
        catch (PeelingFailedException)
        {
            // The second iteration cannot run to its end: keep the loop unpeeled (RPython does the same).
            return new Optimizer(Passes(names.Where(n => n != "unroll").ToHashSet())).Run(trace);
        }
    }

    private static List<Optimization> Passes(HashSet<string> names)
    {
        var passes = new List<Optimization>();
        foreach (var name in JitParameters.AllOptimizations)
        {
            if (!names.Contains(name)) continue;
            passes.Add(name switch
            {
                "intbounds" => new OptIntBounds(),
                "rewrite" => new OptRewrite(),
                "virtualize" => new OptVirtualize(),
                "string" => new OptString(),
                "pure" => new OptPure(),
                "earlyforce" => new OptEarlyForce(),
                "heap" => new OptHeap(),
                "unroll" => new OptUnroll(),
                _ => throw new InvalidOperationException(name),
            });
        }
        return passes;
    }

    /// <summary>Parses a colon-separated <c>enable_opts</c> string (<c>intbounds:rewrite</c>, or <c>all</c>).</summary>
    public static IReadOnlyList<string> ParseOpts(string value) =>
        value == "all" ? JitParameters.AllOptimizations
            : value.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The result of optimizing a trace.</summary>
public sealed class OptimizedTrace
{
    internal OptimizedTrace(Trace trace, IReadOnlyDictionary<Operation, GuardResume> resume)
    {
        Trace = trace;
        Resume = resume;
    }

    /// <summary>The optimized trace (new operations; the input trace is left untouched).</summary>
    public Trace Trace { get; }

    /// <summary>
    /// For every guard of <see cref="Trace"/>: the guard of the input trace it stands for, and
    /// how to rebuild that guard's fail-args (including virtuals that were never allocated)
    /// from the new guard's fail-args.
    /// </summary>
    public IReadOnlyDictionary<Operation, GuardResume> Resume { get; }

    /// <inheritdoc/>
    public override string ToString() => Trace.ToString();
}

/// <summary>
/// The optimizer proved that the trace cannot run to its end (a guard always fails, as
/// RPython's <c>InvalidLoop</c>): the meta-interpreter should not compile it.
/// </summary>
public sealed class InvalidLoopException(string message) : Exception(message);
