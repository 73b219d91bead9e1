using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil;

/// <summary>
/// The signature of every compiled loop and bridge. <paramref name="entry"/> 0 starts at the
/// first operation with the trace's input arguments; entry <c>k</c> &gt; 0 starts after the
/// <c>k</c>-th label with the label's arguments. The result is an exit index (&gt;= 0, see
/// <see cref="CilCode.Exits"/> of the code in <see cref="CilFrame.ExitCode"/>). Transfers to
/// bridges and to labels of other code are explicit tail calls of the next code's delegate, so
/// leaving one piece of code for another costs an indirect jump, not a return to a driver.
/// </summary>
internal delegate int CodeEntry(CilCode self, CilFrame frame, JitValues input, int entry);

/// <summary>
/// A compiled loop or bridge: the DynamicMethod's delegate plus the data it reads through its
/// first argument (constant pool, bridge slots, exit descriptions).
/// </summary>
internal sealed class CilCode
{
    public CilCode(LoopToken owner, string name)
    {
        Owner = owner;
        Name = name;
    }

    public LoopToken Owner { get; }
    public string Name { get; }
    public CodeEntry Run = null!;
    /// <summary>Reference constants, loaded into locals on entry.</summary>
    public object?[] Consts = [];
    /// <summary>The guards in trace order; guard <c>g</c>'s bridge is <see cref="Bridges"/>[g].</summary>
    public Operation[] Guards = [];
    /// <summary>Exits (guards without bridge, finishes) by the index the code returns.</summary>
    public Operation[] Exits = [];
    /// <summary>Kinds of the values each exit reports.</summary>
    public ValueKind[][] ExitKinds = [];
    /// <summary>The bridge attached to guard <c>g</c>, or null: read only when the guard fails.</summary>
    public CilCode?[] Bridges = [];
    /// <summary>Reused input buffers per entry (0: the input arguments, k: label k's arguments).</summary>
    public JitValues[] EntryBuffers = [];
    /// <summary>Per guard: the buffer its exit stub writes the fail-args into (a bridge's input, or copied into the dead frame).</summary>
    public JitValues[] ExitBuffers = [];
    /// <summary>The labels of the trace and their entry numbers.</summary>
    public Dictionary<TargetToken, int> Labels { get; } = [];
    /// <summary>Readable listing of the emitted IL.</summary>
    public string IlListing = "";
    /// <summary>Number of IL instructions emitted.</summary>
    public int IlInstructionCount;
}

/// <summary>
/// The state of one <c>Execute</c>: what RPython keeps in the jitframe besides the registers.
/// Compiled code reads and writes these fields directly.
/// </summary>
internal sealed class CilFrame(CilBackend backend)
{
    /// <summary>The exception a call raised, until a guard or <c>save_exception</c> takes it.</summary>
    public Exception? Pending;
    /// <summary>The values of the exit that ended the run.</summary>
    public JitValues? Out;
    /// <summary>The code whose exit ended the run (exits are numbered per code).</summary>
    public CilCode? ExitCode;
    /// <summary>Transfers between pieces of code in this run.</summary>
    public long Transfers;
    public FrameForceToken? ForceToken;

    public CilBackend Backend => backend;

    /// <summary>
    /// Resolves a jump to a label of other code that was not compiled yet when the jumping code
    /// was (compiled code then looks it up on every jump; normally the label is resolved once, at
    /// compile time).
    /// </summary>
    public static CilCode LateLabel(CilFrame frame, TargetToken target, out int entry)
    {
        (var code, entry) = frame.Backend.LabelOf(target);
        return code;
    }

    public static FrameForceToken GetForceToken(CilFrame frame) => frame.ForceToken ??= new FrameForceToken();

    public static bool IsForced(CilFrame frame) => frame.ForceToken is { IsForced: true };

    /// <summary>Rethrows the pending exception: an operation that does not observe it ran after it was set.</summary>
    public static void ThrowIfPending(CilFrame frame)
    {
        if (frame.Pending is { } e) RSharp.Jit.GuestException.Throw(e);
    }
}
