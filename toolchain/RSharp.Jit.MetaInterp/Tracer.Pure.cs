using System.Reflection;
using System.Runtime.ExceptionServices;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

internal sealed partial class Tracer
{
    private static readonly HashSet<string> s_intPrefixes = ["int", "uint", "llong", "ullong", "nint", "unint"];

    /// <summary>A pure jitcode operation: folded if its arguments are constants, else the trace operations with the same meaning.</summary>
    private void Pure(TraceFrame f, InstructionDef def, int p)
    {
        var code = f.JitCode.Code;
        var parts = def.ArgCodes.Split('>');
        string argBanks = parts[0];
        char resBank = parts[1][0];
        var boxes = new TraceValue[argBanks.Length];
        var values = new object?[argBanks.Length];
        for (int k = 0; k < argBanks.Length; k++)
        {
            int reg = code[p + k];
            boxes[k] = f.Box(argBanks[k], reg) ?? throw new AbortTrace("read of an unset register");
            values[k] = f.Value(argBanks[k], reg);
        }
        int resReg = code[p + argBanks.Length];
        object? result;
        try
        {
            result = def.Pure!.DynamicInvoke(values);
        }
        catch (TargetInvocationException e)
        {
            throw new AbortTrace($"{def.Name} raised {e.InnerException?.GetType().Name} while tracing");
        }
        TraceValue box = boxes.All(b => b is Const)
            ? ConstOf(resBank, result)
            : Translate(def.Name, boxes) ?? Fallback(def, boxes);
        f.Set(resBank, resReg, result, box);
        f.Pc = p + argBanks.Length + 1;
    }

    /// <summary>For tests: the trace a pure jitcode operation becomes on fresh inputs (ending in finish), or null if it is a call.</summary>
    internal Trace? TranslateAlone(InstructionDef def)
    {
        var inputs = def.ArgCodes.Split('>')[0].Select(b => new InputArg(KindOf(b))).ToArray();
        _inputs.AddRange(inputs);
        if (def.Name.Contains("ovf", StringComparison.Ordinal)) return null; // needs a guard
        if (Translate(def.Name, inputs) is not { } box) return null;
        Record(OpCode.Finish, [box]);
        return BuildTrace();
    }

    /// <summary>A jitcode operation with no exact trace counterpart: an elidable call of its own implementation.</summary>
    private TraceValue Fallback(InstructionDef def, TraceValue[] args)
    {
        var descr = _mi.PureCallDescr(def);
        var op = Record(descr.ResultKind switch
        {
            ValueKind.Int => OpCode.CallPureI,
            ValueKind.Float => OpCode.CallPureF,
            _ => OpCode.CallPureR,
        }, args, descr);
        // Re-executing the instruction in the blackhole raises the exception again.
        if (descr.Effect.CanRaise) Guard(OpCode.GuardNoException, []);
        return op;
    }

    private Operation Op(OpCode code, params TraceValue[] args) => Record(code, args);

    /// <summary>Sign-extends the low <paramref name="bits"/> bits (the jitcode keeps narrow ints sign-extended).</summary>
    private TraceValue SignExtend(TraceValue v, int bits)
    {
        if (bits == 32 && IsInt32(v)) return v;
        var r = Op(OpCode.IntRshift, Op(OpCode.IntLshift, v, new ConstInt(64 - bits)), new ConstInt(64 - bits));
        _int32.Add(r);
        return r;
    }

    /// <summary>Values known to fit in 32 bits signed (so a 32-bit sign extension is the identity).</summary>
    private readonly HashSet<TraceValue> _int32 = new(ReferenceEqualityComparer.Instance);

    private bool IsInt32(TraceValue v) => v switch
    {
        ConstInt c => c.Value == (int)c.Value,
        Operation { OpCode: OpCode.ArraylenGc or OpCode.Strlen or OpCode.Strgetitem } => true,
        Operation { Info.IsComparison: true } => true,
        _ => _int32.Contains(v),
    };

    /// <summary>
    /// A value loaded from storage of <paramref name="t"/> (field, array item, call result): notes
    /// that it fits in 32 bits, and sign-extends a uint, which the trace zero-extends but
    /// jitcode registers hold as the IL stack does (sign-extended int32).
    /// </summary>
    internal TraceValue Loaded(TraceValue v, Type t)
    {
        if (t.IsEnum) t = Enum.GetUnderlyingType(t);
        var code = Type.GetTypeCode(t);
        if (code == TypeCode.UInt32) return SignExtend(v, 32);
        if (code is TypeCode.Boolean or TypeCode.Char or TypeCode.SByte or TypeCode.Byte
            or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32)
            _int32.Add(v);
        return v;
    }

