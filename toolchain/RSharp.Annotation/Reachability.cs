using System.Text;
using Mono.Cecil;
using RSharp.Flow;
using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>A call (or a method reference such as ldftn) found in a reachable graph, with the bodies it may run.</summary>
internal sealed class CallSite
{
    public required MethodReference Caller { get; init; }
    public required Operation Operation { get; init; }
    public required MethodReference Declared { get; init; }
    public required IReadOnlyList<MethodReference> Targets { get; init; }

    /// <summary>Not a call in the code: the static constructor the operation may trigger (static field access, static call, newobj).</summary>
    public bool IsStaticConstructor { get; init; }

    /// <summary>Exactly one possible target: the call can be made direct.</summary>
    public bool IsMonomorphic => Targets.Count == 1;

    public override string ToString() =>
        $"IL_{Operation.ILOffset:x4} {(IsStaticConstructor ? "runs-cctor" : Operation.OpName)} {Declared.DeclaringType.Name}::{Declared.Name} -> "
        + (IsMonomorphic ? "monomorphic " : Targets.Count + " targets ")
        + "{" + string.Join(", ", Targets.Select(t => t.DeclaringType.Name + "::" + t.Name)) + "}";
}

/// <summary>The result of the reachability analysis from one entry method.</summary>
internal sealed class AnnotatedProgram
{
    public List<MethodReference> Methods { get; } = new();
    public Dictionary<string, FlowGraph> Graphs { get; } = new();
    public List<CallSite> CallSites { get; } = new();

    /// <summary>Reachable methods outside the project (called residually).</summary>
    public SortedSet<string> External { get; } = new(StringComparer.Ordinal);

    /// <summary>Project methods whose graph could not be built, with the reason.</summary>
    public Dictionary<string, string> Unsupported { get; } = new();

    /// <summary>Definition-level keys (assembly:token) of every reachable project method.</summary>
    public HashSet<string> DefinitionKeys { get; } = new();

    /// <summary>
    /// The shortest call chain from <paramref name="from"/> to <paramref name="to"/> (full names,
    /// both ends included), or just the two ends if there is none.
    /// </summary>
    public List<string> Chain(string from, string to)
    {
        _callees ??= CallSites.GroupBy(c => c.Caller.FullName)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Targets).Select(t => t.FullName).Distinct().ToList());
        var parent = new Dictionary<string, string?> { [from] = null };
        var work = new Queue<string>();
        work.Enqueue(from);
        while (work.Count > 0 && !parent.ContainsKey(to))
        {
            var m = work.Dequeue();
            foreach (var t in _callees.GetValueOrDefault(m) ?? new List<string>())
                if (parent.TryAdd(t, m)) work.Enqueue(t);
        }
        if (!parent.ContainsKey(to)) return from == to ? [from] : [from, to];
        var chain = new List<string>();
        for (string? c = to; c is not null; c = parent[c]) chain.Add(c);
        chain.Reverse();
        return chain;
    }

    private Dictionary<string, List<string>>? _callees;

    public string Dump()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"reachable project methods: {Methods.Count}, external: {External.Count}, call sites: {CallSites.Count}, monomorphic: {CallSites.Count(c => c.IsMonomorphic)}");
        foreach (var m in Methods)
        {
            sb.AppendLine(m.FullName);
            foreach (var c in CallSites.Where(c => c.Caller == m)) sb.Append("    ").AppendLine(c.ToString());
        }
        return sb.ToString();
    }
}

/// <summary>
/// Reachable methods from an entry method: a worklist over flow graphs; direct calls and
/// constructors reach their callee, virtual and interface calls reach every implementation
/// class-hierarchy analysis finds in the project assemblies.
/// </summary>
internal sealed class Reachability
{
    private readonly Dictionary<string, FlowAssembly> _project;
    private readonly ClassHierarchy _hierarchy;

    public Reachability(IReadOnlyList<FlowAssembly> project)
    {
        _project = project.ToDictionary(a => a.Assembly.Name.Name);
        _hierarchy = new ClassHierarchy(project);
    }

    private bool IsProject(MethodDefinition def) => _project.ContainsKey(def.Module.Assembly.Name.Name);

    public AnnotatedProgram Analyze(MethodReference entry) => Analyze([entry]);

