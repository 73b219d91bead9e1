using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// The core that streams operations through the passes (RPython's <c>Optimizer</c>): it copies
/// each input operation with its arguments resolved through forwarding, hands it to the first
/// pass, and collects what the last pass emits. It owns the knowledge the passes share:
/// forwarding (an operation replaced by another value or a constant), integer bounds, pointer
/// facts (non-null, known class) and virtuals.
/// </summary>
internal sealed class Optimizer
{
    private readonly Dictionary<TraceValue, TraceValue> _forwarded = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TraceValue, IntBound> _bounds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TraceValue, PtrInfo> _ptrs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Operation, Operation> _origin = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Operation, GuardResume> _resume = new(ReferenceEqualityComparer.Instance);
    private readonly List<Optimization> _passes;
    private readonly List<Operation> _emitted = [];
    private int _constNames;

    public Optimizer(List<Optimization> passes)
    {
        _passes = passes;
        for (int i = 0; i < passes.Count; i++)
        {
            passes[i].Opt = this;
            passes[i].Next = i + 1 < passes.Count ? passes[i + 1] : null;
        }
    }

    /// <summary>Virtual objects and arrays, by their allocation (shared by virtualize and resume encoding).</summary>
    public Dictionary<TraceValue, VirtualValue> Virtuals { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The operations emitted so far (the unroll pass reads them).</summary>
    public List<Operation> Emitted => _emitted;

    /// <summary>Unroll: carry the heap caches of loop-invariant objects into the peeled loop (retried without if that fails).</summary>
    public bool CarryHeapAcrossPeel { get; init; }

    /// <summary>Unroll: the values that are the same in every iteration (set at the peeled label).</summary>
    public HashSet<TraceValue>? PeelInvariants { get; set; }

    /// <summary>Set by the heap pass around a guard: the lazy field writes the guard's resume data must perform.</summary>
    public IReadOnlyList<Operation>? PendingWrites { get; set; }

    public OptimizedTrace Run(Trace trace)
    {
        // Knowledge flows forward only: a label in the middle would be entered with other values.
        for (int i = 1; i < trace.Operations.Count; i++)
            if (trace.Operations[i].OpCode == OpCode.Label)
                throw new ArgumentException("the optimizer takes traces with at most one label, as their first operation", nameof(trace));
        if (_passes.OfType<OptUnroll>().FirstOrDefault() is { } unroll && Peeler.CanPeel(trace))
            Peeler.Run(this, unroll, trace, _passes);
        else
            foreach (var op in trace.Operations) Send(op);
        foreach (var pass in _passes) pass.Finish();
        SweepUnused();
        var result = new Trace(trace.InputArgs, _emitted);
        try { result.Validate(); }
        catch (TraceValidationException e)
        {
            throw new InvalidOperationException($"the optimizer produced an invalid trace ({e.Message}):\n{result}", e);
        }
        var resume = new Dictionary<Operation, GuardResume>(ReferenceEqualityComparer.Instance);
        foreach (var op in _emitted)
            if (op.IsGuard && _resume.TryGetValue(op, out var r)) resume[op] = r;
        return new OptimizedTrace(result, resume);
    }

    /// <summary>Copies an input operation with resolved arguments and sends it down the chain.</summary>
    public void Send(Operation original)
    {
        if (original.OpCode == OpCode.RecordKnownResult)
        {
            // A hint for the pure pass, never emitted (and so never forcing a virtual argument).
            var descr = (CallDescr)original.Descr!;
            _knownResults.Add((descr, original.Args.Skip(1).Select(Get).ToArray(), Get(original.Arg(0))));
            return;
        }
        var copy = new Operation(original.OpCode, original.Args.Select(Get), original.Descr,
            original.IsGuard ? original.FailArgs : null) { ResumeData = original.ResumeData };
        if (original.IsGuard) _origin[copy] = _origin.TryGetValue(original, out var o) ? o : original;
        if (original.Kind != ValueKind.Void) _forwarded[original] = copy;
        SendCopy(copy);
    }

    /// <summary>Sends an operation the optimizer made itself to the first pass.</summary>
    public void SendCopy(Operation op)
    {
        if (_passes.Count == 0) EmitFinal(op);
        else _passes[0].Propagate(op);
    }

    /// <summary>Makes <paramref name="copy"/> stand for <paramref name="guard"/> of the input (for resume).</summary>
    public void InheritOrigin(Operation copy, Operation guard)
    {
        _origin[copy] = _origin.TryGetValue(guard, out var o) ? o : guard;
        copy.ResumeData = guard.ResumeData;
    }

    /// <summary>The value <paramref name="v"/> currently stands for (following forwarding).</summary>
    public TraceValue Get(TraceValue v)
    {
        while (v is not Const && _forwarded.TryGetValue(v, out var next)) v = next;
        return v;
    }

    /// <summary>From now on, uses of <paramref name="op"/> mean <paramref name="value"/> (RPython's <c>make_equal_to</c>).</summary>
    public void MakeEqual(TraceValue op, TraceValue value)
    {
        op = Get(op);
        value = Get(value);
        if (op is Const || ReferenceEquals(op, value)) return;
        _forwarded[op] = value;
    }

    /// <summary>Points <paramref name="from"/> at <paramref name="to"/>, replacing what it was forwarded to (unroll's fresh label variables).</summary>
    public void Rebind(TraceValue from, TraceValue to) => _forwarded[from] = to;

    /// <summary>The value is known to be the constant <paramref name="c"/> from now on.</summary>
    public void MakeConstant(TraceValue v, Const c) => MakeEqual(v, c);

    /// <summary>The constant <paramref name="v"/> is known to be, or null.</summary>
    public Const? GetConstant(TraceValue v) => Get(v) as Const;

    /// <summary>The integer constant <paramref name="v"/> is known to be, or null.</summary>
    public long? GetConstInt(TraceValue v) => Get(v) is ConstInt c ? c.Value : null;

    /// <summary>A fresh named reference constant for an object computed at optimization time.</summary>
    public Const ConstOf(object? value) =>
        value is null ? ConstNull.Instance : new ConstRef(value, $"opt{_constNames++}");

    private readonly List<(CallDescr Call, TraceValue[] Args, TraceValue Result)> _knownResults = [];

    /// <summary>
    /// The result a <c>record_known_result</c> gave for an elidable call of the same function
    /// (by method) on the same arguments (variables by identity after forwarding, constants by value).
    /// </summary>
    public TraceValue? KnownResult(CallDescr call, IReadOnlyList<TraceValue> args)
    {
        foreach (var (c, a, r) in _knownResults)
        {
            if (!SameFunction(c, call) || a.Length != args.Count) continue;
            bool same = true;
            for (int k = 0; k < a.Length && same; k++)
            {
                var x = Get(a[k]);
                var y = Get(args[k]);
                same = x is Const cx ? cx.Equals(y) : ReferenceEquals(x, y);
            }
            if (same) return Get(r);
        }
        return null;
    }

    private static bool SameFunction(CallDescr a, CallDescr b) =>
        ReferenceEquals(a, b) || (a.Delegate is null && b.Delegate is null && a.Method.Equals(b.Method));

    // ---- integer bounds ----

    /// <summary>The known range of an int value (exact for constants).</summary>
    public IntBound GetBound(TraceValue v)
    {
        v = Get(v);
        if (v is ConstInt c) return IntBound.Exact(c.Value);
        return _bounds.TryGetValue(v, out var b) ? b : IntBound.Unbounded;
    }

    /// <summary>Narrows the known range of <paramref name="v"/>; returns true if it changed. An exact range makes it a constant.</summary>
    public bool NarrowBound(TraceValue v, IntBound bound)
    {
        v = Get(v);
        if (v is Const) return false;
        var old = GetBound(v);
        var now = old.Intersect(bound);
        if (now.IsEmpty) throw new InvalidLoopException($"an integer value has no possible value (range {old} and {bound})");
        if (now.Equals(old)) return false;
        _bounds[v] = now;
        if (now.IsConstant) MakeConstant(v, new ConstInt(now.Lower));
        return true;
    }

    // ---- pointer facts ----

    /// <summary>What is known about a reference value.</summary>
    public PtrInfo GetPtr(TraceValue v)
    {
        v = Get(v);
        if (!_ptrs.TryGetValue(v, out var info)) _ptrs[v] = info = new PtrInfo();
        if (v is ConstRef c && c.Value is { } obj) { info.NonNull = true; info.KnownClass = obj.GetType(); }
        return info;
    }

    /// <summary>True if the reference is known not to be null.</summary>
    public bool IsNonNull(TraceValue v) => Get(v) is var g && (g is ConstRef { Value: not null } || Virtuals.ContainsKey(g)
        || (_ptrs.TryGetValue(g, out var i) && i.NonNull));

    /// <summary>The exact type of the object, if known.</summary>
    public Type? KnownClass(TraceValue v)
    {
        var g = Get(v);
        if (g is ConstRef { Value: { } obj }) return obj.GetType();
        return _ptrs.TryGetValue(g, out var i) ? i.KnownClass : null;
    }

    /// <summary>The virtual a value stands for, or null.</summary>
    public VirtualValue? GetVirtual(TraceValue v) => Virtuals.TryGetValue(Get(v), out var vv) ? vv : null;

    // ---- emission ----

    private readonly HashSet<Operation> _maybeUnused = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Drops the emitted pure operation <paramref name="op"/> at the end if no later operation
    /// (argument or fail-arg) uses it: a pass made its only expected use mean something else
    /// (RPython leaves such operations to the backend's dead-code removal).
    /// </summary>
    public void RemoveIfUnused(Operation op)
    {
        if (op.Info.IsPure) _maybeUnused.Add(op);
    }

    private void SweepUnused()
    {
        if (_maybeUnused.Count == 0) return;
        var used = new HashSet<TraceValue>(ReferenceEqualityComparer.Instance);
        foreach (var op in _emitted)
        {
            foreach (var a in op.Args) used.Add(a);
            if (op.FailArgs is { } fa) foreach (var a in fa) if (a is not null) used.Add(a);
        }
        _emitted.RemoveAll(op => _maybeUnused.Contains(op) && !used.Contains(op));
    }

    /// <summary>The end of the chain: resolves arguments once more, encodes guards' resume data, appends.</summary>
    public void EmitFinal(Operation op)
    {
        for (int i = 0; i < op.Args.Count; i++) op.SetArg(i, Get(op.Arg(i)));
        if (op.IsGuard)
        {
            var origin = _origin.TryGetValue(op, out var o) ? o : op;
            _resume[op] = ResumeEncoder.Encode(this, op, origin, PendingWrites ?? []);
        }
        _emitted.Add(op);
    }
}

/// <summary>Facts about a reference value (RPython's <c>PtrInfo</c>, without the virtual part).</summary>
internal sealed class PtrInfo
{
    /// <summary>Known not to be null.</summary>
    public bool NonNull;
    /// <summary>The exact .NET type, if known (implies non-null once a guard or allocation proved it).</summary>
    public Type? KnownClass;
}
