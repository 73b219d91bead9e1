using RSharp.Hints;
using RSharp.Jit.Backend;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Optimizer;
using RSharp.Jit.Traces;
using Frame = RSharp.Jit.JitCodes.BlackholeInterpreter.Frame;
using Result = RSharp.Jit.JitCodes.BlackholeInterpreter.Result;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// Runs a portal jitcode with a tracing JIT (RPython's <c>meta_interp</c>): the blackhole
/// interpreter runs it and counts <c>can_enter_jit</c> per green key; a hot loop is traced from
/// its next <c>jit_merge_point</c>, optimized and compiled by the backend; compiled code is
/// entered at merge points of its green key; a failing guard resumes the interpreter frames in
/// the blackhole, and a guard that fails often gets a bridge.
/// </summary>
public sealed partial class MetaInterpreter
{
    private static readonly object s_leave = new();

    private readonly JitCounters _counters = new();
    private readonly LoopTable _loops = new();
    private readonly Dictionary<LoopToken, CompiledLoop> _byToken = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GreenKey, int> _abortsAt = new();
    private readonly Dictionary<Operation, GuardInfo> _guards = new(ReferenceEqualityComparer.Instance);
    private readonly List<TraceLogEntry> _log = [];
    private bool _tracing;
    private Frame? _leaveFrame;
    private Frame? _traceNext;
    private int _traceCount;

    /// <summary>Creates a meta-interpreter for <paramref name="portal"/> (the jitcode with the jit_merge_point).</summary>
    /// <param name="portal">The portal jitcode.</param>
    /// <param name="greenCount">How many leading merge point arguments are greens.</param>
    /// <param name="backend">The backend that compiles traces.</param>
    /// <param name="parameters">JIT parameters (threshold, trace_eagerness, trace_limit, enable_opts); defaults if null.</param>
    public MetaInterpreter(JitCode portal, int greenCount, IJitBackend backend, JitParameters? parameters = null)
    {
        Portal = portal;
        GreenCount = greenCount;
        Backend = backend;
        Parameters = parameters ?? JitParameters.Defaults.Clone();
        Blackhole = new BlackholeInterpreter { MergePointHook = Hook, QuasiImmutableWriteHook = QuasiImmutableWritten };
    }

    /// <summary>The portal jitcode.</summary>
    public JitCode Portal { get; }
    /// <summary>Number of greens of the portal's merge points.</summary>
    public int GreenCount { get; }
    /// <summary>The backend.</summary>
    public IJitBackend Backend { get; }
    /// <summary>The JIT parameters in use (may be changed between runs).</summary>
    public JitParameters Parameters { get; }
    /// <summary>The blackhole interpreter that runs what is not compiled (its MaxDepth and PoisonDeadRegisters can be set).</summary>
    public BlackholeInterpreter Blackhole { get; }
    /// <summary>Counters.</summary>
    public JitStats Stats { get; } = new();
    /// <summary>Every loop and bridge compiled, in order.</summary>
    public IReadOnlyList<TraceLogEntry> Log => _log;
    /// <summary>Called with each compiled trace's text (for logs).</summary>
    public Action<string>? Logger { get; set; }

    /// <summary>Runs the portal with .NET arguments (receiver first) and returns its result boxed as the method's return type.</summary>
    public object? Run(params object?[] args)
    {
        if (args.Length != Portal.Arguments.Length)
            throw new ArgumentException($"{Portal.Name} takes {Portal.Arguments.Length} arguments, got {args.Length}");
        var frame = BlackholeInterpreter.NewFrameFor(Portal);
        for (int k = 0; k < args.Length; k++)
        {
            var (bank, reg) = Portal.Arguments[k];
            switch (bank)
            {
                case 'i': frame.Ints[reg] = BlackholeValues.ToInt(args[k]); break;
                case 'f': frame.Floats[reg] = BlackholeValues.ToFloat(args[k]); break;
                default: frame.Refs[reg] = args[k]; break;
            }
        }
        var r = RunFrames([frame], null);
        return Portal.ResultBank switch
        {
            'i' => BlackholeValues.FromInt(r.Int, Portal.ReturnType),
            'f' => BlackholeValues.FromFloat(r.Float, Portal.ReturnType),
            'r' => r.Ref,
            _ => null,
        };
    }

