using RSharp.Jit.Traces;

namespace RSharp.Jit.JitCodes;

public sealed partial class BlackholeInterpreter
{
    /// <summary>Runs instructions from frame.Pc until a return; frame.Pc always names the instruction being executed.</summary>
    private Result Loop(Frame frame)
    {
        var j = frame.JitCode;
        var code = j.Code;
        var ints = frame.Ints;
        var refs = frame.Refs;
        var floats = frame.Floats;
        var descrs = j.Descrs;
        var all = InstructionSet.All;
        int pc = frame.Pc;
        while (true)
        {
            frame.Pc = pc;
            InstructionCount++;
            var def = all[code[pc] | (code[pc + 1] << 8)];
            pc += 2;
            switch (def.Kind)
            {
                case InsnKind.PureII_I:
                {
                    long a = ints[code[pc]], b = ints[code[pc + 1]];
                    ints[code[pc + 2]] = ((Func<long, long, long>)def.Pure!)(a, b);
                    pc += 3;
                    break;
                }
                case InsnKind.PureI_I: ints[code[pc + 1]] = ((Func<long, long>)def.Pure!)(ints[code[pc]]); pc += 2; break;
                case InsnKind.PureFF_F: floats[code[pc + 2]] = ((Func<double, double, double>)def.Pure!)(floats[code[pc]], floats[code[pc + 1]]); pc += 3; break;
                case InsnKind.PureFF_I: ints[code[pc + 2]] = ((Func<double, double, long>)def.Pure!)(floats[code[pc]], floats[code[pc + 1]]); pc += 3; break;
                case InsnKind.PureF_F: floats[code[pc + 1]] = ((Func<double, double>)def.Pure!)(floats[code[pc]]); pc += 2; break;
                case InsnKind.PureI_F: floats[code[pc + 1]] = ((Func<long, double>)def.Pure!)(ints[code[pc]]); pc += 2; break;
                case InsnKind.PureF_I: ints[code[pc + 1]] = ((Func<double, long>)def.Pure!)(floats[code[pc]]); pc += 2; break;
                case InsnKind.PureRR_I: ints[code[pc + 2]] = ((Func<object?, object?, long>)def.Pure!)(refs[code[pc]], refs[code[pc + 1]]); pc += 3; break;
                case InsnKind.PureR_I: ints[code[pc + 1]] = ((Func<object?, long>)def.Pure!)(refs[code[pc]]); pc += 2; break;
                case InsnKind.IntCopy: ints[code[pc + 1]] = ints[code[pc]]; pc += 2; break;
                case InsnKind.RefCopy: refs[code[pc + 1]] = refs[code[pc]]; pc += 2; break;
                case InsnKind.FloatCopy: floats[code[pc + 1]] = floats[code[pc]]; pc += 2; break;

                case InsnKind.Live:
                    if (PoisonDeadRegisters) Poison_(frame, j.LiveSets[U16(code, pc)]);
                    pc += 2;
                    break;
                case InsnKind.Goto: pc = U16(code, pc); break;
                case InsnKind.GotoIfNot: pc = ints[code[pc]] != 0 ? pc + 3 : U16(code, pc + 1); break;
                case InsnKind.Switch:
                {
                    var sw = (SwitchDescr)descrs[U16(code, pc + 1)];
                    pc = sw.Targets.TryGetValue(ints[code[pc]], out int target) ? target : pc + 3;
                    break;
                }
                case InsnKind.CatchException: pc += 2; break; // reached normally: nothing was raised
                case InsnKind.GotoIfExceptionMismatch:
                {
                    var t = ((TypeDescr)descrs[U16(code, pc)]).Type;
                    pc = t.IsInstanceOfType(frame.LastException) ? pc + 4 : U16(code, pc + 2);
                    break;
                }
                case InsnKind.LastExcValue: refs[code[pc]] = frame.LastException; pc += 1; break;
                case InsnKind.Raise: throw (Exception)NonNull(refs[code[pc]]);
                case InsnKind.Reraise:
                    GuestException.Throw(frame.LastException!);
                    break;
                case InsnKind.IntReturn: return new Result(ints[code[pc]], null, 0);
                case InsnKind.RefReturn: return new Result(0, refs[code[pc]], 0);
                case InsnKind.FloatReturn: return new Result(0, null, floats[code[pc]]);
                case InsnKind.VoidReturn: return default;

                case InsnKind.GetFieldI: case InsnKind.GetFieldR: case InsnKind.GetFieldF:
                {
                    var obj = NonNull(refs[code[pc]]);
                    var v = ((FieldDescr)descrs[U16(code, pc + 1)]).Field.GetValue(obj);
                    Store(frame, def.Kind == InsnKind.GetFieldI ? 'i' : def.Kind == InsnKind.GetFieldR ? 'r' : 'f', code[pc + 3], v);
                    pc += 4;
                    break;
                }
                case InsnKind.SetFieldI: case InsnKind.SetFieldR: case InsnKind.SetFieldF:
                {
                    var obj = NonNull(refs[code[pc]]);
                    var fd = (FieldDescr)descrs[U16(code, pc + 2)];
                    char bank = def.Kind == InsnKind.SetFieldI ? 'i' : def.Kind == InsnKind.SetFieldR ? 'r' : 'f';
                    fd.Field.SetValue(obj, Load(frame, bank, code[pc + 1], fd.FieldType));
                    if (fd.IsQuasiImmutable) QuasiImmutableWriteHook?.Invoke(fd, obj);
                    pc += 4;
                    break;
                }
                case InsnKind.GetStaticI: case InsnKind.GetStaticR: case InsnKind.GetStaticF:
                {
                    var v = ((StaticFieldDescr)descrs[U16(code, pc)]).Field.GetValue(null);
                    Store(frame, def.Kind == InsnKind.GetStaticI ? 'i' : def.Kind == InsnKind.GetStaticR ? 'r' : 'f', code[pc + 2], v);
                    pc += 3;
                    break;
                }
                case InsnKind.SetStaticI: case InsnKind.SetStaticR: case InsnKind.SetStaticF:
                {
                    var fd = ((StaticFieldDescr)descrs[U16(code, pc + 1)]).Field;
                    char bank = def.Kind == InsnKind.SetStaticI ? 'i' : def.Kind == InsnKind.SetStaticR ? 'r' : 'f';
                    fd.SetValue(null, Load(frame, bank, code[pc], fd.FieldType));
                    pc += 3;
                    break;
                }
                case InsnKind.GetArrayItemI: case InsnKind.GetArrayItemR: case InsnKind.GetArrayItemF:
                {
                    var v = GetItem(refs[code[pc]], ints[code[pc + 1]]);
                    Store(frame, def.Kind == InsnKind.GetArrayItemI ? 'i' : def.Kind == InsnKind.GetArrayItemR ? 'r' : 'f', code[pc + 4], v);
                    pc += 5;
                    break;
                }
                case InsnKind.SetArrayItemI: case InsnKind.SetArrayItemR: case InsnKind.SetArrayItemF:
                {
                    int vr = code[pc + 2];
                    char bank = def.Kind == InsnKind.SetArrayItemI ? 'i' : def.Kind == InsnKind.SetArrayItemR ? 'r' : 'f';
                    SetItem(refs[code[pc]], ints[code[pc + 1]], bank,
                        bank == 'i' ? ints[vr] : 0, bank == 'f' ? floats[vr] : 0, bank == 'r' ? refs[vr] : null);
                    pc += 5;
                    break;
                }
                case InsnKind.ArrayLen: ints[code[pc + 1]] = ((Array)NonNull(refs[code[pc]])).Length; pc += 2; break;
                case InsnKind.NewArray:
                    refs[code[pc + 3]] = NewArray(((ArrayDescr)descrs[U16(code, pc + 1)]).ElementType, ints[code[pc]]);
                    pc += 4;
                    break;
                case InsnKind.New: refs[code[pc + 2]] = NewObject(((TypeDescr)descrs[U16(code, pc)]).Type); pc += 3; break;
                case InsnKind.StrLen: ints[code[pc + 1]] = ((string)refs[code[pc]]!).Length; pc += 2; break;
                case InsnKind.StrGetItem: ints[code[pc + 2]] = ((string)refs[code[pc]]!)[(int)ints[code[pc + 1]]]; pc += 3; break;
                case InsnKind.StrEq: ints[code[pc + 2]] = string.Equals((string?)refs[code[pc]], (string?)refs[code[pc + 1]]) ? 1 : 0; pc += 3; break;
                case InsnKind.StrConcat: refs[code[pc + 2]] = string.Concat((string?)refs[code[pc]], (string?)refs[code[pc + 1]]); pc += 3; break;
                case InsnKind.InstanceOf:
                    ints[code[pc + 3]] = ((TypeDescr)descrs[U16(code, pc + 1)]).Type.IsInstanceOfType(refs[code[pc]]) ? 1 : 0;
                    pc += 4;
                    break;
                case InsnKind.IsInst:
                {
                    var o = refs[code[pc]];
                    refs[code[pc + 3]] = ((TypeDescr)descrs[U16(code, pc + 1)]).Type.IsInstanceOfType(o) ? o : null;
                    pc += 4;
                    break;
                }
                case InsnKind.CastClass:
                    refs[code[pc + 3]] = BlackholeValues.Cast(refs[code[pc]], ((TypeDescr)descrs[U16(code, pc + 1)]).Type);
                    pc += 4;
                    break;
                case InsnKind.BoxI: refs[code[pc + 3]] = BlackholeValues.FromInt(ints[code[pc]], ((TypeDescr)descrs[U16(code, pc + 1)]).Type); pc += 4; break;
                case InsnKind.BoxF: refs[code[pc + 3]] = BlackholeValues.FromFloat(floats[code[pc]], ((TypeDescr)descrs[U16(code, pc + 1)]).Type); pc += 4; break;
                case InsnKind.UnboxI: ints[code[pc + 3]] = BlackholeValues.ToInt(BlackholeValues.Cast(refs[code[pc]], ((TypeDescr)descrs[U16(code, pc + 1)]).Type)); pc += 4; break;
                case InsnKind.UnboxF: floats[code[pc + 3]] = BlackholeValues.ToFloat(BlackholeValues.Cast(refs[code[pc]], ((TypeDescr)descrs[U16(code, pc + 1)]).Type)); pc += 4; break;

                case InsnKind.InlineCall:
                case InsnKind.ResidualCall:
                case InsnKind.ResidualNew:
                    pc = Call(frame, def, pc);
                    break;
                case InsnKind.JitMergePoint:
                case InsnKind.CanEnterJit:
                    if (MergePointHook is { } hook && hook(frame, def.Kind == InsnKind.CanEnterJit) is { } done) return done;
                    pc = SkipLists(code, pc + 2);
                    break;
                case InsnKind.IntGuardValue: case InsnKind.RefGuardValue: case InsnKind.FloatGuardValue: pc += 1; break;
                case InsnKind.Unsupported:
                    throw new BlackholeError($"{j.Name} @{frame.Pc}: reached a block the codewriter could not model: {descrs[U16(code, pc)].Name}");
                default: pc = ExecuteAppended(frame, def, pc); break;
            }
        }
    }

