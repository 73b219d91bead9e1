using RSharp.Jit.Tests;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil.Tests;

/// <summary>
/// Random loops that always terminate, with random bridges: input 0 is a counter that the
/// first guard bounds and every jump (from the loop or a bridge) increments. The other inputs
/// are ints, floats, a <see cref="Frame"/> and a <c>long[8]</c>; the body mixes arithmetic
/// (including overflow checks and division by variables, which may throw), comparisons,
/// guards, fields, array items and calls.
/// </summary>
internal sealed class RandomLoops
{
    private static readonly OpCode[] IntOps =
    [
        OpCode.IntAdd, OpCode.IntSub, OpCode.IntMul, OpCode.IntFloordiv, OpCode.IntMod, OpCode.IntAnd,
        OpCode.IntOr, OpCode.IntXor, OpCode.IntLshift, OpCode.IntRshift, OpCode.UintRshift, OpCode.UintFloordiv,
        OpCode.UintMulHigh, OpCode.IntLt, OpCode.IntLe, OpCode.IntEq, OpCode.IntNe, OpCode.IntGt, OpCode.IntGe,
        OpCode.UintLt, OpCode.UintLe, OpCode.UintGt, OpCode.UintGe,
    ];
    private static readonly OpCode[] IntUnary = [OpCode.IntNeg, OpCode.IntInvert, OpCode.IntIsTrue, OpCode.IntIsZero, OpCode.IntForceGeZero];
    private static readonly OpCode[] FloatOps = [OpCode.FloatAdd, OpCode.FloatSub, OpCode.FloatMul, OpCode.FloatTruediv];
    private static readonly OpCode[] FloatCompares = [OpCode.FloatLt, OpCode.FloatLe, OpCode.FloatEq, OpCode.FloatNe, OpCode.FloatGt, OpCode.FloatGe];

    private readonly Random _rng;
    private readonly DescrRegistry _reg;
    private List<TraceValue> _ints = [], _floats = [];

    private RandomLoops(int seed, DescrRegistry reg) { _rng = new Random(seed); _reg = reg; }

    public const int Iterations = 40;

    /// <summary>The arguments: counter 0, two ints, a float, a frame, an array (fresh objects each call).</summary>
    public static object?[] Args(int seed)
    {
        var rng = new Random(seed ^ 0x5eed);
        var f = new Frame { count = rng.Next(-50, 50), total = rng.NextDouble() * 10, narrow = rng.Next(), flag = rng.Next(2) == 0 };
        var arr = new long[8];
        for (int i = 0; i < arr.Length; i++) arr[i] = rng.NextInt64(-1000, 1000);
        return [0L, rng.NextInt64(-100, 100), rng.Next(3) == 0 ? long.MinValue : rng.NextInt64(), rng.NextDouble() * 4 - 2, f, arr];
    }

    public static TraceSet Generate(int seed, DescrRegistry reg) => new RandomLoops(seed, reg).Build(seed);

    private TraceSet Build(int seed)
    {
        var inputs = new[] { new InputArg(ValueKind.Int), new InputArg(ValueKind.Int), new InputArg(ValueKind.Int),
                             new InputArg(ValueKind.Float), new InputArg(ValueKind.Ref), new InputArg(ValueKind.Ref) };
        var target = _reg.Target($"R{seed}");
        var ops = new List<Operation> { new(OpCode.Label, inputs, target) };
        _ints = [inputs[0], inputs[1], inputs[2]];
        _floats = [inputs[3]];
        var frame = inputs[4];
        var array = inputs[5];
        var bound = Add(ops, new Operation(OpCode.IntLt, inputs[0], new ConstInt(Iterations)));
        ops.Add(Guard(OpCode.GuardTrue, [bound], inputs));

        int n = _rng.Next(3, 30);
        for (int k = 0; k < n; k++) Body(ops, inputs, frame, array);
        var next = Add(ops, new Operation(OpCode.IntAdd, inputs[0], new ConstInt(1)));
        ops.Add(new Operation(OpCode.Jump, [next, Int(), Int(), Float(), frame, array], target));
        var loop = new Trace(inputs, ops).Validate();

        // Bridges on some guards: a few ops of their own, maybe a guard, then back to the loop or finish.
        var bridges = new List<(Operation, Trace)>();
        // Never on the counter guard: its bridge would jump back forever.
        var guards = loop.Guards.Skip(1).Where(g => _rng.Next(2) == 0).ToList();
        foreach (var guard in guards)
        {
            var bridge = Bridge(guard, target);
            bridges.Add((guard, bridge));
            if (bridge.Guards.Count > 0 && _rng.Next(2) == 0) bridges.Add((bridge.Guards[0], Bridge(bridge.Guards[0], target)));
        }
        return new TraceSet(loop, bridges);
    }

    private Trace Bridge(Operation guard, TargetToken target)
    {
        var inputs = guard.FailArgs!.Select(v => new InputArg(v.Kind)).ToArray();
        _ints = inputs.Where(a => a.Kind == ValueKind.Int).Cast<TraceValue>().ToList();
        _floats = inputs.Where(a => a.Kind == ValueKind.Float).Cast<TraceValue>().ToList();
        var ops = new List<Operation>();
        for (int k = _rng.Next(0, 5); k > 0; k--)
            Add(ops, new Operation(IntOps[_rng.Next(IntOps.Length)], Int(), NonZero()));
        if (_rng.Next(2) == 0)
        {
            var c = Add(ops, new Operation(OpCode.IntLt, Int(), Int()));
            ops.Add(new Operation(OpCode.GuardTrue, [c], null, inputs));
        }
        // The fail-args always start with the loop's six inputs (see Guard).
        if (_rng.Next(4) == 0)
            ops.Add(new Operation(OpCode.Finish, [Int(), Float(), inputs[4]]));
        else
        {
            var next = Add(ops, new Operation(OpCode.IntAdd, inputs[0], new ConstInt(1)));
            ops.Add(new Operation(OpCode.Jump, [next, Int(), Int(), Float(), inputs[4], inputs[5]], target));
        }
        return new Trace(inputs, ops).Validate();
    }

