using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>
/// Effect info of every reachable method: the local effects of each graph (stores through
/// addresses by <see cref="Addresses"/>), then a fixed point over the call graph (virtual calls
/// through every target class-hierarchy analysis found, by-reference arguments mapped to the
/// caller's pointer roots, triggered static constructors), with the raise set of each graph
/// recomputed through its exception handlers (<see cref="RaiseFlow"/>), as RPython's
/// effectinfo and raise analysis do.
/// </summary>
internal static class EffectAnalysis
{
    private const string AnyException = RaiseFlow.AnyException;

    /// <summary>External methods known not to reach opaque code ("Type::Name" or "Type::*"), with the exceptions they may raise.</summary>
    private static readonly Dictionary<string, string[]> s_pureExternals = new(StringComparer.Ordinal)
    {
        ["System.Object::.ctor"] = [],
        // The base of the interpreter's own exception classes: stores the message, raises nothing.
        ["System.Exception::.ctor"] = [],
        ["System.String::get_Length"] = [NullReference],
        ["System.String::get_Chars"] = ["System.IndexOutOfRangeException", NullReference],
        ["System.Math::*"] = ["System.OverflowException", "System.ArgumentException"],
    };

    /// <summary>A call of a graph: its targets, the origin of the receiver, and the pointer roots of its by-reference arguments (by callee parameter position).</summary>
    private sealed record CallEdge(CallSite Site, IReadOnlyList<MethodReference> Targets, Origin ReceiverOrigin, IReadOnlyList<(int Param, PointerRoot Root)> PointerArgs);

    public static Dictionary<string, MethodEffects> Compute(AnnotatedProgram program)
    {
        var effects = new Dictionary<string, MethodEffects>(StringComparer.Ordinal);
        var edges = new Dictionary<string, List<CallEdge>>(StringComparer.Ordinal);
        var edgeByOp = new Dictionary<Operation, List<CallEdge>>();
        var sitesByCaller = program.CallSites.GroupBy(c => c.Caller.FullName).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (name, graph) in program.Graphs)
        {
            var origins = Freshness.Compute(graph);
            var roots = Addresses.Compute(graph, origins);
            effects[name] = LocalEffects(name, graph, origins, roots);
            var list = edges[name] = new List<CallEdge>();
            foreach (var site in sitesByCaller.GetValueOrDefault(name) ?? new List<CallSite>())
            {
                var op = site.Operation;
                if (!site.IsStaticConstructor && op.OpName is not (OpNames.DirectCall or OpNames.VirtualCall or OpNames.ConstrainedCall or OpNames.NewObj)) continue;
                var receiver = site.IsStaticConstructor ? Origin.Fresh : op.OpName switch
                {
                    OpNames.NewObj => Origin.Fresh,
                    OpNames.DirectCall or OpNames.VirtualCall when site.Declared.HasThis && op.Args.Length > 1 =>
                        Freshness.OriginOf(origins, op.Args[1]) ?? Origin.Other,
                    _ => Origin.Other,
                };
                var targets = !site.IsStaticConstructor && op.OpName == OpNames.VirtualCall && op.Args.Length > 1 ? NarrowByReceiverType(site.Targets, op.Args[1].Type) : site.Targets;
                var edge = new CallEdge(site, targets, receiver, site.IsStaticConstructor ? [] : PointerArguments(op, roots));
                list.Add(edge);
                if (!edgeByOp.TryGetValue(op, out var same)) edgeByOp[op] = same = new List<CallEdge>();
                same.Add(edge);
            }
        }
        foreach (var name in program.Unsupported.Keys) effects[name] = External(name, null, null);

