using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Interp;

/// <summary>One operation, with its values resolved to register slots.</summary>
internal sealed class Instr
{
    public Instr(Operation op, int result, int[] args, int[]? failArgs, ValueKind[] argKinds, ValueKind[]? failKinds)
    {
        Op = op;
        Code = op.OpCode;
        Result = result;
        Args = args;
        FailArgs = failArgs;
        ArgKinds = argKinds;
        FailKinds = failKinds;
        Descr = op.Descr;
        IsGuard = op.IsGuard;
        if (op.Descr is FieldDescr field) Field = FieldAccess.Of(field);
        Fast = FastOf(op, argKinds);
        Element = op.Descr is ArrayDescr { ElementType: { IsEnum: false } e } ? Type.GetTypeCode(e) : TypeCode.Empty;
        A0 = args.Length > 0 ? args[0] : -1;
        A1 = args.Length > 1 ? args[1] : -1;
        A2 = args.Length > 2 ? args[2] : -1;
    }

    private static FastOp FastOf(Operation op, ValueKind[] argKinds) => op.OpCode switch
    {
        OpCode.IntAdd => FastOp.IntAdd,
        OpCode.IntSub => FastOp.IntSub,
        OpCode.IntAnd => FastOp.IntAnd,
        OpCode.IntOr => FastOp.IntOr,
        OpCode.IntXor => FastOp.IntXor,
        OpCode.IntLshift => FastOp.IntLshift,
        OpCode.IntRshift => FastOp.IntRshift,
        OpCode.IntLt => FastOp.IntLt,
        OpCode.IntLe => FastOp.IntLe,
        OpCode.IntEq => FastOp.IntEq,
        OpCode.IntNe => FastOp.IntNe,
        OpCode.IntGt => FastOp.IntGt,
        OpCode.IntGe => FastOp.IntGe,
        OpCode.UintLt => FastOp.UintLt,
        OpCode.IntIsTrue => FastOp.IntIsTrue,
        OpCode.IntIsZero => FastOp.IntIsZero,
        OpCode.SameAsI => FastOp.SameAsI,
        OpCode.SameAsR => FastOp.SameAsR,
        OpCode.GetfieldGcI or OpCode.GetfieldGcPureI => FastOp.GetfieldI,
        OpCode.GetfieldGcR or OpCode.GetfieldGcPureR => FastOp.GetfieldR,
        OpCode.SetfieldGc when argKinds[1] == ValueKind.Int => FastOp.SetfieldI,
        // byte[] items (a null array still raises NullReferenceException).
        OpCode.GetarrayitemGcI or OpCode.GetarrayitemGcPureI when IsByteArray(op) => FastOp.GetByte,
        OpCode.SetarrayitemGc when IsByteArray(op) && argKinds[2] == ValueKind.Int => FastOp.SetByte,
        OpCode.ArraylenGc => FastOp.Arraylen,
        OpCode.GuardTrue => FastOp.GuardTrue,
        OpCode.GuardFalse => FastOp.GuardFalse,
        OpCode.GuardNonnull => FastOp.GuardNonnull,
        OpCode.Label => FastOp.Label,
        OpCode.Finish => FastOp.Finish,
        OpCode.Jump => FastOp.Jump,
        _ => FastOp.None,
    };

    private static bool IsByteArray(Operation op) => op.Descr is ArrayDescr { ElementType: var e } && e == typeof(byte);

    public readonly Operation Op;
    public readonly OpCode Code;
    /// <summary>The result's slot, or -1.</summary>
    public readonly int Result;
    public readonly int[] Args;
    public readonly ValueKind[] ArgKinds;
    public readonly int[]? FailArgs;
    public readonly ValueKind[]? FailKinds;
    public readonly Descr? Descr;
    public readonly bool IsGuard;
    /// <summary>The accessor of a field operation's field.</summary>
    public readonly FieldAccess? Field;
    /// <summary>The interpreter's own case for frequent operations (a dense switch), or None.</summary>
    public readonly FastOp Fast;
    /// <summary>An array operation's element type code (Empty for enums and non-array operations).</summary>
    public readonly TypeCode Element;
    /// <summary>The first three argument slots (-1 if absent), read by the fast cases without the array.</summary>
    public readonly int A0, A1, A2;
    /// <summary>A jump's target, once looked up.</summary>
    public (InterpCode Code, int Index)? JumpTarget;
    /// <summary>A guard's bridge, once found.</summary>
    public InterpCode? Bridge;
    /// <summary>Reused buffer of a jump's values or a guard's values for its bridge.</summary>
    public JitValues? Scratch;
}

