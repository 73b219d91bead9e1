using Mono.Cecil;
using RSharp.Flow;
using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>How a field may change once its object is constructed.</summary>
public enum FieldMutability
{
    /// <summary>Written anywhere.</summary>
    Mutable,

    /// <summary><c>readonly</c>, or an instance field of an <c>[Immutable]</c> class: written only by its constructors.</summary>
    Immutable,

    /// <summary><c>[QuasiImmutable]</c>: changes rarely; traces read it as a guarded constant.</summary>
    QuasiImmutable,
}

/// <summary>
/// Field facts of the project assemblies, and the check that immutable fields are written
/// only by constructors of their own class (static ones by its static constructor).
/// </summary>
internal sealed class FieldFacts
{
    private const string ImmutableAttribute = "RSharp.Hints.ImmutableAttribute";
    private const string QuasiImmutableAttribute = "RSharp.Hints.QuasiImmutableAttribute";

    private readonly Dictionary<string, FieldMutability> _kinds = new();

    public FieldFacts(IEnumerable<FlowAssembly> project)
    {
        foreach (var type in project.SelectMany(a => a.AllTypes()))
        {
            bool immutableClass = HasAttribute(type.CustomAttributes, ImmutableAttribute);
            foreach (var field in type.Fields)
                _kinds[field.FullName] = Classify(field, immutableClass);
        }
    }

    /// <summary>Every project field by full name.</summary>
    public IReadOnlyDictionary<string, FieldMutability> All => _kinds;

    private static FieldMutability Classify(FieldDefinition field, bool immutableClass)
    {
        if (HasAttribute(field.CustomAttributes, QuasiImmutableAttribute)) return FieldMutability.QuasiImmutable;
        if (field.IsInitOnly || (immutableClass && !field.IsStatic && !field.IsLiteral)) return FieldMutability.Immutable;
        return FieldMutability.Mutable;
    }

    internal static bool HasAttribute(IEnumerable<CustomAttribute> attributes, string fullName) =>
        attributes.Any(a => a.AttributeType.FullName == fullName);

    /// <summary>Definition-level name of a field reference (generic instantiations share their definition's facts).</summary>
    public static string KeyOf(FieldReference field)
    {
        try { return field.Resolve()?.FullName ?? field.FullName; }
        catch (AssemblyResolutionException) { return field.FullName; }
    }

    public FieldMutability KindOf(FieldReference field)
    {
        if (_kinds.TryGetValue(KeyOf(field), out var kind)) return kind;
        try { return field.Resolve() is { IsInitOnly: true } ? FieldMutability.Immutable : FieldMutability.Mutable; }
        catch (AssemblyResolutionException) { return FieldMutability.Mutable; }
    }

    /// <summary>Immutable fields written (setfield/setstaticfield) outside their class's constructors in a reachable graph.</summary>
    public IEnumerable<AnnotationFinding> CheckWrites(AnnotatedProgram program)
    {
        foreach (var (name, graph) in program.Graphs)
            foreach (var op in graph.IterBlocks().SelectMany(b => b.Operations))
            {
                if (op.OpName is not (OpNames.SetField or OpNames.SetStaticField)) continue;
                if (op.Args.OfType<Constant>().Select(c => c.Literal).OfType<FieldReference>().FirstOrDefault() is not { } field) continue;
                if (KindOf(field) != FieldMutability.Immutable) continue;
                bool isStatic = op.OpName == OpNames.SetStaticField;
                var method = graph.Method;
                bool ownConstructor = method.Name == (isStatic ? ".cctor" : ".ctor")
                    && ClassHierarchy.Key(method.DeclaringType) == ClassHierarchy.Key(field.DeclaringType);
                if (ownConstructor) continue;
                yield return Finding.At(AnnotationFinding.ImmutableFieldWritten,
                    $"immutable field {field.DeclaringType.Name}.{field.Name} is written outside the constructors of its class, in {method.DeclaringType.Name}.{method.Name}",
                    op.Source, name);
            }
    }
}

internal static class Finding
{
    public static AnnotationFinding At(string code, string message, SourcePosition? source, string method) =>
        new(code, message, source?.Document, source?.Line ?? 0, source?.Column ?? 0, method);
}
