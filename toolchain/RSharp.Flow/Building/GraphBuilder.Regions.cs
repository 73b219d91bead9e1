using Mono.Cecil;
using Mono.Cecil.Cil;
using RSharp.Flow.Model;

namespace RSharp.Flow;

/// <summary>
/// Exception regions. A raising operation inside a protected region ends its block with
/// exception links tried in order: the catch clauses of the enclosing try regions (inner
/// first), a filter (which decides at run time), or a finally/fault handler (entered with
/// continuation 0 and the exception); the last link goes to the graph's except block.
/// Outside every region there are no links: an exception propagates to the except block
/// implicitly, as in RPython; with explicit exception exits every raising operation ends
/// its block with a catch-all link to the except block.
///
/// Finally handlers are not duplicated: each has a hidden "continuation" variable. `leave`
/// enters the handler with a positive continuation naming its target; an exception enters it
/// with 0 and the exception in a hidden "exc" variable. `endfinally` switches on the
/// continuation: each leave target continues (through outer finally handlers if needed),
/// the default rethrows the exception.
/// </summary>
internal sealed partial class GraphBuilder
{
    private sealed class Region
    {
        public Region(ExceptionHandler h, int codeEnd, GenericContext ctx)
        {
            Kind = h.HandlerType;
            TryStart = h.TryStart.Offset;
            TryEnd = h.TryEnd?.Offset ?? codeEnd;
            HandlerStart = h.HandlerStart.Offset;
            HandlerEnd = h.HandlerEnd?.Offset ?? codeEnd;
            FilterStart = h.FilterStart?.Offset ?? -1;
            CatchType = h.CatchType is null ? null : ctx.Inflate(h.CatchType);
        }

        public ExceptionHandlerType Kind { get; }
        public int TryStart { get; }
        public int TryEnd { get; }
        public int HandlerStart { get; }
        public int HandlerEnd { get; }
        public int FilterStart { get; }
        public TypeReference? CatchType { get; }

        public bool TryContains(int o) => TryStart <= o && o < TryEnd;
        public bool HandlerContains(int o) => HandlerStart <= o && o < HandlerEnd;
        public bool FilterContains(int o) => FilterStart >= 0 && FilterStart <= o && o < HandlerStart;
        public bool TryContainsRange(Region inner) => TryStart <= inner.TryStart && inner.TryEnd <= TryEnd;
        public bool IsFinallyLike => Kind is ExceptionHandlerType.Finally or ExceptionHandlerType.Fault;
    }

    private sealed class EndFinallyRecord
    {
        public required Block Block { get; init; }
        public required State State { get; init; }
        public required int RegionIndex { get; init; }
        public required int Offset { get; init; }
        public int BuiltWith { get; set; } = -1;
        public Block? RethrowBlock { get; set; }
    }

    private readonly Dictionary<int, List<(int Region, bool IsCont)>> _hiddenCache = new();

    /// <summary>Hidden handler-state variables live at <paramref name="offset"/>: (region, true) = continuation, (region, false) = exception.</summary>
    private List<(int Region, bool IsCont)> HiddenSlotsAt(int offset)
    {
        if (_hiddenCache.TryGetValue(offset, out var list)) return list;
        list = new List<(int, bool)>();
        for (int i = 0; i < _regions.Length; i++)
        {
            var r = _regions[i];
            if (!r.HandlerContains(offset) && !r.FilterContains(offset)) continue;
            if (r.IsFinallyLike) list.Add((i, true));
            list.Add((i, false));
        }
        _hiddenCache[offset] = list;
        return list;
    }

    private List<int> ChainAt(int offset)
    {
        var chain = new List<int>();
        for (int i = 0; i < _regions.Length; i++)
            if (_regions[i].TryContains(offset)) chain.Add(i);
        return chain;
    }

    /// <summary>Regions that still get a chance at an exception a filter rejected.</summary>
    private List<int> ChainAfter(int regionIndex)
    {
        var f = _regions[regionIndex];
        var chain = new List<int>();
        for (int i = regionIndex + 1; i < _regions.Length; i++)
            if (_regions[i].TryContainsRange(f)) chain.Add(i);
        return chain;
    }

    private int InnermostFilterAt(int offset)
    {
        for (int i = 0; i < _regions.Length; i++)
            if (_regions[i].FilterContains(offset)) return i;
        return -1;
    }

    private bool HasExplicitRaiseLinks(int offset) => _explicitExits || InnermostFilterAt(offset) >= 0 || ChainAt(offset).Count > 0;

