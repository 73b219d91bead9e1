using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer.Tests;

/// <summary>
/// Builds random traces that run without crashing (no division by zero, indexes in range, no
/// null dereference) and exercise every pass: int and float arithmetic on constants and
/// variables, guards, overflow checks, allocations that escape or not, field and array traffic
/// on possibly aliasing inputs (read, write or call, read again), calls with different effects. Inputs: <c>[i0 counter, i1, i2, p3, p4, p5]</c>
/// where p3 and p4 are <see cref="Node"/>s (maybe the same) and p5 a <c>long[4]</c>.
/// </summary>
internal sealed class RandomTraceGenerator
{
    private static readonly OpCode[] IntBinary =
    [
        OpCode.IntAdd, OpCode.IntSub, OpCode.IntMul, OpCode.IntAnd, OpCode.IntOr, OpCode.IntXor,
        OpCode.IntLt, OpCode.IntLe, OpCode.IntEq, OpCode.IntNe, OpCode.IntGt, OpCode.IntGe, OpCode.UintLt,
        OpCode.UintGe,
    ];
    private static readonly OpCode[] Ovf = [OpCode.IntAddOvf, OpCode.IntSubOvf, OpCode.IntMulOvf];

    private readonly Random _rng;
    private readonly DescrRegistry _reg;
    private readonly List<TraceValue> _ints = [];
    private readonly List<TraceValue> _floats = [];
    private readonly List<TraceValue> _nodes = [];   // real or virtual Nodes, never null
    private readonly List<TraceValue> _arrays = [];  // long[] of length >= 3
    private readonly List<Operation> _ops = [];

    private RandomTraceGenerator(int seed, DescrRegistry reg)
    {
        _rng = new Random(seed);
        _reg = reg;
    }

    public static Trace Generate(int seed, DescrRegistry reg) => new RandomTraceGenerator(seed, reg).Build(seed);

    /// <summary>Inputs for a generated trace; <paramref name="variant"/> picks values and aliasing.</summary>
    public static Func<object?[]> Inputs(int seed, int variant) => () =>
    {
        var rng = new Random(seed * 31 + variant);
        long[] samples = [0, 1, -1, 2, 5, 7, 10, 100, -100, long.MaxValue, long.MinValue, int.MaxValue];
        var a = new Node { value = samples[rng.Next(samples.Length)], other = rng.Next(-5, 5) };
        var b = variant % 2 == 0 ? a : new Node { value = rng.Next(-5, 5), other = samples[rng.Next(samples.Length)] };
        return [(long)rng.Next(0, 4), samples[rng.Next(samples.Length)], samples[rng.Next(samples.Length)], a, b, new long[] { 1, 2, 3, 4 }];
    };

    private Trace Build(int seed)
    {
        var inputs = new List<InputArg>
        {
            new(ValueKind.Int), new(ValueKind.Int), new(ValueKind.Int),
            new(ValueKind.Ref), new(ValueKind.Ref), new(ValueKind.Ref),
        };
        bool loop = _rng.Next(2) == 0;
        var target = _reg.Target($"R{seed}");
        if (loop)
        {
            Add(new Operation(OpCode.Label, inputs, target));
            var more = Add(new Operation(OpCode.IntGt, inputs[0], new ConstInt(0)));
            Add(new Operation(OpCode.GuardTrue, [more], null, inputs));
        }
        _ints.AddRange(inputs.Take(3));
        _nodes.AddRange(inputs.Skip(3).Take(2));
        _arrays.Add(inputs[5]);
        int n = _rng.Next(3, 30);
        for (int k = 0; k < n; k++) Step();
        if (loop)
        {
            var next = Add(new Operation(OpCode.IntSub, inputs[0], new ConstInt(1)));
            Add(new Operation(OpCode.Jump, [next, Int(), Int(), Node(), Node(), inputs[5]], target));
        }
        else Add(new Operation(OpCode.Finish, Live()));
        return new Trace(inputs, _ops).Validate();
    }

