using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// RPython's <c>intbounds</c> pass: a range per integer value, from the operations that produce
/// it (forward) and from the guards it passed (a comparison guarded true narrows both sides;
/// narrowing <c>x+C</c> narrows <c>x</c>). Comparisons the ranges decide become constants (so
/// their guards disappear in <c>rewrite</c>), and <c>*_ovf</c> operations that cannot overflow
/// become plain arithmetic without their <c>guard_no_overflow</c>.
/// </summary>
internal sealed class OptIntBounds : Optimization
{
    private bool _ovfRemoved;
    private Operation? _lastOvf;

    public override void Propagate(Operation op)
    {
        bool ovfRemoved = _ovfRemoved;
        var lastOvf = _lastOvf;
        _ovfRemoved = false;
        _lastOvf = null;
        switch (op.OpCode)
        {
            case OpCode.GuardNoOverflow:
                if (ovfRemoved) return;
                EmitNext(op);
                // Past the guard the result is the exact (unwrapped) result.
                if (lastOvf is not null) Narrow(lastOvf, NoOverflowResult(lastOvf), 0);
                return;
            case OpCode.GuardOverflow:
                if (ovfRemoved) throw Invalid(op, "the operation cannot overflow");
                break;
            case OpCode.GuardTrue or OpCode.GuardFalse:
            {
                var cond = Opt.Get(op.Arg(0));
                EmitNext(op);
                Learn(cond, op.OpCode == OpCode.GuardTrue);
                return;
            }
            case OpCode.IntAddOvf or OpCode.IntSubOvf or OpCode.IntMulOvf:
            {
                var a = Opt.GetBound(op.Arg(0));
                var b = Opt.GetBound(op.Arg(1));
                bool safe = op.OpCode switch
                {
                    OpCode.IntAddOvf => a.AddCannotOverflow(b),
                    OpCode.IntSubOvf => a.SubCannotOverflow(b),
                    _ => a.MulCannotOverflow(b),
                };
                if (safe)
                {
                    var plain = new Operation(op.OpCode switch
                    {
                        OpCode.IntAddOvf => OpCode.IntAdd,
                        OpCode.IntSubOvf => OpCode.IntSub,
                        _ => OpCode.IntMul,
                    }, op.Args.Select(Opt.Get));
                    Opt.MakeEqual(op, plain);
                    _ovfRemoved = true;
                    EmitNext(plain);
                    Narrow(plain, ResultBound(plain), 0);
                    return;
                }
                EmitNext(op);
                _lastOvf = op;
                return;
            }
        }
        if (op.OpCode == OpCode.IntRshift && SignExtensionOfFittingValue(op) is { } narrow)
        {
            Opt.MakeEqual(op, narrow);
            return;
        }
        if (op.Info.IsComparison && op.Arg(0).Kind == ValueKind.Int && Decide(op) is { } known)
        {
            Opt.MakeConstant(op, new ConstInt(known ? 1 : 0));
            return;
        }
        if (op.OpCode is OpCode.IntIsTrue or OpCode.IntIsZero && !Opt.GetBound(op.Arg(0)).Contains(0))
        {
            Opt.MakeConstant(op, new ConstInt(op.OpCode == OpCode.IntIsTrue ? 1 : 0));
            return;
        }
        EmitNext(op);
        if (op.Kind == ValueKind.Int) Narrow(op, ResultBound(op), 0);
    }

    /// <summary>
    /// For <c>int_rshift(int_lshift(x, c), c)</c>, the sign extension of the low 64-c bits (how
    /// traces re-sign-extend 32-bit results): x itself if its range already fits in 64-c bits
    /// signed. The <c>int_lshift</c>, emitted already, is swept if nothing else uses it.
    /// </summary>
    private TraceValue? SignExtensionOfFittingValue(Operation op)
    {
        if (Opt.GetConstInt(op.Arg(1)) is not (>= 1 and <= 63) || Opt.Get(op.Arg(0)) is not Operation { OpCode: OpCode.IntLshift } shl)
            return null;
        int c = (int)Opt.GetConstInt(op.Arg(1))!.Value;
        if (Opt.GetConstInt(shl.Arg(1)) != c) return null;
        var x = Opt.Get(shl.Arg(0));
        var b = Opt.GetBound(x);
        long max = long.MaxValue >> c;
        if (b.Lower < ~max || b.Upper > max) return null;
        Opt.RemoveIfUnused(shl);
        return x;
    }

