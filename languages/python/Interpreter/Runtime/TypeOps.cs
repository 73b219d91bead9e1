namespace PySharp.Interpreter;

/// <summary>Type calls, class creation, super, isinstance.</summary>
public static class TypeOps
{
    internal static PyBuiltin ObjectNew = null!, ObjectInit = null!, TypeCallDefault = null!;

    public static PyObject CallType(PyType t, PyObject[] args, string[]? kwnames)
    {
        if (t == PyType.TypeType && args.Length == 1 && (kwnames == null || kwnames.Length == 0)) return args[0].Type;
        var meta = t.Type;
        if (meta != PyType.TypeType)
        {
            var call = meta.Lookup("__call__");
            if (call != null && call != TypeCallDefault)
            {
                var all = new PyObject[args.Length + 1];
                all[0] = t;
                Array.Copy(args, 0, all, 1, args.Length);
                return Ops.Call(call, all, kwnames);
            }
        }
        return DefaultCall(t, args, kwnames);
    }

    public static PyObject DefaultCall(PyType t, PyObject[] args, string[]? kwnames)
    {
        var newm = t.Lookup("__new__");
        PyObject obj;
        var init = t.Lookup("__init__");
        if (newm == ObjectNew)
        {
            if (args.Length > 0 && init == ObjectInit)
                throw Ops.TypeError($"{t.Name}() takes no arguments");
            obj = Alloc(t);
        }
        else
        {
            var all = new PyObject[args.Length + 1];
            all[0] = t;
            Array.Copy(args, 0, all, 1, args.Length);
            var f = newm is PyStaticMethod sm ? sm.Func : newm!;
            obj = Ops.Call(f, all, kwnames);
        }
        if (obj.Type.IsSubtypeOf(t))
        {
            init = obj.Type.Lookup("__init__");
            if (init != ObjectInit && init != null)
            {
                PyObject r;
                if (init is PyFunction fi)
                {
                    var all = new PyObject[args.Length + 1];
                    all[0] = obj;
                    Array.Copy(args, 0, all, 1, args.Length);
                    r = Interpreter.CallFunction(fi, all, 0, all.Length - (kwnames?.Length ?? 0), kwnames);
                }
                else r = Ops.CallWithSelf(init, obj, args, kwnames);
                if (r != PyNone.Instance) throw Ops.TypeError($"__init__() should return None, not '{Ops.TypeName(r)}'");
            }
        }
        return obj;
    }

    /// <summary>Allocates an instance of a class whose storage comes from object or BaseException.</summary>
    public static PyObject Alloc(PyType t)
    {
        if (t.SolidBase == PyType.BaseException) return new PyBaseException(t);
        if (t == PyType.Object) return new PyInstance(t);
        if (t.IsBuiltin) throw Ops.TypeError($"cannot create '{t.Name}' instances");
        if (t.Lookup("__del__") != null) return new PyFinalizable(t);
        return new PyInstance(t);
    }

    /// <summary>Wraps a builtin value for an instance of a subclass of a builtin type.</summary>
    public static PyObject WrapForSubclass(PyType cls, PyType builtin, PyObject value)
    {
        if (cls == builtin) return value;
        CheckNewSubtype(cls, builtin);
        return new PyInstance(cls) { BaseValue = value };
    }

    /// <summary>builtin.__new__(cls) requires cls to be a subtype of builtin (CPython's message).</summary>
    public static void CheckNewSubtype(PyType cls, PyType builtin)
    {
        if (!cls.IsSubtypeOf(builtin)) throw Ops.TypeError($"{builtin.Name}.__new__({cls.Name}): {cls.Name} is not a subtype of {builtin.Name}");
    }

