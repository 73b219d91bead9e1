using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>
/// Effect info of every reachable method: the local effects of each graph, then a fixed
/// point over the call graph (virtual calls through every target class-hierarchy analysis
/// found), as RPython's effectinfo and raise analysis do.
/// </summary>
internal static class EffectAnalysis
{
    private const string AnyException = "System.Exception";

    /// <summary>External methods known not to reach opaque code ("Type::Name" or "Type::*"), with the exceptions they may raise.</summary>
    private static readonly Dictionary<string, string[]> s_pureExternals = new(StringComparer.Ordinal)
    {
        ["System.Object::.ctor"] = [],
        ["System.String::get_Length"] = [NullReference],
        ["System.String::get_Chars"] = ["System.IndexOutOfRangeException", NullReference],
        ["System.Math::*"] = ["System.OverflowException", "System.ArgumentException"],
    };

    private sealed record CallEdge(Operation Op, IReadOnlyList<MethodReference> Targets, Origin ReceiverOrigin);

    public static Dictionary<string, MethodEffects> Compute(AnnotatedProgram program)
    {
        var effects = new Dictionary<string, MethodEffects>(StringComparer.Ordinal);
        var edges = new Dictionary<string, List<CallEdge>>(StringComparer.Ordinal);
        var sitesByCaller = program.CallSites.GroupBy(c => c.Caller.FullName).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (name, graph) in program.Graphs)
        {
            var origins = Freshness.Compute(graph);
            effects[name] = LocalEffects(name, graph, origins);
            var list = edges[name] = new List<CallEdge>();
            foreach (var site in sitesByCaller.GetValueOrDefault(name) ?? new List<CallSite>())
            {
                var op = site.Operation;
                if (op.OpName is not (OpNames.DirectCall or OpNames.VirtualCall or OpNames.ConstrainedCall or OpNames.NewObj)) continue;
                var receiver = op.OpName switch
                {
                    OpNames.NewObj => Origin.Fresh,
                    OpNames.DirectCall or OpNames.VirtualCall when site.Declared.HasThis && op.Args.Length > 1 =>
                        Freshness.OriginOf(origins, op.Args[1]) ?? Origin.Other,
                    _ => Origin.Other,
                };
                var targets = op.OpName == OpNames.VirtualCall && op.Args.Length > 1 ? NarrowByReceiverType(site.Targets, op.Args[1].Type) : site.Targets;
                list.Add(new CallEdge(op, targets, receiver));
            }
        }
        foreach (var name in program.Unsupported.Keys) effects[name] = External(name, null);

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (caller, callEdges) in edges)
            {
                var e = effects[caller];
                int before = e.Size;
                foreach (var edge in callEdges)
                    foreach (var target in edge.Targets)
                    {
                        var callee = effects.GetValueOrDefault(target.FullName) ?? External(target.FullName, target);
                        Merge(e, callee, edge.ReceiverOrigin);
                    }
                changed |= e.Size != before;
            }
        }
        return effects;
    }

    /// <summary>
    /// Keeps the virtual-call targets that can run on a receiver of the given static class
    /// type: those declared in that class, a subclass of it, or a base class of it (an
    /// inherited implementation). Interfaces and unresolvable types keep every target.
    /// </summary>
    private static IReadOnlyList<MethodReference> NarrowByReceiverType(IReadOnlyList<MethodReference> targets, TypeReference? receiverType)
    {
        if (targets.Count < 2 || receiverType is null || Resolve(receiverType) is not { IsInterface: false, IsValueType: false } receiver) return targets;
        var narrowed = targets.Where(t => Resolve(t.DeclaringType) is not { } d || d.IsInterface
            || IsSubclassOrSelf(d, receiver) || IsSubclassOrSelf(receiver, d)).ToList();
        return narrowed.Count > 0 ? narrowed : targets;
    }

    private static bool IsSubclassOrSelf(TypeDefinition t, TypeDefinition of)
    {
        var key = ClassHierarchy.Key(of);
        for (TypeDefinition? c = t; c is not null; c = c.BaseType is null ? null : Resolve(c.BaseType))
            if (ClassHierarchy.Key(c) == key) return true;
        return false;
    }

    private static TypeDefinition? Resolve(TypeReference t)
    {
        try { return t.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }

    private static void Merge(MethodEffects into, MethodEffects callee, Origin receiver)
    {
        into.RaisesSet.UnionWith(callee.RaisesSet);
        into.FieldsSet.UnionWith(callee.FieldsSet);
        into.ArraysSet.UnionWith(callee.ArraysSet);
        into.ResidualSet.UnionWith(callee.ResidualSet);
        foreach (var (field, site) in callee.EscapingWrites) into.EscapingWrites.TryAdd(field, site);
        // The callee's writes to its receiver land on whatever object the caller passed.
        if (receiver == Origin.Fresh) return;
        var target = receiver == Origin.Receiver ? into.ReceiverWrites : into.EscapingWrites;
        foreach (var (field, site) in callee.ReceiverWrites) target.TryAdd(field, site);
    }

    /// <summary>Effects of a method without a graph: an allow-listed pure one, or opaque code that may raise anything.</summary>
    private static MethodEffects External(string fullName, MethodReference? method)
    {
        var e = new MethodEffects();
        if (method is not null)
        {
            var type = method.DeclaringType.FullName;
            if (s_pureExternals.TryGetValue(type + "::" + method.Name, out var raises) || s_pureExternals.TryGetValue(type + "::*", out raises))
            {
                e.RaisesSet.UnionWith(raises);
                return e;
            }
        }
        e.RaisesSet.Add(AnyException);
        e.ResidualSet.Add(fullName);
        return e;
    }

    private static MethodEffects LocalEffects(string name, FlowGraph graph, Dictionary<Variable, Origin> origins)
    {
        var e = new MethodEffects();
        foreach (var op in graph.IterBlocks().SelectMany(b => b.Operations))
        {
            switch (op.OpName)
            {
                case OpNames.SetField:
                {
                    var field = FieldOf(op);
                    if (field is null) break;
                    var key = FieldFacts.KeyOf(field);
                    e.FieldsSet.Add(key);
                    var origin = Freshness.OriginOf(origins, op.Args[0]) ?? Origin.Other;
                    if (origin == Origin.Fresh) break;
                    (origin == Origin.Receiver ? e.ReceiverWrites : e.EscapingWrites).TryAdd(key, new WriteSite(name, op.Source));
                    if (origin == Origin.Other) e.RaisesSet.Add("System.NullReferenceException");
                    break;
                }
                case OpNames.SetStaticField:
                {
                    var field = FieldOf(op);
                    if (field is null) break;
                    var key = FieldFacts.KeyOf(field);
                    e.FieldsSet.Add(key);
                    e.EscapingWrites.TryAdd(key, new WriteSite(name, op.Source));
                    break;
                }
                case OpNames.SetArrayItem:
                    e.ArraysSet.Add(op.Args[0].Type is ArrayType at ? at.ElementType.FullName : "?");
                    e.RaisesSet.Add("System.IndexOutOfRangeException");
                    break;
                case OpNames.IndirectCall:
                    e.ResidualSet.Add("calli");
                    e.RaisesSet.Add(AnyException);
                    break;
                case OpNames.Throw:
                    e.RaisesSet.Add(ThrownType(op.Args[0]));
                    break;
                default:
                    if (op.CanRaise) e.RaisesSet.UnionWith(RaisedBy(op.OpName));
                    break;
            }
            if (op.OpName == OpNames.SetArrayItem)
            {
                e.RaisesSet.Add("System.NullReferenceException");
                if (op.Args[0].Type is ArrayType { ElementType.IsValueType: false }) e.RaisesSet.Add("System.ArrayTypeMismatchException");
            }
        }
        // A throw outside every protected region is a plain link to the except block.
        foreach (var link in graph.IterLinks())
            if (link.Target == graph.ExceptBlock && link.LastExceptionValue is null && link.Args.Length == 1)
                e.RaisesSet.Add(ThrownType(link.Args[0]));
        return e;
    }

    private static FieldReference? FieldOf(Operation op) =>
        op.Args.OfType<Constant>().Select(c => c.Literal).OfType<FieldReference>().FirstOrDefault();

    /// <summary>The exception a raising (non-call) operation raises; calls get their callees' effects instead.</summary>
    private static string[] RaisedBy(string opName) => opName switch
    {
        OpNames.DirectCall or OpNames.NewObj or OpNames.ConstrainedCall => [],
        OpNames.VirtualCall or OpNames.GetField or OpNames.FieldAddr or OpNames.ArrayLen => [NullReference],
        OpNames.CastClass => ["System.InvalidCastException"],
        OpNames.Unbox or OpNames.UnboxAny => ["System.InvalidCastException", NullReference],
        OpNames.GetArrayItem => ["System.IndexOutOfRangeException", NullReference],
        OpNames.ArrayItemAddr => ["System.IndexOutOfRangeException", NullReference, "System.ArrayTypeMismatchException"],
        OpNames.NewArray => ["System.OverflowException"],
        _ when opName.EndsWith("_div", StringComparison.Ordinal) || opName.EndsWith("_mod", StringComparison.Ordinal) => ["System.DivideByZeroException", "System.OverflowException"],
        _ when opName.Contains("_ovf", StringComparison.Ordinal) => ["System.OverflowException"],
        _ => [AnyException],
    };

    private const string NullReference = "System.NullReferenceException";

    /// <summary>The static type of a thrown value; an untyped or object-typed value may be anything.</summary>
    private static string ThrownType(Value v) =>
        v.Type is { } t && t.FullName != "System.Object" ? t.FullName : AnyException;
}
