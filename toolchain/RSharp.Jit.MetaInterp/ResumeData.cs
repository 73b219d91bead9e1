using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// One interpreter frame of a guard's resume data: the jitcode, where to resume, and the value
/// of each live register, encoded compactly as tagged ints (see <see cref="Tag"/>).
/// </summary>
internal sealed class FrameSnapshot(JitCode jitCode, int pc, LiveSet live, int[] slots)
{
    public JitCode JitCode { get; } = jitCode;
    /// <summary>The innermost frame: the <c>-live-</c> to run from (or the call, see <see cref="ResumeData.AfterCall"/>); callers: their inline call.</summary>
    public int Pc { get; } = pc;
    public LiveSet Live { get; } = live;
    /// <summary>One tagged value per live register: ints ascending, then refs, then floats.</summary>
    public int[] Slots { get; } = slots;
}

/// <summary>
/// Tagged values (RPython's resume.py tagging): the low two bits say what the rest is.
/// </summary>
internal static class Tag
{
    public const int FailArg = 0;   // index into the guard's fail-args
    public const int SmallInt = 1;  // the int itself (29 bits with sign)
    public const int Const = 2;     // index into the trace's constant pool
    public const int Unset = 3;     // a register the trace never wrote (zero/null)

    public static int Make(int value, int tag) => (value << 2) | tag;
    public static int Kind(int tagged) => tagged & 3;
    public static int Value(int tagged) => tagged >> 2;
    public static bool FitsSmall(long v) => v >= -(1 << 28) && v < (1 << 28);
}

/// <summary>
/// What a guard needs to resume the interpreter: the stack of frames (outermost first) with
/// their live registers. Stored in <see cref="Operation.ResumeData"/> of the recorded guard
/// (the optimizer copies it to the guard that stands for it).
/// </summary>
internal sealed class ResumeData
{
    public required FrameSnapshot[] Frames { get; init; }
    /// <summary>The innermost frame stopped at a call (guard_no_exception, guard_exception): the call is done.</summary>
    public bool AfterCall { get; init; }
    /// <summary>With <see cref="AfterCall"/>: the bank and register of the call's result ('v' if none) and the tagged result.</summary>
    public char ResultBank { get; init; } = 'v';
    public int ResultReg { get; init; }
    public int ResultSlot { get; init; }
    /// <summary>Tagged exception to raise at the innermost frame's position, or -1.</summary>
    public int ExceptionSlot { get; init; } = -1;
    public required Const[] Consts { get; init; }
    /// <summary>The virtualizable kept in trace values: the object, then its scalars, then per array the array and its items (tagged); null if none or the heap is current.</summary>
    public int[]? VableSlots { get; init; }
    /// <summary>The layout and array lengths <see cref="VableSlots"/> follow.</summary>
    public VableShape? Vable { get; init; }


    /// <summary>Decodes one tagged value given the original guard's fail-arg values (boxed).</summary>
    public object? Decode(int tagged, IReadOnlyList<object?> failArgs) => Tag.Kind(tagged) switch
    {
        Tag.FailArg => failArgs[Tag.Value(tagged)],
        Tag.SmallInt => (long)Tag.Value(tagged),
        Tag.Const => Consts[Tag.Value(tagged)] switch
        {
            ConstInt c => c.Value,
            ConstFloat f => f.Value,
            ConstRef r => r.Value,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Decodes one tagged value as a trace value, given the boxes of the fail-args.</summary>
    public TraceValue? DecodeBox(int tagged, IReadOnlyList<TraceValue> failArgs) => Tag.Kind(tagged) switch
    {
        Tag.FailArg => failArgs[Tag.Value(tagged)],
        Tag.SmallInt => new ConstInt(Tag.Value(tagged)),
        Tag.Const => Consts[Tag.Value(tagged)],
        _ => null,
    };

    /// <summary>The live registers of a snapshot in slot order.</summary>
    public static IEnumerable<(char Bank, int Reg)> LiveRegisters(LiveSet live)
    {
        foreach (var bank in "irf")
        {
            var bits = live.Of(bank);
            for (int k = 0; k < bits.Length; k++)
                if (bits[k]) yield return (bank, k);
        }
    }

    /// <summary>
    /// Rebuilds blackhole frames from the fail-arg values. Returns the frames (outermost first)
    /// and the exception the innermost raises at its position, if any.
    /// </summary>
    public (List<BlackholeInterpreter.Frame> Frames, Exception? Raised) Rebuild(IReadOnlyList<object?> values, Exception? pending)
    {
        var frames = new List<BlackholeInterpreter.Frame>();
        foreach (var s in Frames)
        {
            var f = BlackholeInterpreter.NewFrameFor(s.JitCode);
            f.Pc = s.Pc;
            f.AtEntry = false; // resumed mid-way: not a function entry
            int k = 0;
            foreach (var (bank, reg) in LiveRegisters(s.Live))
                Store(f, bank, reg, Decode(s.Slots[k++], values));
            frames.Add(f);
        }
        if (VableSlots is { } vs && Vable is { } shape && Decode(vs[0], values) is { } vable)
            MetaInterpreter.WriteBack(shape.Layout, vable, vs.Skip(1).Select(s => Decode(s, values)).ToList());
        Exception? raised = ExceptionSlot >= 0 ? (Exception?)Decode(ExceptionSlot, values) : null;
        if (raised is null && AfterCall)
        {
            if (pending is not null) raised = pending;
            else
            {
                var inner = frames[^1];
                if (ResultBank != 'v') Store(inner, ResultBank, ResultReg, Decode(ResultSlot, values));
                inner.Pc = JitCodeDecoder.Decode(inner.JitCode.Code, inner.Pc).Next;
            }
        }
        return (frames, raised);
    }

    internal static void Store(BlackholeInterpreter.Frame f, char bank, int reg, object? v)
    {
        switch (bank)
        {
            case 'i': f.Ints[reg] = v is null ? 0 : ValueKinds.ToInt(v); break;
            case 'f': f.Floats[reg] = v is null ? 0 : ValueKinds.ToFloat(v); break;
            default: f.Refs[reg] = v; break;
        }
    }
}

/// <summary>
/// A guard of compiled code: how to rebuild its input guard's fail-args, the resume data, and
/// its own failure counter (the optimizer may copy one recorded guard into the preamble and
/// the peeled loop: each copy counts and gets a bridge on its own).
/// </summary>
internal sealed class GuardInfo(Optimizer.GuardResume resume, ResumeData data)
{
    public Optimizer.GuardResume Resume { get; } = resume;
    public ResumeData Data { get; } = data;
    /// <summary>Failures so far (RPython's per-guard counter for trace_eagerness).</summary>
    public int Failures { get; set; }
    /// <summary>A bridge was attempted (one attempt per guard).</summary>
    public bool BridgeDone { get; set; }
}

/// <summary>A compiled loop: its token, the label bridges jump to, and the kinds of its reds.</summary>
internal sealed class CompiledLoop(GreenKey key, LoopToken token, TargetToken target)
{
    public GreenKey Key { get; } = key;
    public LoopToken Token { get; } = token;
    public TargetToken Target { get; } = target;
}
