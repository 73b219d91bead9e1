using Mono.Cecil;
using Mono.Cecil.Cil;
using RSharp.Flow.Model;

namespace RSharp.Flow;

/// <summary>
/// Builds the SSA flow graph of one method (one closed instantiation) by abstract
/// interpretation of the IL evaluation stack, one basic block at a time. Every block's
/// inputs are: all arguments, all locals, the hidden handler state of the handler regions
/// the block is in, then the stack. Locals and arguments whose address is taken live in
/// stack slots (alloc_slot) and are read and written with getslot/setslot; the slot's
/// managed pointer is the SSA value that flows between blocks.
/// </summary>
internal sealed partial class GraphBuilder
{
    private readonly MethodReference _method;
    private readonly MethodDefinition _def;
    private readonly GenericContext _ctx;
    private readonly MethodBody _body;
    private readonly ModuleDefinition _module;
    private readonly FlowGraph _graph;
    private readonly IList<Instruction> _instrs;
    private readonly Dictionary<int, int> _indexOf = new();
    private readonly SourcePosition?[] _sources;
    private readonly HashSet<int> _blockStarts = new();
    private readonly Region[] _regions;
    private readonly bool[] _slotLocal, _slotArg;
    private readonly TypeReference[] _argTypes, _localTypes;
    private readonly string[] _argNames;
    private readonly ValueKind _returnKind;
    private readonly Dictionary<int, Block> _blocks = new();
    private readonly Queue<(Block Block, State State, int Offset)> _work = new();
    private readonly Dictionary<int, Dictionary<int, int>> _leaveIds = new();
    private readonly List<EndFinallyRecord> _endFinallys = new();
    private readonly int _codeEnd;
    private readonly bool _explicitExits;

    // Translation cursor.
    private Block _cur = null!;
    private State _state = null!;
    private int _offset, _index;
    private bool _pendingSplit;
    private TypeReference? _constrained;

    private GraphBuilder(MethodReference method, MethodDefinition def, bool explicitExits)
    {
        _explicitExits = explicitExits;
        _method = method;
        _def = def;
        _body = def.Body;
        _module = def.Module;
        _ctx = GenericContext.ForMember(method);
        _instrs = _body.Instructions;
        for (int i = 0; i < _instrs.Count; i++) _indexOf[_instrs[i].Offset] = i;
        var last = _instrs[^1];
        _codeEnd = last.Offset + last.GetSize();

        var returnType = _ctx.Inflate(def.ReturnType);
        _graph = new FlowGraph(method, returnType);
        _returnKind = TypeKinds.KindOf(returnType);
        if (_returnKind != ValueKind.Void)
            _graph.ReturnBlock.InputArgs.Add(_graph.NewVariable(_returnKind, returnType, "result"));
        _graph.ExceptBlock.InputArgs[0].Type = _module.TypeSystem.Object;

        int thisCount = def.HasThis ? 1 : 0;
        _argTypes = new TypeReference[def.Parameters.Count + thisCount];
        _argNames = new string[_argTypes.Length];
        if (def.HasThis)
        {
            TypeReference self = method.DeclaringType is GenericInstanceType ? method.DeclaringType : def.DeclaringType;
            _argTypes[0] = TypeKinds.IsValueType(self) ? new ByReferenceType(self) : self;
            _argNames[0] = "this";
        }
        for (int i = 0; i < def.Parameters.Count; i++)
        {
            _argTypes[i + thisCount] = _ctx.Inflate(def.Parameters[i].ParameterType);
            _argNames[i + thisCount] = def.Parameters[i].Name;
        }
        _localTypes = _body.Variables.Select(v => _ctx.Inflate(v.VariableType)).ToArray();
        _slotLocal = new bool[_localTypes.Length];
        _slotArg = new bool[_argTypes.Length];
        _regions = _body.ExceptionHandlers.Select(h => new Region(h, _codeEnd, _ctx)).ToArray();
        _sources = ComputeSources();
        ScanBody();
    }

