using PySharp.Compiler;

namespace PySharp.Interpreter;

/// <summary>A generator: a suspended frame resumed by next/send/throw/close.</summary>
public sealed class PyGenerator : PyObject
{
    public readonly Frame Frame;
    public string Name, QualName;
    public bool Running, Finished, Started;
    /// <summary>Set by the dispatch loop: true when the last run stopped at a yield.</summary>
    public bool Yielded;
    public PyObject? ReturnValue;
    /// <summary>What the frame's code makes this object: a generator, a coroutine or an async generator.</summary>
    public readonly GenKind Kind;
    /// <summary>Async generators: the firstiter hook (sys.set_asyncgen_hooks) has been called.</summary>
    public bool HooksInited;

    public PyGenerator(Frame frame, string name, string qualname)
    {
        Frame = frame;
        frame.Generator = this;
        Name = name;
        QualName = qualname;
        var fl = frame.Code.Flags;
        Kind = (fl & CodeFlags.Coroutine) != 0 ? GenKind.Coroutine : (fl & CodeFlags.AsyncGenerator) != 0 ? GenKind.AsyncGenerator : GenKind.Generator;
    }

    public override PyType Type => Kind == GenKind.Generator ? PyType.Generator : AsyncTypes.TypeOf(Kind);

    /// <summary>Resumes; returns the yielded value, or null when the generator returned (value in <see cref="ReturnValue"/>).</summary>
    public PyObject? Resume(PyObject send, PyException? throwIn)
    {
        if (Running) throw Ops.ValueError(AsyncTypes.KindName(Kind) + " already executing");
        if (Finished)
        {
            if (Kind == GenKind.Coroutine) throw Ops.RuntimeError("cannot reuse already awaited coroutine");
            if (throwIn != null) throw throwIn;
            ReturnValue = PyNone.Instance;
            return null;
        }
        if (!Started)
        {
            if (throwIn == null && send != PyNone.Instance)
                throw Ops.TypeError("can't send non-None value to a just-started " + AsyncTypes.KindName(Kind));
            Started = true;
        }
        else if (throwIn == null) Frame.Stack[Frame.Sp++] = send;
        Frame.ThrowIn = throwIn;
        var rt = Frame.Rt ??= Runtime.Current;
        if (++rt.Depth > rt.RecursionLimit)
        {
            rt.Depth--;
            throw Ops.Error(Exc.RecursionError, "maximum recursion depth exceeded");
        }
        Running = true;
        Frame.Back = rt.CurrentFrame;
        rt.CurrentFrame = Frame;
        var savedHandled = rt.HandledException;
        rt.HandledException = Frame.SavedHandled ?? savedHandled;
        try
        {
            var r = Interpreter.Run(Frame);
            if (Yielded)
            {
                Frame.SavedHandled = rt.HandledException == savedHandled ? null : rt.HandledException;
                return r;
            }
            Finished = true;
            ReturnValue = r;
            return null;
        }
        catch (PyException e)
        {
            Finished = true;
            if (e.Value.Type.IsSubtypeOf(Exc.StopIteration) || (Kind == GenKind.AsyncGenerator && e.Value.Type.IsSubtypeOf(Exc.StopAsyncIteration)))
            {
                var re = Ops.RuntimeError(AsyncTypes.KindName(Kind) + " raised " + e.Value.Type.Name);
                re.Value.Cause = e.Value;
                re.Value.Context = e.Value;
                throw re;
            }
            throw;
        }
        finally
        {
            rt.HandledException = savedHandled;
            Running = false;
            rt.CurrentFrame = Frame.Back;
            rt.Depth--;
        }
    }

    internal bool InYieldFrom => !Finished && Started && Frame.Pc < Frame.Code.Instrs.Length && (Op)(Frame.Code.Instrs[Frame.Pc] & 0xFF) == Op.YieldFrom;

    public PyObject Send(PyObject v)
    {
        var r = Resume(v, null);
        if (r == null) throw Ops.StopIteration(ReturnValue is PyNone ? null : ReturnValue);
        return r;
    }

    public PyObject Throw(PyBaseException exc)
    {
        if (InYieldFrom)
        {
            var sub = Frame.Stack[Frame.Sp - 1]!;
            PyObject? r = null;
            PyException? raised = null;
            PyObject? result = null;
            try
            {
                if (exc.Type.IsSubtypeOf(Exc.GeneratorExit))
                {
                    CloseSub(sub);
                    raised = new PyException(exc);
                }
                else if (sub is PyGenerator g)
                {
                    r = g.ThrowNullable(exc);
                    if (r == null) result = g.ReturnValue ?? PyNone.Instance;
                }
                else
                {
                    var m = Ops.GetAttrOrNull(sub, "throw");
                    if (m == null) raised = new PyException(exc);
                    else r = Ops.Call(m, exc);
                }
            }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.StopIteration) && sub is not PyGenerator)
            {
                result = e.Value.GetAttr("value") ?? PyNone.Instance;
            }
            catch (PyException e) { raised = e; }
            if (r != null) return r;
            // The delegation ended: continue this frame after the YIELD_FROM.
            Frame.Sp--;
            Frame.Stack[Frame.Sp] = null;
            if (raised != null)
            {
                var rr = Resume(PyNone.Instance, raised);
                if (rr == null) throw Ops.StopIteration(ReturnValue is PyNone ? null : ReturnValue);
                return rr;
            }
            Frame.Pc++;
            Frame.Stack[Frame.Sp++] = result!;
            Started = true;
            var r2 = ResumeNoPush();
            if (r2 == null) throw Ops.StopIteration(ReturnValue is PyNone ? null : ReturnValue);
            return r2;
        }
        var v = Resume(PyNone.Instance, new PyException(exc));
        if (v == null) throw Ops.StopIteration(ReturnValue is PyNone ? null : ReturnValue);
        return v;
    }

    internal PyObject? ThrowNullable(PyBaseException exc)
    {
        try { return Throw(exc); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.StopIteration) && Finished)
        {
            ReturnValue = e.Value.GetAttr("value") ?? PyNone.Instance;
            return null;
        }
    }

    private PyObject? ResumeNoPush()
    {
        // Resume without pushing a sent value (the value is already on the stack).
        Frame.Sp--;
        var v = Frame.Stack[Frame.Sp]!;
        Frame.Stack[Frame.Sp] = null;
        return Resume(v, null);
    }

    private static void CloseSub(PyObject sub)
    {
        if (sub is PyGenerator g) { g.Close(); return; }
        var m = Ops.GetAttrOrNull(sub, "close");
        if (m != null) Ops.Call(m);
    }

    public void Close()
    {
        if (Finished) return;
        if (!Started) { Finished = true; return; }
        try
        {
            var r = Throw(Exc.Make(Exc.GeneratorExit));
            throw Ops.RuntimeError(AsyncTypes.KindName(Kind) + " ignored GeneratorExit");
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.GeneratorExit) || e.Value.Type.IsSubtypeOf(Exc.StopIteration))
        {
            Finished = true;
        }
    }
}