    private Operation Add(Operation op)
    {
        _ops.Add(op);
        return op;
    }

    private T Pick<T>(List<T> list) => list[_rng.Next(list.Count)];
    private TraceValue Int() => _rng.Next(4) == 0 ? new ConstInt(SmallOrEdge()) : Pick(_ints);
    private TraceValue Node() => Pick(_nodes);
    private long SmallOrEdge() => _rng.Next(6) switch
    {
        0 => long.MaxValue,
        1 => long.MinValue,
        _ => _rng.Next(-3, 12),
    };

    private List<TraceValue> Live() =>
        _ints.Concat(_floats).Concat(_nodes).Concat(_arrays).Where(_ => _rng.Next(3) == 0).ToList();

    private Descr D(string kind, string name) => _reg.Lookup(kind, name)!;

    private void NewInt(Operation op) => _ints.Add(Add(op));

    private void Step()
    {
        switch (_rng.Next(25))
        {
            case 23: case 24:
            {
                // Floats: folded by rewrite when constant, CSE'd by pure; stored so the heap shows them.
                TraceValue F() => _rng.Next(3) == 0 || _floats.Count == 0
                    ? new ConstFloat(_rng.Next(5) switch { 0 => -0.0, 1 => double.PositiveInfinity, _ => _rng.Next(-4, 9) * 0.5 })
                    : Pick(_floats);
                var f = _rng.Next(4) switch
                {
                    0 => Add(new Operation(OpCode.CastIntToFloat, Int())),
                    1 => Add(new Operation(OpCode.FloatTruediv, F(), F())),
                    2 => Add(new Operation(OpCode.FloatMul, F(), F())),
                    _ => Add(new Operation(OpCode.FloatAdd, F(), F())),
                };
                _floats.Add(f);
                if (_rng.Next(2) == 0) NewInt(new Operation(OpCode.FloatLt, F(), F()));
                else Add(new Operation(OpCode.SetfieldGc, [Node(), f], D("Field", "Node.weight")));
                break;
            }
            case 20: case 21: case 22:
            {
                // Read, write the same field of a maybe-aliasing node (or call what may), read again: the reads land
                // in the heap, where the comparison of final states sees them.
                var field = D("Field", _rng.Next(2) == 0 ? "Node.value" : "Node.other");
                var a = Node();
                var first = Add(new Operation(OpCode.GetfieldGcI, [a], field));
                if (_rng.Next(3) > 0) Add(new Operation(OpCode.SetfieldGc, [Node(), Int()], field));
                else Add(new Operation(OpCode.CallN, [Node()], D("Call", "Funcs.Touch")));
                var second = Add(new Operation(OpCode.GetfieldGcI, [a], field));
                var sum = Add(new Operation(OpCode.IntAdd, first, Add(new Operation(OpCode.IntMul, second, new ConstInt(1000)))));
                Add(new Operation(OpCode.SetfieldGc, [Node(), sum], field));
                _ints.Add(sum);
                break;
            }
            case 0: case 1: case 2: case 3:
                NewInt(new Operation(IntBinary[_rng.Next(IntBinary.Length)], Int(), Int()));
                break;
            case 4:
                NewInt(new Operation(_rng.Next(2) == 0 ? OpCode.IntFloordiv : OpCode.IntMod, Int(), new ConstInt(_rng.Next(1, 9) * (_rng.Next(2) * 2 - 1))));
                break;
            case 5:
            {
                var op = Add(new Operation(Ovf[_rng.Next(Ovf.Length)], Int(), Int()));
                Add(new Operation(OpCode.GuardNoOverflow, [], null, Live()));
                _ints.Add(op);
                break;
            }
            case 6: case 7:
            {
                // Guards mostly test variables, so that few traces are invalid outright.
                var cmp = Add(new Operation(IntBinary[6 + _rng.Next(6)], _rng.Next(8) == 0 ? Int() : Pick(_ints), new ConstInt(_rng.Next(-2, 12))));
                Add(new Operation(_rng.Next(2) == 0 ? OpCode.GuardTrue : OpCode.GuardFalse, [cmp], null, Live()));
                break;
            }
            case 8:
                NewInt(new Operation(_rng.Next(2) == 0 ? OpCode.GetfieldGcI : OpCode.GetfieldGcPureI, [Node()],
                    D("Field", _rng.Next(2) == 0 ? "Node.value" : "Node.other")));
                if (_ops[^1].OpCode == OpCode.GetfieldGcPureI) _ops[^1].Descr = D("Field", "Node.fixedValue");
                break;
            case 9: case 10:
                Add(new Operation(OpCode.SetfieldGc, [Node(), Int()], D("Field", _rng.Next(2) == 0 ? "Node.value" : "Node.other")));
                break;
            case 11:
            {
                var obj = Add(new Operation(OpCode.NewWithVtable, [], D("Type", "Node")));
                Add(new Operation(OpCode.SetfieldGc, [obj, Int()], D("Field", "Node.value")));
                if (_rng.Next(2) == 0) Add(new Operation(OpCode.SetfieldGc, [obj, Node()], D("Field", "Node.next")));
                _nodes.Add(obj);
                break;
            }
            case 12:
                // Publishes a node (forces a virtual).
                Add(new Operation(OpCode.SetfieldGc, [Node(), Node()], D("Field", "Node.next")));
                break;
            case 13:
                switch (_rng.Next(4))
                {
                    case 0: NewInt(new Operation(OpCode.CallPureI, [Int(), Int()], D("Call", "Funcs.Add"))); break;
                    case 1:
                        NewInt(new Operation(OpCode.CallPureI, [Int()], D("Call", "Funcs.Checked")));
                        Add(new Operation(OpCode.GuardNoException, [], null, Live()));
                        break;
                    case 2: Add(new Operation(OpCode.CallN, [Node()], D("Call", "Funcs.Touch"))); break;
                    default:
                        Add(new Operation(OpCode.CallN, [Node()], D("Call", "Funcs.Opaque")));
                        Add(new Operation(OpCode.GuardNoException, [], null, Live()));
                        break;
                }
                break;
            case 14:
                NewInt(new Operation(OpCode.CallI, [Node()], D("Call", _rng.Next(2) == 0 ? "Funcs.ReadOther" : "Funcs.Keep")));
                break;
            case 15:
                if (_rng.Next(3) == 0)
                {
                    var arr = Add(new Operation(OpCode.NewArray, [new ConstInt(3)], D("Array", "Int64[]")));
                    _arrays.Add(arr);
                }
                else NewInt(new Operation(OpCode.GetarrayitemGcI, [Pick(_arrays), new ConstInt(_rng.Next(3))], D("Array", "Int64[]")));
                break;
            case 16:
                Add(new Operation(OpCode.SetarrayitemGc, [Pick(_arrays), new ConstInt(_rng.Next(3)), Int()], D("Array", "Int64[]")));
                break;
            case 17:
                NewInt(new Operation(OpCode.PtrEq, Node(), Node()));
                Add(new Operation(_rng.Next(2) == 0 ? OpCode.GuardClass : OpCode.GuardNonnullClass, [Node()], D("Type", "Node"), Live()));
                break;
            case 18:
                NewInt(new Operation(_rng.Next(3) switch { 0 => OpCode.IntIsTrue, 1 => OpCode.IntIsZero, _ => OpCode.IntNeg }, Int()));
                break;
            default:
                if (_rng.Next(3) == 0) Add(new Operation(OpCode.GuardValue, [Pick(_ints), new ConstInt(_rng.Next(0, 3))], null, Live()));
                else NewInt(new Operation(OpCode.IntAdd, Pick(_ints), new ConstInt(_rng.Next(-2, 3))));
                break;
        }
    }
}
