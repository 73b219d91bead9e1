using Mono.Cecil;
using RSharp.Flow;
using RSharp.Flow.Interpreting;
using RSharp.Flow.Model;
using RSharp.Jit.JitCodes;
using Operation = RSharp.Flow.Model.Operation;

namespace RSharp.CodeWriter;

/// <summary>
/// Managed pointers and structs (RPython has no addresses; the codewriter lowers them). A
/// struct value is a box in a ref register that is never mutated once it holds a value: a field
/// update copies it (<c>struct_copy</c>) and writes the copy back. A pointer is resolved
/// statically to the location it names (<see cref="Addr"/>), and loads and stores through it
/// become getfield/setfield/getarrayitem/setarrayitem/getstatic/setstatic on that location.
/// Only stack slots and by-ref parameters are pointers at run time: a <see cref="Slot"/>. An
/// address argument of a call is passed as a slot: the slot itself, or a temporary slot that is
/// filled before the call and written back after it (also when the call raises).
/// </summary>
internal sealed partial class Transformer
{
    /// <summary>A location: a slot, a field of an object, an array element, a static field, the data of a box, or a field of a struct at a location.</summary>
    private abstract record Addr;
    private sealed record SlotAddr(object Slot) : Addr;
    private sealed record FieldAddr(object Obj, FieldReference Field) : Addr;
    private sealed record ElemAddr(object Array, object Index, TypeReference Elem) : Addr;
    private sealed record StaticAddr(FieldReference Field) : Addr;
    private sealed record UnboxAddr(object Box, TypeReference Type) : Addr;
    private sealed record InnerAddr(Addr Parent, FieldReference Field) : Addr;

    private Addr Resolve(Flattener f, Value ptr)
    {
        if (f.IsSlot(ptr)) return new SlotAddr(f.Operand(ptr));
        var def = f.DerivedPointer(ptr) ?? throw new UnsupportedException("address of unknown origin");
        switch (AddressSinking.ElementAddressCall(def))
        {
            case "data":
                return new ElemAddr(f.Operand(def.Args[1]), new ConstOp('i', 0L), ((GenericInstanceMethod)Lit(def.Args[0])).GenericArguments[0]);
            case "add":
                // Only from the start of an array's data: the element at the offset (the caller checked the bounds; so does setarrayitem).
                return Resolve(f, def.Args[1]) is ElemAddr { Index: ConstOp { Value: 0L } } e
                    ? e with { Index = f.Operand(def.Args[2]) }
                    : throw new UnsupportedException("Unsafe.Add on an address other than an array's data");
        }
        return def.OpName switch
        {
            OpNames.FieldAddr when def.Args[0].Kind == Flow.Model.ValueKind.ManagedPointer => new InnerAddr(Resolve(f, def.Args[0]), (FieldReference)Lit(def.Args[1])),
            OpNames.FieldAddr when def.Args[0].Kind == Flow.Model.ValueKind.Ref => new FieldAddr(f.Operand(def.Args[0]), (FieldReference)Lit(def.Args[1])),
            OpNames.ArrayItemAddr => new ElemAddr(f.Operand(def.Args[0]), f.Operand(def.Args[1]), (TypeReference)Lit(def.Args[2])),
            OpNames.StaticFieldAddr => new StaticAddr((FieldReference)Lit(def.Args[0])),
            OpNames.Unbox when !TypeKinds.IsNullable((TypeReference)Lit(def.Args[0])) => new UnboxAddr(f.Operand(def.Args[1]), (TypeReference)Lit(def.Args[0])),
            _ => throw new UnsupportedException("address from " + def.OpName),
        };
    }

    /// <summary>The type of the value a pointer points to.</summary>
    private static TypeReference PointeeType(Value ptr) =>
        (ptr.Type is null ? null : TypeKinds.StripModifiers(ptr.Type)) is ByReferenceType br ? br.ElementType
            : throw new UnsupportedException("pointer of unknown type");

    private static char BankOfType(TypeReference t) => RegAlloc.BankOf(TypeKinds.KindOf(t));

    private static bool IsStruct(TypeReference t) => TypeKinds.KindOf(t) == Flow.Model.ValueKind.ValueType;

