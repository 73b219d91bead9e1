using System.Reflection;
using Mono.Cecil;
using RSharp.Flow;
using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;
using Operation = RSharp.Flow.Model.Operation;

namespace RSharp.CodeWriter;

/// <summary>
/// Rewrites single flow-graph operations into jitcode instructions (RPython's jtransform.py):
/// typed field, array and call instructions with descriptors, hints recognised, well-known
/// .NET methods turned into special operations. Descriptors are shared across jitcodes.
/// </summary>
internal sealed partial class Transformer(CallPolicy policy)
{
    private readonly Dictionary<string, Descr> _descrs = new();
    private readonly CallPolicy _policy = policy;

    private T Cached<T>(string key, Func<T> make) where T : Descr
    {
        if (_descrs.TryGetValue(key, out var d)) return (T)d;
        var made = make();
        _descrs[key] = made;
        return made;
    }

    private static Type ResolveType(TypeReference t)
    {
        try { return ReflectionBridge.ResolveType(t); }
        catch (Exception e) when (e is not UnsupportedException) { throw new UnsupportedException("cannot load type " + t.FullName + ": " + e.Message); }
    }

    public TypeDescr TypeDescrOf(TypeReference t) => Cached("T:" + t.FullName, () => new TypeDescr(ResolveType(t), Sanitize(t.FullName)));

    private ArrayDescr ArrayDescrOf(TypeReference elem) => Cached("A:" + elem.FullName, () =>
    {
        var d = new ArrayDescr(ResolveType(elem), Sanitize(elem.FullName) + "[]");
        Descrs.Add(elem.FullName, d);
        return d;
    });

    /// <summary>The whole-program effects of callees (null: every residual call keeps the conservative info of <see cref="CallPolicy"/>).</summary>
    public CallEffects? Effects { get; init; }

    /// <summary>The field and array descriptors made so far, by the annotator's keys.</summary>
    public DescrIndex Descrs { get; } = new();

    /// <summary>
    /// Set once every jitcode is flattened: from then on <see cref="Descrs"/> holds every field and
    /// array descriptor the jitcodes use, so a call's write set can be given as descriptors.
    /// </summary>
    public bool DescrsComplete { get; set; }

    /// <summary>The effect info of a residual call: precise once the descriptors are complete, else the policy's conservative one.</summary>
    private EffectInfo EffectOf(CallTarget t)
    {
        if (Effects is null || !DescrsComplete) return t.Effect;
        if (_policy.IsProjectMethod(t.Method)) return Effects.InfoFor(t.Method, Descrs);
        return Effects.ExternalInfo(t.Method, Descrs) ?? t.Effect;
    }

    private static string Sanitize(string s) => s.Replace(",", ";").Replace(")", "]").Replace("(", "[");

    private FieldDescr FieldDescrOf(FieldReference f) => Cached("F:" + f.FullName, () =>
    {
        var fi = ReflectionBridge.ResolveField(f);
        var d = new FieldDescr(fi, Sanitize(fi.DeclaringType!.Name + "." + fi.Name));
        Descrs.Add(RSharp.Annotation.FieldFacts.KeyOf(f), d);
        return d;
    });

    private StaticFieldDescr StaticDescrOf(FieldReference f) => Cached("S:" + f.FullName, () => new StaticFieldDescr(ReflectionBridge.ResolveField(f)));

    public Descr ResidualDescrOf(CallTarget t) => Cached<Descr>("C:" + t.Key, () => t.Reflected switch
    {
        MethodInfo m => new CallDescr(m, EffectOf(t), Sanitize(m.DeclaringType?.Name + "." + m.Name)),
        ConstructorInfo c => new ConstructorDescr(c, EffectOf(t), Sanitize(c.DeclaringType?.Name + ".ctor" + c.GetParameters().Length)),
        _ => throw new UnsupportedException("call target " + t.Key),
    });

    private static void CheckKind(Flattener f, Value v)
    {
        if (v.Kind is Flow.Model.ValueKind.Descriptor) return;
        if (v is Variable var) f.RegOf(var);
        else RegAlloc.BankOf(v.Kind);
    }

    private static readonly Type s_slot = typeof(Slot);

    private FieldDescr SlotField(char bank) => Cached("F:slot." + bank, () =>
    {
        var d = new FieldDescr(s_slot.GetField(bank switch { 'i' => "I", 'f' => "F", _ => "R" })!, "Slot." + char.ToUpperInvariant(bank));
        Descrs.Add(DescrIndex.SlotKey, d);
        return d;
    });

