using System.Numerics;
using System.Text;
using static PySharp.Formatting.Tests.PythonOracle;

namespace PySharp.Formatting.Tests;

[TestFixture]
public class IntFormatTests
{
    [SetUp]
    [TearDown]
    public void ResetLimit() => IntLimits.MaxStrDigits = IntLimits.DefaultMaxStrDigits;

    private static List<BigInteger> Values(int seed, int count)
    {
        var rng = Rng(seed);
        var list = new List<BigInteger>
        {
            0, 1, -1, 7, -7, 10, 255, -255, 65, 0x10FFFF, 0x110000, 0xD800, 0x1F600, 1234567, -1234567,
            long.MaxValue, long.MinValue, (BigInteger)long.MaxValue + 1, (BigInteger)long.MinValue - 1,
            ulong.MaxValue, BigInteger.Pow(2, 64), BigInteger.Pow(2, 1024), -BigInteger.Pow(2, 1024),
            BigInteger.Pow(2, 1024) - BigInteger.Pow(2, 970), BigInteger.Pow(2, 1024) - BigInteger.Pow(2, 971),
            BigInteger.Pow(2, 53) + 1, BigInteger.Pow(2, 54) + 3, BigInteger.Pow(10, 22), BigInteger.Pow(10, 4299),
            BigInteger.Pow(10, 4300), -BigInteger.Pow(10, 4300) + 1, BigInteger.Pow(10, 5000),
        };
        for (int i = 0; i < count; i++) list.Add(RandomBig(rng));
        return list;
    }

    private static readonly string[] FixedSpecs =
    [
        "", "d", "b", "o", "x", "X", "c", "n", "#b", "#o", "#x", "#X", "+d", " d", "-d", "010", "010x", "#010x",
        "+#012_b", "_", ",", "_x", "_b", "_o", "_X", "020,", "020_", "#020_x", "<10", "^11", ">12", "=+12", "*^20,",
        "08,", "0=8,", "x<+#15_o", ",e", ".2f", "e", "E", "g", "G", "%", ",.3%", "f", "F",
        // errors
        ".2d", "z", "zd", "+c", "#c", ",c", "_c", ",x", "_s", "s", ",n", ",b", ".2", "abc", "ä", "=", ",_", ",,",
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
        if (rng.Next(4) == 0) sb.Append('#');
        if (rng.Next(4) == 0) sb.Append('0');
        if (rng.Next(2) == 0) sb.Append(rng.Next(0, 40));
        if (rng.Next(4) == 0) sb.Append(",_"[rng.Next(2)]);
        if (rng.Next(5) != 0) sb.Append("bdoxXndddeEfFgG%"[rng.Next(16)]);
        return sb.ToString();
    }

