using System.Runtime.ExceptionServices;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Interp;

/// <summary>
/// One activation of compiled code: the dispatch loop, guards, control transfer (labels,
/// jumps, bridges, finish) and the pending-exception and overflow state. The value-computing
/// operations are in <see cref="InterpOps"/>.
/// </summary>
internal sealed class Interpreter(InterpBackend backend)
{
    /// <summary>The exception the last call raised, until a guard or save_exception takes it.</summary>
    public Exception? PendingException;
    /// <summary>Set by the last <c>*_ovf</c> operation.</summary>
    public bool Overflowed;
    private FrameForceToken? _forceToken;

    public InterpBackend Backend => backend;

    public FrameForceToken ForceToken => _forceToken ??= new FrameForceToken();

    // Run loops for as long as the trace does: compiled fully optimized at once, not via tiering and OSR.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public DeadFrame Run(InterpCode code, JitValues inputs)
    {
        var regs = RegistersFor(code);
        code.WriteInputs(regs, inputs);
        var instrs = code.Instrs;
        long[] I = regs.I;
        int pc = 0;
        long executed = 0;
        try
        {
            while (true)
            {
                var ins = instrs[pc++];
                executed++;
                // The most frequent operations are done here, the rest in InterpOps (same semantics).
                switch (ins.Fast)
                {
                    case FastOp.IntAdd: I[ins.Result] = unchecked(I[ins.A0] + I[ins.A1]); continue;
                    case FastOp.IntSub: I[ins.Result] = unchecked(I[ins.A0] - I[ins.A1]); continue;
                    case FastOp.IntAnd: I[ins.Result] = I[ins.A0] & I[ins.A1]; continue;
                    case FastOp.IntOr: I[ins.Result] = I[ins.A0] | I[ins.A1]; continue;
                    case FastOp.IntXor: I[ins.Result] = I[ins.A0] ^ I[ins.A1]; continue;
                    // Shift counts are masked to 0..63, as OpSemantics says.
                    case FastOp.IntLshift: I[ins.Result] = I[ins.A0] << (int)I[ins.A1]; continue;
                    case FastOp.IntRshift: I[ins.Result] = I[ins.A0] >> (int)I[ins.A1]; continue;
                    case FastOp.IntLt: I[ins.Result] = I[ins.A0] < I[ins.A1] ? 1 : 0; continue;
                    case FastOp.IntLe: I[ins.Result] = I[ins.A0] <= I[ins.A1] ? 1 : 0; continue;
                    case FastOp.IntEq: I[ins.Result] = I[ins.A0] == I[ins.A1] ? 1 : 0; continue;
                    case FastOp.IntNe: I[ins.Result] = I[ins.A0] != I[ins.A1] ? 1 : 0; continue;
                    case FastOp.IntGt: I[ins.Result] = I[ins.A0] > I[ins.A1] ? 1 : 0; continue;
                    case FastOp.IntGe: I[ins.Result] = I[ins.A0] >= I[ins.A1] ? 1 : 0; continue;
                    case FastOp.UintLt: I[ins.Result] = (ulong)I[ins.A0] < (ulong)I[ins.A1] ? 1 : 0; continue;
                    case FastOp.IntIsTrue: I[ins.Result] = I[ins.A0] != 0 ? 1 : 0; continue;
                    case FastOp.IntIsZero: I[ins.Result] = I[ins.A0] == 0 ? 1 : 0; continue;
                    case FastOp.SameAsI: I[ins.Result] = I[ins.A0]; continue;
                    case FastOp.SameAsR: regs.R[ins.Result] = regs.R[ins.A0]; continue;
                    case FastOp.GetfieldI:
                        I[ins.Result] = ins.Field!.GetInt(regs.R[ins.A0] ?? throw InterpOps.NullField(ins, "getfield"));
                        continue;
                    case FastOp.GetfieldR:
                        regs.R[ins.Result] = ins.Field!.GetRef(regs.R[ins.A0] ?? throw InterpOps.NullField(ins, "getfield"));
                        continue;
                    case FastOp.SetfieldI:
                        ins.Field!.SetInt(regs.R[ins.A0] ?? throw InterpOps.NullField(ins, "setfield"), I[ins.A1]);
                        continue;
                    case FastOp.GetByte:
                        I[ins.Result] = ((byte[])regs.R[ins.A0]!)[checked((int)I[ins.A1])];
                        continue;
                    case FastOp.SetByte:
                        ((byte[])regs.R[ins.A0]!)[checked((int)I[ins.A1])] = unchecked((byte)I[ins.A2]);
                        continue;
                    case FastOp.Arraylen: I[ins.Result] = ((Array)regs.R[ins.A0]!).Length; continue;
                    case FastOp.GuardNonnull: if (regs.R[ins.A0] is not null) continue; break;
                    case FastOp.GuardTrue: if (I[ins.A0] != 0) continue; break;
                    case FastOp.GuardFalse: if (I[ins.A0] == 0) continue; break;
                    case FastOp.Label:
                        continue;
                    case FastOp.Finish:
                        return new DeadFrame(ins.Op, regs.Read(ins.Args, ins.ArgKinds), PendingException, code.Owner);
                    case FastOp.Jump:
                    {
                        // A compiled label never moves: look it up once per jump instruction.
                        var (target, index) = ins.JumpTarget ??= backend.LabelOf((TargetToken)ins.Descr!);
                        // Values are read before any is written: the move is parallel. The jump's
                        // scratch buffer avoids allocating per iteration (nothing runs between
                        // reading and writing it, so recursion cannot clash).
                        var values = regs.ReadInto(ins.Scratch ??= new JitValues(ins.ArgKinds), ins.Args);
                        if (target != code)
                        {
                            code = target;
                            instrs = code.Instrs;
                            regs = RegistersFor(code);
                            I = regs.I;
                        }
                        var label = instrs[index];
                        for (int k = 0; k < label.Args.Length; k++) regs.Write(label.Args[k], values, k);
                        pc = index + 1;
                        continue;
                    }
                    default:
                        if (!ins.IsGuard)
                        {
                            InterpOps.Execute(this, ins, regs);
                            // Only these operations set the pending exception; the next operation
                            // must observe it (an exception guard, save_exception), else it propagates.
                            if (PendingException is not null) RethrowUnlessObserved(instrs[pc]);
                            continue;
                        }
                        if (GuardHolds(ins, regs, code)) continue;
                        break;
                }
                // A guard failed.
                if ((ins.Bridge ??= backend.TryGetBridge(ins.Op, out var found) ? found : null) is { } bridge)
                {
                    var inputs2 = regs.ReadInto(ins.Scratch ??= new JitValues(ins.FailKinds!), ins.FailArgs!);
                    code = bridge;
                    instrs = code.Instrs;
                    regs = RegistersFor(code);
                    code.WriteInputs(regs, inputs2);
                    I = regs.I;
                    pc = 0;
                    if (PendingException is not null) RethrowUnlessObserved(instrs[0]);
                    continue;
                }
                return new DeadFrame(ins.Op, regs.Read(ins.FailArgs!, ins.FailKinds!), PendingException, code.Owner);
            }
        }
        finally
        {
            backend.OperationsExecuted += executed;
        }
    }

