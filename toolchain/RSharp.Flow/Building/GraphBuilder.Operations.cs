using Mono.Cecil;
using Mono.Cecil.Cil;
using RSharp.Flow.Model;

namespace RSharp.Flow;

/// <summary>The building blocks of instruction translation: locals, arithmetic, comparisons, branches, calls, memory.</summary>
internal sealed partial class GraphBuilder
{
    private void PushInt(int value) => Push(new Constant(value, ValueKind.Int32, _module.TypeSystem.Int32));

    private void LoadArg(int i)
    {
        var v = _state.Args[i];
        Push(_slotArg[i] ? EmitRaw(OpNames.GetSlot, TypeKinds.KindOf(_argTypes[i]), _argTypes[i], v) : v);
    }

    private void StoreArg(int i)
    {
        var v = Coerce(Pop(), TypeKinds.KindOf(_argTypes[i]));
        if (_slotArg[i]) EmitRaw(OpNames.SetSlot, ValueKind.Void, null, _state.Args[i], v);
        else _state.Args[i] = v;
    }

    private void LoadLocal(int i)
    {
        var v = _state.Locals[i];
        Push(_slotLocal[i] ? EmitRaw(OpNames.GetSlot, TypeKinds.KindOf(_localTypes[i]), _localTypes[i], v) : v);
    }

    private void StoreLocal(int i)
    {
        var v = Coerce(Pop(), TypeKinds.KindOf(_localTypes[i]));
        if (_slotLocal[i]) EmitRaw(OpNames.SetSlot, ValueKind.Void, null, _state.Locals[i], v);
        else _state.Locals[i] = v;
    }

    private ValueKind ArithKind(Value a, Value b)
    {
        if (a.Kind == b.Kind) return a.Kind;
        if ((a.Kind, b.Kind) is (ValueKind.Int32, ValueKind.NativeInt) or (ValueKind.NativeInt, ValueKind.Int32)) return ValueKind.NativeInt;
        if ((a.Kind, b.Kind) is (ValueKind.Float32, ValueKind.Float64) or (ValueKind.Float64, ValueKind.Float32)) return ValueKind.Float64;
        if ((a.Kind, b.Kind) is (ValueKind.Int32, ValueKind.Int64) or (ValueKind.Int64, ValueKind.Int32)) return ValueKind.Int64;
        throw new GraphBuildException("mixed operand kinds " + a.Kind + "/" + b.Kind, Where);
    }

    private void Binary(string op, bool unsigned, bool ovf)
    {
        var b = Pop();
        var a = Pop();
        if (a.Kind == ValueKind.ManagedPointer || b.Kind == ValueKind.ManagedPointer)
        {
            if (op == "add")
            {
                var (p, n) = a.Kind == ValueKind.ManagedPointer ? (a, b) : (b, a);
                Push(EmitRaw(OpNames.AdrAdd, ValueKind.ManagedPointer, p.Type, p, n));
            }
            else if (op == "sub" && b.Kind == ValueKind.ManagedPointer)
                Push(EmitRaw(OpNames.AdrDelta, ValueKind.NativeInt, _module.TypeSystem.IntPtr, a, b));
            else if (op == "sub")
                Push(EmitRaw(OpNames.AdrSub, ValueKind.ManagedPointer, a.Type, a, b));
            else throw new GraphBuildException("managed pointer arithmetic " + op, Where);
            return;
        }
        bool shift = op is "lshift" or "rshift";
        var kind = shift ? a.Kind : ArithKind(a, b);
        if (!IsNumeric(kind)) throw new GraphBuildException("arithmetic on " + kind, Where);
        if (!shift) { a = Coerce(a, kind); b = Coerce(b, kind); }
        var signed = op is "and" or "or" or "xor" or "lshift" ? false : unsigned;
        var name = OpNames.Prefix(kind, signed) + "_" + op + (ovf ? "_ovf" : "");
        Push(Emit(name, kind, TypeOfKind(kind), a, b));
    }

