namespace PySharp.Interpreter;

public static partial class TypeInit
{
    internal static PySet Set(PyObject o) => o as PySet ?? (o as PyInstance)?.BaseValue as PySet ?? throw Ops.TypeError($"descriptor requires a 'set' object but received a '{Ops.TypeName(o)}'");

    internal static PySet ToSet(PyObject o)
    {
        if (o is PySet s) return s;
        if (o is PyInstance { BaseValue: PySet bs }) return bs;
        var r = new PySet();
        if (o is DictView dv && dv.Kind == 0) { foreach (var k in dv.Dict.KeyList()) r.Add(k); return r; }
        PyObject it = o is DictView dv2 ? new DictIter(dv2.Dict, dv2.Kind) : Ops.GetIter(o);
        while (Ops.Next(it) is { } x) r.Add(x);
        return r;
    }

    private static bool IsSetLike(PyObject o) => o is PySet || o is PyInstance { BaseValue: PySet } || o is DictView;

    internal static bool SetEqual(PySet a, PySet? b)
    {
        if (b == null || a.Count != b.Count) return false;
        foreach (var x in a.Items()) if (!b.Contains(x)) return false;
        return true;
    }

    /// <summary>0 union, 1 intersection, 2 difference, 3 symmetric difference.</summary>
    internal static PySet SetBinary(PySet a, PySet b, int op, bool frozen = false)
    {
        PySet r;
        switch (op)
        {
            case 0:
                r = a.Copy(frozen);
                r.Merge(b);
                return r;
            case 1:
                r = new PySet(frozen);
                if (a.Count > b.Count) { foreach (var x in b.Items()) if (a.Contains(x)) r.Add(x); }
                else foreach (var x in a.Items()) if (b.Contains(x)) r.Add(x);
                return r;
            case 2:
                if ((a.Count >> 2) > b.Count)
                {
                    r = a.Copy(frozen);
                    foreach (var x in b.Items()) r.Remove(x);
                    return r;
                }
                r = new PySet(frozen);
                foreach (var x in a.Items()) if (!b.Contains(x)) r.Add(x);
                return r;
            default:
                r = a.Copy(frozen);
                foreach (var x in b.Items()) { if (!r.Remove(x)) r.Add(x); }
                return r;
        }
    }

