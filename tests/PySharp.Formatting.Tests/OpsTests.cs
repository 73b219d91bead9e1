using System.Numerics;
using static PySharp.Formatting.Tests.PythonOracle;

namespace PySharp.Formatting.Tests;

[TestFixture]
public class OpsTests
{
    private static List<double> Doubles()
    {
        var list = EdgeDoubles();
        list.AddRange(RandomDoubles(31, 1500));
        list.AddRange([3.0, -3.0, 7.5, -7.5, 0.3, -0.3, 1e-310, 2.0, 4.0, 6.0, 0.5, 1.5]);
        return list;
    }

    [Test]
    public void FloatArithmeticMatchesCPython()
    {
        var rng = Rng(5);
        var d = Doubles();
        var pairs = new List<(double X, double Y)>();
        double[] exps = [0.5, -0.5, 2, 3, -1, -2, 1e300, -1e300, 0.0, -0.0, 1.0, 2.5, 9007199254740993.0, 1e16 + 1, 31, 1023, -1075];
        for (int i = 0; i < 3000; i++) pairs.Add((d[rng.Next(d.Count)], rng.Next(4) == 0 ? d[rng.Next(12)] : d[rng.Next(d.Count)]));
        foreach (double b in new[] { 0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 10.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-300 })
            foreach (double e in exps.Concat([double.PositiveInfinity, double.NegativeInfinity, double.NaN])) pairs.Add((b, e));
        var inputs = pairs.Select(p => Hex(p.X) + "\t" + Hex(p.Y)).ToList();
        string[] expected = Run("""
            def g(fn):
                try: return repr(fn())
                except Exception as e: return '!' + type(e).__name__ + ': ' + str(e)
            def f(l):
                a, b = l.split('\t')
                x, y = f64(a), f64(b)
                cplx = x < 0 and math.isfinite(x) and math.isfinite(y) and y != math.floor(y)
                p = 'complex' if cplx else g(lambda: x ** y)
                return ' '.join([g(lambda: x % y), g(lambda: x // y), g(lambda: divmod(x, y)), g(lambda: x / y), p])
            for l in inp: run(f, l)
            """, inputs);
        static string G(Func<string> f)
        {
            try { return f(); }
            catch (PyNumericException e) { return "!" + e.Kind + ": " + e.Message; }
        }
        AssertAllEqual(inputs, expected, i =>
        {
            var (x, y) = pairs[i];
            return "=" + string.Join(" ",
                G(() => FloatFormat.Repr(FloatOps.Modulo(x, y))),
                G(() => FloatFormat.Repr(FloatOps.FloorDivide(x, y))),
                G(() => { var (q, r) = FloatOps.DivMod(x, y); return "(" + FloatFormat.Repr(q) + ", " + FloatFormat.Repr(r) + ")"; }),
                G(() => FloatFormat.Repr(FloatOps.TrueDivide(x, y))),
                G(() => FloatOps.TryPow(x, y, out double p) ? FloatFormat.Repr(p) : "complex"));
        });
    }

    [Test]
    public void FloatUnaryOperationsMatchCPython()
    {
        var rng = Rng(6);
        var d = Doubles();
        var cases = d.Select(x => (X: x, N: rng.Next(-20, 25))).ToList();
        cases.AddRange([(2.675, 2), (0.125, 2), (0.375, 2), (2.5, 0), (-0.5, 0), (1.7976931348623157e308, -308), (1e300, -300),
            (5e-324, 330), (123.456, -1), (-0.0, 3), (1.5, 400), (1.5, -400)]);
        var inputs = cases.Select(c => Hex(c.X) + "\t" + c.N).ToList();
        string[] expected = Run("""
            def g(fn):
                try: return repr(fn())
                except Exception as e: return '!' + type(e).__name__ + ': ' + str(e)
            def f(l):
                a, n = l.split('\t')
                x, n = f64(a), int(n)
                h = 'nanhash' if x != x else hash(x)
                return ' '.join([g(lambda: round(x)), g(lambda: round(x, n)), str(h), g(lambda: x.as_integer_ratio()),
                                 x.hex(), repr(float.fromhex(x.hex())), repr(x.is_integer()), g(lambda: int(x))])
            for l in inp: run(f, l)
            """, inputs);
        static string G(Func<string> f)
        {
            try { return f(); }
            catch (PyNumericException e) { return "!" + e.Kind + ": " + e.Message; }
        }
        AssertAllEqual(inputs, expected, i =>
        {
            var (x, n) = cases[i];
            return "=" + string.Join(" ",
                G(() => FloatOps.Round(x).ToString()),
                G(() => FloatFormat.Repr(FloatOps.Round(x, n))),
                double.IsNaN(x) ? "nanhash" : FloatOps.Hash(x).ToString(),
                G(() => { var (p, q) = FloatOps.AsIntegerRatio(x); return $"({p}, {q})"; }),
                FloatOps.Hex(x),
                FloatFormat.Repr(FloatOps.FromHex(FloatOps.Hex(x))),
                FloatOps.IsInteger(x) ? "True" : "False",
                G(() => FloatOps.ToBigInteger(x).ToString()));
        });
    }

