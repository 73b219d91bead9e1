namespace PySharp.Interpreter;

/// <summary>
/// dict: CPython's compact layout (an index table into insertion-ordered entry arrays).
/// <see cref="LayoutVersion"/> changes only when keys are added or removed, so a cache of an
/// entry's position stays valid while values are overwritten (module globals use this as cells).
/// </summary>
public sealed class PyDict : PyObject
{
    private int[] _index;      // -1 empty, -2 deleted, else entry index
    internal long[] Hashes;
    internal PyObject?[] Keys;
    internal PyObject?[] Values;
    internal int Used;          // entries used (including deleted ones)
    private int _live;
    private int _filled;        // index slots not empty (live + deleted)
    public int LayoutVersion;
    public PyType? Class;       // for dict subclasses stored directly (unused: subclasses wrap)

    public PyDict(int capacity = 0)
    {
        int size = 8;
        while (size * 2 < capacity * 3) size <<= 1;
        _index = new int[size];
        Array.Fill(_index, -1);
        int cap = size * 2 / 3;
        Hashes = new long[cap];
        Keys = new PyObject?[cap];
        Values = new PyObject?[cap];
    }

    public override PyType Type => PyType.Dict_;
    public int Count => _live;

    private static bool KeyEq(PyObject a, PyObject b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is PyStr sa && b is PyStr sb) return sa.Value == sb.Value;
        return Ops.EqBool(a, b);
    }

    /// <summary>The entry index of a key, or -1.</summary>
    public int FindEntry(PyObject key, long hash)
    {
        int mask = _index.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int ix = _index[i];
            if (ix == -1) return -1;
            if (ix >= 0 && Hashes[ix] == hash)
            {
                var k = Keys[ix]!;
                if (ReferenceEquals(k, key)) return ix;
                int ver = LayoutVersion;
                if (KeyEq(k, key))
                {
                    return ix;
                }
                if (ver != LayoutVersion) return FindEntry(key, hash);
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
    }

    private int FindStr(string key, long hash)
    {
        int mask = _index.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int ix = _index[i];
            if (ix == -1) return -1;
            if (ix >= 0 && Hashes[ix] == hash)
            {
                var k = Keys[ix];
                if (k is PyStr s && s.Value == key) return ix;
                if (k is not PyStr && KeyEq(k!, new PyStr(key))) return ix;
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
    }

    public PyObject? Get(PyObject key)
    {
        long h = Ops.Hash(key);
        int ix = FindEntry(key, h);
        return ix >= 0 ? Values[ix] : null;
    }

    public PyObject? GetStr(string key)
    {
        int ix = FindStr(key, Ops.StrHash(key));
        return ix >= 0 ? Values[ix] : null;
    }

    public int IndexOfStr(string key) => FindStr(key, Ops.StrHash(key));

    /// <summary>
    /// <see cref="GetStr"/> that matches only exact str keys: it never runs a Python <c>__eq__</c>
    /// and writes nothing, so elidable lookups (type dicts, whose keys are attribute names) use it.
    /// </summary>
    public PyObject? GetStrPure(string key)
    {
        long hash = Ops.StrHash(key);
        var index = _index;
        int mask = index.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int ix = index[i];
            if (ix == -1) return null;
            if (ix >= 0 && Hashes[ix] == hash && Keys[ix] is PyStr s && s.ValueEquals(key)) return Values[ix];
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
    }

    public void SetStr(string key, PyObject value)
    {
        long h = Ops.StrHash(key);
        int ix = FindStr(key, h);
        if (ix >= 0) { Values[ix] = value; return; }
        Insert(new PyStr(key), h, value);
    }

    public void Set(PyObject key, PyObject value)
    {
        long h = Ops.Hash(key);
        int ix = FindEntry(key, h);
        if (ix >= 0) { Values[ix] = value; return; }
        Insert(key, h, value);
    }

    public void SetWithHash(PyObject key, long h, PyObject value)
    {
        int ix = FindEntry(key, h);
        if (ix >= 0) { Values[ix] = value; return; }
        Insert(key, h, value);
    }

    private void Insert(PyObject key, long hash, PyObject value)
    {
        if (Used == Keys.Length || (_filled + 1) * 3 >= _index.Length * 2) Resize(Math.Max(8, _live * 3));
        int ix = Used++;
        Hashes[ix] = hash; Keys[ix] = key; Values[ix] = value;
        int mask = _index.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (_index[i] >= 0)
        {
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
        if (_index[i] == -1) _filled++;
        _index[i] = ix;
        _live++;
        LayoutVersion++;
    }

    private void Resize(int minUsed)
    {
        int size = 8;
        while (size < minUsed) size <<= 1;
        while (size * 2 / 3 < _live + 1) size <<= 1;
        int cap = size * 2 / 3;
        var nh = new long[cap]; var nk = new PyObject?[cap]; var nv = new PyObject?[cap];
        int n = 0;
        for (int j = 0; j < Used; j++)
        {
            if (Keys[j] == null) continue;
            nh[n] = Hashes[j]; nk[n] = Keys[j]; nv[n] = Values[j]; n++;
        }
        Hashes = nh; Keys = nk; Values = nv; Used = n;
        _index = new int[size];
        Array.Fill(_index, -1);
        int mask = size - 1;
        for (int j = 0; j < n; j++)
        {
            ulong perturb = (ulong)nh[j];
            int i = (int)((ulong)nh[j] & (ulong)mask);
            while (_index[i] != -1)
            {
                perturb >>= 5;
                i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
            }
            _index[i] = j;
        }
        _filled = n;
        LayoutVersion++;
    }

    private void RemoveEntry(int ix, long hash)
    {
        int mask = _index.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (_index[i] != ix)
        {
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
        _index[i] = -2;
        Keys[ix] = null; Values[ix] = null;
        _live--;
        LayoutVersion++;
    }

    public bool Remove(PyObject key)
    {
        long h = Ops.Hash(key);
        int ix = FindEntry(key, h);
        if (ix < 0) return false;
        RemoveEntry(ix, h);
        return true;
    }

    public PyObject? Pop(PyObject key)
    {
        long h = Ops.Hash(key);
        int ix = FindEntry(key, h);
        if (ix < 0) return null;
        var v = Values[ix];
        RemoveEntry(ix, h);
        return v;
    }

    public bool DelStr(string key)
    {
        long h = Ops.StrHash(key);
        int ix = FindStr(key, h);
        if (ix < 0) return false;
        RemoveEntry(ix, h);
        return true;
    }

    public bool ContainsKey(PyObject key) => FindEntry(key, Ops.Hash(key)) >= 0;

    public void Clear()
    {
        _index = new int[8];
        Array.Fill(_index, -1);
        Hashes = new long[5]; Keys = new PyObject?[5]; Values = new PyObject?[5];
        Used = 0; _live = 0; _filled = 0;
        LayoutVersion++;
    }

    /// <summary>Removes and returns the last inserted item.</summary>
    public (PyObject, PyObject)? PopLast()
    {
        for (int j = Used - 1; j >= 0; j--)
        {
            if (Keys[j] == null) continue;
            var k = Keys[j]!; var v = Values[j]!;
            RemoveEntry(j, Hashes[j]);
            Used = j;
            return (k, v);
        }
        return null;
    }

    public PyDict Copy()
    {
        var d = new PyDict(_live);
        for (int j = 0; j < Used; j++) if (Keys[j] != null) d.Insert(Keys[j]!, Hashes[j], Values[j]!);
        return d;
    }

    public void Update(PyDict other)
    {
        for (int j = 0; j < other.Used; j++)
            if (other.Keys[j] != null) SetWithHash(other.Keys[j]!, other.Hashes[j], other.Values[j]!);
    }

    /// <summary>Iterates entries; the position is an entry index, advanced past deleted entries.</summary>
    public bool Next(ref int pos, out PyObject key, out PyObject value)
    {
        while (pos < Used)
        {
            int j = pos++;
            if (Keys[j] != null) { key = Keys[j]!; value = Values[j]!; return true; }
        }
        key = null!; value = null!;
        return false;
    }

    public List<PyObject> KeyList()
    {
        var l = new List<PyObject>(_live);
        for (int j = 0; j < Used; j++) if (Keys[j] != null) l.Add(Keys[j]!);
        return l;
    }
}
