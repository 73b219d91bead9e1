namespace PySharp.Interpreter;

/// <summary>A BaseExceptionGroup or ExceptionGroup instance (PEP 654).</summary>
public sealed class PyExceptionGroup : PyBaseException
{
    public PyObject Message = PyStr.Empty;
    public PyTuple Excs = PyTuple.Empty;
    public PyExceptionGroup(PyType cls) : base(cls) { }
}

/// <summary>The exception group types, split/subgroup, and the except* matching and re-raise rules.</summary>
public static class ExceptionGroups
{
    public static readonly PyType BaseExceptionGroup, ExceptionGroup;

    static ExceptionGroups()
    {
        BaseExceptionGroup = new PyType("BaseExceptionGroup", [Exc.BaseException], PyType.TypeType, true) { SolidBase = Exc.BaseException };
        ExceptionGroup = new PyType("ExceptionGroup", [BaseExceptionGroup, Exc.Exception], PyType.TypeType, true) { SolidBase = Exc.BaseException };
        var b = BaseExceptionGroup;
        b.DefStatic("__new__", (a, k) =>
        {
            int nkw = k?.Length ?? 0;
            if (nkw > 0) throw Ops.TypeError("BaseExceptionGroup.__new__() takes no keyword arguments");
            if (a.Length != 3) throw Ops.TypeError($"BaseExceptionGroup.__new__() takes exactly 2 arguments ({a.Length - 1} given)");
            return Create((PyType)a[0], a[1], a[2], PyTuple.Of(a[1], a[2]));
        });
        b.Def("__str__", s =>
        {
            var g = (PyExceptionGroup)s;
            int n = g.Excs.Items.Length;
            return new PyStr($"{Ops.StrString(g.Message)} ({n} sub-exception{(n > 1 ? "s" : "")})");
        });
        b.Def("derive", (s, excs) => Create(BaseExceptionGroup, ((PyExceptionGroup)s).Message, excs, null));
        b.Def("split", (s, cond) =>
        {
            var (m, r) = Split((PyExceptionGroup)s, Matcher.For(cond), true);
            return PyTuple.Of((PyObject?)m ?? PyNone.Instance, (PyObject?)r ?? PyNone.Instance);
        });
        b.Def("subgroup", (s, cond) => (PyObject?)Split((PyExceptionGroup)s, Matcher.For(cond), false).match ?? PyNone.Instance);
        b.Prop("message", s => ((PyExceptionGroup)s).Message);
        b.Prop("exceptions", s => ((PyExceptionGroup)s).Excs);
        b.DefClass("__class_getitem__", (a, k) => a[0]);
        Exc.All.Add(BaseExceptionGroup);
        Exc.All.Add(ExceptionGroup);
    }

    /// <summary>Makes sure the types exist (they are created on first use of this class).</summary>
    internal static void EnsureCreated() { }