    [Test]
    public void FromHexMatchesCPython()
    {
        string[] texts = ["0x1p0", " -0X1.8P+1 ", "1", "0x.8", "0x1.", "0x.p1", "0x", "inf", "-Infinity", "nan", "0x1p99999", "0x1p-99999",
            "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x3p-1076", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "zz",
            "0x1.0000000000000800000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1p", "0x1p+", "1.5e3",
            "0x0p99999999999999999", "0x00000000000000000001p-1080", "0xABCDEFp-20", "\t0xap-1\n", "0x1_0"];
        var inputs = texts.Select(Json).ToList();
        string[] expected = Run("for l in inp: run(lambda l: repr(float.fromhex(js(l))), l)", inputs);
        AssertAllEqual(inputs, expected, i => Capture(() => FloatFormat.Repr(FloatOps.FromHex(texts[i]))));
    }

    [Test]
    public void IntArithmeticMatchesCPython()
    {
        var rng = Rng(8);
        var values = new List<BigInteger> { 0, 1, -1, 2, -2, 3, 7, -7, long.MinValue, long.MaxValue, BigInteger.Pow(2, 1024),
            BigInteger.Pow(10, 400), -BigInteger.Pow(10, 400), BigInteger.Pow(2, 1100) + 1, BigInteger.Pow(2, 53) + 1 };
        for (int i = 0; i < 400; i++) values.Add(RandomBig(rng));
        var cases = new List<(BigInteger A, BigInteger B, BigInteger C)>();
        for (int i = 0; i < 2500 * Stress; i++)
            cases.Add((values[rng.Next(values.Count)], values[rng.Next(values.Count)], values[rng.Next(values.Count)] >> rng.Next(0, 64)));
        var inputs = cases.Select(c => BigHex(c.A) + "\t" + BigHex(c.B) + "\t" + BigHex(c.C)).ToList();
        string[] expected = Run("""
            def g(fn):
                try: return str(fn())
                except Exception as e: return '!' + type(e).__name__ + ': ' + str(e)
            def f(l):
                a, b, c = (int(t, 16) for t in l.split('\t'))
                small = b % 200 - 100
                return ' '.join([g(lambda: hex(a // b)), g(lambda: hex(a % b)), g(lambda: repr(a / b)), g(lambda: repr(float(a))),
                                 g(lambda: hex(pow(a, small, c))), str(hash(a)), str(a.bit_length()),
                                 g(lambda: a.to_bytes(abs(small) % 40, 'big' if small > 0 else 'little', signed=c > 0).hex()),
                                 str(int.from_bytes(a.to_bytes(300, 'little', signed=True)[:abs(small) % 30], 'big', signed=c < 0)),
                                 hex(round(a, small % 30 - 25))])
            for l in inp: run(f, l)
            """, inputs);
        static string G(Func<string> f)
        {
            try { return f(); }
            catch (PyNumericException e) { return "!" + e.Kind + ": " + e.Message; }
        }
        AssertAllEqual(inputs, expected, i =>
        {
            var (a, b, c) = cases[i];
            int small = (int)IntOps.FloorModulo(b, 200) - 100;
            byte[] all = new byte[300];
            a.TryWriteBytes(all, out _, isUnsigned: false, isBigEndian: false);
            if (a.Sign < 0) all.AsSpan(a.GetByteCount()).Fill(0xFF);
            return "=" + string.Join(" ",
                G(() => IntFormat.ToString(IntOps.FloorDivide(a, b), 16)),
                G(() => IntFormat.ToString(IntOps.FloorModulo(a, b), 16)),
                G(() => FloatFormat.Repr(IntOps.TrueDivide(a, b))),
                G(() => FloatFormat.Repr(IntOps.ToDouble(a))),
                G(() => IntFormat.ToString(IntOps.ModPow(a, small, c), 16)),
                IntOps.Hash(a).ToString(),
                IntOps.BitLength(a).ToString(),
                G(() => Convert.ToHexString(IntOps.ToBytes(a, Math.Abs(small) % 40, small > 0, c > 0)).ToLowerInvariant()),
                IntOps.FromBytes(all.AsSpan(0, Math.Abs(small) % 30), true, c < 0).ToString(),
                IntFormat.ToString(IntOps.Round(a, IntOps.FloorModulo(small, 30) - 25), 16));
        });
    }

