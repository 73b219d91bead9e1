using PySharp.Compiler;

namespace PySharp.Interpreter;

/// <summary>What a <see cref="PyGenerator"/> is, from its code's flags.</summary>
public enum GenKind : byte { Generator, Coroutine, AsyncGenerator }

/// <summary>A value yielded by an async generator, told apart from values its awaits pass through to the event loop.</summary>
internal sealed class AsyncGenValue(PyObject value) : PyObject
{
    public readonly PyObject Value = value;
    public override PyType Type => AsyncTypes.WrappedValue;
}

/// <summary>The awaitable of <c>__anext__</c>/<c>asend</c> (CPython's async_generator_asend) and of <c>athrow</c>/<c>aclose</c>.</summary>
internal sealed class AsyncGenStep : PyObject
{
    private readonly PyGenerator _gen;
    private readonly PyObject _sendValue;
    private readonly PyBaseException? _throw;
    private readonly bool _close;
    private int _state; // 0 not started, 1 running, 2 done

    public AsyncGenStep(PyGenerator gen, PyObject sendValue, PyBaseException? throwExc, bool close)
    {
        _gen = gen; _sendValue = sendValue; _throw = throwExc; _close = close;
    }

    public override PyType Type => _throw == null ? AsyncTypes.ASend : AsyncTypes.AThrow;

    private string ReuseMessage => _throw == null ? "cannot reuse already awaited __anext__()/asend()" : "cannot reuse already awaited aclose()/athrow()";

    public PyObject Send(PyObject v)
    {
        if (_state == 2) throw Ops.RuntimeError(ReuseMessage);
        if (_state == 0)
        {
            _state = 1;
            if (_throw == null) return Drive(v == PyNone.Instance ? _sendValue : v, null);
            if (_gen.Finished || (_close && !_gen.Started))
            {
                _state = 2;
                _gen.Finished = true;
                throw _close ? Ops.StopIteration() : new PyException(Exc.Make(Exc.StopAsyncIteration));
            }
            return Drive(PyNone.Instance, _throw);
        }
        return Drive(v, null);
    }

    public PyObject Throw(PyBaseException exc)
    {
        if (_state == 2) throw Ops.RuntimeError(ReuseMessage);
        _state = 1;
        return Drive(PyNone.Instance, exc);
    }

    public void Close() => _state = 2;

    /// <summary>Runs one step of the generator and turns its outcome into this awaitable's protocol.</summary>
    private PyObject Drive(PyObject send, PyBaseException? throwIn)
    {
        PyObject? r;
        try { r = throwIn != null ? _gen.ThrowNullable(throwIn) : _gen.Resume(send, null); }
        catch (PyException e)
        {
            _state = 2;
            if (_close && (e.Value.Type.IsSubtypeOf(Exc.GeneratorExit) || e.Value.Type.IsSubtypeOf(Exc.StopAsyncIteration)))
                throw Ops.StopIteration();
            throw;
        }
        if (r == null)
        {
            _state = 2;
            throw _close ? Ops.StopIteration() : new PyException(Exc.Make(Exc.StopAsyncIteration));
        }
        if (r is AsyncGenValue w)
        {
            _state = 2;
            if (_close) throw Ops.RuntimeError("async generator ignored GeneratorExit");
            throw Ops.StopIteration(w.Value);
        }
        return r;
    }
}

/// <summary>The iterator returned by <c>coroutine.__await__()</c>.</summary>
internal sealed class CoroutineWrapper(PyGenerator coro) : PyObject
{
    public readonly PyGenerator Coro = coro;
    public override PyType Type => AsyncTypes.CoroWrapper;
}

/// <summary>The awaitable of <c>anext(it, default)</c>: awaits <c>__anext__()</c> and turns StopAsyncIteration into the default.</summary>
internal sealed class ANextWithDefault(PyObject inner, PyObject dflt) : PyObject
{
    private PyObject? _it;
    public override PyType Type => AsyncTypes.ANextAwaitable;