    [Test]
    public void FormatMatchesCPython()
    {
        var rng = Rng(3);
        var values = Values(4, 600);
        var cases = new List<(BigInteger V, string S)>();
        foreach (var v in values)
        {
            cases.Add((v, FixedSpecs[rng.Next(FixedSpecs.Length)]));
            cases.Add((v, RandomSpec(rng)));
        }
        foreach (string s in FixedSpecs) foreach (BigInteger v in new BigInteger[] { 0, -1, 65, 123456789, -98765 })
            cases.Add((v, s));
        for (int i = 0; i < 2000 * Stress; i++) cases.Add((values[rng.Next(values.Count)], RandomSpec(rng)));
        var inputs = cases.Select(c => BigHex(c.V) + "\t" + Json(c.S)).ToList();
        string[] expected = Run("""
            def f(l):
                n, s = l.split('\t')
                return format(int(n, 16), js(s))
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() => IntFormat.Format(cases[i].V, cases[i].S)));
    }

    [Test]
    public void StrBinOctHexMatchCPython()
    {
        var values = Values(5, 1500);
        var inputs = values.Select(BigHex).ToList();
        string[] expected = Run("""
            def f(l):
                n = int(l, 16)
                try: s = str(n)
                except ValueError as e: s = '!' + str(e)
                return s + '|' + bin(n) + '|' + oct(n) + '|' + hex(n)
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() =>
        {
            var n = values[i];
            string s;
            try { s = IntFormat.ToDecimalString(n); }
            catch (PyNumericException e) { s = "!" + e.Message; }
            return s + "|" + IntFormat.ToString(n, 2) + "|" + IntFormat.ToString(n, 8) + "|" + IntFormat.ToString(n, 16);
        }));
    }

    [Test]
    public void MaxStrDigitsCanBeRaisedOrDisabled()
    {
        var big = BigInteger.Pow(10, 5000);
        Assert.Throws<PyNumericException>(() => IntFormat.ToDecimalString(big));
        IntLimits.MaxStrDigits = 0;
        Assert.That(IntFormat.ToDecimalString(big), Has.Length.EqualTo(5001));
        Assert.That(IntParse.Parse(IntFormat.ToDecimalString(big)), Is.EqualTo(big));
        IntLimits.MaxStrDigits = 6000;
        Assert.That(IntFormat.ToDecimalString(-big), Has.Length.EqualTo(5002));
        var e = Assert.Throws<PyNumericException>(() => IntLimits.SetMaxStrDigits(100))!;
        Assert.That(e.Message, Is.EqualTo("maxdigits must be 0 or larger than 640"));
        IntLimits.SetMaxStrDigits(640);
        Assert.That(IntLimits.MaxStrDigits, Is.EqualTo(640));
    }

    [Test]
    public void StringFormatMatchesCPython()
    {
        var rng = Rng(9);
        string[] texts = ["", "a", "ab", "hello world", "ä€", "\U0001F600x\U0001F600", "tab\tnl\n", "'q\"", "0123456789"];
        string[] specs = ["", "s", "10", "<10", ">10", "^10", "^11", "*^9", "\U0001F600>6", ".3", "10.2", ".0", "05", "010",
            "0=5", "+", "-", " ", "#", "z", "=", ",", "_", "d", "x", "abc", "ä", ".", ",_", ">>5", "x<3.1s", "\u0661\u0662"];
        var cases = new List<(string T, string S)>();
        foreach (string t in texts) foreach (string s in specs) cases.Add((t, s));
        for (int i = 0; i < 300; i++)
        {
            var sb = new StringBuilder();
            if (rng.Next(2) == 0) sb.Append("*-<>=^"[rng.Next(6)]);
            if (rng.Next(3) == 0) sb.Append("<>^="[rng.Next(4)]);
            if (rng.Next(2) == 0) sb.Append(rng.Next(0, 20));
            if (rng.Next(2) == 0) sb.Append('.').Append(rng.Next(0, 8));
            if (rng.Next(3) == 0) sb.Append('s');
            cases.Add((texts[rng.Next(texts.Length)], sb.ToString()));
        }
        var inputs = cases.Select(c => Json(c.T) + "\t" + Json(c.S)).ToList();
        string[] expected = Run("""
            def f(l):
                t, s = l.split('\t')
                return format(js(t), js(s))
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i => Capture(() => StringFormat.Format(cases[i].T, cases[i].S)));
    }

    [Test]
    public void SpecParserExposesFields()
    {
        var f = FormatSpec.Parse("*^+z#012_.5f", '\0', '>', "float");
        Assert.That((f.Fill, f.Align, f.Sign, f.NoNegativeZero, f.Alternate, f.ZeroPad, f.Width, f.Grouping, f.Precision, f.Type),
            Is.EqualTo(("*", '^', '+', true, true, false, 12, '_', 5L, 'f')));
        var z = FormatSpec.Parse("012", '\0', '>', "float");
        Assert.That((z.Fill, z.Align, z.ZeroPad, z.Width), Is.EqualTo(("0", '=', true, 12)));
        var g = FormatSpec.Parse("_x", 'd', '>', "int");
        Assert.That(g.GroupSize, Is.EqualTo(4));
        var e = Assert.Throws<FormatSpecException>(() => FormatSpec.Parse("abc", '\0', '>', "Decimal"))!;
        Assert.That(e.Message, Is.EqualTo("Invalid format specifier 'abc' for object of type 'Decimal'"));
    }
}
