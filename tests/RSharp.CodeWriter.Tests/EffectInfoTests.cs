using System.Reflection;
using RSharp.Flow;
using RSharp.Hints;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.CodeWriter.Tests;

public sealed class EffBox
{
    public int F;
    public int G;
}

public abstract class EffShape
{
    public int Width;
    public int Height;
    public abstract void Grow();
}

public sealed class EffWide : EffShape
{
    public override void Grow() => Width++;
}

public sealed class EffTall : EffShape
{
    public override void Grow() => Height++;
}

public sealed class EffConfig
{
    [QuasiImmutable] public int Level;
    public int Reads;
}

[Virtualizable(nameof(Pc))]
public sealed class EffFrame
{
    public int Pc;
    public int Other;
}

/// <summary>Residual calls (the callees are [DontLookInside]) whose effect info the annotator decides.</summary>
public static class EffectCorpus
{
    [DontLookInside] public static int Pure(int a) => a * 3 + 1;
    [DontLookInside] public static int Divide(int a, int b) => a / b;
    [DontLookInside] public static int CatchAll(int[] items, int i)
    {
        try { return items[i] / i; }
        catch (Exception) { return -1; }
    }
    [DontLookInside] public static int CatchSome(int[] items, int i)
    {
        try { return items[i] / i; }
        catch (DivideByZeroException) { return -1; }
    }
    /// <summary>The annotator does not track nullness: the store may raise unless a handler catches it.</summary>
    [DontLookInside] public static void WriteG(EffBox b, int v)
    {
        try { b.G = v; }
        catch (Exception) { }
    }
    [DontLookInside] public static int Invoke(Func<int, int> f, int a) => f(a);
    [DontLookInside] public static void Store(int[] items, int v)
    {
        if (items is not null && items.Length > 0) items[0] = v;
    }
    [DontLookInside] public static void SetLevel(EffConfig c, int v)
    {
        if (c is not null) c.Level = v;
    }
    [DontLookInside] public static void SetPc(EffFrame f, int v)
    {
        if (f is not null) f.Pc = v;
    }
    [DontLookInside] public static int Reenter(int n) => ResidualReentry(n - 1) + 1;
    [DontLookInside] public static void GrowIt(EffShape s) => s.Grow();

    public static int CallsPure(int a) => Pure(a);
    public static int CallsDivide(int a) => Divide(a, a & 3);
    public static int CallsCatchAll(int a) => CatchAll([1, 2, 3], a & 3);
    public static int CallsCatchSome(int a) => CatchSome([1, 2, 3], a & 3);
    public static int ReadsAroundWriteG(int a)
    {
        var b = new EffBox { F = a, G = 1 };
        int before = b.F;
        WriteG(b, a * 2);
        return before + b.F + b.G;
    }
    public static int CallsInvoke(int a) => Invoke(x => x + 1, a);
    public static int StoresArray(int a)
    {
        var items = new int[2];
        Store(items, a);
        return items[0] + items[1];
    }
    public static int WritesQuasiImmutable(int a)
    {
        var c = new EffConfig { Level = 1 };
        SetLevel(c, a);
        return c.Level + c.Reads;
    }
    public static int WritesVirtualizable(int a)
    {
        var f = new EffFrame { Pc = 1 };
        SetPc(f, a);
        return f.Pc + f.Other;
    }
    public static int ResidualReentry(int a) => a <= 0 ? 0 : Reenter(a);
    public static int GrowsAShape(int a)
    {
        EffShape s = (a & 1) == 0 ? new EffWide() : new EffTall();
        GrowIt(s);
        return s.Width * 10 + s.Height;
    }
}

public class EffectInfoTests
{
    private static readonly Lazy<FlowAssembly> s_flow = new(() => FlowAssembly.Load(typeof(EffectCorpus).Assembly.Location));

    private static (JitCodeSet Set, CallDescr Call) Residual(string root, string callee)
    {
        var set = CodeWriter.Build(s_flow.Value, typeof(EffectCorpus).GetMethod(root)!);
        Assert.That(set.EffectAnalysisError, Is.Null);
        var calls = set.JitCodes.Values.SelectMany(j => j.Descrs).OfType<CallDescr>().Where(d => d.Method.Name == callee).Distinct().ToList();
        Assert.That(calls, Has.Count.EqualTo(1), "residual call descriptors of " + callee);
        return (set, calls[0]);
    }

    private static EffectInfo EffectOf(string root, string callee) => Residual(root, callee).Call.Effect;

    private static string[] Names(IEnumerable<Descr> descrs) => descrs.Select(d => d.Name).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Runs the root in the blackhole and natively: the descriptors' effects do not change what the code does.</summary>
    private static void SameAsNative(JitCodeSet set, string root, int a)
    {
        var method = typeof(EffectCorpus).GetMethod(root)!;
        var jitcode = set.Get(root);
        var actual = new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(jitcode, [a]);
        Assert.That(Convert.ToInt64(actual), Is.EqualTo(Convert.ToInt64(method.Invoke(null, [a]))), root + "(" + a + ")");
    }