    public PyObject Step(PyObject send, PyBaseException? throwIn)
    {
        _it ??= AsyncTypes.GetAwaitable(inner);
        try
        {
            if (throwIn != null)
            {
                var m = Ops.GetAttrOrNull(_it, "throw");
                if (m == null) throw new PyException(throwIn);
                return Ops.Call(m, throwIn);
            }
            if (send == PyNone.Instance) return Ops.CallMethod(_it.Type.Lookup("__next__")!, _it);
            return Ops.Call(Ops.GetAttr(_it, "send"), send);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.StopAsyncIteration))
        {
            throw Ops.StopIteration(dflt);
        }
    }
}

/// <summary>The builtin types of coroutines and async generators, and the await/async-for protocol helpers.</summary>
public static class AsyncTypes
{
    internal static readonly PyType Coroutine = Make("coroutine"), AsyncGenerator = Make("async_generator"),
        ASend = Make("async_generator_asend"), AThrow = Make("async_generator_athrow"),
        WrappedValue = Make("async_generator_wrapped_value"), CoroWrapper = Make("coroutine_wrapper"),
        ANextAwaitable = Make("anext_awaitable");

    private static PyType Make(string name)
    {
        var t = new PyType(name, [PyType.Object], PyType.TypeType, true);
        t.Dict.SetStr("__module__", new PyStr("builtins"));
        t.HasInstanceDict = false;
        return t;
    }

    internal static PyType TypeOf(GenKind k) => k == GenKind.Coroutine ? Coroutine : AsyncGenerator;

    internal static string KindName(GenKind k) => k switch { GenKind.Coroutine => "coroutine", GenKind.AsyncGenerator => "async generator", _ => "generator" };

    private static PyGenerator G(PyObject o) => (PyGenerator)o;

    /// <summary>The exception of a throw(type[, value[, tb]]) call.</summary>
    internal static PyBaseException ThrowArg(PyObject[] a)
    {
        PyBaseException exc;
        if (a.Length >= 3 && a[1] is PyType et && a[2] != PyNone.Instance)
            exc = a[2] is PyBaseException be ? be : Interpreter.MakeException(Ops.Call(et, a[2]));
        else exc = Interpreter.MakeException(a[1]);
        if (a.Length >= 4 && a[3] is PyTraceback tb) exc.Traceback = tb;
        return exc;
    }

