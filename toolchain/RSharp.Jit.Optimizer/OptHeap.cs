using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// RPython's <c>heap</c> pass: remembers field and array-item values read or written, so later
/// reads of the same object and descriptor reuse them; a write of a descriptor forgets the
/// values of that descriptor on objects that might alias; a call forgets what its
/// <see cref="EffectInfo"/> says it may write (everything for a residual call). Field writes are
/// lazy: delayed until something may observe them (a read of the same descriptor that is not
/// answered from the cache, a call that may read or write it, the end of the trace), so a
/// write overwritten before that is never emitted. Guards do not flush them: a guard's resume
/// data lists the writes still pending there (<see cref="GuardResume.PendingWrites"/>), which
/// resuming performs, as RPython does.
/// </summary>
internal sealed class OptHeap : Optimization
{
    private readonly Dictionary<FieldDescr, Dictionary<TraceValue, TraceValue>> _fields = new(EffectInfo.FieldComparer);
    private readonly Dictionary<ArrayDescr, List<(TraceValue Obj, TraceValue Index, TraceValue Value)>> _arrays = new(EffectInfo.ArrayComparer);
    private readonly List<Operation> _lazy = [];
    // Unroll: descriptors whose cached values were carried into the peeled loop, and what the
    // peeled loop writes (the carried values hold only if it writes none of them).
    private readonly HashSet<FieldDescr> _carried = [];
    private readonly HashSet<FieldDescr> _written = new(EffectInfo.FieldComparer);
    private bool _writesAll;

    /// <summary>True unless the peeled loop may write a field whose value was carried into it from the preamble.</summary>
    public bool CarriedHeapHolds => _carried.Count == 0 || (!_writesAll && !_carried.Overlaps(_written));

    public override void Propagate(Operation op)
    {
        var info = op.Info;
        switch (op.OpCode)
        {
            case >= OpCode.GetfieldGcI and <= OpCode.GetfieldGcPureR:
            {
                var field = (FieldDescr)op.Descr!;
                var obj = Opt.Get(op.Arg(0));
                var cache = FieldCache(field);
                if (cache.TryGetValue(obj, out var known)) { Opt.MakeEqual(op, known); return; }
                FlushLazy(field);
                EmitNext(op);
                cache[obj] = op;
                return;
            }
            case OpCode.SetfieldGc:
            {
                var field = (FieldDescr)op.Descr!;
                var obj = Opt.Get(op.Arg(0));
                var value = Opt.Get(op.Arg(1));
                var cache = FieldCache(field);
                _written.Add(field);
                if (cache.TryGetValue(obj, out var known) && Same(known, value)) return; // writes what is there
                // Any other object may be this one: only this object's value is known now.
                cache.Clear();
                cache[obj] = value;
                _lazy.RemoveAll(w => ReferenceEquals(w.Descr, field) && ReferenceEquals(Opt.Get(w.Arg(0)), obj));
                _lazy.Add(op);
                return;
            }
            case >= OpCode.GetarrayitemGcI and <= OpCode.GetarrayitemGcPureR:
            {
                var array = (ArrayDescr)op.Descr!;
                var (obj, index) = (Opt.Get(op.Arg(0)), Opt.Get(op.Arg(1)));
                var items = ArrayCache(array);
                foreach (var (o, i, v) in items)
                    if (ReferenceEquals(o, obj) && Same(i, index)) { Opt.MakeEqual(op, v); return; }
                EmitNext(op);
                items.Add((obj, index, op));
                return;
            }
            case OpCode.SetarrayitemGc:
            {
                var array = (ArrayDescr)op.Descr!;
                var (obj, index, value) = (Opt.Get(op.Arg(0)), Opt.Get(op.Arg(1)), Opt.Get(op.Arg(2)));
                var items = ArrayCache(array);
                foreach (var (o, i, v) in items)
                    if (ReferenceEquals(o, obj) && Same(i, index) && Same(v, value)) return;
                // Another entry survives only if its index is a different constant.
                items.RemoveAll(e => !(index is ConstInt ci && e.Index is ConstInt ei && ci.Value != ei.Value));
                EmitNext(op);
                items.Add((obj, index, value));
                return;
            }
            case OpCode.Label:
                // Control can arrive here from a jump with another heap: forget everything.
                FlushAll();
                ForgetAll();
                EmitNext(op);
                return;
        }
        if (info.IsGuard)
        {
            // The writes stay delayed: if the guard fails, resuming performs them.
            Opt.PendingWrites = _lazy.Count > 0 ? _lazy.ToList() : null;
            EmitNext(op);
            Opt.PendingWrites = null;
            return;
        }
        if (info.IsFinal)
        {
            FlushAll();
            EmitNext(op);
            return;
        }
        if (info.IsOvf)
        {
            // Nothing may come between an *_ovf operation and its overflow guard.
            FlushAll();
            EmitNext(op);
            return;
        }
        if (info.IsCall)
        {
            var effect = (op.Descr as CallDescr)?.Effect ?? EffectInfo.Residual;
            bool anything = effect.IsResidual || op.OpCode is >= OpCode.CallMayForceI and <= OpCode.CallMayForceN
                || op.OpCode is >= OpCode.CallAssemblerI and <= OpCode.CallAssemblerN;
            // The callee must see the writes it may read (or overwrite). If it may raise, nothing may
            // be emitted between it and its exception guard: flush everything now.
            FlushWhere(w => anything || effect.CanRaise || effect.ReadFields.Contains((FieldDescr)w.Descr!)
                || effect.WriteFields.Contains((FieldDescr)w.Descr!));
            EmitNext(op);
            if (anything) { ForgetAll(); _writesAll = true; return; }
            // The effect's descriptors may be other objects than the trace's: match by what they describe.
            _written.UnionWith(effect.WriteFields);
            foreach (var f in _fields.Keys.Where(effect.WriteFields.Contains).ToList()) _fields.Remove(f);
            foreach (var a in _arrays.Keys.Where(effect.WriteArrays.Contains).ToList()) _arrays.Remove(a);
            return;
        }
        if (info.HasNoSideEffect || op.OpCode is OpCode.DebugMergePoint or OpCode.Keepalive or OpCode.QuasiimmutField
            or OpCode.RecordExactClass or OpCode.Strsetitem or OpCode.Copystrcontent or OpCode.SaveException
            or OpCode.RestoreException)
        {
            EmitNext(op);
            return;
        }
        // Unknown effects: make the heap real and forget it.
        FlushAll();
        EmitNext(op);
        ForgetAll();
        _writesAll = true;
    }