    /// <summary>BaseExceptionGroup.__new__: validates and picks ExceptionGroup when every member is an Exception.</summary>
    public static PyExceptionGroup Create(PyType cls, PyObject message, PyObject excs, PyTuple? args)
    {
        if (message is not PyStr) throw Ops.TypeError($"BaseExceptionGroup.__new__() argument 1 must be str, not {Ops.TypeName(message)}");
        if (excs is not PyList && excs is not PyTuple && (excs is PyDict || excs.Type.Lookup("__getitem__") == null || excs.Type.Lookup("__len__") == null))
            throw Ops.TypeError("second argument (exceptions) must be a sequence");
        var items = Ops.ToArray(excs);
        if (items.Length == 0) throw Ops.ValueError("second argument (exceptions) must be a non-empty sequence");
        bool nestedBase = false;
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i] is not PyBaseException) throw Ops.ValueError($"Item {i} of second argument (exceptions) is not an exception");
            if (!items[i].Type.IsSubtypeOf(Exc.Exception)) nestedBase = true;
        }
        if (cls == BaseExceptionGroup)
        {
            if (!nestedBase) cls = ExceptionGroup;
        }
        else if (cls == ExceptionGroup)
        {
            if (nestedBase) throw Ops.TypeError("Cannot nest BaseExceptions in an ExceptionGroup");
        }
        else if (nestedBase && cls.IsSubtypeOf(Exc.Exception))
            throw Ops.TypeError($"Cannot nest BaseExceptions in '{cls.Name}'");
        return new PyExceptionGroup(cls) { Message = message, Excs = PyTuple.Of(items), Args = args ?? PyTuple.Of(message, excs) };
    }

    /// <summary>What split/subgroup select: exception types, a predicate, or (for except*) leaf identities.</summary>
    private sealed class Matcher
    {
        public PyObject? Types, Predicate;
        public HashSet<PyObject>? Ids;

        public static Matcher For(PyObject cond)
        {
            if (IsExceptionTypeSpec(cond)) return new Matcher { Types = cond };
            if (Ops.IsCallable(cond)) return new Matcher { Predicate = cond };
            throw Ops.TypeError("expected a function, exception type or tuple of exception types");
        }

        public bool Match(PyBaseException e)
        {
            if (Types != null) return Interpreter.ExceptionMatches(e, Types);
            if (Predicate != null) return Ops.IsTrue(Ops.Call(Predicate, e));
            return Ids!.Contains(e);
        }
    }

    private static bool IsExceptionTypeSpec(PyObject o)
    {
        if (o is PyType t) return t.IsSubtypeOf(Exc.BaseException);
        if (o is PyTuple tt)
        {
            foreach (var x in tt.Items) if (x is not PyType xt || !xt.IsSubtypeOf(Exc.BaseException)) return false;
            return true;
        }
        return false;
    }

    private static (PyBaseException? match, PyBaseException? rest) Split(PyBaseException e, Matcher m, bool constructRest)
    {
        if (m.Match(e)) return (e, null);
        if (e is not PyExceptionGroup g) return (null, constructRest ? e : null);
        var ml = new List<PyObject>();
        var rl = new List<PyObject>();
        foreach (var sub in g.Excs.Items)
        {
            var (sm, sr) = Split((PyBaseException)sub, m, constructRest);
            if (sm != null) ml.Add(sm);
            if (sr != null) rl.Add(sr);
        }
        var match = ml.Count > 0 ? DeriveAndCopy(g, ml) : null;
        var rest = constructRest && rl.Count > 0 ? DeriveAndCopy(g, rl) : null;
        return (match, rest);
    }

    private static PyBaseException DeriveAndCopy(PyExceptionGroup g, List<PyObject> excs)
    {
        var r = Ops.Call(Ops.GetAttr(g, "derive"), new PyList(excs.ToArray()));
        if (r is not PyExceptionGroup ng) throw Ops.TypeError("derive must return an instance of BaseExceptionGroup");
        ng.Traceback = g.Traceback;
        ng.Cause = g.Cause;
        ng.SuppressContext = true;
        ng.Context = g.Context;
        if (g.GetAttr("__notes__") is { } notes) ng.SetAttr("__notes__", notes);
        return ng;
    }

    // ---- except* ----

    /// <summary>CHECK_EG_MATCH: the part of <paramref name="exc"/> matching <paramref name="type"/> (None when nothing matches) and the rest.</summary>
    public static PyObject ExceptStarMatch(PyObject exc, PyObject type, out PyObject rest)
    {
        CheckExceptStarType(type);
        if (exc == PyNone.Instance) { rest = PyNone.Instance; return PyNone.Instance; }
        var e = (PyBaseException)exc;
        if (Interpreter.ExceptionMatches(e, type))
        {
            rest = PyNone.Instance;
            if (e is PyExceptionGroup) return e;
            // A naked exception is wrapped so the handler always sees a group.
            var wrapped = Create(BaseExceptionGroup, PyStr.Empty, PyTuple.Of(e), null);
            wrapped.Traceback = e.Traceback;
            return wrapped;
        }
        if (e is PyExceptionGroup g)
        {
            var (m, r) = Split(g, new Matcher { Types = type }, true);
            rest = (PyObject?)r ?? PyNone.Instance;
            return (PyObject?)m ?? PyNone.Instance;
        }
        rest = e;
        return PyNone.Instance;
    }

    private static void CheckExceptStarType(PyObject type)
    {
        if (type is PyTuple tt) { foreach (var x in tt.Items) CheckExceptStarType(x); return; }
        if (type is not PyType t || !t.IsSubtypeOf(Exc.BaseException))
            throw Ops.TypeError("catching classes that do not inherit from BaseException is not allowed");
        if (t.IsSubtypeOf(BaseExceptionGroup))
            throw Ops.TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
    }

    /// <summary>
    /// PREP_RERAISE_STAR: what leaves a try/except* block. Re-raised parts of the original group
    /// keep its structure; exceptions raised by handlers are grouped with them in a new group.
    /// </summary>
    public static PyObject PrepReraiseStar(PyObject orig, PyList raisedByHandlers, PyObject rest)
    {
        var excs = new List<PyBaseException>();
        foreach (var x in raisedByHandlers.Items.AsSpan(0, raisedByHandlers.Count)) if (x is PyBaseException be) excs.Add(be);
        if (rest is PyBaseException rb) excs.Add(rb);
        if (excs.Count == 0) return PyNone.Instance;
        if (orig is not PyExceptionGroup og) return excs[0];
        var raised = new List<PyObject>();
        var leaves = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        foreach (var e in excs)
        {
            if (SameMetadata(e, og)) CollectLeaves(e, leaves);
            else raised.Add(e);
        }
        PyBaseException? reraised = leaves.Count > 0 ? Split(og, new Matcher { Ids = leaves }, false).match : null;
        if (raised.Count == 0) return (PyObject?)reraised ?? PyNone.Instance;
        if (reraised != null) raised.Add(reraised);
        if (raised.Count == 1) return raised[0];
        return Create(BaseExceptionGroup, PyStr.Empty, new PyList(raised.ToArray()), null);
    }

    private static bool SameMetadata(PyBaseException a, PyBaseException b) =>
        a.Traceback == b.Traceback && a.Cause == b.Cause && a.Context == b.Context && a.GetAttr("__notes__") == b.GetAttr("__notes__");

    private static void CollectLeaves(PyBaseException e, HashSet<PyObject> leaves)
    {
        if (e is PyExceptionGroup g) { foreach (var s in g.Excs.Items) CollectLeaves((PyBaseException)s, leaves); }
        else leaves.Add(e);
    }
}
