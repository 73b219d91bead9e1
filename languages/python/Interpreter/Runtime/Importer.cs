namespace PySharp.Interpreter;

/// <summary>import: sys.modules, native modules, embedded Python modules, then .py files on sys.path.</summary>
public static class Importer
{
    public static PyObject ImportName(string name, PyDict globals, PyObject fromlist, int level)
    {
        string fullname = name;
        if (level > 0)
        {
            string? package = (globals.GetStr("__package__") as PyStr)?.Value;
            if (package == null)
            {
                var modName = (globals.GetStr("__name__") as PyStr)?.Value ?? "";
                package = globals.GetStr("__path__") != null ? modName : (modName.Contains('.') ? modName[..modName.LastIndexOf('.')] : "");
            }
            if (package.Length == 0) throw Ops.Error(Exc.ImportError, "attempted relative import with no known parent package");
            var parts = package.Split('.');
            if (level - 1 > parts.Length - 1 && level > 1) throw Ops.Error(Exc.ImportError, "attempted relative import beyond top-level package");
            var bas = string.Join('.', parts, 0, parts.Length - (level - 1));
            fullname = name.Length > 0 ? bas + "." + name : bas;
        }
        var mod = ImportModule(fullname);
        bool hasFrom = fromlist != PyNone.Instance && Ops.IsTrue(fromlist);
        if (!hasFrom)
        {
            if (level == 0 && name.Contains('.')) return ImportModule(name[..name.IndexOf('.')]);
            return mod;
        }
        if (mod is PyModule pm && pm.Dict.GetStr("__path__") != null)
        {
            foreach (var f in Ops.ToList(fromlist))
            {
                var fn = Ops.StrString(f);
                if (fn == "*" || pm.Dict.GetStr(fn) != null) continue;
                try { ImportModule(fullname + "." + fn); }
                catch (PyException e) when (e.Value.Type == Exc.ModuleNotFoundError) { }
            }
        }
        return mod;
    }

    public static PyObject ImportModule(string fullname)
    {
        var rt = Runtime.Current;
        var existing = rt.Modules.GetStr(fullname);
        if (existing != null && existing != PyNone.Instance) return existing;
        PyObject? parent = null;
        string shortName = fullname;
        int dot = fullname.LastIndexOf('.');
        if (dot >= 0)
        {
            parent = ImportModule(fullname[..dot]);
            shortName = fullname[(dot + 1)..];
            existing = rt.Modules.GetStr(fullname);
            if (existing != null) return existing;
        }
        PyModule? m = null;
        if (parent == null && rt.NativeModules.TryGetValue(fullname, out var factory))
        {
            m = factory(rt);
            rt.Modules.SetStr(fullname, m);
            return m;
        }
        if (parent == null && PyLib.TryGetSource(fullname, out var libSource))
        {
            m = new PyModule(fullname);
            m.Dict.SetStr("__file__", new PyStr("<pysharp-lib>/" + fullname + ".py"));
            return ExecModule(m, fullname, libSource, "<pysharp-lib>/" + fullname + ".py", parent, shortName);
        }
        IEnumerable<PyObject> searchPath = parent != null
            ? (parent is PyModule ppm && ppm.Dict.GetStr("__path__") is { } pp ? Ops.ToList(pp) : [])
            : Ops.ToList(rt.Path);
        foreach (var entry in searchPath)
        {
            var dir = Ops.StrString(entry);
            if (dir.Length == 0) dir = Directory.GetCurrentDirectory();
            var pkgInit = Path.Combine(dir, shortName, "__init__.py");
            var file = Path.Combine(dir, shortName + ".py");
            if (File.Exists(pkgInit))
            {
                m = new PyModule(fullname);
                m.Dict.SetStr("__path__", new PyList([new PyStr(Path.Combine(dir, shortName))]));
                m.Dict.SetStr("__package__", new PyStr(fullname));
                return ExecModule(m, fullname, File.ReadAllText(pkgInit), pkgInit, parent, shortName);
            }
            if (File.Exists(file))
            {
                m = new PyModule(fullname);
                m.Dict.SetStr("__package__", new PyStr(dot >= 0 ? fullname[..dot] : ""));
                return ExecModule(m, fullname, File.ReadAllText(file), file, parent, shortName);
            }
            if (Directory.Exists(Path.Combine(dir, shortName)) && parent == null && false) { }
        }
        var err = (PyBaseException)Ops.Call(Exc.ModuleNotFoundError, new PyStr($"No module named '{fullname}'"));
        err.SetAttr("name", new PyStr(fullname));
        throw new PyException(err);
    }

    private static PyModule ExecModule(PyModule m, string fullname, string source, string path, PyObject? parent, string shortName)
    {
        var rt = Runtime.Current;
        if (m.Dict.GetStr("__file__") == null) m.Dict.SetStr("__file__", new PyStr(path));
        if (m.Dict.GetStr("__package__") == null) m.Dict.SetStr("__package__", new PyStr(fullname.Contains('.') ? fullname[..fullname.LastIndexOf('.')] : ""));
        m.Dict.SetStr("__builtins__", rt.BuiltinsModule);
        m.Dict.SetStr("__spec__", PyNone.Instance);
        m.Dict.SetStr("__loader__", PyNone.Instance);
        rt.Modules.SetStr(fullname, m);
        try
        {
            var code = Builtins.CompileSource(source, path, "exec");
            Interpreter.RunCode(code, m.Dict, m.Dict);
        }
        catch
        {
            rt.Modules.DelStr(fullname);
            throw;
        }
        var final = rt.Modules.GetStr(fullname) ?? m;
        if (parent != null) Ops.SetAttr(parent, shortName, final);
        return final as PyModule ?? m;
    }

    public static PyObject ImportFrom(PyObject module, string name)
    {
        var v = Ops.GetAttrOrNull(module, name);
        if (v != null) return v;
        string? modName = module is PyModule pm ? pm.Name : null;
        if (modName != null)
        {
            var sub = Runtime.Current.Modules.GetStr(modName + "." + name);
            if (sub != null) return sub;
        }
        string where = module is PyModule pm2 && pm2.Dict.GetStr("__file__") is PyStr f ? $" ({f.Value})" : " (unknown location)";
        var err = (PyBaseException)Ops.Call(Exc.ImportError, new PyStr($"cannot import name '{name}' from '{modName}'{where}"));
        err.SetAttr("name", new PyStr(modName ?? ""));
        throw new PyException(err);
    }

    public static void ImportStar(PyObject module, PyObject locals)
    {
        var d = module is PyModule m ? m.Dict : (PyDict)Ops.GetAttr(module, "__dict__");
        var all = d.GetStr("__all__");
        if (all != null)
        {
            foreach (var n in Ops.ToList(all)) Ops.SetItem(locals, n, Ops.GetAttr(module, Ops.StrString(n)));
            return;
        }
        int pos = 0;
        while (d.Next(ref pos, out var k, out var v))
            if (k is PyStr ks && !ks.Value.StartsWith('_')) Ops.SetItem(locals, k, v);
    }
}
