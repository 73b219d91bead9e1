namespace PySharp.Interpreter;

public static partial class Ops
{
    public static PyObject GetIter(PyObject o)
    {
        switch (o)
        {
            case PyList l: return new ListIter(l);
            case PyTuple t: return new ArrayIter(t.Items);
            case PyRange r: return new RangeIter(r.Start, r.Step, r.Length);
            case PyStr s: return new StrIter(s.Value);
            case PyDict d: return new DictIter(d, 0);
            case PySet s: return new SetIter(s);
            case PyIter: return o;
            case PyGenerator g when g.Kind == GenKind.Generator: return o;
            case PyBytes b: return new BytesIter(b.Value);
        }
        var m = o.Type.Lookup("__iter__");
        if (m != null && m is not PyNone)
        {
            var it = CallMethod(m, o);
            if (it is not PyIter && it is not PyGenerator && it.Type.Lookup("__next__") == null)
                throw TypeError($"iter() returned non-iterator of type '{TypeName(it)}'");
            return it;
        }
        if (o.Type.Lookup("__getitem__") != null && m == null) return new SeqGetItemIter(o);
        throw TypeError($"'{TypeName(o)}' object is not iterable");
    }

    /// <summary>The next item, or null when the iterator is exhausted (StopIteration is absorbed).</summary>
    public static PyObject? Next(PyObject it)
    {
        if (it is PyIter pi) return pi.Next();
        if (it is PyGenerator g) return g.Resume(PyNone.Instance, null);
        var m = it.Type.Lookup("__next__") ?? throw TypeError($"'{TypeName(it)}' object is not an iterator");
        try { return CallMethod(m, it); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.StopIteration)) { return null; }
    }

    public static List<PyObject> ToList(PyObject o)
    {
        switch (o)
        {
            case PyList l: { var r = new List<PyObject>(l.Count); for (int i = 0; i < l.Count; i++) r.Add(l.Items[i]); return r; }
            case PyTuple t: return new List<PyObject>(t.Items);
        }
        var res = new List<PyObject>();
        var it = GetIter(o);
        while (true)
        {
            var v = Next(it);
            if (v == null) break;
            res.Add(v);
        }
        return res;
    }

    public static PyObject[] ToArray(PyObject o)
    {
        if (o is PyTuple t) return t.Items;
        if (o is PyList l) return l.ToArray();
        return ToList(o).ToArray();
    }

    public static void ListExtend(PyList l, PyObject src)
    {
        switch (src)
        {
            case PyList s: l.AddRange(s.Items, s.Count); return;
            case PyTuple t: l.AddRange(t.Items, t.Items.Length); return;
        }
        var it = GetIter(src);
        while (true)
        {
            var v = Next(it);
            if (v == null) break;
            l.Append(v);
        }
    }

    // ---- length, containment ----
    public static long Len(PyObject o)
    {
        switch (o)
        {
            case PyStr s: return StrOps.CodePointLength(s.Value);
            case PyList l: return l.Count;
            case PyTuple t: return t.Items.Length;
            case PyDict d: return d.Count;
            case PySet s: return s.Count;
            case PyBytes b: return b.Value.Length;
            case PyRange r: return r.Length;
        }
        var m = o.Type.Lookup("__len__") ?? throw TypeError($"object of type '{TypeName(o)}' has no len()");
        var n = CallMethod(m, o);
        var iv = IntValue(n) ?? throw TypeError($"'{TypeName(n)}' object cannot be interpreted as an integer");
        if (iv is PyInt pi)
        {
            if (pi.Value < 0) throw ValueError("__len__() should return >= 0");
            return pi.Value;
        }
        throw OverflowError("cannot fit 'int' into an index-sized integer");
    }

    public static bool Contains(PyObject container, PyObject item)
    {
        switch (container)
        {
            case PyDict d: return d.ContainsKey(item);
            case PySet s: return s.Contains(PySet.LookupKey(item));
            case PyStr s:
                if (item is PyStr sub) return s.Value.Contains(sub.Value, StringComparison.Ordinal);
                throw TypeError($"'in <string>' requires string as left operand, not {TypeName(item)}");
            case PyList l:
                for (int i = 0; i < l.Count; i++) if (EqBool(l.Items[i], item)) return true;
                return false;
            case PyTuple t:
                foreach (var x in t.Items) if (EqBool(x, item)) return true;
                return false;
            case PyRange r:
                if (item is PyBool rb) item = rb.Value ? PyInt.One : PyInt.Zero;
                if (item is PyInt ri)
                {
                    long v = ri.Value;
                    if (r.Step > 0 ? (v < r.Start || v >= r.Stop) : (v > r.Start || v <= r.Stop)) return false;
                    return (v - r.Start) % r.Step == 0;
                }
                break;
        }
        var m = container.Type.Lookup("__contains__");
        if (m != null) return IsTrue(CallMethod(m, container, item));
        var it = GetIter(container);
        while (true)
        {
            var v = Next(it);
            if (v == null) return false;
            if (EqBool(v, item)) return true;
        }
    }

    // ---- indexing ----
    /// <summary>An index from an int-like or an object with __index__.</summary>
    public static long Index(PyObject o)
    {
        switch (o)
        {
            case PyInt i: return i.Value;
            case PyBool b: return b.Value ? 1 : 0;
            case PyBigInt: throw Error(Exc.IndexError, "cannot fit 'int' into an index-sized integer");
        }
        var iv = IntValue(o);
        if (iv is PyInt pi) return pi.Value;
        var m = o.Type.Lookup("__index__");
        if (m != null) return Index(CallMethod(m, o));
        throw TypeError($"'{TypeName(o)}' object cannot be interpreted as an integer");
    }

    public static PyObject IndexObj(PyObject o)
    {
        var iv = IntValue(o);
        if (iv != null) return iv;
        var m = o.Type.Lookup("__index__");
        if (m != null) return CallMethod(m, o);
        throw TypeError($"'{TypeName(o)}' object cannot be interpreted as an integer");
    }

    public static PyObject GetItem(PyObject o, PyObject key)
    {
        switch (o)
        {
            case PyList l when key is PyInt ki:
                {
                    long i = ki.Value;
                    if (i < 0) i += l.Count;
                    if ((ulong)i >= (ulong)l.Count) throw IndexError("list index out of range");
                    return l.Items[i];
                }
            case PyDict d when o.GetType() == typeof(PyDict):
                {
                    var v = d.Get(key);
                    if (v != null) return v;
                    throw KeyError(key);
                }
            case PyTuple t when key is PyInt ti:
                {
                    long i = ti.Value;
                    if (i < 0) i += t.Items.Length;
                    if ((ulong)i >= (ulong)t.Items.Length) throw IndexError("tuple index out of range");
                    return t.Items[i];
                }
            case PyStr s when key is PyInt si: return StrOps.GetChar(s, si.Value);
        }
        var m = o.Type.Lookup("__getitem__");
        if (m != null) return CallMethod(m, o, key);
        if (o is PyType ty)
        {
            var cg = ty.Lookup("__class_getitem__");
            if (cg != null) return Call(DescrGet(cg, null, ty), key);
            return new GenericAlias(ty, key);
        }
        throw TypeError($"'{TypeName(o)}' object is not subscriptable");
    }

    public static void SetItem(PyObject o, PyObject key, PyObject value)
    {
        switch (o)
        {
            case PyList l when key is PyInt ki:
                {
                    long i = ki.Value;
                    if (i < 0) i += l.Count;
                    if ((ulong)i >= (ulong)l.Count) throw IndexError("list assignment index out of range");
                    l.Items[i] = value;
                    return;
                }
            case PyDict d when o.GetType() == typeof(PyDict): d.Set(key, value); return;
        }
        var m = o.Type.Lookup("__setitem__");
        if (m != null) { CallMethod(m, o, key, value); return; }
        throw TypeError($"'{TypeName(o)}' object does not support item assignment");
    }

    public static void DelItem(PyObject o, PyObject key)
    {
        var m = o.Type.Lookup("__delitem__");
        if (m != null) { CallMethod(m, o, key); return; }
        throw TypeError($"'{TypeName(o)}' object doesn't support item deletion");
    }

    /// <summary>Normalises slice bounds for a sequence of the given length (PySlice_AdjustIndices).</summary>
    public static (long start, long stop, long step, long count) SliceIndices(PySlice s, long length)
    {
        long step = s.Step is PyNone ? 1 : SliceIndex(s.Step);
        if (step == 0) throw ValueError("slice step cannot be zero");
        long start, stop;
        long lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
        if (s.Start is PyNone) start = step < 0 ? upper : lower;
        else
        {
            start = SliceIndex(s.Start);
            if (start < 0) { start += length; if (start < lower) start = lower; }
            else if (start > upper) start = upper;
        }
        if (s.Stop is PyNone) stop = step < 0 ? lower : upper;
        else
        {
            stop = SliceIndex(s.Stop);
            if (stop < 0) { stop += length; if (stop < lower) stop = lower; }
            else if (stop > upper) stop = upper;
        }
        long count;
        if (step < 0) count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        else count = start < stop ? (stop - start - 1) / step + 1 : 0;
        return (start, stop, step, count);
    }

    private static long SliceIndex(PyObject o)
    {
        var iv = IntValue(o);
        if (iv is PyBigInt b) return b.Value.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2;
        if (iv is PyInt i) return i.Value;
        var m = o.Type.Lookup("__index__");
        if (m != null) return SliceIndex(CallMethod(m, o));
        throw TypeError("slice indices must be integers or None or have an __index__ method");
    }

    /// <summary>Unpacks an iterable into exactly <paramref name="n"/> values.</summary>
    public static PyObject[] Unpack(PyObject o, int n)
    {
        if (o is PyTuple t && t.Items.Length == n) return t.Items;
        if (o is PyList l && l.Count == n) return l.ToArray();
        var res = new PyObject[n];
        var it = GetIter(o);
        for (int i = 0; i < n; i++)
        {
            var v = Next(it);
            if (v == null) throw ValueError($"not enough values to unpack (expected {n}, got {i})");
            res[i] = v;
        }
        if (Next(it) != null)
        {
            throw ValueError($"too many values to unpack (expected {n})");
        }
        return res;
    }
}

