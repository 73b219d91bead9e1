using Mono.Cecil;
using RSharp.Annotation;
using RSharp.Flow;
using RSharp.Jit.Traces;

namespace RSharp.CodeWriter;

/// <summary>
/// Effect info of residual calls from the annotator's whole-program analysis (RPython's
/// call.py/effectinfo.py): the callee's raise set, the fields and arrays it may read and write
/// (mapped to the descriptors the jitcodes use), random effects (delegates, calli, opaque .NET
/// code outside <see cref="ExternalEffects"/>), forcing (writes of [Virtualizable] fields,
/// re-entering a portal) and invalidation (writes of [QuasiImmutable] fields).
/// </summary>
internal sealed class CallEffects
{
    private readonly AnnotationResult _annotation;
    private readonly ClassHierarchy _hierarchy;
    private readonly HashSet<string> _reachesPortal;
    private readonly Dictionary<string, FieldDefinition> _fields = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<TypeDefinition> _projectTypes;

    private CallEffects(FlowAssembly assembly, AnnotationResult annotation, IReadOnlyList<TypeDefinition> projectTypes, IEnumerable<MethodReference> roots)
    {
        _annotation = annotation;
        _hierarchy = new ClassHierarchy([assembly]);
        _projectTypes = projectTypes;
        foreach (var t in projectTypes)
            foreach (var f in t.Fields) _fields[f.FullName] = f;
        _reachesPortal = ReachingAny(annotation, roots.Select(r => r.FullName));
    }

    /// <summary>Annotates everything reachable from the roots; null (callers stay conservative) if the analysis fails.</summary>
    public static CallEffects? Analyze(FlowAssembly assembly, IReadOnlyList<MethodReference> roots, IReadOnlyList<TypeDefinition> projectTypes, out string? error)
    {
        error = null;
        try { return new CallEffects(assembly, AnnotationResult.Analyze([assembly], roots), projectTypes, roots); }
        // Precise effects are an optimization: whatever the analysis trips on, the codewriter
        // still works with conservative effect info (and says why in the JitCodeSet).
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>Methods from which some root is reachable by calls (a residual call to one may re-enter the portal).</summary>
    private static HashSet<string> ReachingAny(AnnotationResult annotation, IEnumerable<string> roots)
    {
        var callers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var site in annotation.Program.CallSites)
            foreach (var t in site.Targets)
            {
                if (!callers.TryGetValue(t.FullName, out var list)) callers[t.FullName] = list = [];
                list.Add(site.Caller.FullName);
            }
        var result = new HashSet<string>(roots, StringComparer.Ordinal);
        var work = new Queue<string>(result);
        while (work.Count > 0)
            foreach (var c in callers.GetValueOrDefault(work.Dequeue()) ?? [])
                if (result.Add(c)) work.Enqueue(c);
        return result;
    }

    /// <summary>The bodies a call of <paramref name="m"/> may run: every implementation if it can be overridden.</summary>
    private IReadOnlyList<string> Bodies(MethodReference m)
    {
        var def = TypeKinds.ResolveMethod(m);
        if (def is null || !def.IsVirtual || def.IsFinal) return [m.FullName];
        var key = ClassHierarchy.Key(def);
        var impls = _hierarchy.Implementations(m);
        if (impls.Count == 0) return [m.FullName];
        return impls.Select(d => ClassHierarchy.Key(d) == key ? m.FullName : d.FullName).ToList();
    }

    /// <summary>
    /// The effect info of a residual call of project method <paramref name="m"/>, with descriptors
    /// from <paramref name="descrs"/> (which must already hold every descriptor of the jitcodes).
    /// </summary>
    public EffectInfo InfoFor(MethodReference m, DescrIndex descrs)
    {
        var def = TypeKinds.ResolveMethod(m);
        bool elidable = def is not null && CallPolicy.HasHint(def, "ElidableAttribute");
        bool loopInvariant = def is not null && CallPolicy.HasHint(def, "LoopInvariantAttribute");
        var names = Bodies(m);
        var bodies = names.Select(_annotation.EffectsOf).ToList();
        if (bodies.Any(b => b is null || b.HasRandomEffects) || !bodies.SelectMany(b => b!.ResidualCalls).All(ExternalEffects.IsBounded))
            return elidable ? new EffectInfo(EffectInfo.Extra.ElidableCanRaise) : loopInvariant ? new EffectInfo(EffectInfo.Extra.LoopInvariant) : EffectInfo.Residual;
        var effects = bodies.Select(b => b!).ToList();
        var external = effects.SelectMany(b => b.ResidualCalls).Select(ExternalEffects.Of).OfType<ExternalEffects.Known>().ToList();
        if (external.Any(x => x.NoProjectSubclassOf is { } baseType && HasProjectSubclass(baseType)))
            return elidable ? new EffectInfo(EffectInfo.Extra.ElidableCanRaise) : EffectInfo.Residual;

        var writtenFields = effects.SelectMany(b => b.WrittenFields).ToHashSet(StringComparer.Ordinal);
        var writtenArrays = effects.SelectMany(b => b.WrittenArrayElementTypes).Concat(external.SelectMany(x => x.WritesArrays)).ToHashSet(StringComparer.Ordinal);
        var readFields = effects.SelectMany(b => b.ReadFields).ToHashSet(StringComparer.Ordinal);
        var readArrays = effects.SelectMany(b => b.ReadArrayElementTypes).Concat(external.SelectMany(x => x.ReadsArrays)).ToHashSet(StringComparer.Ordinal);
        bool readsAll = effects.Any(b => b.ReadsUnknownMemory);
        // By-reference arguments (and struct receivers) are slots in the jitcodes: the callee may read and write them.
        bool slots = m.HasThis && m.DeclaringType.IsValueType || m.Parameters.Any(p => p.ParameterType.IsByReference);
        var writeFieldDescrs = descrs.Fields(writtenFields, slots);
        var readFieldDescrs = readsAll ? descrs.AllFields() : descrs.Fields(readFields, slots);
        var writeArrayDescrs = descrs.Arrays(writtenArrays);
        var readArrayDescrs = readsAll ? descrs.AllArrays() : descrs.Arrays(readArrays);

        bool canRaise = effects.Any(b => b.CanRaise) || (m.HasThis && def is { IsConstructor: false });  // a null receiver raises
        bool forces = names.Any(_reachesPortal.Contains) || writtenFields.Any(IsVirtualizableField);
        bool canInvalidate = writtenFields.Any(f => _annotation.Fields.GetValueOrDefault(f) == FieldMutability.QuasiImmutable);
        var extra = elidable ? (canRaise ? EffectInfo.Extra.ElidableCanRaise : EffectInfo.Extra.ElidableCannotRaise)
            : loopInvariant ? EffectInfo.Extra.LoopInvariant
            : forces ? EffectInfo.Extra.ForcesVirtualOrVirtualizable
            : canRaise ? EffectInfo.Extra.CanRaise : EffectInfo.Extra.CannotRaise;
        return new EffectInfo(extra, readFieldDescrs, writeFieldDescrs, readArrayDescrs, writeArrayDescrs, canInvalidate);
    }

