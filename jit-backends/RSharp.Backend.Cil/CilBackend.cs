using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil;

/// <summary>
/// The default backend: each loop and each bridge becomes one DynamicMethod that RyuJIT
/// compiles to machine code. A failing guard without a bridge writes its fail-args into a
/// fresh <see cref="JitValues"/> and returns its exit number; a guard with a bridge, and a
/// bridge jumping back to its loop, tail-call the next piece of code's delegate (an indirect
/// jump: no driver loop, no stack growth). Semantics are those of the
/// interp backend, the reference (see docs/jit-backend-cil.md).
/// </summary>
public sealed class CilBackend : IJitBackend
{
    private readonly Dictionary<Operation, (CilCode Code, int Slot)> _guards = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TargetToken, (CilCode Code, int Entry)> _labels = [];
    private readonly Dictionary<LoopToken, List<CilCode>> _codeOfLoop = new(ReferenceEqualityComparer.Instance);
    private int _counter;

    /// <inheritdoc/>
    public string Name => "cil";

    /// <summary>Time spent emitting IL and creating delegates (RyuJIT compiles lazily, on first call).</summary>
    public TimeSpan CompileTime { get; private set; }

    /// <summary>Number of transfers between pieces of code (bridge entries and jumps to other code's labels), counted by the code itself.</summary>
    public long Transfers { get; private set; }

    /// <inheritdoc/>
    public LoopToken CompileLoop(Trace trace, LoopToken token)
    {
        trace.Validate();
        if (token.CompiledCode is not null) throw new InvalidOperationException($"loop {token.Name} is already compiled");
        var code = Compile(trace, token, isBridge: false);
        token.InputKinds = trace.InputArgs.Select(a => a.Kind).ToArray();
        token.CompiledCode = code;
        return token;
    }

    /// <inheritdoc/>
    public void CompileBridge(Operation guard, Trace bridge)
    {
        bridge.Validate();
        if (!_guards.TryGetValue(guard, out var at))
            throw new ArgumentException($"{guard.Info.Name} is not a guard of code compiled by this backend", nameof(guard));
        if (at.Code.Bridges[at.Slot] is not null) throw new InvalidOperationException($"{guard.Info.Name} already has a bridge");
        var failArgs = guard.FailArgs!;
        if (bridge.InputArgs.Count != failArgs.Count)
            throw new ArgumentException($"the bridge takes {bridge.InputArgs.Count} values, the guard has {failArgs.Count} fail-args");
        for (int k = 0; k < failArgs.Count; k++)
            if (bridge.InputArgs[k].Kind != failArgs[k].Kind)
                throw new ArgumentException($"bridge input {k} is {bridge.InputArgs[k].Kind}, fail-arg {k} is {failArgs[k].Kind}");
        at.Code.Bridges[at.Slot] = Compile(bridge, at.Code.Owner, isBridge: true);
    }

    /// <inheritdoc/>
    public DeadFrame Execute(LoopToken loop, JitValues args)
    {
        if (loop.CompiledCode is not CilCode code)
            throw new ArgumentException($"loop {loop.Name} was not compiled by this backend", nameof(loop));
        if (loop.IsInvalidated) throw new InvalidOperationException($"loop {loop.Name} was invalidated");
        var kinds = loop.InputKinds;
        if (args.Count != kinds.Count)
            throw new ArgumentException($"loop {loop.Name} takes {kinds.Count} values, not {args.Count}");
        for (int k = 0; k < args.Count; k++)
            if (args.Kinds[k] != kinds[k])
                throw new ArgumentException($"input {k} of loop {loop.Name} is {kinds[k]}, not {args.Kinds[k]}");

        // Compiled code tail-calls bridges and other code's labels itself; it returns only at an exit.
        var frame = new CilFrame(this);
        int exit = code.Run(code, frame, args, 0);
        return DeadFrameOf(frame, exit);
    }

    /// <summary>The dead frame of a run that ended at <paramref name="exit"/> of the frame's exit code.</summary>
    internal DeadFrame DeadFrameOf(CilFrame frame, int exit)
    {
        CountTransfers(frame);
        var at = frame.ExitCode!;
        var values = frame.Out!;
        if (at.Exits[exit].IsGuard)
        {
            // A guard's buffer is reused by its next failure: the dead frame gets a copy.
            var copy = new JitValues(values.Kinds);
            values.Ints.CopyTo(copy.Ints, 0);
            values.Floats.CopyTo(copy.Floats, 0);
            values.Refs.CopyTo(copy.Refs, 0);
            values = copy;
        }
        return new DeadFrame(at.Exits[exit], values, frame.Pending, at.Owner);
    }

    internal void CountTransfers(CilFrame frame) => Transfers += frame.Transfers;

    /// <inheritdoc/>
    public void Invalidate(LoopToken loop) => loop.MarkInvalidated();

    /// <summary>
    /// A readable listing of the IL emitted for a loop and its bridges, for the JIT log.
    /// (Machine code is not reachable for a DynamicMethod without native tooling; an Iced
    /// disassembly of the RyuJIT output is future work.)
    /// </summary>
    public string DumpIl(LoopToken loop)
    {
        if (!_codeOfLoop.TryGetValue(loop, out var codes))
            throw new ArgumentException($"loop {loop.Name} was not compiled by this backend", nameof(loop));
        var text = new StringBuilder();
        foreach (var code in codes)
            text.Append("// ").Append(code.Name).Append(": ").Append(code.IlInstructionCount).Append(" IL instructions\n").Append(code.IlListing);
        return text.ToString();
    }

    internal (CilCode Code, int Entry) LabelOf(TargetToken target) =>
        _labels.TryGetValue(target, out var at) ? at
            : throw new InvalidOperationException($"jump to {target.Name}, a label no compiled code has");

    private CilCode Compile(Trace trace, LoopToken owner, bool isBridge)
    {
        foreach (var op in trace.Operations)
            if (op.OpCode == OpCode.Label && _labels.ContainsKey((TargetToken)op.Descr!))
                throw new InvalidOperationException($"label {op.Descr!.Name} is already compiled");
        var watch = Stopwatch.StartNew();
        string name = $"{owner.Name}_{(isBridge ? "bridge" : "loop")}{_counter++}";
        var code = TraceCompiler.Compile(trace, owner, name, isBridge,
            target => _labels.TryGetValue(target, out var at) ? at : null);
        CompileTime += watch.Elapsed;
        foreach (var (target, entry) in code.Labels) _labels[target] = (code, entry);
        for (int g = 0; g < code.Guards.Length; g++) _guards[code.Guards[g]] = (code, g);
        if (!_codeOfLoop.TryGetValue(owner, out var list)) _codeOfLoop[owner] = list = [];
        list.Add(code);
        return code;
    }
}
