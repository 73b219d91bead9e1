using System.Reflection;

namespace RSharp.Jit.Traces;

/// <summary>
/// Names for descriptors and reference constants, so that traces can be written and read as
/// text. Heap and call descriptors are keyed by their text kind and name
/// (<c>&lt;Field Frame.count&gt;</c>); tokens share one namespace of bare names; reference
/// constants are written <c>ConstPtr(name)</c>.
/// </summary>
public sealed class DescrRegistry
{
    private readonly Dictionary<(string Kind, string Name), Descr> _descrs = [];
    private readonly Dictionary<string, ConstRef> _consts = [];

    /// <summary>Registers a descriptor under its name; the same name may not name two descriptors.</summary>
    public T Register<T>(T descr) where T : Descr
    {
        var key = (descr.TextKind ?? "", descr.Name);
        if (_descrs.TryGetValue(key, out var old) && !ReferenceEquals(old, descr))
            throw new ArgumentException($"descriptor {descr} is already registered");
        _descrs[key] = descr;
        return descr;
    }

    /// <summary>Registers the instance field <paramref name="fieldName"/> of <paramref name="type"/> (any visibility).</summary>
    public FieldDescr AddField(Type type, string fieldName, string? name = null) =>
        Register(new FieldDescr(type.GetField(fieldName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new ArgumentException($"{type.Name} has no instance field {fieldName}"), name));

    /// <summary>Registers the descriptor of arrays of <paramref name="elementType"/>.</summary>
    public ArrayDescr AddArray(Type elementType, string? name = null) => Register(new ArrayDescr(elementType, name));

    /// <summary>Registers a type descriptor.</summary>
    public TypeDescr AddType(Type type, string? name = null) => Register(new TypeDescr(type, name));

    /// <summary>Registers a call to the method <paramref name="methodName"/> of <paramref name="type"/> (unique by name).</summary>
    public CallDescr AddCall(Type type, string methodName, EffectInfo? effect = null, string? name = null) =>
        Register(new CallDescr(type.GetMethod(methodName,
            BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new ArgumentException($"{type.Name} has no method {methodName}"), effect, name));

    /// <summary>Registers a call to a delegate.</summary>
    public CallDescr AddCall(Delegate target, string name, EffectInfo? effect = null) =>
        Register(new CallDescr(target, name, effect));

    /// <summary>Registers a named reference constant.</summary>
    public ConstRef AddConst(string name, object value)
    {
        var c = new ConstRef(value, name);
        if (!_consts.TryAdd(name, c)) throw new ArgumentException($"constant {name} is already registered");
        return c;
    }

    /// <summary>The target token of that name, created on first use.</summary>
    public TargetToken Target(string name) =>
        Lookup(null, name) switch
        {
            TargetToken t => t,
            null => Register(new TargetToken(name)),
            var other => throw new ArgumentException($"{name} names a {other.GetType().Name}, not a target token"),
        };

    /// <summary>The loop token of that name, created on first use.</summary>
    public LoopToken Loop(string name) =>
        Lookup(null, name) switch
        {
            LoopToken t => t,
            null => Register(new LoopToken(name)),
            var other => throw new ArgumentException($"{name} names a {other.GetType().Name}, not a loop token"),
        };

    /// <summary>The descriptor of that text kind (null for bare tokens) and name, or null.</summary>
    public Descr? Lookup(string? textKind, string name) =>
        _descrs.TryGetValue((textKind ?? "", name), out var d) ? d : null;

    /// <summary>The named reference constant, or null.</summary>
    public ConstRef? LookupConst(string name) => _consts.TryGetValue(name, out var c) ? c : null;
}