    private void Unary(string op)
    {
        var a = Pop();
        if (!IsNumeric(a.Kind)) throw new GraphBuildException("arithmetic on " + a.Kind, Where);
        Push(EmitRaw(OpNames.Prefix(a.Kind, false) + "_" + op, a.Kind, TypeOfKind(a.Kind), a));
    }

    private Value Compare(string cmp, bool un, Value a, Value b)
    {
        var boolType = _module.TypeSystem.Boolean;
        if (!IsNumeric(a.Kind) || !IsNumeric(b.Kind))
        {
            // References, managed pointers and unconstrained generics: only (in)equality; cgt.un against null is "!= null".
            string? name = cmp switch
            {
                "eq" => OpNames.PtrEq,
                "ne" => OpNames.PtrNe,
                "gt" when un => OpNames.PtrNe,
                _ => null,
            };
            if (name is null) throw new GraphBuildException("ordered comparison of " + a.Kind, Where);
            return EmitRaw(name, ValueKind.Int32, boolType, a, b)!;
        }
        var kind = ArithKind(a, b);
        a = Coerce(a, kind);
        b = Coerce(b, kind);
        bool isFloat = kind is ValueKind.Float32 or ValueKind.Float64;
        string opName = isFloat
            ? OpNames.Prefix(kind, false) + "_" + cmp + (un && cmp is not ("eq" or "ne") ? "_un" : "")
            : OpNames.Prefix(kind, un && cmp is not ("eq" or "ne")) + "_" + cmp;
        return EmitRaw(opName, ValueKind.Int32, boolType, a, b)!;
    }

    private Value IsTrue(Value v) => v.Kind switch
    {
        ValueKind.Int32 => EmitRaw("int_is_true", ValueKind.Int32, _module.TypeSystem.Boolean, v)!,
        ValueKind.Int64 => EmitRaw("llong_is_true", ValueKind.Int32, _module.TypeSystem.Boolean, v)!,
        ValueKind.NativeInt => EmitRaw("nint_is_true", ValueKind.Int32, _module.TypeSystem.Boolean, v)!,
        ValueKind.Ref or ValueKind.ManagedPointer or ValueKind.Generic => EmitRaw(OpNames.PtrNonZero, ValueKind.Int32, _module.TypeSystem.Boolean, v)!,
        _ => throw new GraphBuildException("branch on " + v.Kind, Where),
    };

    private void CondBranch(Value cond, Instruction ins, bool jumpIfTrue)
    {
        int target = ((Instruction)ins.Operand).Offset;
        int fall = _index + 1 < _instrs.Count ? _instrs[_index + 1].Offset : throw new GraphBuildException("branch falls off the end", Where);
        _cur.SwitchKind = ExitSwitchKind.Bool;
        _cur.ExitSwitch = cond;
        _cur.Exits.Add(LinkTo(_cur, _state, jumpIfTrue ? fall : target, false));
        _cur.Exits.Add(LinkTo(_cur, _state, jumpIfTrue ? target : fall, true));
    }

    private void CompareBranch(string cmp, bool un, Instruction ins)
    {
        var b = Pop();
        var a = Pop();
        CondBranch(Compare(cmp, un, a, b), ins, true);
    }

    private void IntSwitch(Instruction[] targets)
    {
        var v = Pop();
        if (v.Kind != ValueKind.Int32) v = Coerce(v, ValueKind.Int32);
        int fall = _index + 1 < _instrs.Count ? _instrs[_index + 1].Offset : throw new GraphBuildException("switch falls off the end", Where);
        _cur.SwitchKind = ExitSwitchKind.Int;
        _cur.ExitSwitch = v;
        for (int i = 0; i < targets.Length; i++) _cur.Exits.Add(LinkTo(_cur, _state, targets[i].Offset, i));
        _cur.Exits.Add(LinkTo(_cur, _state, fall, DefaultCase.Instance));
    }

    private void Return()
    {
        Value[] args = _returnKind == ValueKind.Void ? Array.Empty<Value>() : new[] { Coerce(Pop(), _returnKind) };
        _cur.CloseWith(new Link(_cur, _graph.ReturnBlock, args));
    }

