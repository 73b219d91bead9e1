using Mono.Cecil;
using RSharp.Flow;
using RSharp.Flow.Algorithms;
using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>
/// Hint validation beyond effects: <c>Promote</c> arguments (RS1009), <c>[Virtualizable]</c>
/// declarations and writes (RS1010-RS1012), and the warnings for calls the JIT will make
/// residually from the code it traces (RS2001, RS2002).
/// </summary>
internal static class HintChecks
{
    private const string Hints = "RSharp.Hints.";

    /// <summary>RS1009: <c>Jit.Promote&lt;T&gt;</c> of a boxed struct or primitive (the box is fresh: guarding on its identity always fails).</summary>
    public static IEnumerable<AnnotationFinding> CheckPromote(AnnotatedProgram program)
    {
        foreach (var (name, graph) in program.Graphs)
            foreach (var block in graph.IterBlocks())
                foreach (var op in block.Operations)
                {
                    if (op.OpName != OpNames.DirectCall || ((Constant)op.Args[0]).Literal is not GenericInstanceMethod { Name: "Promote" } m
                        || m.DeclaringType.FullName != Hints + "Jit" || op.Args.Length < 2) continue;
                    var box = block.Operations.FirstOrDefault(b => b.OpName == OpNames.Box && b.Result == op.Args[1]);
                    if (box is null) continue;
                    var boxed = box.Args.OfType<Constant>().Select(c => c.Literal).OfType<TypeReference>().FirstOrDefault() ?? box.Args[0].Type;
                    yield return Finding.At(AnnotationFinding.PromoteBoxed,
                        $"Jit.Promote of a boxed {boxed?.Name ?? "value"}: a fresh box is never a trace constant; promote an int, long, double or bool (or a reference) instead",
                        op.Source, name);
                }
    }

    /// <summary>
    /// RS1010/RS1011: every name of a <c>[Virtualizable]</c> attribute is an instance field of
    /// the class, <c>x[*]</c> an array; checked for the classes with a reachable method or field access.
    /// </summary>
    public static IEnumerable<AnnotationFinding> CheckVirtualizableDeclarations(AnnotatedProgram program)
    {
        var fieldOwners = program.Graphs.Values.SelectMany(g => g.IterBlocks()).SelectMany(b => b.Operations)
            .Where(op => op.OpName is OpNames.GetField or OpNames.SetField or OpNames.FieldAddr)
            .Select(op => op.Args.OfType<Constant>().Select(c => c.Literal).OfType<FieldReference>().FirstOrDefault()?.DeclaringType)
            .OfType<TypeReference>().Select(TypeKinds.Resolve);
        var types = program.Methods.Select(m => TypeKinds.ResolveMethod(m)?.DeclaringType).Concat(fieldOwners).OfType<TypeDefinition>()
            .DistinctBy(ClassHierarchy.Key).OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
            foreach (var (name, isArray, field) in VirtualizableFields(type))
            {
                var spec = name + (isArray ? "[*]" : "");
                if (field is null)
                    yield return new AnnotationFinding(AnnotationFinding.VirtualizableMissing,
                        $"virtualizable class {type.Name} names field '{spec}', which it does not have", null, 0, 0, type.FullName);
                else if (field.IsStatic)
                    yield return new AnnotationFinding(AnnotationFinding.VirtualizableKind,
                        $"virtualizable field '{spec}' of {type.Name} is static; virtualizable fields are instance fields of the frame", null, 0, 0, type.FullName);
                else if (isArray && !field.FieldType.IsArray)
                    yield return new AnnotationFinding(AnnotationFinding.VirtualizableKind,
                        $"virtualizable field '{spec}' of {type.Name} has type {field.FieldType.Name}, not an array ('[*]' marks an array whose items are virtualizable)", null, 0, 0, type.FullName);
            }
    }