    /// <summary>The trace operations for a jitcode operation, or null to fall back to a call.</summary>
    private TraceValue? Translate(string name, TraceValue[] a)
    {
        switch (name)
        {
            case "ptr_eq": return Op(OpCode.PtrEq, a[0], a[1]);
            case "ptr_ne": return Op(OpCode.PtrNe, a[0], a[1]);
            case "ptr_nonzero": return Op(OpCode.PtrNe, a[0], ConstNull.Instance);
            case "ptr_iszero": return Op(OpCode.PtrEq, a[0], ConstNull.Instance);
        }
        if (name.StartsWith("cast_", StringComparison.Ordinal)) return Cast(name, a[0]);
        int us = name.IndexOf('_');
        if (us < 0) return null;
        string prefix = name[..us], op = name[(us + 1)..];
        if (prefix == "float")
            return op switch
            {
                "add" => Op(OpCode.FloatAdd, a[0], a[1]),
                "sub" => Op(OpCode.FloatSub, a[0], a[1]),
                "mul" => Op(OpCode.FloatMul, a[0], a[1]),
                "div" => Op(OpCode.FloatTruediv, a[0], a[1]),
                "neg" => Op(OpCode.FloatNeg, a[0]),
                "lt" => Op(OpCode.FloatLt, a[0], a[1]),
                "le" => Op(OpCode.FloatLe, a[0], a[1]),
                "eq" => Op(OpCode.FloatEq, a[0], a[1]),
                "ne" => Op(OpCode.FloatNe, a[0], a[1]),
                "gt" => Op(OpCode.FloatGt, a[0], a[1]),
                "ge" => Op(OpCode.FloatGe, a[0], a[1]),
                _ => null,
            };
        if (!s_intPrefixes.Contains(prefix)) return null;
        bool narrow = prefix is "int" or "uint";
        bool unsigned = prefix[0] == 'u';
        TraceValue Wrap(Operation r) => narrow ? SignExtend(r, 32) : r;
        if (narrow && op is "and" or "or" or "xor" or "invert" && a.All(IsInt32))
        {
            var r = Op(op switch { "and" => OpCode.IntAnd, "or" => OpCode.IntOr, "xor" => OpCode.IntXor, _ => OpCode.IntInvert }, a);
            _int32.Add(r);
            return r;
        }
        switch (op)
        {
            case "and": return Op(OpCode.IntAnd, a[0], a[1]);
            case "or": return Op(OpCode.IntOr, a[0], a[1]);
            case "xor": return Op(OpCode.IntXor, a[0], a[1]);
            case "invert": return Op(OpCode.IntInvert, a[0]);
            case "is_true": return Op(OpCode.IntIsTrue, a[0]);
            case "eq": return Op(OpCode.IntEq, a[0], a[1]);
            case "ne": return Op(OpCode.IntNe, a[0], a[1]);
            // Sign-extended 32-bit values compare like their 64-bit forms, signed or unsigned.
            case "lt": return Op(unsigned ? OpCode.UintLt : OpCode.IntLt, a[0], a[1]);
            case "le": return Op(unsigned ? OpCode.UintLe : OpCode.IntLe, a[0], a[1]);
            case "gt": return Op(unsigned ? OpCode.UintGt : OpCode.IntGt, a[0], a[1]);
            case "ge": return Op(unsigned ? OpCode.UintGe : OpCode.IntGe, a[0], a[1]);
            case "add": return Wrap(Op(OpCode.IntAdd, a[0], a[1]));
            case "sub": return Wrap(Op(OpCode.IntSub, a[0], a[1]));
            case "mul": return Wrap(Op(OpCode.IntMul, a[0], a[1]));
            case "neg": return Wrap(Op(OpCode.IntNeg, a[0]));
            case "lshift":
                return Wrap(Op(OpCode.IntLshift, a[0], ShiftCount(a[1], narrow)));
            case "rshift":
                if (!unsigned) return Op(OpCode.IntRshift, a[0], ShiftCount(a[1], narrow));
                return narrow ? null : Op(OpCode.UintRshift, a[0], a[1]);
            // Division by a constant other than 0 and -1 cannot raise; it truncates like the trace's.
            case "div" when !unsigned && a[1] is ConstInt { Value: not 0 and not -1 }:
                return Op(OpCode.IntFloordiv, a[0], a[1]);
            case "mod" when !unsigned && a[1] is ConstInt { Value: not 0 and not -1 }:
                return Op(OpCode.IntMod, a[0], a[1]);
            case "add_ovf" or "sub_ovf" or "mul_ovf" when !narrow && !unsigned:
            {
                var r = Op(op == "add_ovf" ? OpCode.IntAddOvf : op == "sub_ovf" ? OpCode.IntSubOvf : OpCode.IntMulOvf, a[0], a[1]);
                Guard(OpCode.GuardNoOverflow, []);
                return r;
            }
        }
        return null;
    }

    /// <summary>.NET masks 32-bit shift counts to 5 bits, 64-bit ones to 6 (the trace's own masking).</summary>
    private TraceValue ShiftCount(TraceValue count, bool narrow)
    {
        if (!narrow) return count;
        return count is ConstInt c ? new ConstInt(c.Value & 31) : Op(OpCode.IntAnd, count, new ConstInt(31));
    }

    private TraceValue? Cast(string name, TraceValue x)
    {
        var rest = name["cast_".Length..];
        int to = rest.IndexOf("_to_", StringComparison.Ordinal);
        string src = rest[..to], target = rest[(to + 4)..];
        if (target.Contains("_ovf", StringComparison.Ordinal)) return null;
        bool un = target.EndsWith("_un", StringComparison.Ordinal);
        if (un) target = target[..^3];
        bool srcInt = src is "int" or "llong" or "nint";
        if (srcInt)
        {
            switch (target)
            {
                case "int64" or "nint":
                    return src == "int" && un ? null : x;
                case "uint64" or "unint":
                    return src == "int" ? null : x; // an int32 zero-extends
                case "int32" or "uint32":
                    return src == "int" ? x : SignExtend(x, 32);
                case "uint8": return Op(OpCode.IntAnd, x, new ConstInt(0xFF));
                case "uint16": return Op(OpCode.IntAnd, x, new ConstInt(0xFFFF));
                case "int8": return SignExtend(x, 8);
                case "int16": return SignExtend(x, 16);
                case "float64": return un ? null : Op(OpCode.CastIntToFloat, x);
            }
            return null;
        }
        if (src == "float")
            return target switch
            {
                "int64" or "nint" => Op(OpCode.CastFloatToInt, x),
                "float64" => x,
                _ => null,
            };
        return null;
    }

    internal static void Rethrow(TargetInvocationException e) =>
        ExceptionDispatchInfo.Capture(e.InnerException ?? e).Throw();
}
