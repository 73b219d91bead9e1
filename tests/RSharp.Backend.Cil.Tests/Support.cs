using RSharp.Backend.Interp;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil.Tests;

/// <summary>A class whose fields are not public: compiled traces reach them (skip-visibility DynamicMethods).</summary>
internal sealed class Secret
{
#pragma warning disable CS0649 // written only by compiled traces
    private long _hidden;
#pragma warning restore CS0649
    public long Hidden => _hidden;
}

public enum Colour : byte { Red = 1, Green = 2, Blue = 200 }

/// <summary>Fields of every narrow type.</summary>
public sealed class Narrow
{
    public byte u8; public sbyte i8; public short i16; public ushort u16; public char c;
    public uint u32; public ulong u64; public float single; public Colour colour; public nint native;
}

public class Animal { public virtual long Legs() => 4; }
public sealed class Bird : Animal { public override long Legs() => 2; }

public static class CilTargets
{
    public static (long, long) Pair(long a, long b) => (a, b);
    public static long SumPair((long A, long B) p) => p.A + p.B;
    public static DayOfWeek Next(DayOfWeek d) => (DayOfWeek)(((int)d + 1) % 7);
    public static long Fail(long x) => throw new InvalidOperationException($"fail {x}");
}

/// <summary>Runs one trace (plus bridges) on both backends.</summary>
internal static class Both
{
    public static IJitBackend[] Backends() => [new InterpBackend(), new CilBackend()];

    /// <summary>Compiles and runs on both backends with fresh arguments, asserts equal outcomes, returns the CIL dead frame.</summary>
    public static DeadFrame Run(DescrRegistry reg, string text, Func<object?[]> args)
    {
        var trace = Trace.Parse(text, reg);
        var set = new TraceSet(trace, []);
        var (interp, cil) = Differential.Run(set, args);
        Assert.That(cil, Is.EqualTo(interp), interp);
        var backend = new CilBackend();
        var token = backend.CompileLoop(trace, new LoopToken("Both"));
        return backend.Execute(token, JitValues.Of(args()));
    }
}
