using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>Tracing stops: the reason is counted in <see cref="JitStats.Aborts"/>.</summary>
internal sealed class AbortTrace(string reason, bool counts = true) : Exception(reason)
{
    public string Reason { get; } = reason;
    /// <summary>False if the trace is expected to succeed later (it counts against the green key otherwise).</summary>
    public bool Counts { get; } = counts;
}

/// <summary>How a trace ended.</summary>
internal enum TraceEndKind
{
    /// <summary>At a merge point of the portal frame: the trace ends with a jump (<see cref="TraceEnd.Target"/>).</summary>
    Closed,
    /// <summary>The portal frame returned (<see cref="TraceEnd.Value"/>) or raised (<see cref="TraceEnd.Raised"/>).</summary>
    Left,
    /// <summary>Tracing stopped; <see cref="TraceEnd.Frames"/> continue in the blackhole.</summary>
    Aborted,
}

internal sealed class TraceEnd
{
    public TraceEndKind Kind { get; init; }
    public Trace? Trace { get; init; }
    public CompiledLoop? Target { get; init; }
    public string? Reason { get; init; }
    public bool Counts { get; init; } = true;
    public List<BlackholeInterpreter.Frame>? Frames { get; init; }
    public BlackholeInterpreter.Frame? MergePointFrame { get; init; }
    public object? Value { get; init; }
    public Exception? Raised { get; init; }
}

/// <summary>The descriptor of the <c>finish</c> that ends a trace where the portal returns (RPython's DoneWithThisFrameDescr).</summary>
internal sealed class DoneWithThisFrameDescr() : Descr("done_with_this_frame")
{
    public static readonly DoneWithThisFrameDescr Instance = new();
    public override string? TextKind => null;
}

/// <summary>The descriptor of the <c>finish</c> that ends a trace where the portal raises (RPython's ExitFrameWithExceptionDescr).</summary>
internal sealed class ExitFrameWithExceptionDescr() : Descr("exit_frame_with_exception")
{
    public static readonly ExitFrameWithExceptionDescr Instance = new();
    public override string? TextKind => null;
}

/// <summary>
/// The tracing meta-interpreter proper (RPython's pyjitpl): executes jitcodes on concrete
/// values while recording what they do as trace operations on the registers' boxes.
/// </summary>
internal sealed partial class Tracer
{
    private readonly MetaInterpreter _mi;
    private readonly List<Operation> _ops = [];
    private readonly List<InputArg> _inputs = [];
    private readonly List<TraceFrame> _frames = [];
    private readonly HashSet<TraceValue> _nonNull = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TraceValue, Type> _classes = new(ReferenceEqualityComparer.Instance);
    private readonly List<Const> _consts = [];
    private readonly Dictionary<Const, int> _constIndex = new();
    private readonly int _limit;
    private GreenKey? _startKey;
    private TargetToken? _startToken;

    public Tracer(MetaInterpreter mi)
    {
        _mi = mi;
        _limit = mi.Parameters.TraceLimit;
    }

    public bool IsBridge { get; private set; }
    /// <summary>A function entry trace: it may end where the portal frame returns or raises.</summary>
    public bool IsEntry { get; init; }
    /// <summary>The token the loop being traced will get (call_assembler target of its own recursive calls).</summary>
    public LoopToken? SelfToken { get; init; }
    public TargetToken? StartToken => _startToken;

    // ---------------------------------------------------------------- starting

    /// <summary>Starts a loop at the portal frame stopped at a jit_merge_point: greens become constants, reds the inputs.</summary>
    public void StartLoop(BlackholeInterpreter.Frame frame, GreenKey key, TargetToken token)
    {
        _startKey = key;
        _startToken = token;
        var tf = FromBlackhole(frame);
        var mp = MergePointArgs.At(frame.JitCode, frame.Pc);
        for (int k = 0; k < _mi.GreenCount; k++)
            Put(tf, mp.Args[k].Bank, mp.Args[k].Reg, ConstOf(mp.Args[k].Bank, tf.Value(mp.Args[k].Bank, mp.Args[k].Reg)));
        var reds = new List<TraceValue>();
        foreach (var (bank, reg) in mp.Reds(frame.JitCode, _mi.GreenCount))
        {
            var input = new InputArg(KindOf(bank));
            _inputs.Add(input);
            Put(tf, bank, reg, input);
            reds.Add(input);
        }
        _frames.Add(tf);
        StartVable(tf, mp, reds);
        Record(OpCode.Label, reds.ToArray(), token);
        tf.Pc = mp.Next;
        PrepareHeaderGuard(tf, mp.Next);
    }

    private static void Put(TraceFrame f, char bank, int reg, TraceValue box)
    {
        switch (bank)
        {
            case 'i': f.BI[reg] = box; break;
            case 'r': f.BR[reg] = box; break;
            default: f.BF[reg] = box; break;
        }
    }