    public const string InterpolationHandler = "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler";

    private CallDescr HelperDescr(string name) => Cached("H:" + name, () =>
        new CallDescr(typeof(Interpolation).GetMethod(name)!, name == "Begin" ? EffectInfo.CannotRaise : EffectInfo.MayRaise, "Interpolation." + name));

    /// <summary>The handler's methods on its slot: the slot's R field holds a StringBuilder (see <see cref="Interpolation"/>).</summary>
    private void InterpolatedString(Flattener f, Operation op, Reg? res)
    {
        var m = (MethodReference)Lit(op.Args[0]);
        var slot = f.Operand(op.Args[1]);
        var builder = f.Scratch['r'];
        var rest = op.Args.Skip(2).Select(f.Operand).ToList();
        void Call(string helper, List<object> args, Reg? result)
        {
            string k = result is { } r ? r.Bank.ToString() : "v";
            f.Live();
            f.Emit("residual_call_" + k, "dIRF" + (result is null ? "" : ">" + k), [HelperDescr(helper), .. Lists(args)], result);
        }
        if (m.Name == ".ctor")
        {
            Call("Begin", [], builder);
            f.Emit("setfield_r", "rrd", [slot, builder, SlotField('r')]);
            return;
        }
        f.Emit("getfield_r", "rd>r", [slot, SlotField('r')], builder);
        switch (m.Name, rest.Count)
        {
            case ("AppendLiteral", 1):
                Call("AppendLiteral", [builder, rest[0]], null);
                return;
            case ("AppendFormatted", 1 or 2) when rest.Count == 1 || m.Parameters[1].ParameterType.FullName == "System.String":
            {
                var value = rest[0];
                char b = Flattener.BankOfOperand(value);
                if (b != 'r')
                {
                    var t = m is GenericInstanceMethod gim ? gim.GenericArguments[0] : m.Parameters[0].ParameterType;
                    var boxed = f.Scratch[b == 'i' ? 'r' : 'r'] == builder ? f.ExceptionScratch : f.Scratch['r'];
                    f.Emit("box_" + b, b + "d>r", [value, TypeDescrOf(t)], boxed);
                    value = boxed;
                }
                if (rest.Count == 1) Call("AppendFormatted", [builder, value], null);
                else Call("AppendFormattedWithFormat", [builder, value, rest[1]], null);
                return;
            }
            case ("ToStringAndClear", 0):
                Call("ToStringAndClear", [builder], res);
                return;
        }
        throw new UnsupportedException("interpolated string handler method " + m.Name);
    }

    /// <summary>Stack slots of primitive or reference type: a Slot object in a ref register.</summary>
    private bool SlotOperation(Flattener f, Operation op, Reg? res)
    {
        switch (op.OpName)
        {
            case OpNames.AllocSlot when op.Result is not null && f.IsSlot(op.Result):
                f.Emit("new", "d>r", [Cached("T:slot", () => new TypeDescr(s_slot, "Slot"))], res);
                return true;
            case OpNames.GetSlot or OpNames.LoadPointer when f.IsSlot(op.Args[0]):
                f.Emit("getfield_" + res!.Value.Bank, "rd>" + res.Value.Bank, [f.Operand(op.Args[0]), SlotField(res.Value.Bank)], res);
                return true;
            case OpNames.SetSlot or OpNames.StorePointer when f.IsSlot(op.Args[0]):
            {
                var v = f.Operand(op.Args[1]);
                char b = Flattener.BankOfOperand(v);
                f.Emit("setfield_" + b, "r" + b + "d", [f.Operand(op.Args[0]), v, SlotField(b)]);
                return true;
            }
            case OpNames.DirectCall when op.Args.Length > 1 && f.IsSlot(op.Args[1])
                                         && ((MethodReference)Lit(op.Args[0])).DeclaringType.FullName == InterpolationHandler:
                InterpolatedString(f, op, res);
                return true;
            case OpNames.ZeroPointer when f.IsSlot(op.Args[0]):
                f.Emit("setfield_r", "rrd", [f.Operand(op.Args[0]), new ConstOp('r', null), SlotField('r')]);
                return true;
            case OpNames.DirectCall when op.Args.Length > 1 && f.IsSlot(op.Args[1])
                                         && ((MethodReference)Lit(op.Args[0])) is { HasThis: true, DeclaringType.IsPrimitive: true } m:
            {
                // An instance method of a primitive on an address-taken local: call it on the boxed value.
                var t = m.DeclaringType;
                char b = RegAlloc.BankOf(TypeKinds.KindOf(t));
                var value = f.Scratch[b];
                f.Emit("getfield_" + b, "r" + "d>" + b, [f.Operand(op.Args[1]), SlotField(b)], value);
                if (res is { } cmp && IntegerComparePrefix(m) is { } prefix && op.Args.Length == 3
                    && op.Args[2].Kind != Flow.Model.ValueKind.ManagedPointer)
                {
                    EmitIntegerCompare(f, prefix, m.Name, value, f.Operand(op.Args[2]), cmp);
                    return true;
                }
                var boxed = f.Scratch['r'];
                f.Emit("box_" + b, b + "d>r", [value, TypeDescrOf(t)], boxed);
                var target = _policy.Target(m, isVirtual: false);
                var args = new List<object> { boxed };
                args.AddRange(op.Args.Skip(2).Select(f.Operand));
                string k = res is { } r ? r.Bank.ToString() : "v";
                f.Live();
                f.Emit("residual_call_" + k, "dIRF" + (res is null ? "" : ">" + k), [ResidualDescrOf(target), .. Lists(args)], res);
                return true;
            }
        }
        return false;
    }