    /// <summary>
    /// Builds the graph of <paramref name="method"/> (a definition, or a closed generic
    /// instantiation). With <paramref name="explicitExceptionExits"/>, raising operations
    /// outside every protected region also end their block, with a link to the except block.
    /// </summary>
    public static FlowGraph Build(MethodReference method, bool explicitExceptionExits = false)
    {
        var def = method as MethodDefinition ?? TypeKinds.ResolveMethod(method)
            ?? throw new GraphBuildException("unresolved method", method.FullName);
        if (!def.HasBody || def.Body.Instructions.Count == 0)
            throw new GraphBuildException("no method body", method.FullName);
        var builder = new GraphBuilder(method, def, explicitExceptionExits);
        builder.Run();
#if DEBUG
        Checking.GraphChecker.Check(builder._graph);
#endif
        return builder._graph;
    }

    private SourcePosition?[] ComputeSources()
    {
        var result = new SourcePosition?[_instrs.Count];
        var info = _def.DebugInformation;
        if (info is null || !info.HasSequencePoints) return result;
        var points = info.SequencePoints.OrderBy(p => p.Offset).ToList();
        int j = -1;
        SourcePosition? current = null;
        for (int i = 0; i < _instrs.Count; i++)
        {
            while (j + 1 < points.Count && points[j + 1].Offset <= _instrs[i].Offset)
            {
                j++;
                var p = points[j];
                current = p.IsHidden ? current : new SourcePosition(SourcePaths.Resolve(p.Document.Url, _def.Module.FileName), p.StartLine, p.StartColumn);
            }
            result[i] = current;
        }
        return result;
    }

    /// <summary>Finds block boundaries and address-taken locals and arguments.</summary>
    private void ScanBody()
    {
        _blockStarts.Add(0);
        foreach (var r in _regions)
        {
            _blockStarts.Add(r.TryStart); _blockStarts.Add(r.TryEnd);
            _blockStarts.Add(r.HandlerStart); _blockStarts.Add(r.HandlerEnd);
            if (r.FilterStart >= 0) _blockStarts.Add(r.FilterStart);
        }
        for (int i = 0; i < _instrs.Count; i++)
        {
            var ins = _instrs[i];
            switch (ins.Operand)
            {
                case Instruction target: _blockStarts.Add(target.Offset); break;
                case Instruction[] targets: foreach (var t in targets) _blockStarts.Add(t.Offset); break;
            }
            var flow = ins.OpCode.FlowControl;
            if (flow is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw
                || ins.OpCode.Code is Code.Endfinally or Code.Endfilter or Code.Leave or Code.Leave_S)
            {
                if (i + 1 < _instrs.Count) _blockStarts.Add(_instrs[i + 1].Offset);
            }
            switch (ins.OpCode.Code)
            {
                case Code.Ldloca or Code.Ldloca_S: _slotLocal[((VariableDefinition)ins.Operand).Index] = true; break;
                case Code.Ldarga or Code.Ldarga_S: _slotArg[ArgIndex((ParameterDefinition)ins.Operand)] = true; break;
                case Code.Jmp: throw new GraphBuildException("jmp instruction", _method.FullName);
            }
        }
        _blockStarts.Remove(_codeEnd);
    }

    private int ArgIndex(ParameterDefinition p) =>
        p == _body.ThisParameter ? 0 : p.Index + (_def.HasThis ? 1 : 0);

