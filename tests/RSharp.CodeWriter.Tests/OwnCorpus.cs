using System.Reflection;
using RSharp.Flow;
using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>Functions the flow corpus lacks: interpolated strings and methods called on address-taken primitives.</summary>
public static class OwnCorpus
{
    public static string Interpolate(int a) => $"a={a}";
    public static string InterpolateFormat(double d) => $"{d:F2}|{d}|{d:E1}";
    public static string InterpolateMixed(long x, char c, bool b) => $"{x}-{c}-{b}!";
    public static string InterpolateRefs(string s, object o) => $"[{s}]({o})";
    public static int InterpolateTwice(int a)
    {
        var x = $"{a}";
        return x.Length + $"{a * 2}{a}".Length;
    }
    public static string PrimitiveToString(int a) => a.ToString() + "!" + (a * 3L).ToString();
    public static string SlotInLoop(int n)
    {
        string r = "";
        for (int i = 0; i < (n & 7); i++) r += i.ToString();
        return r;
    }
    public static int CompareToOnSlot(int a, int b) => a.CompareTo(b) + b.GetHashCode() % 3;
}

public class OwnCorpusTests
{
    private static readonly Lazy<FlowAssembly> s_flow = new(() => FlowAssembly.Load(typeof(OwnCorpus).Assembly.Location));

    public static IEnumerable<TestCaseData> Cases() =>
        typeof(OwnCorpus).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => new TestCaseData(m).SetName("OwnCorpus." + m.Name));

    [TestCaseSource(nameof(Cases))]
    public void BlackholeMatchesNative(MethodInfo method)
    {
        var root = CodeWriter.Build(s_flow.Value, method);
        var jitcode = root.JitCodes[root.Roots[0]];
        Assert.That(root.JitCodes.Values.SelectMany(JitCodeChecks.Check), Is.Empty);
        foreach (var args in Inputs.Tuples(method))
        {
            var expected = Inputs.Outcome(() => method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, Inputs.Clone(args), null), args);
            var blackhole = new BlackholeInterpreter { PoisonDeadRegisters = true };
            var actual = Inputs.Outcome(() => blackhole.Run(jitcode, Inputs.Clone(args)), args);
            Assert.That(actual, Is.EqualTo(expected), string.Join(", ", args.Select(Inputs.Render)) + "\n" + jitcode.Dump());
        }
    }
}
