using RSharp.Jit.Traces;

namespace RSharp.Jit.Tests;

/// <summary>Builds random well-formed traces as objects (not text), for round-trip tests.</summary>
internal static class RandomTraces
{
    private static readonly OpCode[] IntBinary =
        [OpCode.IntAdd, OpCode.IntSub, OpCode.IntMul, OpCode.IntAnd, OpCode.IntOr, OpCode.IntXor,
         OpCode.IntLt, OpCode.IntEq, OpCode.UintLt, OpCode.IntAddOvf, OpCode.IntRshift];
    private static readonly OpCode[] FloatBinary = [OpCode.FloatAdd, OpCode.FloatMul, OpCode.FloatTruediv];

    public static Trace Generate(int seed, DescrRegistry reg)
    {
        var rng = new Random(seed);
        var ints = new List<TraceValue>();
        var floats = new List<TraceValue>();
        var refs = new List<TraceValue>();
        var inputs = new List<InputArg>();
        int nInputs = rng.Next(0, 5);
        for (int k = 0; k < nInputs; k++)
        {
            var kind = (ValueKind)rng.Next(1, 4);
            var arg = new InputArg(kind);
            inputs.Add(arg);
            ListOf(kind).Add(arg);
        }
        bool loop = rng.Next(2) == 0;
        var ops = new List<Operation>();
        TargetToken? target = null;
        if (loop)
        {
            target = reg.Target($"T{seed}");
            ops.Add(new Operation(OpCode.Label, inputs, target));
        }

        TraceValue Int() => ints.Count > 0 && rng.Next(3) > 0 ? ints[rng.Next(ints.Count)] : new ConstInt(RandomLong());
        TraceValue Float() => floats.Count > 0 && rng.Next(3) > 0 ? floats[rng.Next(floats.Count)] : new ConstFloat(RandomDouble());
        TraceValue Ref() => refs.Count > 0 && rng.Next(4) > 0 ? refs[rng.Next(refs.Count)] : ConstNull.Instance;
        List<TraceValue> Live() =>
            ints.Concat(floats).Concat(refs).Where(_ => rng.Next(2) == 0).ToList();
        long RandomLong() => rng.Next(4) switch
        {
            0 => rng.NextInt64(long.MinValue, long.MaxValue),
            1 => long.MinValue,
            _ => rng.Next(-10, 100),
        };
        double RandomDouble() => rng.Next(6) switch
        {
            0 => double.PositiveInfinity,
            1 => -0.0,
            2 => BitConverter.Int64BitsToDouble(rng.NextInt64()) is var d && !double.IsNaN(d) ? d : 1.0,
            _ => Math.Round(rng.NextDouble() * 100, rng.Next(0, 4)),
        };
        void Add(Operation op)
        {
            ops.Add(op);
            if (op.Kind != ValueKind.Void) ListOf(op.Kind).Add(op);
        }
        List<TraceValue> ListOf(ValueKind kind) => kind switch
        {
            ValueKind.Int => ints,
            ValueKind.Float => floats,
            _ => refs,
        };

        var count = reg.Lookup("Field", "Frame.count")!;
        var total = reg.Lookup("Field", "Frame.total")!;
        var next = reg.Lookup("Field", "Frame.next")!;
        var add3 = reg.Lookup("Call", "Targets.Add3")!;
        var frameType = reg.Lookup("Type", "Frame")!;
        var longs = reg.Lookup("Array", "Int64[]")!;
        int n = rng.Next(1, 25);
        for (int k = 0; k < n; k++)
        {
            switch (rng.Next(12))
            {
                case 0: case 1: case 2:
                    Add(new Operation(IntBinary[rng.Next(IntBinary.Length)], Int(), Int()));
                    break;
                case 3:
                    Add(new Operation(FloatBinary[rng.Next(FloatBinary.Length)], Float(), Float()));
                    break;
                case 4:
                    Add(new Operation(OpCode.CastIntToFloat, Int()));
                    break;
                case 5:
                    Add(new Operation(rng.Next(2) == 0 ? OpCode.GuardTrue : OpCode.GuardFalse, [Int()], null, Live()));
                    break;
                case 6:
                    Add(new Operation(OpCode.GuardValue, [Int(), new ConstInt(RandomLong())], null, Live()));
                    break;
                case 7:
                    Add(new Operation(OpCode.GetfieldGcI, [Ref()], count));
                    Add(new Operation(OpCode.SetfieldGc, [Ref(), Float()], total));
                    break;
                case 8:
                    Add(new Operation(OpCode.GetfieldGcR, [Ref()], next));
                    Add(new Operation(OpCode.GuardClass, [Ref()], frameType, Live()));
                    break;
                case 9:
                    Add(new Operation(OpCode.CallI, [Int(), Int(), Int()], add3));
                    Add(new Operation(OpCode.GuardNoException, [], null, Live()));
                    break;
                case 10:
                    Add(new Operation(OpCode.NewArray, [Int()], longs));
                    Add(new Operation(OpCode.ArraylenGc, [Ref()], longs));
                    break;
                default:
                    Add(new Operation(OpCode.NewWithVtable, [], frameType));
                    break;
            }
        }
        if (loop)
            ops.Add(new Operation(OpCode.Jump, inputs.Select(a => a.Kind switch
            {
                ValueKind.Int => Int(),
                ValueKind.Float => Float(),
                _ => Ref(),
            }), target));
        else
            ops.Add(new Operation(OpCode.Finish, Live()));
        return new Trace(inputs, ops);
    }
}
