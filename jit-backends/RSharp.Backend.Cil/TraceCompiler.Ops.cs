using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;
using Il = System.Reflection.Emit.OpCodes;
using OpCode = RSharp.Jit.Traces.OpCode;

namespace RSharp.Backend.Cil;

/// <summary>Guards and value operations: arithmetic, heap, strings, calls, exceptions.</summary>
internal sealed partial class TraceCompiler
{
    private static readonly MethodInfo GetTypeMethod = typeof(object).GetMethod(nameof(GetType))!;
    private static readonly MethodInfo TypeFromHandle = typeof(Type).GetMethod(nameof(Type.GetTypeFromHandle))!;
    private static readonly MethodInfo TypeEquals = typeof(Type).GetMethod("op_Equality", [typeof(Type), typeof(Type)])!;
    private static readonly MethodInfo DoubleBits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;
    private static readonly MethodInfo BitsDouble = typeof(BitConverter).GetMethod(nameof(BitConverter.Int64BitsToDouble))!;

    private static MethodInfo Runtime(string name) => typeof(CilRuntime).GetMethod(name)!;

    private void EmitGuard(Operation op, Label fail)
    {
        var a = op.Args;
        switch (op.OpCode)
        {
            case OpCode.GuardTrue: Load(a[0]); _il.Emit(Il.Brfalse, fail); break;
            case OpCode.GuardFalse: Load(a[0]); _il.Emit(Il.Brtrue, fail); break;
            case OpCode.GuardValue:
                Load(a[0]);
                // Floats compare bitwise: -0.0 is not 0.0, NaN is NaN.
                if (a[0].Kind == ValueKind.Float) _il.Emit(Il.Call, DoubleBits);
                Load(a[1]);
                if (a[0].Kind == ValueKind.Float) _il.Emit(Il.Call, DoubleBits);
                _il.Emit(Il.Bne_Un, fail);
                break;
            case OpCode.GuardClass:
            case OpCode.GuardNonnullClass:
                Load(a[0]);
                _il.Emit(Il.Brfalse, fail);
                Load(a[0]);
                EmitExactTypeTest(((TypeDescr)op.Descr!).Type);
                _il.Emit(Il.Brfalse, fail);
                break;
            case OpCode.GuardIsInstance:
                Load(a[0]);
                _il.Emit(Il.Isinst, ((TypeDescr)op.Descr!).Type);
                _il.Emit(Il.Brfalse, fail);
                break;
            case OpCode.GuardNonnull: Load(a[0]); _il.Emit(Il.Brfalse, fail); break;
            case OpCode.GuardIsnull: Load(a[0]); _il.Emit(Il.Brtrue, fail); break;
            case OpCode.GuardNoException:
                _il.Emit(Il.Ldarg_1);
                _il.Emit(Il.Ldfld, PendingField);
                _il.Emit(Il.Brtrue, fail);
                break;
            case OpCode.GuardException:
                _il.Emit(Il.Ldarg_1);
                _il.Emit(Il.Ldfld, PendingField);
                _il.Emit(Il.Brfalse, fail);
                _il.Emit(Il.Ldarg_1);
                _il.Emit(Il.Ldfld, PendingField);
                EmitExactTypeTest(((TypeDescr)op.Descr!).Type);
                _il.Emit(Il.Brfalse, fail);
                _il.Emit(Il.Ldarg_1);
                _il.Emit(Il.Ldfld, PendingField);
                Store(op);
                _il.Emit(Il.Ldarg_1);
                _il.Emit(Il.Ldnull);
                _il.Emit(Il.Stfld, PendingField);
                break;
            case OpCode.GuardNoOverflow: _il.Emit(Il.Ldloc, Overflow); _il.Emit(Il.Brtrue, fail); break;
            case OpCode.GuardOverflow: _il.Emit(Il.Ldloc, Overflow); _il.Emit(Il.Brfalse, fail); break;
            case OpCode.GuardNotInvalidated:
                _il.Emit(Il.Ldarg_0);
                _il.Emit(Il.Call, typeof(CilCode).GetProperty(nameof(CilCode.Owner))!.GetMethod!);
                _il.Emit(Il.Callvirt, typeof(LoopToken).GetProperty(nameof(LoopToken.IsInvalidated))!.GetMethod!);
                _il.Emit(Il.Brtrue, fail);
                break;
            case OpCode.GuardNotForced:
                _il.Emit(Il.Ldarg_1);
                _il.Emit(Il.Call, typeof(CilFrame).GetMethod(nameof(CilFrame.IsForced))!);
                _il.Emit(Il.Brtrue, fail);
                break;
            default:
                throw new NotSupportedException($"the cil backend cannot compile {op.Info.Name}");
        }
    }