    [Test]
    public void ArithmeticThatCannotRaiseIsCannotRaise()
    {
        var e = EffectOf(nameof(EffectCorpus.CallsPure), nameof(EffectCorpus.Pure));
        Assert.That(e.ExtraEffect, Is.EqualTo(EffectInfo.Extra.CannotRaise));
        Assert.That(e.WriteFields, Is.Empty);
        Assert.That(e.WriteArrays, Is.Empty);
        Assert.That(e.ReadFields, Is.Empty);
        Assert.That(e.CanInvalidate, Is.False);
    }

    [Test]
    public void DivisionCanRaise() =>
        Assert.That(EffectOf(nameof(EffectCorpus.CallsDivide), nameof(EffectCorpus.Divide)).ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise));

    [Test]
    public void AHandlerOfEverythingMakesItCannotRaise()
    {
        var (set, call) = Residual(nameof(EffectCorpus.CallsCatchAll), nameof(EffectCorpus.CatchAll));
        Assert.That(call.Effect.ExtraEffect, Is.EqualTo(EffectInfo.Extra.CannotRaise));
        Assert.That(Names(call.Effect.ReadArrays), Is.EqualTo(new[] { "System.Int32[]" }));
        Assert.That(call.Effect.WriteArrays, Is.Empty);
        foreach (var a in new[] { 0, 1, 6, 7 }) SameAsNative(set, nameof(EffectCorpus.CallsCatchAll), a);
    }

    [Test]
    public void AHandlerOfSomeExceptionsLeavesItCanRaise() =>
        Assert.That(EffectOf(nameof(EffectCorpus.CallsCatchSome), nameof(EffectCorpus.CatchSome)).ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise));

    [Test]
    public void AFieldWriteIsExactlyThatField()
    {
        var (set, call) = Residual(nameof(EffectCorpus.ReadsAroundWriteG), nameof(EffectCorpus.WriteG));
        Assert.That(call.Effect.ExtraEffect, Is.EqualTo(EffectInfo.Extra.CannotRaise));
        Assert.That(Names(call.Effect.WriteFields), Is.EqualTo(new[] { "EffBox.G" }));
        Assert.That(call.Effect.MayWrite(call.Effect.WriteFields.Single()), Is.True);
        var f = set.JitCodes.Values.SelectMany(j => j.Descrs).OfType<FieldDescr>().Single(d => d.Name == "EffBox.F");
        Assert.That(call.Effect.MayWrite(f), Is.False);
        SameAsNative(set, nameof(EffectCorpus.ReadsAroundWriteG), 21);
    }

    [Test]
    public void ADelegateInvocationIsRandomEffects() =>
        Assert.That(EffectOf(nameof(EffectCorpus.CallsInvoke), nameof(EffectCorpus.Invoke)).ExtraEffect, Is.EqualTo(EffectInfo.Extra.RandomEffects));

    [Test]
    public void AnArrayStoreListsTheArrayKind()
    {
        var e = EffectOf(nameof(EffectCorpus.StoresArray), nameof(EffectCorpus.Store));
        Assert.That(e.ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise)); // index and null checks are not tracked
        Assert.That(Names(e.WriteArrays), Is.EqualTo(new[] { "System.Int32[]" }));
        Assert.That(e.WriteFields, Is.Empty);
    }

    [Test]
    public void WritingAQuasiImmutableFieldCanInvalidate()
    {
        var e = EffectOf(nameof(EffectCorpus.WritesQuasiImmutable), nameof(EffectCorpus.SetLevel));
        Assert.That(e.CanInvalidate, Is.True);
        Assert.That(e.ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise));
        Assert.That(EffectOf(nameof(EffectCorpus.ReadsAroundWriteG), nameof(EffectCorpus.WriteG)).CanInvalidate, Is.False);
    }

    [Test]
    public void WritingAVirtualizableFieldForces() =>
        Assert.That(EffectOf(nameof(EffectCorpus.WritesVirtualizable), nameof(EffectCorpus.SetPc)).ExtraEffect,
            Is.EqualTo(EffectInfo.Extra.ForcesVirtualOrVirtualizable));

    [Test]
    public void ReenteringThePortalForces() =>
        Assert.That(EffectOf(nameof(EffectCorpus.ResidualReentry), nameof(EffectCorpus.Reenter)).ExtraEffect,
            Is.EqualTo(EffectInfo.Extra.ForcesVirtualOrVirtualizable));

    [Test]
    public void AVirtualCallWritesWhatAnyImplementationWrites()
    {
        var (set, call) = Residual(nameof(EffectCorpus.GrowsAShape), nameof(EffectCorpus.GrowIt));
        Assert.That(Names(call.Effect.WriteFields), Is.EqualTo(new[] { "EffShape.Height", "EffShape.Width" }));
        Assert.That(call.Effect.ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise)); // a null shape
        foreach (var a in new[] { 2, 3 }) SameAsNative(set, nameof(EffectCorpus.GrowsAShape), a);
    }
}