    private void Run()
    {
        var start = _graph.StartBlock;
        var state = new State(_argTypes.Length, _localTypes.Length, _regions.Length);
        _cur = start;
        _state = state;
        _offset = -1;
        for (int i = 0; i < _argTypes.Length; i++)
        {
            var v = _graph.NewVariable(TypeKinds.KindOf(_argTypes[i]), _argTypes[i], _argNames[i]);
            start.InputArgs.Add(v);
            if (_slotArg[i])
            {
                var slot = EmitRaw(OpNames.AllocSlot, ValueKind.ManagedPointer, new ByReferenceType(_argTypes[i]), Constant.Descriptor(_argTypes[i]))!;
                EmitRaw(OpNames.SetSlot, ValueKind.Void, null, slot, v);
                state.Args[i] = slot;
            }
            else state.Args[i] = v;
        }
        for (int i = 0; i < _localTypes.Length; i++)
        {
            var t = _localTypes[i];
            state.Locals[i] = _slotLocal[i]
                ? EmitRaw(OpNames.AllocSlot, ValueKind.ManagedPointer, new ByReferenceType(t), Constant.Descriptor(t))!
                : DefaultOf(t);
        }
        start.CloseWith(LinkTo(start, state, 0, null));

        while (true)
        {
            while (_work.Count > 0)
            {
                var (block, entry, offset) = _work.Dequeue();
                TranslateBlock(block, entry, offset);
            }
            bool changed = false;
            foreach (var rec in _endFinallys.ToList())
            {
                int count = _leaveIds.TryGetValue(rec.RegionIndex, out var ids) ? ids.Count : 0;
                if (rec.BuiltWith == count) continue;
                FinishEndFinally(rec);
                rec.BuiltWith = count;
                changed = true;
            }
            if (!changed && _work.Count == 0) break;
        }
        _graph.NumberBlocks();
    }

    private Value DefaultOf(TypeReference t)
    {
        var kind = TypeKinds.KindOf(t);
        return kind switch
        {
            ValueKind.Int32 => new Constant(0, kind, t),
            ValueKind.Int64 => new Constant(0L, kind, t),
            ValueKind.NativeInt => new Constant((nint)0, kind, t),
            ValueKind.Float32 => new Constant(0f, kind, t),
            ValueKind.Float64 => new Constant(0d, kind, t),
            ValueKind.Ref or ValueKind.ManagedPointer => new Constant(null, kind, t),
            _ => EmitRaw(OpNames.DefaultValue, kind, t, Constant.Descriptor(t))!,
        };
    }

    private void TranslateBlock(Block block, State state, int offset)
    {
        _cur = block;
        _state = state;
        if (!_indexOf.TryGetValue(offset, out _index))
            throw new GraphBuildException("branch into the middle of an instruction", _method.FullName);
        while (true)
        {
            var ins = _instrs[_index];
            _offset = ins.Offset;
            bool closed = TranslateInstruction(ins);
            if (_pendingSplit) SplitAfterRaise();
            if (closed) return;
            _index++;
            if (_index >= _instrs.Count)
                throw new GraphBuildException("control falls off the end of the body", _method.FullName);
            int next = _instrs[_index].Offset;
            if (_blockStarts.Contains(next) && _constrained is null && !IsPrefix(_instrs[_index - 1]))
            {
                _cur.CloseWith(LinkTo(_cur, _state, next, null));
                return;
            }
        }
    }

    private static bool IsPrefix(Instruction ins) => ins.OpCode.OpCodeType == OpCodeType.Prefix;

    // ---- Emitting operations -------------------------------------------------------

    /// <summary>Appends an operation to the current block without exception handling.</summary>
    private Variable? EmitRaw(string opName, ValueKind kind, TypeReference? type, params Value[] args)
    {
        if (_pendingSplit) throw new InvalidOperationException("operation after a raising operation in one instruction");
        var result = kind == ValueKind.Void ? null : _graph.NewVariable(kind, type);
        var source = _offset >= 0 && _indexOf.TryGetValue(_offset, out var idx) ? _sources[idx] : null;
        _cur.Operations.Add(new Operation(opName, args, result, _offset, source));
        return result;
    }

    /// <summary>Appends an operation; if it can raise inside a protected region, the block is split after the instruction.</summary>
    private Variable? Emit(string opName, ValueKind kind, TypeReference? type, params Value[] args)
    {
        var result = EmitRaw(opName, kind, type, args);
        if (OpNames.CanRaise(opName) && HasExplicitRaiseLinks(_offset)) _pendingSplit = true;
        return result;
    }

    /// <summary>Ends the current block on its raising operation and continues in a fresh block.</summary>
    private void SplitAfterRaise()
    {
        _pendingSplit = false;
        var raising = _cur;
        var next = FreshBlock(_state, _offset, out var nextState);
        raising.SwitchKind = ExitSwitchKind.LastException;
        raising.Exits.Add(new Link(raising, next, LinkArgs(_state, _offset)));
        AddRaiseLinks(raising, _state, _offset);
        _cur = next;
        _state = nextState;
    }

