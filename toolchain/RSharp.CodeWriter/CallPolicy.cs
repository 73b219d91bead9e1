using System.Reflection;
using Mono.Cecil;
using RSharp.Flow.Algorithms;
using RSharp.Flow;
using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;
using RSharp.Jit.Traces;

namespace RSharp.CodeWriter;

/// <summary>
/// Which methods the JIT looks inside (RPython's policy.py): project code is looked inside
/// unless it is marked [DontLookInside], [Elidable] or [LoopInvariant] (those are called, with
/// the matching effect info), or has a loop and is not [UnrollSafe]. External .NET code is
/// always called residually; a few well-known methods get special instructions (Transformer).
/// A virtual call with one possible receiver class (class-hierarchy analysis over the
/// project's types) is inlined behind <c>guard_class</c>.
/// </summary>
internal sealed class CallPolicy(IReadOnlySet<string> projectAssemblies)
{
    private readonly IReadOnlySet<string> _projectAssemblies = projectAssemblies;

    public bool IsProjectMethod(MethodReference m)
    {
        var scope = TypeKinds.ResolveMethod(m)?.Module.Assembly.Name.Name;
        return scope is not null && _projectAssemblies.Contains(scope);
    }

    private static bool Has(MethodDefinition d, string attribute) => HasHint(d, attribute);

    /// <summary>True if the member carries the hint attribute <c>RSharp.Hints.</c><paramref name="attribute"/>.</summary>
    public static bool HasHint(Mono.Cecil.ICustomAttributeProvider d, string attribute) =>
        d.CustomAttributes.Any(a => a.AttributeType.FullName == "RSharp.Hints." + attribute);

    /// <summary>Why the method is not looked inside, or null if it is (the graph decides loops).</summary>
    public string? WhyResidual(MethodReference m)
    {
        var d = TypeKinds.ResolveMethod(m);
        if (d is null || !IsProjectMethod(m)) return "external";
        if (!d.HasBody) return "no body";
        if (Has(d, "DontLookInsideAttribute")) return "[DontLookInside]";
        if (Has(d, "ElidableAttribute")) return "[Elidable]";
        if (Has(d, "LoopInvariantAttribute")) return "[LoopInvariant]";
        if (m.HasGenericParameters || m.DeclaringType.HasGenericParameters) return "open generic";
        return null;
    }

    /// <summary>A looked-inside candidate with loops needs [UnrollSafe] (portals excepted).</summary>
    public static string? LoopReason(FlowGraph graph, MethodDefinition d) =>
        GraphAlgorithms.NaturalLoops(graph).Count > 0 && !Has(d, "UnrollSafeAttribute") ? "has loops" : null;

