using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// RPython's <c>unroll</c> pass (loop peeling). The loop is optimized twice in one stream: once
/// as the preamble (the first iteration), then again as the peeled loop, which starts at a
/// second label and keeps what the preamble proved about loop-invariant values — the label
/// arguments the loop passes back unchanged, pure results and loop-invariant calls computed
/// from them, and (if the loop does not write them) cached fields of invariant objects. So
/// invariant pure operations, reads and guards on invariant values run once, in the preamble. The pass itself sits at the end of the chain and catches the jumps; the peeling is
/// driven by <see cref="Peeler"/>.
/// </summary>
internal sealed class OptUnroll : Optimization
{
    /// <summary>The last jump that reached the end of the chain (not emitted: the peeler builds the real one).</summary>
    public Operation? CapturedJump { get; set; }

    /// <summary>True while the stream is a loop being peeled.</summary>
    public bool Active { get; set; }

    public override void Propagate(Operation op)
    {
        if (Active && op.OpCode == OpCode.Jump)
        {
            CapturedJump = op;
            return;
        }
        EmitNext(op);
    }
}

/// <summary>Thrown when the peeled loop writes a field whose value the heap pass carried into it; retried without carrying.</summary>
internal sealed class HeapCarryFailedException() : Exception("the peeled loop writes a carried field");

/// <summary>Thrown when the peeled loop turns out invalid; the optimizer then retries without unroll.</summary>
internal sealed class PeelingFailedException(InvalidLoopException inner) : Exception(inner.Message, inner);

/// <summary>Drives loop peeling over the optimizer's stream (see <see cref="OptUnroll"/>).</summary>
internal static class Peeler
{
    public static bool CanPeel(Trace trace) =>
        trace.IsLoop && ReferenceEquals(trace.Operations[0].Descr, trace.Operations[^1].Descr);

    public static void Run(Optimizer opt, OptUnroll unroll, Trace trace, IReadOnlyList<Optimization> passes)
    {
        var ops = trace.Operations;
        var labelArgs = ops[0].Args;
        unroll.Active = true;
        foreach (var op in ops) opt.Send(op);
        var jump = unroll.CapturedJump ?? throw new InvalidOperationException("the preamble's jump did not reach the unroll pass");

        // A position the loop passes back unchanged is invariant; every other value enters the
        // peeled loop through a fresh variable, about which nothing is known.
        var fresh = new Operation?[labelArgs.Count];
        for (int i = 0; i < labelArgs.Count; i++)
        {
            var now = opt.Get(labelArgs[i]);
            var next = opt.Get(jump.Arg(i));
            if (Same(now, next)) continue;
            fresh[i] = new Operation(SameAs(next.Kind), next);
            opt.EmitFinal(fresh[i]!);
        }
        opt.PeelInvariants = new HashSet<TraceValue>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < labelArgs.Count; i++)
            if (fresh[i] is null) opt.PeelInvariants.Add(opt.Get(labelArgs[i]));
        var preamble = new HashSet<TraceValue>(opt.Emitted, ReferenceEqualityComparer.Instance);
        preamble.UnionWith(trace.InputArgs);
        foreach (var pass in passes) pass.OnPeel();
        opt.Virtuals.Clear();
        for (int i = 0; i < labelArgs.Count; i++)
            if (fresh[i] is { } f) opt.Rebind(labelArgs[i], f);

        var token = (TargetToken)ops[0].Descr!;
        var label = new Operation(OpCode.Label, [], new TargetToken(token.Name + "_peeled"));
        opt.EmitFinal(label);
        int start = opt.Emitted.Count;
        unroll.CapturedJump = null;
        try
        {
            for (int k = 1; k < ops.Count; k++) opt.Send(ops[k]);
        }
        catch (InvalidLoopException e)
        {
            throw new PeelingFailedException(e);
        }
        var jump2 = unroll.CapturedJump ?? throw new InvalidOperationException("the peeled loop's jump did not reach the unroll pass");
        if (passes.OfType<OptHeap>().Any(h => !h.CarriedHeapHolds)) throw new HeapCarryFailedException();
        // The invariance assumed from the preamble's jump must hold for the peeled loop's jump too.
        for (int i = 0; i < labelArgs.Count; i++)
            if (fresh[i] is null && !Same(opt.Get(jump2.Arg(i)), opt.Get(labelArgs[i])))
                throw new PeelingFailedException(new InvalidLoopException($"label argument {i} is not loop-invariant after all"));

        // Values from the preamble the peeled loop uses are invariant: they travel through the label.
        var carried = fresh.Where(f => f is not null).Cast<TraceValue>().ToList();
        var seen = new HashSet<TraceValue>(carried, ReferenceEqualityComparer.Instance);
        var imported = new List<TraceValue>();
        void Use(TraceValue v)
        {
            if (v is Const || !preamble.Contains(v) || !seen.Add(v)) return;
            imported.Add(v);
        }
        for (int k = start; k < opt.Emitted.Count; k++)
        {
            foreach (var a in opt.Emitted[k].Args) Use(a);
            foreach (var a in opt.Emitted[k].FailArgs ?? []) Use(a);
        }
        var jumpArgs = new List<TraceValue>();
        for (int i = 0; i < labelArgs.Count; i++)
            if (fresh[i] is not null) jumpArgs.Add(opt.Get(jump2.Arg(i)));
        foreach (var a in jumpArgs) Use(a);
        label.SetArgs(carried.Concat(imported));
        jumpArgs.AddRange(imported);
        opt.EmitFinal(new Operation(OpCode.Jump, jumpArgs, label.Descr));
        unroll.Active = false;
    }

    private static bool Same(TraceValue a, TraceValue b) => a is Const c ? c.Equals(b) : ReferenceEquals(a, b);

    private static OpCode SameAs(ValueKind kind) => kind switch
    {
        ValueKind.Int => OpCode.SameAsI,
        ValueKind.Float => OpCode.SameAsF,
        _ => OpCode.SameAsR,
    };
}
