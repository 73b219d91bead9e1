using System.Numerics;
using static PySharp.Formatting.Tests.PythonOracle;

namespace PySharp.Formatting.Tests;

[TestFixture]
public class ComplexOpsTests
{
    [Test]
    public void ArithmeticMatchesCPython()
    {
        var rng = Rng(51);
        var parts = new List<double> { 0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, 1e300, 1e-300, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e308 };
        parts.AddRange(RandomDoubles(52, 200).Select(d => rng.Next(3) == 0 ? d : Math.Round(d % 100, 3)));
        double[] exps = [0, 1, 2, 3, -1, -2, 0.5, -0.5, 100, 101, -100, 7, double.PositiveInfinity, 2.5];
        var cases = new List<(Complex A, Complex B)>();
        for (int i = 0; i < 2500 * Stress; i++)
        {
            var a = new Complex(parts[rng.Next(parts.Count)], parts[rng.Next(parts.Count)]);
            Complex b = rng.Next(3) == 0
                ? new Complex(exps[rng.Next(exps.Length)], rng.Next(4) == 0 ? parts[rng.Next(parts.Count)] : 0)
                : new Complex(parts[rng.Next(parts.Count)], parts[rng.Next(parts.Count)]);
            cases.Add((a, b));
        }
        for (int i = 0; i < 200; i++) // equal magnitudes exercise the division's branch choice
        {
            double v = parts[rng.Next(parts.Count)];
            cases.Add((new Complex(parts[rng.Next(parts.Count)], parts[rng.Next(parts.Count)]), new Complex(v, rng.Next(2) == 0 ? v : -v)));
        }
        var inputs = cases.Select(c => string.Join("\t", Hex(c.A.Real), Hex(c.A.Imaginary), Hex(c.B.Real), Hex(c.B.Imaginary))).ToList();
        string[] expected = Run("""
            def g(fn):
                try: return repr(fn())
                except Exception as e: return '!' + type(e).__name__ + ': ' + str(e)
            def f(l):
                ar, ai, br, bi = (f64(t) for t in l.split('\t'))
                a, b = complex(ar, ai), complex(br, bi)
                h = 'nan' if a != a else str(hash(a))
                return ' '.join([g(lambda: a * b), g(lambda: a / b), g(lambda: a ** b), g(lambda: abs(a)), h])
            for l in inp: run(f, l)
            """, inputs);
        static string G(Func<string> f)
        {
            try { return f(); }
            catch (PyNumericException e) { return "!" + e.Kind + ": " + e.Message; }
        }
        AssertAllEqual(inputs, expected, i =>
        {
            var (a, b) = cases[i];
            bool nan = double.IsNaN(a.Real) || double.IsNaN(a.Imaginary);
            return "=" + string.Join(" ",
                G(() => ComplexFormat.Repr(ComplexOps.Multiply(a, b))),
                G(() => ComplexFormat.Repr(ComplexOps.Divide(a, b))),
                G(() => ComplexFormat.Repr(ComplexOps.Pow(a, b))),
                G(() => FloatFormat.Repr(ComplexOps.Abs(a))),
                nan ? "nan" : ComplexOps.Hash(a).ToString());
        });
    }
}