    /// <summary>Loads the value at <paramref name="a"/> (of bank <paramref name="bank"/>) into <paramref name="dst"/>.</summary>
    private void LoadAt(Flattener f, Addr a, char bank, Reg dst)
    {
        string k = bank.ToString();
        switch (a)
        {
            case SlotAddr s:
                f.Emit("getfield_" + k, "rd>" + k, [s.Slot, SlotField(bank)], dst);
                return;
            case FieldAddr fa:
                f.Live();
                f.Emit("getfield_" + k, "rd>" + k, [fa.Obj, FieldDescrOf(fa.Field)], dst);
                return;
            case ElemAddr e:
                f.Live();
                f.Emit("getarrayitem_" + k, "rid>" + k, [e.Array, e.Index, ArrayDescrOf(e.Elem)], dst);
                return;
            case StaticAddr st:
                f.Emit("getstatic_" + k, "d>" + k, [StaticDescrOf(st.Field)], dst);
                return;
            case UnboxAddr u when bank == 'r':
                f.Emit("struct_copy", "r>r", [u.Box], dst); // the box may be mutated later: copy
                return;
            case UnboxAddr u:
                f.Live();
                f.Emit("unbox_" + k, "rd>" + k, [u.Box, TypeDescrOf(u.Type)], dst);
                return;
            case InnerAddr { Parent: UnboxAddr pu } inner:
                f.Live();
                f.Emit("getfield_" + k, "rd>" + k, [pu.Box, FieldDescrOf(inner.Field)], dst);
                return;
            case InnerAddr inner:
            {
                var box = f.NewTemp('r');
                LoadAt(f, inner.Parent, 'r', box);
                f.Emit("getfield_" + k, "rd>" + k, [box, FieldDescrOf(inner.Field)], dst);
                return;
            }
        }
        throw new UnsupportedException("load from " + a);
    }

    /// <summary>Stores <paramref name="value"/> (a register or constant) at <paramref name="a"/>.</summary>
    private void StoreAt(Flattener f, Addr a, object value)
    {
        char b = Flattener.BankOfOperand(value);
        string k = b.ToString();
        switch (a)
        {
            case SlotAddr s:
                f.Emit("setfield_" + k, "r" + k + "d", [s.Slot, value, SlotField(b)]);
                return;
            case FieldAddr fa:
                f.Live();
                f.Emit("setfield_" + k, "r" + k + "d", [fa.Obj, value, FieldDescrOf(fa.Field)]);
                return;
            case ElemAddr e:
                f.Live();
                f.Emit("setarrayitem_" + k, "ri" + k + "d", [e.Array, e.Index, value, ArrayDescrOf(e.Elem)]);
                return;
            case StaticAddr st:
                f.Emit("setstatic_" + k, k + "d", [value, StaticDescrOf(st.Field)]);
                return;
            case InnerAddr { Parent: UnboxAddr pu } inner:
                // The data of a heap box is mutable storage: update it in place.
                f.Live();
                f.Emit("setfield_" + k, "r" + k + "d", [pu.Box, value, FieldDescrOf(inner.Field)]);
                return;
            case InnerAddr inner:
            {
                var box = f.NewTemp('r');
                LoadAt(f, inner.Parent, 'r', box);
                f.Emit("struct_copy", "r>r", [box], box);
                f.Emit("setfield_" + k, "r" + k + "d", [box, value, FieldDescrOf(inner.Field)]);
                StoreAt(f, inner.Parent, box);
                return;
            }
        }
        throw new UnsupportedException("store to " + a);
    }

    private static bool IsReadOnlyLocation(Addr a) => a switch
    {
        FieldAddr fa => ReflectionBridge.ResolveField(fa.Field).IsInitOnly,
        StaticAddr st => ReflectionBridge.ResolveField(st.Field).IsInitOnly,
        InnerAddr inner => ReflectionBridge.ResolveField(inner.Field).IsInitOnly || IsReadOnlyLocation(inner.Parent),
        _ => false,
    };

    /// <summary>default(T) into <paramref name="dst"/>: zero, null, a fresh box of a struct, null for a nullable.</summary>
    private void EmitDefault(Flattener f, TypeReference t, Reg dst)
    {
        if (IsStruct(t) && ResolveType(t).IsByRefLike) throw new UnsupportedException("ref struct " + t.FullName);
        if (IsStruct(t) && !TypeKinds.IsNullable(t)) f.Emit("new", "d>r", [TypeDescrOf(t)], dst);
        else f.Copy(dst.Bank switch { 'i' => new ConstOp('i', 0L), 'f' => new ConstOp('f', 0.0), _ => new ConstOp('r', null) }, dst);
    }

