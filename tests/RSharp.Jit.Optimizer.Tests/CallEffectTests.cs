using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer.Tests;

public sealed class Pair
{
    public long f;
    public long g;
}

public static class PairFuncs
{
    public static void WriteG(Pair p, long v) => p.g = v;
    public static void WriteF(Pair p, long v) => p.f = v;
}

/// <summary>
/// Why residual calls need precise effect info (the codewriter's annotator-backed infos): the
/// heap pass keeps a cached field across a call that writes only other fields, and forgets it
/// across a call with random effects or one that writes that field.
/// </summary>
public class CallEffectTests
{
    private const string Opts = "rewrite:heap";

    private static DescrRegistry Registry()
    {
        var reg = new DescrRegistry();
        var f = reg.AddField(typeof(Pair), "f");
        var g = reg.AddField(typeof(Pair), "g");
        reg.AddCall(typeof(PairFuncs), "WriteG", new EffectInfo(EffectInfo.Extra.CannotRaise, writeFields: [g]), "WriteG");
        reg.AddCall(typeof(PairFuncs), "WriteG", EffectInfo.Residual, "WriteGOpaque");
        reg.AddCall(typeof(PairFuncs), "WriteF", new EffectInfo(EffectInfo.Extra.CannotRaise, writeFields: [f]), "WriteF");
        return reg;
    }

    private static string Around(string call) => $"""
        [p0, i1]
        i2 = getfield_gc_i(p0, descr=<Field Pair.f>)
        call_n(p0, i1, descr=<Call {call}>)
        i3 = getfield_gc_i(p0, descr=<Field Pair.f>)
        i4 = int_add(i2, i3)
        finish(i4)
        """;

    private static Func<object?[]> Inputs => () => [new Pair { f = 5, g = 6 }, 40L];

    private static string Optimized(string input, DescrRegistry reg)
    {
        var original = Trace.Parse(input, reg);
        var optimized = TraceOptimizer.Optimize(original, TraceOptimizer.ParseOpts(Opts));
        Differential.AssertSame(original, optimized, Inputs);
        return optimized.Trace.ToString();
    }

    [Test]
    public void ACallWritingOnlyAnotherFieldKeepsTheCachedRead()
    {
        var reg = Registry();
        Assert.That(Optimized(Around("WriteG"), reg), Is.EqualTo(T.Normalize(reg, """
            [p0, i1]
            i2 = getfield_gc_i(p0, descr=<Field Pair.f>)
            call_n(p0, i1, descr=<Call WriteG>)
            i3 = int_add(i2, i2)
            finish(i3)
            """)));
    }

    [Test]
    public void ACallWithRandomEffectsForgetsTheCachedRead()
    {
        var reg = Registry();
        // Same function, same result at run time (5 + 5): only the effect info differs.
        var run = Differential.Run(Trace.Parse(Around("WriteGOpaque"), reg), Inputs());
        Assert.That(run.Frame!.Values.GetInt(0), Is.EqualTo(10L));
        Assert.That(Optimized(Around("WriteGOpaque"), reg), Is.EqualTo(T.Normalize(reg, Around("WriteGOpaque"))));
    }

    [Test]
    public void ACallWritingTheFieldForgetsTheCachedRead()
    {
        var reg = Registry();
        var result = Optimized(Around("WriteF"), reg);
        Assert.That(result, Is.EqualTo(T.Normalize(reg, Around("WriteF"))));
        // The read after the call sees the written value: 5 + 40.
        var run = Differential.Run(Trace.Parse(result, reg), Inputs());
        Assert.That(run.Error, Is.Null);
        Assert.That(run.Frame!.Values.GetInt(0), Is.EqualTo(45L));
    }
}
