using System.Globalization;
using System.Reflection;
using System.Text;

namespace RSharp.Flow.Tests;

/// <summary>Generates argument tuples for corpus functions and renders results for comparison.</summary>
internal static class CorpusInputs
{
    public const int TuplesPerFunction = 24;

    private static object?[] Pool(Type t, Random rng)
    {
        if (t == typeof(int)) return new object?[] { 0, -1, 1, int.MinValue, int.MaxValue, 2, 7, 10, -100, 255, 1000, rng.Next(-50, 50), rng.Next(), -rng.Next() };
        if (t == typeof(long)) return new object?[] { 0L, -1L, 1L, long.MinValue, long.MaxValue, (long)int.MaxValue + 1, 3L, 12L, rng.NextInt64(), -rng.NextInt64(-1000, 1000) };
        if (t == typeof(uint)) return new object?[] { 0u, 1u, uint.MaxValue, 2u, 0x80000000u, (uint)rng.Next() };
        if (t == typeof(ulong)) return new object?[] { 0ul, 1ul, ulong.MaxValue, 5ul, 0x8000000000000000ul, (ulong)rng.NextInt64() };
        if (t == typeof(short)) return new object?[] { (short)0, (short)-1, (short)1, short.MinValue, short.MaxValue, (short)rng.Next(-300, 300) };
        if (t == typeof(byte)) return new object?[] { (byte)0, (byte)1, (byte)255, (byte)128, (byte)rng.Next(256) };
        if (t == typeof(sbyte)) return new object?[] { (sbyte)0, (sbyte)-1, sbyte.MinValue, sbyte.MaxValue, (sbyte)rng.Next(-128, 128) };
        if (t == typeof(char)) return new object?[] { 'a', 'Z', '0', ' ', '\0', (char)0xFFFF, (char)rng.Next(32, 127) };
        if (t == typeof(bool)) return new object?[] { true, false };
        if (t == typeof(double)) return new object?[] { 0.0, -0.0, 1.0, -1.5, 2.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, 1e10, 3e9, -2147483649.0, rng.NextDouble() * 100 - 50 };
        if (t == typeof(float)) return new object?[] { 0f, 1f, -1.5f, float.NaN, float.MaxValue, 3e9f, (float)(rng.NextDouble() * 10) };
        if (t == typeof(string)) return new object?[] { null, "", "a", "hello", "Hello World", "abc", "one", "two", "three", "x,y,,z", "Straße", RandomString(rng) };
        if (t == typeof(object)) return new object?[] { null, 1, "s", 2.5, new int[] { 1 }, 'c', true, 7L };
        if (t == typeof(int[])) return new object?[] { null, Array.Empty<int>(), new[] { 1 }, new[] { 3, 1, 2 }, new[] { -5, 0, 5, int.MaxValue }, RandomInts(rng) };
        if (t == typeof(string[])) return new object?[] { null, Array.Empty<string>(), new[] { "a" }, new[] { "b", null, "a" }, new[] { "x", "yy", "zzz" } };
        if (t == typeof(double[])) return new object?[] { null, Array.Empty<double>(), new[] { 1.5 }, new[] { 2.0, double.NaN, -1.0 } };
        if (t == typeof(long[])) return new object?[] { null, Array.Empty<long>(), new[] { 1L, long.MaxValue } };
        if (t == typeof(byte[])) return new object?[] { null, Array.Empty<byte>(), new byte[] { 1, 255, 0 } };
        if (t == typeof(object[])) return new object?[] { null, Array.Empty<object>(), new object?[] { 1, "a", null } };
        if (t.IsEnum) return Enum.GetValues(t).Cast<object?>().Append(Enum.ToObject(t, 99)).ToArray();
        throw new NotSupportedException("no input pool for " + t);
    }

    private static string RandomString(Random rng)
    {
        var chars = new char[rng.Next(1, 12)];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)rng.Next(32, 127);
        return new string(chars);
    }

    private static int[] RandomInts(Random rng)
    {
        var a = new int[rng.Next(2, 9)];
        for (int i = 0; i < a.Length; i++) a[i] = rng.Next(-20, 20);
        return a;
    }

    /// <summary>Argument tuples: the aligned edge cases first, then seeded random combinations.</summary>
    public static List<object?[]> Tuples(MethodInfo method)
    {
        var rng = new Random(StableHash(method.DeclaringType!.Name + "." + method.Name));
        var ps = method.GetParameters();
        var pools = ps.Select(p => Pool(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType, rng)).ToArray();
        var result = new List<object?[]>();
        if (ps.Length == 0)
        {
            result.Add(Array.Empty<object?>());
            return result;
        }
        int maxPool = pools.Max(p => p.Length);
        for (int k = 0; k < TuplesPerFunction; k++)
        {
            var args = new object?[ps.Length];
            for (int i = 0; i < ps.Length; i++)
                args[i] = k < maxPool ? pools[i][(k + i) % pools[i].Length] : pools[i][rng.Next(pools[i].Length)];
            result.Add(args);
        }
        return result;
    }

    public static int StableHash(string s)
    {
        int h = 17;
        foreach (char c in s) h = unchecked(h * 31 + c);
        return h & 0x7fffffff;
    }

    /// <summary>A deep copy of an argument tuple (arrays are copied, since functions may mutate them).</summary>
    public static object?[] Clone(object?[] args) => args.Select(a => a is Array arr ? (object)arr.Clone() : a).ToArray();

    /// <summary>Renders a value exactly (floats by bits, arrays element-wise).</summary>
    public static string Render(object? v)
    {
        switch (v)
        {
            case null: return "null";
            case string s: return "\"" + s + "\"";
            case double d: return "double " + d.ToString("R", CultureInfo.InvariantCulture) + " #" + BitConverter.DoubleToInt64Bits(d).ToString("x");
            case float f: return "float " + f.ToString("R", CultureInfo.InvariantCulture) + " #" + BitConverter.SingleToInt32Bits(f).ToString("x");
            case Array a:
            {
                var sb = new StringBuilder(a.GetType().Name).Append('[');
                foreach (var x in a) sb.Append(Render(x)).Append(", ");
                return sb.Append(']').ToString();
            }
            case IFormattable f: return v.GetType().Name + " " + f.ToString(null, CultureInfo.InvariantCulture);
            default: return v.GetType().Name + " " + v;
        }
    }
}
