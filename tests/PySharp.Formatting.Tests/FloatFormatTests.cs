using System.Text;
using static PySharp.Formatting.Tests.PythonOracle;

namespace PySharp.Formatting.Tests;

[TestFixture]
public class FloatFormatTests
{
    [Test]
    public void ReprMatchesCPython()
    {
        var values = EdgeDoubles();
        values.AddRange(RandomDoubles(1, 6000));
        // Borders of the fast paths: powers of two (asymmetric rounding interval), 1e-5, 1e15,
        // 2^53, and values with few decimals near the 1e15 limit.
        var rng = Rng(17);
        foreach (double b in new[] { 1e-5, 1e15, 9007199254740992.0, 1e-7, 1e16 })
            for (int i = -3; i <= 3; i++) values.Add(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(b) + i));
        for (int e = -80; e <= 80; e++)
            for (int i = -1; i <= 1; i++) values.Add(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(Math.ScaleB(1.0, e)) + i));
        // Dyadic values with short exact expansions: ties between two shortest candidates.
        for (int odd = 1; odd < 400; odd += 2)
            for (int e = -75; e <= -14; e++) values.Add(Math.ScaleB(odd, e));
        for (int i = 0; i < 1500 * Stress; i++)
            values.Add(rng.NextInt64(1, (long)Math.Pow(10, rng.Next(1, 19))) / Math.Pow(10, rng.Next(1, 4)));
        var inputs = values.Select(Hex).ToList();
        string[] expected = Run("for l in inp: run(lambda l: repr(f64(l)), l)", inputs);
        AssertAllEqual(inputs, expected, i => Capture(() => FloatFormat.Repr(values[i])));
        for (int i = 0; i < 20; i++) Assert.That(FloatFormat.Str(values[i]), Is.EqualTo(FloatFormat.Repr(values[i])));
    }

    internal static readonly string[] FixedSpecs =
    [
        "", "e", "E", "f", "F", "g", "G", "n", "%", ".0", ".1", ".3", ".17", ".0e", ".3e", ".20e", ".0f", ".2f", ".10f",
        ".30f", ".0g", ".1g", ".5g", ".17g", ".25g", "#", "#.0", "#.0e", "#.0f", "#g", "#.3g", "#.10g", "z", "z.1f",
        "z.0f", "z.3g", "+", "-", " ", "+.2f", " .2e", "010", "010.2f", "-010.2f", "+010.2f", "<10", ">10", "^10",
        "=10", "*^15.3f", "0<12", "x=+12.2f", ",", ",.2f", "_", "_.3f", "020,.2f", "015_.3e", "012,", ",g", ",%",
        ".1%", "10.4%", "0=10", "0>10", "\u00e4<9", "\U0001F600>9.2f", "08,", ",.0f", ".400f", ".120e", "1000.3f",
        // errors
        "abc", "+s", ".", ",_", "_,", ",,", "x", "d", "n,", "c", "s", ".2147483648f", "99999999999999999999", "ä",
        "10.2ä", "<<<", "\u0661\u0660.2f", "=", "z#010,.3%", "#z", "z+", "++", "\n", "\u0000<5", "\u0000=+09.1f",
    ];

    private static string RandomSpec(Random rng)
    {
        var sb = new StringBuilder();
        if (rng.Next(3) == 0)
        {
            if (rng.Next(2) == 0) sb.Append("*0_x"[rng.Next(4)]);
            sb.Append("<>=^"[rng.Next(4)]);
        }
        if (rng.Next(3) == 0) sb.Append("+- "[rng.Next(3)]);
        if (rng.Next(6) == 0) sb.Append('z');
        if (rng.Next(5) == 0) sb.Append('#');
        if (rng.Next(4) == 0) sb.Append('0');
        if (rng.Next(2) == 0) sb.Append(rng.Next(0, 30));
        if (rng.Next(4) == 0) sb.Append(",_"[rng.Next(2)]);
        if (rng.Next(2) == 0) sb.Append('.').Append(rng.Next(0, 25));
        if (rng.Next(5) != 0) sb.Append("eEfFgGn%"[rng.Next(8)]);
        return sb.ToString();
    }

    [Test]
    public void FormatMatchesCPython()
    {
        var rng = Rng(7);
        var values = EdgeDoubles();
        values.AddRange(RandomDoubles(2, 400));
        var cases = new List<(double V, string S)>();
        foreach (double v in values)
        {
            cases.Add((v, FixedSpecs[rng.Next(FixedSpecs.Length)]));
            cases.Add((v, RandomSpec(rng)));
        }
        foreach (string s in FixedSpecs) foreach (double v in new[] { 0.0, -0.0, 1234567.891, -0.0001234, 1e20, double.NaN, double.NegativeInfinity, 2.5, 0.5 })
            cases.Add((v, s));
        // Digit counts around the decimal exponent's carry (e.g. 1e24 is 9.9999999999999998e+23).
        foreach (double v in EdgeDoubles()) foreach (string s in new[] { ".17g", ".16e", ".20g", ".0e", ".1e", ".15g", ".3f" })
            cases.Add((v, s));
        for (int i = 0; i < 2500 * Stress; i++) cases.Add((values[rng.Next(values.Count)], RandomSpec(rng)));
        var inputs = cases.Select(c => Hex(c.V) + "\t" + Json(c.S)).ToList();
        string[] expected = Run("""
            def f(l):
                h, s = l.split('\t')
                return format(f64(h), js(s))
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() => FloatFormat.Format(cases[i].V, cases[i].S)));
    }

    [Test]
    public void ComplexReprAndFormatMatchCPython()
    {
        var rng = Rng(11);
        var parts = EdgeDoubles().Take(60).Concat(RandomDoubles(3, 100)).ToList();
        var cases = new List<(double Re, double Im, string S)>();
        string[] specs = ["", ".3", "10", "<20", "^30.2f", "+", " e", "g", "#g", "z.1f", "n", ",.2f", ",", "_g", "%", "0",
            "=10", "010", "0<10", ".2", "E", "F", "*>25", "x", "d", "+.0f", "#"];
        for (int i = 0; i < 1500; i++)
            cases.Add((parts[rng.Next(parts.Count)], parts[rng.Next(parts.Count)], specs[rng.Next(specs.Length)]));
        var inputs = cases.Select(c => Hex(c.Re) + "\t" + Hex(c.Im) + "\t" + Json(c.S)).ToList();
        string[] expected = Run("""
            def f(l):
                a, b, s = l.split('\t')
                z = complex(f64(a), f64(b))
                return repr(z) + '|' + format(z, js(s))
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() =>
        {
            var z = new System.Numerics.Complex(cases[i].Re, cases[i].Im);
            return ComplexFormat.Repr(z) + "|" + ComplexFormat.Format(z, cases[i].S);
        }));
    }
}
