using Mono.Cecil;
using Mono.Cecil.Cil;
using RSharp.Flow.Model;

namespace RSharp.Flow;

/// <summary>Translation of each IL instruction into operations on the abstract stack.</summary>
internal sealed partial class GraphBuilder
{
    private Value Pop()
    {
        if (_state.Stack.Count == 0) throw new GraphBuildException("stack underflow", _method.FullName + " IL_" + _offset.ToString("x4"));
        var v = _state.Stack[^1];
        _state.Stack.RemoveAt(_state.Stack.Count - 1);
        return v;
    }

    private void Push(Value? v)
    {
        if (v is not null) _state.Stack.Add(v);
    }

    private Constant Desc(object member) => Constant.Descriptor(member);

    private TypeReference TypeOfKind(ValueKind kind) => kind switch
    {
        ValueKind.Int32 => _module.TypeSystem.Int32,
        ValueKind.Int64 => _module.TypeSystem.Int64,
        ValueKind.NativeInt => _module.TypeSystem.IntPtr,
        ValueKind.Float32 => _module.TypeSystem.Single,
        ValueKind.Float64 => _module.TypeSystem.Double,
        _ => _module.TypeSystem.Object,
    };

    private TypeReference CoreType(string name, bool valueType) =>
        new(name.Substring(0, name.LastIndexOf('.')), name.Substring(name.LastIndexOf('.') + 1), _module, _module.TypeSystem.CoreLibrary, valueType);

    private static bool IsNumeric(ValueKind k) => k is ValueKind.Int32 or ValueKind.Int64 or ValueKind.NativeInt or ValueKind.Float32 or ValueKind.Float64;

    /// <summary>Implicit conversions IL allows when storing (int32 &lt;-&gt; native int, float32 &lt;-&gt; float64).</summary>
    private Value Coerce(Value v, ValueKind target)
    {
        if (v.Kind == target || !IsNumeric(v.Kind) || !IsNumeric(target)) return v;
        var name = "cast_" + OpNames.CastSource(v.Kind) + "_to_" + CastTargetOf(target);
        return EmitRaw(name, target, TypeOfKind(target), v)!;
    }

    private static string CastTargetOf(ValueKind k) => k switch
    {
        ValueKind.Int32 => "int32",
        ValueKind.Int64 => "int64",
        ValueKind.NativeInt => "nint",
        ValueKind.Float32 => "float32",
        _ => "float64",
    };

    private string Where => _method.FullName + " IL_" + _offset.ToString("x4");