    /// <summary>
    /// An operation that defines a derived pointer emits nothing, except the checks IL makes when
    /// taking the address (null object, index out of bounds, wrong box type): unbox always; the
    /// others unless the next operation uses the address first (its own load raises the same
    /// exception at the same point), and always before a catch_exception.
    /// </summary>
    private void DerivedPointer(Flattener f, Operation op)
    {
        if (op.OpName == OpNames.Unbox)
        {
            f.Live();
            f.Emit("castclass", "rd>r", [f.Operand(op.Args[1]), TypeDescrOf((TypeReference)Lit(op.Args[0]))], f.NewTemp('r'));
            return;
        }
        bool usedNext = f.NextOperation is { } next && next.Args.Contains(op.Result!) && next.OpName != OpNames.FieldAddr;
        if (usedNext && !f.HandlesExceptions) return;
        switch (op.OpName)
        {
            case OpNames.ArrayItemAddr:
            {
                var elem = (TypeReference)Lit(op.Args[2]);
                char b = BankOfType(elem);
                f.Live();
                f.Emit("getarrayitem_" + b, "rid>" + b, [f.Operand(op.Args[0]), f.Operand(op.Args[1]), ArrayDescrOf(elem)], f.NewTemp(b));
                return;
            }
            case OpNames.FieldAddr when op.Args[0].Kind == Flow.Model.ValueKind.Ref:
            {
                var field = (FieldReference)Lit(op.Args[1]);
                char b = BankOfType(PointeeType(op.Result!));
                f.Live();
                f.Emit("getfield_" + b, "rd>" + b, [f.Operand(op.Args[0]), FieldDescrOf(field)], f.NewTemp(b));
                return;
            }
            case OpNames.DirectCall when AddressSinking.ElementAddressCall(op) == "data":
                f.Live();
                f.Emit("arraylen", "r>i", [f.Operand(op.Args[1])], f.NewTemp('i'));
                return;
        }
    }

