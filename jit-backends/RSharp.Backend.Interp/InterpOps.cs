using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;
using static RSharp.Jit.Traces.OpSemantics;

namespace RSharp.Backend.Interp;

/// <summary>
/// The value-computing operations: arithmetic, heap, strings, calls. Integer arithmetic wraps
/// on 64 bits; division truncates (C semantics, which RPython's int_floordiv/int_mod have).
/// Errors a correct trace never causes (division by zero, null dereference, index out of range)
/// surface as the .NET exception the equivalent C# would throw.
/// </summary>
internal static class InterpOps
{
    public static void Execute(Interpreter interp, Instr ins, Registers r)
    {
        var a = ins.Args;
        var I = r.I;
        var F = r.F;
        var R = r.R;
        int res = ins.Result;
        switch (ins.Code)
        {
            case >= OpCode.IntAdd and <= OpCode.UintMulHigh:
                I[res] = IntBinary(ins.Code, I[a[0]], I[a[1]]);
                break;
            case OpCode.IntNeg: I[res] = unchecked(-I[a[0]]); break;
            case OpCode.IntInvert: I[res] = ~I[a[0]]; break;
            case OpCode.IntIsTrue: I[res] = I[a[0]] != 0 ? 1 : 0; break;
            case OpCode.IntIsZero: I[res] = I[a[0]] == 0 ? 1 : 0; break;
            case OpCode.IntForceGeZero: I[res] = I[a[0]] < 0 ? 0 : I[a[0]]; break;
            case >= OpCode.IntLt and <= OpCode.UintGe:
                I[res] = IntCompare(ins.Code, I[a[0]], I[a[1]]) ? 1 : 0;
                break;
            case >= OpCode.IntAddOvf and <= OpCode.IntMulOvf:
                I[res] = IntOvf(ins.Code, I[a[0]], I[a[1]], out interp.Overflowed);
                break;

            case OpCode.FloatAdd: F[res] = F[a[0]] + F[a[1]]; break;
            case OpCode.FloatSub: F[res] = F[a[0]] - F[a[1]]; break;
            case OpCode.FloatMul: F[res] = F[a[0]] * F[a[1]]; break;
            case OpCode.FloatTruediv: F[res] = F[a[0]] / F[a[1]]; break;
            case OpCode.FloatNeg: F[res] = -F[a[0]]; break;
            case OpCode.FloatAbs: F[res] = Math.Abs(F[a[0]]); break;
            case >= OpCode.FloatLt and <= OpCode.FloatGe:
                I[res] = FloatCompare(ins.Code, F[a[0]], F[a[1]]) ? 1 : 0;
                break;
            case OpCode.CastIntToFloat: F[res] = I[a[0]]; break;
            case OpCode.CastFloatToInt: I[res] = (long)F[a[0]]; break;
            case OpCode.ConvertFloatBytesToLonglong: I[res] = BitConverter.DoubleToInt64Bits(F[a[0]]); break;
            case OpCode.ConvertLonglongBytesToFloat: F[res] = BitConverter.Int64BitsToDouble(I[a[0]]); break;

            case OpCode.PtrEq: I[res] = ReferenceEquals(R[a[0]], R[a[1]]) ? 1 : 0; break;
            case OpCode.PtrNe: I[res] = ReferenceEquals(R[a[0]], R[a[1]]) ? 0 : 1; break;
            case OpCode.SameAsI: I[res] = I[a[0]]; break;
            case OpCode.SameAsF: F[res] = F[a[0]]; break;
            case OpCode.SameAsR: R[res] = R[a[0]]; break;

            case OpCode.GetfieldGcI or OpCode.GetfieldGcPureI:
                I[res] = ins.Field!.GetInt(R[a[0]] ?? throw NullField(ins, "getfield"));
                break;
            case OpCode.GetfieldGcF or OpCode.GetfieldGcPureF:
                F[res] = ins.Field!.GetFloat(R[a[0]] ?? throw NullField(ins, "getfield"));
                break;
            case OpCode.GetfieldGcR or OpCode.GetfieldGcPureR:
                R[res] = ins.Field!.GetRef(R[a[0]] ?? throw NullField(ins, "getfield"));
                break;
            case OpCode.SetfieldGc:
            {
                object obj = R[a[0]] ?? throw NullField(ins, "setfield");
                switch (ins.ArgKinds[1])
                {
                    case ValueKind.Int: ins.Field!.SetInt(obj, I[a[1]]); break;
                    case ValueKind.Float: ins.Field!.SetFloat(obj, F[a[1]]); break;
                    default: ins.Field!.SetRef(obj, R[a[1]]); break;
                }
                break;
            }
            case OpCode.New:
            case OpCode.NewWithVtable:
                R[res] = RuntimeHelpers.GetUninitializedObject(((TypeDescr)ins.Descr!).Type);
                break;
            case OpCode.NewArray:
            case OpCode.NewArrayClear:
                R[res] = Array.CreateInstance(((ArrayDescr)ins.Descr!).ElementType, checked((int)I[a[0]]));
                break;
            case >= OpCode.GetarrayitemGcI and <= OpCode.GetarrayitemGcPureR:
                GetArrayItem(r, ins);
                break;
            case OpCode.SetarrayitemGc:
                SetArrayItem(r, ins);
                break;
            case OpCode.ArraylenGc: I[res] = ((Array)R[a[0]]!).Length; break;

            case OpCode.Strlen: I[res] = ((string)R[a[0]]!).Length; break;
            case OpCode.Strgetitem: I[res] = ((string)R[a[0]]!)[checked((int)I[a[1]])]; break;
            case OpCode.Newstr: R[res] = NewString(checked((int)I[a[0]])); break;
            case OpCode.Strsetitem: MutableChars((string)R[a[0]]!)[checked((int)I[a[1]])] = (char)I[a[2]]; break;
            case OpCode.Copystrcontent:
                ((string)R[a[0]]!).AsSpan(checked((int)I[a[2]]), checked((int)I[a[4]]))
                    .CopyTo(MutableChars((string)R[a[1]]!)[checked((int)I[a[3]])..]);
                break;

            case >= OpCode.CallI and <= OpCode.CallLoopinvariantN:
                Call(interp, r, ins, 0);
                break;
            case >= OpCode.CallAssemblerI and <= OpCode.CallAssemblerN:
                CallAssembler(interp, r, ins);
                break;
            case OpCode.CondCall:
                if (I[a[0]] != 0) Call(interp, r, ins, 1);
                break;
            case OpCode.CondCallValueI:
                if (I[a[0]] != 0) I[res] = I[a[0]];
                else Call(interp, r, ins, 1);
                break;
            case OpCode.CondCallValueR:
                if (R[a[0]] is not null) R[res] = R[a[0]];
                else Call(interp, r, ins, 1);
                break;

            case OpCode.SaveException:
                R[res] = interp.PendingException;
                interp.PendingException = null;
                break;
            case OpCode.RestoreException:
                interp.PendingException = (Exception?)R[a[0]];
                break;
            case OpCode.ForceToken: R[res] = interp.ForceToken; break;
            case OpCode.VirtualRefR: R[res] = R[a[0]]; break;
            case OpCode.DebugMergePoint:
            case OpCode.QuasiimmutField:
            case OpCode.VirtualRefFinish:
            case OpCode.RecordExactClass:
            case OpCode.RecordKnownResult:
            case OpCode.Keepalive:
                break;
            default:
                throw new InvalidOperationException($"the interp backend cannot execute {ins.Op.Info.Name}");
        }
    }