    private void Body(List<Operation> ops, InputArg[] inputs, TraceValue frame, TraceValue array)
    {
        switch (_rng.Next(14))
        {
            case 0: case 1: case 2:
                Add(ops, new Operation(IntOps[_rng.Next(IntOps.Length)], Int(), _rng.Next(4) == 0 ? Int() : NonZero()));
                break;
            case 3:
                Add(ops, new Operation(IntUnary[_rng.Next(IntUnary.Length)], Int()));
                break;
            case 4:
                Add(ops, new Operation((OpCode)_rng.Next((int)OpCode.IntAddOvf, (int)OpCode.IntMulOvf + 1), Int(), Int()));
                ops.Add(Guard(_rng.Next(3) == 0 ? OpCode.GuardOverflow : OpCode.GuardNoOverflow, [], inputs));
                break;
            case 5:
                Add(ops, new Operation(FloatOps[_rng.Next(FloatOps.Length)], Float(), Float()));
                break;
            case 6:
                Add(ops, new Operation(FloatCompares[_rng.Next(FloatCompares.Length)], Float(), Float()));
                if (_rng.Next(2) == 0) Add(ops, new Operation(OpCode.CastFloatToInt, Float()));
                else Add(ops, new Operation(OpCode.CastIntToFloat, Int()));
                break;
            case 7:
                ops.Add(Guard(_rng.Next(2) == 0 ? OpCode.GuardTrue : OpCode.GuardFalse,
                    [Add(ops, new Operation(IntOps[_rng.Next(13, IntOps.Length)], Int(), Int()))], inputs));
                break;
            case 8:
                ops.Add(Guard(OpCode.GuardValue, [Int(), new ConstInt(_rng.Next(-3, 3))], inputs));
                break;
            case 9:
            {
                string[] fields = ["count", "narrow", "flag", "total"];
                var field = _reg.Lookup("Field", "Frame." + fields[_rng.Next(fields.Length)])!;
                var kind = ((FieldDescr)field).FieldKind;
                var read = Add(ops, new Operation(kind == ValueKind.Int ? OpCode.GetfieldGcI : OpCode.GetfieldGcF, [frame], field));
                ops.Add(new Operation(OpCode.SetfieldGc, [frame, kind == ValueKind.Int ? Int() : Float()], field));
                _ = read;
                break;
            }
            case 10:
            {
                var longs = _reg.Lookup("Array", "Int64[]")!;
                var index = Add(ops, new Operation(OpCode.IntAnd, Int(), new ConstInt(7)));
                Add(ops, new Operation(OpCode.GetarrayitemGcI, [array, index], longs));
                var index2 = Add(ops, new Operation(OpCode.IntAnd, Int(), new ConstInt(7)));
                ops.Add(new Operation(OpCode.SetarrayitemGc, [array, index2, Int()], longs));
                break;
            }
            case 11:
                Add(ops, new Operation(OpCode.CallI, [Int(), Int(), Int()], _reg.Lookup("Call", "Targets.Add3")));
                ops.Add(Guard(OpCode.GuardNoException, [], inputs));
                break;
            case 12:
                Add(ops, new Operation(OpCode.CallI, [Int()], _reg.Lookup("Call", "Targets.Checked")));
                if (_rng.Next(2) == 0) ops.Add(Guard(OpCode.GuardNoException, [], inputs));
                else ops.Add(Guard(OpCode.GuardException, [], inputs, _reg.Lookup("Type", "Boom")));
                break;
            default:
                Add(ops, new Operation(OpCode.ConvertFloatBytesToLonglong, Float()));
                break;
        }
    }

    /// <summary>A guard whose fail-args start with the loop's inputs (so a bridge can jump back), plus random live values.</summary>
    private Operation Guard(OpCode code, TraceValue[] args, InputArg[] inputs, Descr? descr = null)
    {
        var fail = new List<TraceValue>(inputs);
        foreach (var v in _ints.Concat(_floats))
            if (_rng.Next(4) == 0) fail.Add(v);
        return new Operation(code, args, descr, fail);
    }

    private Operation Add(List<Operation> ops, Operation op)
    {
        ops.Add(op);
        if (op.Kind == ValueKind.Int) _ints.Add(op);
        else if (op.Kind == ValueKind.Float) _floats.Add(op);
        return op;
    }

    private TraceValue Int() => _rng.Next(4) > 0 ? _ints[_rng.Next(_ints.Count)] : new ConstInt(_rng.Next(5) switch
    {
        0 => long.MinValue,
        1 => -1,
        2 => _rng.NextInt64(),
        _ => _rng.Next(-100, 100),
    });

    private TraceValue NonZero() => new ConstInt(_rng.Next(3) switch
    {
        0 => -1,
        1 => _rng.NextInt64(1, long.MaxValue),
        _ => _rng.Next(1, 70),
    });

    private TraceValue Float() => _rng.Next(4) > 0 ? _floats[_rng.Next(_floats.Count)] : new ConstFloat(_rng.Next(5) switch
    {
        0 => double.NaN,
        1 => -0.0,
        2 => double.PositiveInfinity,
        _ => Math.Round(_rng.NextDouble() * 10 - 5, 2),
    });
}