    /// <summary>Operations on addresses and struct values; false if the operation is not one.</summary>
    private bool AddressOperation(Flattener f, Operation op, Reg? res)
    {
        static bool IsPtr(Value v) => v.Kind == Flow.Model.ValueKind.ManagedPointer;
        switch (op.OpName)
        {
            case OpNames.AllocSlot when op.Result is not null && f.IsSlot(op.Result) && IsStruct((TypeReference)Lit(op.Args[0]))
                                        && ((TypeReference)Lit(op.Args[0])).FullName != InterpolationHandler:
            {
                f.Emit("new", "d>r", [Cached("T:slot", () => new RSharp.Jit.Traces.TypeDescr(typeof(Slot), "Slot"))], res);
                var init = f.NewTemp('r');
                EmitDefault(f, (TypeReference)Lit(op.Args[0]), init);
                f.Emit("setfield_r", "rrd", [res!.Value, init, SlotField('r')]);
                return true;
            }
            case OpNames.ZeroPointer when !(f.IsSlot(op.Args[0]) && PointeeType(op.Args[0]).FullName == InterpolationHandler):
            {
                var t = (TypeReference)Lit(op.Args[1]);
                var v = f.NewTemp(BankOfType(t));
                EmitDefault(f, t, v);
                StoreAt(f, Resolve(f, op.Args[0]), v);
                return true;
            }
            case OpNames.GetSlot or OpNames.LoadPointer:
                LoadAt(f, Resolve(f, op.Args[0]), res!.Value.Bank, res.Value);
                return true;
            case OpNames.SetSlot or OpNames.StorePointer:
                StoreAt(f, Resolve(f, op.Args[0]), f.Operand(op.Args[1]));
                return true;
            case OpNames.CopyPointer:
            {
                var v = f.NewTemp(BankOfType((TypeReference)Lit(op.Args[2])));
                LoadAt(f, Resolve(f, op.Args[1]), v.Bank, v);
                StoreAt(f, Resolve(f, op.Args[0]), v);
                return true;
            }
            case OpNames.GetField when IsPtr(op.Args[0]):
                LoadAt(f, new InnerAddr(Resolve(f, op.Args[0]), (FieldReference)Lit(op.Args[1])), res!.Value.Bank, res.Value);
                return true;
            case OpNames.GetField when op.Args[0].Kind == Flow.Model.ValueKind.ValueType:
                // A field of a struct value: its box is never null.
                f.Emit("getfield_" + res!.Value.Bank, "rd>" + res.Value.Bank, [f.Operand(op.Args[0]), FieldDescrOf((FieldReference)Lit(op.Args[1]))], res);
                return true;
            case OpNames.SetField when IsPtr(op.Args[0]):
                StoreAt(f, new InnerAddr(Resolve(f, op.Args[0]), (FieldReference)Lit(op.Args[1])), f.Operand(op.Args[2]));
                return true;
            case OpNames.DefaultValue when IsStruct((TypeReference)Lit(op.Args[0])):
                EmitDefault(f, (TypeReference)Lit(op.Args[0]), res!.Value);
                return true;
            case OpNames.Box when op.Args[1].Kind == Flow.Model.ValueKind.ValueType:
                // A box is mutable heap storage (interface calls may mutate it): never share the register's box.
                f.Emit("struct_copy", "r>r", [f.Operand(op.Args[1])], res);
                return true;
            case OpNames.NewObj when TypeKinds.IsNullable(((MethodReference)Lit(op.Args[0])).DeclaringType):
                BoxNullable(f, ((MethodReference)Lit(op.Args[0])).DeclaringType, f.Operand(op.Args[1]), res!.Value);
                return true;
            case OpNames.NewObj when res is { Bank: 'r' } && IsStruct(((MethodReference)Lit(op.Args[0])).DeclaringType)
                                     && _policy.IsProjectMethod((MethodReference)Lit(op.Args[0])):
            {
                // A project struct constructor runs on a fresh slot holding the default value.
                var ctor = (MethodReference)Lit(op.Args[0]);
                var slot = f.NewTemp('r');
                f.Emit("new", "d>r", [Cached("T:slot", () => new RSharp.Jit.Traces.TypeDescr(typeof(Slot), "Slot"))], slot);
                var init = f.NewTemp('r');
                EmitDefault(f, ctor.DeclaringType, init);
                f.Emit("setfield_r", "rrd", [slot, init, SlotField('r')]);
                EmitCall(f, _policy.Target(ctor, isVirtual: false), new object[] { slot }.Concat(op.Args.Skip(1).Select(f.Operand)).ToList(), null);
                f.Emit("getfield_r", "rd>r", [slot, SlotField('r')], res);
                return true;
            }
            case OpNames.NewDelegate: NewDelegate(f, op, res!.Value); return true;
            case OpNames.LdToken when res is { Bank: 'r' }:
            {
                // The runtime handle (a struct) is a constant box.
                object handle = Lit(op.Args[0]) switch
                {
                    FieldReference fr => ReflectionBridge.ResolveField(fr).FieldHandle,
                    TypeReference tr => ResolveType(tr).TypeHandle,
                    MethodReference mr => ReflectionBridge.ResolveMethod(mr).MethodHandle,
                    var o => throw new UnsupportedException("ldtoken of " + o),
                };
                f.Copy(new ConstOp('r', handle), res.Value);
                return true;
            }
            case OpNames.Ldftn or OpNames.Ldvirtftn: return true; // consumed by new_delegate
            case OpNames.ConstrainedCall: ConstrainedCall(f, op, res); return true;
            case OpNames.DirectCall when TypeKinds.IsNullable(((MethodReference)Lit(op.Args[0])).DeclaringType):
            {
                var m = (MethodReference)Lit(op.Args[0]);
                NullableCall(f, m.DeclaringType, m.Name, Resolve(f, op.Args[1]), op.Args.Skip(2).ToList(), res);
            }
                return true;
            case OpNames.DirectCall or OpNames.VirtualCall when op.Args.Skip(1).Any(IsPtr):
                CallWithAddresses(f, (MethodReference)Lit(op.Args[0]), op.Args.Skip(1).ToList(), res, op.OpName == OpNames.VirtualCall);
                return true;
        }
        return false;
    }

    private void BoxNullable(Flattener f, TypeReference nullable, object value, Reg dst)
    {
        var t = ((GenericInstanceType)TypeKinds.StripModifiers(nullable)).GenericArguments[0];
        char b = Flattener.BankOfOperand(value);
        if (b == 'r') f.Emit("struct_copy", "r>r", [value], dst);
        else f.Emit("box_" + b, b + "d>r", [value, TypeDescrOf(t)], dst);
    }