    /// <summary>Translates one instruction; returns true if it ended the current block.</summary>
    private bool TranslateInstruction(Instruction ins)
    {
        var code = ins.OpCode.Code;
        switch (code)
        {
            case Code.Nop: case Code.Readonly: case Code.Tail: case Code.Volatile: case Code.Unaligned: case Code.No:
                return false;
            case Code.Constrained:
                _constrained = _ctx.Inflate((TypeReference)ins.Operand);
                return false;
            case Code.Break:
                EmitRaw(OpNames.DebugBreak, ValueKind.Void, null);
                return false;

            // ---- arguments and locals
            case Code.Ldarg_0: LoadArg(0); return false;
            case Code.Ldarg_1: LoadArg(1); return false;
            case Code.Ldarg_2: LoadArg(2); return false;
            case Code.Ldarg_3: LoadArg(3); return false;
            case Code.Ldarg: case Code.Ldarg_S: LoadArg(ArgIndex((ParameterDefinition)ins.Operand)); return false;
            case Code.Starg: case Code.Starg_S: StoreArg(ArgIndex((ParameterDefinition)ins.Operand)); return false;
            case Code.Ldarga: case Code.Ldarga_S: Push(_state.Args[ArgIndex((ParameterDefinition)ins.Operand)]); return false;
            case Code.Ldloc_0: LoadLocal(0); return false;
            case Code.Ldloc_1: LoadLocal(1); return false;
            case Code.Ldloc_2: LoadLocal(2); return false;
            case Code.Ldloc_3: LoadLocal(3); return false;
            case Code.Ldloc: case Code.Ldloc_S: LoadLocal(((VariableDefinition)ins.Operand).Index); return false;
            case Code.Stloc_0: StoreLocal(0); return false;
            case Code.Stloc_1: StoreLocal(1); return false;
            case Code.Stloc_2: StoreLocal(2); return false;
            case Code.Stloc_3: StoreLocal(3); return false;
            case Code.Stloc: case Code.Stloc_S: StoreLocal(((VariableDefinition)ins.Operand).Index); return false;
            case Code.Ldloca: case Code.Ldloca_S: Push(_state.Locals[((VariableDefinition)ins.Operand).Index]); return false;

            // ---- constants
            case Code.Ldnull: Push(new Constant(null, ValueKind.Ref, _module.TypeSystem.Object)); return false;
            case Code.Ldc_I4_M1: PushInt(-1); return false;
            case Code.Ldc_I4_0: PushInt(0); return false;
            case Code.Ldc_I4_1: PushInt(1); return false;
            case Code.Ldc_I4_2: PushInt(2); return false;
            case Code.Ldc_I4_3: PushInt(3); return false;
            case Code.Ldc_I4_4: PushInt(4); return false;
            case Code.Ldc_I4_5: PushInt(5); return false;
            case Code.Ldc_I4_6: PushInt(6); return false;
            case Code.Ldc_I4_7: PushInt(7); return false;
            case Code.Ldc_I4_8: PushInt(8); return false;
            case Code.Ldc_I4_S: PushInt((sbyte)ins.Operand); return false;
            case Code.Ldc_I4: PushInt((int)ins.Operand); return false;
            case Code.Ldc_I8: Push(new Constant((long)ins.Operand, ValueKind.Int64, _module.TypeSystem.Int64)); return false;
            case Code.Ldc_R4: Push(new Constant((float)ins.Operand, ValueKind.Float32, _module.TypeSystem.Single)); return false;
            case Code.Ldc_R8: Push(new Constant((double)ins.Operand, ValueKind.Float64, _module.TypeSystem.Double)); return false;
            case Code.Ldstr: Push(new Constant((string)ins.Operand, ValueKind.Ref, _module.TypeSystem.String)); return false;

            // ---- stack
            case Code.Dup: { var v = Pop(); Push(v); Push(v); return false; }
            case Code.Pop: Pop(); return false;

            // ---- arithmetic
            case Code.Add: Binary("add", false, false); return false;
            case Code.Sub: Binary("sub", false, false); return false;
            case Code.Mul: Binary("mul", false, false); return false;
            case Code.Div: Binary("div", false, false); return false;
            case Code.Div_Un: Binary("div", true, false); return false;
            case Code.Rem: Binary("mod", false, false); return false;
            case Code.Rem_Un: Binary("mod", true, false); return false;
            case Code.And: Binary("and", false, false); return false;
            case Code.Or: Binary("or", false, false); return false;
            case Code.Xor: Binary("xor", false, false); return false;
            case Code.Shl: Binary("lshift", false, false); return false;
            case Code.Shr: Binary("rshift", false, false); return false;
            case Code.Shr_Un: Binary("rshift", true, false); return false;
            case Code.Add_Ovf: Binary("add", false, true); return false;
            case Code.Add_Ovf_Un: Binary("add", true, true); return false;
            case Code.Sub_Ovf: Binary("sub", false, true); return false;
            case Code.Sub_Ovf_Un: Binary("sub", true, true); return false;
            case Code.Mul_Ovf: Binary("mul", false, true); return false;
            case Code.Mul_Ovf_Un: Binary("mul", true, true); return false;
            case Code.Neg: Unary("neg"); return false;
            case Code.Not: Unary("invert"); return false;
            case Code.Ckfinite: { var v = Pop(); Push(Emit(OpNames.CkFinite, v.Kind, v.Type, v)); return false; }

            // ---- comparisons
            case Code.Ceq: { var b = Pop(); var a = Pop(); Push(Compare("eq", false, a, b)); return false; }
            case Code.Cgt: { var b = Pop(); var a = Pop(); Push(Compare("gt", false, a, b)); return false; }
            case Code.Cgt_Un: { var b = Pop(); var a = Pop(); Push(Compare("gt", true, a, b)); return false; }
            case Code.Clt: { var b = Pop(); var a = Pop(); Push(Compare("lt", false, a, b)); return false; }
            case Code.Clt_Un: { var b = Pop(); var a = Pop(); Push(Compare("lt", true, a, b)); return false; }

            // ---- conversions
            case Code.Conv_I1: Convert("int8", false, false); return false;
            case Code.Conv_U1: Convert("uint8", false, false); return false;
            case Code.Conv_I2: Convert("int16", false, false); return false;
            case Code.Conv_U2: Convert("uint16", false, false); return false;
            case Code.Conv_I4: Convert("int32", false, false); return false;
            case Code.Conv_U4: Convert("uint32", false, false); return false;
            case Code.Conv_I8: Convert("int64", false, false); return false;
            case Code.Conv_U8: Convert("uint64", false, false); return false;
            case Code.Conv_I: Convert("nint", false, false); return false;
            case Code.Conv_U: Convert("unint", false, false); return false;
            case Code.Conv_R4: Convert("float32", false, false); return false;
            case Code.Conv_R8: Convert("float64", false, false); return false;
            case Code.Conv_R_Un: Convert("float64", false, true); return false;
            case Code.Conv_Ovf_I1: Convert("int8", true, false); return false;
            case Code.Conv_Ovf_U1: Convert("uint8", true, false); return false;
            case Code.Conv_Ovf_I2: Convert("int16", true, false); return false;
            case Code.Conv_Ovf_U2: Convert("uint16", true, false); return false;
            case Code.Conv_Ovf_I4: Convert("int32", true, false); return false;
            case Code.Conv_Ovf_U4: Convert("uint32", true, false); return false;
            case Code.Conv_Ovf_I8: Convert("int64", true, false); return false;
            case Code.Conv_Ovf_U8: Convert("uint64", true, false); return false;
            case Code.Conv_Ovf_I: Convert("nint", true, false); return false;
            case Code.Conv_Ovf_U: Convert("unint", true, false); return false;
            case Code.Conv_Ovf_I1_Un: Convert("int8", true, true); return false;
            case Code.Conv_Ovf_U1_Un: Convert("uint8", true, true); return false;
            case Code.Conv_Ovf_I2_Un: Convert("int16", true, true); return false;
            case Code.Conv_Ovf_U2_Un: Convert("uint16", true, true); return false;
            case Code.Conv_Ovf_I4_Un: Convert("int32", true, true); return false;
            case Code.Conv_Ovf_U4_Un: Convert("uint32", true, true); return false;
            case Code.Conv_Ovf_I8_Un: Convert("int64", true, true); return false;
            case Code.Conv_Ovf_U8_Un: Convert("uint64", true, true); return false;
            case Code.Conv_Ovf_I_Un: Convert("nint", true, true); return false;
            case Code.Conv_Ovf_U_Un: Convert("unint", true, true); return false;

            // ---- branches
            case Code.Br: case Code.Br_S:
                _cur.CloseWith(LinkTo(_cur, _state, ((Instruction)ins.Operand).Offset, null));
                return true;
            case Code.Brtrue: case Code.Brtrue_S: CondBranch(IsTrue(Pop()), ins, true); return true;
            case Code.Brfalse: case Code.Brfalse_S: CondBranch(IsTrue(Pop()), ins, false); return true;
            case Code.Beq: case Code.Beq_S: CompareBranch("eq", false, ins); return true;
            case Code.Bne_Un: case Code.Bne_Un_S: CompareBranch("ne", false, ins); return true;
            case Code.Bge: case Code.Bge_S: CompareBranch("ge", false, ins); return true;
            case Code.Bge_Un: case Code.Bge_Un_S: CompareBranch("ge", true, ins); return true;
            case Code.Bgt: case Code.Bgt_S: CompareBranch("gt", false, ins); return true;
            case Code.Bgt_Un: case Code.Bgt_Un_S: CompareBranch("gt", true, ins); return true;
            case Code.Ble: case Code.Ble_S: CompareBranch("le", false, ins); return true;
            case Code.Ble_Un: case Code.Ble_Un_S: CompareBranch("le", true, ins); return true;
            case Code.Blt: case Code.Blt_S: CompareBranch("lt", false, ins); return true;
            case Code.Blt_Un: case Code.Blt_Un_S: CompareBranch("lt", true, ins); return true;
            case Code.Switch: IntSwitch((Instruction[])ins.Operand); return true;
            case Code.Ret: Return(); return true;
            case Code.Throw: EmitThrow(Pop()); return true;
            case Code.Rethrow: EmitRethrow(); return true;
            case Code.Leave: case Code.Leave_S: EmitLeave(((Instruction)ins.Operand).Offset); return true;
            case Code.Endfinally: EmitEndFinally(); return true;
            case Code.Endfilter: EmitEndFilter(Pop()); return true;

            // ---- calls
            case Code.Call: Call((MethodReference)ins.Operand, false); return false;
            case Code.Callvirt: Call((MethodReference)ins.Operand, true); return false;
            case Code.Calli: IndirectCall((CallSite)ins.Operand); return false;
            case Code.Newobj: NewObject((MethodReference)ins.Operand); return false;
            case Code.Ldftn:
                Push(EmitRaw(OpNames.Ldftn, ValueKind.NativeInt, _module.TypeSystem.IntPtr, Desc(_ctx.Inflate((MethodReference)ins.Operand))));
                return false;
            case Code.Ldvirtftn:
            {
                var obj = Pop();
                Push(Emit(OpNames.Ldvirtftn, ValueKind.NativeInt, _module.TypeSystem.IntPtr, Desc(_ctx.Inflate((MethodReference)ins.Operand)), obj));
                return false;
            }

            // ---- fields
            case Code.Ldfld:
            {
                var f = _ctx.Inflate((FieldReference)ins.Operand);
                var ft = GenericContext.FieldTypeOf(f);
                var obj = Pop();
                Push(Emit(OpNames.GetField, TypeKinds.KindOf(ft), ft, obj, Desc(f)));
                return false;
            }
            case Code.Ldflda:
            {
                var f = _ctx.Inflate((FieldReference)ins.Operand);
                var obj = Pop();
                Push(Emit(OpNames.FieldAddr, ValueKind.ManagedPointer, new ByReferenceType(GenericContext.FieldTypeOf(f)), obj, Desc(f)));
                return false;
            }
            case Code.Stfld:
            {
                var f = _ctx.Inflate((FieldReference)ins.Operand);
                var v = Pop();
                var obj = Pop();
                Emit(OpNames.SetField, ValueKind.Void, null, obj, Desc(f), v);
                return false;
            }
            case Code.Ldsfld:
            {
                var f = _ctx.Inflate((FieldReference)ins.Operand);
                var ft = GenericContext.FieldTypeOf(f);
                Push(EmitRaw(OpNames.GetStaticField, TypeKinds.KindOf(ft), ft, Desc(f)));
                return false;
            }
            case Code.Ldsflda:
            {
                var f = _ctx.Inflate((FieldReference)ins.Operand);
                Push(EmitRaw(OpNames.StaticFieldAddr, ValueKind.ManagedPointer, new ByReferenceType(GenericContext.FieldTypeOf(f)), Desc(f)));
                return false;
            }
            case Code.Stsfld:
            {
                var f = _ctx.Inflate((FieldReference)ins.Operand);
                EmitRaw(OpNames.SetStaticField, ValueKind.Void, null, Desc(f), Pop());
                return false;
            }

            // ---- arrays
            case Code.Newarr:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                var n = Pop();
                Push(Emit(OpNames.NewArray, ValueKind.Ref, new ArrayType(t), Desc(t), n));
                return false;
            }
            case Code.Ldlen: Push(Emit(OpNames.ArrayLen, ValueKind.NativeInt, _module.TypeSystem.IntPtr, Pop())); return false;
            case Code.Ldelema:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                var idx = Pop();
                var arr = Pop();
                Push(Emit(OpNames.ArrayItemAddr, ValueKind.ManagedPointer, new ByReferenceType(t), arr, idx, Desc(t)));
                return false;
            }
            case Code.Ldelem_I1: LoadElem(_module.TypeSystem.SByte); return false;
            case Code.Ldelem_U1: LoadElem(_module.TypeSystem.Byte); return false;
            case Code.Ldelem_I2: LoadElem(_module.TypeSystem.Int16); return false;
            case Code.Ldelem_U2: LoadElem(_module.TypeSystem.UInt16); return false;
            case Code.Ldelem_I4: LoadElem(_module.TypeSystem.Int32); return false;
            case Code.Ldelem_U4: LoadElem(_module.TypeSystem.UInt32); return false;
            case Code.Ldelem_I8: LoadElem(_module.TypeSystem.Int64); return false;
            case Code.Ldelem_I: LoadElem(_module.TypeSystem.IntPtr); return false;
            case Code.Ldelem_R4: LoadElem(_module.TypeSystem.Single); return false;
            case Code.Ldelem_R8: LoadElem(_module.TypeSystem.Double); return false;
            case Code.Ldelem_Ref: LoadElem(null); return false;
            case Code.Ldelem_Any: LoadElem(_ctx.Inflate((TypeReference)ins.Operand)); return false;
            case Code.Stelem_I: case Code.Stelem_I1: case Code.Stelem_I2: case Code.Stelem_I4: case Code.Stelem_I8:
            case Code.Stelem_R4: case Code.Stelem_R8: case Code.Stelem_Ref: case Code.Stelem_Any:
            {
                var v = Pop();
                var idx = Pop();
                var arr = Pop();
                Emit(OpNames.SetArrayItem, ValueKind.Void, null, arr, idx, v);
                return false;
            }

