using Mono.Cecil;
using RSharp.Flow;
using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;
using Operation = RSharp.Flow.Model.Operation;

namespace RSharp.CodeWriter;

/// <summary>Constrained calls, the methods of <c>Nullable&lt;T&gt;</c>, and delegate creation.</summary>
internal sealed partial class Transformer
{
    /// <summary>
    /// <c>constrained. T callvirt M(ptr, ...)</c>: on a reference type, load the reference and call
    /// virtually; on a struct that implements M, call its method on the address (looked inside if
    /// possible); otherwise (M inherited from Object, ValueType or Enum) box a copy and call virtually.
    /// </summary>
    private void ConstrainedCall(Flattener f, Operation op, Reg? res)
    {
        var t = (TypeReference)Lit(op.Args[0]);
        var m = (MethodReference)Lit(op.Args[1]);
        var ptr = op.Args[2];
        var rest = op.Args.Skip(3).ToList();
        if (TypeKinds.IsNullable(t)) { NullableCall(f, t, m.Name, Resolve(f, ptr), rest, res); return; }
        var kind = TypeKinds.KindOf(t);
        if (kind == Flow.Model.ValueKind.Ref)
        {
            var obj = f.NewTemp('r');
            LoadAt(f, Resolve(f, ptr), 'r', obj);
            var operands = new List<object> { obj };
            operands.AddRange(rest.Select(f.Operand));
            bool virt = TypeKinds.ResolveMethod(m)?.IsVirtual ?? true;
            EmitCall(f, _policy.Target(m, virt), operands, res);
            return;
        }
        if (ImplementationOn(t, m) is { } impl)
        {
            CallWithAddresses(f, impl, [ptr, .. rest], res, isVirtual: false);
            return;
        }
        // Inherited from Object/ValueType/Enum: they do not mutate the receiver, so a boxed copy will do.
        char bank = BankOfType(t);
        var v = f.NewTemp(bank);
        LoadAt(f, Resolve(f, ptr), bank, v);
        var boxed = f.NewTemp('r');
        if (bank == 'r') f.Emit("struct_copy", "r>r", [v], boxed);
        else f.Emit("box_" + bank, bank + "d>r", [v, TypeDescrOf(t)], boxed);
        var args = new List<object> { boxed };
        args.AddRange(rest.Select(f.Operand));
        EmitCall(f, _policy.Target(m, isVirtual: true), args, res);
    }

    /// <summary>The method of struct <paramref name="t"/> that implements or overrides <paramref name="m"/>, or null.</summary>
    private static MethodReference? ImplementationOn(TypeReference t, MethodReference m)
    {
        if (TypeKinds.StripModifiers(t) is GenericInstanceType) return null; // would need the instantiated method
        var td = TypeKinds.Resolve(t);
        if (td is null) return null;
        foreach (var cand in td.Methods)
        {
            if (cand.IsStatic || cand.Parameters.Count != m.Parameters.Count || cand.HasGenericParameters) continue;
            bool sameName = cand.Name == m.Name
                && cand.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(m.Parameters.Select(p => p.ParameterType.FullName));
            bool explicitImpl = cand.Overrides.Any(o => o.Name == m.Name && o.DeclaringType.FullName == m.DeclaringType.FullName);
            if (sameName || explicitImpl) return cand;
        }
        return null;
    }

    private CallDescr NullableHelper(string name, TypeReference valueType) => Cached("N:" + name + ":" + valueType.FullName, () =>
    {
        var mi = typeof(NullableHelpers).GetMethod(name)!.MakeGenericMethod(ResolveType(valueType));
        var effect = name is "GetValue" or "EqualsObject" or "HashCode" or "ToStringOf" ? EffectInfo.MayRaise : EffectInfo.CannotRaise;
        return new CallDescr(mi, effect, "Nullable." + name);
    });

    /// <summary>A method of <c>Nullable&lt;T&gt;</c> on the location <paramref name="at"/> (the value is null or a boxed T).</summary>
    private void NullableCall(Flattener f, TypeReference nullable, string name, Addr at, List<Value> rest, Reg? res)
    {
        var t = ((GenericInstanceType)TypeKinds.StripModifiers(nullable)).GenericArguments[0];
        if (name == ".ctor")
        {
            var boxed = f.NewTemp('r');
            BoxNullable(f, nullable, f.Operand(rest[0]), boxed);
            StoreAt(f, at, boxed);
            return;
        }
        var value = f.NewTemp('r');
        LoadAt(f, at, 'r', value);
        if (name == "get_HasValue")
        {
            f.Emit("ptr_nonzero", "r>i", [value], res);
            return;
        }
        string helper = (name, rest.Count) switch
        {
            ("get_Value", 0) => "GetValue",
            ("GetValueOrDefault", 0) => "GetValueOrDefault",
            ("GetValueOrDefault", 1) => "GetValueOrDefaultOf",
            ("Equals", 1) => "EqualsObject",
            ("GetHashCode", 0) => "HashCode",
            ("ToString", 0) => "ToStringOf",
            _ => throw new UnsupportedException("Nullable method " + name),
        };
        var args = new List<object> { value };
        args.AddRange(rest.Select(f.Operand));
        string k = res is { } r ? r.Bank.ToString() : "v";
        f.Live();
        f.Emit("residual_call_" + k, "dIRF" + (res is null ? "" : ">" + k), [NullableHelper(helper, t), .. Lists(args)], res);
    }

    /// <summary><c>new_delegate(ctor, target, ldftn M)</c>: <c>new_delegate</c> (or <c>new_virtual_delegate</c> for ldvirtftn).</summary>
    private void NewDelegate(Flattener f, Operation op, Reg res)
    {
        var ctor = (MethodReference)Lit(op.Args[0]);
        var fn = f.DefinitionOf(op.Args[2]);
        if (fn is null || fn.OpName is not (OpNames.Ldftn or OpNames.Ldvirtftn))
            throw new UnsupportedException("delegate from a function pointer of unknown origin");
        var target = (MethodReference)Lit(fn.Args[0]);
        var callee = _policy.Target(target, isVirtual: fn.OpName == OpNames.Ldvirtftn);
        if (callee.Reflected is not System.Reflection.MethodInfo mi) throw new UnsupportedException("delegate to a constructor");
        var descr = Cached("D:" + target.FullName, () => new CallDescr(mi, EffectInfo.Residual, Sanitize(mi.DeclaringType?.Name + "." + mi.Name)));
        string insn = fn.OpName == OpNames.Ldvirtftn ? "new_virtual_delegate" : "new_delegate";
        f.Emit(insn, "rdd>r", [f.Operand(op.Args[1]), TypeDescrOf(ctor.DeclaringType), descr], res);
    }
}
