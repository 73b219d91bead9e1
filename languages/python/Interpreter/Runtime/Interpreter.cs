using System.Runtime.CompilerServices;
using PySharp.Compiler;
using RSharp.Hints;

namespace PySharp.Interpreter;

/// <summary>The bytecode dispatch loop (the JIT's portal) and function calls.</summary>
public static partial class Interpreter
{
    static readonly JitDriver Driver = new(greens: ["pc", "code"], reds: ["frame"], virtualizables: ["frame"], name: "pysharp");

    /// <summary>Runs a new frame (not a generator) with thread-state bookkeeping.</summary>
    public static PyObject Execute(Frame frame)
    {
        var rt = frame.Rt ??= Runtime.Current;
        if (++rt.Depth > rt.RecursionLimit)
        {
            rt.Depth--;
            throw Ops.Error(Exc.RecursionError, "maximum recursion depth exceeded");
        }
        frame.Back = rt.CurrentFrame;
        rt.CurrentFrame = frame;
        try
        {
            if ((rt.Depth & 15) == 0) RuntimeHelpers.EnsureSufficientExecutionStack();
            if (Runtime.InterruptRequested) Runtime.CheckInterrupt();
            return Run(frame);
        }
        finally
        {
            rt.CurrentFrame = frame.Back;
            rt.Depth--;
        }
    }

    public static PyObject CallFunction(PyFunction f, PyObject?[] args, int start, int argc, string[]? kwnames)
    {
        var code = f.Code;
        var rt = f.Rt;
        var frame = NewFrame(f, code, rt);
        if (kwnames == null && code.SimpleArgs && argc == code.ArgCount)
            Array.Copy(args, start, frame.Locals, 0, argc);
        else if (kwnames == null && code.NoStarArgs && argc <= code.ArgCount && FillDefaults(f, code, frame.Locals, argc))
            Array.Copy(args, start, frame.Locals, 0, argc);
        else
            BindArgs(f, frame.Locals, args, start, argc, kwnames);
        if (code.NCells + code.NFrees > 0) InitCells(f, frame);
        if (code.IsGenerator) return new PyGenerator(frame, f.Name, f.QualName);
        var r = Execute(frame);
        ReleaseFrame(code, frame);
        return r;
    }

    /// <summary>A frame for a call of <paramref name="f"/>: the code's spare one when it fits, else a new one.</summary>
    private static Frame NewFrame(PyFunction f, PyCode code, Runtime rt)
    {
        var pool = code.Pool;
        var frame = pool.Spare;
        if (frame != null && frame.Globals == f.Globals && frame.Builtins == rt.Builtins && frame.Rt == rt && !code.IsGenerator)
        {
            pool.Spare = null;
            return frame;
        }
        return new Frame(code, f.Globals, rt.Builtins, null) { Rt = rt };
    }

    /// <summary>
    /// Puts a finished frame back as its code's spare unless Python code can still reach it. A
    /// frame left by an exception has escaped (its traceback holds it), so this runs only on return.
    /// </summary>
    private static void ReleaseFrame(PyCode code, Frame frame)
    {
        if (frame.Escaped) return;
        // Slots at or above the final stack depth are already null.
        var l = frame.Locals;
        for (int i = 0; i < l.Length; i++) l[i] = null;
        var st = frame.Stack;
        for (int i = 0; i < frame.Sp && i < st.Length; i++) st[i] = null;
        frame.Sp = 0;
        frame.Pc = 0;
        frame.LastPc = 0;
        frame.Back = null;
        frame.ThrowIn = null;
        code.Pool.Spare = frame;
    }

    /// <summary>Calls a function with an explicit first argument followed by a stack segment (no argument array).</summary>
    public static PyObject CallFunctionSelf(PyFunction f, PyObject self, PyObject?[] args, int start, int argc, string[]? kwnames)
    {
        var code = f.Code;
        var rt = f.Rt;
        var frame = NewFrame(f, code, rt);
        if (kwnames == null && (code.SimpleArgs ? argc + 1 == code.ArgCount : code.NoStarArgs && argc + 1 <= code.ArgCount && FillDefaults(f, code, frame.Locals, argc + 1)))
        {
            Put(frame.Locals, 0, self);
            Array.Copy(args, start, frame.Locals, 1, argc);
        }
        else
        {
            int total = argc + (kwnames?.Length ?? 0);
            var a = new PyObject?[total + 1];
            a[0] = self;
            Array.Copy(args, start, a, 1, total);
            BindArgs(f, frame.Locals, a, 0, argc + 1, kwnames);
        }
        if (code.NCells + code.NFrees > 0) InitCells(f, frame);
        if (code.IsGenerator) return new PyGenerator(frame, f.Name, f.QualName);
        var r = Execute(frame);
        ReleaseFrame(code, frame);
        return r;
    }

