using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using PySharp.Formatting;

namespace PySharp.Formatting.Tests;

/// <summary>
/// Runs CPython once per fixture over a batch of input lines and returns one result per line.
/// Scripts get <c>inp</c> (the input lines) and helper functions; each must call <c>out(x)</c> once
/// per input line. Results are "=value" or "!ExceptionName: message", sent back as UTF-16 hex.
/// </summary>
internal static class PythonOracle
{
    private const string Prelude = """
import sys, json, struct, math
def f64(h): return struct.unpack('>d', bytes.fromhex(h))[0]
def js(s): return json.loads(s)
_res = []
def out(v): _res.append('=' + v)
def err(e): _res.append('!' + type(e).__name__ + ': ' + str(e))
def run(fn, line):
    try: out(fn(line))
    except Exception as e: err(e)
with open(sys.argv[1], encoding='utf-8') as _f:
    inp = _f.read().split('\n')[:-1]

""";

    private const string Postlude = """

with open(sys.argv[2], 'w', encoding='utf-8') as _f:
    for r in _res: _f.write(r.encode('utf-16-le', 'surrogatepass').hex() + '\n')
""";

    public static string[] Run(string script, IReadOnlyList<string> lines)
    {
        string? python = FindPython();
        if (python is null) Assert.Ignore("python3 not found");
        string dir = Path.Combine(Path.GetTempPath(), "pysharp-fmt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string scriptPath = Path.Combine(dir, "oracle.py"), inPath = Path.Combine(dir, "in.txt"), outPath = Path.Combine(dir, "out.txt");
            File.WriteAllText(scriptPath, Prelude + script + Postlude, new UTF8Encoding(false));
            var sb = new StringBuilder();
            foreach (string l in lines) sb.Append(l).Append('\n');
            File.WriteAllText(inPath, sb.ToString(), new UTF8Encoding(false));
            var psi = new ProcessStartInfo(python!, [scriptPath, inPath, outPath])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            psi.Environment["PYTHONINTMAXSTRDIGITS"] = "4300";
            using var p = Process.Start(psi)!;
            string stderr = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.EqualTo(0), "python3 failed: " + stderr);
            string[] raw = File.ReadAllLines(outPath, Encoding.UTF8);
            Assert.That(raw, Has.Length.EqualTo(lines.Count), "python3 produced a wrong number of results");
            // UTF-16 code units in hex: lone surrogates (e.g. from '%c' % 0xD800) survive the trip.
            return raw.Select(r => new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(Convert.FromHexString(r)))).ToArray();
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static string? FindPython()
    {
        foreach (string d in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (d.Length == 0) continue;
            string candidate = Path.Combine(d, "python3");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Our result in the oracle's notation.</summary>
    public static string Capture(Func<string> f)
    {
        try { return "=" + f(); }
        catch (PyNumericException e) { return "!" + e.Kind + ": " + e.Message; }
    }

    /// <summary>Compares and fails with the first mismatches listed.</summary>
    public static void AssertAllEqual(IReadOnlyList<string> inputs, string[] expected, Func<int, string> actual)
    {
        var failures = new List<string>();
        int count = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            string got = actual(i);
            if (got != expected[i])
            {
                count++;
                if (failures.Count < 25) failures.Add($"input {Cut(inputs[i])}: expected {Cut(expected[i])} got {Cut(got)}");
            }
        }
        Assert.That(count, Is.EqualTo(0), $"{count} of {inputs.Count} differ:\n" + string.Join("\n", failures));
    }

    private static string Cut(string s) => s.Length <= 300 ? s : s[..300] + "...";

    /// <summary>Big-int transport that does not depend on decimal conversion limits: signed hex.</summary>
    public static string BigHex(System.Numerics.BigInteger n) =>
        (n.Sign < 0 ? "-" : "") + System.Numerics.BigInteger.Abs(n).ToString("x", CultureInfo.InvariantCulture);

    public static string Hex(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);

    public static string Json(string s) => JsonSerializer.Serialize(s);

    /// <summary>Interesting doubles: zeros, subnormals, boundaries of repr's notation switch, specials.</summary>
    public static List<double> EdgeDoubles()
    {
        var list = new List<double>
        {
            0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308, 2.225073858507201e-308,
            double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
            1e16, 1e15, 9999999999999998.0, 1e17, 1e22, 1e23, 1e-4, 1e-5, 0.0001, 0.00001, 1.5e-7, 0.1 + 0.2,
            0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.0, -1.0, 123456789.0, 1234.5, 0.05, 0.15, 0.25, 0.35,
            2.675, 1e300, 1e-300, 5e-324, 1.7976931348623157e308, 4.35, 0.045, 1e100, 123.456, -123.456,
            9.5, 10.5, 99.5, 999999.5, 0.9999999, 9.9999999e15, 1e-7, 3.141592653589793, 2.718281828459045,
        };
        for (int e = -30; e <= 30; e++)
        {
            // Powers of ten and their neighbours: decimal-exponent and carry edge cases.
            double p = double.Parse("1e" + e, CultureInfo.InvariantCulture);
            list.Add(p);
            list.Add(Math.BitDecrement(p));
            list.Add(Math.BitIncrement(p));
            list.Add(-p * 1.5);
        }
        for (int e = -1074; e <= 1023; e += 37) list.Add(Math.ScaleB(1.0, e));
        return list;
    }

    /// <summary>Multiplier for random case counts (environment PYSHARP_FMT_STRESS, default 1) for deeper local runs.</summary>
    public static int Stress { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PYSHARP_FMT_STRESS"), out int f) && f > 0 ? f : 1;

    /// <summary>Added to every random seed (environment PYSHARP_FMT_SEED, default 0) to explore other cases locally.</summary>
    public static int SeedOffset { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PYSHARP_FMT_SEED"), out int s) ? s : 0;

    /// <summary>A random generator for a fixture, shifted by <see cref="SeedOffset"/>.</summary>
    public static Random Rng(int seed) => new(seed + SeedOffset);

    /// <summary>Random doubles of several flavours from a fixed seed (count scaled by <see cref="Stress"/>).</summary>
    public static List<double> RandomDoubles(int seed, int count)
    {
        var rng = Rng(seed);
        count *= Stress;
        var list = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            switch (i % 6)
            {
                case 5: // decimals with up to 17 significant digits (the repr fast path's border)
                    list.Add(rng.NextInt64(1, (long)Math.Pow(10, rng.Next(1, 18))) / Math.Pow(10, rng.Next(0, 23)));
                    break;
                case 0: // any bit pattern (finite)
                    double d;
                    do d = BitConverter.Int64BitsToDouble(rng.NextInt64()); while (!double.IsFinite(d));
                    list.Add(d);
                    break;
                case 1: // short decimals
                    list.Add(Math.Round((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 8)), rng.Next(0, 6)));
                    break;
                case 2: // integers
                    list.Add(rng.NextInt64(-1L << 60, 1L << 60) >> rng.Next(0, 60));
                    break;
                case 3: // ties at small precisions
                    list.Add(rng.Next(-100000, 100000) / 8.0);
                    break;
                default: // wide magnitudes
                    list.Add((rng.NextDouble() * 2 - 1) * Math.Pow(10, rng.Next(-320, 308)));
                    break;
            }
        }
        return list;
    }

    public static BigInteger RandomBig(Random rng)
    {
        int kind = rng.Next(6);
        switch (kind)
        {
            case 0: return rng.Next(-1000, 1000);
            case 1: return rng.NextInt64(long.MinValue, long.MaxValue);
            default:
                var bytes = new byte[rng.Next(1, kind == 5 ? 200 : 30)];
                rng.NextBytes(bytes);
                return new BigInteger(bytes);
        }
    }
}