    private static int U16(byte[] code, int pc) => code[pc] | (code[pc + 1] << 8);

    private static int SkipLists(byte[] code, int pc)
    {
        for (int k = 0; k < 3; k++) pc += 1 + code[pc];
        return pc;
    }

    private static void Store(Frame f, char bank, int reg, object? v)
    {
        switch (bank)
        {
            case 'i': f.Ints[reg] = BlackholeValues.ToInt(v); break;
            case 'f': f.Floats[reg] = BlackholeValues.ToFloat(v); break;
            default: f.Refs[reg] = v; break;
        }
    }

    private static object? Load(Frame f, char bank, int reg, Type type) => bank switch
    {
        'i' => BlackholeValues.FromInt(f.Ints[reg], type),
        'f' => BlackholeValues.FromFloat(f.Floats[reg], type),
        _ => f.Refs[reg],
    };

    private static void Poison_(Frame f, LiveSet live)
    {
        var j = f.JitCode;
        for (int k = 0; k < j.NumInts; k++) if (!live.Ints[k]) f.Ints[k] = PoisonInt;
        for (int k = 0; k < j.NumRefs; k++) if (!live.Refs[k]) f.Refs[k] = Poison.Instance;
        for (int k = 0; k < j.NumFloats; k++) if (!live.Floats[k]) f.Floats[k] = double.NaN;
    }