    private LocalBuilder Overflow => _overflow ??= _il.DeclareLocal(typeof(int), "overflow");

    /// <summary>Object on the stack -> 1 if its exact type is <paramref name="type"/> (RyuJIT turns this into a method-table compare).</summary>
    private void EmitExactTypeTest(Type type)
    {
        _il.Emit(Il.Callvirt, GetTypeMethod);
        _il.Emit(Il.Ldtoken, type);
        _il.Emit(Il.Call, TypeFromHandle);
        _il.Emit(Il.Call, TypeEquals);
    }

    private void EmitValueOp(Operation op)
    {
        var a = op.Args;
        switch (op.OpCode)
        {
            case >= OpCode.IntAdd and <= OpCode.UintMulHigh: EmitIntBinary(op); break;
            case OpCode.IntNeg: Load(a[0]); _il.Emit(Il.Neg); Store(op); break;
            case OpCode.IntInvert: Load(a[0]); _il.Emit(Il.Not); Store(op); break;
            case OpCode.IntIsTrue: Load(a[0]); _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Conv_I8); _il.Emit(Il.Cgt_Un); _il.Emit(Il.Conv_I8); Store(op); break;
            case OpCode.IntIsZero: Load(a[0]); _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Conv_I8); _il.Emit(Il.Ceq); _il.Emit(Il.Conv_I8); Store(op); break;
            case OpCode.IntForceGeZero:
                Load(a[0]); _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Conv_I8);
                _il.Emit(Il.Call, typeof(Math).GetMethod(nameof(Math.Max), [typeof(long), typeof(long)])!);
                Store(op);
                break;
            case >= OpCode.IntLt and <= OpCode.UintGe:
            case >= OpCode.FloatLt and <= OpCode.FloatGe:
                Load(a[0]); Load(a[1]); EmitCompare(op.OpCode); _il.Emit(Il.Conv_I8); Store(op);
                break;
            case >= OpCode.IntAddOvf and <= OpCode.IntMulOvf: EmitIntOvf(op); break;

            case OpCode.FloatAdd: Load(a[0]); Load(a[1]); _il.Emit(Il.Add); Store(op); break;
            case OpCode.FloatSub: Load(a[0]); Load(a[1]); _il.Emit(Il.Sub); Store(op); break;
            case OpCode.FloatMul: Load(a[0]); Load(a[1]); _il.Emit(Il.Mul); Store(op); break;
            case OpCode.FloatTruediv: Load(a[0]); Load(a[1]); _il.Emit(Il.Div); Store(op); break;
            case OpCode.FloatNeg: Load(a[0]); _il.Emit(Il.Neg); Store(op); break;
            case OpCode.FloatAbs: Load(a[0]); _il.Emit(Il.Call, typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!); Store(op); break;
            case OpCode.CastIntToFloat: Load(a[0]); _il.Emit(Il.Conv_R8); Store(op); break;
            case OpCode.CastFloatToInt: Load(a[0]); _il.Emit(Il.Conv_I8); Store(op); break;
            case OpCode.ConvertFloatBytesToLonglong: Load(a[0]); _il.Emit(Il.Call, DoubleBits); Store(op); break;
            case OpCode.ConvertLonglongBytesToFloat: Load(a[0]); _il.Emit(Il.Call, BitsDouble); Store(op); break;

            case OpCode.PtrEq: Load(a[0]); Load(a[1]); _il.Emit(Il.Ceq); _il.Emit(Il.Conv_I8); Store(op); break;
            case OpCode.PtrNe: Load(a[0]); Load(a[1]); _il.Emit(Il.Ceq); _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Ceq); _il.Emit(Il.Conv_I8); Store(op); break;
            case OpCode.SameAsI: case OpCode.SameAsF: case OpCode.SameAsR: case OpCode.VirtualRefR:
                Load(a[0]); Store(op);
                break;

            case >= OpCode.GetfieldGcI and <= OpCode.GetfieldGcPureR:
            {
                var field = (FieldDescr)op.Descr!;
                Load(a[0]);
                EmitReceiver(field.DeclaringType);
                _il.Emit(Il.Ldfld, field.Field);
                FromNative(op.Kind, field.FieldType);
                Store(op);
                break;
            }
            case OpCode.SetfieldGc:
            {
                var field = (FieldDescr)op.Descr!;
                Load(a[0]);
                EmitReceiver(field.DeclaringType);
                Load(a[1]);
                ToNative(a[1].Kind, field.FieldType);
                _il.Emit(Il.Stfld, field.Field);
                break;
            }
            case OpCode.New:
            case OpCode.NewWithVtable:
                // No constructor runs (as in the interp backend and RPython's malloc).
                _il.Emit(Il.Ldtoken, ((TypeDescr)op.Descr!).Type);
                _il.Emit(Il.Call, TypeFromHandle);
                _il.Emit(Il.Call, typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.GetUninitializedObject))!);
                Store(op);
                break;
            case OpCode.NewArray:
            case OpCode.NewArrayClear:
                Load(a[0]); _il.Emit(Il.Call, Runtime(nameof(CilRuntime.ArrayLength)));
                _il.Emit(Il.Newarr, ((ArrayDescr)op.Descr!).ElementType);
                Store(op);
                break;
            case >= OpCode.GetarrayitemGcI and <= OpCode.GetarrayitemGcPureR:
            {
                var array = (ArrayDescr)op.Descr!;
                Load(a[0]); _il.Emit(Il.Castclass, array.ArrayType);
                Load(a[1]); _il.Emit(Il.Conv_Ovf_I4);
                _il.Emit(Il.Ldelem, array.ElementType);
                FromNative(op.Kind, array.ElementType);
                Store(op);
                break;
            }
            case OpCode.SetarrayitemGc:
            {
                var array = (ArrayDescr)op.Descr!;
                Load(a[0]); _il.Emit(Il.Castclass, array.ArrayType);
                Load(a[1]); _il.Emit(Il.Conv_Ovf_I4);
                Load(a[2]); ToNative(a[2].Kind, array.ElementType);
                _il.Emit(Il.Stelem, array.ElementType);
                break;
            }
            case OpCode.ArraylenGc:
                Load(a[0]); _il.Emit(Il.Castclass, typeof(Array));
                _il.Emit(Il.Callvirt, typeof(Array).GetProperty(nameof(Array.Length))!.GetMethod!);
                _il.Emit(Il.Conv_I8);
                Store(op);
                break;

            case OpCode.Strlen:
                Load(a[0]); _il.Emit(Il.Castclass, typeof(string));
                _il.Emit(Il.Callvirt, typeof(string).GetProperty(nameof(string.Length))!.GetMethod!);
                _il.Emit(Il.Conv_I8);
                Store(op);
                break;
            case OpCode.Strgetitem:
                Load(a[0]); _il.Emit(Il.Castclass, typeof(string));
                Load(a[1]); _il.Emit(Il.Conv_Ovf_I4);
                _il.Emit(Il.Callvirt, typeof(string).GetMethod("get_Chars")!);
                _il.Emit(Il.Conv_U8);
                Store(op);
                break;
            case OpCode.Newstr: Load(a[0]); _il.Emit(Il.Call, Runtime(nameof(CilRuntime.NewStr))); Store(op); break;
            case OpCode.Strsetitem:
                foreach (var v in a) Load(v);
                _il.Emit(Il.Call, Runtime(nameof(CilRuntime.StrSetItem)));
                break;
            case OpCode.Copystrcontent:
                foreach (var v in a) Load(v);
                _il.Emit(Il.Call, Runtime(nameof(CilRuntime.CopyStrContent)));
                break;

            case >= OpCode.CallI and <= OpCode.CallLoopinvariantN:
            case OpCode.CondCall:
            case OpCode.CondCallValueI:
            case OpCode.CondCallValueR:
                EmitGuardedCall(op);
                break;
            case >= OpCode.CallAssemblerI and <= OpCode.CallAssemblerN:
                EmitCallAssembler(op);
                break;

            case OpCode.SaveException:
                _il.Emit(Il.Ldarg_1); _il.Emit(Il.Ldfld, PendingField); Store(op);
                _il.Emit(Il.Ldarg_1); _il.Emit(Il.Ldnull); _il.Emit(Il.Stfld, PendingField);
                break;
            case OpCode.RestoreException:
                _il.Emit(Il.Ldarg_1); Load(a[0]); _il.Emit(Il.Castclass, typeof(Exception)); _il.Emit(Il.Stfld, PendingField);
                RethrowUnlessObserved();
                break;
            case OpCode.ForceToken:
                _il.Emit(Il.Ldarg_1); _il.Emit(Il.Call, typeof(CilFrame).GetMethod(nameof(CilFrame.GetForceToken))!); Store(op);
                break;
            case OpCode.DebugMergePoint:
            case OpCode.QuasiimmutField:
            case OpCode.VirtualRefFinish:
            case OpCode.RecordExactClass:
            case OpCode.Keepalive:
                break;
            default:
                throw new NotSupportedException($"the cil backend cannot compile {op.Info.Name}");
        }
    }

    /// <summary>After an operation that may leave an exception pending: the next operation rethrows it unless it observes it.</summary>
    private void RethrowUnlessObserved()
    {
        if (NextObservesException) return;
        _il.Emit(Il.Ldarg_1);
        _il.Emit(Il.Call, typeof(CilFrame).GetMethod(nameof(CilFrame.ThrowIfPending))!);
    }

    private void EmitCompare(OpCode code)
    {
        // Float <=, >= and != are the negations of unordered compares, so NaN gives what C# gives.
        switch (code)
        {
            case OpCode.IntLt: case OpCode.FloatLt: _il.Emit(Il.Clt); break;
            case OpCode.IntGt: case OpCode.FloatGt: _il.Emit(Il.Cgt); break;
            case OpCode.IntEq: case OpCode.FloatEq: _il.Emit(Il.Ceq); break;
            case OpCode.IntNe: case OpCode.FloatNe: _il.Emit(Il.Ceq); Not(); break;
            case OpCode.IntLe: _il.Emit(Il.Cgt); Not(); break;
            case OpCode.IntGe: _il.Emit(Il.Clt); Not(); break;
            case OpCode.FloatLe: _il.Emit(Il.Cgt_Un); Not(); break;
            case OpCode.FloatGe: _il.Emit(Il.Clt_Un); Not(); break;
            case OpCode.UintLt: _il.Emit(Il.Clt_Un); break;
            case OpCode.UintGt: _il.Emit(Il.Cgt_Un); break;
            case OpCode.UintLe: _il.Emit(Il.Cgt_Un); Not(); break;
            case OpCode.UintGe: _il.Emit(Il.Clt_Un); Not(); break;
            default: throw new ArgumentOutOfRangeException(nameof(code));
        }
        void Not() { _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Ceq); }
    }

    private void EmitIntBinary(Operation op)
    {
        var (x, y) = (op.Args[0], op.Args[1]);
        switch (op.OpCode)
        {
            case OpCode.IntFloordiv:
            case OpCode.IntMod:
                // long.MinValue / -1 traps in .NET; the wrapped result (and remainder 0) is what the machine means.
                bool div = op.OpCode == OpCode.IntFloordiv;
                if (y is ConstInt c)
                {
                    if (c.Value == -1)
                    {
                        if (div) { Load(x); _il.Emit(Il.Neg); }
                        else _il.Emit(Il.Ldc_I8, 0L);
                    }
                    else { Load(x); Load(y); _il.Emit(div ? Il.Div : Il.Rem); }
                    Store(op);
                    return;
                }
                var general = _il.DefineLabel();
                var done = _il.DefineLabel();
                Load(y); _il.Emit(Il.Ldc_I8, -1L); _il.Emit(Il.Bne_Un, general);
                if (div) { Load(x); _il.Emit(Il.Neg); } else _il.Emit(Il.Ldc_I8, 0L);
                Store(op);
                _il.Emit(Il.Br, done);
                _il.MarkLabel(general);
                Load(x); Load(y); _il.Emit(div ? Il.Div : Il.Rem); Store(op);
                _il.MarkLabel(done);
                return;
            case OpCode.UintMulHigh:
                Load(x); Load(y); _il.Emit(Il.Call, Runtime(nameof(CilRuntime.UintMulHigh))); Store(op);
                return;
        }
        Load(x);
        Load(y);
        switch (op.OpCode)
        {
            case OpCode.IntAdd: _il.Emit(Il.Add); break;
            case OpCode.IntSub: _il.Emit(Il.Sub); break;
            case OpCode.IntMul: _il.Emit(Il.Mul); break;
            case OpCode.IntAnd: _il.Emit(Il.And); break;
            case OpCode.IntOr: _il.Emit(Il.Or); break;
            case OpCode.IntXor: _il.Emit(Il.Xor); break;
            case OpCode.UintFloordiv: _il.Emit(Il.Div_Un); break;
            case OpCode.IntLshift: case OpCode.IntRshift: case OpCode.UintRshift:
                // CIL leaves counts >= 64 unspecified; mask to 0..63 as C# (and the interp backend) do.
                _il.Emit(Il.Conv_I4); _il.Emit(Il.Ldc_I4, 63); _il.Emit(Il.And);
                _il.Emit(op.OpCode == OpCode.IntLshift ? Il.Shl : op.OpCode == OpCode.IntRshift ? Il.Shr : Il.Shr_Un);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
        Store(op);
    }

    /// <summary>The wrapped result, and the overflow flag from explicit sign tests (no exception handling in the loop).</summary>
    private void EmitIntOvf(Operation op)
    {
        var (x, y) = (op.Args[0], op.Args[1]);
        var res = _locals[op];
        switch (op.OpCode)
        {
            case OpCode.IntAddOvf:
                Load(x); Load(y); _il.Emit(Il.Add); Store(op);
                // ((x ^ r) & (y ^ r)) < 0
                Load(x); _il.Emit(Il.Ldloc, res); _il.Emit(Il.Xor);
                Load(y); _il.Emit(Il.Ldloc, res); _il.Emit(Il.Xor);
                _il.Emit(Il.And);
                break;
            case OpCode.IntSubOvf:
                Load(x); Load(y); _il.Emit(Il.Sub); Store(op);
                // ((x ^ y) & (x ^ r)) < 0
                Load(x); Load(y); _il.Emit(Il.Xor);
                Load(x); _il.Emit(Il.Ldloc, res); _il.Emit(Il.Xor);
                _il.Emit(Il.And);
                break;
            default:
                // high != (low >> 63)
                Load(x); Load(y); _il.Emit(Il.Ldloca, res);
                _il.Emit(Il.Call, typeof(Math).GetMethod(nameof(Math.BigMul), [typeof(long), typeof(long), typeof(long).MakeByRefType()])!);
                _il.Emit(Il.Ldloc, res); _il.Emit(Il.Ldc_I4, 63); _il.Emit(Il.Shr);
                _il.Emit(Il.Ceq); _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Ceq);
                _il.Emit(Il.Stloc, Overflow);
                return;
        }
        _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Conv_I8); _il.Emit(Il.Clt);
        _il.Emit(Il.Stloc, Overflow);
    }
}
