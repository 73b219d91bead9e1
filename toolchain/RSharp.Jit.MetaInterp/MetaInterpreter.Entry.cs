using System.Globalization;
using RSharp.Jit.Backend;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;
using Frame = RSharp.Jit.JitCodes.BlackholeInterpreter.Frame;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// Function entries and recursive portal calls (RPython's function_threshold, dont_trace_here
/// and the assembler helper of call_assembler).
/// </summary>
public sealed partial class MetaInterpreter
{
    private readonly HashSet<GreenKey> _dontInline = new();
    private bool _traceNextIsEntry;

    /// <summary>
    /// A portal frame at its first merge point: counts the entry of its green key; past
    /// <c>function_threshold</c> the invocation is traced from here (an entry trace).
    /// </summary>
    private void CountEntry(Frame frame, uint hash, CompiledLoop? compiled)
    {
        frame.AtEntry = false;
        if (_tracing || compiled is not null || !_counters.TickEntry(hash, Parameters.FunctionThreshold)) return;
        if (_abortsAt.GetValueOrDefault(KeyAt(frame)) >= 2) return;
        _traceNext = frame;
        _traceNextIsEntry = true;
    }

    /// <summary>True if recursive calls reaching <paramref name="key"/> are not inlined into callers' traces.</summary>
    internal bool DontInline(GreenKey key) => _dontInline.Contains(key);

    /// <summary>
    /// Callers stop inlining invocations that start at <paramref name="key"/> (they loop, or made
    /// a trace too long), and the next such invocation is traced as a function entry, so that
    /// callers can use call_assembler.
    /// </summary>
    internal void StopInlining(GreenKey key)
    {
        _dontInline.Add(key);
        RequestEntryTrace(key);
    }

    /// <summary>The next invocation that starts at <paramref name="key"/> is traced as a function entry.</summary>
    internal void RequestEntryTrace(GreenKey key)
    {
        if (!_loops.Contains(key)) _counters.PrimeEntry(key.Hash, Parameters.FunctionThreshold);
    }

    /// <summary>The next can_enter_jit at <paramref name="key"/> traces its loop. False if tracing there was given up.</summary>
    internal bool RequestLoopTrace(GreenKey key)
    {
        if (_abortsAt.GetValueOrDefault(key) >= 2) return false;
        _counters.PrimeLoop(key.Hash, Parameters.Threshold);
        return true;
    }

    /// <summary>
    /// A residual call that runs a portal invocation from the merge point at <paramref name="pc"/>
    /// (entering compiled code there if any): arguments are the greens then the reds, in register form.
    /// </summary>
    internal CallDescr MergePointCallDescr(int pc) => Cached("mergepoint:" + pc.ToString(CultureInfo.InvariantCulture), () =>
    {
        var mp = MergePointArgs.At(Portal, pc);
        var regs = mp.Args.Take(GreenCount).Concat(mp.Reds(Portal, GreenCount)).ToArray();
        return RegisterFormCall("portal_from_" + pc.ToString(CultureInfo.InvariantCulture), regs.Select(r => r.Bank), values =>
        {
            var frame = BlackholeInterpreter.NewFrameFor(Portal);
            for (int k = 0; k < regs.Length; k++) ResumeData.Store(frame, regs[k].Bank, regs[k].Reg, values[k]);
            frame.Pc = pc;
            return RunFromMergePoint(frame);
        });
    });

    /// <summary>
    /// Runs a portal invocation from its merge point (the concrete side of call_assembler while
    /// tracing): compiled code if there is some, else the blackhole. The result in register form.
    /// </summary>
    internal object? RunFromMergePoint(Frame frame)
    {
        if (frame.AtEntry && Parameters.Enabled)
        {
            var mp = MergePointArgs.At(frame.JitCode, frame.Pc);
            uint hash = GreenHash.Of(frame, mp, GreenCount);
            CountEntry(frame, hash, _loops.Find(frame, mp, hash));
        }
        var next = AtMergePoint(frame);
        return RegisterForm(next.Done ?? RunFrames(next.Frames!, next.Raised));
    }

    /// <summary>
    /// The assembler helper of every compiled loop: the exits of code entered by
    /// call_assembler. A finish gives the portal's result (or raises its exception); a failed
    /// guard is handled as when the interpreter had entered the code (bridge or blackhole), and
    /// the invocation is run to its end.
    /// </summary>
    private object? AssemblerHelper(DeadFrame df)
    {
        if (df.IsFinish)
        {
            Stats.Finishes++;
            return RegisterForm(Finished(df));
        }
        Stats.AssemblerGuardFailures++;
        var loop = _byToken[df.Loop];
        var next = Exited(loop, df, out var mergePoint);
        if (mergePoint is not null) next = AtMergePoint(mergePoint);
        return RegisterForm(next.Done ?? RunFrames(next.Frames!, next.Raised));
    }
}