    /// <summary>The compiled loop at a green key, if any.</summary>
    internal CompiledLoop? CompiledAt(GreenKey key) => _loops.Get(key);

    internal GreenKey KeyOf(MergePointArgs mp, Func<char, int, object?> value)
    {
        var greens = new object?[GreenCount];
        for (int k = 0; k < GreenCount; k++) greens[k] = value(mp.Args[k].Bank, mp.Args[k].Reg);
        return new GreenKey(greens);
    }

    private static object? FrameValue(Frame f, char bank, int reg) => bank switch { 'i' => f.Ints[reg], 'r' => f.Refs[reg], _ => f.Floats[reg] };

    private GreenKey KeyAt(Frame f) => KeyOf(MergePointArgs.At(f.JitCode, f.Pc), (b, r) => FrameValue(f, b, r));

    // ---------------------------------------------------------------- the driver loop

    /// <summary>Runs frames in the blackhole; whenever the outermost reaches a merge point with something to do, does it.</summary>
    private Result RunFrames(List<Frame> frames, Exception? raised)
    {
        while (true)
        {
            var saved = _leaveFrame;
            _leaveFrame = frames[0];
            Result r;
            try
            {
                r = Blackhole.ResumeStack(frames, raised);
            }
            finally
            {
                _leaveFrame = saved;
            }
            if (!ReferenceEquals(r.Ref, s_leave)) return r;
            var next = AtMergePoint(frames[0]);
            if (next.Done is { } done) return done;
            frames = next.Frames!;
            raised = next.Raised;
        }
    }

    private readonly record struct Next(Result? Done, List<Frame>? Frames, Exception? Raised);

    /// <summary>The portal frame is at a jit_merge_point: enter compiled code, trace, or go on interpreting.</summary>
    private Next AtMergePoint(Frame frame)
    {
        while (true)
        {
            var mp = MergePointArgs.At(frame.JitCode, frame.Pc);
            if (_loops.Find(frame, mp, GreenHash.Of(frame, mp, GreenCount)) is { } loop)
            {
                var next = RunCompiled(loop, frame, out var mergePoint);
                if (mergePoint is null) return next;
                frame = mergePoint;
                continue;
            }
            if (ReferenceEquals(_traceNext, frame) && !_tracing)
            {
                _traceNext = null;
                var end = TraceLoop(frame, KeyAt(frame), _traceNextIsEntry);
                if (end.Kind == TraceEndKind.Closed)
                {
                    frame = end.MergePointFrame!;
                    if (_loops.Contains(KeyAt(frame))) continue;
                }
                else if (end.Kind == TraceEndKind.Aborted)
                {
                    return new Next(null, end.Frames, null);
                }
                else
                {
                    // An entry trace followed the invocation to its end.
                    if (end.Raised is not null) GuestException.Throw(end.Raised);
                    return new Next(ToResult(Portal.ResultBank, end.Value), null, null);
                }
            }
            frame.Pc = mp.Next;
            return new Next(null, [frame], null);
        }
    }

    /// <summary>Hook of the blackhole at merge points: counting, and handing portal frames over to the JIT.</summary>
    private Result? Hook(Frame frame, bool canEnterJit)
    {
        if (frame.JitCode != Portal || !Parameters.Enabled) return null;
        // This runs at every merge point the blackhole passes: no allocation until something happens.
        var mp = MergePointArgs.At(frame.JitCode, frame.Pc);
        uint hash = GreenHash.Of(frame, mp, GreenCount);
        if (canEnterJit)
        {
            if (!_tracing && _counters.TickLoop(hash, Parameters.Threshold) && _abortsAt.GetValueOrDefault(KeyAt(frame)) < 2)
            {
                _traceNext = frame;
                _traceNextIsEntry = false;
            }
            return null;
        }
        var compiled = _loops.Find(frame, mp, hash);
        if (frame.AtEntry) CountEntry(frame, hash, compiled);
        bool act = compiled is not null || (ReferenceEquals(_traceNext, frame) && !_tracing);
        if (!act) return null;
        if (ReferenceEquals(frame, _leaveFrame)) return new Result(0, s_leave, 0);
        // A portal invocation nested in the blackhole (a recursive guest call): drive it here.
        var next = AtMergePoint(frame);
        return next.Done ?? RunFrames(next.Frames!, next.Raised);
    }