    /// <summary>Reachable methods from several entries (the codewriter's portals); the first one is the entry of call chains.</summary>
    public AnnotatedProgram Analyze(IReadOnlyList<MethodReference> entries)
    {
        var program = new AnnotatedProgram();
        var seen = new HashSet<string>();
        var work = new Queue<MethodReference>();
        void Reach(MethodReference m)
        {
            if (!seen.Add(m.FullName)) return;
            var def = TypeKinds.ResolveMethod(m);
            if (def is null || !IsProject(def) || !def.HasBody)
            {
                program.External.Add(m.FullName);
                return;
            }
            program.DefinitionKeys.Add(ClassHierarchy.Key(def));
            work.Enqueue(m);
        }
        foreach (var entry in entries) Reach(entry);
        while (work.Count > 0)
        {
            var m = work.Dequeue();
            program.Methods.Add(m);
            FlowGraph graph;
            try { graph = FlowAssembly.BuildChecked(m); }
            catch (GraphBuildException e)
            {
                program.Unsupported[m.FullName] = e.Message;
                continue;
            }
            program.Graphs[m.FullName] = graph;
            foreach (var op in graph.IterBlocks().SelectMany(b => b.Operations))
            {
                var site = CallSiteOf(m, op);
                if (site is null) continue;
                program.CallSites.Add(site);
                foreach (var t in site.Targets) Reach(t);
            }
            foreach (var op in graph.IterBlocks().SelectMany(b => b.Operations))
                if (StaticConstructorOf(m, op) is { } cctor)
                {
                    program.CallSites.Add(cctor);
                    Reach(cctor.Declared);
                }
        }
        return program;
    }

    /// <summary>
    /// The project static constructor an operation may run first: that of the type whose static
    /// field it touches, whose static method it calls or which it instantiates (conservative
    /// for beforefieldinit types). Not from within that constructor itself.
    /// </summary>
    private CallSite? StaticConstructorOf(MethodReference caller, Operation op)
    {
        TypeReference? type = op.OpName switch
        {
            OpNames.GetStaticField or OpNames.SetStaticField or OpNames.StaticFieldAddr =>
                op.Args.OfType<Constant>().Select(c => c.Literal).OfType<FieldReference>().FirstOrDefault()?.DeclaringType,
            OpNames.NewObj => (((Constant)op.Args[0]).Literal as MethodReference)?.DeclaringType,
            OpNames.DirectCall when ((Constant)op.Args[0]).Literal is MethodReference { HasThis: false } callee => callee.DeclaringType,
            _ => null,
        };
        if (type is null || TypeKinds.Resolve(type) is not { } def || !_project.ContainsKey(def.Module.Assembly.Name.Name)) return null;
        var cctor = def.Methods.FirstOrDefault(x => x.IsConstructor && x.IsStatic && x.HasBody);
        if (cctor is null || ClassHierarchy.Key(cctor) == (TypeKinds.ResolveMethod(caller) is { } c ? ClassHierarchy.Key(c) : "")) return null;
        return new CallSite { Caller = caller, Operation = op, Declared = cctor, Targets = new MethodReference[] { cctor }, IsStaticConstructor = true };
    }

    private CallSite? CallSiteOf(MethodReference caller, Operation op)
    {
        int descriptor = op.OpName == OpNames.ConstrainedCall ? 1 : 0;
        if (op.OpName is not (OpNames.DirectCall or OpNames.VirtualCall or OpNames.ConstrainedCall or OpNames.NewObj
            or OpNames.NewDelegate or OpNames.Ldftn or OpNames.Ldvirtftn)) return null;
        if (((Constant)op.Args[descriptor]).Literal is not MethodReference declared) return null;
        IReadOnlyList<MethodReference> targets = op.OpName switch
        {
            OpNames.VirtualCall or OpNames.Ldvirtftn => VirtualTargets(declared),
            OpNames.ConstrainedCall => ConstrainedTargets(((Constant)op.Args[0]).Literal as TypeReference, declared),
            _ => new[] { declared },
        };
        return new CallSite { Caller = caller, Operation = op, Declared = declared, Targets = targets };
    }

    private IReadOnlyList<MethodReference> VirtualTargets(MethodReference declared)
    {
        var impls = _hierarchy.Implementations(declared);
        if (impls.Count == 0) return new[] { declared };
        // Keep the closed reference when the implementation is the declared method itself.
        return impls.Select(d => TypeKinds.ResolveMethod(declared) is { } r && ClassHierarchy.Key(r) == ClassHierarchy.Key(d) ? declared : (MethodReference)d).ToList();
    }

    private IReadOnlyList<MethodReference> ConstrainedTargets(TypeReference? constraint, MethodReference declared)
    {
        var def = constraint is null ? null : TypeKinds.Resolve(constraint);
        if (def is not null && def.IsValueType)
        {
            // A struct that implements the method itself is called directly; otherwise the call goes to the boxed value.
            var own = _hierarchy.Implementations(declared).FirstOrDefault(m => ClassHierarchy.Key(m.DeclaringType) == ClassHierarchy.Key(def));
            return own is not null ? new MethodReference[] { own } : new[] { declared };
        }
        return VirtualTargets(declared);
    }
}
