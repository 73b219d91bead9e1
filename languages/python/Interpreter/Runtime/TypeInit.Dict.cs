namespace PySharp.Interpreter;

/// <summary>dict_keys / dict_values / dict_items.</summary>
public sealed class DictView(PyDict d, int kind) : PyObject
{
    public readonly PyDict Dict = d;
    public readonly int Kind = kind;
    public override PyType Type => Kind switch { 0 => PyType.DictKeys, 1 => PyType.DictValues, _ => PyType.DictItems };
}

public static class DictOps
{
    public static PyDict D(PyObject o) => o as PyDict ?? (o as PyInstance)?.BaseValue as PyDict ?? throw Ops.TypeError($"descriptor requires a 'dict' object but received a '{Ops.TypeName(o)}'");

    public static void UpdateFrom(PyDict d, PyObject src)
    {
        if (src is PyDict sd && src.GetType() == typeof(PyDict)) { d.Update(sd); return; }
        if (src is PyInstance { BaseValue: PyDict } && src.Type.Lookup("keys") is PyBuiltin) { d.Update(D(src)); return; }
        var keys = Ops.GetAttrOrNull(src, "keys");
        if (keys != null)
        {
            foreach (var k in Ops.ToList(Ops.Call(keys))) d.Set(k, Ops.GetItem(src, k));
            return;
        }
        int i = 0;
        foreach (var item in Ops.ToList(src))
        {
            PyObject[] kv;
            try { kv = Ops.ToArray(item); }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.TypeError))
            {
                throw Ops.TypeError($"cannot convert dictionary update sequence element #{i} to a sequence");
            }
            if (kv.Length != 2) throw Ops.ValueError($"dictionary update sequence element #{i} has length {kv.Length}; 2 is required");
            d.Set(kv[0], kv[1]);
            i++;
        }
    }

    public static PyDict FromMapping(PyObject m)
    {
        var d = new PyDict();
        UpdateFrom(d, m);
        return d;
    }
}

public static partial class TypeInit
{
    private static PyDict D(PyObject o) => DictOps.D(o);