    [Test]
    public void FloatIntComparisonMatchesCPython()
    {
        var rng = Rng(61);
        var cases = new List<(double X, BigInteger N)>();
        foreach (double d in Doubles().Take(800))
        {
            BigInteger near = double.IsFinite(d) ? new BigInteger(Math.Truncate(d)) : BigInteger.Pow(10, 400);
            cases.Add((d, near));
            cases.Add((d, near + rng.Next(-2, 3)));
            cases.Add((d, RandomBig(rng)));
        }
        BigInteger p53 = BigInteger.Pow(2, 53);
        foreach (int k in new[] { -1, 0, 1, 2 }) { cases.Add((9007199254740992.0, p53 + k)); cases.Add((-9007199254740992.0, -p53 - k)); }
        var inputs = cases.Select(c => Hex(c.X) + "\t" + BigHex(c.N)).ToList();
        string[] expected = Run("""
            def f(l):
                a, b = l.split('\t')
                x, n = f64(a), int(b, 16)
                return ''.join('1' if r else '0' for r in (x < n, x <= n, x == n, x != n, x > n, x >= n))
            for l in inp: run(f, l)
            """, inputs);
        AssertAllEqual(inputs, expected, i =>
        {
            int? c = FloatOps.CompareWithInt(cases[i].X, cases[i].N);
            bool[] r = c is null
                ? [false, false, false, true, false, false]
                : [c < 0, c <= 0, c == 0, c != 0, c > 0, c >= 0];
            return "=" + string.Concat(r.Select(b => b ? '1' : '0'));
        });
    }

    [Test]
    public void MachineIntHelpersAgreeWithBigIntegerVersions()
    {
        var rng = Rng(12);
        long[] edge = [0, 1, -1, 2, -2, 7, -7, long.MinValue, long.MaxValue, long.MinValue + 1];
        for (int i = 0; i < 5000; i++)
        {
            long a = i < 100 ? edge[i % edge.Length] : rng.NextInt64(long.MinValue, long.MaxValue) >> rng.Next(64);
            long b = i < 100 ? edge[(i / edge.Length) % edge.Length] : rng.NextInt64(long.MinValue, long.MaxValue) >> rng.Next(64);
            Assert.That(IntOps.Hash(a), Is.EqualTo(IntOps.Hash((BigInteger)a)));
            Assert.That(IntOps.BitLength(a), Is.EqualTo(IntOps.BitLength((BigInteger)a)));
            if (b == 0)
            {
                Assert.Throws<PyNumericException>(() => IntOps.FloorModulo(a, b));
                continue;
            }
            Assert.That((BigInteger)IntOps.FloorModulo(a, b), Is.EqualTo(IntOps.FloorModulo(a, (BigInteger)b)));
            BigInteger q = IntOps.FloorDivide(a, (BigInteger)b);
            Assert.That(IntOps.TryFloorDivide(a, b, out long lq), Is.EqualTo(q >= long.MinValue && q <= long.MaxValue));
            if (q >= long.MinValue && q <= long.MaxValue) Assert.That(lq, Is.EqualTo((long)q));
            Assert.That(IntOps.TrueDivide(a, b), Is.EqualTo(IntOps.TrueDivide((BigInteger)a, b)));
        }
    }
}
