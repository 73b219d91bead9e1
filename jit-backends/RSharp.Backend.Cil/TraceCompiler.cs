using System.Reflection;
using System.Reflection.Emit;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;
using Il = System.Reflection.Emit.OpCodes;
using OpCode = RSharp.Jit.Traces.OpCode;

namespace RSharp.Backend.Cil;

/// <summary>
/// Compiles one trace (a loop or a bridge) to one DynamicMethod of shape <see cref="CodeEntry"/>.
/// Every trace value is an IL local of type long, double or object; labels are branch
/// targets, a jump to a label of the same trace is a backward branch after a parallel move,
/// guards branch to out-of-line exit stubs. This file holds the structure (entries, labels,
/// jumps, guards, exits); the value operations are in <c>TraceCompiler.Ops.cs</c>.
/// </summary>
internal sealed partial class TraceCompiler
{
    private static readonly MethodInfo GetInts = typeof(JitValues).GetProperty(nameof(JitValues.Ints))!.GetMethod!;
    private static readonly MethodInfo GetFloats = typeof(JitValues).GetProperty(nameof(JitValues.Floats))!.GetMethod!;
    private static readonly MethodInfo GetRefs = typeof(JitValues).GetProperty(nameof(JitValues.Refs))!.GetMethod!;
    private static readonly ConstructorInfo NewJitValues = typeof(JitValues).GetConstructor([typeof(IReadOnlyList<ValueKind>)])!;
    private static readonly FieldInfo ConstsField = typeof(CilCode).GetField(nameof(CilCode.Consts))!;
    private static readonly FieldInfo ExitKindsField = typeof(CilCode).GetField(nameof(CilCode.ExitKinds))!;
    private static readonly FieldInfo BridgesField = typeof(CilCode).GetField(nameof(CilCode.Bridges))!;
    private static readonly FieldInfo PendingField = typeof(CilFrame).GetField(nameof(CilFrame.Pending))!;
    private static readonly FieldInfo OutField = typeof(CilFrame).GetField(nameof(CilFrame.Out))!;
    private static readonly FieldInfo ExitCodeField = typeof(CilFrame).GetField(nameof(CilFrame.ExitCode))!;
    private static readonly FieldInfo TransfersField = typeof(CilFrame).GetField(nameof(CilFrame.Transfers))!;
    private static readonly FieldInfo RunField = typeof(CilCode).GetField(nameof(CilCode.Run))!;
    private static readonly FieldInfo EntryBuffersField = typeof(CilCode).GetField(nameof(CilCode.EntryBuffers))!;
    private static readonly FieldInfo ExitBuffersField = typeof(CilCode).GetField(nameof(CilCode.ExitBuffers))!;
    private static readonly MethodInfo InvokeEntry = typeof(CodeEntry).GetMethod(nameof(CodeEntry.Invoke))!;

    private readonly Trace _trace;
    private readonly Func<TargetToken, (CilCode Code, int Entry)?> _resolve;
    private readonly CilCode _code;
    private readonly IlWriter _il;
    private readonly DynamicMethod _method;
    private readonly Dictionary<TraceValue, LocalBuilder> _locals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, LocalBuilder> _constLocals = new(ReferenceEqualityComparer.Instance);
    private readonly List<object?> _pool = [];
    private readonly Dictionary<object, int> _poolIndex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Operation, Label> _bodyLabels = new(ReferenceEqualityComparer.Instance);
    private readonly List<(Operation Guard, Label Fail)> _guards = [];
    private readonly List<Operation> _exits = [];
    private readonly List<ValueKind[]> _exitKinds = [];
    private LocalBuilder? _overflow;
    private LocalBuilder? _values;
    private LocalBuilder? _bridge;
    private LocalBuilder? _exception;
    private LocalBuilder? _entry;
    private LocalBuilder? _guardIndex;
    private Label? _commonExit;
    private int _firstGuardExit;
    private int _opIndex;

    private TraceCompiler(Trace trace, CilCode code, Func<TargetToken, (CilCode Code, int Entry)?> resolve)
    {
        _trace = trace;
        _resolve = resolve;
        _code = code;
        _method = new DynamicMethod("trace_" + code.Name, typeof(int),
            [typeof(CilCode), typeof(CilFrame), typeof(JitValues), typeof(int)],
            typeof(CilCode).Module, skipVisibility: true);
        _il = new IlWriter(_method.GetILGenerator(Math.Max(256, trace.Operations.Count * 24)));
    }

