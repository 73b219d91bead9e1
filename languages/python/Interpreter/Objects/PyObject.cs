using RSharp.Hints;

namespace PySharp.Interpreter;

/// <summary>Base of every Python object.</summary>
public abstract class PyObject
{
    /// <summary>The object's Python type.</summary>
    public abstract PyType Type { get; }

    public override string ToString() => Ops.ReprString(this);
}

/// <summary>None.</summary>
public sealed class PyNone : PyObject
{
    public static readonly PyNone Instance = new();
    private PyNone() { }
    public override PyType Type => PyType.NoneType;
}

/// <summary>NotImplemented.</summary>
public sealed class PyNotImplemented : PyObject
{
    public static readonly PyNotImplemented Instance = new();
    private PyNotImplemented() { }
    public override PyType Type => PyType.NotImplementedType;
}

/// <summary>Ellipsis (<c>...</c>).</summary>
public sealed class PyEllipsis : PyObject
{
    public static readonly PyEllipsis Instance = new();
    private PyEllipsis() { }
    public override PyType Type => PyType.EllipsisType;
}

/// <summary>True and False.</summary>
public sealed class PyBool : PyObject
{
    public static readonly PyBool True = new(true), False = new(false);
    public readonly bool Value;
    private PyBool(bool v) { Value = v; }
    public override PyType Type => PyType.Bool;
    public static PyBool Of(bool b) => b ? True : False;
}

/// <summary>A cell holding a closed-over variable (null = empty).</summary>
public sealed class PyCell : PyObject
{
    public PyObject? Value;
    public PyCell(PyObject? v) { Value = v; }
    public override PyType Type => PyType.Cell;
}

/// <summary>
/// A map (hidden class): the layout of an instance's attributes. Instances with the same
/// attribute names added in the same order share a map; transitions are cached.
/// </summary>
public sealed class Map
{
    public static readonly Map Empty = new(null, null, 0);
    private readonly Map? _parent;
    private readonly string? _name;
    public readonly int Count;
    private volatile Dictionary<string, Map>? _transitions;
    private static readonly object s_transitionsGate = new();
    private readonly Dictionary<string, int>? _index;

    private Map(Map? parent, string? name, int count)
    {
        _parent = parent; _name = name; Count = count;
        // Large maps get their index up front so that IndexOf stays a pure read.
        if (count > 6)
        {
            var d = new Dictionary<string, int>(count);
            for (var m = this; m._name != null; m = m._parent!) d[m._name] = m.Count - 1;
            _index = d;
        }
    }

    /// <summary>The storage index of an attribute, or -1.</summary>
    [Elidable]
    public int IndexOf(string name)
    {
        if (Count == 0) return -1;
        if (Count <= 6)
        {
            for (var m = this; m._name != null; m = m._parent!)
                if ((object)m._name == name || m._name == name) return m.Count - 1;
            return -1;
        }
        return _index!.TryGetValue(name, out int i) ? i : -1;
    }

    /// <summary>The map after adding an attribute (transitions are cached, so this is not elidable).</summary>
    public Map With(string name)
    {
        if (_transitions is { } t && t.TryGetValue(name, out var m)) return m;
        return AddTransition(name);
    }

    /// <summary>
    /// Maps of builtin types are shared by every runtime of the process (threads): the transition
    /// table is copied on write under a lock, and readers only ever see a complete table.
    /// </summary>
    private Map AddTransition(string name)
    {
        lock (s_transitionsGate)
        {
            var t = _transitions;
            if (t is not null && t.TryGetValue(name, out var m)) return m;
            m = new Map(this, name, Count + 1);
            _transitions = new Dictionary<string, Map>(t ?? []) { [name] = m };
            return m;
        }
    }

    /// <summary>Attribute names in insertion order.</summary>
    public string[] Names()
    {
        var names = new string[Count];
        for (var m = this; m._name != null; m = m._parent!) names[m.Count - 1] = m._name;
        return names;
    }
}

/// <summary>
/// An instance of a Python class. Attributes live in <see cref="Slots"/> laid out by <see cref="Map"/>;
/// after <c>__dict__</c> is requested (or an attribute is deleted) they move to <see cref="DictStorage"/>.
/// Instances of subclasses of builtin types keep the builtin value in <see cref="BaseValue"/>.
/// </summary>
public class PyInstance : PyObject
{
    public PyType Class;
    public Map Map = Map.Empty;
    public PyObject?[] Slots = s_noSlots;
    public PyDict? DictStorage;
    public PyObject? BaseValue;
    public PyObject?[]? SlotValues; // __slots__ storage
    private static readonly PyObject?[] s_noSlots = [];

    public PyInstance(PyType cls) { Class = cls; }
    public override PyType Type => Class;

    public PyObject? GetAttr(string name)
    {
        if (DictStorage != null) return DictStorage.GetStr(name);
        int i = Map.IndexOf(name);
        return i >= 0 ? Slots[i] : null;
    }

    public void SetAttr(string name, PyObject value)
    {
        if (DictStorage != null) { DictStorage.SetStr(name, value); return; }
        var map = Map;
        int i = map.IndexOf(name);
        if (i >= 0) { Slots[i] = value; return; }
        var nm = map.With(name);
        if (Slots.Length < nm.Count) Array.Resize(ref Slots, Math.Max(4, Slots.Length * 2));
        Slots[nm.Count - 1] = value;
        Map = nm;
    }

    public bool DelAttr(string name)
    {
        var d = GetDict();
        return d.DelStr(name);
    }

    /// <summary>Switches to dictionary storage and returns the dict (shared with <c>__dict__</c>).</summary>
    public PyDict GetDict()
    {
        if (DictStorage == null)
        {
            var d = new PyDict();
            var names = Map.Names();
            for (int i = 0; i < names.Length; i++) if (Slots[i] != null) d.SetStr(names[i], Slots[i]!);
            DictStorage = d;
            Slots = s_noSlots;
            Map = Map.Empty;
        }
        return DictStorage;
    }
}
