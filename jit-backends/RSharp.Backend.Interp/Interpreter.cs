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

    public DeadFrame Run(InterpCode code, JitValues inputs)
    {
        var regs = code.Enter(inputs);
        var instrs = code.Instrs;
        int pc = 0;
        long executed = 0;
        try
        {
            while (true)
            {
                var ins = instrs[pc++];
                executed++;
                if (PendingException is not null && !ObservesException(ins.Code)) Rethrow(PendingException);
                if (!ins.Op.IsGuard)
                {
                    switch (ins.Code)
                    {
                        case OpCode.Label:
                            continue;
                        case OpCode.Finish:
                            return new DeadFrame(ins.Op, regs.Read(ins.Args, ins.ArgKinds), PendingException, code.Owner);
                        case OpCode.Jump:
                        {
                            var (target, index) = backend.LabelOf((TargetToken)ins.Descr!);
                            // Values are read before any is written: the move is parallel. Within one
                            // piece of code the jump's scratch buffer avoids allocating per iteration
                            // (nothing runs between reading and writing it, so recursion cannot clash).
                            var values = target == code
                                ? regs.ReadInto(ins.Scratch ??= new JitValues(ins.ArgKinds), ins.Args)
                                : regs.Read(ins.Args, ins.ArgKinds);
                            if (target != code)
                            {
                                code = target;
                                instrs = code.Instrs;
                                regs = code.NewRegisters();
                            }
                            var label = instrs[index];
                            for (int k = 0; k < label.Args.Length; k++) regs.Write(label.Args[k], values, k);
                            pc = index + 1;
                            continue;
                        }
                        default:
                            InterpOps.Execute(this, ins, regs);
                            continue;
                    }
                }
                if (GuardHolds(ins, regs, code)) continue;
                var live = regs.Read(ins.FailArgs!, ins.FailKinds!);
                if (backend.TryGetBridge(ins.Op, out var bridge))
                {
                    code = bridge;
                    instrs = code.Instrs;
                    regs = code.Enter(live);
                    pc = 0;
                    continue;
                }
                return new DeadFrame(ins.Op, live, PendingException, code.Owner);
            }
        }
        finally
        {
            backend.OperationsExecuted += executed;
        }
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
