using System.Text;

namespace PySharp.Interpreter;

public static class SeqOps
{
    public static PyObject? ListMul(PyList l, PyObject n)
    {
        if (Ops.IntValue(n) == null && n.Type.Lookup("__index__") == null) return null;
        long k = Ops.Index(n);
        if (k <= 0 || l.Count == 0) return new PyList();
        if (k * l.Count > int.MaxValue) throw Ops.Error(Exc.MemoryError, "");
        var r = new PyList((int)(k * l.Count));
        for (long i = 0; i < k; i++) r.AddRange(l.Items, l.Count);
        return r;
    }

    public static PyObject[] Repeat(PyObject[] items, long k)
    {
        if (k <= 0 || items.Length == 0) return [];
        var r = new PyObject[items.Length * k];
        for (long i = 0; i < k; i++) Array.Copy(items, 0, r, i * items.Length, items.Length);
        return r;
    }

    /// <summary>Stable merge sort with Python's &lt; (and optional key / reverse).</summary>
    public static void Sort(PyObject[] items, int n, PyObject? key, bool reverse)
    {
        var keys = items;
        if (key != null && key != PyNone.Instance)
        {
            keys = new PyObject[n];
            for (int i = 0; i < n; i++) keys[i] = Ops.Call(key, items[i]);
        }
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        if (reverse) Array.Reverse(idx);
        var tmp = new int[n];
        MergeSort(idx, tmp, 0, n, keys);
        if (reverse) Array.Reverse(idx);
        var copy = new PyObject[n];
        for (int i = 0; i < n; i++) copy[i] = items[idx[i]];
        Array.Copy(copy, items, n);
    }

    private static void MergeSort(int[] a, int[] tmp, int lo, int hi, PyObject[] keys)
    {
        if (hi - lo < 2) return;
        if (hi - lo <= 16)
        {
            for (int i = lo + 1; i < hi; i++)
            {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && Ops.LessThan(keys[v], keys[a[j]])) { a[j + 1] = a[j]; j--; }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) / 2;
        MergeSort(a, tmp, lo, mid, keys);
        MergeSort(a, tmp, mid, hi, keys);
        if (!Ops.LessThan(keys[a[mid]], keys[a[mid - 1]])) return;
        int p = lo, q = mid, k = lo;
        while (p < mid && q < hi)
        {
            if (Ops.LessThan(keys[a[q]], keys[a[p]])) tmp[k++] = a[q++];
            else tmp[k++] = a[p++];
        }
        while (p < mid) tmp[k++] = a[p++];
        while (q < hi) tmp[k++] = a[q++];
        Array.Copy(tmp, lo, a, lo, hi - lo);
    }

    public static int CompareSeq(PyObject[] a, int na, PyObject[] b, int nb, int op)
    {
        int n = Math.Min(na, nb);
        for (int i = 0; i < n; i++)
        {
            if (!Ops.EqBool(a[i], b[i]))
            {
                if (op == 0) return 0;
                if (op == 1) return 1;
                return Ops.IsTrue(Ops.RichCompare(a[i], b[i], op)) ? 1 : 0;
            }
        }
        return Ops.CmpLong(na, nb, op) ? 1 : 0;
    }
}

public static partial class TypeInit
{
    internal static PyList L(PyObject o) => o as PyList ?? (o as PyInstance)?.BaseValue as PyList ?? throw Ops.TypeError($"descriptor for 'list' objects doesn't apply to a '{Ops.TypeName(o)}' object");
    internal static PyTuple T(PyObject o) => o as PyTuple ?? (o as PyInstance)?.BaseValue as PyTuple ?? throw Ops.TypeError($"descriptor requires a 'tuple' object but received a '{Ops.TypeName(o)}'");