    /// <summary>The outcome of an int comparison if the ranges decide it.</summary>
    private bool? Decide(Operation op)
    {
        var a = Opt.GetBound(op.Arg(0));
        var b = Opt.GetBound(op.Arg(1));
        var code = op.OpCode;
        if (code is OpCode.UintLt or OpCode.UintLe or OpCode.UintGt or OpCode.UintGe)
        {
            // Unsigned order equals signed order on non-negative values.
            if (!a.IsNonNegative || !b.IsNonNegative) return null;
            code = code switch { OpCode.UintLt => OpCode.IntLt, OpCode.UintLe => OpCode.IntLe, OpCode.UintGt => OpCode.IntGt, _ => OpCode.IntGe };
        }
        switch (code)
        {
            case OpCode.IntGt: (a, b) = (b, a); goto case OpCode.IntLt;
            case OpCode.IntLt:
                if (a.Upper < b.Lower) return true;
                if (a.Lower >= b.Upper) return false;
                return null;
            case OpCode.IntGe: (a, b) = (b, a); goto case OpCode.IntLe;
            case OpCode.IntLe:
                if (a.Upper <= b.Lower) return true;
                if (a.Lower > b.Upper) return false;
                return null;
            case OpCode.IntEq:
                return a.Intersect(b).IsEmpty ? false : null;
            case OpCode.IntNe:
                return a.Intersect(b).IsEmpty ? true : null;
            default:
                return null;
        }
    }

    /// <summary>The range of an operation's result from its arguments' ranges.</summary>
    private IntBound ResultBound(Operation op)
    {
        IntBound A() => Opt.GetBound(op.Arg(0));
        IntBound B() => Opt.GetBound(op.Arg(1));
        switch (op.OpCode)
        {
            case OpCode.IntAdd: return A().Add(B());
            case OpCode.IntSub: return A().Sub(B());
            case OpCode.IntMul: return A().Mul(B());
            case OpCode.IntAnd: return A().And(B());
            case OpCode.IntOr or OpCode.IntXor: return A().OrXor(B());
            case OpCode.IntRshift: return A().Rshift(B());
            case OpCode.UintRshift: return A().UintRshift(B());
            case OpCode.IntLshift: return A().Lshift(B());
            case OpCode.IntFloordiv: return A().FloorDiv(B());
            case OpCode.UintFloordiv: return A().IsNonNegative ? A().FloorDiv(B()) : IntBound.Unbounded;
            case OpCode.IntMod: return A().Mod(B());
            case OpCode.IntNeg: return A().Neg();
            case OpCode.IntInvert: return A().Invert();
            case OpCode.IntForceGeZero: return new IntBound(Math.Max(0, A().Lower), Math.Max(0, A().Upper));
            case OpCode.IntIsTrue or OpCode.IntIsZero: return IntBound.Bool;
            case OpCode.ArraylenGc or OpCode.Strlen: return new IntBound(0, int.MaxValue);
            case OpCode.Strgetitem: return new IntBound(0, char.MaxValue);
            case >= OpCode.GetfieldGcI and <= OpCode.GetfieldGcPureR: return TypeRange(((FieldDescr)op.Descr!).FieldType);
            case >= OpCode.GetarrayitemGcI and <= OpCode.GetarrayitemGcPureR: return TypeRange(((ArrayDescr)op.Descr!).ElementType);
            case >= OpCode.CallI and <= OpCode.CallLoopinvariantN: return TypeRange(((CallDescr)op.Descr!).ResultType);
            default:
                return op.Info.IsComparison ? IntBound.Bool : IntBound.Unbounded;
        }
    }

    /// <summary>The range of the exact result of an *_ovf operation that did not overflow.</summary>
    private IntBound NoOverflowResult(Operation ovf)
    {
        var a = Opt.GetBound(ovf.Arg(0));
        var b = Opt.GetBound(ovf.Arg(1));
        return ovf.OpCode switch
        {
            OpCode.IntAddOvf => new IntBound(SatAdd(a.Lower, b.Lower), SatAdd(a.Upper, b.Upper)),
            OpCode.IntSubOvf => new IntBound(SatAdd(a.Lower, -(Int128)b.Upper), SatAdd(a.Upper, -(Int128)b.Lower)),
            _ => IntBound.Unbounded,
        };
    }

    private static long SatAdd(Int128 x, Int128 y)
    {
        var r = x + y;
        return r > long.MaxValue ? long.MaxValue : r < long.MinValue ? long.MinValue : (long)r;
    }