    public static PyType CalculateMeta(PyType meta, PyObject[] bases)
    {
        var winner = meta;
        foreach (var b in bases)
        {
            var bt = b.Type;
            if (winner.IsSubtypeOf(bt)) continue;
            if (bt.IsSubtypeOf(winner)) { winner = bt; continue; }
            throw Ops.TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    /// <summary>builtins.__build_class__(func, name, *bases, metaclass=..., **kwds).</summary>
    public static PyObject BuildClass(PyObject[] args, string[]? kwnames)
    {
        int nkw = kwnames?.Length ?? 0;
        int npos = args.Length - nkw;
        if (npos < 2) throw Ops.TypeError("__build_class__: not enough arguments");
        var func = (PyFunction)args[0];
        var name = ((PyStr)args[1]).Value;
        var bases = new PyObject[npos - 2];
        Array.Copy(args, 2, bases, 0, bases.Length);
        bases = ResolveMroEntries(bases, out var origBases);
        PyObject? meta = null;
        var kwn = new List<string>();
        var kwv = new List<PyObject>();
        for (int i = 0; i < nkw; i++)
        {
            if (kwnames![i] == "metaclass") meta = args[npos + i];
            else { kwn.Add(kwnames[i]); kwv.Add(args[npos + i]); }
        }
        if (meta == null) meta = bases.Length > 0 ? bases[0].Type : PyType.TypeType;
        if (meta is PyType mt) meta = CalculateMeta(mt, bases);
        PyObject ns;
        var prepare = Ops.GetAttrOrNull(meta, "__prepare__");
        if (prepare != null)
        {
            var pargs = new List<PyObject> { new PyStr(name), PyTuple.Of(bases) };
            pargs.AddRange(kwv);
            ns = Ops.Call(prepare, pargs.ToArray(), kwn.Count > 0 ? kwn.ToArray() : null);
        }
        else ns = new PyDict();
        var cell = Interpreter.RunCode(func.Code, func.Globals, ns, func.Closure);
        if (origBases != null && ns is PyDict nsd0) nsd0.SetStr("__orig_bases__", PyTuple.Of(origBases));
        var cargs = new List<PyObject> { new PyStr(name), PyTuple.Of(bases), ns };
        cargs.AddRange(kwv);
        var cls = Ops.Call(meta, cargs.ToArray(), kwn.Count > 0 ? kwn.ToArray() : null);
        if (cell is PyCell c) c.Value = cls;
        return cls;
    }

    private static PyObject[] ResolveMroEntries(PyObject[] bases, out PyObject[]? orig)
    {
        orig = null;
        bool any = false;
        foreach (var b in bases) if (b is not PyType && Ops.GetAttrOrNull(b, "__mro_entries__") != null) any = true;
        if (!any) return bases;
        orig = bases;
        var res = new List<PyObject>();
        foreach (var b in bases)
        {
            if (b is not PyType && Ops.GetAttrOrNull(b, "__mro_entries__") is { } me)
                res.AddRange(Ops.ToArray(Ops.Call(me, PyTuple.Of(bases))));
            else res.Add(b);
        }
        return res.ToArray();
    }

    /// <summary>type.__new__(meta, name, bases, ns, **kw).</summary>
    public static PyType NewClass(PyType meta, string name, PyObject[] bases, PyDict ns)
    {
        var baseTypes = new PyType[bases.Length == 0 ? 1 : bases.Length];
        if (bases.Length == 0) baseTypes[0] = PyType.Object;
        for (int i = 0; i < bases.Length; i++)
        {
            if (bases[i] is not PyType bt) throw Ops.TypeError("bases must be types");
            if (bt == PyType.Bool || bt == PyType.Range || bt == PyType.Slice || bt == PyType.Function || bt == PyType.Generator || bt == PyType.NoneType)
                throw Ops.TypeError($"type '{bt.Name}' is not an acceptable base type");
            for (int j = 0; j < i; j++)
                if (baseTypes[j] == bt) throw Ops.TypeError($"duplicate base class {bt.Name}");
            baseTypes[i] = bt;
        }
        var cls = new PyType(name, baseTypes, meta);
        // Solid base: the first base whose storage is not plain object.
        cls.SolidBase = PyType.Object;
        foreach (var b in baseTypes) if (b.SolidBase != PyType.Object) { cls.SolidBase = b.SolidBase; break; }
        int pos = 0;
        while (ns.Next(ref pos, out var k, out var v))
        {
            var key = ((PyStr)k).Value;
            if (key == "__classcell__") continue;
            if (key == "__qualname__") { cls.QualName = Ops.StrString(v); continue; }
            if (v is PyFunction f && (key == "__init_subclass__" || key == "__class_getitem__")) v = new PyClassMethod(f);
            if (v is PyFunction f2 && key == "__new__") v = new PyStaticMethod(f2);
            cls.Dict.SetStr(key, v);
        }
        if (cls.Dict.GetStr("__module__") == null)
        {
            var g = Runtime.Current.CurrentFrame?.Globals.GetStr("__name__");
            if (g != null) cls.Dict.SetStr("__module__", g);
        }
        if (cls.Dict.GetStr("__doc__") == null) cls.Dict.SetStr("__doc__", PyNone.Instance);
        if (cls.Dict.GetStr("__eq__") != null && cls.Dict.GetStr("__hash__") == null) cls.Dict.SetStr("__hash__", PyNone.Instance);
        var slots = cls.Dict.GetStr("__slots__");
        bool baseHasDict = false;
        foreach (var b in baseTypes) if (b.HasInstanceDict && b != PyType.Object && !(b.IsBuiltin)) baseHasDict = true;
        if (slots != null)
        {
            var names = slots is PyStr ss ? [ss] : Ops.ToArray(slots);
            var list = new List<string>();
            bool wantsDict = false;
            foreach (var n in names)
            {
                var sn = Ops.StrString(n);
                if (sn == "__dict__") { wantsDict = true; continue; }
                if (sn == "__weakref__") continue;
                list.Add(sn);
                var mangled = sn.StartsWith("__") && !sn.EndsWith("__") ? "_" + name.TrimStart('_') + sn : sn;
                string slotName = mangled;
                cls.Dict.SetStr(mangled, new PyGetSet(slotName, cls,
                    o => ((PyInstance)o).GetAttr(slotName) ?? throw Ops.AttributeError($"'{o.Type.Name}' object has no attribute '{slotName}'"),
                    (o, v) =>
                    {
                        if (v == null) { if (!((PyInstance)o).DelAttr(slotName)) throw Ops.AttributeError(slotName); }
                        else ((PyInstance)o).SetAttr(slotName, v);
                    }, member: true));
            }
            cls.SlotNames = list.ToArray();
            cls.HasInstanceDict = wantsDict || baseHasDict;
        }
        // Weak references are not tracked; the slot exists (reading None) so dir() matches CPython.
        bool slotsHaveWeakref = slots != null && (slots is PyStr ws ? ws.Value == "__weakref__" : Ops.ToArray(slots).Any(x => x is PyStr { Value: "__weakref__" }));
        if ((slots == null || slotsHaveWeakref) && Array.TrueForAll(cls.Mro, b => b == cls || b.Dict.GetStr("__weakref__") == null))
            cls.Dict.SetStr("__weakref__", new PyGetSet("__weakref__", cls, o => PyNone.Instance, null));
        cls.Modified();
        // __set_name__ and __init_subclass__
        pos = 0;
        var items = new List<(PyObject, PyObject)>();
        while (cls.Dict.Next(ref pos, out var k2, out var v2)) items.Add((k2, v2));
        foreach (var (k2, v2) in items)
        {
            var sn = v2.Type.Lookup("__set_name__");
            if (sn != null) Ops.CallMethod(sn, v2, cls, k2);
        }
        return cls;
    }

    public static void InitSubclass(PyType cls, PyObject[] kwv, string[]? kwn)
    {
        for (int i = 1; i < cls.Mro.Length; i++)
        {
            var m = cls.Mro[i].Dict.GetStr("__init_subclass__");
            if (m == null) continue;
            var bound = m is PyClassMethod cm ? new PyMethod(cm.Func, cls) : Ops.DescrGet(m, null, cls);
            if (bound is PyBuiltin b && b.IsClassMethod) bound = b.Bind(cls);
            Ops.Call(bound, kwv, kwn);
            return;
        }
    }

    public static bool IsInstance(PyObject o, PyObject cls)
    {
        if (cls is PyType t)
        {
            if (o.Type.IsSubtypeOf(t)) return true;
            if (t.Type != PyType.TypeType)
            {
                var ic = t.Type.Lookup("__instancecheck__");
                if (ic != null && ic is not PyBuiltin) return Ops.IsTrue(Ops.CallMethod(ic, t, o));
            }
            var oc = Ops.GetAttrOrNull(o, "__class__");
            if (oc is PyType ot && ot != o.Type) return ot.IsSubtypeOf(t);
            return false;
        }
        if (cls is PyTuple tu)
        {
            foreach (var c in tu.Items) if (IsInstance(o, c)) return true;
            return false;
        }
        if (cls is UnionType u) return IsInstance(o, PyTuple.Of(u.Args));
        var ic2 = cls.Type.Lookup("__instancecheck__");
        if (ic2 != null) return Ops.IsTrue(Ops.CallMethod(ic2, cls, o));
        throw Ops.TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    public static bool IsSubclass(PyObject c, PyObject cls)
    {
        if (cls is PyTuple tu)
        {
            foreach (var x in tu.Items) if (IsSubclass(c, x)) return true;
            return false;
        }
        if (cls is PyType t && t.Type != PyType.TypeType)
        {
            var sc = t.Type.Lookup("__subclasscheck__");
            if (sc != null && sc is not PyBuiltin) return Ops.IsTrue(Ops.CallMethod(sc, t, c));
        }
        if (c is not PyType ct) throw Ops.TypeError("issubclass() arg 1 must be a class");
        if (cls is UnionType u) return IsSubclass(c, PyTuple.Of(u.Args));
        if (cls is not PyType t2) throw Ops.TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return ct.IsSubtypeOf(t2);
    }

    /// <summary>super() without arguments: the enclosing method's class cell and first argument.</summary>
    public static PyObject ZeroArgSuper()
    {
        var f = Runtime.Current.CurrentFrame ?? throw Ops.RuntimeError("super(): no current frame");
        var code = f.Code;
        if (code.ArgCount == 0 && (code.Flags & PySharp.Compiler.CodeFlags.VarArgs) == 0) throw Ops.RuntimeError("super(): no arguments");
        PyObject? first = f.Locals[0];
        int ci = Array.IndexOf(code.Unit.CellVars, code.Unit.VarNames.Length > 0 ? code.Unit.VarNames[0] : "");
        if (ci >= 0 && f.Locals[code.NLocals + ci] is PyCell c0) first = c0.Value;
        if (first == null) throw Ops.RuntimeError("super(): arg[0] deleted");
        int fi = Array.IndexOf(code.Unit.FreeVars, "__class__");
        if (fi < 0) throw Ops.RuntimeError("super(): __class__ cell not found");
        var cell = (PyCell)f.Locals[code.NLocals + code.NCells + fi]!;
        if (cell.Value is not PyType t) throw Ops.RuntimeError("super(): empty __class__ cell");
        return MakeSuper(t, first);
    }

    public static PySuper MakeSuper(PyType t, PyObject obj)
    {
        if (obj is PyType ot && ot.IsSubtypeOf(t)) return new PySuper(t, obj, ot);
        if (obj.Type.IsSubtypeOf(t)) return new PySuper(t, obj, obj.Type);
        throw Ops.TypeError("super(type, obj): obj must be an instance or subtype of type");
    }
}

/// <summary>X | Y for types (types.UnionType).</summary>
public sealed class UnionType(PyObject[] args) : PyObject
{
    public readonly PyObject[] Args = args;
    public override PyType Type => PyType.Object;
}
