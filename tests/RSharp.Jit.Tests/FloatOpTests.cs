using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Tests;

/// <summary>Float operations and casts against the C# expressions they stand for.</summary>
public class FloatOpTests(string backend) : BackendTests(backend)
{
    private static double[] Samples()
    {
        var rng = new Random(7);
        var values = new List<double> { 0.0, -0.0, 1.0, -1.0, 1.5, -2.5, 0.1, 1e300, -1e300, double.Epsilon,
            double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
            9.2233720368547758E18, -9.2233720368547758E18, 4.5e15 };
        for (int i = 0; i < 10; i++) values.Add((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-5, 20)));
        return values.ToArray();
    }

    private static LoopToken Compile(RSharp.Jit.Backend.IJitBackend backend, string text) =>
        backend.CompileLoop(Trace.Parse(text, Jit.Registry()), new LoopToken("F"));

    public static IEnumerable<TestCaseData> BinaryCases()
    {
        yield return new TestCaseData("float_add", (Func<double, double, double>)((x, y) => x + y)).SetArgDisplayNames("float_add");
        yield return new TestCaseData("float_sub", (Func<double, double, double>)((x, y) => x - y)).SetArgDisplayNames("float_sub");
        yield return new TestCaseData("float_mul", (Func<double, double, double>)((x, y) => x * y)).SetArgDisplayNames("float_mul");
        yield return new TestCaseData("float_truediv", (Func<double, double, double>)((x, y) => x / y)).SetArgDisplayNames("float_truediv");
    }

    [TestCaseSource(nameof(BinaryCases))]
    public void BinaryOperation(string op, Func<double, double, double> oracle)
    {
        var backend = Jit.NewBackend();
        var token = Compile(backend, $"[f0, f1]\nf2 = {op}(f0, f1)\nfinish(f2)");
        foreach (double x in Samples())
            foreach (double y in Samples())
            {
                double got = backend.Execute(token, JitValues.Of(x, y)).Values.GetFloat(0);
                double expected = oracle(x, y);
                bool same = Bits(got) == Bits(expected) || (double.IsNaN(got) && double.IsNaN(expected));
                Assert.That(same, Is.True, $"{op}({x}, {y}) = {got}, expected {expected}");
            }
    }

    public static IEnumerable<TestCaseData> ComparisonCases()
    {
        yield return new TestCaseData("float_lt", (Func<double, double, bool>)((x, y) => x < y)).SetArgDisplayNames("float_lt");
        yield return new TestCaseData("float_le", (Func<double, double, bool>)((x, y) => x <= y)).SetArgDisplayNames("float_le");
        yield return new TestCaseData("float_eq", (Func<double, double, bool>)((x, y) => x == y)).SetArgDisplayNames("float_eq");
        yield return new TestCaseData("float_ne", (Func<double, double, bool>)((x, y) => x != y)).SetArgDisplayNames("float_ne");
        yield return new TestCaseData("float_gt", (Func<double, double, bool>)((x, y) => x > y)).SetArgDisplayNames("float_gt");
        yield return new TestCaseData("float_ge", (Func<double, double, bool>)((x, y) => x >= y)).SetArgDisplayNames("float_ge");
    }

    [TestCaseSource(nameof(ComparisonCases))]
    public void Comparison(string op, Func<double, double, bool> oracle)
    {
        var backend = Jit.NewBackend();
        var token = Compile(backend, $"[f0, f1]\ni2 = {op}(f0, f1)\nfinish(i2)");
        foreach (double x in Samples())
            foreach (double y in Samples())
                Assert.That(backend.Execute(token, JitValues.Of(x, y)).Values.GetInt(0), Is.EqualTo(oracle(x, y) ? 1 : 0), $"{op}({x}, {y})");
    }

    [Test]
    public void UnaryAndCasts()
    {
        foreach (double x in Samples())
        {
            Assert.That(Bits(Jit.Result("[f0]\nf1 = float_neg(f0)\nfinish(f1)", x)), Is.EqualTo(Bits(-x)));
            Assert.That(Bits(Jit.Result("[f0]\nf1 = float_abs(f0)\nfinish(f1)", x)), Is.EqualTo(Bits(Math.Abs(x))));
            Assert.That(Jit.Result("[f0]\ni1 = cast_float_to_int(f0)\nfinish(i1)", x), Is.EqualTo((long)x), $"cast {x}");
            Assert.That(Jit.Result("[f0]\ni1 = convert_float_bytes_to_longlong(f0)\nfinish(i1)", x), Is.EqualTo(BitConverter.DoubleToInt64Bits(x)));
        }
        foreach (long i in Jit.IntSamples())
        {
            Assert.That(Jit.Result("[i0]\nf1 = cast_int_to_float(i0)\nfinish(f1)", i), Is.EqualTo((double)i));
            Assert.That(Bits(Jit.Result("[i0]\nf1 = convert_longlong_bytes_to_float(i0)\nfinish(f1)", i)), Is.EqualTo(i));
        }
    }

    private static long Bits(object? d) => BitConverter.DoubleToInt64Bits((double)d!);
    private static long Bits(double d) => BitConverter.DoubleToInt64Bits(d);

    [Test]
    public void GuardValueOnFloatsIsBitwise()
    {
        const string text = "[f0]\nguard_value(f0, 0.0) [f0]\nfinish(f0)";
        Assert.That(Jit.Run(text, 0.0).IsFinish, Is.True);
        Assert.That(Jit.Run(text, -0.0).IsFinish, Is.False);
        Assert.That(Jit.Run("[f0]\nguard_value(f0, nan) []\nfinish(f0)", double.NaN).IsFinish, Is.True);
    }
}
