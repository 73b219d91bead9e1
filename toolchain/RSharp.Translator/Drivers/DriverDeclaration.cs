using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RSharp.Translator.Drivers;

/// <summary>A JIT driver as declared by the interpreter: a static readonly field initialised with literals.</summary>
internal sealed record DriverDeclaration(
    FieldDefinition Field, string Name, IReadOnlyList<string> Greens, IReadOnlyList<string> Reds,
    IReadOnlyList<string> Virtualizables)
{
    public IEnumerable<string> LiveVariables => Greens.Concat(Reds);

    public string Describe() =>
        $"driver '{Name}' ({Field.DeclaringType.FullName}.{Field.Name}; greens: {string.Join(", ", Greens)}; reds: {string.Join(", ", Reds)})";
}

/// <summary>One call of <c>JitMergePoint</c> or <c>CanEnterJit</c> in the interpreter.</summary>
internal sealed record MergePointSite(
    MethodDefinition Method, Instruction Call, DriverDeclaration? Driver, bool IsCanEnterJit, SourceLocation Location)
{
    public string Kind => IsCanEnterJit ? "CanEnterJit" : "JitMergePoint";
}

/// <summary>What the translator knows about the interpreter's drivers after discovery and checking.</summary>
internal sealed class DriverModel
{
    public required IReadOnlyList<ModuleDefinition> Modules { get; init; }
    public required IReadOnlyList<DriverDeclaration> Drivers { get; init; }
    public required IReadOnlyList<MergePointSite> Sites { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The portal of a driver: the one method holding its merge point.</summary>
    public MethodDefinition? PortalOf(DriverDeclaration driver) =>
        Sites.FirstOrDefault(s => s.Driver == driver && !s.IsCanEnterJit)?.Method;
}