    public void Transform(Flattener f, Operation op)
    {
        if (f.Partial && op.OpName == OpNames.AllocSlot && (op.Result is null || !f.IsSlot(op.Result))) return; // no register; users are unsupported
        f.ResetTemps();
        if (op.Result is { } dp && f.DerivedPointer(dp) is not null) { DerivedPointer(f, op); return; }
        Reg? res = op.Result is { } rv ? f.Operand(rv) as Reg? : null;
        // Struct slots and initobj first: SlotOperation would zero them as references.
        if ((op.OpName is OpNames.ZeroPointer or OpNames.AllocSlot) && AddressOperation(f, op, res)) return;
        if (SlotOperation(f, op, res)) return;
        if (AddressOperation(f, op, res)) return;
        foreach (var a in op.Args) CheckKind(f, a);
        var name = op.OpName;
        if (InstructionSet.IsPure(name))
        {
            var def = InstructionSet.Pure(name)!;
            var args = op.Args.Select(f.Operand).ToArray();
            var expected = def.ArgCodes.Split('>');
            if (res is null || args.Length != expected[0].Length || res.Value.Bank != expected[1][0]
                || args.Select(Flattener.BankOfOperand).Where((b, k) => b != expected[0][k]).Any())
                throw new UnsupportedException("operand banks of " + op);
            if (op.CanRaise) f.Live();
            f.Emit(name, def.ArgCodes, args, res);
            return;
        }
        switch (name)
        {
            case OpNames.SameAs: f.Copy(f.Operand(op.Args[0]), res!.Value); return;
            case OpNames.GetField:
            {
                var fd = FieldDescrOf((FieldReference)Lit(op.Args[1]));
                RequireRef(op.Args[0]);
                f.Live();
                f.Emit("getfield_" + res!.Value.Bank, "rd>" + res.Value.Bank, [f.Operand(op.Args[0]), fd], res);
                return;
            }
            case OpNames.SetField:
            {
                var fd = FieldDescrOf((FieldReference)Lit(op.Args[1]));
                RequireRef(op.Args[0]);
                var v = f.Operand(op.Args[2]);
                char b = Flattener.BankOfOperand(v);
                f.Live();
                f.Emit("setfield_" + b, "r" + b + "d", [f.Operand(op.Args[0]), v, fd]);
                return;
            }
            case OpNames.GetStaticField:
            {
                var sd = StaticDescrOf((FieldReference)Lit(op.Args[0]));
                f.Emit("getstatic_" + res!.Value.Bank, "d>" + res.Value.Bank, [sd], res);
                return;
            }
            case OpNames.SetStaticField:
            {
                var sd = StaticDescrOf((FieldReference)Lit(op.Args[0]));
                var v = f.Operand(op.Args[1]);
                char b = Flattener.BankOfOperand(v);
                f.Emit("setstatic_" + b, b + "d", [v, sd]);
                return;
            }
            case OpNames.NewArray:
            {
                var ad = ArrayDescrOf((TypeReference)Lit(op.Args[0]));
                f.Live();
                f.Emit("new_array", "id>r", [f.Operand(op.Args[1]), ad], res);
                return;
            }
            case OpNames.GetArrayItem:
            {
                var ad = ArrayDescrOf(ElementType(op.Args[0]));
                f.Live();
                f.Emit("getarrayitem_" + res!.Value.Bank, "rid>" + res.Value.Bank, [f.Operand(op.Args[0]), f.Operand(op.Args[1]), ad], res);
                return;
            }
            case OpNames.SetArrayItem:
            {
                var ad = ArrayDescrOf(ElementType(op.Args[0]));
                var v = f.Operand(op.Args[2]);
                char b = Flattener.BankOfOperand(v);
                f.Live();
                f.Emit("setarrayitem_" + b, "ri" + b + "d", [f.Operand(op.Args[0]), f.Operand(op.Args[1]), v, ad]);
                return;
            }
            case OpNames.ArrayLen:
                f.Live();
                f.Emit("arraylen", "r>i", [f.Operand(op.Args[0])], res);
                return;
            case OpNames.IsInst:
                f.Emit("isinst", "rd>r", [f.Operand(op.Args[1]), TypeDescrOf((TypeReference)Lit(op.Args[0]))], res);
                return;
            case OpNames.CastClass:
                f.Live();
                f.Emit("castclass", "rd>r", [f.Operand(op.Args[1]), TypeDescrOf((TypeReference)Lit(op.Args[0]))], res);
                return;
            case OpNames.Box:
            {
                var t = (TypeReference)Lit(op.Args[0]);
                var v = f.Operand(op.Args[1]);
                char b = Flattener.BankOfOperand(v);
                if (b == 'r') { f.Copy(v, res!.Value); return; }
                f.Emit("box_" + b, b + "d>r", [v, TypeDescrOf(t)], res);
                return;
            }
            case OpNames.UnboxAny:
            {
                var t = (TypeReference)Lit(op.Args[0]);
                f.Live();
                if (res!.Value.Bank == 'r') f.Emit("castclass", "rd>r", [f.Operand(op.Args[1]), TypeDescrOf(t)], res);
                else f.Emit("unbox_" + res.Value.Bank, "rd>" + res.Value.Bank, [f.Operand(op.Args[1]), TypeDescrOf(t)], res);
                return;
            }
            case OpNames.Throw:
                f.Live();
                f.Emit("raise", "r", [f.Operand(op.Args[0])]);
                return;
            case OpNames.DefaultValue:
                f.Copy(res!.Value.Bank switch { 'i' => new ConstOp('i', 0L), 'f' => new ConstOp('f', 0.0), _ => new ConstOp('r', null) }, res.Value);
                return;
            case OpNames.NewObj: NewObject(f, op, res); return;
            case OpNames.DirectCall: Call(f, op, res, isVirtual: false); return;
            case OpNames.VirtualCall: Call(f, op, res, isVirtual: true); return;
        }
        throw new UnsupportedException("operation " + name);
    }

