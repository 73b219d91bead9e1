using RSharp.Jit.Traces;

namespace RSharp.Jit.Backend;

/// <summary>
/// A code generator for traces. The meta-interpreter compiles loops and bridges through it,
/// the warm state runs compiled loops through it. Implementations: <c>RSharp.Backend.Interp</c>
/// (executes traces directly) and <c>RSharp.Backend.Cil</c> (DynamicMethods).
/// </summary>
/// <remarks>
/// Values cross the interface unboxed in <see cref="JitValues"/>. Guard identity is the guard
/// <see cref="Operation"/> itself (the instance in the trace that was compiled). A backend
/// instance is used from one thread at a time.
/// </remarks>
public interface IJitBackend
{
    /// <summary>A short name for logs ("interp", "cil").</summary>
    string Name { get; }

    /// <summary>
    /// Compiles a trace (normally a loop: <c>label</c> ... <c>jump</c>; a trace ending with
    /// <c>finish</c> is accepted too) and records the code in <paramref name="token"/>, which is
    /// returned. Execution starts at the first operation with the trace's input arguments.
    /// The labels of the trace become jump targets for bridges compiled later.
    /// </summary>
    LoopToken CompileLoop(Trace trace, LoopToken token);

    /// <summary>
    /// Compiles <paramref name="bridge"/> and attaches it to <paramref name="guard"/>, a guard of
    /// code this backend compiled (a loop or an earlier bridge) that has no bridge yet. The
    /// bridge's input arguments receive the guard's fail-args by position (same count and kinds).
    /// From then on the guard failing runs the bridge instead of leaving the code.
    /// </summary>
    void CompileBridge(Operation guard, Trace bridge);

    /// <summary>
    /// Runs a compiled loop with input values of the loop's input kinds, until a <c>finish</c>
    /// or a guard without a bridge fails. Throws <see cref="InvalidOperationException"/> if the
    /// loop was invalidated.
    /// </summary>
    DeadFrame Execute(LoopToken loop, JitValues args);

    /// <summary>
    /// Invalidates a compiled loop: its <c>guard_not_invalidated</c> guards (and its bridges')
    /// fail from now on, also in frames running it, and it is never entered again.
    /// </summary>
    void Invalidate(LoopToken loop);
}