        var types = new ExceptionTypes();
        var externals = new Dictionary<string, MethodEffects>(StringComparer.Ordinal);
        MethodEffects EffectsOf(MethodReference target, CallSite site) =>
            effects.GetValueOrDefault(target.FullName)
            ?? (externals.TryGetValue(target.FullName, out var x) ? x : externals[target.FullName] = External(target.FullName, target, site));
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
                        Merge(e, EffectsOf(target, edge.Site), edge, caller, isExternal: !effects.ContainsKey(target.FullName));
                    }
                e.RaisesSet.UnionWith(RaiseFlow.Escaping(program.Graphs[caller], op => RaisedBy(op, edgeByOp, EffectsOf), types));
                changed |= e.Size != before;
            }
        }
        return effects;
    }

    /// <summary>What one operation may raise: its own exceptions, or its callees' (a triggered static constructor wraps them).</summary>
    private static IEnumerable<string> RaisedBy(Operation op, Dictionary<Operation, List<CallEdge>> edgeByOp, Func<MethodReference, CallSite, MethodEffects> effectsOf)
    {
        IEnumerable<string> own = !op.CanRaise ? [] : op.OpName switch
        {
            OpNames.SetField => Addresses.IsPointer(op.Args[0]) ? [] : [NullReference],
            OpNames.SetArrayItem => op.Args[0].Type is ArrayType { ElementType.IsValueType: false }
                ? ["System.IndexOutOfRangeException", NullReference, "System.ArrayTypeMismatchException"]
                : ["System.IndexOutOfRangeException", NullReference],
            OpNames.IndirectCall => [AnyException],
            _ => RaisedBy(op.OpName),
        };
        if (!edgeByOp.TryGetValue(op, out var calls)) return own;
        var all = new HashSet<string>(own, StringComparer.Ordinal);
        foreach (var edge in calls)
            foreach (var t in edge.Targets)
            {
                var raised = effectsOf(t, edge.Site).RaisesSet;
                if (!edge.Site.IsStaticConstructor) all.UnionWith(raised);
                else if (raised.Count > 0) all.Add("System.TypeInitializationException");
            }
        return all;
    }

    /// <summary>By-reference arguments of a call whose pointee is not this method's own stack slot, by callee parameter position.</summary>
    private static List<(int, PointerRoot)> PointerArguments(Operation op, Dictionary<Variable, PointerRoot> roots)
    {
        var result = new List<(int, PointerRoot)>();
        int first = op.OpName == OpNames.ConstrainedCall ? 2 : 1;
        int shift = op.OpName == OpNames.NewObj ? 1 : 0;
        for (int i = first; i < op.Args.Length; i++)
            if (Addresses.IsPointer(op.Args[i]) && (Addresses.RootOf(roots, op.Args[i]) ?? PointerRoot.UnknownRoot) is { } r && r is not PointerRoot.Slot)
                result.Add((i - first + shift, r));
        return result;
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

    /// <summary>Adds a callee's effects to its caller's; an external callee may store through every by-reference argument.</summary>
    private static void Merge(MethodEffects into, MethodEffects callee, CallEdge edge, string caller, bool isExternal)
    {
        into.FieldsSet.UnionWith(callee.FieldsSet);
        into.ArraysSet.UnionWith(callee.ArraysSet);
        into.ResidualSet.UnionWith(callee.ResidualSet);
        into.RandomSite ??= callee.RandomSite;
        into.ReadFieldsSet.UnionWith(callee.ReadFieldsSet);
        into.ReadArraysSet.UnionWith(callee.ReadArraysSet);
        into.UnknownReadSite ??= callee.UnknownReadSite;
        if (edge.Site.IsStaticConstructor)
        {
            // A static constructor initialising its own class's statics is not a write an elidable caller makes.
            var own = edge.Site.Declared.DeclaringType.FullName + "::";
            foreach (var (field, site) in callee.EscapingWrites)
                if (!field.Contains(own, StringComparison.Ordinal)) into.EscapingWrites.TryAdd(field, site);
            return;
        }
        foreach (var (field, site) in callee.EscapingWrites) into.EscapingWrites.TryAdd(field, site);
        // Whatever a by-reference argument points to may be read by the callee.
        foreach (var (_, root) in edge.PointerArgs) ReadThrough(into, root, new WriteSite(caller, edge.Site.Operation.Source));
        foreach (var (param, root) in edge.PointerArgs)
            if (isExternal || callee.ParamWritesSet.Contains(param))
                WriteThrough(into, root, new WriteSite(caller, edge.Site.Operation.Source));
        // The callee's writes to its receiver land on whatever object the caller passed.
        if (edge.ReceiverOrigin == Origin.Fresh) return;
        var target = edge.ReceiverOrigin == Origin.Receiver ? into.ReceiverWrites : into.EscapingWrites;
        foreach (var (field, site) in callee.ReceiverWrites) target.TryAdd(field, site);
    }

    /// <summary>Records a store through a pointer with the given root.</summary>
    private static void WriteThrough(MethodEffects e, PointerRoot root, WriteSite site)
    {
        switch (root)
        {
            case PointerRoot.Field f:
                e.FieldsSet.Add(f.Key);
                if (f.Origin != Origin.Fresh) (f.Origin == Origin.Receiver ? e.ReceiverWrites : e.EscapingWrites).TryAdd(f.Key, site);
                break;
            case PointerRoot.ArrayItem a:
                e.ArraysSet.Add(a.ElementType);
                break;
            case PointerRoot.Parameter p:
                e.ParamWritesSet.Add(p.Index);
                break;
            case PointerRoot.Unknown:
                e.RandomSite ??= site;
                break;
        }
    }

    /// <summary>Records a load through a pointer with the given root (a parameter's pointee is the caller's business).</summary>
    private static void ReadThrough(MethodEffects e, PointerRoot root, WriteSite site)
    {
        switch (root)
        {
            case PointerRoot.Field f:
                e.ReadFieldsSet.Add(f.Key);
                break;
            case PointerRoot.ArrayItem a:
                e.ReadArraysSet.Add(a.ElementType);
                break;
            case PointerRoot.Unknown:
                e.UnknownReadSite ??= site;
                break;
        }
    }

    /// <summary>Effects of a method without a graph: an allow-listed pure one, or opaque code that may raise anything (a delegate: do anything).</summary>
    private static MethodEffects External(string fullName, MethodReference? method, CallSite? site)
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
            if (method.Name is "Invoke" or "BeginInvoke" && IsDelegate(method.DeclaringType))
                e.RandomSite = new WriteSite(site?.Caller.FullName ?? fullName, site?.Operation.Source);
        }
        e.RaisesSet.Add(AnyException);
        e.ResidualSet.Add(fullName);
        return e;
    }

    /// <summary>The C# compiler's cache of a non-capturing lambda's delegate (<c>&lt;&gt;c.&lt;&gt;9__N_M</c>): an idempotent memo, not a side effect.</summary>
    private static bool IsLambdaCache(FieldReference field) =>
        field.Name.StartsWith("<>9__", StringComparison.Ordinal) && field.DeclaringType.Name == "<>c";

    private static bool IsDelegate(TypeReference t) =>
        Resolve(t) is { BaseType: { } b } && b.FullName is "System.MulticastDelegate" or "System.Delegate";

    private static MethodEffects LocalEffects(string name, FlowGraph graph, Dictionary<Variable, Origin> origins, Dictionary<Variable, PointerRoot> roots)
    {
        var e = new MethodEffects();
        foreach (var op in graph.IterBlocks().SelectMany(b => b.Operations))
        {
            if (Addresses.StoredThrough(op) is { } pointer)
                WriteThrough(e, Addresses.RootOf(roots, pointer) ?? PointerRoot.UnknownRoot, new WriteSite(name, op.Source));
            if (LoadedThrough(op) is { } source)
                ReadThrough(e, Addresses.RootOf(roots, source) ?? PointerRoot.UnknownRoot, new WriteSite(name, op.Source));
            switch (op.OpName)
            {
                case OpNames.GetField or OpNames.GetStaticField:
                    if (FieldOf(op) is { } read) e.ReadFieldsSet.Add(FieldFacts.KeyOf(read));
                    break;
                case OpNames.GetArrayItem:
                    e.ReadArraysSet.Add(Addresses.ElementTypeOf(op.Args[0]));
                    break;
                case OpNames.SetField:
                {
                    var field = FieldOf(op);
                    if (field is null) break;
                    var key = FieldFacts.KeyOf(field);
                    e.FieldsSet.Add(key);
                    if (Addresses.IsPointer(op.Args[0])) break;
                    var origin = Freshness.OriginOf(origins, op.Args[0]) ?? Origin.Other;
                    if (origin == Origin.Fresh) break;
                    (origin == Origin.Receiver ? e.ReceiverWrites : e.EscapingWrites).TryAdd(key, new WriteSite(name, op.Source));
                    break;
                }
                case OpNames.SetStaticField:
                {
                    var field = FieldOf(op);
                    if (field is null) break;
                    var key = FieldFacts.KeyOf(field);
                    e.FieldsSet.Add(key);
                    if (!IsLambdaCache(field)) e.EscapingWrites.TryAdd(key, new WriteSite(name, op.Source));
                    break;
                }
                case OpNames.SetArrayItem:
                    e.ArraysSet.Add(Addresses.ElementTypeOf(op.Args[0]));
                    break;
                case OpNames.IndirectCall:
                    e.ResidualSet.Add("calli");
                    e.RandomSite ??= new WriteSite(name, op.Source);
                    break;
            }
        }
        return e;
    }

    /// <summary>The pointer an operation loads through (null if none).</summary>
    private static Value? LoadedThrough(Operation op) => op.OpName switch
    {
        OpNames.LoadPointer => op.Args[0],
        OpNames.CopyPointer or OpNames.CpBlk when op.Args.Length > 1 => op.Args[1],
        OpNames.GetField when Addresses.IsPointer(op.Args[0]) => op.Args[0],
        _ => null,
    };

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
}
