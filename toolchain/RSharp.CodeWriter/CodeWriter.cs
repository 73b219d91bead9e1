using Mono.Cecil;
using RSharp.Flow;
using RSharp.Flow.Algorithms;
using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.CodeWriter;

/// <summary>The jitcodes built from a set of roots, with the methods left residual and why.</summary>
public sealed class JitCodeSet
{
    internal JitCodeSet(Dictionary<string, JitCode> jitcodes, List<string> roots, Dictionary<string, string> residual)
    {
        JitCodes = jitcodes;
        Roots = roots;
        Residual = residual;
    }

    /// <summary>Jitcodes by method full name (Cecil's <c>FullName</c>).</summary>
    public IReadOnlyDictionary<string, JitCode> JitCodes { get; }
    /// <summary>Full names of the roots, in the order given.</summary>
    public IReadOnlyList<string> Roots { get; }
    /// <summary>Methods that were candidates but are called residually, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Residual { get; }

    /// <summary>Blocks of roots replaced by <c>unsupported</c> (the rest of the root is a real jitcode).</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>Why the whole-program effect analysis failed (residual calls then have conservative effect info), or null.</summary>
    public string? EffectAnalysisError { get; internal init; }

    /// <summary>The jitcode of the root or method whose full name contains <paramref name="fragment"/>.</summary>
    public JitCode Get(string fragment) =>
        JitCodes.TryGetValue(fragment, out var j) ? j
        : JitCodes.Where(kv => kv.Key.Contains(fragment, StringComparison.Ordinal)).Select(kv => kv.Value).SingleOrDefault()
          ?? throw new KeyNotFoundException("no single jitcode matches " + fragment);
}

/// <summary>
/// The codewriter: turns the flow graphs of the methods the JIT looks inside into jitcodes,
/// starting from the roots (portals) and following calls (RPython's codewriter.py).
/// </summary>
public static class CodeWriter
{
    /// <summary>Builds the jitcodes reachable by inline calls from <paramref name="portal"/>.</summary>
    public static JitCodeSet Build(FlowAssembly assembly, string portal) => Build(assembly, [portal]);

    /// <summary>
    /// Builds the jitcodes reachable by inline calls from the roots, given as
    /// <c>Namespace.Type::Method</c> names (see <see cref="FlowAssembly.ResolveMethodName"/>).
    /// Other methods the codewriter cannot model fall back to residual calls; in a root (a portal
    /// cannot be residual) each block it cannot model becomes an <c>unsupported</c> instruction,
    /// listed in <see cref="JitCodeSet.Warnings"/>.
    /// </summary>
    public static JitCodeSet Build(FlowAssembly assembly, IEnumerable<string> roots) =>
        Build(assembly, roots.Select(assembly.FindMethod).Cast<MethodReference>().ToList(), partialRoots: true);

    internal static JitCodeSet Build(FlowAssembly assembly, List<MethodReference> roots, bool partialRoots, bool analyzeEffects = true)
    {
        var project = new HashSet<string> { assembly.Assembly.Name.Name };
        var policy = new CallPolicy(project) { ProjectTypes = assembly.Assembly.MainModule.GetTypes().ToList() };
        string? effectError = null;
        var effects = analyzeEffects ? CallEffects.Analyze(assembly, roots, policy.ProjectTypes, out effectError) : null;
        var transformer = new Transformer(policy) { Effects = effects };
        var pending = new Dictionary<string, (JitCode Code, List<Insn> Insns, Flattener Flat, FlowGraph Graph)>();
        var residual = new Dictionary<string, string>();
        var warnings = new List<string>();
        var rootNames = roots.Select(r => r.FullName).ToList();
        var work = new Queue<MethodReference>(roots);
        var seen = new HashSet<string>();
        while (work.Count > 0)
        {
            var m = work.Dequeue();
            if (!seen.Add(m.FullName)) continue;
            bool isRoot = rootNames.Contains(m.FullName);
            try
            {
                var why = isRoot ? null : policy.WhyResidual(m);
                if (why is not null) { residual[m.FullName] = why; continue; }
                var graph = FlowAssembly.BuildChecked(m);
                Simplify.All(graph);
                try { AddressSinking.Run(graph); }
                catch (UnsupportedException) when (isRoot && partialRoots) { } // the blocks using such addresses become unsupported
                if (!isRoot && CallPolicy.LoopReason(graph, TypeKinds.ResolveMethod(m)!) is { } loops) { residual[m.FullName] = loops; continue; }
                var ra = RegAlloc.Run(graph, partial: isRoot && partialRoots);
                RegAllocValidator.Check(graph, ra.RegOf, ra.Expand);
                var (insns, flat) = Flattener.Run(graph, ra, transformer, partial: isRoot && partialRoots);
                foreach (var u in flat.Unsupported) warnings.Add(m.FullName + ": unsupported block " + u);
                pending[m.FullName] = (new JitCode(Sanitize(m)), insns, flat, graph);
                foreach (var insn in insns)
                    if (insn.Args.Length > 0 && insn.Args[0] is CallTarget t && policy.IsProjectMethod(t.Method) && !t.VirtualDispatch)
                        work.Enqueue(t.Method);
            }
            catch (Exception e) when (e is UnsupportedException or GraphBuildException)
            {
                if (isRoot) throw new InvalidOperationException($"cannot build the jitcode of root {m.FullName}: {e.Message}", e);
                residual[m.FullName] = e.Message;
            }
        }
        // Virtual calls stay residual even to project methods: inline_call is only for known targets.
        var descrs = pending.ToDictionary(kv => kv.Key, kv => new JitCodeDescr(kv.Value.Code));
        transformer.DescrsComplete = true;
        foreach (var (name, (code, insns, flat, graph)) in pending)
        {
            var arguments = graph.StartBlock.InputArgs.Select(v => (flat.RegOf(v).Bank, flat.RegOf(v).Index)).ToArray();
            char resultBank = graph.ReturnBlock.InputArgs.Count == 0 ? 'v' : RegAlloc.BankOf(graph.ReturnBlock.InputArgs[0].Kind);
            var returnType = resultBank == 'v' ? typeof(void) : ReflectionBridge.ResolveType(graph.ReturnType);
            Assembler.Assemble(code, insns, flat.RegisterCounts, arguments, resultBank, returnType,
                t => t.VirtualDispatch ? null : descrs.GetValueOrDefault(t.Key),
                transformer.ResidualDescrOf);
        }
        return new JitCodeSet(pending.ToDictionary(kv => kv.Key, kv => kv.Value.Code), rootNames, residual) { Warnings = warnings, EffectAnalysisError = effectError };
    }

    /// <summary>Builds with the method of a loaded assembly as the root (tests).</summary>
    internal static JitCodeSet Build(FlowAssembly assembly, System.Reflection.MethodBase root) =>
        Build(assembly, [assembly.MethodsWithBodies().Single(m => m.MetadataToken.ToInt32() == root.MetadataToken)], partialRoots: false);

    /// <summary>The graph and register allocation of a method (tests of the validator).</summary>
    internal static (FlowGraph Graph, RegAlloc Allocation) Allocate(FlowAssembly assembly, System.Reflection.MethodBase method)
    {
        var graph = FlowAssembly.BuildChecked(assembly.MethodsWithBodies().Single(m => m.MetadataToken.ToInt32() == method.MetadataToken));
        Simplify.All(graph);
        return (graph, RegAlloc.Run(graph));
    }

    private static string Sanitize(MethodReference m) => m.DeclaringType.FullName + "::" + m.Name
        + "(" + string.Join(",", m.Parameters.Select(p => p.ParameterType.FullName)) + ")";
}