    private static bool IsCatchAll(TypeReference t) =>
        t.Namespace == "System" && (t.Name == "Object" || t.Name == "Exception") && !t.IsNested;

    /// <summary>Adds the exception links of a raising operation at <paramref name="offset"/> to <paramref name="from"/>.</summary>
    private void AddRaiseLinks(Block from, State s, int offset)
    {
        int filter = InnermostFilterAt(offset);
        if (filter >= 0)
        {
            // An exception inside a filter is swallowed: the filter rejects the original exception.
            var reject = RejectFilterLink(from, s, filter, offset, _module.TypeSystem.Object);
            reject.LastExceptionValue = _graph.NewVariable(ValueKind.Ref, _module.TypeSystem.Object, "swallowed");
            from.Exits.Add(reject);
            return;
        }
        AddDispatchLinks(from, s, ChainAt(offset));
    }

    private void AddDispatchLinks(Block from, State s, List<int> chain)
    {
        foreach (int ri in chain)
        {
            var r = _regions[ri];
            var exc = _graph.NewVariable(ValueKind.Ref, r.CatchType ?? _module.TypeSystem.Object, "exc");
            var entry = s.Clone();
            entry.Stack.Clear();
            entry.HiddenExc[ri] = exc;
            switch (r.Kind)
            {
                case ExceptionHandlerType.Catch:
                    entry.Stack.Add(exc);
                    from.Exits.Add(ExceptionLink(from, entry, r.HandlerStart, r.CatchType!, exc));
                    if (IsCatchAll(r.CatchType!)) return;
                    break;
                case ExceptionHandlerType.Filter:
                    entry.Stack.Add(exc);
                    from.Exits.Add(ExceptionLink(from, entry, r.FilterStart, _module.TypeSystem.Object, exc));
                    return;
                default:
                    entry.HiddenCont[ri] = new Constant(0, ValueKind.Int32, _module.TypeSystem.Int32);
                    from.Exits.Add(ExceptionLink(from, entry, r.HandlerStart, _module.TypeSystem.Object, exc));
                    return;
            }
        }
        var last = _graph.NewVariable(ValueKind.Ref, _module.TypeSystem.Object, "exc");
        from.Exits.Add(new Link(from, _graph.ExceptBlock, new Value[] { last }, _module.TypeSystem.Object) { LastExceptionValue = last });
    }

    private Link ExceptionLink(Block from, State entry, int target, TypeReference caught, Variable exc) =>
        new(from, BlockAt(target, entry), LinkArgs(entry, target), caught) { LastExceptionValue = exc };

    /// <summary>Ends <paramref name="into"/> by raising <paramref name="exc"/> to the given handler chain.</summary>
    private void RaiseInto(Block into, State s, Value exc, List<int> chain)
    {
        if (chain.Count == 0)
        {
            into.CloseWith(new Link(into, _graph.ExceptBlock, new[] { exc }));
            return;
        }
        var saved = (_cur, _state);
        _cur = into;
        EmitRaw(OpNames.Throw, ValueKind.Void, null, exc);
        (_cur, _state) = saved;
        into.SwitchKind = ExitSwitchKind.LastException;
        AddDispatchLinks(into, s, chain);
    }

    /// <summary>IL throw/rethrow at the current offset.</summary>
    private void EmitThrow(Value exc)
    {
        // (With explicit exits too, a throw outside every region is a plain link to the except block.)
        int filter = InnermostFilterAt(_offset);
        if (filter >= 0)
        {
            _cur.CloseWith(RejectFilterLink(_cur, _state, filter, _offset, null));
            return;
        }
        RaiseInto(_cur, _state, exc, ChainAt(_offset));
    }

    /// <summary>A block that continues the search for handlers after filter <paramref name="regionIndex"/> said no.</summary>
    private Link RejectFilterLink(Block from, State s, int regionIndex, int layoutOffset, object? exitCase)
    {
        // The evaluation stack does not survive an exception (nor the end of a filter).
        var cleared = s.Clone();
        cleared.Stack.Clear();
        var block = FreshBlock(cleared, layoutOffset, out var entry);
        var exc = entry.HiddenExc[regionIndex] ?? throw new GraphBuildException("inconsistent handler state", _method.FullName);
        RaiseInto(block, entry, exc, ChainAfter(regionIndex));
        return new Link(from, block, LinkArgs(cleared, layoutOffset), exitCase);
    }

