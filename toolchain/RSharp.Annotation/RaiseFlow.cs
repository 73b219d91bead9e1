using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>
/// Subtype tests between exception types known by full name: project and referenced types
/// through Cecil, the runtime's own exception types (named by the analysis) through reflection.
/// </summary>
internal sealed class ExceptionTypes
{
    private readonly Dictionary<string, TypeReference> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _bases = new(StringComparer.Ordinal);

    /// <summary>Remembers a type so that its base classes can be found by name later.</summary>
    public string Name(TypeReference t)
    {
        _known.TryAdd(t.FullName, t);
        return t.FullName;
    }

    /// <summary>True if every instance of <paramref name="sub"/> is an instance of <paramref name="super"/>.</summary>
    public bool IsSubclassOrSelf(string sub, string super) =>
        super == "System.Object" || sub == super || BasesOf(sub).Contains(super);

    private List<string> BasesOf(string name)
    {
        if (_bases.TryGetValue(name, out var cached)) return cached;
        var bases = new List<string>();
        if (_known.TryGetValue(name, out var t))
        {
            try
            {
                for (var b = t.Resolve()?.BaseType; b is not null; b = b.Resolve()?.BaseType) bases.Add(b.FullName);
            }
            catch (AssemblyResolutionException) { }
        }
        else
        {
            for (var b = typeof(object).Assembly.GetType(name)?.BaseType; b is not null; b = b.BaseType) bases.Add(b.FullName!);
        }
        return _bases[name] = bases;
    }
}

/// <summary>
/// Which exception types leave a graph, given what each operation may raise (calls: their callees): RPython's raise
/// analysis with exception handlers subtracted. A raising operation at the end of a block with
/// exception exits is routed through its catch links in order (a link catches a type that is
/// its exit case or a subclass of it; a link whose exit case is a subclass of the raised type
/// catches part of it). Caught exception values are followed through links and moves, so
/// finally/fault handlers, filters that reject and <c>throw;</c> in catch blocks re-raise
/// exactly what they caught; any other thrown value counts as its static type.
/// </summary>
internal static class RaiseFlow
{
    public const string AnyException = "System.Exception";

    public static HashSet<string> Escaping(FlowGraph graph, Func<Operation, IEnumerable<string>> raisedBy, ExceptionTypes types)
    {
        var escaping = new HashSet<string>(StringComparer.Ordinal);
        var held = new Dictionary<Variable, HashSet<string>>();
        var derived = DerivedVariables(graph);
        var blocks = graph.IterBlocks();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var block in blocks)
            {
                var ops = block.Operations;
                for (int i = 0; i < ops.Count; i++)
                {
                    var op = ops[i];
                    if (op.OpName is OpNames.SameAs or OpNames.CastClass or OpNames.IsInst && op.Result is { } moved)
                        changed |= Add(held, moved, Thrown(op.Args[0], held, derived, types));
                    IEnumerable<string> raised = op.OpName == OpNames.Throw ? Thrown(op.Args[0], held, derived, types)
                        : raisedBy(op);
                    bool routed = block.RaisesOnLastOp && i == ops.Count - 1;
                    foreach (var r in raised)
                        changed |= routed ? Route(graph, block, r, escaping, held, types) : escaping.Add(r);
                }
                foreach (var link in block.Exits)
                {
                    if (link.Target == graph.ExceptBlock && link.LastExceptionValue is null && link.Args.Length == 1)
                        foreach (var r in Thrown(link.Args[0], held, derived, types)) changed |= escaping.Add(r);
                    for (int j = 0; j < link.Args.Length && j < link.Target.InputArgs.Count; j++)
                        if (link.Args[j] is Variable v && (held.ContainsKey(v) || !derived.Contains(v)) && v.Kind == ValueKind.Ref)
                            changed |= Add(held, link.Target.InputArgs[j], Thrown(v, held, derived, types));
                }
            }
        }
        return escaping;
    }

    /// <summary>Routes one raised type through the exception links of the block's last operation.</summary>
    private static bool Route(FlowGraph graph, Block block, string raised, HashSet<string> escaping,
        Dictionary<Variable, HashSet<string>> held, ExceptionTypes types)
    {
        bool changed = false;
        foreach (var link in block.Exits)
        {
            if (link.ExitCase is not TypeReference caught) continue;
            if (link.Target == graph.ExceptBlock) return escaping.Add(raised) | changed;
            var caughtName = types.Name(caught);
            if (types.IsSubclassOrSelf(raised, caughtName))
                return (link.LastExceptionValue is { } e && Add(held, e, [raised])) | changed;
            if (types.IsSubclassOrSelf(caughtName, raised) && link.LastExceptionValue is { } part)
                changed |= Add(held, part, [caughtName]);
        }
        return escaping.Add(raised) | changed;
    }

    /// <summary>The types a thrown value may have: what was caught into it, or its static type.</summary>
    private static IEnumerable<string> Thrown(Value v, Dictionary<Variable, HashSet<string>> held, HashSet<Variable> derived, ExceptionTypes types)
    {
        if (v is Variable var && derived.Contains(var)) return held.TryGetValue(var, out var set) ? set : Array.Empty<string>();
        if (v is Constant { Literal: null } && v.Type is null) return ["System.NullReferenceException"];
        return [v.Type is { } t && t.FullName != "System.Object" ? types.Name(t) : AnyException];
    }

    /// <summary>Variables whose value comes from other variables (block inputs, exception values, moves): their types are the union of their sources'.</summary>
    private static HashSet<Variable> DerivedVariables(FlowGraph graph)
    {
        var derived = new HashSet<Variable>();
        foreach (var block in graph.IterBlocks())
        {
            if (block != graph.StartBlock) derived.UnionWith(block.InputArgs);
            foreach (var op in block.Operations)
                if (op.OpName is OpNames.SameAs or OpNames.CastClass or OpNames.IsInst && op.Result is { } r) derived.Add(r);
            foreach (var link in block.Exits)
                if (link.LastExceptionValue is { } e) derived.Add(e);
        }
        return derived;
    }

    private static bool Add(Dictionary<Variable, HashSet<string>> held, Variable v, IEnumerable<string> types)
    {
        if (!held.TryGetValue(v, out var set)) held[v] = set = new HashSet<string>(StringComparer.Ordinal);
        int before = set.Count;
        set.UnionWith(types);
        return set.Count != before;
    }
}