    private static void InitSet()
    {
        foreach (var t in new[] { PyType.Set, PyType.FrozenSet })
        {
            bool frozen = t == PyType.FrozenSet;
            string name = t.Name;
            t.DefStatic("__new__", (a, k) =>
            {
                var cls = (PyType)a[0];
                var s = new PySet(frozen);
                if (frozen && a.Length > 1) s.UpdateFrom(a[1]);
                if (frozen && a.Length > 1 && a[1] is PySet { Frozen: true } fs && cls == PyType.FrozenSet) return fs;
                return TypeOps.WrapForSubclass(cls, t, s);
            });
            if (!frozen)
                t.DefN("__init__", (a, k) =>
                {
                    var s = Set(a[0]);
                    s.Clear();
                    if (a.Length > 1) s.UpdateFrom(a[1]);
                    return PyNone.Instance;
                });
            t.Def("__len__", a => PyInt.Get(Set(a).Count));
            t.Def("__iter__", a => new SetIter(Set(a)));
            t.Def("__contains__", (a, x) =>
            {
                return PyBool.Of(Set(a).Contains(PySet.LookupKey(x)));
            });
            t.Def("__repr__", a =>
            {
                var s = Set(a);
                string tn = a.Type.Name;
                if (a is PyInstance) return new PyStr(Ops.SetRepr(s, tn) is var r && s.Count == 0 ? tn + "()" : tn + "(" + Ops.SetRepr(s, "set") + ")");
                return new PyStr(Ops.SetRepr(s, tn));
            });
            if (frozen) t.Def("__hash__", a => PyInt.Get(Ops.Hash(Set(a))));
            else t.Dict.SetStr("__hash__", PyNone.Instance);
            string[] ops = ["__or__", "__and__", "__sub__", "__xor__"];
            string[] rops = ["__ror__", "__rand__", "__rsub__", "__rxor__"];
            for (int op = 0; op < 4; op++)
            {
                int o = op;
                t.Def(ops[op], (a, b) => IsSetLike(b) ? SetBinary(Set(a), ToSet(b), o, Set(a).Frozen) : PyNotImplemented.Instance);
                t.Def(rops[op], (a, b) => IsSetLike(b) ? SetBinary(ToSet(b), Set(a), o, Set(a).Frozen) : PyNotImplemented.Instance);
            }
            t.Def("__eq__", (a, b) => IsSetLike(b) ? PyBool.Of(SetEqual(Set(a), ToSet(b))) : PyNotImplemented.Instance);
            t.Def("__ne__", (a, b) => IsSetLike(b) ? PyBool.Of(!SetEqual(Set(a), ToSet(b))) : PyNotImplemented.Instance);
            t.Def("__le__", (a, b) => IsSetLike(b) ? PyBool.Of(IsSubset(Set(a), ToSet(b))) : PyNotImplemented.Instance);
            t.Def("__lt__", (a, b) => IsSetLike(b) ? PyBool.Of(Set(a).Count < ToSet(b).Count && IsSubset(Set(a), ToSet(b))) : PyNotImplemented.Instance);
            t.Def("__ge__", (a, b) => IsSetLike(b) ? PyBool.Of(IsSubset(ToSet(b), Set(a))) : PyNotImplemented.Instance);
            t.Def("__gt__", (a, b) => IsSetLike(b) ? PyBool.Of(Set(a).Count > ToSet(b).Count && IsSubset(ToSet(b), Set(a))) : PyNotImplemented.Instance);
            t.DefN("union", (a, k) => { var r = Set(a[0]).Copy(Set(a[0]).Frozen); for (int i = 1; i < a.Length; i++) r.UpdateFrom(a[i]); return r; });
            t.DefN("intersection", (a, k) => { var r = Set(a[0]).Copy(Set(a[0]).Frozen); for (int i = 1; i < a.Length; i++) r = SetBinary(r, ToSet(a[i]), 1, r.Frozen); return r; });
            t.DefN("difference", (a, k) => { var r = Set(a[0]).Copy(Set(a[0]).Frozen); for (int i = 1; i < a.Length; i++) r = SetBinary(r, ToSet(a[i]), 2, r.Frozen); return r; });
            t.Def("symmetric_difference", (a, b) => SetBinary(Set(a), ToSet(b), 3, Set(a).Frozen));
            t.Def("issubset", (a, b) => PyBool.Of(IsSubset(Set(a), ToSet(b))));
            t.Def("issuperset", (a, b) => PyBool.Of(IsSubset(ToSet(b), Set(a))));
            t.Def("isdisjoint", (a, b) => { var s = Set(a); foreach (var x in Ops.ToList(b)) if (s.Contains(x)) return PyBool.False; return PyBool.True; });
            t.Def("copy", a => frozen && a is PySet ? a : Set(a).Copy(frozen));
            if (frozen) continue;
            t.Def("add", (a, x) => { Set(a).Add(x); return PyNone.Instance; });
            t.Def("remove", (a, x) => { if (!Set(a).Remove(PySet.LookupKey(x))) throw Ops.KeyError(x); return PyNone.Instance; });
            t.Def("discard", (a, x) => { Set(a).Remove(PySet.LookupKey(x)); return PyNone.Instance; });
            t.Def("pop", a => Set(a).PopAny());
            t.Def("clear", a => { Set(a).Clear(); return PyNone.Instance; });
            t.DefN("update", (a, k) => { var s = Set(a[0]); for (int i = 1; i < a.Length; i++) s.UpdateFrom(a[i]); return PyNone.Instance; });
            t.DefN("intersection_update", (a, k) => { var s = Set(a[0]); var r = s; for (int i = 1; i < a.Length; i++) r = SetBinary(r, ToSet(a[i]), 1); s.Clear(); foreach (var x in r.Items()) s.Add(x); return PyNone.Instance; });
            t.DefN("difference_update", (a, k) => { var s = Set(a[0]); for (int i = 1; i < a.Length; i++) foreach (var x in Ops.ToList(a[i])) s.Remove(x); return PyNone.Instance; });
            t.Def("symmetric_difference_update", (a, b) => { var s = Set(a); foreach (var x in ToSet(b).Items()) { if (!s.Remove(x)) s.Add(x); } return PyNone.Instance; });
            t.Def("__ior__", (a, b) => { if (!IsSetLike(b)) return PyNotImplemented.Instance; Set(a).UpdateFrom(ToSet(b)); return a; });
            t.Def("__iand__", (a, b) => { if (!IsSetLike(b)) return PyNotImplemented.Instance; var s = Set(a); var r = SetBinary(s, ToSet(b), 1); s.Clear(); foreach (var x in r.Items()) s.Add(x); return a; });
            t.Def("__isub__", (a, b) => { if (!IsSetLike(b)) return PyNotImplemented.Instance; var s = Set(a); foreach (var x in ToSet(b).Items()) s.Remove(x); return a; });
            t.Def("__ixor__", (a, b) => { if (!IsSetLike(b)) return PyNotImplemented.Instance; var s = Set(a); foreach (var x in ToSet(b).Items()) { if (!s.Remove(x)) s.Add(x); } return a; });
        }
    }

    private static bool IsSubset(PySet a, PySet b)
    {
        if (a.Count > b.Count) return false;
        foreach (var x in a.Items()) if (!b.Contains(x)) return false;
        return true;
    }
}