    public static NullReferenceException NullField(Instr ins, string what) => new($"{what} {((FieldDescr)ins.Descr!).Name} on null");

    private static void Store(Registers r, int slot, ValueKind kind, object? value)
    {
        switch (kind)
        {
            case ValueKind.Int: r.I[slot] = ValueKinds.ToInt(value); break;
            case ValueKind.Float: r.F[slot] = ValueKinds.ToFloat(value); break;
            case ValueKind.Ref: r.R[slot] = value; break;
        }
    }

    private static object? Load(Registers r, int slot, ValueKind kind, Type type) => kind switch
    {
        ValueKind.Int => ValueConversion.BoxInt(r.I[slot], type),
        ValueKind.Float => ValueConversion.BoxFloat(r.F[slot], type),
        _ => r.R[slot],
    };

    private static void GetArrayItem(Registers r, Instr ins)
    {
        var array = (Array)r.R[ins.Args[0]]!;
        int index = checked((int)r.I[ins.Args[1]]);
        // Narrow items by the descriptor's element type (as ldelem would): a cast such as
        // (short[]) also accepts a ushort[], so the runtime type cannot pick the extension.
        switch (ins.Element)
        {
            case TypeCode.Byte: r.I[ins.Result] = ((byte[])array)[index]; return;
            case TypeCode.SByte: r.I[ins.Result] = ((sbyte[])array)[index]; return;
            case TypeCode.Int16: r.I[ins.Result] = ((short[])array)[index]; return;
            case TypeCode.UInt16: r.I[ins.Result] = ((ushort[])array)[index]; return;
            case TypeCode.Char: r.I[ins.Result] = ((char[])array)[index]; return;
            case TypeCode.Int32: r.I[ins.Result] = ((int[])array)[index]; return;
            case TypeCode.UInt32: r.I[ins.Result] = ((uint[])array)[index]; return;
            case TypeCode.Boolean: r.I[ins.Result] = ((bool[])array)[index] ? 1 : 0; return;
            case TypeCode.Single: r.F[ins.Result] = ((float[])array)[index]; return;
        }
        switch (array)
        {
            // Fast paths for the common element types; the general case goes through reflection.
            case long[] longs: r.I[ins.Result] = longs[index]; break;
            case double[] doubles: r.F[ins.Result] = doubles[index]; break;
            case object?[] objects: r.R[ins.Result] = objects[index]; break;
            default:
                Store(r, ins.Result, ((ArrayDescr)ins.Descr!).ElementKind, array.GetValue(index));
                break;
        }
    }

