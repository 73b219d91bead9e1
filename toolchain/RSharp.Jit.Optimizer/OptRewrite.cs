using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// RPython's <c>rewrite</c> pass: constant folding of pure operations, algebraic identities,
/// removal of guards whose outcome is known (and <see cref="InvalidLoopException"/> for guards
/// that always fail), and the facts guards establish (a value equal to a constant, non-null,
/// of a known class).
/// </summary>
internal sealed class OptRewrite : Optimization
{
    // Set when an *_ovf operation was folded: its guard_no_overflow is dropped.
    private bool _ovfFolded;

    public override void Propagate(Operation op)
    {
        bool ovfFolded = _ovfFolded;
        _ovfFolded = false;
        var info = op.Info;
        if (info.IsGuard) { Guard(op, ovfFolded); return; }
        if (info.IsPure && TryFold(op)) return;
        if (info.IsOvf && TryFoldOvf(op)) return;
        switch (op.OpCode)
        {
            case OpCode.New or OpCode.NewWithVtable:
                EmitNext(op);
                var p = Opt.GetPtr(op);
                p.NonNull = true;
                p.KnownClass = ((TypeDescr)op.Descr!).Type;
                return;
            case OpCode.NewArray or OpCode.NewArrayClear or OpCode.Newstr:
                EmitNext(op);
                Opt.GetPtr(op).NonNull = true;
                return;
            case OpCode.RecordExactClass:
                // A hint, trusted as in RPython: the class becomes known, nothing is emitted.
                Opt.GetPtr(op.Arg(0)).KnownClass = ((TypeDescr)op.Descr!).Type;
                Opt.GetPtr(op.Arg(0)).NonNull = true;
                return;
            case OpCode.CondCall:
                if (Opt.GetConstInt(op.Arg(0)) is { } cond)
                {
                    if (cond == 0) return;
                    var call = new Operation(OpCode.CallN, op.Args.Skip(1).Select(Opt.Get), op.Descr);
                    EmitNext(call);
                    return;
                }
                break;
            case OpCode.GetfieldGcPureI or OpCode.GetfieldGcPureF:
                // An immutable field of a constant object is a constant.
                if (Opt.GetConstant(op.Arg(0)) is ConstRef { Value: { } obj } && obj.GetType().IsAssignableTo(((FieldDescr)op.Descr!).DeclaringType))
                {
                    var value = ((FieldDescr)op.Descr!).Field.GetValue(obj);
                    Opt.MakeConstant(op, op.Kind == ValueKind.Int ? new ConstInt(ToLong(value)) : new ConstFloat(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)));
                    return;
                }
                break;
        }
        EmitNext(op);
    }

    private bool TryFold(Operation op)
    {
        var args = op.Args.Select(Opt.Get).ToArray();
        if (args.All(a => a is Const) && ConstantFolding.Fold(op.OpCode, args.Cast<Const>().ToArray()) is { } folded)
        {
            Opt.MakeConstant(op, folded);
            return true;
        }
        if (Identity(op.OpCode, args) is { } same)
        {
            Opt.MakeEqual(op, same);
            return true;
        }
        return false;
    }

    private bool TryFoldOvf(Operation op)
    {
        if (Opt.GetConstInt(op.Arg(0)) is { } x && Opt.GetConstInt(op.Arg(1)) is { } y)
        {
            long r = OpSemantics.IntOvf(op.OpCode, x, y, out bool overflowed);
            if (overflowed) return false; // kept: its guard_no_overflow fails at run time
            Opt.MakeConstant(op, new ConstInt(r));
            _ovfFolded = true;
            return true;
        }
        // x+0, x-0, x*1: the result is x and cannot overflow.
        var (a, b) = (Opt.Get(op.Arg(0)), Opt.Get(op.Arg(1)));
        TraceValue? same = op.OpCode switch
        {
            OpCode.IntAddOvf => IsInt(b, 0) ? a : IsInt(a, 0) ? b : null,
            OpCode.IntSubOvf => IsInt(b, 0) ? a : null,
            _ => IsInt(b, 1) ? a : IsInt(a, 1) ? b : null,
        };
        if (same is null) return false;
        Opt.MakeEqual(op, same);
        _ovfFolded = true;
        return true;
    }

    /// <summary>The value an operation is equal to by an algebraic identity, or null.</summary>
    private TraceValue? Identity(OpCode code, TraceValue[] a)
    {
        switch (code)
        {
            case OpCode.SameAsI or OpCode.SameAsF or OpCode.SameAsR: return a[0];
            case OpCode.IntAdd: return IsInt(a[1], 0) ? a[0] : IsInt(a[0], 0) ? a[1] : null;
            case OpCode.IntSub:
                if (IsInt(a[1], 0)) return a[0];
                if (ReferenceEquals(a[0], a[1])) return new ConstInt(0);
                return null;
            case OpCode.IntMul:
                if (IsInt(a[1], 1)) return a[0];
                if (IsInt(a[0], 1)) return a[1];
                if (IsInt(a[0], 0) || IsInt(a[1], 0)) return new ConstInt(0);
                return null;
            case OpCode.IntFloordiv: return IsInt(a[1], 1) ? a[0] : null;
            case OpCode.IntAnd:
                if (IsInt(a[0], 0) || IsInt(a[1], 0)) return new ConstInt(0);
                if (IsInt(a[1], -1) || ReferenceEquals(a[0], a[1])) return a[0];
                if (IsInt(a[0], -1)) return a[1];
                return null;
            case OpCode.IntOr:
                if (IsInt(a[1], 0) || ReferenceEquals(a[0], a[1])) return a[0];
                if (IsInt(a[0], 0)) return a[1];
                if (IsInt(a[0], -1) || IsInt(a[1], -1)) return new ConstInt(-1);
                return null;
            case OpCode.IntXor:
                if (IsInt(a[1], 0)) return a[0];
                if (IsInt(a[0], 0)) return a[1];
                if (ReferenceEquals(a[0], a[1])) return new ConstInt(0);
                return null;
            case OpCode.IntLshift or OpCode.IntRshift or OpCode.UintRshift:
                if (IsInt(a[1], 0)) return a[0];
                if (IsInt(a[0], 0)) return new ConstInt(0);
                return null;
            case OpCode.IntNeg or OpCode.IntInvert:
                // -(-x) and ~~x
                return a[0] is Operation { OpCode: var inner } p && inner == code ? Opt.Get(p.Arg(0)) : null;
            case OpCode.IntIsTrue:
                // A 0/1 value is its own truth value.
                return IsBool(a[0]) ? a[0] : null;
            case OpCode.IntEq or OpCode.IntLe or OpCode.IntGe or OpCode.UintLe or OpCode.UintGe:
                return ReferenceEquals(a[0], a[1]) ? new ConstInt(1) : null;
            case OpCode.IntNe or OpCode.IntLt or OpCode.IntGt or OpCode.UintLt or OpCode.UintGt:
                return ReferenceEquals(a[0], a[1]) ? new ConstInt(0) : null;
            case OpCode.PtrEq or OpCode.PtrNe:
            {
                bool eq = code == OpCode.PtrEq;
                if (ReferenceEquals(a[0], a[1])) return new ConstInt(eq ? 1 : 0);
                // Non-null against null, or two different allocations, are never the same object.
                if ((a[0] is ConstNull && Opt.IsNonNull(a[1])) || (a[1] is ConstNull && Opt.IsNonNull(a[0]))
                    || (a[0] is Operation { Info.IsMalloc: true } && a[1] is Operation { Info.IsMalloc: true }))
                    return new ConstInt(eq ? 0 : 1);
                return null;
            }
            case OpCode.FloatNeg:
                return a[0] is Operation { OpCode: OpCode.FloatNeg } n ? Opt.Get(n.Arg(0)) : null;
            default:
                return null;
        }
    }

    private void Guard(Operation op, bool ovfFolded)
    {
        switch (op.OpCode)
        {
            case OpCode.GuardTrue or OpCode.GuardFalse:
            {
                bool wantTrue = op.OpCode == OpCode.GuardTrue;
                if (Opt.GetConstInt(op.Arg(0)) is { } c)
                {
                    if ((c != 0) == wantTrue) return;
                    throw Invalid(op, $"the condition is the constant {c}");
                }
                EmitNext(op);
                // After guard_false(x), x is 0; after guard_true(x) on a 0/1 value, x is 1.
                if (!wantTrue) Opt.MakeConstant(op.Arg(0), new ConstInt(0));
                else if (IsBool(op.Arg(0))) Opt.MakeConstant(op.Arg(0), new ConstInt(1));
                return;
            }
            case OpCode.GuardValue:
            {
                var x = Opt.Get(op.Arg(0));
                var c = (Const)Opt.Get(op.Arg(1));
                if (x is Const xc)
                {
                    if (xc.Equals(c)) return;
                    throw Invalid(op, $"{xc} is not {c}");
                }
                if (x.Kind == ValueKind.Ref && c is ConstRef { Value: var obj })
                {
                    if (obj is null && Opt.IsNonNull(x)) throw Invalid(op, "the value is not null");
                    if (obj is not null && Opt.KnownClass(x) is { } k && k != obj.GetType()) throw Invalid(op, "the class differs");
                }
                if (x.Kind == ValueKind.Int && !Opt.GetBound(x).Contains(((ConstInt)c).Value))
                    throw Invalid(op, $"the value is in {Opt.GetBound(x)}");
                EmitNext(op);
                Opt.MakeConstant(x, c);
                return;
            }
            case OpCode.GuardNonnull:
                if (Opt.IsNonNull(op.Arg(0))) return;
                if (Opt.GetConstant(op.Arg(0)) is ConstNull) throw Invalid(op, "the value is null");
                EmitNext(op);
                Opt.GetPtr(op.Arg(0)).NonNull = true;
                return;
            case OpCode.GuardIsnull:
                if (Opt.GetConstant(op.Arg(0)) is ConstNull) return;
                if (Opt.IsNonNull(op.Arg(0))) throw Invalid(op, "the value is not null");
                EmitNext(op);
                Opt.MakeConstant(op.Arg(0), ConstNull.Instance);
                return;
            case OpCode.GuardClass or OpCode.GuardNonnullClass:
            {
                var type = ((TypeDescr)op.Descr!).Type;
                if (Opt.KnownClass(op.Arg(0)) is { } known)
                {
                    if (known == type) return;
                    throw Invalid(op, $"the class is {known.Name}");
                }
                if (Opt.GetConstant(op.Arg(0)) is ConstNull) throw Invalid(op, "the value is null");
                EmitNext(op);
                var p = Opt.GetPtr(op.Arg(0));
                p.KnownClass = type;
                p.NonNull = true;
                return;
            }
            case OpCode.GuardIsInstance:
            {
                var type = ((TypeDescr)op.Descr!).Type;
                if (Opt.KnownClass(op.Arg(0)) is { } known)
                {
                    if (known.IsAssignableTo(type)) return;
                    throw Invalid(op, $"the class is {known.Name}");
                }
                if (Opt.GetConstant(op.Arg(0)) is ConstNull) throw Invalid(op, "the value is null");
                EmitNext(op);
                Opt.GetPtr(op.Arg(0)).NonNull = true;
                return;
            }
            case OpCode.GuardNoOverflow:
                if (ovfFolded) return;
                break;
            case OpCode.GuardOverflow:
                if (ovfFolded) throw Invalid(op, "the operation cannot overflow");
                break;
        }
        EmitNext(op);
    }

    /// <summary>True for values known to be 0 or 1 (comparison results, or by their bounds).</summary>
    private bool IsBool(TraceValue v) =>
        Opt.Get(v) is Operation { Info.IsComparison: true } or Operation { OpCode: OpCode.IntIsTrue or OpCode.IntIsZero }
        || Opt.GetBound(v) is { IsNonNegative: true, Upper: <= 1 };

    private static bool IsInt(TraceValue v, long value) => v is ConstInt c && c.Value == value;

    private static long ToLong(object? v) => v switch
    {
        bool b => b ? 1 : 0,
        char c => c,
        ulong u => unchecked((long)u),
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
    };
}