/// <summary>types.GenericAlias for subscripted builtin classes (<c>list[int]</c>).</summary>
public sealed class GenericAlias(PyType origin, PyObject args) : PyObject
{
    public static readonly PyType AliasType = MakeType();
    public readonly PyType Origin = origin;
    public readonly PyObject Args = args;
    public override PyType Type => AliasType;

    private static PyType MakeType()
    {
        var t = new PyType("GenericAlias", [PyType.Object], PyType.TypeType, true);
        t.Dict.SetStr("__module__", new PyStr("types"));
        t.Def("__repr__", a =>
        {
            var g = (GenericAlias)a;
            string R(PyObject x) => x is PyType pt ? (pt.IsBuiltin ? pt.Name : Ops.StrString(pt.Dict.GetStr("__module__") ?? PyStr.Empty) + "." + pt.QualName) : x is PyEllipsis ? "..." : Ops.ReprString(x);
            var args = g.Args is PyTuple tu ? string.Join(", ", Array.ConvertAll(tu.Items, R)) : R(g.Args);
            return new PyStr($"{g.Origin.Name}[{args}]");
        });
        t.DefN("__call__", (a, k) => Ops.Call(((GenericAlias)a[0]).Origin, a[1..], k));
        t.Prop("__origin__", a => ((GenericAlias)a).Origin);
        t.Prop("__args__", a => ((GenericAlias)a).Args is PyTuple tu ? tu : PyTuple.Of(((GenericAlias)a).Args));
        t.DefN("__mro_entries__", (a, k) => PyTuple.Of(((GenericAlias)a[0]).Origin));
        return t;
    }
}