    private void EmitEndFilter(Value verdict)
    {
        int ri = InnermostFilterAt(_offset);
        if (ri < 0) throw new GraphBuildException("endfilter outside a filter", _method.FullName);
        var r = _regions[ri];
        var exc = _state.HiddenExc[ri]!;
        var accept = _state.Clone();
        accept.Stack.Clear();
        accept.Stack.Add(exc);
        var from = _cur;
        from.SwitchKind = ExitSwitchKind.Bool;
        from.ExitSwitch = verdict;
        from.Exits.Add(RejectFilterLink(from, _state, ri, _offset, false));
        from.Exits.Add(new Link(from, BlockAt(r.HandlerStart, accept), LinkArgs(accept, r.HandlerStart), true));
    }

    private void EmitRethrow()
    {
        for (int i = 0; i < _regions.Length; i++)
        {
            var r = _regions[i];
            if (r.Kind is ExceptionHandlerType.Catch or ExceptionHandlerType.Filter && r.HandlerContains(_offset))
            {
                EmitThrow(_state.HiddenExc[i]!);
                return;
            }
        }
        throw new GraphBuildException("rethrow outside a catch handler", _method.FullName);
    }

    // ---- leave / endfinally ----------------------------------------------------------

    private void EmitLeave(int target)
    {
        var finallys = new List<int>();
        for (int i = 0; i < _regions.Length; i++)
        {
            var r = _regions[i];
            if (r.Kind == ExceptionHandlerType.Finally && r.TryContains(_offset) && !r.TryContains(target)) finallys.Add(i);
        }
        _cur.CloseWith(LeaveLink(_cur, _state, finallys, target, null));
    }

    private Link LeaveLink(Block from, State s, List<int> finallys, int target, object? exitCase)
    {
        var entry = s.Clone();
        entry.Stack.Clear();
        if (finallys.Count == 0) return LinkTo(from, entry, target, exitCase);
        int fi = finallys[0];
        if (!_leaveIds.TryGetValue(fi, out var ids)) _leaveIds[fi] = ids = new Dictionary<int, int>();
        if (!ids.TryGetValue(target, out int id)) ids[target] = id = ids.Count + 1;
        entry.HiddenCont[fi] = new Constant(id, ValueKind.Int32, _module.TypeSystem.Int32);
        entry.HiddenExc[fi] = new Constant(null, ValueKind.Ref, _module.TypeSystem.Object);
        return LinkTo(from, entry, _regions[fi].HandlerStart, exitCase);
    }

    private void EmitEndFinally()
    {
        int ri = -1;
        for (int i = 0; i < _regions.Length; i++)
            if (_regions[i].IsFinallyLike && _regions[i].HandlerContains(_offset)) { ri = i; break; }
        if (ri < 0) throw new GraphBuildException("endfinally outside a finally handler", _method.FullName);
        _endFinallys.Add(new EndFinallyRecord { Block = _cur, State = _state, RegionIndex = ri, Offset = _offset });
    }

    /// <summary>(Re)builds the exits of an endfinally block from the leave targets known so far.</summary>
    private void FinishEndFinally(EndFinallyRecord rec)
    {
        var block = rec.Block;
        var s = rec.State;
        var region = _regions[rec.RegionIndex];
        var saved = (_cur, _state, _offset);
        _offset = rec.Offset;
        if (rec.RethrowBlock is null)
        {
            var rethrow = FreshBlock(s, rec.Offset, out var entry);
            RaiseInto(rethrow, entry, entry.HiddenExc[rec.RegionIndex]!, ChainAt(rec.Offset));
            rec.RethrowBlock = rethrow;
        }
        block.Exits.Clear();
        var toRethrow = new Link(block, rec.RethrowBlock, LinkArgs(s, rec.Offset));
        if (!_leaveIds.TryGetValue(rec.RegionIndex, out var ids) || ids.Count == 0)
        {
            block.CloseWith(toRethrow);
        }
        else
        {
            block.SwitchKind = ExitSwitchKind.Int;
            block.ExitSwitch = s.HiddenCont[rec.RegionIndex];
            foreach (var (target, id) in ids.OrderBy(p => p.Value))
            {
                var outer = new List<int>();
                for (int i = 0; i < _regions.Length; i++)
                {
                    var r = _regions[i];
                    if (i != rec.RegionIndex && r.Kind == ExceptionHandlerType.Finally && r.TryContainsRange(region) && !r.TryContains(target))
                        outer.Add(i);
                }
                block.Exits.Add(LeaveLink(block, s, outer, target, id));
            }
            toRethrow.ExitCase = DefaultCase.Instance;
            block.Exits.Add(toRethrow);
        }
        (_cur, _state, _offset) = saved;
    }
}
