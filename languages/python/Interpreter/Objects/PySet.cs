namespace PySharp.Interpreter;

/// <summary>set and frozenset, with CPython's open-addressing table so iteration order matches.</summary>
public sealed class PySet : PyObject
{
    private PyObject?[] _keys;
    private long[] _hashes;
    private int _fill, _used;
    public readonly bool Frozen;
    private static readonly PyObject Dummy = new PyStr("<dummy>");
    private const int LinearProbes = 9;

    public PySet(bool frozen = false) { Frozen = frozen; _keys = new PyObject?[8]; _hashes = new long[8]; }
    public override PyType Type => Frozen ? PyType.FrozenSet : PyType.Set;
    public int Count => _used;

    public bool Contains(PyObject key) => Find(key, Ops.Hash(key)) >= 0;

    /// <summary>
    /// The key a lookup uses: a (mutable, unhashable) set is looked up as the frozenset with its
    /// items, as CPython does for <c>in</c>, <c>remove</c> and <c>discard</c>.
    /// </summary>
    public static PyObject LookupKey(PyObject key) => key is PySet { Frozen: false } s ? s.Copy(true) : key;

    private int Find(PyObject key, long hash)
    {
        int mask = _keys.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int probes = (i + LinearProbes <= mask) ? LinearProbes : 0;
            int j = i;
            while (true)
            {
                var k = _keys[j];
                if (k == null) return -1;
                if (k != Dummy && _hashes[j] == hash && (ReferenceEquals(k, key) || Ops.EqBool(k, key))) return j;
                if (probes-- == 0) break;
                j++;
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    public bool Add(PyObject key) => AddHash(key, Ops.Hash(key));

    public bool AddHash(PyObject key, long hash)
    {
        int mask = _keys.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        int freeslot = -1;
        while (true)
        {
            int probes = (i + LinearProbes <= mask) ? LinearProbes : 0;
            int j = i;
            while (true)
            {
                var k = _keys[j];
                if (k == null)
                {
                    if (freeslot >= 0) { _keys[freeslot] = key; _hashes[freeslot] = hash; _used++; return true; }
                    _keys[j] = key; _hashes[j] = hash; _fill++; _used++;
                    if (_fill * 5 >= mask * 3) Resize(_used > 50000 ? _used * 2 : _used * 4);
                    return true;
                }
                if (k == Dummy) { if (freeslot < 0) freeslot = j; }
                else if (_hashes[j] == hash && (ReferenceEquals(k, key) || Ops.EqBool(k, key))) return false;
                if (probes-- == 0) break;
                j++;
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    private void Resize(int minUsed)
    {
        int size = 8;
        while (size <= minUsed) size <<= 1;
        var oldK = _keys; var oldH = _hashes;
        _keys = new PyObject?[size]; _hashes = new long[size];
        _fill = _used;
        int mask = size - 1;
        for (int n = 0; n < oldK.Length; n++)
        {
            var k = oldK[n];
            if (k == null || k == Dummy) continue;
            long hash = oldH[n];
            ulong perturb = (ulong)hash;
            int i = (int)((ulong)hash & (ulong)mask);
            while (true)
            {
                if (_keys[i] == null) goto found;
                if (i + LinearProbes <= mask)
                {
                    int j;
                    for (j = 1; j <= LinearProbes; j++)
                        if (_keys[i + j] == null) { i += j; goto found; }
                }
                perturb >>= 5;
                i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
            }
        found:
            _keys[i] = k; _hashes[i] = hash;
        }
    }

    public bool Remove(PyObject key)
    {
        int j = Find(key, Ops.Hash(key));
        if (j < 0) return false;
        _keys[j] = Dummy;
        _used--;
        return true;
    }

    public void Clear() { _keys = new PyObject?[8]; _hashes = new long[8]; _fill = 0; _used = 0; }

    public bool Next(ref int pos, out PyObject key)
    {
        while (pos < _keys.Length)
        {
            var k = _keys[pos++];
            if (k != null && k != Dummy) { key = k; return true; }
        }
        key = null!;
        return false;
    }

    public List<PyObject> Items()
    {
        var l = new List<PyObject>(_used);
        foreach (var k in _keys) if (k != null && k != Dummy) l.Add(k);
        return l;
    }

    public PyObject PopAny()
    {
        for (int i = 0; i < _keys.Length; i++)
        {
            var k = _keys[i];
            if (k != null && k != Dummy) { _keys[i] = Dummy; _used--; return k; }
        }
        throw Ops.KeyError(new PyStr("pop from an empty set"), true);
    }

    public PySet Copy(bool frozen)
    {
        var s = new PySet(frozen);
        s.Merge(this);
        return s;
    }

    /// <summary>CPython's set_merge: the table growth and insertion order of set.update(other_set).</summary>
    public void Merge(PySet other)
    {
        if (other._used == 0) return;
        int mask = _keys.Length - 1;
        if ((_fill + other._used) * 5 >= mask * 3) Resize((_used + other._used) * 2);
        if (_fill == 0 && _keys.Length == other._keys.Length && other._fill == other._used)
        {
            for (int i = 0; i < other._keys.Length; i++)
            {
                var k = other._keys[i];
                if (k != null && k != Dummy) { _keys[i] = k; _hashes[i] = other._hashes[i]; }
            }
            _fill = other._used; _used = other._used;
            return;
        }
        for (int i = 0; i < other._keys.Length; i++)
        {
            var k = other._keys[i];
            if (k != null && k != Dummy) AddHash(k, other._hashes[i]);
        }
    }

    /// <summary>set.update(dict): pre-sizes like CPython, then adds keys in dict order.</summary>
    public void MergeDictKeys(PyDict d)
    {
        int mask = _keys.Length - 1;
        if ((_fill + d.Count) * 5 >= mask * 3) Resize((_used + d.Count) * 2);
        int pos = 0;
        while (d.Next(ref pos, out var k, out _)) Add(k);
    }

    /// <summary>set.update(iterable) with CPython's special cases for sets and dicts.</summary>
    public void UpdateFrom(PyObject src)
    {
        if (src is PySet s) { Merge(s); return; }
        if (src is PyDict d && src.GetType() == typeof(PyDict)) { MergeDictKeys(d); return; }
        var it = Ops.GetIter(src);
        while (Ops.Next(it) is { } x) Add(x);
    }
}
