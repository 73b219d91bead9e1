using Mono.Cecil;
using RSharp.Flow;

namespace RSharp.Annotation;

/// <summary>
/// Class-hierarchy analysis over the project assemblies: which method bodies a virtual or
/// interface call may execute. Types and methods are compared by identity keys (assembly,
/// full name, signature) because several Cecil resolvers may load the same assembly.
/// </summary>
internal sealed class ClassHierarchy
{
    private readonly List<TypeDefinition> _types;
    private readonly Dictionary<string, List<MethodDefinition>> _cache = new();

    public ClassHierarchy(IEnumerable<FlowAssembly> project)
    {
        _types = project.SelectMany(a => a.AllTypes()).Where(t => !t.IsInterface).ToList();
    }

    public static string Key(TypeReference t) => (t.Resolve() is { } d ? d.Module.Assembly.Name.Name + "|" + d.FullName : "?|" + t.FullName);

    public static string Key(MethodDefinition m) => m.Module.Assembly.Name.Name + ":" + m.MetadataToken.ToInt32().ToString("x8");

    private static TypeDefinition? Resolve(TypeReference? t)
    {
        if (t is null) return null;
        try { return t.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }

    private static MethodDefinition? Resolve(MethodReference m)
    {
        try { return m.Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }

    /// <summary>
    /// The methods a virtual call of <paramref name="declared"/> may execute: the declared
    /// method itself unless abstract, and every override or interface implementation in a
    /// project type (conservative: implicit implementations match by name and arity).
    /// </summary>
    public IReadOnlyList<MethodDefinition> Implementations(MethodReference declared)
    {
        var md = Resolve(declared);
        if (md is null) return Array.Empty<MethodDefinition>();
        var key = Key(md);
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var result = new List<MethodDefinition>();
        if (!md.IsAbstract) result.Add(md);
        if (md.IsVirtual && !md.IsFinal && !(md.DeclaringType.IsSealed && !md.DeclaringType.IsInterface))
        {
            var declaringKey = Key(md.DeclaringType);
            foreach (var t in _types)
            {
                MethodDefinition? impl = md.DeclaringType.IsInterface
                    ? (Implements(t, declaringKey) ? FindInterfaceImplementation(t, md, key) : null)
                    : (IsSubclass(t, declaringKey) ? FindOverride(t, md, key) : null);
                if (impl is not null && !impl.IsAbstract && result.All(r => Key(r) != Key(impl))) result.Add(impl);
            }
        }
        _cache[key] = result;
        return result;
    }

    private static bool IsSubclass(TypeDefinition t, string baseKey)
    {
        for (var b = Resolve(t.BaseType); b is not null; b = Resolve(b.BaseType))
            if (Key(b) == baseKey) return true;
        return false;
    }

    private static bool Implements(TypeDefinition t, string interfaceKey)
    {
        for (TypeDefinition? c = t; c is not null; c = Resolve(c.BaseType))
            foreach (var i in c.Interfaces)
                if (InterfaceMatches(Resolve(i.InterfaceType), interfaceKey)) return true;
        return false;
    }

    private static bool InterfaceMatches(TypeDefinition? i, string interfaceKey)
    {
        if (i is null) return false;
        if (Key(i) == interfaceKey) return true;
        return i.Interfaces.Any(x => InterfaceMatches(Resolve(x.InterfaceType), interfaceKey));
    }

    private static bool Overrides(MethodDefinition m, string key) =>
        m.Overrides.Any(o => Resolve(o) is { } r && Key(r) == key);

    private static bool SameShape(MethodDefinition a, MethodDefinition b) =>
        a.Name == b.Name && a.Parameters.Count == b.Parameters.Count && a.GenericParameters.Count == b.GenericParameters.Count && !a.IsStatic;

    /// <summary>The method of <paramref name="t"/> or its bases that implements interface method <paramref name="md"/>.</summary>
    private static MethodDefinition? FindInterfaceImplementation(TypeDefinition t, MethodDefinition md, string key)
    {
        for (TypeDefinition? c = t; c is not null; c = Resolve(c.BaseType))
        {
            var explicitImpl = c.Methods.FirstOrDefault(m => Overrides(m, key));
            if (explicitImpl is not null) return explicitImpl;
            var implicitImpl = c.Methods.FirstOrDefault(m => m.IsVirtual && SameShape(m, md));
            if (implicitImpl is not null) return implicitImpl;
        }
        return null;
    }

    /// <summary>The override of <paramref name="md"/> declared by <paramref name="t"/> itself, if any.</summary>
    private static MethodDefinition? FindOverride(TypeDefinition t, MethodDefinition md, string key) =>
        t.Methods.FirstOrDefault(m => Overrides(m, key) || (m.IsVirtual && !m.IsNewSlot && SameShape(m, md)
            && m.Parameters.Select(p => p.ParameterType.Name).SequenceEqual(md.Parameters.Select(p => p.ParameterType.Name))));
}
