using System.Numerics;
using System.Text;
using static PySharp.Formatting.Tests.PythonOracle;

namespace PySharp.Formatting.Tests;

[TestFixture]
public class PercentFormatTests
{
    private static (string Directive, PercentFlags Flags, int Width, int Precision, char Conv) RandomDirective(Random rng, string convs)
    {
        var flags = PercentFlags.None;
        var sb = new StringBuilder("%");
        foreach (var (ch, fl) in new[] { ('-', PercentFlags.LeftAdjust), ('+', PercentFlags.Sign), (' ', PercentFlags.Space),
                     ('#', PercentFlags.Alternate), ('0', PercentFlags.ZeroPad) })
            if (rng.Next(4) == 0) { sb.Append(ch); flags |= fl; }
        int width = rng.Next(3) == 0 ? rng.Next(0, 25) : -1;
        if (width >= 0) sb.Append(width);
        int precision = rng.Next(3) == 0 ? rng.Next(0, 20) : -1;
        if (precision >= 0) sb.Append('.').Append(precision);
        char conv = convs[rng.Next(convs.Length)];
        sb.Append(conv);
        return (sb.ToString(), flags, width, precision, conv);
    }

    [Test]
    public void NumbersMatchCPython()
    {
        var rng = Rng(13);
        var doubles = EdgeDoubles();
        doubles.AddRange(RandomDoubles(14, 300));
        var cases = new List<(bool IsFloat, double D, BigInteger N, (string Directive, PercentFlags Flags, int Width, int Precision, char Conv) Dir)>();
        for (int i = 0; i < 2500 * Stress; i++)
        {
            var dir = RandomDirective(rng, "diuoxXeEfFgGc");
            if (rng.Next(2) == 0) cases.Add((true, doubles[rng.Next(doubles.Count)], 0, dir));
            else
            {
                BigInteger n = rng.Next(4) == 0 ? rng.Next(0, 0x11000) : RandomBig(rng);
                cases.Add((false, 0, n, dir));
            }
        }
        var inputs = cases.Select(c => (c.IsFloat ? "f" + Hex(c.D) : "i" + BigHex(c.N)) + "\t" + Json(c.Dir.Directive)).ToList();
        string[] expected = Run("""
            def f(l):
                v, d = l.split('\t')
                x = f64(v[1:]) if v[0] == 'f' else int(v[1:], 16)
                return js(d) % x
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() =>
        {
            var c = cases[i];
            return c.IsFloat
                ? PercentFormat.FormatFloat(c.D, c.Dir.Flags, c.Dir.Width, c.Dir.Precision, c.Dir.Conv)
                : PercentFormat.FormatInt(c.N, c.Dir.Flags, c.Dir.Width, c.Dir.Precision, c.Dir.Conv);
        }));
    }

    [Test]
    public void TextMatchesCPython()
    {
        var rng = Rng(15);
        string[] texts = ["", "a", "hello", "\U0001F600\U0001F600", "ä"];
        var cases = new List<(string T, (string Directive, PercentFlags Flags, int Width, int Precision, char Conv) Dir)>();
        for (int i = 0; i < 300; i++) cases.Add((texts[rng.Next(texts.Length)], RandomDirective(rng, "s")));
        var inputs = cases.Select(c => Json(c.T) + "\t" + Json(c.Dir.Directive)).ToList();
        string[] expected = Run("""
            def f(l):
                t, d = l.split('\t')
                return js(d) % js(t)
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() =>
            PercentFormat.FormatText(cases[i].T, cases[i].Dir.Flags, cases[i].Dir.Width, cases[i].Dir.Precision)));
    }
}