    private static void InitDict()
    {
        var t = PyType.Dict_;
        t.DefStatic("__new__", (a, k) => TypeOps.WrapForSubclass((PyType)a[0], PyType.Dict_, new PyDict()));
        t.DefN("__init__", (a, k) =>
        {
            var d = D(a[0]);
            int nkw = k?.Length ?? 0;
            int npos = a.Length - 1 - nkw;
            if (npos > 1) throw Ops.TypeError($"dict expected at most 1 argument, got {npos}");
            if (npos == 1) DictOps.UpdateFrom(d, a[1]);
            for (int i = 0; i < nkw; i++) d.SetStr(k![i], a[a.Length - nkw + i]);
            return PyNone.Instance;
        });
        t.Def("__len__", a => PyInt.Get(D(a).Count));
        t.Def("__iter__", a => new DictIter(D(a), 0));
        t.Def("__reversed__", a => new ArrayIter(ReversedKeys(D(a))));
        t.Def("__repr__", a => new PyStr(Ops.DictRepr(D(a))));
        t.Def("__contains__", (a, k) => PyBool.Of(D(a).ContainsKey(k)));
        t.Dict.SetStr("__hash__", PyNone.Instance);
        t.Def("__getitem__", (a, k) =>
        {
            var v = D(a).Get(k);
            if (v != null) return v;
            if (a is PyInstance)
            {
                var missing = a.Type.Lookup("__missing__");
                if (missing != null) return Ops.CallMethod(missing, a, k);
            }
            throw Ops.KeyError(k);
        });
        t.Def("__setitem__", (a, k, v) => { D(a).Set(k, v); return PyNone.Instance; });
        t.Def("__delitem__", (a, k) => { if (!D(a).Remove(k)) throw Ops.KeyError(k); return PyNone.Instance; });
        t.Def("__eq__", (a, b) =>
        {
            var y = b as PyDict ?? (b as PyInstance)?.BaseValue as PyDict;
            if (y == null) return PyNotImplemented.Instance;
            return PyBool.Of(DictEq(D(a), y));
        });
        t.Def("__ne__", (a, b) =>
        {
            var y = b as PyDict ?? (b as PyInstance)?.BaseValue as PyDict;
            if (y == null) return PyNotImplemented.Instance;
            return PyBool.Of(!DictEq(D(a), y));
        });
        t.Def("__or__", (a, b) =>
        {
            var y = b as PyDict ?? (b as PyInstance)?.BaseValue as PyDict;
            if (y == null) return PyNotImplemented.Instance;
            var r = D(a).Copy();
            r.Update(y);
            return r;
        });
        t.Def("__ior__", (a, b) => { DictOps.UpdateFrom(D(a), b); return a; });
        t.Def("keys", a => new DictView(D(a), 0));
        t.Def("values", a => new DictView(D(a), 1));
        t.Def("items", a => new DictView(D(a), 2));
        t.DefN("get", (a, k) =>
        {
            ArgParser.Count("get", a, 1, 2, 1);
            return D(a[0]).Get(a[1]) ?? (a.Length > 2 ? a[2] : PyNone.Instance);
        }, (a, key) => D(a).Get(key) ?? PyNone.Instance, (a, key, dflt) => D(a).Get(key) ?? dflt);
        t.DefN("pop", (a, k) =>
        {
            ArgParser.Count("pop", a, 1, 2, 1);
            var v = D(a[0]).Pop(a[1]);
            if (v != null) return v;
            if (a.Length > 2) return a[2];
            throw Ops.KeyError(a[1]);
        });
        t.Def("popitem", a =>
        {
            var r = D(a).PopLast();
            if (r == null) throw Ops.KeyError(new PyStr("popitem(): dictionary is empty"));
            return PyTuple.Of(r.Value.Item1, r.Value.Item2);
        });
        t.DefN("setdefault", (a, k) =>
        {
            var d = D(a[0]);
            var v = d.Get(a[1]);
            if (v != null) return v;
            var def = a.Length > 2 ? a[2] : PyNone.Instance;
            d.Set(a[1], def);
            return def;
        });
        t.DefN("update", (a, k) =>
        {
            var d = D(a[0]);
            int nkw = k?.Length ?? 0;
            if (a.Length - nkw > 1) DictOps.UpdateFrom(d, a[1]);
            for (int i = 0; i < nkw; i++) d.SetStr(k![i], a[a.Length - nkw + i]);
            return PyNone.Instance;
        });
        t.Def("clear", a => { D(a).Clear(); return PyNone.Instance; });
        t.Def("copy", a => D(a).Copy());
        t.DefClass("fromkeys", (a, k) =>
        {
            ArgParser.Count("fromkeys", a, 1, 2, skip: 1);
            var cls = (PyType)a[0];
            var v = a.Length > 2 ? a[2] : PyNone.Instance;
            var r = Ops.Call(cls);
            foreach (var key in Ops.ToList(a[1])) Ops.SetItem(r, key, v);
            return r;
        });
        t.DefClass("__class_getitem__", (a, k) => new GenericAlias((PyType)a[0], a[1]));

        foreach (var vt in new[] { PyType.DictKeys, PyType.DictValues, PyType.DictItems })
        {
            vt.Def("__iter__", a => new DictIter(((DictView)a).Dict, ((DictView)a).Kind));
            vt.Def("__len__", a => PyInt.Get(((DictView)a).Dict.Count));
            vt.Def("__reversed__", a =>
            {
                var v = (DictView)a;
                var keys = ReversedKeys(v.Dict);
                if (v.Kind == 1) for (int i = 0; i < keys.Length; i++) keys[i] = v.Dict.Get(keys[i])!;
                if (v.Kind == 2) for (int i = 0; i < keys.Length; i++) keys[i] = PyTuple.Of(keys[i], v.Dict.Get(keys[i])!);
                return new ArrayIter(keys);
            });
            vt.Def("__repr__", a =>
            {
                var v = (DictView)a;
                return new PyStr(v.Type.Name + "(" + Ops.ListRepr(new PyList(ViewItems(v))) + ")");
            });
            vt.Def("__contains__", (a, x) =>
            {
                var v = (DictView)a;
                if (v.Kind == 0) return PyBool.Of(v.Dict.ContainsKey(x));
                if (v.Kind == 2)
                {
                    if (x is not PyTuple { Items.Length: 2 } tx) return PyBool.False;
                    var val = v.Dict.Get(tx.Items[0]);
                    return PyBool.Of(val != null && Ops.EqBool(val, tx.Items[1]));
                }
                return PyBool.Of(Ops.Contains(new PyList(ViewItems(v)), x));
            });
            if (vt != PyType.DictValues)
            {
                vt.Def("__eq__", (a, b) => PyBool.Of(SetEqual(ToSet(a), b is PySet bs ? bs : b is DictView ? ToSet(b) : null)));
                vt.Def("__and__", (a, b) => SetBinary(ToSet(a), ToSet(b), 1));
                vt.Def("__or__", (a, b) => SetBinary(ToSet(a), ToSet(b), 0));
                vt.Def("__sub__", (a, b) => SetBinary(ToSet(a), ToSet(b), 2));
                vt.Def("__xor__", (a, b) => SetBinary(ToSet(a), ToSet(b), 3));
                vt.Def("isdisjoint", (a, b) => { var s = ToSet(b); foreach (var x in Ops.ToList(a)) if (s.Contains(x)) return PyBool.False; return PyBool.True; });
            }
        }
    }

    private static PyObject[] ViewItems(DictView v)
    {
        var l = new List<PyObject>();
        var it = new DictIter(v.Dict, v.Kind);
        while (it.Next() is { } x) l.Add(x);
        return l.ToArray();
    }

    private static PyObject[] ReversedKeys(PyDict d)
    {
        var keys = d.KeyList();
        keys.Reverse();
        return keys.ToArray();
    }

    private static bool DictEq(PyDict a, PyDict b)
    {
        if (a.Count != b.Count) return false;
        int pos = 0;
        while (a.Next(ref pos, out var k, out var v))
        {
            var w = b.Get(k);
            if (w == null || !Ops.EqBool(v, w)) return false;
        }
        return true;
    }
}