    private TraceFrame FromBlackhole(BlackholeInterpreter.Frame frame)
    {
        var tf = NewFrame(frame.JitCode);
        Array.Copy(frame.Ints, tf.I, frame.JitCode.NumInts);
        Array.Copy(frame.Refs, tf.R, frame.JitCode.NumRefs);
        Array.Copy(frame.Floats, tf.F, frame.JitCode.NumFloats);
        tf.Pc = frame.Pc;
        tf.LastException = frame.LastException;
        return tf;
    }

    private TraceFrame NewFrame(JitCode j) => new(j, o => ConstRef(o));

    /// <summary>
    /// Starts a bridge from a failed guard: the inputs are the optimized guard's fail-args; the
    /// virtuals and pending writes of <paramref name="resume"/> are redone in the trace, then the
    /// frames of the resume data are rebuilt with concrete values and boxes.
    /// </summary>
    /// <returns>The exception the innermost frame raises first, with its box, if any.</returns>
    public (Exception, TraceValue)? StartBridge(Operation guard, Optimizer.GuardResume resume, ResumeData data,
        IReadOnlyList<object?> values, Exception? pending)
    {
        IsBridge = true;
        var boxes = new TraceValue[guard.FailArgs!.Count];
        for (int k = 0; k < boxes.Length; k++)
        {
            var input = new InputArg(guard.FailArgs[k].Kind);
            _inputs.Add(input);
            boxes[k] = guard.FailArgs[k] as Const ?? (TraceValue)input;
        }
        var virtuals = new TraceValue?[resume.Virtuals.Count];
        TraceValue Ref(int r) => r >= 0 ? boxes[r] : virtuals[~r]!;
        for (int j = 0; j < virtuals.Length; j++)
        {
            var v = resume.Virtuals[j];
            var op = v.Type is not null
                ? Record(OpCode.NewWithVtable, [], v.Type)
                : Record(OpCode.NewArrayClear, [new ConstInt(v.Length)], v.Array);
            _nonNull.Add(op);
            if (v.Type is not null) _classes[op] = v.Type.Type;
            virtuals[j] = op;
        }
        for (int j = 0; j < virtuals.Length; j++)
            foreach (var f in resume.Virtuals[j].Fields)
            {
                if (f.Field is { } fd) Record(OpCode.SetfieldGc, [virtuals[j]!, Ref(f.Source)], fd);
                else Record(OpCode.SetarrayitemGc, [virtuals[j]!, new ConstInt(f.Index), Ref(f.Source)], resume.Virtuals[j].Array);
            }
        foreach (var w in resume.PendingWrites)
            Record(OpCode.SetfieldGc, [Ref(w.Target), Ref(w.Value)], w.Field);
        var original = resume.Slots.Select(Ref).ToArray();

        for (int i = 0; i < data.Frames.Length; i++)
        {
            var s = data.Frames[i];
            var tf = NewFrame(s.JitCode);
            tf.Pc = s.Pc;
            int k = 0;
            foreach (var (bank, reg) in ResumeData.LiveRegisters(s.Live))
            {
                int slot = s.Slots[k++];
                var box = data.DecodeBox(slot, original);
                var value = data.Decode(slot, values);
                if (box is null) continue;
                tf.Set(bank, reg, value, box);
            }
            if (i < data.Frames.Length - 1)
            {
                tf.CallPc = s.Pc;
                tf.CallLive = s.Live;
            }
            if (i > 0 && s.JitCode == _mi.Portal) tf.IsNestedPortal = tf.PastEntry = true; // an inlined invocation, resumed mid-way
            _frames.Add(tf);
        }
        StartVableBridge(data, values, original);
        var inner = _frames[^1];
        if (!data.AfterCall) return null;
        // Stopped at a call: the guard's own live point is the -live- before the call.
        inner.Live = data.Frames[^1].Live;
        inner.LiveNext = inner.Pc;
        Exception? exc = data.ExceptionSlot >= 0 ? (Exception?)data.Decode(data.ExceptionSlot, values) : pending;
        if (exc is not null)
        {
            var box = data.ExceptionSlot >= 0 ? data.DecodeBox(data.ExceptionSlot, original)! : Record(OpCode.SaveException, []);
            if (!_classes.ContainsKey(box))
            {
                GuardAfterCall(OpCode.GuardClass, [box], new TypeDescr(exc.GetType()), 'v', 0, null, box);
                _classes[box] = exc.GetType();
                _nonNull.Add(box);
            }
            return (exc, box);
        }
        if (data.ResultBank != 'v')
            inner.Set(data.ResultBank, data.ResultReg, data.Decode(data.ResultSlot, values), data.DecodeBox(data.ResultSlot, original)!);
        inner.Pc = JitCodeDecoder.Decode(inner.JitCode.Code, inner.Pc).Next;
        return null;
    }

