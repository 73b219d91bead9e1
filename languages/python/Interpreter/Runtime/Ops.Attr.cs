namespace PySharp.Interpreter;

public static partial class Ops
{
    // ---- descriptors ----
    public static bool IsDataDescriptor(PyObject d)
    {
        switch (d)
        {
            case PyProperty: case PyGetSet: return true;
            case PyFunction: case PyBuiltin: case PyStaticMethod: case PyClassMethod: case PyStr: case PyInt: case PyNone: return false;
            case PyInstance:
                var t = d.Type;
                return t.Lookup("__set__") != null || t.Lookup("__delete__") != null;
            default: return false;
        }
    }

    public static PyObject DescrGet(PyObject descr, PyObject? obj, PyType type)
    {
        switch (descr)
        {
            case PyFunction: return obj == null ? descr : new PyMethod(descr, obj);
            case PyBuiltin b:
                if (b.IsClassMethod) return b.Bind(type);
                return b.IsMethod && obj != null && b.Self == null ? b.Bind(obj) : descr;
            case PyStaticMethod sm: return sm.Func;
            case PyClassMethod cm: return new PyMethod(cm.Func, type);
            case PyProperty p:
                if (obj == null) return descr;
                if (p.Get == null) throw AttributeError($"property {PropName(p)}of '{type.Name}' object has no getter");
                return Call(p.Get, obj);
            case PyGetSet gs:
                if (obj == null) return descr;
                if (gs.Getter == null) throw AttributeError($"attribute '{gs.Name}' of '{gs.Owner.Name}' objects is not readable");
                return gs.Getter(obj);
            case PyStr: case PyInt: case PyNone: case PyTuple: case PyDict: case PyList: return descr;
            case PyInstance:
                var g = descr.Type.Lookup("__get__");
                if (g == null) return descr;
                return CallMethod(g, descr, obj ?? PyNone.Instance, type);
            default: return descr;
        }
    }

    private static string PropName(PyProperty p) => p.Name is PyStr s ? "'" + s.Value + "' " : "";

    // ---- getattr ----
    public static PyObject GetAttr(PyObject o, string name) => GetAttrOrNull(o, name) ?? throw AttrNotFound(o, name);