/// <summary>Frequent operations the interpreter loop does itself, numbered densely for its switch.</summary>
internal enum FastOp : byte
{
    None, IntAdd, IntSub, IntAnd, IntOr, IntXor, IntLshift, IntRshift,
    IntLt, IntLe, IntEq, IntNe, IntGt, IntGe, UintLt, IntIsTrue, IntIsZero, SameAsI, SameAsR,
    GetfieldI, GetfieldR, SetfieldI, GetByte, SetByte, Arraylen,
    GuardTrue, GuardFalse, GuardNonnull, Label, Finish, Jump,
}

/// <summary>
/// Registers of one activation of a piece of code: every value of the trace has a slot
/// (in the bank of its kind). Constants are preloaded.
/// </summary>
internal sealed class Registers(long[] ints, double[] floats, object?[] refs)
{
    public readonly long[] I = ints;
    public readonly double[] F = floats;
    public readonly object?[] R = refs;

    public void Write(int slot, JitValues values, int position)
    {
        switch (values.Kinds[position])
        {
            case ValueKind.Int: I[slot] = values.Ints[position]; break;
            case ValueKind.Float: F[slot] = values.Floats[position]; break;
            default: R[slot] = values.Refs[position]; break;
        }
    }

    public JitValues Read(int[] slots, ValueKind[] kinds) => ReadInto(new JitValues(kinds), slots);

    public JitValues ReadInto(JitValues values, int[] slots)
    {
        var kinds = values.Kinds;
        for (int k = 0; k < slots.Length; k++)
        {
            switch (kinds[k])
            {
                case ValueKind.Int: values.Ints[k] = I[slots[k]]; break;
                case ValueKind.Float: values.Floats[k] = F[slots[k]]; break;
                default: values.Refs[k] = R[slots[k]]; break;
            }
        }
        return values;
    }
}

/// <summary>A compiled loop or bridge: instructions over numbered slots.</summary>
internal sealed class InterpCode
{
    private readonly long[] _intConsts;
    private readonly double[] _floatConsts;
    private readonly object?[] _refConsts;

    public InterpCode(Trace trace, LoopToken owner)
    {
        Owner = owner;
        var slots = new Dictionary<TraceValue, int>(ReferenceEqualityComparer.Instance);
        var consts = new List<(int Slot, Const Value)>();
        int Slot(TraceValue v)
        {
            if (slots.TryGetValue(v, out int s)) return s;
            s = slots.Count;
            slots[v] = s;
            if (v is Const c) consts.Add((s, c));
            return s;
        }

        InputSlots = trace.InputArgs.Select(a => Slot(a)).ToArray();
        InputKinds = trace.InputArgs.Select(a => a.Kind).ToArray();
        var instrs = new List<Instr>();
        foreach (var op in trace.Operations)
        {
            int[] args = op.Args.Select(Slot).ToArray();
            int[]? fail = op.FailArgs?.Select(Slot).ToArray();
            int result = op.Kind == ValueKind.Void ? -1 : Slot(op);
            if (op.OpCode == OpCode.Label) Labels[(TargetToken)op.Descr!] = instrs.Count;
            instrs.Add(new Instr(op, result, args, fail, op.Args.Select(a => a.Kind).ToArray(),
                op.FailArgs?.Select(a => a.Kind).ToArray()));
        }
        Instrs = instrs.ToArray();
        SlotCount = slots.Count;
        _intConsts = new long[SlotCount];
        _floatConsts = new double[SlotCount];
        _refConsts = new object?[SlotCount];
        foreach (var (slot, value) in consts)
        {
            switch (value)
            {
                case ConstInt ci: _intConsts[slot] = ci.Value; break;
                case ConstFloat cf: _floatConsts[slot] = cf.Value; break;
                case ConstRef cr: _refConsts[slot] = cr.Value; break;
            }
        }
    }

    /// <summary>A number unique within the backend (the interpreter's register cache index).</summary>
    public int Id { get; init; }
    /// <summary>The loop the code belongs to (for a bridge, the loop of its guard).</summary>
    public LoopToken Owner { get; }
    public Instr[] Instrs { get; }
    public int SlotCount { get; }
    public int[] InputSlots { get; }
    public ValueKind[] InputKinds { get; }
    /// <summary>Index of each label's instruction.</summary>
    public Dictionary<TargetToken, int> Labels { get; } = [];

    public Registers NewRegisters() =>
        new((long[])_intConsts.Clone(), (double[])_floatConsts.Clone(), (object?[])_refConsts.Clone());

    /// <summary>Writes <paramref name="inputs"/> into the input slots.</summary>
    public void WriteInputs(Registers regs, JitValues inputs)
    {
        for (int k = 0; k < InputSlots.Length; k++) regs.Write(InputSlots[k], inputs, k);
    }
}
