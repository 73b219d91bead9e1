using System.Reflection;
using System.Runtime.CompilerServices;
using RSharp.Jit.Traces;

namespace RSharp.Jit.JitCodes;

/// <summary>
/// Instructions appended to the set for structs, addresses and delegates, and the calling
/// convention of residual calls with address arguments: a by-ref parameter, or the receiver of
/// a struct method, is passed as a <see cref="Slot"/>; the call reads the slot before and
/// writes it back after (copy-in, copy-out).
/// </summary>
public sealed partial class BlackholeInterpreter
{
    private int ExecuteAppended(Frame frame, InstructionDef def, int pc)
    {
        var code = frame.JitCode.Code;
        var refs = frame.Refs;
        var descrs = frame.JitCode.Descrs;
        switch (def.Kind)
        {
            case InsnKind.StructCopy:
                refs[code[pc + 1]] = CopyStruct(refs[code[pc]]);
                return pc + 2;
            case InsnKind.NewDelegate:
            case InsnKind.NewVirtualDelegate:
            {
                var type = ((TypeDescr)descrs[U16(code, pc + 1)]).Type;
                var method = ((CallDescr)descrs[U16(code, pc + 3)]).Method;
                refs[code[pc + 5]] = MakeDelegate(type, method, def.Kind == InsnKind.NewVirtualDelegate, refs[code[pc]]);
                return pc + 6;
            }
            case InsnKind.GuardClass:
            {
                var o = refs[code[pc]];
                var t = ((TypeDescr)descrs[U16(code, pc + 1)]).Type;
                return o is not null && o.GetType() == t ? pc + 5 : U16(code, pc + 3);
            }
            default: throw new BlackholeError("unknown instruction " + def.Name);
        }
    }

    /// <summary>The delegate new_delegate / new_virtual_delegate make (ldftn / ldvirtftn + newobj).</summary>
    internal static Delegate MakeDelegate(Type type, MethodInfo method, bool isVirtual, object? target)
    {
        if (isVirtual) method = Dispatch(NonNull(target).GetType(), method);
        return method.IsStatic
            ? Delegate.CreateDelegate(type, target, method) // a closed static (extension method) or an open one
            : Delegate.CreateDelegate(type, NonNull(target), method);
    }

    /// <summary>A fresh box of the same struct value (other objects, and null, unchanged).</summary>
    internal static object? CopyStruct(object? o) => RuntimeHelpers.GetObjectValue(o);

    /// <summary>The implementation of the virtual or interface method <paramref name="m"/> on class <paramref name="t"/> (ldvirtftn).</summary>
    private static MethodInfo Dispatch(Type t, MethodInfo m)
    {
        if (!m.IsVirtual) return m;
        if (m.DeclaringType!.IsInterface)
        {
            var map = t.GetInterfaceMap(m.DeclaringType);
            int k = Array.IndexOf(map.InterfaceMethods, m);
            return k >= 0 ? map.TargetMethods[k] : m;
        }
        var root = m.GetBaseDefinition();
        for (var c = t; c is not null; c = c.BaseType)
            foreach (var cand in c.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (cand.Name == m.Name && cand.GetBaseDefinition() == root) return cand;
        return m;
    }

    /// <summary>The value a slot holds for a location of <paramref name="type"/>, as a .NET value of that type.</summary>
    private static object? SlotValue(Slot s, Type type) => ValueKinds.Of(type) switch
    {
        ValueKind.Int => BlackholeValues.FromInt(s.I, type),
        ValueKind.Float => BlackholeValues.FromFloat(s.F, type),
        _ => CopyStruct(s.R),
    };

    private static void SetSlotValue(Slot s, Type type, object? v)
    {
        switch (ValueKinds.Of(type))
        {
            case ValueKind.Int: s.I = BlackholeValues.ToInt(v); break;
            case ValueKind.Float: s.F = BlackholeValues.ToFloat(v); break;
            default: s.R = v; break;
        }
    }

    private static bool ReceiverIsAddress(Descr descr, bool construct) => descr switch
    {
        CallDescr c => !c.Method.IsStatic && c.Method.DeclaringType!.IsValueType,
        ConstructorDescr c => !construct && c.Constructor.DeclaringType!.IsValueType,
        _ => false,
    };

    /// <summary>
    /// Replaces the slots passed for by-ref parameters (and a struct receiver) by their values;
    /// returns the slots by parameter index (-1: the receiver), or null when there are none.
    /// </summary>
    private static Dictionary<int, Slot>? UnwrapAddresses(Descr descr, IReadOnlyList<Type> types, object?[] args, ref object? receiver, bool construct)
    {
        Dictionary<int, Slot>? slots = null;
        for (int k = 0; k < types.Count; k++)
            if (types[k].IsByRef && args[k] is Slot s)
            {
                (slots ??= new())[k] = s;
                args[k] = SlotValue(s, types[k].GetElementType()!);
            }
        if (receiver is Slot rs && ReceiverIsAddress(descr, construct))
        {
            (slots ??= new())[-1] = rs;
            var t = descr is CallDescr c ? c.Method.DeclaringType! : ((ConstructorDescr)descr).Constructor.DeclaringType!;
            receiver = SlotValue(rs, t);
        }
        return slots;
    }

    /// <summary>A residual call whose by-ref arguments (or struct receiver) may be slots: copy-in, call, copy-out (for compiled code).</summary>
    internal static object? InvokeResidualWithSlots(Descr descr, IReadOnlyList<Type> types, object?[] args, object? receiver, bool construct)
    {
        var slots = UnwrapAddresses(descr, types, args, ref receiver, construct);
        return slots is null ? InvokeResidual(descr, args, receiver, construct) : InvokeWithAddresses(descr, types, args, receiver, construct, slots);
    }

    /// <summary>Invokes, then writes the by-ref values and the receiver back into their slots.</summary>
    private static object? InvokeWithAddresses(Descr descr, IReadOnlyList<Type> types, object?[] args, object? receiver, bool construct, Dictionary<int, Slot> slots)
    {
        object? result;
        try
        {
            if (descr is ConstructorDescr ctor && slots.ContainsKey(-1))
            {
                // A struct constructor on a location: construct the value, then store it.
                receiver = ctor.Constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, args, null);
                result = null;
            }
            else result = InvokeResidual(descr, args, receiver, construct);
        }
        finally
        {
            foreach (var (k, s) in slots)
            {
                if (k < 0)
                {
                    var t = descr is CallDescr c ? c.Method.DeclaringType! : ((ConstructorDescr)descr).Constructor.DeclaringType!;
                    SetSlotValue(s, t, receiver);
                }
                else SetSlotValue(s, types[k].GetElementType()!, args[k]);
            }
        }
        return result;
    }
}