    internal static object Lit(Value v) => ((Constant)v).Literal ?? throw new UnsupportedException("null descriptor");

    private static void RequireRef(Value v)
    {
        if (v.Kind != Flow.Model.ValueKind.Ref) throw new UnsupportedException("field access on a " + v.Kind.Short());
    }

    private static TypeReference ElementType(Value array) =>
        (array.Type is null ? null : TypeKinds.StripModifiers(array.Type)) is ArrayType { IsVector: true } at
            ? at.ElementType
            : throw new UnsupportedException("array of unknown static type");

    private void NewObject(Flattener f, Operation op, Reg? res)
    {
        var ctor = (MethodReference)Lit(op.Args[0]);
        // (A multi-dimensional array is a residual_new of the array type's constructor.)
        if (res is null || res.Value.Bank != 'r')
            throw new UnsupportedException("newobj of " + ctor.DeclaringType.FullName);
        var args = op.Args.Skip(1).Select(f.Operand).ToList();
        if (_policy.IsProjectMethod(ctor))
        {
            // Allocate, then run the constructor like any call (looked inside if possible).
            var target = _policy.Target(ctor, isVirtual: false);
            f.Emit("new", "d>r", [TypeDescrOf(ctor.DeclaringType)], res);
            EmitCall(f, target, new object[] { res.Value }.Concat(args).ToList(), null);
            return;
        }
        var t = _policy.Target(ctor, isVirtual: false);
        f.Live();
        f.Emit("residual_new", "dIRF>r", [ResidualDescrOf(t), .. Lists(args)], res);
    }