/// <summary>The table of .NET methods with known effects, by the annotator's full names of reached externals.</summary>
public class ExternalEffectTests
{
    [TestCase("System.Boolean System.Char::IsHighSurrogate(System.Char)", true)]
    [TestCase("System.Double System.Math::Sqrt(System.Double)", true)]
    [TestCase("System.String System.String::Concat(System.String,System.String)", true)]
    [TestCase("System.Void System.IO.Stream::WriteByte(System.Byte)", true)]
    [TestCase("System.String System.String::Concat(System.Object,System.Object)", false)] // calls ToString
    [TestCase("System.String System.Object::ToString()", false)]
    [TestCase("System.Void System.Array::Fill<System.Int32>(!!0[],!!0)", false)]
    [TestCase("System.Void System.Console::WriteLine(System.Object)", false)]
    [TestCase("garbage", false)]
    public void BoundedExternals(string fullName, bool bounded) => Assert.That(ExternalEffects.IsBounded(fullName), Is.EqualTo(bounded));

    [Test]
    public void StreamWritesOnlyByteArrays()
    {
        var k = ExternalEffects.Of("System.Void System.IO.Stream::WriteByte(System.Byte)")!;
        Assert.That(k.WritesArrays, Is.EqualTo(new[] { "System.Byte" }));
        Assert.That(k.NoProjectSubclassOf, Is.EqualTo("System.IO.Stream"));
        Assert.That(k.Elidable, Is.False);
    }
}

/// <summary>The residual calls of the sample interpreters' portals, with the effect infos the annotator gives them.</summary>
public class SampleEffectTests
{
    private static Dictionary<string, EffectInfo> Calls(JitCodeSet set) =>
        set.JitCodes.Values.SelectMany(j => j.Descrs).OfType<CallDescr>().Distinct().ToDictionary(d => d.Name, d => d.Effect);

    private static string[] Names(IEnumerable<Descr> descrs) => descrs.Select(d => d.Name).Order(StringComparer.Ordinal).ToArray();

    [Test]
    public void BrainfuckTapeInputAndOutputWriteOnlyByteArrays()
    {
        var calls = Calls(Samples.BrainfuckJitCodes());
        foreach (var io in new[] { "Stream.WriteByte", "Stream.ReadByte" })
        {
            Assert.That(calls[io].ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise), io);
            Assert.That(calls[io].WriteFields, Is.Empty, io);
            Assert.That(Names(calls[io].WriteArrays), Is.EqualTo(new[] { "System.Byte[]" }), io);
        }
        Assert.That(calls["Interpreter.GetMatchingBracket"].ExtraEffect, Is.EqualTo(EffectInfo.Extra.ElidableCanRaise));
        // Array.Resize stores through a by-reference argument: not in the table of known .NET methods.
        Assert.That(calls["Array.Resize"].ExtraEffect, Is.EqualTo(EffectInfo.Extra.RandomEffects));
        // rsharp jitcodes lists them.
        Assert.That(JitCodeDump.ForAssembly(Samples.Brainfuck.Location),
            Does.Contain("residual call effects:\n  Array.Resize: RandomEffects\n  Exception.ctor1: CannotRaise\n  Interpreter.GetMatchingBracket: ElidableCanRaise\n"
                + "  Stream.ReadByte: CanRaise writes-arrays [System.Byte[]] reads-arrays [System.Byte[]]\n"
                + "  Stream.WriteByte: CanRaise writes-arrays [System.Byte[]] reads-arrays [System.Byte[]]\n"));
    }

    [Test]
    public void TinyResidualCallsGetPreciseInfos()
    {
        var calls = Calls(Samples.TinyJitCodes());
        var equals = calls["TObject.GuestEquals"];
        Assert.That(equals.ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise));
        Assert.That(equals.WriteFields, Is.Empty);
        Assert.That(equals.WriteArrays, Is.Empty);
        Assert.That(Names(equals.ReadFields), Is.EqualTo(new[] { "TInt.Value", "TStr.Value" }));
        Assert.That(calls["TObject.get_IsTrue"].ExtraEffect, Is.EqualTo(EffectInfo.Extra.CanRaise));
        Assert.That(calls["TObject.get_IsTrue"].WriteFields, Is.Empty);
        var at = calls["Code.At"];
        Assert.That(at.ExtraEffect, Is.EqualTo(EffectInfo.Extra.ElidableCanRaise));
        Assert.That(Names(at.ReadFields), Is.EqualTo(new[] { "Code.Ops" }));
        Assert.That(Names(at.ReadArrays), Is.EqualTo(new[] { "System.Int32[]" }));
        Assert.That(calls["String.Concat"].ExtraEffect, Is.EqualTo(EffectInfo.Extra.ElidableCannotRaise));
        Assert.That(calls["Char.ToString"].ExtraEffect, Is.EqualTo(EffectInfo.Extra.ElidableCannotRaise));
        // Print writes to the console through a path outside the table: opaque.
        Assert.That(calls["Operations.Print"].ExtraEffect, Is.EqualTo(EffectInfo.Extra.RandomEffects));
        Assert.That(Samples.TinyJitCodes().EffectAnalysisError, Is.Null);
    }
}
