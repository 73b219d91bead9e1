using System.Reflection;
using System.Runtime.CompilerServices;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

internal sealed partial class Tracer
{
    private static OpCode ByKind(ValueKind k, OpCode i, OpCode r, OpCode f) => k switch { ValueKind.Int => i, ValueKind.Ref => r, _ => f };

    private static char BankOf(ValueKind k) => k switch { ValueKind.Int => 'i', ValueKind.Ref => 'r', _ => 'f' };

    /// <summary>Heap, string and type instructions. False if the instruction is not one of them.</summary>
    private bool Heap(TraceFrame f, InstructionDef def, int p)
    {
        var j = f.JitCode;
        var code = j.Code;
        Descr D(int at) => j.Descrs[code[at] | (code[at + 1] << 8)];
        TraceValue B(char bank, int reg) => f.Box(bank, reg) ?? throw new AbortTrace("read of an unset register");
        string name = def.Name;
        char last = name[^1];
        if (_vable is not null && VableAccess(f, name, p)) return true;
        switch (name)
        {
            case "getfield_i" or "getfield_r" or "getfield_f":
            {
                var fd = _mi.CanonicalField((FieldDescr)D(p + 1));
                var obj = f.R[code[p]];
                var ob = B('r', code[p]);
                RequireNonNull(ob, obj);
                var v = fd.Field.GetValue(obj);
                TraceValue box = ob is Const && (fd.IsImmutable || QuasiImmutRead(fd, obj!, ob, v))
                    ? ConstOf(last, v)
                    : Record(fd.IsImmutable
                        ? ByKind(KindOf(last), OpCode.GetfieldGcPureI, OpCode.GetfieldGcPureR, OpCode.GetfieldGcPureF)
                        : ByKind(KindOf(last), OpCode.GetfieldGcI, OpCode.GetfieldGcR, OpCode.GetfieldGcF), [ob], fd);
                if (box is Operation) box = Loaded(box, fd.FieldType);
                f.Set(last, code[p + 3], v, box);
                f.Pc = p + 4;
                return true;
            }
            case "setfield_i" or "setfield_r" or "setfield_f":
            {
                var fd = _mi.CanonicalField((FieldDescr)D(p + 2));
                var obj = f.R[code[p]];
                var ob = B('r', code[p]);
                RequireNonNull(ob, obj);
                var vb = B(last, code[p + 1]);
                fd.Field.SetValue(obj, BlackholeValues.ToStorage(last, last == 'i' ? f.I[code[p + 1]] : 0,
                    last == 'f' ? f.F[code[p + 1]] : 0, last == 'r' ? f.R[code[p + 1]] : null, fd.FieldType));
                Record(OpCode.SetfieldGc, [ob, vb], fd);
                QuasiImmutWrite(fd, obj!, ob);
                f.Pc = p + 4;
                return true;
            }
            case "getstatic_i" or "getstatic_r" or "getstatic_f":
            {
                var sd = (StaticFieldDescr)D(p);
                var v = sd.Field.GetValue(null);
                TraceValue box = sd.Field.IsInitOnly || sd.Field.IsLiteral || IsDelegateCache(sd.Field, v)
                    ? ConstOf(last, v)
                    : Record(ByKind(KindOf(last), OpCode.CallI, OpCode.CallR, OpCode.CallF), [], _mi.StaticGetter(sd, last));
                f.Set(last, code[p + 2], v, box);
                f.Pc = p + 3;
                return true;
            }
            case "setstatic_i" or "setstatic_r" or "setstatic_f":
            {
                var sd = (StaticFieldDescr)D(p + 1);
                int r = code[p];
                sd.Field.SetValue(null, BlackholeValues.ToStorage(last, last == 'i' ? f.I[r] : 0, last == 'f' ? f.F[r] : 0,
                    last == 'r' ? f.R[r] : null, sd.Field.FieldType));
                Record(OpCode.CallN, [B(last, r)], _mi.StaticSetter(sd, last));
                f.Pc = p + 3;
                return true;
            }
            case "getarrayitem_i" or "getarrayitem_r" or "getarrayitem_f":
            {
                var ad = _mi.CanonicalArray((ArrayDescr)D(p + 2));
                var (arr, ab, idx, ib) = ArrayAccess(f, code[p], code[p + 1]);
                object? v = arr.GetValue(idx);
                TraceValue box = ab is Const && ib is Const && ad.IsImmutable
                    ? ConstOf(last, v)
                    : Record(ad.IsImmutable
                        ? ByKind(KindOf(last), OpCode.GetarrayitemGcPureI, OpCode.GetarrayitemGcPureR, OpCode.GetarrayitemGcPureF)
                        : ByKind(KindOf(last), OpCode.GetarrayitemGcI, OpCode.GetarrayitemGcR, OpCode.GetarrayitemGcF), [ab, ib], ad);
                if (box is Operation) box = Loaded(box, arr.GetType().GetElementType()!);
                f.Set(last, code[p + 4], v, box);
                f.Pc = p + 5;
                return true;
            }
            case "setarrayitem_i" or "setarrayitem_r" or "setarrayitem_f":
            {
                var ad = _mi.CanonicalArray((ArrayDescr)D(p + 3));
                int vr = code[p + 2];
                var vb = B(last, vr);
                var (arr, ab, idx, ib) = ArrayAccess(f, code[p], code[p + 1]);
                var stored = BlackholeValues.ToStorage(last, last == 'i' ? f.I[vr] : 0, last == 'f' ? f.F[vr] : 0,
                    last == 'r' ? f.R[vr] : null, arr.GetType().GetElementType()!);
                if (last == 'r' && stored is not null && !arr.GetType().GetElementType()!.IsInstanceOfType(stored))
                    throw new AbortTrace("array store of a mismatched type");
                arr.SetValue(stored, idx);
                Record(OpCode.SetarrayitemGc, [ab, ib, vb], ad);
                f.Pc = p + 5;
                return true;
            }
            case "arraylen":
            {
                var arr = f.R[code[p]] as Array;
                var ab = B('r', code[p]);
                RequireNonNull(ab, arr);
                f.Set('i', code[p + 1], (long)arr!.Length, ab is Const ? new ConstInt(arr.Length)
                    : Record(OpCode.ArraylenGc, [ab], _mi.ArrayDescrOf(arr.GetType().GetElementType()!)));
                f.Pc = p + 2;
                return true;
            }
            case "new_array":
            {
                var ad = (ArrayDescr)D(p + 1);
                long len = f.I[code[p]];
                var lb = B('i', code[p]);
                if (len < 0 || len > int.MaxValue) throw new AbortTrace("bad array length while tracing");
                if (lb is not Const) Guard(OpCode.GuardTrue, [Op(OpCode.IntGe, lb, new ConstInt(0))]);
                var arr = Array.CreateInstance(ad.ElementType, (int)len);
                var op = Record(OpCode.NewArrayClear, [lb], ad);
                Know(op, arr.GetType());
                f.Set('r', code[p + 3], arr, op);
                f.Pc = p + 4;
                return true;
            }
            case "new":
            {
                var td = (TypeDescr)D(p);
                var obj = RuntimeHelpers.GetUninitializedObject(td.Type);
                var op = Record(OpCode.NewWithVtable, [], td);
                Know(op, td.Type);
                f.Set('r', code[p + 2], obj, op);
                f.Pc = p + 3;
                return true;
            }
            case "strlen":
            {
                if (f.R[code[p]] is not string s) throw new AbortTrace("strlen of null while tracing");
                var sb = B('r', code[p]);
                f.Set('i', code[p + 1], (long)s.Length, sb is Const ? new ConstInt(s.Length) : Record(OpCode.Strlen, [sb]));
                f.Pc = p + 2;
                return true;
            }
            case "strgetitem":
            {
                if (f.R[code[p]] is not string s) throw new AbortTrace("strgetitem of null while tracing");
                var sb = B('r', code[p]);
                long i = f.I[code[p + 1]];
                var ib = B('i', code[p + 1]);
                if (i < 0 || i >= s.Length) throw new AbortTrace("string index out of range while tracing");
                TraceValue box;
                if (sb is Const && ib is Const) box = new ConstInt(s[(int)i]);
                else
                {
                    RequireNonNull(sb, s);
                    TraceValue len = sb is Const ? new ConstInt(s.Length) : Record(OpCode.Strlen, [sb]);
                    Guard(OpCode.GuardTrue, [Op(OpCode.UintLt, ib, len)]);
                    box = Record(OpCode.Strgetitem, [sb, ib]);
                }
                f.Set('i', code[p + 2], (long)s[(int)i], box);
                f.Pc = p + 3;
                return true;
            }
            case "str_eq" or "str_concat":
            {
                var a = (string?)f.R[code[p]];
                var b = (string?)f.R[code[p + 1]];
                var boxes = new[] { B('r', code[p]), B('r', code[p + 1]) };
                if (name == "str_eq")
                {
                    long eq = string.Equals(a, b) ? 1 : 0;
                    f.Set('i', code[p + 2], eq, boxes.All(x => x is Const) ? new ConstInt(eq) : Record(OpCode.CallPureI, boxes, _mi.Helper("str_eq")));
                }
                else
                {
                    var r = string.Concat(a, b);
                    var op = Record(OpCode.CallR, boxes, _mi.Helper("str_concat"));
                    Know(op, typeof(string));
                    f.Set('r', code[p + 2], r, op);
                }
                f.Pc = p + 3;
                return true;
            }
            case "instanceof" or "isinst":
            {
                var t = ((TypeDescr)D(p + 1)).Type;
                var o = f.R[code[p]];
                var ob = B('r', code[p]);
                bool yes = t.IsInstanceOfType(o);
                bool known = ob is Const || (_classes.TryGetValue(ob, out _) && o is not null);
                if (name == "instanceof")
                    f.Set('i', code[p + 3], yes ? 1L : 0L, known ? new ConstInt(yes ? 1 : 0) : Record(OpCode.CallPureI, [ob], _mi.InstanceOfDescr(t)));
                else
                    f.Set('r', code[p + 3], yes ? o : null, known ? (yes ? ob : ConstNull.Instance) : Record(OpCode.CallPureR, [ob], _mi.IsInstDescr(t)));
                f.Pc = p + 4;
                return true;
            }
            case "castclass":
            {
                var t = ((TypeDescr)D(p + 1)).Type;
                var o = f.R[code[p]];
                var ob = B('r', code[p]);
                if (o is not null && !t.IsInstanceOfType(o)) throw new AbortTrace("castclass fails while tracing");
                if (o is null)
                {
                    if (ob is not Const) Guard(OpCode.GuardIsnull, [ob]);
                    f.Set('r', code[p + 3], null, ConstNull.Instance);
                }
                else
                {
                    if (ob is not Const && !_classes.ContainsKey(ob))
                    {
                        Guard(OpCode.GuardNonnullClass, [ob], _mi.TypeDescrOf(o.GetType()));
                        Know(ob, o.GetType());
                    }
                    f.Set('r', code[p + 3], o, ob);
                }
                f.Pc = p + 4;
                return true;
            }
            case "box_i" or "box_f":
            {
                var t = ((TypeDescr)D(p + 1)).Type;
                var vb = B(last, code[p]);
                object boxed = last == 'i' ? BlackholeValues.FromInt(f.I[code[p]], t) : BlackholeValues.FromFloat(f.F[code[p]], t);
                var op = Record(OpCode.CallR, [vb], _mi.BoxDescr(t, last));
                Know(op, boxed.GetType());
                f.Set('r', code[p + 3], boxed, op);
                f.Pc = p + 4;
                return true;
            }
            case "unbox_i" or "unbox_f":
            {
                var t = ((TypeDescr)D(p + 1)).Type;
                var o = f.R[code[p]];
                var ob = B('r', code[p]);
                object? v;
                try { v = BlackholeValues.Cast(o, t); }
                catch (Exception) { throw new AbortTrace("unbox fails while tracing"); }
                if (ob is not Const && !_classes.ContainsKey(ob))
                {
                    Guard(OpCode.GuardNonnullClass, [ob], _mi.TypeDescrOf(o!.GetType()));
                    Know(ob, o.GetType());
                }
                TraceValue box = ob is Const ? ConstOf(last, v) : Record(last == 'i' ? OpCode.CallPureI : OpCode.CallPureF, [ob], _mi.UnboxDescr(last));
                f.Set(last, code[p + 3], v, box);
                f.Pc = p + 4;
                return true;
            }
        }
        return false;
    }

