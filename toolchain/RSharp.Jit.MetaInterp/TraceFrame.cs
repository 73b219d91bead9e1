using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// One interpreter frame while tracing (RPython's MIFrame): every register holds a concrete
/// value and the trace value (box) it stands for. Registers above the bank's count are the
/// constant pool, whose boxes are constants.
/// </summary>
internal sealed class TraceFrame
{
    public TraceFrame(JitCode jitcode, Func<object?, Const> constRef)
    {
        JitCode = jitcode;
        I = new long[jitcode.NumInts + jitcode.ConstInts.Length];
        R = new object?[jitcode.NumRefs + jitcode.ConstRefs.Length];
        F = new double[jitcode.NumFloats + jitcode.ConstFloats.Length];
        BI = new TraceValue?[I.Length];
        BR = new TraceValue?[R.Length];
        BF = new TraceValue?[F.Length];
        for (int k = 0; k < jitcode.ConstInts.Length; k++)
        {
            I[jitcode.NumInts + k] = jitcode.ConstInts[k];
            BI[jitcode.NumInts + k] = new ConstInt(jitcode.ConstInts[k]);
        }
        for (int k = 0; k < jitcode.ConstRefs.Length; k++)
        {
            R[jitcode.NumRefs + k] = jitcode.ConstRefs[k];
            BR[jitcode.NumRefs + k] = constRef(jitcode.ConstRefs[k]);
        }
        for (int k = 0; k < jitcode.ConstFloats.Length; k++)
        {
            F[jitcode.NumFloats + k] = jitcode.ConstFloats[k];
            BF[jitcode.NumFloats + k] = new ConstFloat(jitcode.ConstFloats[k]);
        }
    }

    public readonly JitCode JitCode;
    public readonly long[] I;
    public readonly object?[] R;
    public readonly double[] F;
    public readonly TraceValue?[] BI;
    public readonly TraceValue?[] BR;
    public readonly TraceValue?[] BF;

    /// <summary>The instruction being executed (only advanced once it is done).</summary>
    public int Pc;
    /// <summary>The last <c>-live-</c> executed: its position, the position after it, and its set.</summary>
    public int LivePc = -1, LiveNext = -1;
    public LiveSet? Live;
    /// <summary>While a callee runs: the inline call and the live set before it.</summary>
    public int CallPc;
    public LiveSet? CallLive;
    public Exception? LastException;
    public TraceValue? LastExceptionBox;

    /// <summary>An inlined recursive invocation of the portal (not the trace's outermost frame).</summary>
    public bool IsNestedPortal;
    /// <summary>For a nested portal frame: true once past its first merge point.</summary>
    public bool PastEntry;
    /// <summary>For a nested portal frame: the green key of its first merge point, once reached (null if resumed mid-way).</summary>
    public GreenKey? EntryKey;
    /// <summary>For a nested portal frame: where the caller continues, and where the result goes.</summary>
    public int PortalAfter;
    public char PortalResultBank = 'v';
    public int PortalResultReg = -1;

    public void SetI(int reg, long v, TraceValue box) { I[reg] = v; BI[reg] = box; }
    public void SetR(int reg, object? v, TraceValue box) { R[reg] = v; BR[reg] = box; }
    public void SetF(int reg, double v, TraceValue box) { F[reg] = v; BF[reg] = box; }

    public TraceValue? Box(char bank, int reg) => bank switch { 'i' => BI[reg], 'r' => BR[reg], _ => BF[reg] };

    public object? Value(char bank, int reg) => bank switch { 'i' => I[reg], 'r' => R[reg], _ => F[reg] };

    /// <summary>Sets a register from a boxed concrete value (long, double, object) and its trace value.</summary>
    public void Set(char bank, int reg, object? v, TraceValue box)
    {
        switch (bank)
        {
            case 'i': SetI(reg, v is null ? 0 : ValueKinds.ToInt(v), box); break;
            case 'f': SetF(reg, v is null ? 0 : ValueKinds.ToFloat(v), box); break;
            default: SetR(reg, v, box); break;
        }
    }

    /// <summary>Replaces every occurrence of a box (after a guard_value made it a constant).</summary>
    public void Replace(TraceValue old, TraceValue with)
    {
        var banks = old.Kind switch { ValueKind.Int => BI, ValueKind.Ref => BR, _ => BF };
        for (int k = 0; k < banks.Length; k++)
            if (ReferenceEquals(banks[k], old)) banks[k] = with;
        if (ReferenceEquals(LastExceptionBox, old)) LastExceptionBox = with;
    }

    /// <summary>The same state as a blackhole frame (to continue without tracing).</summary>
    public BlackholeInterpreter.Frame ToBlackhole()
    {
        var f = BlackholeInterpreter.NewFrameFor(JitCode);
        Array.Copy(I, f.Ints, I.Length);
        Array.Copy(R, f.Refs, R.Length);
        Array.Copy(F, f.Floats, F.Length);
        f.Pc = Pc;
        f.LastException = LastException;
        f.AtEntry = IsNestedPortal && !PastEntry;
        return f;
    }
}
