namespace PySharp.Interpreter;

/// <summary>Runtime support for the match statement.</summary>
public static class PatternOps
{
    /// <summary>The subject as a list when it is a sequence of a fitting length, else None.</summary>
    public static PyObject MatchSequence(PyObject s, int count, bool hasStar)
    {
        if (s is PyStr || s is PyBytes || s is PyByteArray || s is PyDict || s is PySet) return PyNone.Instance;
        if (s is PyInstance { BaseValue: PyStr or PyBytes or PyDict }) return PyNone.Instance;
        bool isSeq = s is PyList || s is PyTuple || s is PyRange || s is PyInstance { BaseValue: PyList or PyTuple };
        if (!isSeq)
        {
            if (s.Type.Lookup("__getitem__") == null || s.Type.Lookup("__len__") == null || s.Type.Lookup("keys") != null) return PyNone.Instance;
            if (s is PyInstance && !IsRegisteredSequence(s)) return PyNone.Instance;
        }
        var items = Ops.ToList(s);
        if (hasStar ? items.Count < count : items.Count != count) return PyNone.Instance;
        return new PyList(items.ToArray());
    }

    private static bool IsRegisteredSequence(PyObject s)
    {
        foreach (var t in s.Type.Mro) if (t.Name is "Sequence" or "MutableSequence") return true;
        return false;
    }

    public static bool IsMapping(PyObject s) => s is PyDict || s is PyInstance { BaseValue: PyDict } || s is MappingProxy
        || (s is PyInstance && s.Type.Lookup("keys") != null && s.Type.Lookup("__getitem__") != null);

    /// <summary>(value,) when the mapping has the key, else None.</summary>
    public static PyObject MapGet(PyObject m, PyObject key)
    {
        if (m is PyDict d && m.GetType() == typeof(PyDict))
        {
            var v = d.Get(key);
            return v == null ? PyNone.Instance : PyTuple.Of(v);
        }
        var get = Ops.GetAttrOrNull(m, "get");
        if (get != null)
        {
            var marker = new PyInstance(PyType.Object);
            var v = Ops.Call(get, key, marker);
            return v == marker ? PyNone.Instance : PyTuple.Of(v);
        }
        try { return PyTuple.Of(Ops.GetItem(m, key)); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.KeyError)) { return PyNone.Instance; }
    }

    public static PyObject DictWithout(PyObject m, PyTuple keys)
    {
        var d = new PyDict();
        DictOps.UpdateFrom(d, m);
        foreach (var k in keys.Items) d.Remove(k);
        return d;
    }

    private static readonly HashSet<PyType> s_selfMatching = new()
    {
        PyType.Bool, PyType.ByteArray, PyType.Bytes, PyType.Dict_, PyType.Float, PyType.FrozenSet, PyType.Int, PyType.List, PyType.Set, PyType.Str, PyType.Tuple,
    };

    /// <summary>The attribute values for a class pattern (positional then keyword), or None when it does not match.</summary>
    public static PyObject MatchClass(PyObject subject, PyObject cls, int npos, PyTuple kwnames)
    {
        if (cls is not PyType t) throw Ops.TypeError("called match pattern must be a class");
        if (!TypeOps.IsInstance(subject, t)) return PyNone.Instance;
        var values = new List<PyObject>();
        if (npos > 0)
        {
            bool selfMatch = false;
            foreach (var b in t.Mro) if (s_selfMatching.Contains(b)) { selfMatch = true; break; }
            var matchArgs = Ops.GetAttrOrNull(t, "__match_args__");
            if (matchArgs == null && selfMatch)
            {
                if (npos > 1) throw Ops.TypeError($"{t.Name}() accepts 1 positional sub-pattern ({npos} given)");
                values.Add(subject);
            }
            else
            {
                var names = matchArgs == null ? [] : Ops.ToArray(matchArgs);
                if (npos > names.Length)
                    throw Ops.TypeError($"{t.Name}() accepts {names.Length} positional sub-pattern{(names.Length == 1 ? "" : "s")} ({npos} given)");
                for (int i = 0; i < npos; i++)
                {
                    var v = Ops.GetAttrOrNull(subject, Ops.StrString(names[i]));
                    if (v == null) return PyNone.Instance;
                    values.Add(v);
                }
            }
        }
        foreach (var n in kwnames.Items)
        {
            var v = Ops.GetAttrOrNull(subject, Ops.StrString(n));
            if (v == null) return PyNone.Instance;
            values.Add(v);
        }
        return new PyList(values.ToArray());
    }
}