    /// <summary>
    /// The heap at the peeled loop's label is the heap after any iteration, not the preamble's.
    /// Field values of loop-invariant objects may be carried over (so invariant reads leave the
    /// loop) if the optimizer asks: the peeler checks <see cref="CarriedHeapHolds"/> afterwards.
    /// </summary>
    public override void OnPeel()
    {
        FlushAll();
        _arrays.Clear();
        _carried.Clear();
        _written.Clear();
        _writesAll = false;
        if (!Opt.CarryHeapAcrossPeel || Opt.PeelInvariants is not { } invariant)
        {
            ForgetAll();
            return;
        }
        foreach (var (field, cache) in _fields)
        {
            foreach (var obj in cache.Keys.Where(o => !invariant.Contains(o) && o is not Const).ToList()) cache.Remove(obj);
            if (cache.Count > 0) _carried.Add(field);
        }
    }

    private Dictionary<TraceValue, TraceValue> FieldCache(FieldDescr f)
    {
        if (!_fields.TryGetValue(f, out var c)) _fields[f] = c = new(ReferenceEqualityComparer.Instance);
        return c;
    }

    private List<(TraceValue Obj, TraceValue Index, TraceValue Value)> ArrayCache(ArrayDescr a)
    {
        if (!_arrays.TryGetValue(a, out var c)) _arrays[a] = c = [];
        return c;
    }

    private static bool Same(TraceValue a, TraceValue b) => a is Const ca ? ca.Equals(b) : ReferenceEquals(a, b);

    private void FlushLazy(FieldDescr field) => FlushWhere(w => ReferenceEquals(w.Descr, field));

    private void FlushAll() => FlushWhere(_ => true);

    /// <summary>Emits the lazy writes that match, in their original order.</summary>
    private void FlushWhere(Func<Operation, bool> which)
    {
        if (_lazy.Count == 0) return;
        var now = _lazy.Where(which).ToList();
        if (now.Count == 0) return;
        _lazy.RemoveAll(w => now.Contains(w));
        foreach (var w in now) EmitNext(w);
    }

    private void ForgetAll()
    {
        _fields.Clear();
        _arrays.Clear();
    }
}
