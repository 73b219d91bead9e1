using static PySharp.Formatting.Tests.PythonOracle;

namespace PySharp.Formatting.Tests;

[TestFixture]
public class ShortestTests
{
    /// <summary>The big-integer shortest-digits algorithm, checked on its own over the whole double range.</summary>
    [Test]
    public void ExactShortestMatchesCPythonRepr()
    {
        var values = EdgeDoubles().Where(d => double.IsFinite(d) && d != 0).Select(Math.Abs).ToList();
        values.AddRange(RandomDoubles(41, 1500).Where(d => d != 0).Select(Math.Abs));
        for (int e = -1074; e <= 1023; e += 7) values.Add(Math.ScaleB(1.0, e));
        var inputs = values.Select(Hex).ToList();
        string[] expected = Run("""
            def f(l):
                r = repr(f64(l))
                m, _, x = r.partition('e')
                return m + 'e' + (x or '0')
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i =>
        {
            Span<char> digits = stackalloc char[24];
            int n = DecimalDigits.ExactShortest(values[i], digits, out int decpt);
            return "=" + DigitsAsRepr(digits[..n].ToString(), decpt, values[i]);
        });
    }

    // Converts digits/decpt to CPython's repr mantissa and exponent ("1.5e-07" -> "1.5e-07", "12.0" -> "12.0e0").
    private static string DigitsAsRepr(string digits, int decpt, double value)
    {
        string r = FloatFormat.Repr(value);
        int ePos = r.IndexOf('e');
        bool exp = ePos >= 0;
        if (!exp)
        {
            // Fixed notation: rebuild from digits.
            string intPart = decpt <= 0 ? "0" : digits.Length >= decpt ? digits[..decpt] : digits + new string('0', decpt - digits.Length);
            string frac = decpt <= 0 ? new string('0', -decpt) + digits : digits.Length > decpt ? digits[decpt..] : "0";
            return intPart + "." + frac + "e0";
        }
        string mant = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        int e = decpt - 1;
        return mant + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00");
    }
}
