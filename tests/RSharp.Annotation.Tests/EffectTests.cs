using System.Reflection;
using RSharp.Annotation.Tests.Samples;
using RSharp.Flow;

namespace RSharp.Annotation.Tests;

public class EffectTests
{
    private const string Samples = "RSharp.Annotation.Tests.Samples.";

    private static MethodEffects Of(string method) => SampleProject.Effects(typeof(EffectSamples), method);

    [Test]
    public void ArithmeticOnlyCannotRaise()
    {
        var e = Of(nameof(EffectSamples.Pure));
        Assert.That(e.CanRaise, Is.False, e.ToString());
        Assert.That(e.WrittenFields, Is.Empty);
        Assert.That(e.CallsResidual, Is.False);
    }

    [Test]
    public void ExplicitThrowIsListed()
    {
        var e = Of(nameof(EffectSamples.Thrower));
        Assert.That(e.Raises, Does.Contain("System.ArgumentException"));
        // The exception's constructor is external .NET code: residual and may raise anything.
        Assert.That(e.Raises, Does.Contain("System.Exception"));
        Assert.That(e.ResidualCalls.Single(), Does.Contain("System.ArgumentException::.ctor"));
    }

    [Test]
    public void RaisesPropagateThroughCallChains()
    {
        var direct = Of(nameof(EffectSamples.Thrower));
        Assert.That(Of(nameof(EffectSamples.CallsThrower)).Raises, Is.EquivalentTo(direct.Raises));
        Assert.That(Of(nameof(EffectSamples.CallsCallsThrower)).Raises, Is.EquivalentTo(direct.Raises));
    }

    [Test]
    public void RaisingOperationsAreListed()
    {
        Assert.That(Of(nameof(EffectSamples.Divides)).Raises, Does.Contain("System.DivideByZeroException"));
        Assert.That(Of(nameof(EffectSamples.Checked)).Raises, Is.EquivalentTo(new[] { "System.OverflowException" }));
    }

    [Test]
    public void ArrayWritesByElementType()
    {
        var e = Of(nameof(EffectSamples.WritesArrays));
        Assert.That(e.WrittenArrayElementTypes, Is.EquivalentTo(new[] { "System.Int32", "System.String", Samples + "Box" }));
        // The Box constructor writes Box.X of the fresh box.
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Samples + "Box::X" }));
        Assert.That(e.Raises, Does.Contain("System.IndexOutOfRangeException"));
    }

    [Test]
    public void StaticAndInstanceFieldWrites()
    {
        var e = Of(nameof(EffectSamples.WritesStaticAndField));
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[]
        {
            "System.Int32 " + Samples + "EffectSamples::Total",
            Samples + "Box " + Samples + "Box::Next",
        }));
    }

    [Test]
    public void ExternalCallsAreResidualUnlessAllowListed()
    {
        var console = Of(nameof(EffectSamples.CallsConsole));
        Assert.That(console.CallsResidual, Is.True);
        Assert.That(console.ResidualCalls.Single(), Does.Contain("System.Console::WriteLine"));
        Assert.That(console.Raises, Does.Contain("System.Exception"));
        var strings = Of(nameof(EffectSamples.StringLength));
        Assert.That(strings.CallsResidual, Is.False, strings.ToString());
        Assert.That(strings.Raises, Is.EquivalentTo(new[] { "System.NullReferenceException", "System.IndexOutOfRangeException" }));
        Assert.That(SampleProject.Effects(typeof(ElidableSamples), nameof(ElidableSamples.PureMath)).CallsResidual, Is.False);
    }

    [Test]
    public void DelegateInvocationIsResidual() =>
        Assert.That(Of(nameof(EffectSamples.Calls)).ResidualCalls.Single(), Does.Contain("Func`2").And.Contain("Invoke"));

    [Test]
    public void VirtualCallUnionsEveryOverride()
    {
        var e = Of(nameof(EffectSamples.Polymorphic));
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[]
        {
            "System.Int32 " + Samples + "Square::Side",
            "System.Int32 " + Samples + "Circle::Radius",
            "System.Int32 " + Samples + "Ring::Inner",
        }));
        Assert.That(e.Raises, Does.Contain("System.InvalidOperationException"));
    }

    [Test]
    public void CallOnASubclassOnlySeesItsOverrides()
    {
        var e = Of(nameof(EffectSamples.OnlySquares));
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Samples + "Square::Side" }));
        Assert.That(e.Raises, Does.Not.Contain("System.InvalidOperationException"));
    }

    [Test]
    public void CallOnAMiddleClassSeesItsOwnAndSubclassOverrides()
    {
        var e = Of(nameof(EffectSamples.OnlyCircles));
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Samples + "Circle::Radius", "System.Int32 " + Samples + "Ring::Inner" }));
    }

    [Test]
    public void MutualRecursionReachesAFixedPoint()
    {
        var even = Of(nameof(EffectSamples.Even));
        var odd = SampleProject.Effects(typeof(EffectSamples), nameof(EffectSamples.Odd));
        Assert.That(even.Raises, Does.Contain("System.ArgumentOutOfRangeException"));
        Assert.That(even.Raises, Is.EquivalentTo(odd.Raises));
    }

    [Test]
    public void UnreachableMethodsHaveNoEffects()
    {
        var result = SampleProject.Annotate(typeof(EffectSamples), nameof(EffectSamples.Pure));
        Assert.That(result.EffectsOf(SampleProject.Assembly.FindMethod(typeof(EffectSamples).FullName + "::" + nameof(EffectSamples.Thrower))), Is.Null);
    }

    /// <summary>
    /// Soundness against execution: every corpus function run natively on sample inputs throws
    /// only exceptions its effect info predicts (by exact type, or "anything").
    /// </summary>
    [Test]
    public void EveryNativeExceptionIsPredicted()
    {
        var corpus = FlowAssembly.Load(typeof(RSharp.Flow.Corpus.Arithmetic).Assembly.Location);
        var failures = new List<string>();
        int functions = 0, thrown = 0, cannotRaise = 0;
        foreach (var type in typeof(RSharp.Flow.Corpus.Arithmetic).Assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed))
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsGenericMethodDefinition))
            {
                var name = type.FullName + "::" + method.Name;
                var md = corpus.FindMethod(name);
                var effects = AnnotationStage.Annotate(new[] { corpus }, name).EffectsOf(md);
                if (effects is null) continue;
                functions++;
                if (!effects.CanRaise) cannotRaise++;
                foreach (var args in ReachabilityTests.NativeInputs(method))
                {
                    try { method.Invoke(null, args); }
                    catch (TargetInvocationException e) when (e.InnerException is { } inner)
                    {
                        thrown++;
                        var t = inner.GetType().FullName!;
                        if (!effects.Raises.Contains(t) && !effects.Raises.Contains("System.Exception"))
                            failures.Add($"{name} threw {t}, predicted {{{string.Join(", ", effects.Raises)}}}");
                    }
                }
            }
        TestContext.Out.WriteLine($"{functions} functions, {thrown} native exceptions, {cannotRaise} cannot raise");
        Assert.That(functions, Is.GreaterThan(200));
        Assert.That(thrown, Is.GreaterThan(10));
        Assert.That(cannotRaise, Is.GreaterThan(10));
        Assert.That(failures, Is.Empty);
    }
}
