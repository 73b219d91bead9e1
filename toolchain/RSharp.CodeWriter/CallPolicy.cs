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
/// </summary>
internal sealed class CallPolicy(IReadOnlySet<string> projectAssemblies)
{
    private readonly IReadOnlySet<string> _projectAssemblies = projectAssemblies;

    public bool IsProjectMethod(MethodReference m)
    {
        var scope = TypeKinds.ResolveMethod(m)?.Module.Assembly.Name.Name;
        return scope is not null && _projectAssemblies.Contains(scope);
    }

    private static bool Has(MethodDefinition d, string attribute) =>
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
        foreach (var p in reflected.GetParameters())
            if (p.ParameterType.IsByRef || p.ParameterType.IsPointer || (p.ParameterType.IsValueType && RSharp.Jit.Traces.ValueKinds.Of(p.ParameterType) == RSharp.Jit.Traces.ValueKind.Ref))
                throw new UnsupportedException("call with a by-ref or struct parameter: " + m.FullName);
        if (reflected is MethodInfo mi)
        {
            if (mi.ReturnType.IsByRef || (mi.ReturnType.IsValueType && mi.ReturnType != typeof(void)
                && RSharp.Jit.Traces.ValueKinds.Of(mi.ReturnType) == RSharp.Jit.Traces.ValueKind.Ref))
                throw new UnsupportedException("call returning a struct or by-ref: " + m.FullName);
            if (!mi.IsStatic && mi.DeclaringType!.IsValueType && !mi.DeclaringType.IsPrimitive) throw new UnsupportedException("instance call on a struct: " + m.FullName);
            // Reflection dispatches virtually; a non-virtual call of an overridable method cannot be made residual.
            if (!isVirtual && mi.IsVirtual && !mi.IsFinal && !(mi.DeclaringType?.IsSealed ?? false) && !IsProjectMethod(m))
                throw new UnsupportedException("non-virtual call of a virtual method: " + m.FullName);
        }
        else if (reflected.DeclaringType!.IsValueType) throw new UnsupportedException("struct constructor " + m.FullName);
        return new CallTarget(m, reflected, EffectOf(m, reflected), isVirtual);
    }

    /// <summary>Conservative effect info: the annotator does not provide per-method effects yet.</summary>
    private static EffectInfo EffectOf(MethodReference m, MethodBase reflected)
    {
        var d = TypeKinds.ResolveMethod(m);
        if (d is not null && Has(d, "ElidableAttribute")) return new EffectInfo(EffectInfo.Extra.ElidableCanRaise);
        if (d is not null && Has(d, "LoopInvariantAttribute")) return new EffectInfo(EffectInfo.Extra.LoopInvariant);
        // Math functions are pure but some raise (Math.Abs(int.MinValue)).
        if (reflected.DeclaringType == typeof(Math) && reflected.IsStatic) return new EffectInfo(EffectInfo.Extra.ElidableCanRaise);
        return EffectInfo.Residual;
    }
}
