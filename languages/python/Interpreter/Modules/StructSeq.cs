namespace PySharp.Interpreter;

/// <summary>
/// Struct sequences (CPython's structseq): tuple subclasses whose items also have names, such
/// as sys.version_info, sys.float_info and time.struct_time. Values are tuple instances with
/// the visible fields as items; extra fields (struct_time's tm_zone) are attributes only.
/// </summary>
internal static class StructSeq
{
    /// <summary>A struct sequence type <paramref name="module"/>.<paramref name="name"/> with <paramref name="visible"/> items.</summary>
    public static PyType MakeType(string module, string name, string[] fields, int visible = -1)
    {
        if (visible < 0) visible = fields.Length;
        int n = visible;
        var t = new PyType(name, [PyType.Tuple], PyType.TypeType, true);
        t.Dict.SetStr("__module__", new PyStr(module));
        t.Dict.SetStr("n_sequence_fields", PyInt.Get(n));
        t.Dict.SetStr("n_fields", PyInt.Get(fields.Length));
        t.Dict.SetStr("n_unnamed_fields", PyInt.Zero);
        var names = new PyObject[n];
        for (int i = 0; i < n; i++) names[i] = new PyStr(fields[i]);
        t.Dict.SetStr("__match_args__", PyTuple.Of(names));
        for (int i = 0; i < fields.Length; i++)
        {
            int at = i;
            if (i < n) t.Prop(fields[i], s => Items(s)[at]);
            else t.Prop(fields[i], s => ((PyInstance)s).GetAttr("_" + fields[at]) ?? PyNone.Instance);
        }
        t.Def("__repr__", s =>
        {
            var items = Items(s);
            var parts = new string[items.Length];
            for (int i = 0; i < items.Length; i++) parts[i] = fields[i] + "=" + Ops.ReprString(items[i]);
            return new PyStr(module + "." + name + "(" + string.Join(", ", parts) + ")");
        });
        t.DefStatic("__new__", (a, k) =>
        {
            var cls = (PyType)a[0];
            var seq = Ops.ToList(a.Length > 1 ? a[1] : throw Ops.TypeError($"{module}.{name}() missing required argument 'sequence' (pos 1)"));
            if (seq.Count < n)
                throw Ops.TypeError($"{module}.{name}() takes an at least {n}-sequence ({seq.Count}-sequence given)");
            if (seq.Count > fields.Length)
                throw Ops.TypeError($"{module}.{name}() takes an at most {fields.Length}-sequence ({seq.Count}-sequence given)");
            var r = Make(cls, seq.GetRange(0, n).ToArray());
            for (int i = n; i < seq.Count; i++) ((PyInstance)r).SetAttr("_" + fields[i], seq[i]);
            return r;
        });
        t.Def("__reduce__", s => PyTuple.Of(s.Type, PyTuple.Of(Items(s))));
        return t;
    }

    private static PyObject[] Items(PyObject s) => ((PyTuple)((PyInstance)s).BaseValue!).Items;

    public static PyObject Make(PyType t, params PyObject[] values) => new PyInstance(t) { BaseValue = PyTuple.Of(values) };
}
