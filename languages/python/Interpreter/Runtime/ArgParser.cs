namespace PySharp.Interpreter;

/// <summary>Helpers to register builtin methods and to parse arguments of native functions.</summary>
public static class Reg
{
    public static PyBuiltin Def(this PyType t, string name, Func<PyObject, PyObject> f) => Add(t, new PyBuiltin(name, f));
    public static PyBuiltin Def(this PyType t, string name, Func<PyObject, PyObject, PyObject> f) => Add(t, new PyBuiltin(name, f));
    public static PyBuiltin Def(this PyType t, string name, Func<PyObject, PyObject, PyObject, PyObject> f) => Add(t, new PyBuiltin(name, f));
    public static PyBuiltin DefN(this PyType t, string name, NativeFn f) => Add(t, new PyBuiltin(name, f));

    /// <summary>A variadic method with fast entry points for self plus one or two positional arguments.</summary>
    public static PyBuiltin DefN(this PyType t, string name, NativeFn f, Func<PyObject, PyObject, PyObject>? f2, Func<PyObject, PyObject, PyObject, PyObject>? f3) =>
        Add(t, new PyBuiltin(name, f, f2, f3));

    /// <summary>A class method (bound to the class on lookup).</summary>
    public static PyBuiltin DefClass(this PyType t, string name, NativeFn f)
    {
        var b = Add(t, new PyBuiltin(name, f));
        b.IsClassMethod = true;
        return b;
    }

    /// <summary>A static method such as __new__ (receives the class explicitly).</summary>
    public static void DefStatic(this PyType t, string name, NativeFn f)
    {
        var b = new PyBuiltin(name, f) { Owner = t };
        t.Dict.SetStr(name, new PyStaticMethod(b));
    }

    public static void Prop(this PyType t, string name, Func<PyObject, PyObject> get, Action<PyObject, PyObject?>? set = null) =>
        t.Dict.SetStr(name, new PyGetSet(name, t, get, set));

    private static PyBuiltin Add(PyType t, PyBuiltin b)
    {
        b.IsMethod = true;
        b.Owner = t;
        t.Dict.SetStr(b.Name, b);
        return b;
    }

    public static PyBuiltin Fn(string name, Func<PyObject> f) => new(name, f);
    public static PyBuiltin Fn(string name, Func<PyObject, PyObject> f) => new(name, f);
    public static PyBuiltin Fn(string name, Func<PyObject, PyObject, PyObject> f) => new(name, f);
    public static PyBuiltin Fn(string name, Func<PyObject, PyObject, PyObject, PyObject> f) => new(name, f);
    public static PyBuiltin FnN(string name, NativeFn f) => new(name, f);
}

/// <summary>Binds native-call arguments to named parameters.</summary>
public static class ArgParser
{
    /// <summary>
    /// Returns the value of each parameter (null when absent). <paramref name="required"/> leading
    /// parameters are mandatory; parameters at index &gt;= <paramref name="posOnly"/> may be given by keyword.
    /// </summary>
    public static PyObject?[] Parse(string fname, PyObject[] args, string[]? kwnames, string[] names, int required, int skip = 0, int posOnly = 0, int maxPos = -1)
    {
        var res = new PyObject?[names.Length];
        int nkw = kwnames?.Length ?? 0;
        int npos = args.Length - nkw - skip;
        if (maxPos < 0) maxPos = names.Length;
        if (npos > maxPos)
        {
            if (maxPos == 0) throw Ops.TypeError($"{fname}() takes no positional arguments");
            throw Ops.TypeError($"{fname}() takes at most {maxPos} argument{(maxPos == 1 ? "" : "s")} ({npos} given)");
        }
        for (int i = 0; i < npos; i++) res[i] = args[skip + i];
        for (int k = 0; k < nkw; k++)
        {
            int idx = Array.IndexOf(names, kwnames![k]);
            if (idx < posOnly || idx < 0) throw Ops.TypeError($"{fname}() got an unexpected keyword argument '{kwnames[k]}'");
            if (res[idx] != null) throw Ops.TypeError($"argument for {fname}() given by name ('{kwnames[k]}') and position ({idx + 1})");
            res[idx] = args[args.Length - nkw + k];
        }
        for (int i = 0; i < required; i++)
            if (res[i] == null)
            {
                // Argument Clinic names the missing parameter when it may be passed by keyword.
                if (npos < required && nkw == 0 && i < posOnly)
                    throw Ops.TypeError($"{fname}() takes {(required == names.Length ? "exactly" : "at least")} {required} argument{(required == 1 ? "" : "s")} ({npos} given)");
                throw Ops.TypeError($"{fname}() missing required argument '{names[i]}' (pos {i + 1})");
            }
        return res;
    }

    public static void NoKw(string fname, string[]? kwnames)
    {
        if (kwnames != null && kwnames.Length > 0) throw Ops.TypeError($"{fname}() takes no keyword arguments");
    }

    public static void Count(string fname, PyObject[] args, int min, int max, int skip = 0)
    {
        int n = args.Length - skip;
        if (n < min || n > max)
        {
            if (min == max) throw Ops.TypeError($"{fname}() takes exactly {min} argument{(min == 1 ? "" : "s")} ({n} given)");
            if (n < min) throw Ops.TypeError($"{fname} expected at least {min} argument{(min == 1 ? "" : "s")}, got {n}");
            throw Ops.TypeError($"{fname} expected at most {max} argument{(max == 1 ? "" : "s")}, got {n}");
        }
    }
}