    /// <summary>Attribute lookup; null when the attribute does not exist (AttributeError from hooks is also mapped to null).</summary>
    public static PyObject? GetAttrOrNull(PyObject o, string name)
    {
        var t = o.Type;
        if (o is PyInstance && !t.IsBuiltin)
        {
            var hook = t.GetAttributeHook;
            if (hook != null)
            {
                try { return CallMethod(hook, o, new PyStr(name)); }
                catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.AttributeError))
                {
                    var ga0 = t.GetAttrHook;
                    if (ga0 == null) throw;
                    return CallMethod(ga0, o, new PyStr(name));
                }
            }
            var r = GenericGetAttr(o, name, t);
            if (r != null) return r;
            var ga = t.GetAttrHook;
            if (ga != null) return CallMethod(ga, o, new PyStr(name));
            return null;
        }
        return GenericGetAttr(o, name, t);
    }

    public static PyObject? GenericGetAttr(PyObject o, string name, PyType t)
    {
        switch (o)
        {
            case PyType ty: return TypeGetAttr(ty, name);
            case PyModule m:
                {
                    var v = m.Dict.GetStr(name);
                    if (v != null) return v;
                    if (name == "__dict__") return m.Dict;
                    var d0 = t.Lookup(name);
                    if (d0 != null) return DescrGet(d0, o, t);
                    var mg = m.Dict.GetStr("__getattr__");
                    if (mg != null) return Call(mg, new PyStr(name));
                    return null;
                }
            case PySuper s: return SuperGetAttr(s, name);
        }
        var descr = t.Lookup(name);
        if (descr != null && IsDataDescriptor(descr)) return DescrGet(descr, o, t);
        if (o is PyInstance inst)
        {
            var v = inst.GetAttr(name);
            if (v != null) return v;
        }
        else if (o is PyFunction f)
        {
            var v = f.Dict?.GetStr(name);
            if (v != null) return v;
        }
        if (descr != null) return DescrGet(descr, o, t);
        return null;
    }

    public static PyObject? TypeGetAttr(PyType ty, string name)
    {
        var meta = ty.Type;
        var metaDescr = meta.Lookup(name);
        if (metaDescr != null && IsDataDescriptor(metaDescr)) return DescrGet(metaDescr, ty, meta);
        var v = ty.Lookup(name);
        if (v != null)
        {
            if (v is PyFunction) return v;
            if (v is PyBuiltin { IsClassMethod: false }) return v;
            return DescrGet(v, null, ty);
        }
        if (metaDescr != null) return DescrGet(metaDescr, ty, meta);
        if (meta != PyType.TypeType)
        {
            var ga = meta.GetAttrHook;
            if (ga != null) return CallMethod(ga, ty, new PyStr(name));
        }
        return null;
    }

    public static PyObject? SuperGetAttr(PySuper s, string name)
    {
        if (s.ObjType != null && name != "__class__")
        {
            var mro = s.ObjType.Mro;
            int i = Array.IndexOf(mro, s.ThisType);
            for (int j = i + 1; j < mro.Length; j++)
            {
                var v = mro[j].Dict.GetStr(name);
                if (v != null)
                {
                    var obj = s.Obj == s.ObjType ? null : s.Obj;
                    if (v is PyBuiltin { IsMethod: true } b && obj == null && s.Obj is PyType) return v;
                    return DescrGet(v, obj, s.ObjType);
                }
            }
        }
        var d = PyType.Super.Lookup(name);
        if (d != null) return DescrGet(d, s, PyType.Super);
        return null;
    }

    // ---- setattr / delattr ----
    public static void SetAttr(PyObject o, string name, PyObject value)
    {
        var t = o.Type;
        if (o is PyInstance && !t.IsBuiltin && o is not PyType)
        {
            var hook = t.SetAttrHook;
            if (hook != null) { CallMethod(hook, o, new PyStr(name), value); return; }
        }
        GenericSetAttr(o, name, value);
    }

    public static void GenericSetAttr(PyObject o, string name, PyObject? value)
    {
        var t = o.Type;
        if (o is PyType ty)
        {
            var md = t.Lookup(name);
            if (md != null && IsDataDescriptor(md)) { DescrSet(md, o, value); return; }
            if (ty.IsBuiltin) throw TypeError($"cannot set '{name}' attribute of immutable type '{ty.Name}'");
            if (value == null)
            {
                if (!ty.Dict.DelStr(name)) throw AttributeError(name);
                ty.Modified();
            }
            else
            {
                if (name == "__name__") ty.Name = StrString(value);
                else if (name == "__qualname__") ty.QualName = StrString(value);
                ty.SetTypeAttr(name, value);
            }
            return;
        }
        var descr = t.Lookup(name);
        if (descr != null && IsDataDescriptor(descr)) { DescrSet(descr, o, value); return; }
        switch (o)
        {
            case PyInstance inst when t.HasInstanceDict || inst is PyBaseException:
                if (value == null)
                {
                    if (!inst.DelAttr(name)) throw AttrNotFound(o, name);
                }
                else inst.SetAttr(name, value);
                return;
            case PyModule m:
                if (value == null) { if (!m.Dict.DelStr(name)) throw AttrNotFound(o, name); }
                else m.Dict.SetStr(name, value);
                return;
            case PyFunction f:
                if (value == null) { f.Dict?.DelStr(name); return; }
                switch (name)
                {
                    case "__name__": f.Name = StrString(value); return;
                    case "__qualname__": f.QualName = StrString(value); return;
                    case "__doc__": f.Doc = value; return;
                    case "__module__": f.Module = value; return;
                    case "__defaults__": f.Defaults = value is PyTuple dt ? dt.Items : null; return;
                    case "__kwdefaults__": f.KwDefaults = value as PyDict; return;
                    case "__annotations__": f.Annotations = value; return;
                    case "__code__": f.Code = (PyCode)value; return;
                }
                f.Dict ??= new PyDict();
                f.Dict.SetStr(name, value);
                return;
        }
        if (descr == null)
        {
            if (t.IsBuiltin && o is not PyInstance)
                throw AttributeError($"'{t.Name}' object has no attribute '{name}'");
            throw AttributeError($"'{t.Name}' object has no attribute '{name}'");
        }
        throw AttributeError($"'{t.Name}' object attribute '{name}' is read-only");
    }

    public static void DescrSet(PyObject descr, PyObject obj, PyObject? value)
    {
        switch (descr)
        {
            case PyProperty p:
                if (value == null)
                {
                    if (p.Del == null) throw AttributeError($"property {PropName(p)}of '{TypeName(obj)}' object has no deleter");
                    Call(p.Del, obj);
                }
                else
                {
                    if (p.Set == null) throw AttributeError($"property {PropName(p)}of '{TypeName(obj)}' object has no setter");
                    Call(p.Set, obj, value);
                }
                return;
            case PyGetSet gs:
                if (gs.Setter == null) throw AttributeError($"attribute '{gs.Name}' of '{gs.Owner.Name}' objects is not writable");
                gs.Setter(obj, value);
                return;
            default:
                if (value == null)
                {
                    var d = descr.Type.Lookup("__delete__") ?? throw AttributeError("__delete__");
                    CallMethod(d, descr, obj);
                }
                else
                {
                    var s = descr.Type.Lookup("__set__") ?? throw AttributeError("__set__");
                    CallMethod(s, descr, obj, value);
                }
                return;
        }
    }

    public static void DelAttr(PyObject o, string name)
    {
        var t = o.Type;
        if (o is PyInstance && !t.IsBuiltin && o is not PyType)
        {
            var hook = t.DelAttrHook;
            if (hook != null) { CallMethod(hook, o, new PyStr(name)); return; }
        }
        GenericSetAttr(o, name, null);
    }

    // ---- calls ----
    public static PyObject Call(PyObject f) => Call(f, Array.Empty<PyObject>(), null);
    public static PyObject Call(PyObject f, PyObject a) => Call(f, [a], null);
    public static PyObject Call(PyObject f, PyObject a, PyObject b) => Call(f, [a, b], null);
    public static PyObject Call(PyObject f, PyObject a, PyObject b, PyObject c) => Call(f, [a, b, c], null);

    /// <summary>Calls a method found on a type with <paramref name="self"/> as first argument (no bound method allocated).</summary>
    public static PyObject CallMethod(PyObject m, PyObject self)
    {
        if (m is PyBuiltin { F1: not null, IsMethod: true } b) return b.F1(self);
        if (m is PyFunction f) return Interpreter.CallFunction(f, [self], 0, 1, null);
        return CallDescr(m, self, []);
    }

    public static PyObject CallMethod(PyObject m, PyObject self, PyObject a)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (m is PyBuiltin { F2: not null, IsMethod: true } b) return b.F2(self, a);
        if (m is PyFunction f) return Interpreter.CallFunction(f, [self, a], 0, 2, null);
        return CallDescr(m, self, [a]);
    }

    public static PyObject CallMethod(PyObject m, PyObject self, PyObject a, PyObject b2)
    {
        if (m is PyBuiltin { F3: not null, IsMethod: true } b) return b.F3(self, a, b2);
        if (m is PyFunction f) return Interpreter.CallFunction(f, [self, a, b2], 0, 3, null);
        return CallDescr(m, self, [a, b2]);
    }

    private static PyObject CallDescr(PyObject m, PyObject self, PyObject[] rest)
    {
        var bound = DescrGet(m, self, self.Type);
        return Call(bound, rest, null);
    }

    /// <summary>Calls a special method by name on the object's type; null if the type lacks it.</summary>
    public static PyObject? CallSpecial(PyObject o, string name, params PyObject[] args)
    {
        var m = o.Type.Lookup(name);
        if (m == null) return null;
        var all = new PyObject[args.Length + 1];
        all[0] = o;
        Array.Copy(args, 0, all, 1, args.Length);
        if (m is PyFunction f) return Interpreter.CallFunction(f, all, 0, all.Length, null);
        if (m is PyBuiltin { IsMethod: true } b) return CallBuiltin(b, all, null);
        return Call(DescrGet(m, o, o.Type), args, null);
    }

    public static PyObject Call(PyObject f, PyObject[] args, string[]? kwnames)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (f)
        {
            case PyFunction fn: return Interpreter.CallFunction(fn, args, 0, args.Length - (kwnames?.Length ?? 0), kwnames);
            case PyBuiltin b:
                if (b.Self != null)
                {
                    var all = new PyObject[args.Length + 1];
                    all[0] = b.Self;
                    Array.Copy(args, 0, all, 1, args.Length);
                    return CallBuiltin(b, all, kwnames);
                }
                return CallBuiltin(b, args, kwnames);
            case PyMethod m:
                {
                    var all = new PyObject[args.Length + 1];
                    all[0] = m.Self;
                    Array.Copy(args, 0, all, 1, args.Length);
                    if (m.Func is PyFunction mf) return Interpreter.CallFunction(mf, all, 0, all.Length - (kwnames?.Length ?? 0), kwnames);
                    return Call(m.Func, all, kwnames);
                }
            case PyType t: return TypeOps.CallType(t, args, kwnames);
        }
        var c = f.Type.Lookup("__call__");
        if (c == null) throw TypeError($"'{TypeName(f)}' object is not callable");
        var a2 = new PyObject[args.Length + 1];
        a2[0] = f;
        Array.Copy(args, 0, a2, 1, args.Length);
        return Call(c, a2, kwnames);
    }

    public static PyObject CallBuiltin(PyBuiltin b, PyObject[] args, string[]? kwnames)
    {
        if (kwnames == null || kwnames.Length == 0)
        {
            switch (args.Length)
            {
                case 0 when b.F0 != null: return b.F0();
                case 1 when b.F1 != null: return b.F1(args[0]);
                case 2 when b.F2 != null: return b.F2(args[0], args[1]);
                case 3 when b.F3 != null: return b.F3(args[0], args[1], args[2]);
            }
        }
        if (b.Fn != null) return b.Fn(args, kwnames);
        if (kwnames != null && kwnames.Length > 0) throw TypeError($"{b.Name}() takes no keyword arguments");
        int arity = b.FixedArity;
        if (b.IsMethod || b.Self != null)
        {
            if (args.Length == 0) throw TypeError($"unbound method {b.Name}() needs an argument");
            int given = args.Length - 1, want = arity - 1;
            if (want == 0) throw TypeError($"{(b.Owner != null ? b.Owner.Name + "." : "")}{b.Name}() takes no arguments ({given} given)");
            if (want == 1) throw TypeError($"{(b.Owner != null ? b.Owner.Name + "." : "")}{b.Name}() takes exactly one argument ({given} given)");
            throw TypeError($"{b.Name} expected {want} arguments, got {given}");
        }
        if (arity == 1) throw TypeError($"{b.Name}() takes exactly one argument ({args.Length} given)");
        if (arity == 0) throw TypeError($"{b.Name}() takes no arguments ({args.Length} given)");
        throw TypeError($"{b.Name} expected {arity} arguments, got {args.Length}");
    }

    /// <summary>Calls a function found on a type with an explicit self before the arguments.</summary>
    public static PyObject CallWithSelf(PyObject m, PyObject self, PyObject[] args, string[]? kwnames)
    {
        if (m is PyFunction || m is PyBuiltin { IsMethod: true, Self: null, IsClassMethod: false })
        {
            var all = new PyObject[args.Length + 1];
            all[0] = self;
            Array.Copy(args, 0, all, 1, args.Length);
            return Call(m, all, kwnames);
        }
        return Call(DescrGet(m, self, self.Type), args, kwnames);
    }

    public static bool IsCallable(PyObject o) => o is PyFunction or PyBuiltin or PyMethod or PyType || o.Type.Lookup("__call__") != null;
}