    private static void SetArrayItem(Registers r, Instr ins)
    {
        var array = (Array)r.R[ins.Args[0]]!;
        int index = checked((int)r.I[ins.Args[1]]);
        int v = ins.Args[2];
        // Narrow items truncate, as ValueConversion.BoxInt does.
        if (ins.ArgKinds[2] == ValueKind.Int)
        {
            long x = r.I[v];
            switch (ins.Element)
            {
                case TypeCode.Byte: ((byte[])array)[index] = unchecked((byte)x); return;
                case TypeCode.SByte: ((sbyte[])array)[index] = unchecked((sbyte)x); return;
                case TypeCode.Int16: ((short[])array)[index] = unchecked((short)x); return;
                case TypeCode.UInt16: ((ushort[])array)[index] = unchecked((ushort)x); return;
                case TypeCode.Char: ((char[])array)[index] = unchecked((char)x); return;
                case TypeCode.Int32: ((int[])array)[index] = unchecked((int)x); return;
                case TypeCode.UInt32: ((uint[])array)[index] = unchecked((uint)x); return;
                case TypeCode.Boolean: ((bool[])array)[index] = x != 0; return;
            }
        }
        else if (ins.ArgKinds[2] == ValueKind.Float && ins.Element == TypeCode.Single)
        {
            ((float[])array)[index] = (float)r.F[v];
            return;
        }
        switch (array)
        {
            case long[] longs: longs[index] = r.I[v]; break;
            case double[] doubles: doubles[index] = r.F[v]; break;
            case object?[] objects: objects[index] = r.R[v]; break;
            default:
                array.SetValue(Load(r, v, ins.ArgKinds[2], ((ArrayDescr)ins.Descr!).ElementType), index);
                break;
        }
    }

    /// <summary>A fresh string of NULs; <c>string.Empty</c> is never mutated because it has no chars.</summary>
    private static string NewString(int length) => length == 0 ? "" : new string('\0', length);

    /// <summary>
    /// The chars of a string built by <c>newstr</c>, writable. Strings are immutable in .NET once
    /// published; traces only write strings they allocated and have not let escape yet.
    /// </summary>
    private static Span<char> MutableChars(string s) =>
        MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(s.AsSpan()), s.Length);

    private static void Call(Interpreter interp, Registers r, Instr ins, int skip)
    {
        var call = (CallDescr)ins.Descr!;
        var a = ins.Args;
        object? receiver = null;
        int first = skip;
        if (call.Delegate is null && !call.Method.IsStatic)
        {
            receiver = r.R[a[first]] ?? throw new NullReferenceException($"call {call.Name} on null");
            first++;
        }
        var args = new object?[call.ParameterTypes.Count];
        for (int k = 0; k < args.Length; k++)
            args[k] = Load(r, a[first + k], ins.ArgKinds[first + k], call.ParameterTypes[k]);
        object? result;
        try
        {
            result = call.Delegate is { } d
                ? d.DynamicInvoke(args)
                : call.Method.Invoke(receiver, BindingFlags.DoNotWrapExceptions, null, args, null);
        }
        catch (TargetInvocationException e) when (call.Delegate is not null && e.InnerException is not null)
        {
            interp.PendingException = e.InnerException;
            ClearResult(r, ins);
            return;
        }
        catch (Exception e)
        {
            interp.PendingException = e;
            ClearResult(r, ins);
            return;
        }
        if (ins.Result >= 0) Store(r, ins.Result, ins.Op.Kind, result);
    }

    /// <summary>
    /// A raising call's result is zero (as in the CIL backend), not what the slot held before:
    /// registers are reused across iterations and transfers.
    /// </summary>
    private static void ClearResult(Registers r, Instr ins)
    {
        if (ins.Result < 0) return;
        switch (ins.Op.Kind)
        {
            case ValueKind.Int: r.I[ins.Result] = 0; break;
            case ValueKind.Float: r.F[ins.Result] = 0; break;
            default: r.R[ins.Result] = null; break;
        }
    }

    private static void CallAssembler(Interpreter interp, Registers r, Instr ins)
    {
        var loop = (LoopToken)ins.Descr!;
        var values = r.Read(ins.Args, ins.ArgKinds);
        var frame = interp.Backend.Execute(loop, values);
        object? result;
        if (frame.IsFinish && frame.Exception is null
            && (loop.AssemblerHelper is null || (loop.DoneWithThisFrame is { } done && ReferenceEquals(frame.Exit.Descr, done))))
        {
            if (ins.Result < 0) return;
            if (frame.Values.Count != 1) throw new InvalidOperationException($"call_assembler of {loop.Name}: finish has {frame.Values.Count} values, expected 1");
            result = frame.Values.GetBoxed(0);
        }
        else
        {
            var helper = loop.AssemblerHelper
                ?? throw new InvalidOperationException($"call_assembler of {loop.Name}: a guard failed and the loop has no assembler helper");
            try { result = helper(frame); }
            catch (Exception e) { interp.PendingException = e; ClearResult(r, ins); return; }
        }
        if (ins.Result >= 0) Store(r, ins.Result, ins.Op.Kind, result);
    }
}
