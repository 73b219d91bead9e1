namespace PySharp.Interpreter;

/// <summary>A builtin iterator: <see cref="Next"/> returns null at the end (no StopIteration thrown).</summary>
public abstract class PyIter : PyObject
{
    public abstract PyObject? Next();
    public override PyType Type => PyType.Iterator;

    private static PyType Make(string name)
    {
        var t = new PyType(name, [PyType.Object], PyType.TypeType, true);
        t.Def("__iter__", s => s);
        t.Def("__next__", s => ((PyIter)s).Next() ?? throw Ops.StopIteration());
        return t;
    }

    public static readonly PyType ListIterType = Make("list_iterator"), ListRevIterType = Make("list_reverseiterator"), TupleIterType = Make("tuple_iterator"),
        StrIterType = Make("str_ascii_iterator"), RangeIterType = Make("range_iterator"), DictKeyIterType = Make("dict_keyiterator"),
        DictValueIterType = Make("dict_valueiterator"), DictItemIterType = Make("dict_itemiterator"), SetIterType = Make("set_iterator"), BytesIterType = Make("bytes_iterator");
}

public sealed class ListIter(PyList list) : PyIter
{
    public override PyType Type => ListIterType;
    private int _i;
    public override PyObject? Next()
    {
        if (_i < list.Count) return list.Items[_i++];
        _i = int.MaxValue;
        return null;
    }
}

public sealed class ReverseListIter(PyList list) : PyIter
{
    public override PyType Type => ListRevIterType;
    private int _i = list.Count - 1;
    public override PyObject? Next()
    {
        if (_i >= 0 && _i < list.Count) return list.Items[_i--];
        _i = -1;
        return null;
    }
}

public sealed class ArrayIter(PyObject[] items) : PyIter
{
    public override PyType Type => TupleIterType;
    private int _i;
    public override PyObject? Next() => _i < items.Length ? items[_i++] : null;
}

public sealed class StrIter(string s) : PyIter
{
    public override PyType Type => StrIterType;
    private int _i;
    public override PyObject? Next()
    {
        if (_i >= s.Length) return null;
        char c = s[_i++];
        if (char.IsHighSurrogate(c) && _i < s.Length && char.IsLowSurrogate(s[_i])) return new PyStr(new string([c, s[_i++]]));
        return PyStr.Char(c);
    }
}

public sealed class BytesIter(byte[] b) : PyIter
{
    public override PyType Type => BytesIterType;
    private int _i;
    public override PyObject? Next() => _i < b.Length ? PyInt.Get(b[_i++]) : null;
}

public sealed class RangeIter : PyIter
{
    public override PyType Type => RangeIterType;
    private long _next;
    private readonly long _step;
    private long _remaining;
    public RangeIter(long start, long step, long count) { _next = start; _step = step; _remaining = count; }
    public override PyObject? Next()
    {
        if (_remaining <= 0) return null;
        _remaining--;
        long v = _next;
        _next += _step;
        return PyInt.Get(v);
    }
}

public sealed class DictIter : PyIter
{
    private readonly PyDict _d;
    private readonly int _kind; // 0 keys, 1 values, 2 items
    private int _pos;
    private readonly int _count;
    public DictIter(PyDict d, int kind) { _d = d; _kind = kind; _count = d.Count; }
    public override PyType Type => _kind switch { 0 => DictKeyIterType, 1 => DictValueIterType, _ => DictItemIterType };
    public override PyObject? Next()
    {
        if (_d.Count != _count) throw Ops.RuntimeError("dictionary changed size during iteration");
        if (!_d.Next(ref _pos, out var k, out var v)) return null;
        return _kind switch { 0 => k, 1 => v, _ => PyTuple.Of(k, v) };
    }
}