    /// <summary>Checks an array access (non-null, index in bounds) with guards; concrete failures abort.</summary>
    private (Array Arr, TraceValue ArrBox, int Index, TraceValue IndexBox) ArrayAccess(TraceFrame f, int arrReg, int idxReg)
    {
        var arr = f.R[arrReg] as Array;
        var ab = f.BR[arrReg] ?? throw new AbortTrace("read of an unset register");
        long idx = f.I[idxReg];
        var ib = f.BI[idxReg] ?? throw new AbortTrace("read of an unset register");
        RequireNonNull(ab, arr);
        if (idx < 0 || idx >= arr!.Length) throw new AbortTrace("array index out of range while tracing");
        if (!(ab is Const && ib is Const))
        {
            TraceValue len = ab is Const ? new ConstInt(arr.Length) : Record(OpCode.ArraylenGc, [ab], _mi.ArrayDescrOf(arr.GetType().GetElementType()!));
            Guard(OpCode.GuardTrue, [Op(OpCode.UintLt, ib, len)]);
        }
        return (arr, ab, (int)idx, ib);
    }

    // ---------------------------------------------------------------- residual calls

    private TraceEnd? ResidualCall(TraceFrame f, InstructionDef def, int p)
    {
        var code = f.JitCode.Code;
        var descr = f.JitCode.Descrs[code[p] | (code[p + 1] << 8)];
        int after = CallLists(code, p, out int iStart, out _, out int rStart, out _, out int fStart, out _);
        char resultBank = def.ArgCodes.Length > 5 ? def.ArgCodes[5] : 'v';
        int resultReg = resultBank == 'v' ? -1 : code[after++];
        bool construct = def.Name == "residual_new";
        CallDescr call;
        bool hasReceiver;
        switch (descr)
        {
            case CallDescr c: call = c; hasReceiver = c.Delegate is null && !c.Method.IsStatic; break;
            case ConstructorDescr c: call = _mi.CtorDescr(c, construct); hasReceiver = false; break;
            default: throw new AbortTrace("call of " + descr);
        }
        var kinds = call.ArgKinds;
        var types = call.ParameterTypes;
        var boxes = new TraceValue[kinds.Count];
        var regs = new object?[kinds.Count];
        var args = new object?[types.Count];
        object? receiver = null;
        int i2 = 0, r2 = 0, f2 = 0;
        for (int k = 0; k < kinds.Count; k++)
        {
            int argIndex = hasReceiver ? k - 1 : k;
            int reg;
            switch (kinds[k])
            {
                case ValueKind.Int:
                    reg = code[iStart + i2++];
                    boxes[k] = f.BI[reg] ?? throw new AbortTrace("unset argument");
                    regs[k] = f.I[reg];
                    args[argIndex] = BlackholeValues.FromInt(f.I[reg], types[argIndex]);
                    break;
                case ValueKind.Float:
                    reg = code[fStart + f2++];
                    boxes[k] = f.BF[reg] ?? throw new AbortTrace("unset argument");
                    regs[k] = f.F[reg];
                    args[argIndex] = BlackholeValues.FromFloat(f.F[reg], types[argIndex]);
                    break;
                default:
                    reg = code[rStart + r2++];
                    boxes[k] = f.BR[reg] ?? throw new AbortTrace("unset argument");
                    regs[k] = f.R[reg];
                    if (argIndex < 0) receiver = f.R[reg];
                    else args[argIndex] = f.R[reg];
                    break;
            }
        }
        if (f.LiveNext != f.Pc || f.Live is null) throw new AbortTrace("call without a -live- point");
        if (hasReceiver) RequireNonNull(boxes[0], receiver);
        if (descr is CallDescr && HintCall(f, call, boxes, args, resultBank, resultReg, after, out var hintEnd)) return hintEnd;
        if (descr is CallDescr && call.Delegate is null && MetaInterpreter.PassesSlots(call, hasReceiver))
        {
            // Addresses (slots) as in the blackhole: a wrapper copies them in and out, also in compiled code.
            var wrapper = _mi.SlotCallDescr(call, hasReceiver);
            return CallAndRecord(f, wrapper, boxes, () => InvokeDelegate(wrapper.Delegate!, regs), resultBank, resultReg, after, construct);
        }
        return CallAndRecord(f, call, boxes,
            () => call.Delegate is { } d ? InvokeDelegate(d, args) : call.Method.Invoke(receiver, BindingFlags.DoNotWrapExceptions, null, args, null),
            resultBank, resultReg, after, construct);
    }