    /// <summary>
    /// Compiles <paramref name="trace"/> into a <see cref="CilCode"/> owned by <paramref name="owner"/>;
    /// <paramref name="resolve"/> finds the code and entry of a label of already compiled code.
    /// </summary>
    public static CilCode Compile(Trace trace, LoopToken owner, string name, bool isBridge,
        Func<TargetToken, (CilCode Code, int Entry)?> resolve)
    {
        var code = new CilCode(owner, name);
        new TraceCompiler(trace, code, resolve).Emit(isBridge);
        return code;
    }

    private void Emit(bool isBridge)
    {
        DeclareLocals();
        var labels = _trace.Operations.Where(o => o.OpCode == OpCode.Label).ToList();
        var entryStubs = new List<Label>();
        foreach (var label in labels)
        {
            _bodyLabels[label] = _il.DefineLabel();
            entryStubs.Add(_il.DefineLabel());
            _code.Labels[(TargetToken)label.Descr!] = entryStubs.Count;
        }

        // Prologue, shared by every entry: reference constants into locals.
        foreach (var (value, local) in _constLocals)
        {
            LoadPooled(value);
            _il.Emit(Il.Stloc, local);
        }
        if (entryStubs.Count > 0)
        {
            _il.Emit(Il.Ldarg_3);
            _il.Emit(Il.Ldc_I4_1);
            _il.Emit(Il.Sub);
            _il.Emit(Il.Switch, entryStubs.ToArray());
        }
        _il.Comment("entry 0: input arguments");
        for (int k = 0; k < _trace.InputArgs.Count; k++) LoadInput(k, _locals[_trace.InputArgs[k]]);
        // A bridge of a guard_no_exception may start with an exception pending: an operation that does not observe it rethrows.
        if (isBridge && (_trace.Operations.Count == 0 || !ObservesException(_trace.Operations[0].OpCode)))
        {
            _il.Emit(Il.Ldarg_1);
            _il.Emit(Il.Call, typeof(CilFrame).GetMethod(nameof(CilFrame.ThrowIfPending))!);
        }

        // The listing names values as the trace's text form does: line k + 1 is operation k.
        var lines = _trace.ToString().Split('\n');
        for (_opIndex = 0; _opIndex < _trace.Operations.Count; _opIndex++)
        {
            var op = _trace.Operations[_opIndex];
            _il.Comment(lines[_opIndex + 1].TrimEnd('\r'));
            EmitOperation(op);
        }

        // Out of line: label entries, then guard exits.
        for (int e = 0; e < labels.Count; e++)
        {
            _il.MarkLabel(entryStubs[e]);
            _il.Comment($"entry {e + 1}: label {labels[e].Descr!.Name}");
            for (int k = 0; k < labels[e].Args.Count; k++) LoadInput(k, _locals[labels[e].Args[k]]);
            _il.Emit(Il.Br, _bodyLabels[labels[e]]);
        }
        for (int g = 0; g < _guards.Count; g++) EmitGuardExit(g);
        EmitCommonGuardExit();

        _code.Consts = _pool.ToArray();
        _code.Exits = _exits.ToArray();
        _code.ExitKinds = _exitKinds.ToArray();
        _code.Bridges = new CilCode?[_guards.Count];
        _code.Guards = _guards.Select(g => g.Guard).ToArray();
        _code.ExitBuffers = _code.Guards.Select(g => new JitValues(g.FailArgs!.Select(a => a.Kind).ToArray())).ToArray();
        var buffers = new List<JitValues> { new(_trace.InputArgs.Select(a => a.Kind).ToArray()) };
        buffers.AddRange(labels.Select(l => new JitValues(l.Args.Select(a => a.Kind).ToArray())));
        _code.EntryBuffers = buffers.ToArray();
        _code.IlListing = _il.Listing;
        _code.IlInstructionCount = _il.Count;
        _code.Run = _method.CreateDelegate<CodeEntry>();
    }

