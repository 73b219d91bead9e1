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
    }

    public readonly Operation Op;
    public readonly OpCode Code;
    /// <summary>The result's slot, or -1.</summary>
    public readonly int Result;
    public readonly int[] Args;
    public readonly ValueKind[] ArgKinds;
    public readonly int[]? FailArgs;
    public readonly ValueKind[]? FailKinds;
    public readonly Descr? Descr;
    /// <summary>Reused buffer of a jump within one piece of code.</summary>
    public JitValues? Scratch;
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

    /// <summary>Fresh registers holding <paramref name="inputs"/> in the input slots.</summary>
    public Registers Enter(JitValues inputs)
    {
        var regs = NewRegisters();
        for (int k = 0; k < InputSlots.Length; k++) regs.Write(InputSlots[k], inputs, k);
        return regs;
    }
}