    /// <summary>Runs a residual call concretely and records it with its exception guard (or folds an elidable call of constants).</summary>
    /// <remarks>With <paramref name="assembler"/> set, the call is recorded as call_assembler of that loop (<paramref name="call"/> gives its effect and result).</remarks>
    private TraceEnd? CallAndRecord(TraceFrame f, CallDescr call, TraceValue[] boxes, Func<object?> invoke,
        char resultBank, int resultReg, int after, bool construct, LoopToken? assembler = null)
    {
        var effect = call.Effect;
        object? result = null;
        Exception? raised = null;
        try
        {
            result = invoke();
        }
        catch (Exception e) when (e is not AbortTrace)
        {
            raised = e;
        }
        if (raised is null && effect.IsElidable && boxes.All(b => b is Const))
        {
            if (resultReg >= 0) f.Set(resultBank, resultReg, ToRegister(resultBank, result), ConstOf(resultBank, ToRegister(resultBank, result)));
            f.Pc = after;
            return null;
        }
        var rk = call.ResultKind;
        var opcode = effect.IsElidable ? ByKind(rk, OpCode.CallPureI, OpCode.CallPureR, OpCode.CallPureF)
            : effect.IsLoopInvariant ? ByKind(rk, OpCode.CallLoopinvariantI, OpCode.CallLoopinvariantR, OpCode.CallLoopinvariantF)
            : ByKind(rk, OpCode.CallI, OpCode.CallR, OpCode.CallF);
        if (rk == ValueKind.Void)
            opcode = effect.IsElidable ? OpCode.CallPureN : effect.IsLoopInvariant ? OpCode.CallLoopinvariantN : OpCode.CallN;
        if (assembler is not null) opcode = rk == ValueKind.Void ? OpCode.CallAssemblerN : ByKind(rk, OpCode.CallAssemblerI, OpCode.CallAssemblerR, OpCode.CallAssemblerF);
        bool forced = VableBeforeCall(effect, boxes);
        var op = Record(opcode, boxes, assembler ?? (Descr)call);
        if (raised is not null)
        {
            var exBox = GuardAfterCall(OpCode.GuardException, [], _mi.TypeDescrOf(raised.GetType()), resultBank, resultReg, resultReg >= 0 ? op : null);
            Know(exBox, raised.GetType());
            if (forced) VableAfterCall();
            return Raise(raised, exBox);
        }
        if (effect.CanRaise) GuardAfterCall(OpCode.GuardNoException, [], null, resultBank, resultReg, resultReg >= 0 ? op : null);
        GuardNotInvalidatedAfterCall(effect, resultBank, resultReg, resultReg >= 0 ? op : null);
        if (forced) VableAfterCall();
        if (resultReg >= 0)
        {
            if (construct && result is not null) Know(op, result.GetType());
            f.Set(resultBank, resultReg, ToRegister(resultBank, result), resultBank == 'i' ? Loaded(op, call.ResultType) : op);
        }
        f.Pc = after;
        return null;
    }

    private static object? ToRegister(char bank, object? v) => bank switch
    {
        'i' => BlackholeValues.ToInt(v),
        'f' => BlackholeValues.ToFloat(v),
        _ => v,
    };

    internal static object? InvokeDelegate(Delegate d, object?[] args)
    {
        try
        {
            return d.DynamicInvoke(args);
        }
        catch (TargetInvocationException e)
        {
            Rethrow(e);
            throw;
        }
    }
}
