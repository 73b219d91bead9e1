using System.Numerics;

namespace RSharp.Jit.Tests;

/// <summary>
/// Integer operations against an independent oracle: exact arithmetic in BigInteger, wrapped
/// to 64 bits, or the plain C# expression where that is the definition.
/// </summary>
public class IntOpTests(string backend) : BackendTests(backend)
{
    private static readonly BigInteger Two64 = BigInteger.One << 64;

    private static long Wrap(BigInteger v)
    {
        var m = ((v % Two64) + Two64) % Two64;
        return (long)(ulong)m;
    }

    private static bool Fits(BigInteger v) => v >= long.MinValue && v <= long.MaxValue;

    private static BigInteger TruncDiv(BigInteger x, BigInteger y) => BigInteger.Divide(x, y); // truncates toward zero

    public static IEnumerable<TestCaseData> BinaryCases()
    {
        yield return new TestCaseData("int_add", (Func<long, long, long?>)((x, y) => Wrap((BigInteger)x + y))).SetArgDisplayNames("int_add");
        yield return new TestCaseData("int_sub", (Func<long, long, long?>)((x, y) => Wrap((BigInteger)x - y))).SetArgDisplayNames("int_sub");
        yield return new TestCaseData("int_mul", (Func<long, long, long?>)((x, y) => Wrap((BigInteger)x * y))).SetArgDisplayNames("int_mul");
        yield return new TestCaseData("int_floordiv", (Func<long, long, long?>)((x, y) => y == 0 ? null : Wrap(TruncDiv(x, y)))).SetArgDisplayNames("int_floordiv");
        yield return new TestCaseData("int_mod", (Func<long, long, long?>)((x, y) => y == 0 ? null : Wrap(BigInteger.Remainder(x, y)))).SetArgDisplayNames("int_mod");
        yield return new TestCaseData("int_and", (Func<long, long, long?>)((x, y) => x & y)).SetArgDisplayNames("int_and");
        yield return new TestCaseData("int_or", (Func<long, long, long?>)((x, y) => x | y)).SetArgDisplayNames("int_or");
        yield return new TestCaseData("int_xor", (Func<long, long, long?>)((x, y) => x ^ y)).SetArgDisplayNames("int_xor");
        yield return new TestCaseData("int_lshift", (Func<long, long, long?>)((x, y) => y is < 0 or > 63 ? null : Wrap((BigInteger)x << (int)y))).SetArgDisplayNames("int_lshift");
        yield return new TestCaseData("int_rshift", (Func<long, long, long?>)((x, y) => y is < 0 or > 63 ? null : (long)((BigInteger)x >> (int)y))).SetArgDisplayNames("int_rshift");
        yield return new TestCaseData("uint_rshift", (Func<long, long, long?>)((x, y) => y is < 0 or > 63 ? null : Wrap(new BigInteger((ulong)x) >> (int)y))).SetArgDisplayNames("uint_rshift");
        yield return new TestCaseData("uint_floordiv", (Func<long, long, long?>)((x, y) => y == 0 ? null : Wrap(new BigInteger((ulong)x) / new BigInteger((ulong)y)))).SetArgDisplayNames("uint_floordiv");
        yield return new TestCaseData("uint_mul_high", (Func<long, long, long?>)((x, y) => Wrap(new BigInteger((ulong)x) * new BigInteger((ulong)y) >> 64))).SetArgDisplayNames("uint_mul_high");
        yield return new TestCaseData("int_lt", (Func<long, long, long?>)((x, y) => x < y ? 1 : 0)).SetArgDisplayNames("int_lt");
        yield return new TestCaseData("int_le", (Func<long, long, long?>)((x, y) => x <= y ? 1 : 0)).SetArgDisplayNames("int_le");
        yield return new TestCaseData("int_eq", (Func<long, long, long?>)((x, y) => x == y ? 1 : 0)).SetArgDisplayNames("int_eq");
        yield return new TestCaseData("int_ne", (Func<long, long, long?>)((x, y) => x != y ? 1 : 0)).SetArgDisplayNames("int_ne");
        yield return new TestCaseData("int_gt", (Func<long, long, long?>)((x, y) => x > y ? 1 : 0)).SetArgDisplayNames("int_gt");
        yield return new TestCaseData("int_ge", (Func<long, long, long?>)((x, y) => x >= y ? 1 : 0)).SetArgDisplayNames("int_ge");
        yield return new TestCaseData("uint_lt", (Func<long, long, long?>)((x, y) => (ulong)x < (ulong)y ? 1 : 0)).SetArgDisplayNames("uint_lt");
        yield return new TestCaseData("uint_le", (Func<long, long, long?>)((x, y) => (ulong)x <= (ulong)y ? 1 : 0)).SetArgDisplayNames("uint_le");
        yield return new TestCaseData("uint_gt", (Func<long, long, long?>)((x, y) => (ulong)x > (ulong)y ? 1 : 0)).SetArgDisplayNames("uint_gt");
        yield return new TestCaseData("uint_ge", (Func<long, long, long?>)((x, y) => (ulong)x >= (ulong)y ? 1 : 0)).SetArgDisplayNames("uint_ge");
    }