    // ---------------------------------------------------------------- running

    /// <summary>Traces until the trace closes, the portal frame is left, or tracing aborts.</summary>
    public TraceEnd Run((Exception, TraceValue)? raiseFirst = null)
    {
        try
        {
            if (raiseFirst is var (e, b) && Raise(e, b) is { } end0) return end0;
            while (true)
            {
                if (_ops.Count > _limit) throw new AbortTrace("trace too long");
                if (Step() is { } end) return end;
            }
        }
        catch (AbortTrace a)
        {
            NestedPortalsAborted(a);
            return new TraceEnd
            {
                Kind = TraceEndKind.Aborted,
                Reason = a.Reason,
                Counts = a.Counts,
                Frames = _frames.Select(f => f.ToBlackhole()).ToList(),
            };
        }
    }

    // ---------------------------------------------------------------- recording

    internal Operation Record(OpCode opcode, TraceValue[] args, Descr? descr = null)
    {
        var op = new Operation(opcode, args, descr);
        _ops.Add(op);
        return op;
    }

    internal Trace BuildTrace() => new(_inputs, _ops);

    /// <summary>Operations recorded so far (for the tracing-speed statistic).</summary>
    internal int RecordedCount => _ops.Count;

    internal static ValueKind KindOf(char bank) => bank switch { 'i' => ValueKind.Int, 'r' => ValueKind.Ref, _ => ValueKind.Float };

    internal Const ConstOf(char bank, object? v) => bank switch
    {
        'i' => new ConstInt(v is null ? 0 : ValueKinds.ToInt(v)),
        'f' => new ConstFloat(v is null ? 0 : ValueKinds.ToFloat(v)),
        _ => ConstRef(v),
    };

    internal Const ConstRef(object? o) => _mi.ConstRef(o);

    private int ConstIndex(Const c)
    {
        if (!_constIndex.TryGetValue(c, out int k))
        {
            _constIndex[c] = k = _consts.Count;
            _consts.Add(c);
        }
        return k;
    }

    /// <summary>A guard resuming at the <c>-live-</c> before the current instruction (which the blackhole re-executes).</summary>
    internal Operation Guard(OpCode opcode, TraceValue[] args, Descr? descr = null)
    {
        var inner = _frames[^1];
        if (inner.LiveNext != inner.Pc || inner.Live is null)
            throw new AbortTrace("guard without a -live- point");
        var failArgs = new List<TraceValue>();
        var data = Snapshot(inner.LivePc, failArgs, afterCall: false, 'v', 0, null, null);
        var op = new Operation(opcode, args, descr, failArgs) { ResumeData = data };
        _ops.Add(op);
        return op;
    }

    /// <summary>A guard after the call at the current instruction: resuming delivers the call's result (or exception).</summary>
    internal Operation GuardAfterCall(OpCode opcode, TraceValue[] args, Descr? descr, char resultBank, int resultReg, TraceValue? result, TraceValue? exception = null)
    {
        var inner = _frames[^1];
        if (inner.LiveNext != inner.Pc || inner.Live is null)
            throw new AbortTrace("call without a -live- point");
        var failArgs = new List<TraceValue>();
        var data = Snapshot(inner.Pc, failArgs, afterCall: true, resultBank, resultReg, result, exception);
        var op = new Operation(opcode, args, descr, failArgs) { ResumeData = data };
        _ops.Add(op);
        return op;
    }

    private ResumeData Snapshot(int innerPc, List<TraceValue> failArgs, bool afterCall, char resultBank, int resultReg,
        TraceValue? result, TraceValue? exception)
    {
        var index = new Dictionary<TraceValue, int>(ReferenceEqualityComparer.Instance);
        int Encode(TraceValue? b)
        {
            if (b is null) return Tag.Make(0, Tag.Unset);
            if (b is ConstInt ci && Tag.FitsSmall(ci.Value)) return Tag.Make((int)ci.Value, Tag.SmallInt);
            if (b is Const c) return Tag.Make(ConstIndex(c), Tag.Const);
            if (!index.TryGetValue(b, out int k))
            {
                index[b] = k = failArgs.Count;
                failArgs.Add(b);
            }
            return Tag.Make(k, Tag.FailArg);
        }
        var snaps = new FrameSnapshot[_frames.Count];
        for (int i = 0; i < _frames.Count; i++)
        {
            var f = _frames[i];
            bool inner = i == _frames.Count - 1;
            var live = inner ? f.Live! : f.CallLive!;
            var slots = ResumeData.LiveRegisters(live).Select(r => Encode(f.Box(r.Bank, r.Reg))).ToArray();
            snaps[i] = new FrameSnapshot(f.JitCode, inner ? innerPc : f.CallPc, live, slots);
        }
        return new ResumeData
        {
            Frames = snaps,
            AfterCall = afterCall,
            ResultBank = resultBank,
            ResultReg = resultReg,
            ResultSlot = resultBank == 'v' ? 0 : Encode(result),
            ExceptionSlot = exception is null ? -1 : Encode(exception),
            VableSlots = EncodeVable(Encode),
            Vable = _vable is null || _vableInHeap ? null : _vable.Shape,
            Consts = _consts.ToArray(),
        };
    }

