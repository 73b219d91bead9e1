using System.Reflection;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// RPython's <c>pure</c> pass: common-subexpression elimination of pure operations, of
/// operations pure given their descriptor (immutable fields and array items, array and string
/// lengths) and of elidable calls (<c>call_pure_*</c>), which with constant arguments are called
/// at optimization time. A <c>call_pure</c> that stays becomes a plain <c>call</c>; the
/// <c>guard_no_exception</c> after a removed call goes too; a call whose result a
/// <c>record_known_result</c> gave is that result. An <c>*_ovf</c> operation already
/// seen with its <c>guard_no_overflow</c> is reused with the guard removed.
/// </summary>
internal sealed class OptPure : Optimization
{
    private readonly Dictionary<PureKey, TraceValue> _seen = [];
    private bool _callRemoved;
    private bool _ovfReused;
    private Operation? _pendingOvf;

    public override void Propagate(Operation op)
    {
        bool callRemoved = _callRemoved, ovfReused = _ovfReused;
        var pendingOvf = _pendingOvf;
        _callRemoved = _ovfReused = false;
        _pendingOvf = null;
        var info = op.Info;
        switch (op.OpCode)
        {
            case OpCode.GuardNoException when callRemoved:
                return;
            case OpCode.GuardNoOverflow when ovfReused:
                return;
            case OpCode.GuardNoOverflow when pendingOvf is not null:
                EmitNext(op);
                // The operation did not overflow: later copies need neither the check nor the guard,
                // and the plain operation on the same arguments has the same value.
                Record(pendingOvf, pendingOvf);
                Record(new Operation(PlainOf(pendingOvf.OpCode), pendingOvf.Args), pendingOvf);
                return;
            case >= OpCode.CallPureI and <= OpCode.CallPureN:
                CallPure(op);
                return;
            case >= OpCode.CallLoopinvariantI and <= OpCode.CallLoopinvariantN:
                // Same result throughout the loop: one call per trace is enough.
                if (Lookup(op) is { } inv) { Opt.MakeEqual(op, inv); _callRemoved = true; return; }
                EmitNext(op);
                Record(op, op);
                return;
            case OpCode.IntAddOvf or OpCode.IntSubOvf or OpCode.IntMulOvf:
                if (Lookup(op) is { } prev) { Opt.MakeEqual(op, prev); _ovfReused = true; return; }
                EmitNext(op);
                _pendingOvf = op;
                return;
        }
        if (info.IsPure || (info.IsAlwaysPureWithDescr && !info.IsCall))
        {
            if (Lookup(op) is { } same)
            {
                Opt.MakeEqual(op, same);
                return;
            }
            EmitNext(op);
            Record(op, op);
            return;
        }
        EmitNext(op);
    }

    private void CallPure(Operation op)
    {
        var call = (CallDescr)op.Descr!;
        var args = op.Args.Select(Opt.Get).ToArray();
        // A recorded result first: the function is not called, even on constants.
        if (Opt.KnownResult(call, args) is { } known)
        {
            Opt.MakeEqual(op, known);
            _callRemoved = true;
            return;
        }
        if (call.Effect.IsElidable && args.All(a => a is Const) && TryCallNow(call, args, op.Kind, out var result))
        {
            Opt.MakeConstant(op, result);
            _callRemoved = true;
            return;
        }
        if (Lookup(op) is { } same)
        {
            Opt.MakeEqual(op, same);
            _callRemoved = true;
            return;
        }
        var plain = new Operation(op.OpCode - OpCode.CallPureI + OpCode.CallI, args, op.Descr);
        Opt.MakeEqual(op, plain);
        Record(op, plain);
        EmitNext(plain);
    }