    /// <summary>Each binary op over all pairs of samples (plus small shift counts); the argument order
    /// through the trace is checked too because the oracle is not symmetric.</summary>
    [TestCaseSource(nameof(BinaryCases))]
    public void BinaryOperation(string op, Func<long, long, long?> oracle)
    {
        var samples = Jit.IntSamples().Concat(Enumerable.Range(0, 64).Select(i => (long)i)).Distinct().ToArray();
        var backend = Jit.NewBackend();
        var token = backend.CompileLoop(
            RSharp.Jit.Traces.Trace.Parse($"[i0, i1]\ni2 = {op}(i0, i1)\nfinish(i2)", Jit.Registry()),
            new RSharp.Jit.Traces.LoopToken(op));
        int checkedPairs = 0;
        foreach (long x in samples)
            foreach (long y in samples)
            {
                if (oracle(x, y) is not long expected) continue;
                var frame = backend.Execute(token, RSharp.Jit.Backend.JitValues.Of(x, y));
                Assert.That(frame.Values.GetInt(0), Is.EqualTo(expected), $"{op}({x}, {y})");
                checkedPairs++;
            }
        Assert.That(checkedPairs, Is.GreaterThan(1000));
    }

    [TestCase("int_add_ovf")]
    [TestCase("int_sub_ovf")]
    [TestCase("int_mul_ovf")]
    public void OverflowIsDetectedExactly(string op)
    {
        Func<BigInteger, BigInteger, BigInteger> exact = op switch
        {
            "int_add_ovf" => (x, y) => x + y,
            "int_sub_ovf" => (x, y) => x - y,
            _ => (x, y) => x * y,
        };
        // On overflow the guard fails and reports the operands; otherwise finish reports the result.
        string text = $"[i0, i1]\ni2 = {op}(i0, i1)\nguard_no_overflow() [i0, i1]\nfinish(i2)";
        var samples = Jit.IntSamples(seed: 99);
        int overflows = 0;
        foreach (long x in samples)
            foreach (long y in samples)
            {
                var frame = Jit.Run(text, x, y);
                var r = exact(x, y);
                if (Fits(r))
                {
                    Assert.That(frame.IsFinish, Is.True, $"{op}({x}, {y}) should not overflow");
                    Assert.That(frame.Values.GetInt(0), Is.EqualTo((long)r));
                }
                else
                {
                    overflows++;
                    Assert.That(frame.IsFinish, Is.False, $"{op}({x}, {y}) should overflow");
                    Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { x, y }));
                }
            }
        Assert.That(overflows, Is.GreaterThan(10));
    }

    [Test]
    public void GuardOverflowIsTheConverse()
    {
        const string text = "[i0]\ni1 = int_add_ovf(i0, 1)\nguard_overflow() [i1]\nfinish(i1)";
        Assert.That(Jit.Run(text, long.MaxValue).IsFinish, Is.True);
        Assert.That(Jit.Run(text, 5L).IsFinish, Is.False);
        Assert.That(Jit.Run(text, 5L).Values.GetInt(0), Is.EqualTo(6));
    }

    public static IEnumerable<TestCaseData> UnaryCases()
    {
        yield return new TestCaseData("int_neg", (Func<long, long>)(x => Wrap(-(BigInteger)x))).SetArgDisplayNames("int_neg");
        yield return new TestCaseData("int_invert", (Func<long, long>)(x => ~x)).SetArgDisplayNames("int_invert");
        yield return new TestCaseData("int_is_true", (Func<long, long>)(x => x != 0 ? 1 : 0)).SetArgDisplayNames("int_is_true");
        yield return new TestCaseData("int_is_zero", (Func<long, long>)(x => x == 0 ? 1 : 0)).SetArgDisplayNames("int_is_zero");
        yield return new TestCaseData("int_force_ge_zero", (Func<long, long>)(x => Math.Max(0, x))).SetArgDisplayNames("int_force_ge_zero");
        yield return new TestCaseData("same_as_i", (Func<long, long>)(x => x)).SetArgDisplayNames("same_as_i");
    }

    [TestCaseSource(nameof(UnaryCases))]
    public void UnaryOperation(string op, Func<long, long> oracle)
    {
        foreach (long x in Jit.IntSamples())
            Assert.That(Jit.Result($"[i0]\ni1 = {op}(i0)\nfinish(i1)", x), Is.EqualTo(oracle(x)), $"{op}({x})");
    }

    [Test]
    public void ConstantOperandsAreUsed()
    {
        Assert.That(Jit.Result("[i0]\ni1 = int_sub(100, i0)\ni2 = int_mul(i1, -3)\nfinish(i2)", 1L), Is.EqualTo((100 - 1) * -3));
        Assert.That(Jit.Result("[]\ni0 = int_add(-9223372036854775808, -1)\nfinish(i0)"), Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void DivisionByZeroSurfacesAsTheDotNetException()
    {
        Assert.Throws<DivideByZeroException>(() => Jit.Run("[i0]\ni1 = int_floordiv(i0, 0)\nfinish(i1)", 1L));
    }
}