            // ---- indirect access
            case Code.Ldind_I1: LoadInd(_module.TypeSystem.SByte); return false;
            case Code.Ldind_U1: LoadInd(_module.TypeSystem.Byte); return false;
            case Code.Ldind_I2: LoadInd(_module.TypeSystem.Int16); return false;
            case Code.Ldind_U2: LoadInd(_module.TypeSystem.UInt16); return false;
            case Code.Ldind_I4: LoadInd(_module.TypeSystem.Int32); return false;
            case Code.Ldind_U4: LoadInd(_module.TypeSystem.UInt32); return false;
            case Code.Ldind_I8: LoadInd(_module.TypeSystem.Int64); return false;
            case Code.Ldind_I: LoadInd(_module.TypeSystem.IntPtr); return false;
            case Code.Ldind_R4: LoadInd(_module.TypeSystem.Single); return false;
            case Code.Ldind_R8: LoadInd(_module.TypeSystem.Double); return false;
            case Code.Ldind_Ref: LoadInd(null); return false;
            case Code.Ldobj: LoadInd(_ctx.Inflate((TypeReference)ins.Operand)); return false;
            case Code.Stind_I1: StoreInd(_module.TypeSystem.SByte); return false;
            case Code.Stind_I2: StoreInd(_module.TypeSystem.Int16); return false;
            case Code.Stind_I4: StoreInd(_module.TypeSystem.Int32); return false;
            case Code.Stind_I8: StoreInd(_module.TypeSystem.Int64); return false;
            case Code.Stind_I: StoreInd(_module.TypeSystem.IntPtr); return false;
            case Code.Stind_R4: StoreInd(_module.TypeSystem.Single); return false;
            case Code.Stind_R8: StoreInd(_module.TypeSystem.Double); return false;
            case Code.Stind_Ref: StoreInd(_module.TypeSystem.Object); return false;
            case Code.Stobj: StoreInd(_ctx.Inflate((TypeReference)ins.Operand)); return false;
            case Code.Cpobj:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                var src = Pop();
                var dst = Pop();
                Emit(OpNames.CopyPointer, ValueKind.Void, null, dst, src, Desc(t));
                return false;
            }
            case Code.Initobj:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                Emit(OpNames.ZeroPointer, ValueKind.Void, null, Pop(), Desc(t));
                return false;
            }
            case Code.Cpblk: { var n = Pop(); var src = Pop(); var dst = Pop(); Emit(OpNames.CpBlk, ValueKind.Void, null, dst, src, n); return false; }
            case Code.Initblk: { var n = Pop(); var val = Pop(); var dst = Pop(); Emit(OpNames.InitBlk, ValueKind.Void, null, dst, val, n); return false; }
            case Code.Localloc: Push(Emit(OpNames.LocAlloc, ValueKind.NativeInt, _module.TypeSystem.IntPtr, Pop())); return false;

            // ---- objects and types
            case Code.Box:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                var v = Pop();
                var k = TypeKinds.KindOf(t);
                Push(k == ValueKind.Ref ? v : EmitRaw(OpNames.Box, ValueKind.Ref, t, Desc(t), v));
                return false;
            }
            case Code.Unbox:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                Push(Emit(OpNames.Unbox, ValueKind.ManagedPointer, new ByReferenceType(t), Desc(t), Pop()));
                return false;
            }
            case Code.Unbox_Any:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                var k = TypeKinds.KindOf(t);
                Push(k == ValueKind.Ref
                    ? Emit(OpNames.CastClass, ValueKind.Ref, t, Desc(t), Pop())
                    : Emit(OpNames.UnboxAny, k, t, Desc(t), Pop()));
                return false;
            }
            case Code.Isinst:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                var rt = TypeKinds.KindOf(t) == ValueKind.Ref ? t : _module.TypeSystem.Object;
                Push(EmitRaw(OpNames.IsInst, ValueKind.Ref, rt, Desc(t), Pop()));
                return false;
            }
            case Code.Castclass:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                var rt = TypeKinds.KindOf(t) == ValueKind.Ref ? t : _module.TypeSystem.Object;
                Push(Emit(OpNames.CastClass, ValueKind.Ref, rt, Desc(t), Pop()));
                return false;
            }
            case Code.Ldtoken:
            {
                object token = ins.Operand switch
                {
                    TypeReference t => _ctx.Inflate(t),
                    MethodReference m => _ctx.Inflate(m),
                    FieldReference f => _ctx.Inflate(f),
                    var o => o,
                };
                var handle = token switch
                {
                    TypeReference => "System.RuntimeTypeHandle",
                    MethodReference => "System.RuntimeMethodHandle",
                    _ => "System.RuntimeFieldHandle",
                };
                Push(EmitRaw(OpNames.LdToken, ValueKind.ValueType, CoreType(handle, true), Desc(token)));
                return false;
            }
            case Code.Sizeof:
                Push(EmitRaw(OpNames.SizeOf, ValueKind.Int32, _module.TypeSystem.Int32, Desc(_ctx.Inflate((TypeReference)ins.Operand))));
                return false;
            case Code.Mkrefany:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                Push(EmitRaw(OpNames.MkRefAny, ValueKind.ValueType, _module.TypeSystem.TypedReference, Desc(t), Pop()));
                return false;
            }
            case Code.Refanyval:
            {
                var t = _ctx.Inflate((TypeReference)ins.Operand);
                Push(Emit(OpNames.RefAnyVal, ValueKind.ManagedPointer, new ByReferenceType(t), Desc(t), Pop()));
                return false;
            }
            case Code.Refanytype:
                Push(EmitRaw(OpNames.RefAnyType, ValueKind.ValueType, CoreType("System.RuntimeTypeHandle", true), Pop()));
                return false;
            case Code.Arglist:
                Push(EmitRaw(OpNames.ArgList, ValueKind.ValueType, CoreType("System.RuntimeArgumentHandle", true)));
                return false;
            default:
                throw new GraphBuildException("unsupported opcode " + ins.OpCode.Name, Where);
        }
    }
}