public sealed class SetIter : PyIter
{
    private readonly PySet _s;
    private int _pos;
    private readonly int _count;
    public SetIter(PySet s) { _s = s; _count = s.Count; }
    public override PyType Type => SetIterType;
    public override PyObject? Next()
    {
        if (_s.Count != _count) throw Ops.RuntimeError("Set changed size during iteration");
        return _s.Next(ref _pos, out var k) ? k : null;
    }
}

/// <summary>Iterator over an object with __getitem__ (the old sequence protocol).</summary>
public sealed class SeqGetItemIter(PyObject seq) : PyIter
{
    private long _i;
    private bool _done;
    public override PyObject? Next()
    {
        if (_done) return null;
        try { return Ops.GetItem(seq, PyInt.Get(_i++)); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.IndexError) || e.Value.Type.IsSubtypeOf(Exc.StopIteration))
        {
            _done = true;
            return null;
        }
    }
}

/// <summary>iter(callable, sentinel).</summary>
public sealed class CallIter(PyObject f, PyObject sentinel) : PyIter
{
    private bool _done;
    public override PyType Type => PyType.CallIterator;
    public override PyObject? Next()
    {
        if (_done) return null;
        var v = Ops.Call(f);
        if (Ops.EqBool(v, sentinel)) { _done = true; return null; }
        return v;
    }
}

public sealed class EnumerateIter(PyObject it, PyObject start) : PyIter
{
    private PyObject _n = start;
    public override PyType Type => PyType.Enumerate;
    public override PyObject? Next()
    {
        var v = Ops.Next(it);
        if (v == null) return null;
        var r = PyTuple.Of(_n, v);
        _n = _n is PyInt i && i.Value < long.MaxValue ? PyInt.Get(i.Value + 1) : Ops.BinaryOp(_n, PyInt.One, 0);
        return r;
    }
}

public sealed class ZipIter(PyObject[] its, bool strict) : PyIter
{
    public override PyType Type => PyType.Zip;
    public override PyObject? Next()
    {
        if (its.Length == 0) return null;
        var items = new PyObject[its.Length];
        for (int i = 0; i < its.Length; i++)
        {
            var v = Ops.Next(its[i]);
            if (v == null)
            {
                if (strict)
                {
                    if (i > 0) throw Ops.ValueError($"zip() argument {i + 1} is shorter than argument{(i > 1 ? "s 1-" + i : " 1")}");
                    for (int j = 1; j < its.Length; j++)
                        if (Ops.Next(its[j]) != null) throw Ops.ValueError($"zip() argument {j + 1} is longer than argument{(j > 1 ? "s 1-" + j : " 1")}");
                }
                return null;
            }
            items[i] = v;
        }
        return new PyTuple(items);
    }
}

public sealed class MapIter(PyObject f, PyObject[] its) : PyIter
{
    public override PyType Type => PyType.Map_;
    public override PyObject? Next()
    {
        var args = new PyObject[its.Length];
        for (int i = 0; i < its.Length; i++)
        {
            var v = Ops.Next(its[i]);
            if (v == null) return null;
            args[i] = v;
        }
        return Ops.Call(f, args, null);
    }
}

public sealed class FilterIter(PyObject? f, PyObject it) : PyIter
{
    public override PyType Type => PyType.Filter;
    public override PyObject? Next()
    {
        while (true)
        {
            var v = Ops.Next(it);
            if (v == null) return null;
            bool ok = f == null ? Ops.IsTrue(v) : Ops.IsTrue(Ops.Call(f, v));
            if (ok) return v;
        }
    }
}

public sealed class ReversedSeqIter(PyObject seq, long n) : PyIter
{
    private long _i = n - 1;
    public override PyType Type => PyType.Reversed;
    public override PyObject? Next() => _i >= 0 ? Ops.GetItem(seq, PyInt.Get(_i--)) : null;
}

/// <summary>A C#-enumerable iterator (used by itertools-like helpers).</summary>
public sealed class EnumeratorIter(IEnumerator<PyObject> e) : PyIter
{
    public override PyObject? Next() => e.MoveNext() ? e.Current : null;
}