    /// <summary>inline_call_*, residual_call_*, residual_new: operands d I R F [&gt;k]; returns the next position.</summary>
    private int Call(Frame frame, InstructionDef def, int pc)
    {
        var code = frame.JitCode.Code;
        var descr = frame.JitCode.Descrs[U16(code, pc)];
        int p = pc + 2;
        int iStart = p + 1, iCount = code[p]; p += 1 + iCount;
        int rStart = p + 1, rCount = code[p]; p += 1 + rCount;
        int fStart = p + 1, fCount = code[p]; p += 1 + fCount;
        char resultBank = def.ArgCodes.Length > 5 ? def.ArgCodes[5] : 'v';
        int resultReg = resultBank == 'v' ? -1 : code[p++];
        if (def.Kind == InsnKind.InlineCall)
        {
            var callee = ((JitCodeDescr)descr).JitCode;
            var nf = NewFrame(callee);
            int ii = 0, ri = 0, fi = 0;
            foreach (var (bank, reg) in callee.Arguments)
                switch (bank)
                {
                    case 'i': nf.Ints[reg] = frame.Ints[code[iStart + ii++]]; break;
                    case 'r': nf.Refs[reg] = frame.Refs[code[rStart + ri++]]; break;
                    default: nf.Floats[reg] = frame.Floats[code[fStart + fi++]]; break;
                }
            if (ii != iCount || ri != rCount || fi != fCount) throw new BlackholeError("argument count mismatch calling " + callee.Name);
            var r = Execute(nf);
            switch (resultBank)
            {
                case 'i': frame.Ints[resultReg] = r.Int; break;
                case 'r': frame.Refs[resultReg] = r.Ref; break;
                case 'f': frame.Floats[resultReg] = r.Float; break;
            }
            return p;
        }
        // Residual: rebuild the .NET argument list in signature order from the three lists.
        IReadOnlyList<ValueKind> kinds;
        IReadOnlyList<Type> types;
        bool hasReceiver;
        bool construct = def.Kind == InsnKind.ResidualNew;
        switch (descr)
        {
            case CallDescr c: kinds = c.ArgKinds; types = c.ParameterTypes; hasReceiver = !c.Method.IsStatic; break;
            case ConstructorDescr c:
                types = c.Constructor.GetParameters().Select(x => x.ParameterType).ToArray();
                kinds = construct ? c.ArgKinds : new[] { ValueKind.Ref }.Concat(c.ArgKinds).ToArray();
                hasReceiver = !construct;
                break;
            default: throw new BlackholeError("not a call descriptor: " + descr);
        }
        var args = new object?[types.Count];
        object? receiver = null;
        int i2 = 0, r2 = 0, f2 = 0;
        for (int k = 0; k < kinds.Count; k++)
        {
            int argIndex = hasReceiver ? k - 1 : k;
            object? v = kinds[k] switch
            {
                ValueKind.Int => BlackholeValues.FromInt(frame.Ints[code[iStart + i2++]], types[argIndex]),
                ValueKind.Float => BlackholeValues.FromFloat(frame.Floats[code[fStart + f2++]], types[argIndex]),
                _ => frame.Refs[code[rStart + r2++]],
            };
            if (argIndex < 0) receiver = v;
            else args[argIndex] = v;
        }
        var slots = UnwrapAddresses(descr, types, args, ref receiver, construct);
        var result = slots is null ? InvokeResidual(descr, args, receiver, construct) : InvokeWithAddresses(descr, types, args, receiver, construct, slots);
        if (resultReg >= 0) Store(frame, resultBank, resultReg, result);
        return p;
    }
}
