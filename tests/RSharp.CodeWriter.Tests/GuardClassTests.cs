using System.Reflection;
using RSharp.Flow;
using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

public abstract class OnlyShape
{
    public abstract int Area();
    public virtual string Name => "shape";
}

public sealed class OnlySquare(int side) : OnlyShape
{
    public override int Area() => side * side;
}

public interface IOnlyCounter
{
    int Next();
}

public class OnlyCounter(int start) : IOnlyCounter
{
    private int _value = start;
    public int Next() => ++_value;
}

/// <summary>Virtual and interface calls with one possible receiver class: guard_class, then the inlined implementation.</summary>
public static class GuardClassCorpus
{
    public static int AbstractCall(int a) => ((OnlyShape)new OnlySquare(a & 0xFFF)).Area();
    public static string InheritedVirtual(int a) => ((OnlyShape)new OnlySquare(a)).Name;
    public static int InterfaceCall(int a)
    {
        IOnlyCounter c = new OnlyCounter(a);
        c.Next();
        return c.Next();
    }
    public static int NullReceiverTakesTheResidualCall(int a)
    {
        OnlyShape? s = a > 3 ? new OnlySquare(a & 0xFF) : null;
        try { return s!.Area(); }
        catch (NullReferenceException) { return -1; }
    }
    public static int NullReceiverOutsideTry(int a) => (a > 3 ? new OnlyCounter(a) : (IOnlyCounter)null!).Next();
}

public class GuardClassTests
{
    private static readonly Lazy<FlowAssembly> s_flow = new(() => FlowAssembly.Load(typeof(GuardClassCorpus).Assembly.Location));

    public static IEnumerable<TestCaseData> Cases() =>
        typeof(GuardClassCorpus).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => new TestCaseData(m).SetName("GuardClassCorpus." + m.Name));

    [TestCaseSource(nameof(Cases))]
    public void BlackholeMatchesNative(MethodInfo method)
    {
        var set = CodeWriter.Build(s_flow.Value, method);
        var jitcode = set.JitCodes[set.Roots[0]];
        Assert.That(set.JitCodes.Values.SelectMany(JitCodeChecks.Check), Is.Empty);
        foreach (var args in Inputs.Tuples(method))
        {
            var expected = Inputs.Outcome(() => method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, Inputs.Clone(args), null), args);
            var actual = Inputs.Outcome(() => new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(jitcode, Inputs.Clone(args)), args);
            Assert.That(actual, Is.EqualTo(expected), string.Join(", ", args.Select(Inputs.Render)) + "\n" + jitcode.Dump());
        }
    }

    [TestCase(nameof(GuardClassCorpus.AbstractCall), "OnlySquare::Area")]
    [TestCase(nameof(GuardClassCorpus.InheritedVirtual), "OnlyShape::get_Name")]
    [TestCase(nameof(GuardClassCorpus.InterfaceCall), "OnlyCounter::Next")]
    [TestCase(nameof(GuardClassCorpus.NullReceiverOutsideTry), "OnlyCounter::Next")]
    public void MonomorphicCallIsGuardedAndInlined(string name, string inlined)
    {
        var set = CodeWriter.Build(s_flow.Value, typeof(GuardClassCorpus).GetMethod(name)!);
        var root = set.JitCodes[set.Roots[0]];
        var insns = JitCodeDecoder.Instructions(root).ToList();
        Assert.That(insns.Select(i => i.Def.Name), Does.Contain("guard_class"), root.Dump());
        Assert.That(root.Dump(), Does.Contain("inline_call").And.Contain(inlined));
        Assert.That(set.JitCodes.Keys, Has.Some.Contains(inlined));
    }

    /// <summary>Inside a try the flattener needs the call to be the block's last instruction: no guard there.</summary>
    [Test]
    public void NoGuardInsideTry()
    {
        var set = CodeWriter.Build(s_flow.Value, typeof(GuardClassCorpus).GetMethod(nameof(GuardClassCorpus.NullReceiverTakesTheResidualCall))!);
        var root = set.JitCodes[set.Roots[0]];
        Assert.That(JitCodeDecoder.Instructions(root).Select(i => i.Def.Name), Does.Not.Contain("guard_class"), root.Dump());
    }
}
