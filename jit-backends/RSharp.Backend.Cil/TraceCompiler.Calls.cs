using System.Reflection.Emit;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;
using Il = System.Reflection.Emit.OpCodes;
using OpCode = RSharp.Jit.Traces.OpCode;

namespace RSharp.Backend.Cil;

/// <summary>Calls and the conversions between trace values (long, double, object) and .NET values.</summary>
internal sealed partial class TraceCompiler
{
    /// <summary>
    /// A call, cond_call or cond_call_value. When the next operation observes the pending
    /// exception, the call sits in a try block whose handler makes the exception pending;
    /// otherwise an exception propagates out of <c>Execute</c>, which is what the interp
    /// backend does when the next operation finds an exception pending.
    /// </summary>
    private void EmitGuardedCall(Operation op)
    {
        bool guarded = NextObservesException;
        if (guarded) _il.BeginTry();
        switch (op.OpCode)
        {
            case OpCode.CondCall:
            {
                var skip = _il.DefineLabel();
                Load(op.Args[0]);
                _il.Emit(Il.Brfalse, skip);
                EmitCall(op, 1);
                _il.MarkLabel(skip);
                break;
            }
            case OpCode.CondCallValueI:
            case OpCode.CondCallValueR:
            {
                // The value itself if non-zero / non-null, else the call's result.
                var done = _il.DefineLabel();
                Load(op.Args[0]);
                Store(op);
                Load(op.Args[0]);
                _il.Emit(Il.Brtrue, done);
                EmitCall(op, 1);
                _il.MarkLabel(done);
                break;
            }
            default:
                EmitCall(op, 0);
                break;
        }
        if (guarded)
        {
            _il.BeginCatch(typeof(Exception));
            _exception ??= _il.DeclareLocal(typeof(Exception), "exception");
            _il.Emit(Il.Stloc, _exception);
            _il.Emit(Il.Ldarg_1);
            _il.Emit(Il.Ldloc, _exception);
            _il.Emit(Il.Stfld, PendingField);
            if (op.Kind != ValueKind.Void)
            {
                // Locals are shared between values: a raising call's result is zero, not a stale value.
                if (op.Kind == ValueKind.Int) _il.Emit(Il.Ldc_I8, 0L);
                else if (op.Kind == ValueKind.Float) _il.Emit(Il.Ldc_R8, 0.0);
                else _il.Emit(Il.Ldnull);
                Store(op);
            }
            _il.EndTry();
        }
    }

    /// <summary>A direct call of the descriptor's method (or its delegate's Invoke); arguments start at <paramref name="first"/>.</summary>
    private void EmitCall(Operation op, int first)
    {
        var call = (CallDescr)op.Descr!;
        var args = op.Args;
        if (call.Delegate is { } d)
            LoadPooled(d, d.GetType());
        else if (!call.Method.IsStatic)
        {
            Load(args[first++]);
            EmitReceiver(call.Method.DeclaringType!);
        }
        for (int k = 0; k < call.ParameterTypes.Count; k++)
        {
            Load(args[first + k]);
            ToNative(args[first + k].Kind, call.ParameterTypes[k]);
        }
        if (call.Delegate is { } del)
            _il.Emit(Il.Callvirt, del.GetType().GetMethod("Invoke")!);
        else if (call.Method.IsStatic || call.Method.DeclaringType!.IsValueType)
            _il.Emit(Il.Call, call.Method);
        else
            _il.Emit(Il.Callvirt, call.Method);
        if (call.ResultType == typeof(void)) return;
        if (op.Kind == ValueKind.Void) { _il.Emit(Il.Pop); return; }
        FromNative(op.Kind, call.ResultType);
        Store(op);
    }

    private void EmitCallAssembler(Operation op)
    {
        var loop = (LoopToken)op.Descr!;
        _values ??= _il.DeclareLocal(typeof(JitValues), "values");
        LoadPooled(op.Args.Select(a => a.Kind).ToArray(), typeof(ValueKind[]));
        _il.Emit(Il.Newobj, NewJitValues);
        _il.Emit(Il.Stloc, _values);
        WriteValues(op.Args);
        _il.Emit(Il.Ldarg_1);
        LoadPooled(loop, typeof(LoopToken));
        _il.Emit(Il.Ldloc, _values);
        string helper = op.Kind switch
        {
            ValueKind.Int => nameof(CilRuntime.CallAssemblerI),
            ValueKind.Float => nameof(CilRuntime.CallAssemblerF),
            ValueKind.Ref => nameof(CilRuntime.CallAssemblerR),
            _ => nameof(CilRuntime.CallAssemblerN),
        };
        _il.Emit(Il.Call, Runtime(helper));
        if (op.Kind != ValueKind.Void) Store(op);
        RethrowUnlessObserved();
    }