    private static void InitSeq()
    {
        var l = PyType.List;
        l.DefStatic("__new__", (a, k) => TypeOps.WrapForSubclass((PyType)a[0], PyType.List, new PyList()));
        l.DefN("__init__", (a, k) =>
        {
            var self = L(a[0]);
            self.Count = 0;
            self.Items = [];
            if (a.Length > 1) Ops.ListExtend(self, a[1]);
            return PyNone.Instance;
        });
        l.Def("__len__", a => PyInt.Get(L(a).Count));
        l.Def("__iter__", a => new ListIter(L(a)));
        l.Def("__reversed__", a => new ReverseListIter(L(a)));
        l.Def("__repr__", a => new PyStr(Ops.ListRepr(L(a))));
        l.Def("__contains__", (a, x) => PyBool.Of(Ops.Contains(L(a), x)));
        l.Dict.SetStr("__hash__", PyNone.Instance);
        l.Def("__getitem__", (a, key) =>
        {
            var self = L(a);
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, self.Count);
                var r = new PyObject[count];
                for (long i = 0, j = start; i < count; i++, j += step) r[i] = self.Items[j];
                return new PyList(r);
            }
            if (Ops.IntValue(key) == null && key.Type.Lookup("__index__") == null) throw Ops.TypeError($"list indices must be integers or slices, not {Ops.TypeName(key)}");
            return Ops.GetItem(self, Ops.IndexObj(key) is PyInt pi ? pi : throw Ops.IndexError("cannot fit 'int' into an index-sized integer"));
        });
        l.Def("__setitem__", (a, key, v) =>
        {
            var self = L(a);
            if (key is PySlice sl)
            {
                var src = Ops.ToArray(v == a ? PyTuple.Of(self.ToArray()) : v);
                var (start, stop, step, count) = Ops.SliceIndices(sl, self.Count);
                if (step == 1)
                {
                    if (stop < start) stop = start;
                    var items = new List<PyObject>(self.ToArray());
                    items.RemoveRange((int)start, (int)(stop - start));
                    items.InsertRange((int)start, src);
                    self.Items = items.ToArray();
                    self.Count = self.Items.Length;
                    return PyNone.Instance;
                }
                if (src.Length != count) throw Ops.ValueError($"attempt to assign sequence of size {src.Length} to extended slice of size {count}");
                for (long i = 0, j = start; i < count; i++, j += step) self.Items[j] = src[i];
                return PyNone.Instance;
            }
            if (Ops.IntValue(key) == null && key.Type.Lookup("__index__") == null) throw Ops.TypeError($"list indices must be integers or slices, not {Ops.TypeName(key)}");
            Ops.SetItem(self, PyInt.Get(Ops.Index(key)), v);
            return PyNone.Instance;
        });
        l.Def("__delitem__", (a, key) =>
        {
            var self = L(a);
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, self.Count);
                var del = new HashSet<long>();
                for (long i = 0, j = start; i < count; i++, j += step) del.Add(j);
                var keep = new List<PyObject>();
                for (int i = 0; i < self.Count; i++) if (!del.Contains(i)) keep.Add(self.Items[i]);
                self.Items = keep.ToArray();
                self.Count = self.Items.Length;
                return PyNone.Instance;
            }
            long ix = Ops.Index(key);
            if (ix < 0) ix += self.Count;
            if (ix < 0 || ix >= self.Count) throw Ops.IndexError("list assignment index out of range");
            self.RemoveAt((int)ix);
            return PyNone.Instance;
        });
        l.Def("__add__", (a, b) =>
        {
            var x = L(a);
            var y = b as PyList ?? (b as PyInstance)?.BaseValue as PyList;
            if (y == null) throw Ops.TypeError($"can only concatenate list (not \"{Ops.TypeName(b)}\") to list");
            var r = new PyList(x.Count + y.Count);
            r.AddRange(x.Items, x.Count);
            r.AddRange(y.Items, y.Count);
            return r;
        });
        l.Def("__iadd__", (a, b) => { Ops.ListExtend(L(a), b); return a; });
        l.Def("__mul__", (a, n) => SeqOps.ListMul(L(a), n) ?? PyNotImplemented.Instance);
        l.Def("__rmul__", (a, n) => SeqOps.ListMul(L(a), n) ?? PyNotImplemented.Instance);
        l.Def("__imul__", (a, n) =>
        {
            var self = L(a);
            var r = (PyList?)SeqOps.ListMul(self, n) ?? throw Ops.TypeError("can't multiply sequence by non-int");
            self.Items = r.Items; self.Count = r.Count;
            return a;
        });
        for (int op = 0; op < 6; op++)
        {
            int o = op;
            l.Def(Ops.CmpNames[op], (a, b) =>
            {
                var y = b as PyList ?? (b as PyInstance)?.BaseValue as PyList;
                if (y == null) return PyNotImplemented.Instance;
                var x = L(a);
                return PyBool.Of(SeqOps.CompareSeq(x.Items, x.Count, y.Items, y.Count, o) != 0);
            });
        }
        l.Def("append", (a, x) => { L(a).Append(x); return PyNone.Instance; });
        l.Def("extend", (a, x) => { Ops.ListExtend(L(a), x); return PyNone.Instance; });
        l.Def("insert", (a, i, x) =>
        {
            var self = L(a);
            long ix = Ops.Index(i);
            if (ix < 0) ix = Math.Max(0, ix + self.Count);
            if (ix > self.Count) ix = self.Count;
            self.Insert((int)ix, x);
            return PyNone.Instance;
        });
        l.DefN("pop", (a, k) =>
        {
            var self = L(a[0]);
            if (self.Count == 0) throw Ops.IndexError("pop from empty list");
            long ix = a.Length > 1 ? Ops.Index(a[1]) : self.Count - 1;
            if (ix < 0) ix += self.Count;
            if (ix < 0 || ix >= self.Count) throw Ops.IndexError("pop index out of range");
            var v = self.Items[ix];
            self.RemoveAt((int)ix);
            return v;
        });
        l.Def("remove", (a, x) =>
        {
            var self = L(a);
            for (int i = 0; i < self.Count; i++)
                if (Ops.EqBool(self.Items[i], x)) { self.RemoveAt(i); return PyNone.Instance; }
            throw Ops.ValueError("list.remove(x): x not in list");
        });
        l.DefN("index", (a, k) =>
        {
            ArgParser.Count("index", a, 1, 3, skip: 1);
            var self = L(a[0]);
            long start = a.Length > 2 ? Ops.Index(a[2]) : 0, stop = a.Length > 3 ? Ops.Index(a[3]) : self.Count;
            if (start < 0) start = Math.Max(0, start + self.Count);
            if (stop < 0) stop = Math.Max(0, stop + self.Count);
            for (long i = start; i < Math.Min(stop, self.Count); i++)
                if (Ops.EqBool(self.Items[i], a[1])) return PyInt.Get(i);
            throw Ops.ValueError($"{Ops.ReprString(a[1])} is not in list");
        });
        l.Def("count", (a, x) =>
        {
            var self = L(a);
            long n = 0;
            for (int i = 0; i < self.Count; i++) if (Ops.EqBool(self.Items[i], x)) n++;
            return PyInt.Get(n);
        });
        l.Def("clear", a => { var s = L(a); s.Items = []; s.Count = 0; return PyNone.Instance; });
        l.Def("copy", a => new PyList(L(a).ToArray()));
        l.Def("reverse", a => { var s = L(a); Array.Reverse(s.Items, 0, s.Count); return PyNone.Instance; });
        l.DefN("sort", (a, k) =>
        {
            var p = ArgParser.Parse("sort", a, k, ["key", "reverse"], 0, skip: 1, maxPos: 0);
            var self = L(a[0]);
            var items = self.Items; int n = self.Count;
            self.Items = []; self.Count = 0;
            try { SeqOps.Sort(items, n, p[0], p[1] != null && Ops.IsTrue(p[1]!)); }
            finally
            {
                if (self.Count > 0) { self.Items = items; self.Count = n; throw Ops.ValueError("list modified during sort"); }
                self.Items = items; self.Count = n;
            }
            return PyNone.Instance;
        });
        l.DefClass("__class_getitem__", (a, k) => new GenericAlias((PyType)a[0], a[1]));

        var t = PyType.Tuple;
        t.DefStatic("__new__", (a, k) =>
        {
            if (a.Length > 1 && a[1] is PyTuple at && (PyType)a[0] == PyType.Tuple) return at;
            var r = a.Length > 1 ? PyTuple.Of(Ops.ToList(a[1]).ToArray()) : PyTuple.Empty;
            return TypeOps.WrapForSubclass((PyType)a[0], PyType.Tuple, r);
        });
        t.Def("__len__", a => PyInt.Get(T(a).Items.Length));
        t.Def("__iter__", a => new ArrayIter(T(a).Items));
        t.Def("__repr__", a => new PyStr(Ops.TupleRepr(T(a))));
        t.Def("__hash__", a => PyInt.Get(Ops.TupleHash(T(a).Items)));
        t.Def("__contains__", (a, x) => PyBool.Of(Ops.Contains(T(a), x)));
        t.Def("__getitem__", (a, key) =>
        {
            var self = T(a);
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, self.Items.Length);
                var r = new PyObject[count];
                for (long i = 0, j = start; i < count; i++, j += step) r[i] = self.Items[j];
                return PyTuple.Of(r);
            }
            if (Ops.IntValue(key) == null && key.Type.Lookup("__index__") == null) throw Ops.TypeError($"tuple indices must be integers or slices, not {Ops.TypeName(key)}");
            return Ops.GetItem(self, PyInt.Get(Ops.Index(key)));
        });
        t.Def("__add__", (a, b) =>
        {
            var y = b as PyTuple ?? (b as PyInstance)?.BaseValue as PyTuple;
            if (y == null) throw Ops.TypeError($"can only concatenate tuple (not \"{Ops.TypeName(b)}\") to tuple");
            var x = T(a);
            var r = new PyObject[x.Items.Length + y.Items.Length];
            x.Items.CopyTo(r, 0); y.Items.CopyTo(r, x.Items.Length);
            return PyTuple.Of(r);
        });
        t.Def("__mul__", (a, n) => Ops.IntValue(n) == null ? PyNotImplemented.Instance : PyTuple.Of(SeqOps.Repeat(T(a).Items, Ops.Index(n))));
        t.Def("__rmul__", (a, n) => Ops.IntValue(n) == null ? PyNotImplemented.Instance : PyTuple.Of(SeqOps.Repeat(T(a).Items, Ops.Index(n))));
        for (int op = 0; op < 6; op++)
        {
            int o = op;
            t.Def(Ops.CmpNames[op], (a, b) =>
            {
                var y = b as PyTuple ?? (b as PyInstance)?.BaseValue as PyTuple;
                if (y == null) return PyNotImplemented.Instance;
                var x = T(a);
                return PyBool.Of(SeqOps.CompareSeq(x.Items, x.Items.Length, y.Items, y.Items.Length, o) != 0);
            });
        }
        t.DefN("index", (a, k) =>
        {
            var self = T(a[0]);
            for (int i = 0; i < self.Items.Length; i++) if (Ops.EqBool(self.Items[i], a[1])) return PyInt.Get(i);
            throw Ops.ValueError("tuple.index(x): x not in tuple");
        });
        t.Def("count", (a, x) => { long n = 0; foreach (var v in T(a).Items) if (Ops.EqBool(v, x)) n++; return PyInt.Get(n); });
        t.Def("__getnewargs__", a => PyTuple.Of(T(a)));
        t.DefClass("__class_getitem__", (a, k) => new GenericAlias((PyType)a[0], a[1]));

        var r = PyType.Range;
        r.DefStatic("__new__", (a, k) =>
        {
            ArgParser.NoKw("range", k);
            if (a.Length < 2) throw Ops.TypeError("range expected at least 1 argument, got 0");
            if (a.Length > 4) throw Ops.TypeError($"range expected at most 3 arguments, got {a.Length - 1}");
            long start = 0, stop, step = 1;
            if (a.Length == 2) stop = RangeArg(a[1]);
            else { start = RangeArg(a[1]); stop = RangeArg(a[2]); if (a.Length == 4) step = RangeArg(a[3]); }
            if (step == 0) throw Ops.ValueError("range() arg 3 must not be zero");
            return new PyRange(start, stop, step);
        });
        r.Def("__len__", a => PyInt.Get(((PyRange)a).Length));
        r.Def("__iter__", a => { var x = (PyRange)a; return new RangeIter(x.Start, x.Step, x.Length); });
        r.Def("__reversed__", a => { var x = (PyRange)a; long n = x.Length; return new RangeIter(x.Start + (n - 1) * x.Step, -x.Step, n); });
        r.Def("__repr__", a =>
        {
            var x = (PyRange)a;
            return new PyStr(x.Step == 1 ? $"range({x.Start}, {x.Stop})" : $"range({x.Start}, {x.Stop}, {x.Step})");
        });
        r.Def("__contains__", (a, x) =>
        {
            if (x is PyInt || x is PyBool) return PyBool.Of(Ops.Contains(a, Ops.IntValue(x)!));
            var rr = (PyRange)a;
            var it = new RangeIter(rr.Start, rr.Step, rr.Length);
            while (it.Next() is { } v) if (Ops.EqBool(v, x)) return PyBool.True;
            return PyBool.False;
        });
        r.Def("__getitem__", (a, key) =>
        {
            var x = (PyRange)a;
            long n = x.Length;
            if (key is PySlice sl)
            {
                var (start, stop, step, _) = Ops.SliceIndices(sl, n);
                return new PyRange(x.Start + start * x.Step, x.Start + stop * x.Step, x.Step * step);
            }
            long i = Ops.Index(key);
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw Ops.IndexError("range object index out of range");
            return PyInt.Get(x.Start + i * x.Step);
        });
        r.Def("__eq__", (a, b) =>
        {
            if (b is not PyRange y) return PyNotImplemented.Instance;
            var x = (PyRange)a;
            long n = x.Length;
            if (n != y.Length) return PyBool.False;
            if (n == 0) return PyBool.True;
            if (x.Start != y.Start) return PyBool.False;
            return PyBool.Of(n == 1 || x.Step == y.Step);
        });
        r.Def("__hash__", a => { var x = (PyRange)a; return PyInt.Get(Ops.TupleHash([PyInt.Get(x.Length), PyInt.Get(x.Start), PyInt.Get(x.Step)])); });
        r.Def("index", (a, v) =>
        {
            var x = (PyRange)a;
            if (!Ops.Contains(a, v)) throw Ops.ValueError($"{Ops.ReprString(v)} is not in range");
            return PyInt.Get((Ops.Index(v) - x.Start) / x.Step);
        });
        r.Def("count", (a, v) => PyInt.Get(Ops.Contains(a, v) ? 1 : 0));
        r.Prop("start", a => PyInt.Get(((PyRange)a).Start));
        r.Prop("stop", a => PyInt.Get(((PyRange)a).Stop));
        r.Prop("step", a => PyInt.Get(((PyRange)a).Step));

        var s = PyType.Slice;
        s.DefStatic("__new__", (a, k) =>
        {
            if (a.Length == 2) return new PySlice(PyNone.Instance, a[1], PyNone.Instance);
            if (a.Length == 3) return new PySlice(a[1], a[2], PyNone.Instance);
            if (a.Length == 4) return new PySlice(a[1], a[2], a[3]);
            throw Ops.TypeError("slice expected at least 1 argument, got 0");
        });
        s.Def("__repr__", a => { var x = (PySlice)a; return new PyStr($"slice({Ops.ReprString(x.Start)}, {Ops.ReprString(x.Stop)}, {Ops.ReprString(x.Step)})"); });
        s.Prop("start", a => ((PySlice)a).Start);
        s.Prop("stop", a => ((PySlice)a).Stop);
        s.Prop("step", a => ((PySlice)a).Step);
        s.Def("indices", (a, n) =>
        {
            var (st, sp, stp, _) = Ops.SliceIndices((PySlice)a, Ops.Index(n));
            return PyTuple.Of(PyInt.Get(st), PyInt.Get(sp), PyInt.Get(stp));
        });
        s.Def("__eq__", (a, b) => b is PySlice y ? PyBool.Of(Ops.EqBool(PyTuple.Of(((PySlice)a).Start, ((PySlice)a).Stop, ((PySlice)a).Step), PyTuple.Of(y.Start, y.Stop, y.Step))) : PyNotImplemented.Instance);
        s.Dict.SetStr("__hash__", PyNone.Instance);

        BytesOps.InitBytes();
        BytesMethods.Init();
    }

    private static long RangeArg(PyObject o)
    {
        var iv = Ops.IntValue(o);
        if (iv is PyInt pi) return pi.Value;
        if (iv is PyBigInt) throw Ops.OverflowError("Python int too large to convert to C ssize_t");
        if (o.Type.Lookup("__index__") != null) return Ops.Index(o);
        throw Ops.TypeError($"'{Ops.TypeName(o)}' object cannot be interpreted as an integer");
    }
}
