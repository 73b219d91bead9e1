using System.Reflection;
using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>
/// Jitcodes mean what the IL means: every corpus function the codewriter accepts runs natively
/// and in the blackhole interpreter (with dead registers poisoned at every -live- point) on
/// generated inputs; results, mutated array arguments and exceptions (type and message) must agree.
/// </summary>
public class DifferentialTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        Corpus.Functions().Select(m => new TestCaseData(m).SetName($"{m.DeclaringType!.Name}.{m.Name}({m.GetParameters().Length})"));

    [TestCaseSource(nameof(Cases))]
    public void BlackholeMatchesNative(MethodInfo method)
    {
        var (set, error) = Corpus.Build(method);
        if (set is null) Assert.Ignore("not a jitcode root: " + error);
        var root = Corpus.RootOf(set);
        foreach (var args in Inputs.Tuples(method))
        {
            var nativeArgs = Inputs.Clone(args);
            var expected = Inputs.Outcome(() => method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, nativeArgs, null), nativeArgs);
            var bhArgs = Inputs.Clone(args);
            var blackhole = new BlackholeInterpreter { PoisonDeadRegisters = true };
            var actual = Inputs.Outcome(() => blackhole.Run(root, bhArgs), bhArgs);
            Assert.That(actual, Is.EqualTo(expected), "inputs: " + string.Join(", ", args.Select(Inputs.Render)) + "\n" + root.Dump());
        }
    }

    /// <summary>Depth: most of the corpus must be jitcode-able, and every category of the subset must be represented.</summary>
    [Test]
    public void CoverageOfTheCorpus()
    {
        var functions = Corpus.Functions().ToList();
        var built = functions.Where(m => Corpus.Build(m).Set is not null).ToList();
        var reasons = functions.Where(m => Corpus.Build(m).Set is null)
            .GroupBy(m => Corpus.Build(m).Error!.Split(':')[0]).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count(),4}  {g.Key}");
        TestContext.Out.WriteLine($"{built.Count} of {functions.Count} corpus functions have jitcodes; not built:");
        foreach (var r in reasons) TestContext.Out.WriteLine(r);
        // Addresses, structs, nullables and delegates are modelled: all 350 functions of the corpus build today.
        Assert.That(built, Has.Count.GreaterThanOrEqualTo(340));
        foreach (var cls in new[] { "Arithmetic", "Branches", "Checked", "Classes", "Exceptions", "Finally", "Recursion", "Strings", "Arrays", "Switches",
                                    "Structs", "RefOut", "Nullables", "Delegates", "Boxing" })
            Assert.That(built.Count(m => m.DeclaringType!.Name == cls), Is.GreaterThan(2), cls);
    }

    /// <summary>CompareTo/Equals on an integer (how interpreters compare boxed ints) are pure operations, not calls through a slot.</summary>
    [TestCase(nameof(RSharp.Flow.Corpus.Arithmetic.CompareLongs))]
    [TestCase(nameof(RSharp.Flow.Corpus.Arithmetic.CompareInts))]
    [TestCase(nameof(RSharp.Flow.Corpus.Arithmetic.CompareUnsigned))]
    public void IntegerCompareToIsPureOperations(string name)
    {
        var set = Corpus.Build(typeof(RSharp.Flow.Corpus.Arithmetic).GetMethod(name)!).Set!;
        var root = Corpus.RootOf(set);
        var names = JitCodeDecoder.Instructions(root).Select(i => i.Def.Name).ToList();
        // (An address-taken parameter still lives in a slot; in a trace that slot is virtual.)
        Assert.That(names.Where(n => n.Contains("call", StringComparison.Ordinal)), Is.Empty, root.Dump());
        Assert.That(names.Count(n => n.EndsWith("_lt", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1), root.Dump());
    }

    /// <summary>Exceptions leave inlined frames and are caught by catch_exception in the caller (these run in BlackholeMatchesNative too).</summary>
    [TestCase(nameof(RSharp.Flow.Corpus.Exceptions.ExceptionCrossesRecursion))]
    [TestCase(nameof(RSharp.Flow.Corpus.Exceptions.Rethrow))]
    public void ExceptionsCrossInlinedFrames(string name)
    {
        var m = typeof(RSharp.Flow.Corpus.Exceptions).GetMethod(name)!;
        var set = Corpus.Build(m).Set!;
        var names = set.JitCodes.Values.SelectMany(j => JitCodeDecoder.Instructions(j)).Select(i => i.Def.Name).ToList();
        Assert.That(names, Does.Contain("catch_exception"));
        Assert.That(names.Any(n => n.StartsWith("inline_call", StringComparison.Ordinal)), Corpus.RootOf(set).Dump());
        var raised = Inputs.Tuples(m).Count(args =>
            Inputs.Outcome(() => m.Invoke(null, BindingFlags.DoNotWrapExceptions, null, Inputs.Clone(args), null), args).StartsWith("raised", StringComparison.Ordinal));
        TestContext.Out.WriteLine($"{raised} of the inputs raise natively");
    }
}