    /// <summary>
    /// This activation's registers for a piece of code, made once: control goes back and forth
    /// between loops and bridges millions of times, and fresh registers (a copy of every slot)
    /// per transfer were most of the time. Reuse is safe because a trace writes every variable
    /// before reading it and never writes a constant's slot; a nested activation (a call that
    /// runs compiled code again) has its own.
    /// </summary>
    private Registers RegistersFor(InterpCode code)
    {
        if (code.Id >= _registers.Length) Array.Resize(ref _registers, Math.Max(code.Id + 1, backend.CodeCount));
        return _registers[code.Id] ??= code.NewRegisters();
    }

    private Registers?[] _registers = [];

    private void RethrowUnlessObserved(Instr next)
    {
        if (!ObservesException(next.Code)) Rethrow(PendingException!);
    }

    private static bool ObservesException(OpCode code) =>
        code is OpCode.GuardNoException or OpCode.GuardException or OpCode.SaveException;

    private static void Rethrow(Exception e) => ExceptionDispatchInfo.Capture(e).Throw();

    private bool GuardHolds(Instr ins, Registers regs, InterpCode code)
    {
        var a = ins.Args;
        switch (ins.Code)
        {
            case OpCode.GuardTrue: return regs.I[a[0]] != 0;
            case OpCode.GuardFalse: return regs.I[a[0]] == 0;
            case OpCode.GuardValue:
                return ins.ArgKinds[0] switch
                {
                    ValueKind.Int => regs.I[a[0]] == regs.I[a[1]],
                    // Bitwise, as the guard promises the optimizer a constant: -0.0 is not 0.0, NaN is NaN.
                    ValueKind.Float => BitConverter.DoubleToInt64Bits(regs.F[a[0]]) == BitConverter.DoubleToInt64Bits(regs.F[a[1]]),
                    _ => ReferenceEquals(regs.R[a[0]], regs.R[a[1]]),
                };
            case OpCode.GuardClass:
            case OpCode.GuardNonnullClass:
                return regs.R[a[0]]?.GetType() == ((TypeDescr)ins.Descr!).Type;
            case OpCode.GuardIsInstance:
                return ((TypeDescr)ins.Descr!).Type.IsInstanceOfType(regs.R[a[0]]);
            case OpCode.GuardNonnull: return regs.R[a[0]] is not null;
            case OpCode.GuardIsnull: return regs.R[a[0]] is null;
            case OpCode.GuardNoException: return PendingException is null;
            case OpCode.GuardException:
                if (PendingException?.GetType() != ((TypeDescr)ins.Descr!).Type) return false;
                regs.R[ins.Result] = PendingException;
                PendingException = null;
                return true;
            case OpCode.GuardNoOverflow: return !Overflowed;
            case OpCode.GuardOverflow: return Overflowed;
            case OpCode.GuardNotInvalidated: return !code.Owner.IsInvalidated;
            case OpCode.GuardNotForced: return _forceToken is not { IsForced: true };
            default: throw new InvalidOperationException($"unknown guard {ins.Op.Info.Name}");
        }
    }
}
