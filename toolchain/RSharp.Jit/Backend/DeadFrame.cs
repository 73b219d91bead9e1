using RSharp.Jit.Traces;

namespace RSharp.Jit.Backend;

/// <summary>
/// What compiled code hands back when it stops: either a <c>finish</c> (its arguments are the
/// results) or a failed guard with no bridge attached (the guard's fail-args are the live values
/// the meta-interpreter resumes from).
/// </summary>
public sealed class DeadFrame(Operation exit, JitValues values, Exception? exception, LoopToken loop)
{
    /// <summary>The operation that left the code: the failing guard or the <c>finish</c>.</summary>
    public Operation Exit { get; } = exit;
    /// <summary>True if the code reached a <c>finish</c>; false if a guard failed.</summary>
    public bool IsFinish => Exit.OpCode == OpCode.Finish;
    /// <summary>The failed guard, or null after a finish.</summary>
    public Operation? FailedGuard => IsFinish ? null : Exit;
    /// <summary>The guard's fail-args values (or the finish arguments), by position.</summary>
    public JitValues Values { get; } = values;
    /// <summary>The exception pending when the code stopped (a <c>guard_no_exception</c> failing, or one a bridge saved), if any.</summary>
    public Exception? Exception { get; } = exception;
    /// <summary>The loop the code belongs to at the exit (a bridge's loop is the loop of its guard).</summary>
    public LoopToken Loop { get; } = loop;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(IsFinish ? "finish" : "guard failed: " + Exit.Info.Name)} [{string.Join(", ", Values.ToBoxedArray())}]";
}

/// <summary>
/// The token of a running frame: <c>force_token</c> returns it, a callee of
/// <c>call_may_force</c> may force it (the frame's virtuals must then be materialized), and
/// <c>guard_not_forced</c> fails if it was.
/// </summary>
public sealed class FrameForceToken
{
    /// <summary>True once forced.</summary>
    public bool IsForced { get; private set; }
    /// <summary>Forces the frame.</summary>
    public void Force() => IsForced = true;
}