    /// <summary>
    /// Gives every trace value an IL local, sharing locals between values whose live ranges do
    /// not overlap (a linear scan over the trace). Thousands of locals would make RyuJIT fall
    /// back to MinOpts for long bridges and slow down its register allocation. A guard's
    /// fail-args are uses at the guard (its exit stub reads them at once); a value used after
    /// a label it is defined before stays live to the end (loop-carried); an operation's
    /// result never shares a local with its own arguments (some emitters re-read them).
    /// </summary>
    private void DeclareLocals()
    {
        var ops = _trace.Operations;
        var def = new Dictionary<TraceValue, int>(ReferenceEqualityComparer.Instance);
        var last = new Dictionary<TraceValue, int>(ReferenceEqualityComparer.Instance);
        var labelAt = new List<int>();
        foreach (var arg in _trace.InputArgs) def[arg] = -1;
        for (int i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.OpCode == OpCode.Label) labelAt.Add(i);
            foreach (var v in op.FailArgs is null ? op.Args : op.Args.Concat(op.FailArgs))
            {
                if (v is ConstRef { Value: { } obj } && !_constLocals.ContainsKey(obj))
                {
                    Pool(obj);
                    _constLocals[obj] = _il.DeclareLocal(typeof(object), $"const{_constLocals.Count}");
                }
                if (def.ContainsKey(v)) last[v] = i;
            }
            if (op.Kind != ValueKind.Void) def[op] = i;
        }
        foreach (var (v, d) in def)
            if (last.TryGetValue(v, out int u) && labelAt.Any(l => d < l && l <= u)) last[v] = int.MaxValue;