    private static JitValues Reds(Frame frame, int greenCount)
    {
        var reds = MergePointArgs.At(frame.JitCode, frame.Pc).Reds(frame.JitCode, greenCount);
        var values = new JitValues(reds.Select(r => Tracer.KindOf(r.Bank)).ToArray());
        for (int k = 0; k < reds.Length; k++)
            switch (reds[k].Bank)
            {
                case 'i': values.Ints[k] = frame.Ints[reds[k].Reg]; break;
                case 'r': values.Refs[k] = frame.Refs[reds[k].Reg]; break;
                default: values.Floats[k] = frame.Floats[reds[k].Reg]; break;
            }
        return values;
    }

    /// <summary>Runs a compiled loop from the frame's merge point until it finishes or a guard fails.</summary>
    private Next RunCompiled(CompiledLoop loop, Frame frame, out Frame? mergePoint)
    {
        mergePoint = null;
        if (EntryArgs(loop, frame) is not { } args)
        {
            // The virtualizable's arrays changed length since the loop was traced: interpret.
            frame.Pc = MergePointArgs.At(frame.JitCode, frame.Pc).Next;
            return new Next(null, [frame], null);
        }
        Stats.Entries++;
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var df = Backend.Execute(loop.Token, args);
        Stats.CompiledCodeTime += System.Diagnostics.Stopwatch.GetElapsedTime(t0);
        return Exited(loop, df, out mergePoint);
    }

    /// <summary>
    /// Compiled code of <paramref name="loop"/> stopped: a finish gives the portal's result; a
    /// failed guard resumes in the blackhole (or traces a bridge; when the bridge closes at a
    /// merge point, <paramref name="mergePoint"/> is the frame stopped there).
    /// </summary>
    private Next Exited(CompiledLoop loop, DeadFrame df, out Frame? mergePoint)
    {
        mergePoint = null;
        if (df.IsFinish)
        {
            Stats.Finishes++;
            return new Next(Finished(df), null, null);
        }
        Stats.GuardFailures++;
        var guard = df.FailedGuard!;
        var info = _guards[guard];
        var (resume, data) = (info.Resume, info.Data);
        var values = resume.Materialize(df.Values);
        info.Failures++;
        if (!info.BridgeDone && !_tracing && info.Failures >= Parameters.TraceEagerness)
        {
            info.BridgeDone = true; // one attempt per guard
            var end = TraceBridge(guard, resume, data, values, df.Exception, _byToken.GetValueOrDefault(df.Loop)?.Key ?? loop.Key);
            switch (end.Kind)
            {
                case TraceEndKind.Closed:
                    mergePoint = end.MergePointFrame;
                    return default;
                case TraceEndKind.Left:
                    if (end.Raised is not null) GuestException.Throw(end.Raised);
                    return new Next(ToResult(Portal.ResultBank, end.Value), null, null);
                default:
                    return new Next(null, end.Frames, null);
            }
        }
        var (frames, raised) = data.Rebuild(values, df.Exception);
        return new Next(null, frames, raised);
    }

    private Result Finished(DeadFrame df)
    {
        if (df.Exit.Descr is ExitFrameWithExceptionDescr)
            GuestException.Throw((Exception)df.Values.GetRef(0)!);
        if (df.Values.Count == 0) return default;
        return new Result(df.Values.Kinds[0] == ValueKind.Int ? df.Values.Ints[0] : 0,
            df.Values.Kinds[0] == ValueKind.Ref ? df.Values.Refs[0] : null,
            df.Values.Kinds[0] == ValueKind.Float ? df.Values.Floats[0] : 0);
    }

    private static Result ToResult(char bank, object? v) => bank switch
    {
        'i' => new Result(v is null ? 0 : ValueKinds.ToInt(v), null, 0),
        'f' => new Result(0, null, v is null ? 0 : ValueKinds.ToFloat(v)),
        _ => new Result(0, v, 0),
    };
}