    /// <summary>
    /// For a positional call with <paramref name="given"/> arguments: stores the defaults of the
    /// remaining parameters. False when one has no default (BindArgs then reports the error).
    /// </summary>
    private static bool FillDefaults(PyFunction f, PyCode code, PyObject?[] locals, int given)
    {
        int nparams = code.ArgCount;
        if (given < nparams)
        {
            var defs = f.Defaults;
            int firstDefault = nparams - (defs?.Length ?? 0);
            if (given < firstDefault) return false;
            for (int i = given; i < nparams; i++) Put(locals, i, defs![i - firstDefault]);
        }
        int kwonly = code.KwOnlyArgCount;
        for (int k = 0; k < kwonly; k++)
        {
            var d = f.KwOnlyDefault(k);
            if (d == null) return false;
            Put(locals, nparams + k, d);
        }
        return true;
    }

    private static void InitCells(PyFunction f, Frame frame)
    {
        var code = f.Code;
        var c2a = code.Unit.Cell2Arg;
        for (int i = 0; i < code.NCells; i++)
        {
            int a = c2a[i];
            Put(frame.Locals, code.NLocals + i, new PyCell(a >= 0 ? frame.Locals[a] : null));
        }
        for (int i = 0; i < code.NFrees; i++) Put(frame.Locals, code.NLocals + code.NCells + i, f.Closure![i]);
    }

    /// <summary>Calls any callable with arguments taken from a stack segment.</summary>
    public static PyObject CallFromStack(PyObject callable, PyObject?[] stack, int start, int argc, string[]? kwnames)
    {
        switch (callable)
        {
            case PyFunction f: return CallFunction(f, stack, start, argc, kwnames);
            case PyBuiltin b when kwnames == null:
                if (b.Self == null)
                {
                    switch (argc)
                    {
                        case 0 when b.F0 != null: return b.F0();
                        case 1 when b.F1 != null: return b.F1(stack[start]!);
                        case 2 when b.F2 != null: return b.F2(stack[start]!, stack[start + 1]!);
                        case 3 when b.F3 != null: return b.F3(stack[start]!, stack[start + 1]!, stack[start + 2]!);
                    }
                }
                else
                {
                    switch (argc)
                    {
                        case 0 when b.F1 != null: return b.F1(b.Self);
                        case 1 when b.F2 != null: return b.F2(b.Self, stack[start]!);
                        case 2 when b.F3 != null: return b.F3(b.Self, stack[start]!, stack[start + 1]!);
                    }
                }
                break;
            case PyMethod m when m.Func is PyFunction mf:
                return CallFunctionSelf(mf, m.Self, stack, start, argc, kwnames);
            case PyType t when t.IsBuiltin && argc == 1 && kwnames == null:
                {
                    // Common conversions called with one argument skip the generic type-call protocol.
                    var x = stack[start]!;
                    if (t == PyType.Str) return Ops.Str(x);
                    if (t == PyType.Int && x is not PyStr) return x is PyInt ? x : TypeInit.ToInt(x);
                    if (t == PyType.Float && x is PyInt xi) return new PyFloat(xi.Value);
                    if (t == PyType.Bool) return PyBool.Of(Ops.IsTrue(x));
                    if (t == PyType.List) { var l = new PyList(); Ops.ListExtend(l, x); return l; }
                    if (t == PyType.Tuple) return x is PyTuple ? x : PyTuple.Of(Ops.ToArray(x));
                    break;
                }
            case PyType t:
                {
                    var init = t.SimpleInit();
                    if (init != null)
                    {
                        var inst = new PyInstance(t);
                        var r = CallFunctionSelf(init, inst, stack, start, argc, kwnames);
                        if (r != PyNone.Instance) throw Ops.TypeError($"__init__() should return None, not '{Ops.TypeName(r)}'");
                        return inst;
                    }
                    break;
                }
        }
        int n = argc + (kwnames?.Length ?? 0);
        var args = new PyObject[n];
        Array.Copy(stack, start, args, 0, n);
        return Ops.Call(callable, args, kwnames);
    }