    /// <summary>The call target with its reflection member and the effect info a residual call would have.</summary>
    public CallTarget Target(MethodReference m, bool isVirtual)
    {
        MethodBase reflected;
        try { reflected = ReflectionBridge.ResolveMethod(m); }
        catch (Exception e) { throw new UnsupportedException("cannot load method " + m.FullName + ": " + e.Message); }
        // By-ref parameters and struct receivers are passed as slots (see Transformer.Addresses).
        foreach (var p in reflected.GetParameters())
            if (p.ParameterType.IsPointer || p.ParameterType.IsByRefLike || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsByRefLike))
                throw new UnsupportedException("call with a pointer or ref struct parameter: " + m.FullName);
        if (reflected.DeclaringType is { IsByRefLike: true }) throw new UnsupportedException("method of a ref struct: " + m.FullName);
        if (reflected is MethodInfo mi)
        {
            if (mi.ReturnType.IsByRef || mi.ReturnType.IsPointer || mi.ReturnType.IsByRefLike)
                throw new UnsupportedException("call returning a by-ref, pointer or ref struct: " + m.FullName);
            // Reflection dispatches virtually; a non-virtual call of an overridable method cannot be made residual.
            if (!isVirtual && mi.IsVirtual && !mi.IsFinal && !(mi.DeclaringType?.IsSealed ?? false) && !IsProjectMethod(m))
                throw new UnsupportedException("non-virtual call of a virtual method: " + m.FullName);
        }
        return new CallTarget(m, reflected, EffectOf(m, reflected), isVirtual);
    }

    /// <summary>The project's types, for class-hierarchy analysis of virtual calls (none: no guard_class).</summary>
    public IReadOnlyList<TypeDefinition> ProjectTypes { get; init; } = [];

    /// <summary>
    /// Class-hierarchy analysis: if exactly one concrete project class can be the receiver of the
    /// virtual or interface call of <paramref name="m"/> on a receiver of static type
    /// <paramref name="receiver"/>, that class and its implementation of the method; else null.
    /// </summary>
    public (TypeDefinition Class, MethodDefinition Impl)? MonomorphicTarget(MethodReference m, TypeReference? receiver)
    {
        if (receiver is null || receiver is GenericInstanceType || m.DeclaringType is GenericInstanceType || m is GenericInstanceMethod) return null;
        var declared = TypeKinds.ResolveMethod(m);
        var rt = TypeKinds.Resolve(receiver);
        if (declared is null || !IsProjectMethod(m) || declared.HasGenericParameters) return null;
        // The receiver's static type, unless a merge made it more general than the method's class.
        if (rt is null || !IsSubtype(rt, declared.DeclaringType)) rt = declared.DeclaringType;
        // Structs count as receivers (boxed), but their methods take an address, not the box: no guard for them.
        var classes = ProjectTypes.Where(t => !t.IsAbstract && !t.IsInterface && IsSubtype(t, rt)).ToList();
        if (classes.Count != 1 || classes[0].IsValueType || classes[0].HasGenericParameters) return null;
        var impl = ImplementationIn(classes[0], declared);
        return impl is null || impl.IsAbstract || !impl.HasBody ? null : (classes[0], impl);
    }

    private static bool IsSubtype(TypeDefinition t, TypeDefinition of)
    {
        for (var c = t; c is not null; c = c.BaseType is null ? null : TypeKinds.Resolve(c.BaseType))
        {
            if (Same(c, of)) return true;
            if (of.IsInterface && c.Interfaces.Any(i => TypeKinds.Resolve(i.InterfaceType) is { } id && IsSubtype(id, of))) return true;
        }
        return false;
    }

    private static bool Same(TypeDefinition a, TypeDefinition b) =>
        a == b || (a.FullName == b.FullName && a.Module.Assembly.Name.Name == b.Module.Assembly.Name.Name);

    private static bool Same(MethodDefinition? a, MethodDefinition b) =>
        a is not null && (a == b || (a.MetadataToken == b.MetadataToken && Same(a.DeclaringType, b.DeclaringType)));

    /// <summary>The method that runs for <paramref name="declared"/> on an instance of <paramref name="c"/>.</summary>
    private static MethodDefinition? ImplementationIn(TypeDefinition c, MethodDefinition declared)
    {
        static bool SameSignature(MethodDefinition a, MethodDefinition b) =>
            a.Name == b.Name && a.Parameters.Count == b.Parameters.Count
            && a.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(b.Parameters.Select(p => p.ParameterType.FullName));
        for (var t = c; t is not null; t = t.BaseType is null ? null : TypeKinds.Resolve(t.BaseType))
            foreach (var cand in t.Methods)
            {
                if (cand.IsStatic || !cand.IsVirtual) continue;
                if (Same(cand, declared) && !declared.DeclaringType.IsInterface) return cand;
                if (cand.Overrides.Any(o => Same(TypeKinds.ResolveMethod(o), declared))) return cand;
                if (SameSignature(cand, declared) && (declared.DeclaringType.IsInterface ? cand.IsPublic : !cand.IsNewSlot)) return cand;
            }
        return null;
    }

    /// <summary>Conservative effect info, used when the annotator's effects are not available (see <see cref="CallEffects"/>).</summary>
    private EffectInfo EffectOf(MethodReference m, MethodBase reflected)
    {
        var d = TypeKinds.ResolveMethod(m);
        if (d is not null && Has(d, "ElidableAttribute")) return new EffectInfo(EffectInfo.Extra.ElidableCanRaise);
        if (d is not null && Has(d, "LoopInvariantAttribute")) return new EffectInfo(EffectInfo.Extra.LoopInvariant);
        // Known .NET methods that touch no memory a trace sees and cannot call back into the project.
        if (d is not null && ExternalEffects.Of(m) is { NoProjectSubclassOf: null, WritesArrays: [], ReadsArrays: [] } known && !IsProjectMethod(m))
            return new EffectInfo(ExternalEffects.ExtraOf(known));
        // Math functions are pure but some raise (Math.Abs(int.MinValue)).
        if (reflected.DeclaringType == typeof(Math) && reflected.IsStatic) return new EffectInfo(EffectInfo.Extra.ElidableCanRaise);
        return EffectInfo.Residual;
    }
}