    /// <summary>The consts array of resume data is captured per guard; later constants are appended, so refresh at the end.</summary>
    internal void FinishResumeData()
    {
        var all = _consts.ToArray();
        foreach (var op in _ops)
            if (op.ResumeData is ResumeData rd && rd.Consts.Length != all.Length)
                op.ResumeData = new ResumeData
                {
                    Frames = rd.Frames, AfterCall = rd.AfterCall, ResultBank = rd.ResultBank, ResultReg = rd.ResultReg,
                    ResultSlot = rd.ResultSlot, ExceptionSlot = rd.ExceptionSlot, Consts = all,
                    VableSlots = rd.VableSlots, Vable = rd.Vable,
                };
    }

    // ---------------------------------------------------------------- frames, returns, exceptions

    /// <summary>The innermost frame's instruction raised: find the handler, popping frames; leaving the portal ends the trace.</summary>
    private TraceEnd? Raise(Exception exc, TraceValue box)
    {
        while (true)
        {
            var f = _frames[^1];
            var code = f.JitCode.Code;
            int next = JitCodeDecoder.Decode(code, f.Pc).Next;
            if (next < code.Length && InstructionSet.All[JitCodeDecoder.U16(code, next)].Name == "catch_exception")
            {
                f.LastException = exc;
                f.LastExceptionBox = box;
                f.Pc = JitCodeDecoder.U16(code, next + 2);
                return null;
            }
            if (_frames.Count == 1)
            {
                if (!IsBridge && !IsEntry) throw new AbortTrace("portal raised while tracing a loop");
                RecordWriteBack();
                Record(OpCode.Finish, [box], ExitFrameWithExceptionDescr.Instance);
                return new TraceEnd { Kind = TraceEndKind.Left, Trace = BuildTrace(), Raised = exc };
            }
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    /// <summary>The innermost frame returns (bank 'v' for void).</summary>
    private TraceEnd? Return(char bank, object? value, TraceValue? box)
    {
        if (_frames.Count == 1)
        {
            if (!IsBridge && !IsEntry) throw new AbortTrace("portal returned while tracing a loop");
            RecordWriteBack();
            Record(OpCode.Finish, box is null ? [] : [box], DoneWithThisFrameDescr.Instance);
            return new TraceEnd { Kind = TraceEndKind.Left, Trace = BuildTrace(), Value = value };
        }
        _frames.RemoveAt(_frames.Count - 1);
        var parent = _frames[^1];
        var (_, ops, next) = JitCodeDecoder.Decode(parent.JitCode.Code, parent.Pc);
        var res = ops.FirstOrDefault(o => o.Code == '>');
        if (res.Code == '>') parent.Set((char)res.List![0], res.Value, value, box!);
        parent.Pc = next;
        return null;
    }

    /// <summary>A jit_merge_point of the portal frame: close the loop, or end a bridge at a compiled loop.</summary>
    private TraceEnd? MergePoint(TraceFrame f)
    {
        var mp = MergePointArgs.At(f.JitCode, f.Pc);
        if (f.IsNestedPortal) return NestedMergePoint(f, mp);
        if (_frames.Count == 1 && f.JitCode == _mi.Portal)
        {
            var key = _mi.KeyOf(mp, (b, r) => f.Value(b, r));
            CompiledLoop? target = null;
            bool close = false;
            if (!IsBridge && key.Equals(_startKey)) close = true;
            else if (_mi.CompiledAt(key) is { } loop) { target = loop; close = true; }
            if (close)
            {
                var reds = mp.Reds(f.JitCode, _mi.GreenCount)
                    .Select(r => f.Box(r.Bank, r.Reg) ?? throw new AbortTrace("red without a value")).ToList();
                if (_mi.VirtualizableRed >= 0)
                    reds.AddRange(VableJumpArgs(f, mp, target is null ? _vable?.Shape : _mi.VableShapeOf(target)));
                Record(OpCode.Jump, reds.ToArray(), target?.Target ?? _startToken);
                return new TraceEnd { Kind = TraceEndKind.Closed, Trace = BuildTrace(), Target = target, MergePointFrame = f.ToBlackhole() };
            }
        }
        f.Pc = mp.Next;
        return null;
    }
}
