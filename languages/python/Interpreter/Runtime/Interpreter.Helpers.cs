namespace PySharp.Interpreter;

public static partial class Interpreter
{
    private static PyException UnboundLocal(PyCode code, int i) =>
        Ops.Error(Exc.UnboundLocalError, $"cannot access local variable '{code.Unit.VarNames[i]}' where it is not associated with a value");

    private static string CellName(PyCode code, int i) =>
        i < code.NCells ? code.Unit.CellVars[i] : code.Unit.FreeVars[i - code.NCells];

    private static PyException FreeVarError(PyCode code, int i) =>
        Ops.NameError($"cannot access free variable '{CellName(code, i)}' where it is not associated with a value in enclosing scope");

    /// <summary>CPython's check of a method descriptor called with an explicit self (<c>list.append(1, 2)</c>).</summary>
    private static void CheckDescriptorSelf(PyBuiltin b, PyObject?[] stack, int start, int argc)
    {
        var owner = b.Owner;
        if (owner == null || b.IsClassMethod || argc == 0) return;
        var self = stack[start]!;
        if (!self.Type.IsSubtypeOf(owner))
            throw Ops.TypeError($"descriptor '{b.Name}' for '{owner.Name}' objects doesn't apply to a '{Ops.TypeName(self)}' object");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static PyObject LoadGlobal(Frame frame, PyCode code, int arg)
    {
        var c = code.GlobalCaches[arg];
        var g = frame.Globals;
        if (c.Globals == g && c.GlobalsVersion == g.LayoutVersion)
        {
            if (!c.InBuiltins) return g.Values[c.Index]!;
            var b = frame.Builtins;
            if (c.Builtins == b && c.BuiltinsVersion == b.LayoutVersion) return b.Values[c.Index]!;
        }
        return LoadGlobalSlow(frame, code, arg, c);
    }

    private static PyObject LoadGlobalSlow(Frame frame, PyCode code, int arg, GlobalCache c)
    {
        string name = code.Names[arg];
        var g = frame.Globals;
        int ix = g.IndexOfStr(name);
        if (ix >= 0)
        {
            c.Globals = g; c.GlobalsVersion = g.LayoutVersion; c.Index = ix; c.InBuiltins = false;
            return g.Values[ix]!;
        }
        var b = frame.Builtins;
        ix = b.IndexOfStr(name);
        if (ix >= 0)
        {
            c.Globals = g; c.GlobalsVersion = g.LayoutVersion; c.Builtins = b; c.BuiltinsVersion = b.LayoutVersion; c.Index = ix; c.InBuiltins = true;
            return b.Values[ix]!;
        }
        throw Ops.NameError($"name '{name}' is not defined");
    }

    private static void StoreGlobal(Frame frame, PyCode code, int arg, PyObject v)
    {
        var c = code.GlobalCaches[arg];
        var g = frame.Globals;
        if (c.Globals == g && c.GlobalsVersion == g.LayoutVersion && !c.InBuiltins) { g.Values[c.Index] = v; return; }
        g.SetStr(code.Names[arg], v);
    }

    private static PyObject LoadName(Frame frame, PyCode code, int arg)
    {
        var ld = frame.LocalsDict;
        if (ld == frame.Globals) return LoadGlobal(frame, code, arg);
        string name = code.Names[arg];
        if (ld is PyDict d && d.GetType() == typeof(PyDict))
        {
            var v = d.GetStr(name);
            if (v != null) return v;
        }
        else if (ld != null)
        {
            try { return Ops.GetItem(ld, new PyStr(name)); }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.KeyError)) { }
        }
        return LoadGlobal(frame, code, arg);
    }

    private static PyObject LoadAttr(PyCode code, int pc, PyObject obj, string name)
    {
        if (obj is PyInstance inst && inst.GetType() == typeof(PyInstance))
        {
            var ac = code.AttrCaches[pc];
            var cls = inst.Class;
            if (ac != null && ac.Map == inst.Map && ac.Type == cls && ac.Version == cls.Version && ac.Index >= 0)
            {
                var v = inst.Slots[ac.Index];
                if (v != null) return v;
            }
            if (inst.DictStorage == null && cls.GetAttributeHook == null)
            {
                int ix = inst.Map.IndexOf(name);
                if (ix >= 0)
                {
                    var d = cls.Lookup(name);
                    if (d == null || !Ops.IsDataDescriptor(d))
                    {
                        ac ??= code.AttrCaches[pc] = new AttrCache();
                        ac.Map = inst.Map; ac.Type = cls; ac.Version = cls.Version; ac.Index = ix; ac.Method = null;
                        var v = inst.Slots[ix];
                        if (v != null) return v;
                    }
                }
            }
        }
        return Ops.GetAttr(obj, name);
    }

    private static void StoreAttr(PyCode code, int pc, PyObject obj, string name, PyObject v)
    {
        if (obj is PyInstance inst && inst.GetType() == typeof(PyInstance))
        {
            var ac = code.AttrCaches[pc];
            var cls = inst.Class;
            if (ac != null && ac.Map == inst.Map && ac.Type == cls && ac.Version == cls.Version && ac.Index >= 0)
            {
                if (ac.NewMap != null)
                {
                    if (inst.Slots.Length <= ac.Index) Array.Resize(ref inst.Slots, Math.Max(4, inst.Slots.Length * 2));
                    Put(inst.Slots, ac.Index, v);
                    inst.Map = ac.NewMap;
                }
                else Put(inst.Slots, ac.Index, v);
                return;
            }
            if (inst.DictStorage == null && cls.SetAttrHook == null && cls.HasInstanceDict)
            {
                var d = cls.Lookup(name);
                if (d == null || !Ops.IsDataDescriptor(d))
                {
                    var before = inst.Map;
                    inst.SetAttr(name, v);
                    if (inst.DictStorage != null) return;
                    ac ??= code.AttrCaches[pc] = new AttrCache();
                    ac.Type = cls; ac.Version = cls.Version; ac.Method = null;
                    ac.Map = before;
                    ac.Index = inst.Map.IndexOf(name);
                    ac.NewMap = before == inst.Map ? null : inst.Map;
                    return;
                }
            }
        }
        Ops.SetAttr(obj, name, v);
    }

    /// <summary>LOAD_METHOD with a per-instruction cache keyed by (type, version, map).</summary>
    private static PyObject? LookupMethodCached(PyCode code, int pc, PyObject obj, string name)
    {
        if (obj is PyInstance inst && inst.GetType() == typeof(PyInstance))
        {
            var cls = inst.Class;
            var ac = code.AttrCaches[pc];
            if (ac != null && ac.Type == cls && ac.Version == cls.Version && ac.Map == inst.Map && ac.Method != null) return ac.Method;
            var m = LookupMethod(obj, name);
            if (m != null && inst.DictStorage == null)
            {
                ac ??= code.AttrCaches[pc] = new AttrCache();
                ac.Type = cls; ac.Version = cls.Version; ac.Map = inst.Map; ac.Method = m; ac.Index = -1;
            }
            return m;
        }
        var bt = obj.Type;
        if (bt.IsBuiltin && obj is not PyType && obj is not PyModule && obj is not PySuper && obj is not PyFunction)
        {
            // Builtin types never change, so (type) alone keys the cache.
            var ac = code.AttrCaches[pc];
            if (ac != null && ac.Type == bt && ac.Map == null && ac.Method != null) return ac.Method;
            var m = LookupMethod(obj, name);
            if (m != null)
            {
                ac ??= code.AttrCaches[pc] = new AttrCache();
                ac.Type = bt; ac.Map = null; ac.Method = m; ac.Index = -1; ac.Version = bt.Version;
            }
            return m;
        }
        return LookupMethod(obj, name);
    }

    /// <summary>The unbound method for LOAD_METHOD, or null when a plain attribute lookup is needed.</summary>
    private static PyObject? LookupMethod(PyObject obj, string name)
    {
        if (obj is PyType || obj is PyModule || obj is PySuper) return null;
        var t = obj.Type;
        if (obj is PyInstance inst && !t.IsBuiltin)
        {
            if (t.GetAttributeHook != null) return null;
            var d = t.Lookup(name);
            if (d is PyFunction || d is PyBuiltin { IsMethod: true, IsClassMethod: false, Self: null })
            {
                if (inst.DictStorage != null ? inst.DictStorage.GetStr(name) != null : inst.Map.IndexOf(name) >= 0) return null;
                return d;
            }
            return null;
        }
        var m = t.Lookup(name);
        if (m is PyBuiltin { IsMethod: true, IsClassMethod: false, Self: null }) return m;
        if (m is PyFunction && obj is not PyFunction) return m;
        return null;
    }

    private static string[] StrArray(PyTuple t)
    {
        var r = new string[t.Items.Length];
        for (int i = 0; i < r.Length; i++) r[i] = ((PyStr)t.Items[i]).Value;
        return r;
    }

    private static PyCell[] CellArray(PyTuple t)
    {
        var r = new PyCell[t.Items.Length];
        for (int i = 0; i < r.Length; i++) r[i] = (PyCell)t.Items[i];
        return r;
    }

    private static void MergeKwargs(PyDict d, PyObject v, PyObject? func)
    {
        if (v is not PyDict && v.Type.Lookup("keys") == null)
            throw Ops.TypeError($"{FuncDesc(func)} argument after ** must be a mapping, not {Ops.TypeName(v)}");
        var src = v as PyDict ?? DictOps.FromMapping(v);
        int pos = 0;
        while (src.Next(ref pos, out var k, out var val))
        {
            if (k is not PyStr) throw Ops.TypeError("keywords must be strings");
            if (d.ContainsKey(k)) throw Ops.TypeError($"{FuncDesc(func)} got multiple values for keyword argument '{((PyStr)k).Value}'");
            d.Set(k, val);
        }
    }

    private static string FuncDesc(PyObject? f) => f switch
    {
        PyFunction fn => (fn.Module is PyStr ms && ms.Value != "builtins" ? ms.Value + "." : "") + fn.QualName + "()",
        PyBuiltin b => b.Name + "()",
        PyType t => t.Name + "()",
        _ => "function",
    };

    private static PyObject CallEx(PyObject callable, PyObject? self, PyObject args, PyObject? kw)
    {
        var pos = args is PyTuple t ? t.Items : Ops.ToArray(args);
        int off = self != null ? 1 : 0;
        string[]? kwnames = null;
        PyObject[] all;
        if (kw is PyDict d && d.Count > 0)
        {
            kwnames = new string[d.Count];
            all = new PyObject[off + pos.Length + d.Count];
            int pos2 = 0, i = 0;
            while (d.Next(ref pos2, out var k, out var v))
            {
                kwnames[i] = ((PyStr)k).Value;
                all[off + pos.Length + i] = v;
                i++;
            }
        }
        else all = new PyObject[off + pos.Length];
        if (self != null) all[0] = self;
        Array.Copy(pos, 0, all, off, pos.Length);
        return Ops.Call(callable, all, kwnames);
    }

    /// <summary>next() on an arbitrary iterator, capturing StopIteration's value.</summary>
    private static PyObject? NextWithValue(PyObject it, out PyObject? value)
    {
        value = null;
        if (it is PyIter pi)
        {
            var r = pi.Next();
            if (r == null) value = PyNone.Instance;
            return r;
        }
        var m = it.Type.Lookup("__next__") ?? throw Ops.TypeError($"'{Ops.TypeName(it)}' object is not an iterator");
        try { return Ops.CallMethod(m, it); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.StopIteration))
        {
            value = e.Value.GetAttr("value") ?? PyNone.Instance;
            return null;
        }
    }

    public static PyBaseException MakeException(PyObject exc)
    {
        if (exc is PyType t && t.IsSubtypeOf(Exc.BaseException))
        {
            var v = Ops.Call(t);
            if (v is PyBaseException be) return be;
            throw Ops.TypeError($"calling {t.Name} should have returned an instance of BaseException, not {Ops.TypeName(v)}");
        }
        if (exc is PyBaseException e) return e;
        throw Ops.TypeError("exceptions must derive from BaseException");
    }

    private static PyException DoRaise(PyObject? exc, PyObject? cause, bool hasCause)
    {
        if (exc == null)
        {
            var h = Runtime.Current.HandledException;
            if (h == null) return Ops.RuntimeError("No active exception to reraise");
            return Reraise(new PyException(h));
        }
        var e = MakeException(exc);
        if (hasCause)
        {
            if (cause == PyNone.Instance) e.Cause = null;
            else if (cause is PyType ct && ct.IsSubtypeOf(Exc.BaseException)) e.Cause = MakeException(ct);
            else if (cause is PyBaseException ce) e.Cause = ce;
            else return Ops.TypeError("exception causes must derive from BaseException");
            e.SuppressContext = true;
        }
        return new PyException(e);
    }

    public static bool ExceptionMatches(PyObject exc, PyObject t)
    {
        if (t is PyTuple tt)
        {
            foreach (var x in tt.Items) if (ExceptionMatches(exc, x)) return true;
            return false;
        }
        if (t is not PyType ty || !ty.IsSubtypeOf(Exc.BaseException))
            throw Ops.TypeError("catching classes that do not inherit from BaseException is not allowed");
        return exc.Type.IsSubtypeOf(ty);
    }
}