    /// <summary>Object on the stack -> receiver of a field or method of <paramref name="type"/>.</summary>
    private void EmitReceiver(Type type)
    {
        if (type == typeof(object)) return;
        if (type.IsValueType) _il.Emit(Il.Unbox, type);
        else _il.Emit(Il.Castclass, type);
    }

    /// <summary>
    /// Trace value on the stack -> .NET value of <paramref name="type"/>. Narrow integers are
    /// truncated as CIL conv.* does; bools are "non-zero".
    /// </summary>
    private void ToNative(ValueKind kind, Type type)
    {
        switch (kind)
        {
            case ValueKind.Int:
            {
                var t = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
                if (t == typeof(nint)) { _il.Emit(Il.Conv_I); return; }
                if (t == typeof(nuint)) { _il.Emit(Il.Conv_U); return; }
                switch (Type.GetTypeCode(t))
                {
                    case TypeCode.Boolean: _il.Emit(Il.Ldc_I4_0); _il.Emit(Il.Conv_I8); _il.Emit(Il.Cgt_Un); return;
                    case TypeCode.Char: case TypeCode.UInt16: _il.Emit(Il.Conv_U2); return;
                    case TypeCode.SByte: _il.Emit(Il.Conv_I1); return;
                    case TypeCode.Byte: _il.Emit(Il.Conv_U1); return;
                    case TypeCode.Int16: _il.Emit(Il.Conv_I2); return;
                    case TypeCode.Int32: _il.Emit(Il.Conv_I4); return;
                    case TypeCode.UInt32: _il.Emit(Il.Conv_U4); return;
                    case TypeCode.Int64: case TypeCode.UInt64: return;
                    // An int passed where an object is expected is a boxed long.
                    default: _il.Emit(Il.Box, typeof(long)); return;
                }
            }
            case ValueKind.Float:
                if (type == typeof(float)) _il.Emit(Il.Conv_R4);
                else if (type != typeof(double)) _il.Emit(Il.Box, typeof(double));
                return;
            default:
                if (type == typeof(object)) return;
                if (type.IsValueType) _il.Emit(Il.Unbox_Any, type);
                else _il.Emit(Il.Castclass, type);
                return;
        }
    }

    /// <summary>.NET value of <paramref name="type"/> on the stack -> trace value of <paramref name="kind"/> (widening as the type's signedness says).</summary>
    private void FromNative(ValueKind kind, Type type)
    {
        switch (kind)
        {
            case ValueKind.Int:
            {
                var t = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
                if (t == typeof(nint)) { _il.Emit(Il.Conv_I8); return; }
                if (t == typeof(nuint)) { _il.Emit(Il.Conv_U8); return; }
                switch (Type.GetTypeCode(t))
                {
                    case TypeCode.Boolean: case TypeCode.Char: case TypeCode.Byte:
                    case TypeCode.UInt16: case TypeCode.UInt32:
                        _il.Emit(Il.Conv_U8); return;
                    case TypeCode.SByte: case TypeCode.Int16: case TypeCode.Int32:
                        _il.Emit(Il.Conv_I8); return;
                    case TypeCode.Int64: case TypeCode.UInt64: return;
                    default: _il.Emit(Il.Call, typeof(ValueKinds).GetMethod(nameof(ValueKinds.ToInt))!); return;
                }
            }
            case ValueKind.Float:
                if (type == typeof(float)) _il.Emit(Il.Conv_R8);
                else if (type != typeof(double)) _il.Emit(Il.Call, typeof(ValueKinds).GetMethod(nameof(ValueKinds.ToFloat))!);
                return;
            default:
                if (type.IsValueType) _il.Emit(Il.Box, type);
                return;
        }
    }
}