        var dying = new Dictionary<int, List<TraceValue>>();
        foreach (var (v, u) in last)
            if (u != int.MaxValue) (dying.TryGetValue(u, out var list) ? list : dying[u] = []).Add(v);
        var free = new Dictionary<Type, Stack<LocalBuilder>>();
        int n = 0;
        LocalBuilder Take(TraceValue v)
        {
            var type = TypeOf(v.Kind);
            if (!free.TryGetValue(type, out var pool)) free[type] = pool = new Stack<LocalBuilder>();
            return _locals[v] = pool.Count > 0 ? pool.Pop() : _il.DeclareLocal(type, ValueName(v.Kind, n++));
        }
        void Release(TraceValue v) => free[TypeOf(v.Kind)].Push(_locals[v]);
        foreach (var arg in _trace.InputArgs) Take(arg);
        foreach (var arg in _trace.InputArgs)
            if (!last.ContainsKey(arg)) Release(arg);
        for (int i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.Kind != ValueKind.Void) Take(op);
            if (dying.TryGetValue(i, out var ends))
                foreach (var v in ends) Release(v);
            if (op.Kind != ValueKind.Void && !last.ContainsKey(op)) Release(op);
        }
    }

    private static string ValueName(ValueKind kind, int n) => ValueKinds.Prefix(kind) + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Type TypeOf(ValueKind kind) => kind switch
    {
        ValueKind.Int => typeof(long),
        ValueKind.Float => typeof(double),
        _ => typeof(object),
    };

    private static bool ObservesException(OpCode code) =>
        code is OpCode.GuardNoException or OpCode.GuardException or OpCode.SaveException;

    /// <summary>True if the operation after the current one observes the pending exception.</summary>
    private bool NextObservesException =>
        _opIndex + 1 < _trace.Operations.Count && ObservesException(_trace.Operations[_opIndex + 1].OpCode);

    private int Pool(object value)
    {
        if (_poolIndex.TryGetValue(value, out int i)) return i;
        _poolIndex[value] = i = _pool.Count;
        _pool.Add(value);
        return i;
    }

    /// <summary>Pushes an object of the constant pool (not cast).</summary>
    private void LoadPooled(object value)
    {
        _il.Emit(Il.Ldarg_0);
        _il.Emit(Il.Ldfld, ConstsField);
        _il.Emit(Il.Ldc_I4, Pool(value));
        _il.Emit(Il.Ldelem_Ref);
    }

    private void LoadPooled(object value, Type type)
    {
        LoadPooled(value);
        if (type != typeof(object)) _il.Emit(Il.Castclass, type);
    }

    /// <summary>Pushes a trace value.</summary>
    private void Load(TraceValue v)
    {
        switch (v)
        {
            case ConstInt c: _il.Emit(Il.Ldc_I8, c.Value); break;
            case ConstFloat c: _il.Emit(Il.Ldc_R8, c.Value); break;
            case ConstRef { Value: null }: _il.Emit(Il.Ldnull); break;
            case ConstRef c: _il.Emit(Il.Ldloc, _constLocals[c.Value]); break;
            default: _il.Emit(Il.Ldloc, _locals[v]); break;
        }
    }

    private void Store(Operation op) => _il.Emit(Il.Stloc, _locals[op]);

    private void LoadInput(int k, LocalBuilder local)
    {
        var type = local.LocalType;
        _il.Emit(Il.Ldarg_2);
        _il.Emit(Il.Callvirt, type == typeof(long) ? GetInts : type == typeof(double) ? GetFloats : GetRefs);
        _il.Emit(Il.Ldc_I4, k);
        _il.Emit(type == typeof(long) ? Il.Ldelem_I8 : type == typeof(double) ? Il.Ldelem_R8 : Il.Ldelem_Ref);
        _il.Emit(Il.Stloc, local);
    }

    /// <summary>Writes <paramref name="values"/> by position into the JitValues held in <see cref="_values"/>.</summary>
    private void WriteValues(IReadOnlyList<TraceValue> values)
    {
        for (int k = 0; k < values.Count; k++)
        {
            var kind = values[k].Kind;
            _il.Emit(Il.Ldloc, _values!);
            _il.Emit(Il.Callvirt, kind == ValueKind.Int ? GetInts : kind == ValueKind.Float ? GetFloats : GetRefs);
            _il.Emit(Il.Ldc_I4, k);
            Load(values[k]);
            _il.Emit(kind == ValueKind.Int ? Il.Stelem_I8 : kind == ValueKind.Float ? Il.Stelem_R8 : Il.Stelem_Ref);
        }
    }

    /// <summary>Leaves the code through exit <paramref name="exit"/> reporting <paramref name="values"/> in a fresh JitValues.</summary>
    private void EmitExit(Operation exit, IReadOnlyList<TraceValue> values)
    {
        int index = _exits.Count;
        _exits.Add(exit);
        _exitKinds.Add(values.Select(v => v.Kind).ToArray());
        _values ??= _il.DeclareLocal(typeof(JitValues), "values");
        _il.Emit(Il.Ldarg_0);
        _il.Emit(Il.Ldfld, ExitKindsField);
        _il.Emit(Il.Ldc_I4, index);
        _il.Emit(Il.Ldelem_Ref);
        _il.Emit(Il.Newobj, NewJitValues);
        _il.Emit(Il.Stloc, _values);
        WriteValues(values);
        _il.Emit(Il.Ldarg_1);
        _il.Emit(Il.Ldloc, _values);
        _il.Emit(Il.Stfld, OutField);
        _il.Emit(Il.Ldarg_1);
        _il.Emit(Il.Ldarg_0);
        _il.Emit(Il.Stfld, ExitCodeField);
        _il.Emit(Il.Ldc_I4, index);
        _il.Emit(Il.Ret);
    }

    /// <summary>
    /// A guard's exit stub: if a bridge is attached (its slot is read only here, so the hot path
    /// pays nothing), hand the fail-args to the driver to run it; else leave with a dead frame.
    /// </summary>
    private void EmitGuardExit(int g)
    {
        var (guard, fail) = _guards[g];
        _il.MarkLabel(fail);
        _il.Comment($"exit {g}: {guard.Info.Name} failed");
        _values ??= _il.DeclareLocal(typeof(JitValues), "values");
        _guardIndex ??= _il.DeclareLocal(typeof(int), "guard");
        _commonExit ??= _il.DefineLabel();
        if (g == 0) _firstGuardExit = _exits.Count;
        _exits.Add(guard);
        _exitKinds.Add(guard.FailArgs!.Select(v => v.Kind).ToArray());
        // The fail-args go once into the guard's own buffer: a bridge takes it as its input, a
        // dead frame gets a copy (Execute makes it). The rest is shared by all guards: one
        // straight block per guard keeps long bridges under RyuJIT's MinOpts limits.
        _il.Emit(Il.Ldarg_0);
        _il.Emit(Il.Ldfld, ExitBuffersField);
        _il.Emit(Il.Ldc_I4, g);
        _il.Emit(Il.Ldelem_Ref);
        _il.Emit(Il.Stloc, _values);
        WriteValues(guard.FailArgs!);
        _il.Emit(Il.Ldc_I4, g);
        _il.Emit(Il.Stloc, _guardIndex);
        _il.Emit(Il.Br, _commonExit.Value);
    }

    /// <summary>After a guard's stub: its bridge if attached (the slot is read only here, so the hot path pays nothing), else a dead frame.</summary>
    private void EmitCommonGuardExit()
    {
        if (_commonExit is not { } common) return;
        _il.MarkLabel(common);
        _il.Comment("a guard failed: its bridge, or leave");
        _bridge ??= _il.DeclareLocal(typeof(CilCode), "bridge");
        var noBridge = _il.DefineLabel();
        _il.Emit(Il.Ldarg_0);
        _il.Emit(Il.Ldfld, BridgesField);
        _il.Emit(Il.Ldloc, _guardIndex!);
        _il.Emit(Il.Ldelem_Ref);
        _il.Emit(Il.Stloc, _bridge);
        _il.Emit(Il.Ldloc, _bridge);
        _il.Emit(Il.Brfalse, noBridge);
        TailCall(_bridge, () => _il.Emit(Il.Ldc_I4_0));
        _il.MarkLabel(noBridge);
        _il.Emit(Il.Ldarg_1);
        _il.Emit(Il.Ldloc, _values!);
        _il.Emit(Il.Stfld, OutField);
        _il.Emit(Il.Ldarg_1);
        _il.Emit(Il.Ldarg_0);
        _il.Emit(Il.Stfld, ExitCodeField);
        _il.Emit(Il.Ldloc, _guardIndex!);
        _il.Emit(Il.Ldc_I4, _firstGuardExit);
        _il.Emit(Il.Add);
        _il.Emit(Il.Ret);
    }

    private void EmitJump(Operation jump)
    {
        var target = (TargetToken)jump.Descr!;
        var label = _bodyLabels.Keys.FirstOrDefault(l => l.Descr == target);
        if (label is not null)
        {
            // Parallel move: push every value, then store into the label's locals in reverse.
            // A local named twice gets the last value, as the interp backend writes in order.
            foreach (var v in jump.Args) Load(v);
            var written = new HashSet<LocalBuilder>();
            for (int k = jump.Args.Count - 1; k >= 0; k--)
            {
                var local = _locals[label.Args[k]];
                if (written.Add(local)) _il.Emit(Il.Stloc, local);
                else _il.Emit(Il.Pop);
            }
            _il.Emit(Il.Br, _bodyLabels[label]);
            return;
        }
        // A label of other code (a bridge jumping to its loop): resolved now if it is compiled.
        var next = _il.DeclareLocal(typeof(CilCode), "next");
        if (_resolve(target) is var (code, entry))
        {
            LoadPooled(code, typeof(CilCode));
            _il.Emit(Il.Stloc, next);
            TransferTo(next, () => _il.Emit(Il.Ldc_I4, entry), jump.Args);
            return;
        }
        _entry ??= _il.DeclareLocal(typeof(int), "entry");
        _il.Emit(Il.Ldarg_1);
        LoadPooled(target, typeof(TargetToken));
        _il.Emit(Il.Ldloca, _entry);
        _il.Emit(Il.Call, typeof(CilFrame).GetMethod(nameof(CilFrame.LateLabel))!);
        _il.Emit(Il.Stloc, next);
        TransferTo(next, () => _il.Emit(Il.Ldloc, _entry), jump.Args);
    }

    /// <summary>
    /// Continues in the code held in <paramref name="code"/> at the entry <paramref name="entry"/>
    /// pushes: writes <paramref name="values"/> into that entry's input buffer, then tail-calls
    /// the code (a jump, so a chain of transfers does not grow the stack).
    /// </summary>
    private void TransferTo(LocalBuilder code, Action entry, IReadOnlyList<TraceValue> values)
    {
        _values ??= _il.DeclareLocal(typeof(JitValues), "values");
        _il.Emit(Il.Ldloc, code);
        _il.Emit(Il.Ldfld, EntryBuffersField);
        entry();
        _il.Emit(Il.Ldelem_Ref);
        _il.Emit(Il.Stloc, _values);
        WriteValues(values);
        TailCall(code, entry);
    }

    /// <summary>Tail-calls the code in <paramref name="code"/> with the input in <see cref="_values"/>, counting the transfer.</summary>
    private void TailCall(LocalBuilder code, Action entry)
    {
        _il.Emit(Il.Ldarg_1);
        _il.Emit(Il.Dup);
        _il.Emit(Il.Ldfld, TransfersField);
        _il.Emit(Il.Ldc_I8, 1L);
        _il.Emit(Il.Add);
        _il.Emit(Il.Stfld, TransfersField);
        _il.Emit(Il.Ldloc, code);
        _il.Emit(Il.Ldfld, RunField);
        _il.Emit(Il.Ldloc, code);
        _il.Emit(Il.Ldarg_1);
        _il.Emit(Il.Ldloc, _values!);
        entry();
        _il.Emit(Il.Tailcall);
        _il.Emit(Il.Callvirt, InvokeEntry);
        _il.Emit(Il.Ret);
    }

    private Label NewGuard(Operation guard)
    {
        var fail = _il.DefineLabel();
        _guards.Add((guard, fail));
        return fail;
    }

    private void EmitOperation(Operation op)
    {
        switch (op.OpCode)
        {
            case OpCode.Label:
                _il.MarkLabel(_bodyLabels[op]);
                return;
            case OpCode.Jump:
                EmitJump(op);
                return;
            case OpCode.Finish:
                EmitExit(op, op.Args);
                return;
        }
        if (op.IsGuard) EmitGuard(op, NewGuard(op));
        else EmitValueOp(op);
    }
}