    static AsyncTypes()
    {
        var c = Coroutine;
        c.Def("send", (s, v) => G(s).Send(v));
        c.DefN("throw", (a, k) => G(a[0]).Throw(ThrowArg(a)));
        c.Def("close", s => { G(s).Close(); return PyNone.Instance; });
        c.Def("__await__", s => new CoroutineWrapper(G(s)));
        c.Def("__repr__", s => new PyStr($"<coroutine object {G(s).QualName} at 0x{Ops.Id(s):x12}>"));
        c.Prop("__name__", s => new PyStr(G(s).Name), (s, v) => G(s).Name = Ops.StrString(v!));
        c.Prop("__qualname__", s => new PyStr(G(s).QualName), (s, v) => G(s).QualName = Ops.StrString(v!));
        c.Prop("cr_running", s => PyBool.Of(G(s).Running));
        c.Prop("cr_frame", s => G(s).Finished ? PyNone.Instance : G(s).Frame);
        c.Prop("cr_code", s => G(s).Frame.Code);
        c.Prop("cr_await", s => PyNone.Instance);

        var w = CoroWrapper;
        w.Def("__iter__", s => s);
        w.Def("__next__", s => ((CoroutineWrapper)s).Coro.Send(PyNone.Instance));
        w.Def("send", (s, v) => ((CoroutineWrapper)s).Coro.Send(v));
        w.DefN("throw", (a, k) => ((CoroutineWrapper)a[0]).Coro.Throw(ThrowArg(a)));
        w.Def("close", s => { ((CoroutineWrapper)s).Coro.Close(); return PyNone.Instance; });

        var ag = AsyncGenerator;
        ag.Def("__aiter__", s => s);
        ag.Def("__anext__", s => new AsyncGenStep(InitHooks(G(s)), PyNone.Instance, null, false));
        ag.Def("asend", (s, v) => new AsyncGenStep(InitHooks(G(s)), v, null, false));
        ag.DefN("athrow", (a, k) => new AsyncGenStep(InitHooks(G(a[0])), PyNone.Instance, ThrowArg(a), false));
        ag.Def("aclose", s => new AsyncGenStep(InitHooks(G(s)), PyNone.Instance, Exc.Make(Exc.GeneratorExit), true));
        ag.Def("__repr__", s => new PyStr($"<async_generator object {G(s).QualName} at 0x{Ops.Id(s):x12}>"));
        ag.Prop("__name__", s => new PyStr(G(s).Name), (s, v) => G(s).Name = Ops.StrString(v!));
        ag.Prop("__qualname__", s => new PyStr(G(s).QualName), (s, v) => G(s).QualName = Ops.StrString(v!));
        ag.Prop("ag_running", s => PyBool.Of(G(s).Running));
        ag.Prop("ag_frame", s => G(s).Finished ? PyNone.Instance : G(s).Frame);
        ag.Prop("ag_code", s => G(s).Frame.Code);
        ag.Prop("ag_await", s => PyNone.Instance);

        var an = ANextAwaitable;
        an.Def("__await__", s => s);
        an.Def("__iter__", s => s);
        an.Def("__next__", s => ((ANextWithDefault)s).Step(PyNone.Instance, null));
        an.Def("send", (s, v) => ((ANextWithDefault)s).Step(v, null));
        an.DefN("throw", (a, k) => ((ANextWithDefault)a[0]).Step(PyNone.Instance, ThrowArg(a)));
        an.Def("close", s => PyNone.Instance);

        foreach (var t in new[] { ASend, AThrow })
        {
            t.Def("__await__", s => s);
            t.Def("__iter__", s => s);
            t.Def("__next__", s => ((AsyncGenStep)s).Send(PyNone.Instance));
            t.Def("send", (s, v) => ((AsyncGenStep)s).Send(v));
            t.DefN("throw", (a, k) => ((AsyncGenStep)a[0]).Throw(ThrowArg(a)));
            t.Def("close", s => { ((AsyncGenStep)s).Close(); return PyNone.Instance; });
        }
    }

    /// <summary>Builtin aiter().</summary>
    public static PyObject AIter(PyObject o)
    {
        var m = o.Type.Lookup("__aiter__");
        if (m == null || m == PyNone.Instance) throw Ops.TypeError($"'{Ops.TypeName(o)}' object is not an async iterable");
        var r = Ops.CallMethod(m, o);
        if (r.Type.Lookup("__anext__") == null) throw Ops.TypeError($"aiter() returned not an async iterator of type '{Ops.TypeName(r)}'");
        return r;
    }

    /// <summary>Builtin anext(aiterator[, default]).</summary>
    public static PyObject ANext(PyObject[] a, string[]? k)
    {
        ArgParser.Count("anext", a, 1, 2);
        var m = a[0].Type.Lookup("__anext__");
        if (m == null) throw Ops.TypeError($"'{Ops.TypeName(a[0])}' object is not an async iterator");
        var aw = Ops.CallMethod(m, a[0]);
        return a.Length == 1 ? aw : new ANextWithDefault(aw, a[1]);
    }

    // ---- sys.set_asyncgen_hooks: event loops learn of async generators to close them at shutdown ----

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Runtime, PyObject[]> s_hooks = new();

    private static PyObject[] Hooks(Runtime rt)
    {
        if (!s_hooks.TryGetValue(rt, out var h))
        {
            h = [PyNone.Instance, PyNone.Instance];
            s_hooks.AddOrUpdate(rt, h);
        }
        return h;
    }

    internal static void AddSysHooks(PyDict sys)
    {
        sys.Def(Reg.FnN("set_asyncgen_hooks", (a, k) =>
        {
            var p = ArgParser.Parse("set_asyncgen_hooks", a, k, ["firstiter", "finalizer"], 0);
            var h = Hooks(Runtime.Current);
            for (int i = 0; i < 2; i++)
            {
                if (p[i] == null) continue;
                if (p[i] != PyNone.Instance && !Ops.IsCallable(p[i]!))
                    throw Ops.TypeError($"callable {(i == 0 ? "firstiter" : "finalizer")} expected, got {Ops.TypeName(p[i]!)}");
                h[i] = p[i]!;
            }
            return PyNone.Instance;
        }));
        sys.Def(Reg.Fn("get_asyncgen_hooks", () => { var h = Hooks(Runtime.Current); return PyTuple.Of(h[0], h[1]); }));
    }

