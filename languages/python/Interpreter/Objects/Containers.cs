namespace PySharp.Interpreter;

/// <summary>str (UTF-16 code units; characters outside the BMP count as two).</summary>
public sealed class PyStr : PyObject
{
    private string? _value;
    // Long results of repeated concatenation share an append-only buffer: this string is its
    // first _len characters (CPython gets the same O(n) behaviour from in-place resizing).
    private readonly System.Text.StringBuilder? _sb;
    private readonly int _len;
    internal long HashCache;
    internal bool HashDone;
    private static readonly PyStr[] s_chars = MakeChars();
    public static readonly PyStr Empty = new("");

    public PyStr(string v) { _value = v; }
    private PyStr(System.Text.StringBuilder sb, int len) { _sb = sb; _len = len; }

    public string Value => _value ??= _sb!.ToString(0, _len);

    public int Length => _value?.Length ?? _len;

    /// <summary>Whether this string equals <paramref name="s"/>, without materializing a buffer-backed value (so it writes nothing).</summary>
    internal bool ValueEquals(string s)
    {
        var v = _value;
        if (v != null) return string.Equals(v, s);
        if (_len != s.Length) return false;
        var sb = _sb!;
        for (int i = 0; i < s.Length; i++) if (sb[i] != s[i]) return false;
        return true;
    }

    /// <summary>a + b, appending in place to a shared buffer when a is the newest owner of one.</summary>
    public static PyStr Concat(PyStr a, PyStr b)
    {
        if (b.Length == 0) return a;
        if (a._sb != null && a._len == a._sb.Length)
        {
            a._sb.Append(b.Value);
            return new PyStr(a._sb, a._sb.Length);
        }
        int total = a.Length + b.Length;
        if (total < 256) return new PyStr(string.Concat(a.Value, b.Value));
        var sb = new System.Text.StringBuilder(a.Value, total * 2);
        sb.Append(b.Value);
        return new PyStr(sb, sb.Length);
    }
    public override PyType Type => PyType.Str;

    private static PyStr[] MakeChars()
    {
        var a = new PyStr[256];
        for (int i = 0; i < 256; i++) a[i] = new PyStr(((char)i).ToString());
        return a;
    }

    public static PyStr Char(char c) => c < 256 ? s_chars[c] : new PyStr(c.ToString());
    public static PyStr Of(string s) => s.Length == 0 ? Empty : s.Length == 1 ? Char(s[0]) : new PyStr(s);
}

/// <summary>bytes.</summary>
public sealed class PyBytes : PyObject
{
    public readonly byte[] Value;
    public PyBytes(byte[] v) { Value = v; }
    public override PyType Type => PyType.Bytes;
}

/// <summary>bytearray.</summary>
public sealed class PyByteArray : PyObject
{
    public List<byte> Value;
    public PyByteArray(List<byte> v) { Value = v; }
    public override PyType Type => PyType.ByteArray;
}

/// <summary>tuple.</summary>
public sealed class PyTuple : PyObject
{
    public readonly PyObject[] Items;
    public static readonly PyTuple Empty = new([]);
    public PyTuple(PyObject[] items) { Items = items; }
    public override PyType Type => PyType.Tuple;
    public static PyTuple Of(params PyObject[] items) => items.Length == 0 ? Empty : new PyTuple(items);
}

/// <summary>list: an array plus a count.</summary>
public sealed class PyList : PyObject
{
    public PyObject[] Items;
    public int Count;
    public PyList() { Items = []; }
    public PyList(int capacity) { Items = capacity == 0 ? [] : new PyObject[capacity]; }
    public PyList(PyObject[] items) { Items = items; Count = items.Length; }
    public override PyType Type => PyType.List;

    public void Append(PyObject v)
    {
        if (Count == Items.Length) Grow(Count + 1);
        Interpreter.Put(Items, Count++, v);
    }

    public void Grow(int min)
    {
        int n = Math.Max(min, Items.Length < 4 ? 4 : Items.Length * 2);
        Array.Resize(ref Items, n);
    }

    public void Insert(int i, PyObject v)
    {
        if (Count == Items.Length) Grow(Count + 1);
        Array.Copy(Items, i, Items, i + 1, Count - i);
        Items[i] = v;
        Count++;
    }

    public void RemoveAt(int i)
    {
        Array.Copy(Items, i + 1, Items, i, Count - i - 1);
        Count--;
        Items[Count] = null!;
    }

    public PyObject[] ToArray()
    {
        var a = new PyObject[Count];
        Array.Copy(Items, a, Count);
        return a;
    }

    public void AddRange(PyObject[] src, int n)
    {
        if (Count + n > Items.Length) Grow(Count + n);
        Array.Copy(src, 0, Items, Count, n);
        Count += n;
    }
}

/// <summary>range.</summary>
public sealed class PyRange : PyObject
{
    public readonly long Start, Stop, Step;
    public PyRange(long start, long stop, long step) { Start = start; Stop = stop; Step = step; }
    public override PyType Type => PyType.Range;
    public long Length
    {
        get
        {
            if (Step > 0) return Start < Stop ? (long)(((decimal)Stop - Start - 1) / Step) + 1 : 0;
            return Start > Stop ? (long)(((decimal)Start - Stop - 1) / -(decimal)Step) + 1 : 0;
        }
    }
}

/// <summary>slice.</summary>
public sealed class PySlice : PyObject
{
    public readonly PyObject Start, Stop, Step;
    public PySlice(PyObject start, PyObject stop, PyObject step) { Start = start; Stop = stop; Step = step; }
    public override PyType Type => PyType.Slice;
}

/// <summary>A module object.</summary>
public sealed class PyModule : PyObject
{
    public readonly PyDict Dict;
    public PyModule(string name, PyDict? dict = null)
    {
        Dict = dict ?? new PyDict();
        if (Dict.GetStr("__name__") == null) Dict.SetStr("__name__", new PyStr(name));
        if (Dict.GetStr("__doc__") == null) Dict.SetStr("__doc__", PyNone.Instance);
    }
    public string Name => (Dict.GetStr("__name__") as PyStr)?.Value ?? "?";
    public override PyType Type => PyType.Module;
}
