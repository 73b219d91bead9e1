using Mono.Cecil;
using RSharp.Flow;

namespace RSharp.Annotation;

/// <summary>
/// Whole-program facts from one entry method: reachable methods, field facts, effect info
/// per reachable method, and the findings of hint validation.
/// </summary>
public sealed class AnnotationResult
{
    private const string ElidableAttribute = "RSharp.Hints.ElidableAttribute";

    private readonly Dictionary<string, MethodEffects> _effects;
    private readonly FieldFacts _fields;

    internal AnnotationResult(AnnotatedProgram program, FieldFacts fields)
    {
        Program = program;
        _fields = fields;
        _effects = EffectAnalysis.Compute(program);
        var findings = fields.CheckWrites(program).Select(WithChain).ToList();
        findings.AddRange(CheckElidable());
        findings.AddRange(HintChecks.CheckPromote(program).Select(WithChain));
        findings.AddRange(HintChecks.CheckVirtualizableDeclarations(program));
        findings.AddRange(HintChecks.CheckVirtualizableWrites(program).Select(WithChain));
        findings.AddRange(HintChecks.ResidualWarnings(program).Select(WithChain));
        Findings = findings;
    }

    /// <summary>Analyses <paramref name="entry"/> over the project assemblies (the first one holds the entry).</summary>
    internal static AnnotationResult Analyze(IReadOnlyList<FlowAssembly> project, MethodReference entry) =>
        new(new Reachability(project).Analyze(entry), new FieldFacts(project));

    /// <summary>Analyses everything reachable from several entries (the codewriter's portals).</summary>
    internal static AnnotationResult Analyze(IReadOnlyList<FlowAssembly> project, IReadOnlyList<MethodReference> entries) =>
        new(new Reachability(project).Analyze(entries), new FieldFacts(project));

    /// <summary>The finding with the call chain from the entry to its method.</summary>
    private AnnotationFinding WithChain(AnnotationFinding f) =>
        Program.Methods.Count == 0 ? f : f with { Chain = Program.Chain(Program.Methods[0].FullName, f.Method) };

    internal AnnotatedProgram Program { get; }

    /// <summary>Problems found (immutable fields written outside constructors, elidable methods with side effects, hint misuse, residual-call warnings).</summary>
    public IReadOnlyList<AnnotationFinding> Findings { get; }

    /// <summary>Effect info of a reachable method (by Cecil reference), or null if it is not reachable.</summary>
    public MethodEffects? EffectsOf(MethodReference method) => _effects.GetValueOrDefault(method.FullName);

    /// <summary>Effect info of a reachable method by its Cecil full name, or null if it is not reachable.</summary>
    public MethodEffects? EffectsOf(string methodFullName) => _effects.GetValueOrDefault(methodFullName);

    /// <summary>How the field may change after construction.</summary>
    public FieldMutability MutabilityOf(FieldReference field) => _fields.KindOf(field);

    /// <summary>Every field of the project assemblies (full name) with its mutability.</summary>
    public IReadOnlyDictionary<string, FieldMutability> Fields => _fields.All;

    /// <summary>
    /// RS1007: an [Elidable] method may not write, directly or through its callees, a field of
    /// an object it did not allocate itself (its receiver included).
    /// </summary>
    private IEnumerable<AnnotationFinding> CheckElidable()
    {
        foreach (var method in Program.Methods)
        {
            var def = TypeKinds.ResolveMethod(method);
            if (def is null || !FieldFacts.HasAttribute(def.CustomAttributes, ElidableAttribute)) continue;
            if (!_effects.TryGetValue(method.FullName, out var e)) continue;
            var writes = e.EscapingWrites.Concat(def.IsConstructor ? Enumerable.Empty<KeyValuePair<string, WriteSite>>() : e.ReceiverWrites);
            var entry = Program.Methods[0].FullName;
            List<string> ChainTo(string writer) => Program.Chain(entry, method.FullName).Concat(Program.Chain(method.FullName, writer).Skip(1)).ToList();
            foreach (var (field, site) in writes.OrderBy(w => w.Key, StringComparer.Ordinal))
                yield return Finding.At(AnnotationFinding.ElidableWrites,
                    $"elidable method {method.DeclaringType.Name}.{method.Name} writes field {ShortField(field)} of an object it did not allocate",
                    site.Source, site.Method) with { Chain = ChainTo(site.Method) };
            if (e.RandomSite is { } random)
                yield return Finding.At(AnnotationFinding.ElidableWrites,
                    $"elidable method {method.DeclaringType.Name}.{method.Name} may do anything: it reaches a delegate invocation, calli or a store through an unknown pointer",
                    random.Source, random.Method) with { Chain = ChainTo(random.Method) };
        }
    }

    /// <summary>"Type.field" from a Cecil field full name ("T Ns.Type::field").</summary>
    private static string ShortField(string fullName)
    {
        var member = fullName[(fullName.LastIndexOf(' ') + 1)..];
        var parts = member.Split("::");
        return parts[0][(parts[0].LastIndexOfAny(new[] { '.', '/' }) + 1)..] + "." + parts[^1];
    }
}