    private void Convert(string target, bool ovf, bool un)
    {
        var v = Pop();
        if (!IsNumeric(v.Kind) && v.Kind is not (ValueKind.Ref or ValueKind.ManagedPointer))
            throw new GraphBuildException("conversion of " + v.Kind, Where);
        var kind = target switch
        {
            "int64" or "uint64" => ValueKind.Int64,
            "nint" or "unint" => ValueKind.NativeInt,
            "float32" => ValueKind.Float32,
            "float64" => ValueKind.Float64,
            _ => ValueKind.Int32,
        };
        var name = "cast_" + OpNames.CastSource(v.Kind) + "_to_" + target + (ovf ? "_ovf" : "") + (un ? "_un" : "");
        Push(Emit(name, kind, TypeOfKind(kind), v));
    }

    private void Call(MethodReference m0, bool virt)
    {
        var m = _ctx.Inflate(m0);
        int thisCount = m.HasThis && !m.ExplicitThis ? 1 : 0;
        var args = new Value[m.Parameters.Count + thisCount + 1];
        for (int i = args.Length - 1; i >= 1; i--) args[i] = Pop();
        args[0] = Desc(m);
        var rt = GenericContext.ReturnTypeOf(m);
        var rk = TypeKinds.KindOf(rt);
        string op;
        if (_constrained is not null)
        {
            args = args.Prepend(Desc(_constrained)).ToArray();
            _constrained = null;
            op = OpNames.ConstrainedCall;
        }
        else if (virt && (TypeKinds.ResolveMethod(m)?.IsVirtual ?? true)) op = OpNames.VirtualCall;
        else op = OpNames.DirectCall;
        Push(Emit(op, rk, rt, args));
    }

    private void IndirectCall(CallSite site)
    {
        var fn = Pop();
        int thisCount = site.HasThis && !site.ExplicitThis ? 1 : 0;
        var args = new Value[site.Parameters.Count + thisCount + 2];
        for (int i = args.Length - 1; i >= 2; i--) args[i] = Pop();
        args[0] = Desc(site);
        args[1] = fn;
        var rt = _ctx.Inflate(site.ReturnType);
        Push(Emit(OpNames.IndirectCall, TypeKinds.KindOf(rt), rt, args));
    }

    private void NewObject(MethodReference m0)
    {
        var m = _ctx.Inflate(m0);
        var args = new Value[m.Parameters.Count + 1];
        for (int i = args.Length - 1; i >= 1; i--) args[i] = Pop();
        args[0] = Desc(m);
        var t = m.DeclaringType;
        if (t is not ArrayType && IsDelegate(t))
        {
            Push(Emit(OpNames.NewDelegate, ValueKind.Ref, t, args));
            return;
        }
        var k = t is ArrayType ? ValueKind.Ref : TypeKinds.KindOf(t);
        Push(Emit(OpNames.NewObj, k, t, args));
    }

    private static bool IsDelegate(TypeReference t)
    {
        var def = TypeKinds.Resolve(t);
        return def?.BaseType?.FullName is "System.MulticastDelegate";
    }

    private void LoadElem(TypeReference? elem)
    {
        var idx = Pop();
        var arr = Pop();
        elem ??= (TypeKinds.StripModifiers(arr.Type ?? _module.TypeSystem.Object) as ArrayType)?.ElementType ?? _module.TypeSystem.Object;
        Push(Emit(OpNames.GetArrayItem, TypeKinds.KindOf(elem), elem, arr, idx));
    }

    private void LoadInd(TypeReference? t)
    {
        var p = Pop();
        t ??= (TypeKinds.StripModifiers(p.Type ?? _module.TypeSystem.Object) as TypeSpecification)?.ElementType ?? _module.TypeSystem.Object;
        Push(Emit(OpNames.LoadPointer, TypeKinds.KindOf(t), t, p, Desc(t)));
    }

    private void StoreInd(TypeReference t)
    {
        var v = Pop();
        var p = Pop();
        Emit(OpNames.StorePointer, ValueKind.Void, null, p, v, Desc(t));
    }
}