    /// <summary>
    /// <c>x.CompareTo(y)</c> or <c>x.Equals(y)</c> on an integer local or field (interpreters
    /// compare boxed ints this way): pure comparisons of the value, not a residual call through a
    /// slot. Int32/Int64 CompareTo returns exactly -1, 0 or 1.
    /// </summary>
    private bool IntegerCompare(Flattener f, MethodReference m, List<Value> args, Reg? res)
    {
        if (IntegerComparePrefix(m) is not { } prefix || res is null || args.Count != 2
            || args[0].Kind != Flow.Model.ValueKind.ManagedPointer || args[1].Kind == Flow.Model.ValueKind.ManagedPointer)
            return false;
        var x = f.NewTemp('i');
        LoadAt(f, Resolve(f, args[0]), 'i', x);
        EmitIntegerCompare(f, prefix, m.Name, x, f.Operand(args[1]), res.Value);
        return true;
    }

    /// <summary>The operation prefix if <paramref name="m"/> is CompareTo/Equals of an integer type with an argument of the same type.</summary>
    private static string? IntegerComparePrefix(MethodReference m)
    {
        string? prefix = m.DeclaringType.FullName switch
        {
            "System.Int32" => "int", "System.UInt32" => "uint", "System.Int64" => "llong", "System.UInt64" => "ullong", _ => null,
        };
        return prefix is not null && m.HasThis && m.Name is "CompareTo" or "Equals" && m.Parameters.Count == 1
            && m.Parameters[0].ParameterType.FullName == m.DeclaringType.FullName ? prefix : null;
    }

    private static void EmitIntegerCompare(Flattener f, string prefix, string name, object x, object y, Reg res)
    {
        if (name == "Equals")
        {
            f.Emit(prefix + "_eq", "ii>i", [x, y], res);
            return;
        }
        var lt = f.NewTemp('i');
        var gt = f.NewTemp('i');
        f.Emit(prefix + "_lt", "ii>i", [x, y], lt);
        f.Emit(prefix + "_gt", "ii>i", [x, y], gt);
        f.Emit("int_sub", "ii>i", [gt, lt], res);
    }

    /// <summary>
    /// A call whose arguments include addresses: slots are passed as they are, other locations
    /// through a temporary slot that is written back after the call, on both exits.
    /// </summary>
    private void CallWithAddresses(Flattener f, MethodReference m, List<Value> args, Reg? res, bool isVirtual)
    {
        if (IntegerCompare(f, m, args, res)) return;
        var operands = new List<object>();
        var writeBacks = new List<(Addr Addr, Reg Slot, char Bank)>();
        foreach (var a in args)
        {
            if (a.Kind != Flow.Model.ValueKind.ManagedPointer) { operands.Add(f.Operand(a)); continue; }
            var addr = Resolve(f, a);
            if (addr is SlotAddr s) { operands.Add(s.Slot); continue; }
            char bank = BankOfType(PointeeType(a));
            var slot = f.NewTemp('r');
            var v = f.NewTemp(bank);
            f.Emit("new", "d>r", [Cached("T:slot", () => new RSharp.Jit.Traces.TypeDescr(typeof(Slot), "Slot"))], slot);
            LoadAt(f, addr, bank, v);
            f.Emit("setfield_" + bank, "r" + bank + "d", [slot, v, SlotField(bank)]);
            operands.Add(slot);
            // A readonly field cannot change through the address (and a static one cannot be set again).
            if (!IsReadOnlyLocation(addr)) writeBacks.Add((addr, slot, bank));
        }
        if (!SpecialCall(f, m, operands, res))
            EmitCall(f, _policy.Target(m, isVirtual), operands, res);
        if (writeBacks.Count == 0) return;
        void WriteBack()
        {
            foreach (var (addr, slot, bank) in writeBacks)
            {
                var v = f.NewTemp(bank);
                f.Emit("getfield_" + bank, "rd>" + bank, [slot, SlotField(bank)], v);
                StoreAt(f, addr, v);
            }
        }
        if (f.HandlesExceptions)
        {
            // Inside a try: the flattener's catch_exception follows the call; it runs the write-back on both exits.
            f.OnBothExits = WriteBack;
            return;
        }
        var raised = Flattener.NewLabel();
        var done = Flattener.NewLabel();
        f.Emit("catch_exception", "L", [raised]);
        WriteBack();
        f.Emit("goto", "L", [done]);
        f.Place(raised);
        WriteBack();
        f.Emit("reraise", "", []);
        f.Place(done);
    }
}
