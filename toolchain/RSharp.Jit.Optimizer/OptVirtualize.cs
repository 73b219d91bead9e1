using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// RPython's <c>virtualize</c> pass (allocation removal). <c>new</c>, <c>new_with_vtable</c> and
/// <c>new_array</c>/<c>new_array_clear</c> of a constant length are not emitted: the object is a
/// virtual whose fields the pass tracks, so reads of it are forwarded to the values written.
/// When the object escapes (an argument of any other operation: a call, a store into a
/// non-virtual, <c>jump</c>, <c>finish</c>, a guard's argument) it is forced: the allocation and
/// its non-zero fields are emitted just before that operation. Guards' fail-args do not force:
/// the resume data (<see cref="GuardResume"/>) describes the virtual instead.
/// </summary>
internal sealed class OptVirtualize : Optimization
{
    /// <summary>Arrays longer than this stay real (their items would bloat the resume data).</summary>
    public const int MaxVirtualArrayLength = 64;

    public override void Propagate(Operation op)
    {
        switch (op.OpCode)
        {
            case OpCode.New or OpCode.NewWithVtable:
                Opt.Virtuals[op] = VirtualValue.Object(op);
                return;
            case OpCode.NewArray or OpCode.NewArrayClear:
                if (Opt.GetConstInt(op.Arg(0)) is >= 0 and <= MaxVirtualArrayLength and var n)
                {
                    Opt.Virtuals[op] = VirtualValue.NewArray(op, (int)n);
                    return;
                }
                break;
            case OpCode.SetfieldGc:
                if (Opt.GetVirtual(op.Arg(0)) is { Type: not null } obj)
                {
                    obj.SetField((FieldDescr)op.Descr!, Opt.Get(op.Arg(1)));
                    return;
                }
                break;
            case >= OpCode.GetfieldGcI and <= OpCode.GetfieldGcPureR:
                if (Opt.GetVirtual(op.Arg(0)) is { Type: not null } src)
                {
                    Opt.MakeEqual(op, src.GetField((FieldDescr)op.Descr!));
                    return;
                }
                break;
            case OpCode.SetarrayitemGc:
                if (Opt.GetVirtual(op.Arg(0)) is { Array: not null } arr && ConstIndex(arr, op.Arg(1)) is { } si)
                {
                    arr.Items[si] = Opt.Get(op.Arg(2));
                    return;
                }
                break;
            case >= OpCode.GetarrayitemGcI and <= OpCode.GetarrayitemGcPureR:
                if (Opt.GetVirtual(op.Arg(0)) is { Array: not null } from && ConstIndex(from, op.Arg(1)) is { } gi)
                {
                    Opt.MakeEqual(op, from.Items[gi]);
                    return;
                }
                break;
            case OpCode.ArraylenGc:
                if (Opt.GetVirtual(op.Arg(0)) is { Array: not null } sized)
                {
                    Opt.MakeConstant(op, new ConstInt(sized.Items.Length));
                    return;
                }
                break;
            case OpCode.GuardClass or OpCode.GuardNonnullClass or OpCode.GuardIsInstance or OpCode.GuardNonnull
                or OpCode.GuardIsnull or OpCode.GuardValue:
                if (Opt.GetVirtual(op.Arg(0)) is { } g)
                {
                    if (!VirtualGuardHolds(op, g)) throw Invalid(op, "it tests a fresh allocation");
                    return;
                }
                break;
            case OpCode.PtrEq or OpCode.PtrNe:
            {
                // A virtual has not escaped: no other value can be the same object.
                var (a, b) = (Opt.Get(op.Arg(0)), Opt.Get(op.Arg(1)));
                if (!ReferenceEquals(a, b) && (Opt.GetVirtual(a) is not null || Opt.GetVirtual(b) is not null))
                {
                    Opt.MakeConstant(op, new ConstInt(op.OpCode == OpCode.PtrEq ? 0 : 1));
                    return;
                }
                break;
            }
            case OpCode.Keepalive:
                if (Opt.GetVirtual(op.Arg(0)) is not null) return;
                break;
        }
        // Anything else sees real objects: force the virtual arguments (fail-args excepted).
        for (int i = 0; i < op.Args.Count; i++)
            if (Opt.GetVirtual(op.Arg(i)) is { } v) Force(v);
        EmitNext(op);
    }

    private static bool VirtualGuardHolds(Operation op, VirtualValue v)
    {
        var type = v.Type?.Type ?? v.Array!.ArrayType;
        return op.OpCode switch
        {
            OpCode.GuardClass or OpCode.GuardNonnullClass => ((TypeDescr)op.Descr!).Type == type,
            OpCode.GuardIsInstance => type.IsAssignableTo(((TypeDescr)op.Descr!).Type),
            OpCode.GuardNonnull => true,
            _ => false, // guard_isnull, guard_value: a fresh object is neither null nor a constant
        };
    }

    private int? ConstIndex(VirtualValue arr, TraceValue index) =>
        Opt.GetConstInt(index) is { } i && i >= 0 && i < arr.Items.Length ? (int)i : null;

    /// <summary>Emits the allocation and the non-zero fields of a virtual; it is a plain object from then on.</summary>
    private void Force(VirtualValue v)
    {
        // Leave the virtual state first, so that a cycle back to this object sees a real one.
        Opt.Virtuals.Remove(v.Alloc);
        var alloc = v.Alloc;
        if (alloc.OpCode is OpCode.NewArray or OpCode.NewArrayClear) alloc.SetArg(0, new ConstInt(v.Items.Length));
        EmitNext(alloc);
        if (v.Type is not null)
        {
            foreach (var (field, value) in v.Fields)
            {
                var resolved = Opt.Get(value);
                if (ResumeEncoder.IsZero(resolved)) continue;
                if (Opt.GetVirtual(resolved) is { } inner) Force(inner);
                EmitNext(new Operation(OpCode.SetfieldGc, [alloc, Opt.Get(value)], field));
            }
        }
        else
        {
            for (int i = 0; i < v.Items.Length; i++)
            {
                var resolved = Opt.Get(v.Items[i]);
                if (ResumeEncoder.IsZero(resolved)) continue;
                if (Opt.GetVirtual(resolved) is { } inner) Force(inner);
                EmitNext(new Operation(OpCode.SetarrayitemGc, [alloc, new ConstInt(i), Opt.Get(v.Items[i])], v.Array));
            }
        }
    }

    /// <summary>Forces a virtual from another pass (earlyforce, unroll).</summary>
    public void ForceValue(TraceValue value)
    {
        if (Opt.GetVirtual(value) is { } v) Force(v);
    }
}
