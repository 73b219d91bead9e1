using System.Numerics;
using System.Text;
using static PySharp.Formatting.Tests.PythonOracle;

namespace PySharp.Formatting.Tests;

[TestFixture]
public class ParseTests
{
    [SetUp]
    [TearDown]
    public void ResetLimit() => IntLimits.MaxStrDigits = IntLimits.DefaultMaxStrDigits;

    private static readonly string[] FloatTexts =
    [
        "0", "-0", "+0.0", "1", "1.", ".5", "-.5", "1e5", "1E+05", "1e-5", "1.5e-7", " 12.5 ", "\t\n3.25\r\f\v", "1_000.5",
        "1_0.0_1", "1e1_0", "1_.5", "1._5", "_1", "1_", "1__0", "1e_1", "inf", "-inf", "+INF", "infinity", "-Infinity",
        "nan", "-nan", "NaN", "+nAn", "infinit", "nanx", "0x1p3", "0x10", "", " ", "-", "+", ".", "e5", "1e", "1e+",
        "1.2.3", "1 2", "- 1", "1e999999999999999", "-1e999999999999999", "1e-999999999999999", "2.2250738585072011e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "0.1", "0.30000000000000004", "9007199254740993",
        "\u0661.5", "\u0661\u0662\u0663", "\u00a012\u2003", "12\u3000", "\U0001D7D9.5", "1\u00b2", "١e٢", "x", "1x", "\x00",
        "1\x00", "it's", "0." + new string('0', 400) + "1e400", "1" + new string('0', 400) + "e-400",
        "9007199254740992.9999999999999999999999999999999", "123456789012345678901234567890", "1e0", "00001.5",
        "1e" + new string('9', 30), "1e-" + new string('9', 30), "0e99999999999999999999", ".e1", "1.e1", "+.5e-3",
        "1_2_3.4_5e1_0", "\u0661_\u0662", "1e+_5", "1E5_", "0_0.0_0", "  -\u0661\u0660e-\u0662  ", "\u00851\u0085", "\u200b1", "\u001c1", "1\u001f", "\u180e1",
    ];

    [Test]
    public void FloatParseMatchesCPython()
    {
        var rng = Rng(21);
        var texts = new List<string>(FloatTexts);
        for (int i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder();
            if (rng.Next(4) == 0) sb.Append(' ');
            if (rng.Next(3) == 0) sb.Append("+-"[rng.Next(2)]);
            int n = rng.Next(0, 25);
            for (int k = 0; k < n; k++) sb.Append((char)('0' + rng.Next(10)));
            if (rng.Next(2) == 0) { sb.Append('.'); for (int k = rng.Next(0, 20); k > 0; k--) sb.Append((char)('0' + rng.Next(10))); }
            if (rng.Next(3) == 0) sb.Append("eE"[rng.Next(2)]).Append(rng.Next(2) == 0 ? "-" : "").Append(rng.Next(0, 340));
            if (rng.Next(10) == 0) sb.Insert(rng.Next(sb.Length + 1), '_');
            if (rng.Next(20) == 0) sb.Insert(rng.Next(sb.Length + 1), 'x');
            texts.Add(sb.ToString());
        }
        var inputs = texts.Select(Json).ToList();
        string[] expected = Run("""
            def f(l):
                v = float(js(l))
                return repr(v) + '|' + repr(math.copysign(1.0, v))
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() =>
        {
            double v = FloatParse.Parse(texts[i]);
            return FloatFormat.Repr(v) + "|" + FloatFormat.Repr(Math.CopySign(1.0, v));
        }));
    }

    private static readonly string[] IntTexts =
    [
        "0", "-0", "+0", "12", " 12 ", "-12", "+ 1", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0x_1f", "0x__1f", "0o17",
        "0b101", "0b", "0x", "010", "00", "0_0", "000", "0_", "0b_1", "z", "Z", "zz", "\u0661\u0662", "12\u2003", "\u00a0-7",
        "", " ", "-", "1.5", "1e5", "it's", "\x00", "1\x00", "z\u20ac\U0001F600\n", new string('a', 300),
        new string('1', 4300), new string('1', 4301), new string('1', 5000) + "x", "1_" + new string('1', 4300),
        "0x" + new string('f', 5000), "ffffffffffffffffffffffffffffffff", "-0b1111", "0o", "9", "8",
        "123456789012345678901234567890123456789", "0_7", "00_0", "\u001c1", "1\u001f", "\u00851", "0x\u0661", "\u0661_\u0662",
    ];

    [Test]
    public void IntParseMatchesCPython()
    {
        var rng = Rng(22);
        int[] bases = [0, 10, 2, 8, 16, 36, 3, 7, 1, 37, -1];
        var cases = new List<(string T, int B)>();
        foreach (string t in IntTexts) foreach (int b in bases) cases.Add((t, b));
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCXYZ_ +-";
        for (int i = 0; i < 2500; i++)
        {
            var sb = new StringBuilder();
            int n = rng.Next(1, 40);
            for (int k = 0; k < n; k++) sb.Append(alphabet[rng.Next(k == 0 ? alphabet.Length : 36)]);
            cases.Add((sb.ToString(), bases[rng.Next(8)]));
        }
        var inputs = cases.Select(c => Json(c.T) + "\t" + c.B).ToList();
        string[] expected = Run("""
            def f(l):
                t, b = l.split('\t')
                return str(int(js(t), int(b)) % (10**40))
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() =>
            IntOps.FloorModulo(IntParse.Parse(cases[i].T, cases[i].B), BigInteger.Pow(10, 40)).ToString()));
    }

    [Test]
    public void TryParseReportsErrorsWithoutThrowing()
    {
        Assert.That(IntParse.TryParse("x", 10, out _, out string? error), Is.False);
        Assert.That(error, Is.EqualTo("invalid literal for int() with base 10: 'x'"));
        Assert.That(IntParse.TryParse(" -0x_ff ", 0, out BigInteger v), Is.True);
        Assert.That(v, Is.EqualTo(new BigInteger(-255)));
        Assert.That(FloatParse.TryParse("1e", out _), Is.False);
        Assert.That(FloatParse.TryParse("-1_0.5e1", out double d) && d == -105.0, Is.True);
    }
}