    private static object[] Lists(List<object> args) =>
        "irf".Select(b => (object)new RegList(b, args.Where(a => Flattener.BankOfOperand(a) == b).ToArray())).ToArray();

    private void Call(Flattener f, Operation op, Reg? res, bool isVirtual)
    {
        var m = (MethodReference)Lit(op.Args[0]);
        var args = op.Args.Skip(1).Select(f.Operand).ToList();
        if (SpecialCall(f, m, args, res)) return;
        if (m.Name == ".ctor" && m.DeclaringType.FullName == "System.Object") return; // does nothing
        var target = _policy.Target(m, isVirtual);
        if (isVirtual && !f.HandlesExceptions && _policy.MonomorphicTarget(m, op.Args[1].Type) is { } mono)
        {
            GuardedCall(f, mono.Class, _policy.Target(mono.Impl, isVirtual: false), target, args, res);
            return;
        }
        EmitCall(f, target, args, res);
    }

    /// <summary>
    /// A virtual call with one possible receiver class (class-hierarchy analysis): guard_class, then
    /// a direct call of the implementation (inlined if looked inside); another class or null takes
    /// the residual virtual call.
    /// </summary>
    private void GuardedCall(Flattener f, Mono.Cecil.TypeDefinition cls, CallTarget impl, CallTarget virtualCall, List<object> args, Reg? res)
    {
        var slow = Flattener.NewLabel();
        var done = Flattener.NewLabel();
        f.Live();
        f.Emit("guard_class", "rdL", [args[0], TypeDescrOf(cls), slow]);
        EmitCall(f, impl, args, res);
        f.Emit("goto", "L", [done]);
        f.Place(slow);
        EmitCall(f, virtualCall, args, res);
        f.Place(done);
    }

    /// <summary>A call placeholder; the assembler makes it inline_call or residual_call.</summary>
    private static void EmitCall(Flattener f, CallTarget target, List<object> args, Reg? res)
    {
        string k = res is { } r ? r.Bank.ToString() : "v";
        f.Live();
        f.Emit("call_" + k, "dIRF" + (res is null ? "" : ">" + k), [target, .. Lists(args)], res);
    }

    /// <summary>Hints and well-known .NET methods that become special instructions.</summary>
    private bool SpecialCall(Flattener f, MethodReference m, List<object> args, Reg? res)
    {
        string type = m.DeclaringType.FullName;
        switch (type, m.Name)
        {
            case ("RSharp.Hints.JitDriver", "JitMergePoint"):
            case ("RSharp.Hints.JitDriver", "CanEnterJit"):
            {
                var values = args.Skip(1).ToList(); // the driver object itself is not a live value
                var banks = new string(values.Select(Flattener.BankOfOperand).ToArray());
                string insn = m.Name == "JitMergePoint" ? "jit_merge_point" : "can_enter_jit";
                f.Live();
                f.Emit(insn, "dIRF", [new MergePointDescr(insn, banks), .. Lists(values)]);
                return true;
            }
            case ("RSharp.Hints.Jit", "Promote"):
            case ("RSharp.Hints.Jit", "PromoteString"):
            {
                char b = Flattener.BankOfOperand(args[0]);
                f.Live();
                f.Emit(b switch { 'i' => "int_guard_value", 'r' => "ref_guard_value", _ => "float_guard_value" }, b.ToString(), [args[0]]);
                f.Copy(args[0], res!.Value);
                return true;
            }
            case ("System.String", "get_Length"):
                f.Emit("strlen", "r>i", [args[0]], res);
                return true;
            case ("System.String", "get_Chars"):
                f.Live();
                f.Emit("strgetitem", "ri>i", [args[0], args[1]], res);
                return true;
            case ("System.String", "op_Equality") when m.Parameters.Count == 2:
            case ("System.String", "Equals") when !m.HasThis && m.Parameters.Count == 2 && m.Parameters.All(p => p.ParameterType.FullName == "System.String"):
                f.Emit("str_eq", "rr>i", [args[0], args[1]], res);
                return true;
            case ("System.String", "Concat") when m.Parameters.Count == 2 && m.Parameters.All(p => p.ParameterType.FullName == "System.String"):
                f.Emit("str_concat", "rr>r", [args[0], args[1]], res);
                return true;
        }
        return false;
    }
}
