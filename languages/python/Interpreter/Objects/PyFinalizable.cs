using System.Collections.Concurrent;

namespace PySharp.Interpreter;

/// <summary>
/// An instance of a class with <c>__del__</c>. The .NET finalizer resurrects it into a queue;
/// <c>gc.collect()</c> (and the end of the program) run the queued <c>__del__</c> methods on the
/// interpreter thread, since Python code must not run on the finalizer thread.
/// </summary>
public sealed class PyFinalizable : PyInstance
{
    internal static readonly ConcurrentQueue<PyFinalizable> Pending = new();
    private bool _finalized;

    public PyFinalizable(PyType cls) : base(cls) { }

    ~PyFinalizable()
    {
        if (!_finalized) Pending.Enqueue(this);
    }

    /// <summary>Runs the __del__ of every collected instance; returns how many ran.</summary>
    public static int RunPending(Runtime rt)
    {
        int n = 0;
        while (Pending.TryDequeue(out var o))
        {
            if (o._finalized) continue;
            o._finalized = true;
            n++;
            var del = o.Class.Lookup("__del__");
            if (del == null) continue;
            try { Ops.CallMethod(del, o); }
            catch (PyException e)
            {
                Engine.FlushStd(rt);
                rt.Stderr.Write($"Exception ignored in: {Ops.ReprString(del)}\n" + Errors.FormatException(e.Value));
            }
        }
        return n;
    }
}