    /// <summary>The effect info of a direct residual call of a known .NET method, or null if it is opaque.</summary>
    public EffectInfo? ExternalInfo(MethodReference m, DescrIndex descrs)
    {
        if (ExternalEffects.Of(m) is not { } k) return null;
        if (k.NoProjectSubclassOf is { } b && HasProjectSubclass(b)) return null;
        return new EffectInfo(ExternalEffects.ExtraOf(k), readArrays: descrs.Arrays(k.ReadsArrays), writeArrays: descrs.Arrays(k.WritesArrays));
    }

    private bool IsVirtualizableField(string key) =>
        _fields.TryGetValue(key, out var f) && !f.IsStatic && CallPolicy.HasHint(f.DeclaringType, "VirtualizableAttribute");

    /// <summary>True if a project class derives from <paramref name="baseType"/> (.NET code could call back into it).</summary>
    public bool HasProjectSubclass(string baseType)
    {
        foreach (var t in _projectTypes)
            for (var b = t.BaseType; b is not null; b = TypeKinds.Resolve(b)?.BaseType)
                if (b.FullName == baseType) return true;
        return false;
    }
}

/// <summary>
/// The descriptors the jitcodes use, by the annotator's keys: fields by definition full name
/// (every generic instantiation of a field maps to its definition), arrays by element type.
/// </summary>
internal sealed class DescrIndex
{
    /// <summary>The key of the slot fields that carry by-reference arguments.</summary>
    public const string SlotKey = "<slot>";

    private readonly Dictionary<string, List<FieldDescr>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ArrayDescr> _arrays = new(StringComparer.Ordinal);

    public void Add(string key, FieldDescr d)
    {
        if (!_fields.TryGetValue(key, out var list)) _fields[key] = list = [];
        list.Add(d);
    }

    public void Add(string elementType, ArrayDescr d) => _arrays[elementType] = d;

    public IEnumerable<FieldDescr> AllFields() => _fields.Values.SelectMany(l => l);

    public IEnumerable<ArrayDescr> AllArrays() => _arrays.Values;

    public List<FieldDescr> Fields(IEnumerable<string> keys, bool withSlots)
    {
        var result = keys.SelectMany(k => _fields.GetValueOrDefault(k) ?? []).ToList();
        if (withSlots) result.AddRange(_fields.GetValueOrDefault(SlotKey) ?? []);
        return result;
    }

    /// <summary>
    /// The array descriptors of these element types. An element type the analysis could not name
    /// (a generic parameter, "?") stands for all arrays; a reference element type for every array
    /// of references too (covariance: an <c>object[]</c> store may land in a <c>string[]</c>).
    /// </summary>
    public List<ArrayDescr> Arrays(IEnumerable<string> elementTypes)
    {
        var keys = elementTypes.ToList();
        if (keys.Any(k => k == "?" || !k.Contains('.') || k.Contains('<') || k.Contains('!'))) return AllArrays().ToList();
        var result = new HashSet<ArrayDescr>();
        foreach (var k in keys)
        {
            var d = _arrays.GetValueOrDefault(k);
            if (d is not null) result.Add(d);
            if (d is null ? !s_primitives.Contains(k) : !d.ElementType.IsValueType)
                result.UnionWith(_arrays.Values.Where(a => !a.ElementType.IsValueType));
        }
        return result.ToList();
    }

    private static readonly HashSet<string> s_primitives = new(StringComparer.Ordinal)
    {
        "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32",
        "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.IntPtr", "System.UIntPtr",
    };
}
