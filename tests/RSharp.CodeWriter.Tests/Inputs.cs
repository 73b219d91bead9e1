using System.Globalization;
using System.Reflection;
using System.Text;

namespace RSharp.CodeWriter.Tests;

/// <summary>Argument tuples for corpus functions (edge cases first, then seeded random values) and exact rendering of results.</summary>
internal static class Inputs
{
    public const int TuplesPerFunction = 24;

    private static object?[] Pool(Type t, Random rng)
    {
        if (t == typeof(int)) return [0, 1, -1, int.MaxValue, int.MinValue, 3, 10, -7, 100, 31, rng.Next(-1000, 1000), rng.Next()];
        if (t == typeof(long)) return [0L, 1L, -1L, long.MaxValue, long.MinValue, 1L << 32, 5L, -9L, rng.NextInt64(), rng.NextInt64(-100, 100)];
        if (t == typeof(uint)) return [0u, 1u, uint.MaxValue, 0x80000000u, 7u, (uint)rng.Next()];
        if (t == typeof(ulong)) return [0ul, 1ul, ulong.MaxValue, 1ul << 63, 9ul, (ulong)rng.NextInt64()];
        if (t == typeof(short)) return [(short)0, (short)-1, short.MaxValue, short.MinValue, (short)rng.Next(-500, 500)];
        if (t == typeof(byte)) return [(byte)0, (byte)1, (byte)255, (byte)128, (byte)rng.Next(256)];
        if (t == typeof(sbyte)) return [(sbyte)0, (sbyte)-1, sbyte.MinValue, sbyte.MaxValue, (sbyte)rng.Next(-128, 128)];
        if (t == typeof(char)) return ['a', 'Z', '0', ' ', '\0', '\uffff', (char)rng.Next(32, 127)];
        if (t == typeof(bool)) return [true, false];
        if (t == typeof(double)) return [0.0, -0.0, 1.0, -2.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, 1e10, -3e9, rng.NextDouble() * 100 - 50];
        if (t == typeof(float)) return [0f, 1f, -1.5f, float.NaN, float.MaxValue, 3e9f, (float)(rng.NextDouble() * 10)];
        if (t == typeof(string)) return [null, "", "a", "hello", "Hello World", "abc", "x,y,,z", "Straße", RandomString(rng)];
        if (t == typeof(object)) return [null, 1, "s", 2.5, new[] { 1 }, 'c', true, 7L];
        if (t == typeof(int[])) return [null, Array.Empty<int>(), new[] { 1 }, new[] { 3, 1, 2 }, new[] { -5, 0, 5, int.MaxValue }, RandomInts(rng)];
        if (t == typeof(string[])) return [null, Array.Empty<string>(), new[] { "a" }, new[] { "b", null, "a" }, new[] { "x", "yy", "zzz" }];
        if (t == typeof(double[])) return [null, Array.Empty<double>(), new[] { 1.5 }, new[] { 2.0, double.NaN, -1.0 }];
        if (t == typeof(long[])) return [null, Array.Empty<long>(), new[] { 1L, long.MaxValue }];
        if (t == typeof(byte[])) return [null, Array.Empty<byte>(), new byte[] { 1, 255, 0 }];
        if (t == typeof(object[])) return [null, Array.Empty<object>(), new object?[] { 1, "a", null }];
        if (t.IsEnum) return Enum.GetValues(t).Cast<object?>().Append(Enum.ToObject(t, 99)).ToArray();
        throw new NotSupportedException("no input pool for " + t);
    }

    public static bool CanGenerate(MethodInfo m)
    {
        try { _ = Tuples(m); return true; }
        catch (NotSupportedException) { return false; }
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

    public static List<object?[]> Tuples(MethodInfo method, bool byRef = false)
    {
        int seed = 17;
        foreach (char c in method.DeclaringType!.Name + "." + method.Name) seed = unchecked(seed * 31 + c);
        var rng = new Random(seed & 0x7fffffff);
        var ps = method.GetParameters();
        if (!byRef && ps.Any(p => p.ParameterType.IsByRef)) throw new NotSupportedException("by-ref parameter");
        var pools = ps.Select(p => Pool(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType, rng)).ToArray();
        if (ps.Length == 0) return [[]];
        int maxPool = pools.Max(p => p.Length);
        var result = new List<object?[]>();
        for (int k = 0; k < TuplesPerFunction; k++)
        {
            var args = new object?[ps.Length];
            for (int i = 0; i < ps.Length; i++)
                args[i] = k < maxPool ? pools[i][(k + i) % pools[i].Length] : pools[i][rng.Next(pools[i].Length)];
            result.Add(args);
        }
        return result;
    }

    /// <summary>A deep copy of an argument tuple (functions may mutate arrays).</summary>
    public static object?[] Clone(object?[] args) => args.Select(a => a is Array arr ? arr.Clone() : a).ToArray();

    /// <summary>Exact rendering: floats by bits, arrays element-wise.</summary>
    public static string Render(object? v) => v switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        double d => "double #" + BitConverter.DoubleToInt64Bits(d).ToString("x"),
        float f => "float #" + BitConverter.SingleToInt32Bits(f).ToString("x"),
        Array a => a.GetType().Name + "[" + string.Join(", ", a.Cast<object?>().Select(Render)) + "]",
        IFormattable f => v.GetType().Name + " " + f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.GetType().Name + " " + v,
    };

    /// <summary>The outcome of a call: the rendered result and arguments, or the exception's type and message.</summary>
    public static string Outcome(Func<object?> call, object?[] args)
    {
        try
        {
            var r = call();
            return "returned " + Render(r) + " args " + string.Join("; ", args.Select(Render));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return "raised " + e.InnerException.GetType().FullName + ": " + e.InnerException.Message;
        }
        catch (Exception e)
        {
            return "raised " + e.GetType().FullName + ": " + e.Message;
        }
    }
}