    /// <summary>Calls an elidable function on constant arguments; false if it raises.</summary>
    private bool TryCallNow(CallDescr call, TraceValue[] args, ValueKind kind, out Const result)
    {
        result = ConstNull.Instance;
        int first = 0;
        object? receiver = null;
        if (call.Delegate is null && !call.Method.IsStatic)
        {
            receiver = ((ConstRef)args[0]).Value;
            if (receiver is null) return false;
            first = 1;
        }
        var boxed = new object?[call.ParameterTypes.Count];
        for (int k = 0; k < boxed.Length; k++) boxed[k] = Box(args[first + k], call.ParameterTypes[k]);
        object? value;
        try
        {
            value = call.Delegate is { } d ? d.DynamicInvoke(boxed)
                : call.Method.Invoke(receiver, BindingFlags.DoNotWrapExceptions, null, boxed, null);
        }
        catch (Exception)
        {
            // It raises: leave the call (and its exception guard) to run time.
            return false;
        }
        switch (kind)
        {
            case ValueKind.Int: result = new ConstInt(ToLong(value)); return true;
            case ValueKind.Float: result = new ConstFloat(value is float f ? f : (double)value!); return true;
            case ValueKind.Ref: result = Opt.ConstOf(value); return true;
            default: return true;
        }
    }

    private static object? Box(TraceValue v, Type t) => v switch
    {
        ConstInt i => t.IsEnum ? Enum.ToObject(t, i.Value) : Type.GetTypeCode(t) switch
        {
            TypeCode.Boolean => i.Value != 0,
            TypeCode.Char => (char)i.Value,
            TypeCode.SByte => (sbyte)i.Value,
            TypeCode.Byte => (byte)i.Value,
            TypeCode.Int16 => (short)i.Value,
            TypeCode.UInt16 => (ushort)i.Value,
            TypeCode.Int32 => (int)i.Value,
            TypeCode.UInt32 => (uint)i.Value,
            TypeCode.UInt64 => (ulong)i.Value,
            _ => i.Value,
        },
        ConstFloat f => t == typeof(float) ? (float)f.Value : f.Value,
        ConstRef r => r.Value,
        _ => throw new ArgumentException("not a constant"),
    };

    private static long ToLong(object? v) => v switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        char c => c,
        ulong u => unchecked((long)u),
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static OpCode PlainOf(OpCode ovf) => ovf switch
    {
        OpCode.IntAddOvf => OpCode.IntAdd,
        OpCode.IntSubOvf => OpCode.IntSub,
        _ => OpCode.IntMul,
    };

    private TraceValue? Lookup(Operation op)
    {
        var key = Key(op, swap: false);
        if (_seen.TryGetValue(key, out var v)) return v;
        if (ConstantFolding.IsCommutative(op.OpCode) && op.Args.Count == 2 && _seen.TryGetValue(Key(op, swap: true), out v)) return v;
        // a < b is b > a
        if (op.Info.IsComparison && ConstantFolding.Swapped(op.OpCode) is var sw && sw != op.OpCode
            && _seen.TryGetValue(new PureKey(sw, op.Descr, [Opt.Get(op.Arg(1)), Opt.Get(op.Arg(0))]), out v)) return v;
        return null;
    }

    private void Record(Operation op, TraceValue value) => _seen[Key(op, swap: false)] = value;

    private PureKey Key(Operation op, bool swap)
    {
        var args = op.Args.Select(Opt.Get).ToArray();
        if (swap) (args[0], args[1]) = (args[1], args[0]);
        // call_pure and the call it became share one key.
        var code = op.OpCode is >= OpCode.CallPureI and <= OpCode.CallPureN ? op.OpCode - OpCode.CallPureI + OpCode.CallI : op.OpCode;
        return new PureKey(code, op.Descr, args);
    }

    /// <summary>An operation's identity for CSE: opcode, descriptor, arguments (variables by identity, constants by value).</summary>
    private readonly struct PureKey(OpCode code, Descr? descr, TraceValue[] args) : IEquatable<PureKey>
    {
        private readonly OpCode _code = code;
        private readonly Descr? _descr = descr;
        private readonly TraceValue[] _args = args;

        public bool Equals(PureKey o)
        {
            if (_code != o._code || !ReferenceEquals(_descr, o._descr) || _args.Length != o._args.Length) return false;
            for (int i = 0; i < _args.Length; i++)
                if (!Same(_args[i], o._args[i])) return false;
            return true;
        }

        private static bool Same(TraceValue a, TraceValue b) => a is Const ca ? ca.Equals(b) : ReferenceEquals(a, b);

        public override bool Equals(object? obj) => obj is PureKey k && Equals(k);

        public override int GetHashCode()
        {
            var h = new HashCode();
            h.Add(_code);
            h.Add(_descr is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_descr));
            foreach (var a in _args)
                h.Add(a is Const c ? c.GetHashCode() : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(a));
            return h.ToHashCode();
        }
    }
}