[TestFixture]
public class ComplexParseTests
{
    [Test]
    public void ComplexParseMatchesCPython()
    {
        var texts = new List<string>
        {
            "1__2j", "1_2j", "", " ( 1+2j ) ", "(1+2j", "j", "-j", "+J", "1+j", "1-J", "1e", "infj", "-nanj", "1 + 2j", "1+2", "\u0000",
            "1e5_0j", "_1j", "1_j", "\u0661+\u0662j", "1+2j\u2003", "(j)", "()", "inFINITYj", "1e+j", "1.e-3-.5E+2J", "+1.5",
            "nan+nanj", "x", "1", "-0", "-0j", "-0-0j", "(-0-1j)", "1e400j", "-1e400-1e400j", "\u00e9", "\u00e9_1", "1jj", "((1))",
            "1+2j)", " (1)", "(\t1e3 )", "5e-324-5e-324j", "infinity-infj", "1e5+1e5", "0x1j", "1.5e+j", ".j", "1.j", "-.5e1+.5e1j",
        };
        var rng = Rng(31);
        for (int i = 0; i < 500; i++)
        {
            const string alphabet = "0123456789.+-eEjJ_ ()in";
            var sb = new System.Text.StringBuilder();
            for (int k = rng.Next(1, 12); k > 0; k--) sb.Append(alphabet[rng.Next(alphabet.Length)]);
            texts.Add(sb.ToString());
        }
        var inputs = texts.Select(PythonOracle.Json).ToList();
        string[] expected = PythonOracle.Run("""
            def f(l):
                z = complex(js(l))
                return repr(z) + '|' + repr(math.copysign(1.0, z.real)) + repr(math.copysign(1.0, z.imag))
            for l in inp: run(f, l)
            """, inputs);
        PythonOracle.AssertAllEqual(inputs, expected, i => PythonOracle.Capture(() =>
        {
            var z = ComplexParse.Parse(texts[i]);
            return ComplexFormat.Repr(z) + "|" + FloatFormat.Repr(Math.CopySign(1.0, z.Real)) + FloatFormat.Repr(Math.CopySign(1.0, z.Imaginary));
        }));
    }
}
