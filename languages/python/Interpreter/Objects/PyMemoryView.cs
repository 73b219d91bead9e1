namespace PySharp.Interpreter;

/// <summary>
/// memoryview (basic): a one-dimensional view of unsigned bytes ('B') over a bytes or bytearray,
/// with indexing, slicing (any step), tobytes/tolist/hex, comparison and writes through to a
/// bytearray. The view reads its exporter on every access, so bytearray changes show.
/// </summary>
public sealed class PyMemoryView : PyObject
{
    public static readonly PyType MemoryViewType = new("memoryview", [PyType.Object], PyType.TypeType, true);
    public readonly PyObject Obj;
    private readonly long _start, _step, _count;
    private bool _released;

    private PyMemoryView(PyObject obj, long start, long step, long count) { Obj = obj; _start = start; _step = step; _count = count; }
    public override PyType Type => MemoryViewType;

    private bool ReadOnly => Obj is not PyByteArray;

    private void Check()
    {
        if (_released) throw Ops.ValueError("operation forbidden on released memoryview object");
    }

    private byte At(long i) => Obj is PyByteArray ba ? ba.Value[(int)(_start + i * _step)] : ((PyBytes)Obj).Value[_start + i * _step];

    /// <summary>The viewed bytes, copied.</summary>
    public byte[] ToArray()
    {
        Check();
        var r = new byte[_count];
        for (long i = 0; i < _count; i++) r[i] = At(i);
        return r;
    }

    private long Index(PyObject key)
    {
        long ix = Ops.Index(key);
        if (ix < 0) ix += _count;
        if (ix < 0 || ix >= _count) throw Ops.IndexError("index out of bounds on dimension 1");
        return ix;
    }

    static PyMemoryView()
    {
        var t = MemoryViewType;
        t.DefStatic("__new__", (a, k) =>
        {
            var p = ArgParser.Parse("memoryview", a, k, ["object"], 1, skip: 1);
            var o = p[0]!;
            if (o is PyMemoryView mv) { mv.Check(); return new PyMemoryView(mv.Obj, mv._start, mv._step, mv._count); }
            if (o is PyInstance { BaseValue: PyBytes pb }) o = pb;
            if (o is PyBytes b) return new PyMemoryView(o, 0, 1, b.Value.Length);
            if (o is PyByteArray ba) return new PyMemoryView(o, 0, 1, ba.Value.Count);
            throw Ops.TypeError($"memoryview: a bytes-like object is required, not '{Ops.TypeName(o)}'");
        });
        t.Def("__len__", s => { var m = (PyMemoryView)s; m.Check(); return PyInt.Get(m._count); });
        t.Def("__getitem__", (s, key) =>
        {
            var m = (PyMemoryView)s;
            m.Check();
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, m._count);
                return new PyMemoryView(m.Obj, m._start + start * m._step, m._step * step, count);
            }
            return PyInt.Get(m.At(m.Index(key)));
        });
        t.Def("__setitem__", (s, key, v) =>
        {
            var m = (PyMemoryView)s;
            m.Check();
            if (m.ReadOnly) throw Ops.TypeError("cannot modify read-only memory");
            var dst = ((PyByteArray)m.Obj).Value;
            if (key is PySlice sl)
            {
                var (start, _, step, count) = Ops.SliceIndices(sl, m._count);
                var src = BytesOps.ToBytes(v is PyMemoryView vm ? new PyBytes(vm.ToArray()) : v);
                if (src.Length != count) throw Ops.ValueError("memoryview assignment: lvalue and rvalue have different structures");
                for (long i = 0; i < count; i++) dst[(int)(m._start + (start + i * step) * m._step)] = src[i];
                return PyNone.Instance;
            }
            long b = Ops.Index(v);
            if (b < 0 || b > 255) throw Ops.ValueError("memoryview: invalid value for format 'B'");
            dst[(int)(m._start + m.Index(key) * m._step)] = (byte)b;
            return PyNone.Instance;
        });
        t.Def("__iter__", s => new BytesIter(((PyMemoryView)s).ToArray()));
        t.Def("tobytes", s => new PyBytes(((PyMemoryView)s).ToArray()));
        t.Def("__bytes__", s => new PyBytes(((PyMemoryView)s).ToArray()));
        t.Def("tolist", s =>
        {
            var b = ((PyMemoryView)s).ToArray();
            var l = new PyList();
            foreach (var x in b) l.Append(PyInt.Get(x));
            return l;
        });
        t.DefN("hex", (a, k) => new PyStr(Convert.ToHexString(((PyMemoryView)a[0]).ToArray()).ToLowerInvariant()));
        t.Def("release", s => { ((PyMemoryView)s)._released = true; return PyNone.Instance; });
        t.Def("toreadonly", s => { var m = (PyMemoryView)s; m.Check(); return new PyMemoryView(new PyBytes(m.ToArray()), 0, 1, m._count); });
        t.Def("__enter__", s => { ((PyMemoryView)s).Check(); return s; });
        t.DefN("__exit__", (a, k) => { ((PyMemoryView)a[0])._released = true; return PyNone.Instance; });
        t.Def("__eq__", (s, o) =>
        {
            var m = (PyMemoryView)s;
            if (m._released || o is PyMemoryView { _released: true }) return PyBool.Of(ReferenceEquals(s, o));
            byte[] other;
            if (o is PyMemoryView om) other = om.ToArray();
            else if (o is PyBytes or PyByteArray or PyInstance { BaseValue: PyBytes }) other = BytesOps.ToBytes(o);
            else return PyNotImplemented.Instance;
            return PyBool.Of(m.ToArray().AsSpan().SequenceEqual(other));
        });
        t.Def("__hash__", s =>
        {
            var m = (PyMemoryView)s;
            if (!m.ReadOnly) throw Ops.ValueError("cannot hash writable memoryview object");
            return PyInt.Get(Ops.Hash(new PyBytes(m.ToArray())));
        });
        t.Def("__repr__", s => new PyStr($"<{(((PyMemoryView)s)._released ? "released " : "")}memory at 0x{Ops.Id(s):x12}>"));
        t.Prop("obj", s => ((PyMemoryView)s).Obj);
        t.Prop("nbytes", s => PyInt.Get(((PyMemoryView)s)._count));
        t.Prop("readonly", s => PyBool.Of(((PyMemoryView)s).ReadOnly));
        t.Prop("itemsize", s => PyInt.Get(1));
        t.Prop("format", s => new PyStr("B"));
        t.Prop("ndim", s => PyInt.Get(1));
        t.Prop("shape", s => PyTuple.Of(PyInt.Get(((PyMemoryView)s)._count)));
        t.Prop("strides", s => PyTuple.Of(PyInt.Get(((PyMemoryView)s)._step)));
        t.Prop("contiguous", s => PyBool.Of(((PyMemoryView)s)._step == 1));
        t.Prop("c_contiguous", s => PyBool.Of(((PyMemoryView)s)._step == 1));
    }
}
