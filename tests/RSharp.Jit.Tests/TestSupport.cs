using RSharp.Backend.Cil;
using RSharp.Backend.Interp;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Tests;

/// <summary>An interpreter-frame-like class for field operations.</summary>
public sealed class Frame
{
    public long count;
    public double total;
    public object? item;
    public Frame? next;
    public int narrow;
    public bool flag;
    public readonly long fixedValue = 7;
}

public class Shape { public long size; }
public sealed class Square : Shape { }

public sealed class Boom(string message) : Exception(message);

/// <summary>Call targets.</summary>
public static class Targets
{
    public static long Add3(long a, long b, long c) => a + b + c;
    public static double Half(double x) => x / 2;
    public static int Narrow(int x) => x * 2;
    public static string Concat(string a, string b) => a + b;
    public static long Checked(long x) => x >= 0 ? x * 10 : throw new Boom($"negative: {x}");
    public static void Bump(Frame f) => f.count++;
    public static long Calls;
    public static void Count() => Calls++;
    public static long ForceAndGet(FrameForceToken token, long x) { if (x > 2) token.Force(); return x; }
}

public sealed class Counter
{
    public long value;
    public long AddTo(long x) => value += x;
}

/// <summary>
/// Execution tests run once per backend: the interp backend (the reference) and the CIL
/// backend must give the same dead frames, so every assertion is checked on both.
/// </summary>
[TestFixture("interp")]
[TestFixture("cil")]
public abstract class BackendTests(string backend)
{
    /// <summary>Selects the backend that <see cref="Jit.NewBackend()"/> and <see cref="Jit.Run(string, object?[])"/> use.</summary>
    [SetUp]
    public void SelectBackend() => Jit.BackendName = backend;

    [TearDown]
    public void ResetBackend() => Jit.BackendName = "interp";
}

/// <summary>Shared helpers: a registry with the test descriptors, compiling and running text traces.</summary>
internal static class Jit
{
    /// <summary>The backend execution helpers create (set per fixture by <see cref="BackendTests"/>).</summary>
    public static string BackendName = "interp";

    public static IJitBackend NewBackend() => NewBackend(BackendName);

    public static IJitBackend NewBackend(string name) => name switch
    {
        "interp" => new InterpBackend(),
        "cil" => new CilBackend(),
        _ => throw new ArgumentException($"unknown backend {name}", nameof(name)),
    };

    public static DescrRegistry Registry()
    {
        var reg = new DescrRegistry();
        foreach (var f in new[] { "count", "total", "item", "next", "narrow", "flag", "fixedValue" })
            reg.AddField(typeof(Frame), f);
        reg.AddField(typeof(Shape), "size");
        reg.AddField(typeof(Counter), "value");
        reg.AddType(typeof(Frame));
        reg.AddType(typeof(Shape));
        reg.AddType(typeof(Square));
        reg.AddType(typeof(Boom));
        reg.AddType(typeof(DivideByZeroException));
        reg.AddArray(typeof(long));
        reg.AddArray(typeof(double));
        reg.AddArray(typeof(object));
        reg.AddArray(typeof(byte));
        reg.AddArray(typeof(int));
        foreach (var m in new[] { "Add3", "Half", "Narrow", "Concat", "Checked", "Bump", "Count", "ForceAndGet" })
            reg.AddCall(typeof(Targets), m, m == "Checked" ? EffectInfo.MayRaise : null);
        reg.AddCall(typeof(Counter), "AddTo");
        reg.AddCall((Func<long, long>)(x => checked(x * x)), "Square", EffectInfo.MayRaise);
        return reg;
    }

    /// <summary>Parses, compiles as a loop, and runs a trace.</summary>
    public static DeadFrame Run(string text, params object?[] args) => Run(Registry(), text, args);

    public static DeadFrame Run(DescrRegistry reg, string text, params object?[] args)
    {
        var backend = NewBackend();
        var token = backend.CompileLoop(Trace.Parse(text, reg), new LoopToken("Test"));
        return backend.Execute(token, JitValues.Of(args));
    }

    /// <summary>Runs a trace that must finish, and returns its single result boxed.</summary>
    public static object? Result(string text, params object?[] args)
    {
        var frame = Run(text, args);
        Assert.That(frame.IsFinish, Is.True, $"expected finish, got {frame}");
        return frame.Values.GetBoxed(0);
    }

    public static readonly long[] IntEdges =
    [
        0, 1, -1, 2, -2, 3, 7, -7, 63, 64, 100, -100, int.MaxValue, int.MinValue, (long)int.MaxValue + 1,
        long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1, 1L << 32, -(1L << 32), 0x5555_5555_5555_5555,
    ];

    /// <summary>Edge cases plus seeded random values (the seed is fixed so failures reproduce).</summary>
    public static long[] IntSamples(int seed = 1234, int random = 20)
    {
        var rng = new Random(seed);
        var values = IntEdges.ToList();
        for (int i = 0; i < random; i++) values.Add(rng.NextInt64(long.MinValue, long.MaxValue));
        for (int i = 0; i < random / 2; i++) values.Add(rng.NextInt64(-1000, 1000));
        return values.ToArray();
    }
}
