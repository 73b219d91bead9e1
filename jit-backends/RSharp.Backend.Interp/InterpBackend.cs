using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Interp;

/// <summary>
/// The reference backend: "compiling" resolves a trace's values to register slots, and
/// executing interprets the operations with exact .NET semantics. Used to test the
/// meta-interpreter and the optimizer independently of code generation.
/// </summary>
public sealed class InterpBackend : IJitBackend
{
    private readonly Dictionary<Operation, InterpCode> _guardCode = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Operation, InterpCode> _bridges = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TargetToken, (InterpCode Code, int Index)> _labels = [];

    /// <inheritdoc/>
    public string Name => "interp";

    /// <summary>Pieces of code (loops and bridges) compiled so far.</summary>
    internal int CodeCount { get; private set; }

    /// <summary>Number of operations executed so far (for tests and statistics).</summary>
    public long OperationsExecuted { get; internal set; }

    /// <inheritdoc/>
    public LoopToken CompileLoop(Trace trace, LoopToken token)
    {
        trace.Validate();
        if (token.CompiledCode is not null) throw new InvalidOperationException($"loop {token.Name} is already compiled");
        var code = Register(trace, token);
        token.InputKinds = code.InputKinds;
        token.CompiledCode = code;
        return token;
    }

    /// <inheritdoc/>
    public void CompileBridge(Operation guard, Trace bridge)
    {
        bridge.Validate();
        if (!_guardCode.TryGetValue(guard, out var owner))
            throw new ArgumentException($"{guard.Info.Name} is not a guard of code compiled by this backend", nameof(guard));
        if (_bridges.ContainsKey(guard)) throw new InvalidOperationException($"{guard.Info.Name} already has a bridge");
        var failArgs = guard.FailArgs!;
        if (bridge.InputArgs.Count != failArgs.Count)
            throw new ArgumentException($"the bridge takes {bridge.InputArgs.Count} values, the guard has {failArgs.Count} fail-args");
        for (int k = 0; k < failArgs.Count; k++)
            if (bridge.InputArgs[k].Kind != failArgs[k].Kind)
                throw new ArgumentException($"bridge input {k} is {bridge.InputArgs[k].Kind}, fail-arg {k} is {failArgs[k].Kind}");
        _bridges[guard] = Register(bridge, owner.Owner);
    }

    /// <inheritdoc/>
    public DeadFrame Execute(LoopToken loop, JitValues args)
    {
        if (loop.CompiledCode is not InterpCode code)
            throw new ArgumentException($"loop {loop.Name} was not compiled by this backend", nameof(loop));
        if (loop.IsInvalidated) throw new InvalidOperationException($"loop {loop.Name} was invalidated");
        if (args.Count != code.InputKinds.Length)
            throw new ArgumentException($"loop {loop.Name} takes {code.InputKinds.Length} values, not {args.Count}");
        for (int k = 0; k < args.Count; k++)
            if (args.Kinds[k] != code.InputKinds[k])
                throw new ArgumentException($"input {k} of loop {loop.Name} is {code.InputKinds[k]}, not {args.Kinds[k]}");
        return new Interpreter(this).Run(code, args);
    }

    /// <inheritdoc/>
    public void Invalidate(LoopToken loop) => loop.MarkInvalidated();

    internal bool TryGetBridge(Operation guard, out InterpCode bridge) => _bridges.TryGetValue(guard, out bridge!);

    internal (InterpCode Code, int Index) LabelOf(TargetToken target) =>
        _labels.TryGetValue(target, out var at) ? at
            : throw new InvalidOperationException($"jump to {target.Name}, a label no compiled code has");

    private InterpCode Register(Trace trace, LoopToken owner)
    {
        var code = new InterpCode(trace, owner) { Id = CodeCount++ };
        foreach (var (target, index) in code.Labels)
            if (_labels.ContainsKey(target)) throw new InvalidOperationException($"label {target.Name} is already compiled");
        foreach (var (target, index) in code.Labels) _labels[target] = (code, index);
        foreach (var ins in code.Instrs)
            if (ins.Op.IsGuard) _guardCode[ins.Op] = code;
        return code;
    }
}