    /// <summary>RS1012: the array of an <c>x[*]</c> entry keeps its identity (and so its length): it is assigned only by the class's constructors.</summary>
    public static IEnumerable<AnnotationFinding> CheckVirtualizableWrites(AnnotatedProgram program)
    {
        foreach (var (name, graph) in program.Graphs)
            foreach (var op in graph.IterBlocks().SelectMany(b => b.Operations))
            {
                if (op.OpName != OpNames.SetField || op.Args.OfType<Constant>().Select(c => c.Literal).OfType<FieldReference>().FirstOrDefault() is not { } f) continue;
                if (TypeKinds.ResolveField(f) is not { } fd) continue;
                bool virtualizableArray = VirtualizableFields(fd.DeclaringType).Any(v => v.IsArray && v.Field == fd);
                if (!virtualizableArray) continue;
                var method = graph.Method;
                if (method.Name == ".ctor" && ClassHierarchy.Key(method.DeclaringType) == ClassHierarchy.Key(fd.DeclaringType)) continue;
                yield return Finding.At(AnnotationFinding.VirtualizableArrayReplaced,
                    $"virtualizable array {fd.DeclaringType.Name}.{fd.Name}[*] is replaced in {method.DeclaringType.Name}.{method.Name}; it may be assigned only in constructors of its class (write its items instead)",
                    op.Source, name);
            }
    }

    /// <summary>The entries of a type's <c>[Virtualizable]</c> attribute, with the field each names (searched in the type and its bases).</summary>
    private static IEnumerable<(string Name, bool IsArray, FieldDefinition? Field)> VirtualizableFields(TypeDefinition type)
    {
        var attr = type.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == Hints + "VirtualizableAttribute");
        if (attr is null || attr.ConstructorArguments.Count == 0 || attr.ConstructorArguments[0].Value is not CustomAttributeArgument[] names) yield break;
        foreach (var spec in names.Select(n => n.Value as string).OfType<string>())
        {
            bool isArray = spec.EndsWith("[*]", StringComparison.Ordinal);
            var name = isArray ? spec[..^3] : spec;
            FieldDefinition? field = null;
            for (TypeDefinition? t = type; t is not null && field is null; t = t.BaseType is null ? null : TypeKinds.Resolve(t.BaseType))
                field = t.Fields.FirstOrDefault(x => x.Name == name);
            yield return (name, isArray, field);
        }
    }

    /// <summary>
    /// RS2001/RS2002: from the entry, the methods the JIT looks inside (project code not marked
    /// [DontLookInside], [Elidable] or [LoopInvariant], without loops unless [UnrollSafe]; the
    /// entry itself always); each project callee that becomes a residual call because it has a
    /// loop or cannot be translated is reported once, at its first call site found.
    /// </summary>
    public static IEnumerable<AnnotationFinding> ResidualWarnings(AnnotatedProgram program)
    {
        if (program.Methods.Count == 0) yield break;
        var entry = program.Methods[0].FullName;
        var sites = program.CallSites.Where(c => !c.IsStaticConstructor).GroupBy(c => c.Caller.FullName).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<string> { entry };
        var work = new Queue<string>();
        work.Enqueue(entry);
        while (work.Count > 0)
        {
            var caller = work.Dequeue();
            foreach (var site in sites.GetValueOrDefault(caller) ?? new List<CallSite>())
                foreach (var target in site.Targets)
                {
                    if (!seen.Add(target.FullName)) continue;
                    var def = TypeKinds.ResolveMethod(target);
                    if (def is null || !program.DefinitionKeys.Contains(ClassHierarchy.Key(def)) || NotLookedInside(def)) continue;
                    var where = $"call to {target.DeclaringType.Name}.{target.Name} is residual: ";
                    if (program.Unsupported.TryGetValue(target.FullName, out var reason))
                    {
                        if (reason.EndsWith(": " + target.FullName, StringComparison.Ordinal)) reason = reason[..^(target.FullName.Length + 2)];
                        yield return Finding.At(AnnotationFinding.ResidualUnsupported, where + $"its body cannot be translated ({reason})", site.Operation.Source, caller);
                    }
                    else if (program.Graphs.TryGetValue(target.FullName, out var g) && GraphAlgorithms.NaturalLoops(g).Count > 0 && !Has(def, "UnrollSafeAttribute"))
                        yield return Finding.At(AnnotationFinding.ResidualLoop,
                            where + "it has a loop and no [UnrollSafe], so traces call it instead of looking inside (mark it [UnrollSafe] if the loop is short, or [DontLookInside])",
                            site.Operation.Source, caller);
                    else if (site.Operation.OpName is not (OpNames.Ldftn or OpNames.Ldvirtftn or OpNames.NewDelegate))
                        work.Enqueue(target.FullName);
                }
        }
    }

    private static bool NotLookedInside(MethodDefinition d) =>
        Has(d, "DontLookInsideAttribute") || Has(d, "ElidableAttribute") || Has(d, "LoopInvariantAttribute");

    private static bool Has(MethodDefinition d, string attribute) =>
        d.CustomAttributes.Any(a => a.AttributeType.FullName == Hints + attribute);
}