    [UnrollSafe]
    public static void BindArgs(PyFunction f, PyObject?[] locals, PyObject?[] args, int start, int argc, string[]? kwnames)
    {
        var co = f.Code;
        int nparams = co.ArgCount, kwonly = co.KwOnlyArgCount, total = nparams + kwonly;
        bool hasVar = (co.Flags & CodeFlags.VarArgs) != 0, hasKw = (co.Flags & CodeFlags.VarKeywords) != 0;
        var names = co.Unit.VarNames;
        PyDict? kwdict = null;
        if (hasKw)
        {
            kwdict = new PyDict();
            Put(locals, total + (hasVar ? 1 : 0), kwdict);
        }
        int n = Math.Min(argc, nparams);
        Array.Copy(args, start, locals, 0, n);
        if (hasVar)
        {
            int extra = argc - n;
            var t = new PyObject[Math.Max(0, extra)];
            if (extra > 0) Array.Copy(args, start + n, t, 0, extra);
            Put(locals, total, PyTuple.Of(t));
        }
        else if (argc > nparams)
        {
            int withDefaults = f.Defaults?.Length ?? 0;
            string takes = withDefaults > 0 ? $"from {nparams - withDefaults} to {nparams}" : nparams.ToString();
            int kwGiven = 0;
            if (kwnames != null) foreach (var k in kwnames) if (Array.IndexOf(names, k, 0, total) >= nparams) kwGiven++;
            string given = kwGiven > 0 ? $"{argc} positional argument{(argc == 1 ? "" : "s")} (and {kwGiven} keyword-only argument{(kwGiven == 1 ? "" : "s")}) were given" : $"{argc} {(argc == 1 ? "was" : "were")} given";
            throw Ops.TypeError($"{f.QualName}() takes {takes} positional argument{(nparams == 1 && withDefaults == 0 ? "" : "s")} but {given}");
        }
        if (kwnames != null)
        {
            List<string>? posOnlyAsKw = null;
            for (int k = 0; k < kwnames.Length; k++)
            {
                string name = kwnames[k];
                var value = args[start + argc + k]!;
                int idx = -1;
                for (int i = co.PosOnlyArgCount; i < total; i++)
                    if (names[i] == name) { idx = i; break; }
                if (idx >= 0)
                {
                    if (locals[idx] != null) throw Ops.TypeError($"{f.QualName}() got multiple values for argument '{name}'");
                    Put(locals, idx, value);
                }
                else if (kwdict != null) kwdict.SetStr(name, value);
                else
                {
                    for (int i = 0; i < co.PosOnlyArgCount; i++)
                        if (names[i] == name) { (posOnlyAsKw ??= new()).Add(name); idx = i; }
                    if (idx < 0) throw Ops.TypeError($"{f.QualName}() got an unexpected keyword argument '{name}'");
                }
            }
            if (posOnlyAsKw != null)
                throw Ops.TypeError($"{f.QualName}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", posOnlyAsKw)}'");
        }
        if (argc < nparams)
        {
            var defs = f.Defaults;
            int nd = defs?.Length ?? 0;
            int firstDefault = nparams - nd;
            List<string>? missing = null;
            for (int i = argc; i < nparams; i++)
            {
                if (locals[i] != null) continue;
                if (i >= firstDefault) Put(locals, i, defs![i - firstDefault]);
                else (missing ??= new()).Add(names[i]);
            }
            if (missing != null) throw MissingArgs(f, missing, "positional");
        }
        if (kwonly > 0)
        {
            List<string>? missing = null;
            for (int i = nparams; i < total; i++)
            {
                if (locals[i] != null) continue;
                var d = f.KwOnlyDefault(i - nparams);
                if (d != null) Put(locals, i, d);
                else (missing ??= new()).Add(names[i]);
            }
            if (missing != null) throw MissingArgs(f, missing, "keyword-only");
        }
    }

    private static PyException MissingArgs(PyFunction f, List<string> missing, string kind)
    {
        string list;
        var q = missing.ConvertAll(m => "'" + m + "'");
        if (q.Count == 1) list = q[0];
        else if (q.Count == 2) list = q[0] + " and " + q[1];
        else list = string.Join(", ", q.GetRange(0, q.Count - 1)) + ", and " + q[^1];
        return Ops.TypeError($"{f.QualName}() missing {missing.Count} required {kind} argument{(missing.Count == 1 ? "" : "s")}: {list}");
    }

    /// <summary>Runs module-level or class-body code with a locals mapping.</summary>
    public static PyObject RunCode(PyCode code, PyDict globals, PyObject? locals, PyCell[]? closure = null)
    {
        var frame = new Frame(code, globals, Runtime.Current.Builtins, locals ?? globals);
        if (closure != null)
            for (int i = 0; i < code.NFrees; i++) frame.Locals[code.NLocals + code.NCells + i] = closure[i];
        for (int i = 0; i < code.NCells; i++) frame.Locals[code.NLocals + i] = new PyCell(null);
        return Execute(frame);
    }

    internal static PyException ConvertException(Exception e)
    {
        return e switch
        {
            PyException pe => pe,
            InsufficientExecutionStackException => Ops.Error(Exc.RecursionError, "maximum recursion depth exceeded"),
            StackOverflowException => Ops.Error(Exc.RecursionError, "maximum recursion depth exceeded"),
            OutOfMemoryException => new PyException(Exc.Make(Exc.MemoryError)),
            PySharp.Formatting.PyNumericException ne => Ops.FromNumeric(ne),
            DivideByZeroException => Ops.ZeroDivisionError("division by zero"),
            OverflowException => Ops.OverflowError(e.Message),
            _ => Ops.Error(Exc.SystemError, "internal error: " + e.GetType().Name + ": " + e.Message),
        };
    }
}
