using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil;

/// <summary>
/// The signature of every compiled loop and bridge. <paramref name="entry"/> 0 starts at the
/// first operation with the trace's input arguments; entry <c>k</c> &gt; 0 starts after the
/// <c>k</c>-th label with the label's arguments. The result is an exit index (&gt;= 0, see
/// <see cref="CilCode.Exits"/>) or <see cref="CilCode.Transfer"/>.
/// </summary>
internal delegate int CodeEntry(CilCode self, CilFrame frame, JitValues input, int entry);

/// <summary>
/// A compiled loop or bridge: the DynamicMethod's delegate plus the data it reads through its
/// first argument (constant pool, bridge slots, exit descriptions).
/// </summary>
internal sealed class CilCode
{
    /// <summary>Returned by compiled code to ask the driver to continue in another piece of code.</summary>
    public const int Transfer = -1;

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
    /// <summary>Where a <see cref="CilCode.Transfer"/> continues.</summary>
    public CilCode? NextCode;
    public int NextEntry;
    public JitValues? NextInput;
    public FrameForceToken? ForceToken;

    public CilBackend Backend => backend;

    /// <summary>Prepares a transfer to a bridge (entry 0) and returns the buffer to fill with its inputs.</summary>
    public static JitValues EnterBridge(CilFrame frame, CilCode bridge)
    {
        frame.NextCode = bridge;
        frame.NextEntry = 0;
        return frame.NextInput = bridge.EntryBuffers[0];
    }

    /// <summary>Prepares a jump to a label of other code and returns the buffer to fill with the label's arguments.</summary>
    public static JitValues EnterLabel(CilFrame frame, TargetToken target)
    {
        var (code, entry) = frame.Backend.LabelOf(target);
        frame.NextCode = code;
        frame.NextEntry = entry;
        return frame.NextInput = code.EntryBuffers[entry];
    }

    public static FrameForceToken GetForceToken(CilFrame frame) => frame.ForceToken ??= new FrameForceToken();

    public static bool IsForced(CilFrame frame) => frame.ForceToken is { IsForced: true };

    /// <summary>Rethrows the pending exception: an operation that does not observe it ran after it was set.</summary>
    public static void ThrowIfPending(CilFrame frame)
    {
        if (frame.Pending is { } e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
    }
}