    /// <summary>Calls the firstiter hook the first time an async generator is iterated.</summary>
    private static PyGenerator InitHooks(PyGenerator g)
    {
        if (g.HooksInited) return g;
        g.HooksInited = true;
        var first = Hooks(Runtime.Current)[0];
        if (first != PyNone.Instance) Ops.Call(first, g);
        return g;
    }

    // ---- protocol helpers used by the await and async-for opcodes ----

    private static bool IsIterator(PyObject o) => o is PyIter || (o is PyGenerator g && g.Kind == GenKind.Generator) || o.Type.Lookup("__next__") != null;

    /// <summary>GET_AWAITABLE: the iterator an <c>await</c> delegates to.</summary>
    public static PyObject GetAwaitable(PyObject o)
    {
        if (o is PyGenerator g)
        {
            if (g.Kind == GenKind.Coroutine)
            {
                if (g.InYieldFrom) throw Ops.RuntimeError("coroutine is being awaited already");
                return o;
            }
            if (g.Kind == GenKind.Generator && (g.Frame.Code.Flags & CodeFlags.IterableCoroutine) != 0) return o;
        }
        var m = o.Type.Lookup("__await__");
        if (m == null || m == PyNone.Instance) throw Ops.TypeError($"object {Ops.TypeName(o)} can't be used in 'await' expression");
        var r = Ops.CallMethod(m, o);
        if (r is PyGenerator rg && rg.Kind == GenKind.Coroutine) throw Ops.TypeError("__await__() returned a coroutine");
        if (!IsIterator(r)) throw Ops.TypeError($"__await__() returned non-iterator of type '{Ops.TypeName(r)}'");
        return r;
    }

    /// <summary>GET_AITER.</summary>
    public static PyObject GetAIter(PyObject o)
    {
        var m = o.Type.Lookup("__aiter__");
        if (m == null || m == PyNone.Instance) throw Ops.TypeError($"'async for' requires an object with __aiter__ method, got {Ops.TypeName(o)}");
        var r = Ops.CallMethod(m, o);
        if (r.Type.Lookup("__anext__") == null)
            throw Ops.TypeError($"'async for' received an object from __aiter__ that does not implement __anext__: {Ops.TypeName(r)}");
        return r;
    }

    /// <summary>GET_ANEXT: the awaitable iterator of the next step of an async iterator.</summary>
    public static PyObject GetANext(PyObject aiter)
    {
        if (aiter is PyGenerator g && g.Kind == GenKind.AsyncGenerator) return new AsyncGenStep(InitHooks(g), PyNone.Instance, null, false);
        var m = aiter.Type.Lookup("__anext__");
        if (m == null) throw Ops.TypeError($"'async for' requires an iterator with __anext__ method, got {Ops.TypeName(aiter)}");
        var r = Ops.CallMethod(m, aiter);
        try { return GetAwaitable(r); }
        catch (PyException e) when (e.Value.Type == Exc.TypeError)
        {
            var te = Ops.TypeError($"'async for' received an invalid object from __anext__: {Ops.TypeName(r)}");
            te.Value.Cause = e.Value;
            throw te;
        }
    }

    /// <summary>BEFORE_ASYNC_WITH: returns the bound <c>__aexit__</c> and the awaitable of <c>__aenter__()</c>.</summary>
    public static PyObject BeforeAsyncWith(PyObject mgr, out PyObject exit)
    {
        var enter = mgr.Type.Lookup("__aenter__");
        var ex = mgr.Type.Lookup("__aexit__");
        if (enter == null || ex == null)
            throw Ops.TypeError($"'{Ops.TypeName(mgr)}' object does not support the asynchronous context manager protocol");
        exit = Ops.DescrGet(ex, mgr, mgr.Type);
        return Ops.CallMethod(enter, mgr);
    }
}