    /// <summary>The values a .NET integer type can hold, widened to a trace int.</summary>
    private static IntBound TypeRange(Type t) => Type.GetTypeCode(t.IsEnum ? Enum.GetUnderlyingType(t) : t) switch
    {
        TypeCode.Boolean => IntBound.Bool,
        TypeCode.Byte => new(byte.MinValue, byte.MaxValue),
        TypeCode.SByte => new(sbyte.MinValue, sbyte.MaxValue),
        TypeCode.Int16 => new(short.MinValue, short.MaxValue),
        TypeCode.UInt16 or TypeCode.Char => new(0, ushort.MaxValue),
        TypeCode.Int32 => new(int.MinValue, int.MaxValue),
        TypeCode.UInt32 => new(0, uint.MaxValue),
        _ => IntBound.Unbounded,
    };

    /// <summary>What passing <c>guard_true(cond)</c> (or <c>guard_false</c>) teaches about the values cond depends on.</summary>
    private void Learn(TraceValue cond, bool truth)
    {
        if (cond is not Operation c) return;
        if (c.Info.IsComparison && c.Arg(0).Kind == ValueKind.Int)
        {
            var code = truth ? c.OpCode : ConstantFolding.Negated(c.OpCode);
            Apply(code, Opt.Get(c.Arg(0)), Opt.Get(c.Arg(1)));
        }
        else if (c.OpCode is OpCode.IntIsTrue or OpCode.IntIsZero)
        {
            bool nonZero = truth == (c.OpCode == OpCode.IntIsTrue);
            Apply(nonZero ? OpCode.IntNe : OpCode.IntEq, Opt.Get(c.Arg(0)), new ConstInt(0));
        }
        else if (truth) Apply(OpCode.IntNe, c, new ConstInt(0));
    }

    /// <summary>Narrows <paramref name="a"/> and <paramref name="b"/> knowing <c>a code b</c> holds.</summary>
    private void Apply(OpCode code, TraceValue a, TraceValue b)
    {
        var ba = Opt.GetBound(a);
        var bb = Opt.GetBound(b);
        switch (code)
        {
            case OpCode.IntLt:
                if (bb.Upper != long.MinValue) Narrow(a, IntBound.AtMost(bb.Upper - 1), 0);
                if (ba.Lower != long.MaxValue) Narrow(b, IntBound.AtLeast(ba.Lower + 1), 0);
                break;
            case OpCode.IntLe:
                Narrow(a, IntBound.AtMost(bb.Upper), 0);
                Narrow(b, IntBound.AtLeast(ba.Lower), 0);
                break;
            case OpCode.IntGt: Apply(OpCode.IntLt, b, a); break;
            case OpCode.IntGe: Apply(OpCode.IntLe, b, a); break;
            case OpCode.IntEq:
                Narrow(a, bb, 0);
                Narrow(b, ba, 0);
                break;
            case OpCode.IntNe:
                // Only an excluded endpoint can be expressed by a range.
                if (bb.IsConstant) Narrow(a, Exclude(ba, bb.Lower), 0);
                if (ba.IsConstant) Narrow(b, Exclude(bb, ba.Lower), 0);
                break;
            // a <u b with b >= 0 means 0 <= a < b (the bounds-check idiom).
            case OpCode.UintLt:
                if (bb.IsNonNegative && bb.Upper > 0) Narrow(a, new IntBound(0, bb.Upper - 1), 0);
                break;
            case OpCode.UintLe:
                if (bb.IsNonNegative) Narrow(a, new IntBound(0, bb.Upper), 0);
                break;
            case OpCode.UintGt: Apply(OpCode.UintLt, b, a); break;
            case OpCode.UintGe: Apply(OpCode.UintLe, b, a); break;
        }
    }

    private static IntBound Exclude(IntBound b, long v) =>
        b.Lower == v && v != long.MaxValue ? b with { Lower = v + 1 }
        : b.Upper == v && v != long.MinValue ? b with { Upper = v - 1 } : b;

    /// <summary>Narrows a value, then what it was computed from (x in x+C, x-C; a few levels deep).</summary>
    private void Narrow(TraceValue v, IntBound bound, int depth)
    {
        v = Opt.Get(v);
        if (v is Const || !Opt.NarrowBound(v, bound) || depth > 4) return;
        if (v is not Operation { OpCode: OpCode.IntAdd or OpCode.IntSub } op) return;
        var now = Opt.GetBound(v);
        var (x, y) = (Opt.Get(op.Arg(0)), Opt.Get(op.Arg(1)));
        if (op.OpCode == OpCode.IntAdd && x is ConstInt) (x, y) = (y, x);
        if (y is not ConstInt c || x is Const) return;
        // v = x + c exactly when v - c does not wrap over the whole range (then the preimage is unique).
        var shift = IntBound.Exact(c.Value);
        var pre = op.OpCode == OpCode.IntAdd ? now.Sub(shift) : now.Add(shift);
        if (!pre.IsUnbounded) Narrow(x, pre, depth + 1);
    }
}