    // ---- Blocks and links ----------------------------------------------------------

    private Variable Fresh(Value like, string? hint)
    {
        var type = like.Type ?? (like.Kind == ValueKind.Ref ? _module.TypeSystem.Object : null);
        return _graph.NewVariable(like.Kind, type, hint);
    }

    /// <summary>A block with fresh inputs for the whole state in the layout at <paramref name="layoutOffset"/>.</summary>
    private Block FreshBlock(State incoming, int layoutOffset, out State entry)
    {
        entry = incoming.Clone();
        var inputs = new List<Variable>();
        for (int i = 0; i < entry.Args.Length; i++) inputs.Add((Variable)(entry.Args[i] = Fresh(incoming.Args[i], _argNames[i])));
        for (int i = 0; i < entry.Locals.Length; i++) inputs.Add((Variable)(entry.Locals[i] = Fresh(incoming.Locals[i], "l" + i)));
        foreach (var (region, isCont) in HiddenSlotsAt(layoutOffset))
        {
            var v = (isCont ? incoming.HiddenCont[region] : incoming.HiddenExc[region])
                ?? throw new GraphBuildException("inconsistent handler state", _method.FullName);
            var fresh = Fresh(v, isCont ? "cont" + region : "exc" + region);
            if (isCont) entry.HiddenCont[region] = fresh; else entry.HiddenExc[region] = fresh;
            inputs.Add(fresh);
        }
        for (int i = 0; i < entry.Stack.Count; i++) inputs.Add((Variable)(entry.Stack[i] = Fresh(incoming.Stack[i], null)));
        return new Block(inputs) { ILOffset = layoutOffset };
    }

    private Block BlockAt(int offset, State incoming)
    {
        if (_blocks.TryGetValue(offset, out var existing))
        {
            int expected = existing.InputArgs.Count - _argTypes.Length - _localTypes.Length - HiddenSlotsAt(offset).Count;
            if (expected != incoming.Stack.Count)
                throw new GraphBuildException("stack depth mismatch at merge", _method.FullName + " IL_" + offset.ToString("x4"));
            return existing;
        }
        var block = FreshBlock(incoming, offset, out var entry);
        _blocks[offset] = block;
        _work.Enqueue((block, entry, offset));
        return block;
    }

    private Value[] LinkArgs(State s, int targetOffset)
    {
        var args = new List<Value>(s.Args.Length + s.Locals.Length + s.Stack.Count + 2);
        args.AddRange(s.Args);
        args.AddRange(s.Locals);
        foreach (var (region, isCont) in HiddenSlotsAt(targetOffset))
            args.Add((isCont ? s.HiddenCont[region] : s.HiddenExc[region])
                ?? throw new GraphBuildException("inconsistent handler state", _method.FullName));
        args.AddRange(s.Stack);
        return args.ToArray();
    }

    private Link LinkTo(Block from, State s, int targetOffset, object? exitCase)
    {
        var target = BlockAt(targetOffset, s);
        return new Link(from, target, LinkArgs(s, targetOffset), exitCase);
    }

    private sealed class State
    {
        public State(int args, int locals, int regions)
        {
            Args = new Value[args];
            Locals = new Value[locals];
            HiddenCont = new Value?[regions];
            HiddenExc = new Value?[regions];
            Stack = new List<Value>();
        }

        private State(State other)
        {
            Args = (Value[])other.Args.Clone();
            Locals = (Value[])other.Locals.Clone();
            HiddenCont = (Value?[])other.HiddenCont.Clone();
            HiddenExc = (Value?[])other.HiddenExc.Clone();
            Stack = new List<Value>(other.Stack);
        }

        public Value[] Args { get; }
        public Value[] Locals { get; }
        public Value?[] HiddenCont { get; }
        public Value?[] HiddenExc { get; }
        public List<Value> Stack { get; }

        public State Clone() => new(this);
    }
}
