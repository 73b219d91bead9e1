using System.Reflection;
using RSharp.Annotation.Tests.Samples;

namespace RSharp.Annotation.Tests;

public class HandlerTests
{
    private const string Samples = "RSharp.Annotation.Tests.Samples.";
    private const string ParseError = Samples + "ParseError";
    private const string BadToken = Samples + "BadToken";

    private static MethodEffects Of(string method) => SampleProject.Effects(typeof(HandlerSamples), method);

    [Test]
    public void CalleesRaiseTheirOwnExceptionTypes()
    {
        Assert.That(Of(nameof(HandlerSamples.Parse)).Raises, Is.EquivalentTo(new[] { ParseError }));
        Assert.That(Of(nameof(HandlerSamples.Token)).Raises, Is.EquivalentTo(new[] { BadToken }));
    }

    [TestCase(nameof(HandlerSamples.CatchesExact))]
    [TestCase(nameof(HandlerSamples.CatchesBase))]
    [TestCase(nameof(HandlerSamples.CatchAll))]
    public void ACatchOfTheTypeOrABaseSubtractsIt(string method)
    {
        var e = Of(method);
        Assert.That(e.CanRaise, Is.False, e.ToString());
    }

    [TestCase(nameof(HandlerSamples.CatchesSubclassOnly))]
    [TestCase(nameof(HandlerSamples.Rethrows))]
    [TestCase(nameof(HandlerSamples.Finally))]
    [TestCase(nameof(HandlerSamples.Filter))]
    [TestCase(nameof(HandlerSamples.NestedInnerCatches))]
    public void WhatIsNotSurelyCaughtStillEscapes(string method) =>
        Assert.That(Of(method).Raises, Is.EquivalentTo(new[] { ParseError }), Of(method).ToString());

    [Test]
    public void AHandlerThatThrowsRaisesItsOwnException()
    {
        var e = Of(nameof(HandlerSamples.Translates));
        Assert.That(e.Raises, Does.Contain("System.InvalidOperationException"));
        Assert.That(e.Raises, Does.Not.Contain(ParseError));
    }

    /// <summary>Soundness against execution: every exception a sample throws natively is predicted.</summary>
    [Test]
    public void NativeExceptionsArePredicted()
    {
        int thrown = 0;
        foreach (var m in typeof(HandlerSamples).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            var e = Of(m.Name);
            foreach (var x in new[] { -1, 0, 1 })
            {
                try { m.Invoke(null, [x]); }
                catch (TargetInvocationException t) when (t.InnerException is { } inner)
                {
                    thrown++;
                    Assert.That(e.Raises.Contains(inner.GetType().FullName!) || e.Raises.Contains("System.Exception"), Is.True, $"{m.Name}({x}) threw {inner.GetType()}, predicted {e}");
                }
            }
        }
        Assert.That(thrown, Is.GreaterThan(5));
    }
}

public class AddressTests
{
    private const string Samples = "RSharp.Annotation.Tests.Samples.";

    private static MethodEffects Of(string method) => SampleProject.Effects(typeof(AddressSamples), method);

    [Test]
    public void RefArgumentToAFieldWritesTheField()
    {
        Assert.That(Of(nameof(AddressSamples.IncField)).WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Samples + "Holder2::N" }));
        Assert.That(Of(nameof(AddressSamples.OutField)).WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Samples + "Holder2::N" }));
    }

    [Test]
    public void MethodsRecordWhichArgumentsTheyStoreThrough()
    {
        Assert.That(SampleProject.Effects(typeof(AddressSamples), "Inc").WritesThroughArguments, Is.EquivalentTo(new[] { 0 }));
        Assert.That(SampleProject.Effects(typeof(AddressSamples), "Produce").WritesThroughArguments, Is.EquivalentTo(new[] { 0 }));
        Assert.That(SampleProject.Effects(typeof(AddressSamples), "Peek").WritesThroughArguments, Is.Empty);
        Assert.That(SampleProject.Effects(typeof(Pair), nameof(Pair.Bump)).WritesThroughArguments, Is.EquivalentTo(new[] { 0 }), "a struct's this");
    }

    [Test]
    public void RefArgumentToAnArrayItemWritesTheArrayKind() =>
        Assert.That(Of(nameof(AddressSamples.IncItem)).WrittenArrayElementTypes, Is.EquivalentTo(new[] { "System.Int32" }));

    [Test]
    public void RefArgumentToAStaticWritesIt() =>
        Assert.That(Of(nameof(AddressSamples.IncStatic)).WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Samples + "AddressSamples::Sink" }));

    [Test]
    public void RefToALocalOrAReadOnlyUseWritesNothing()
    {
        Assert.That(Of(nameof(AddressSamples.IncLocal)).WrittenFields, Is.Empty);
        Assert.That(Of(nameof(AddressSamples.ReadsOnly)).WrittenFields, Is.Empty);
        Assert.That(Of(nameof(AddressSamples.ReadsOnly)).HasRandomEffects, Is.False);
    }

    [Test]
    public void StructMethodsAndStoresThroughAFieldAddressWriteTheOuterField()
    {
        Assert.That(Of(nameof(AddressSamples.BumpNested)).WrittenFields,
            Is.EquivalentTo(new[] { Samples + "Pair " + Samples + "Holder2::P", "System.Int32 " + Samples + "Pair::A" }));
        Assert.That(Of(nameof(AddressSamples.SetNested)).WrittenFields,
            Is.EquivalentTo(new[] { Samples + "Pair " + Samples + "Holder2::P", "System.Int32 " + Samples + "Pair::B" }));
    }

    /// <summary>Differential: every field a sample changes when run natively is in its predicted write set.</summary>
    [Test]
    public void NativeWritesArePredicted()
    {
        static Dictionary<string, object?> Snapshot(Holder2 h) => new()
        {
            ["System.Int32 " + Samples + "Holder2::N"] = h.N,
            ["System.Int64 " + Samples + "Holder2::Total"] = h.Total,
            [Samples + "Pair " + Samples + "Holder2::P"] = h.P,
            ["System.Int32 " + Samples + "AddressSamples::Sink"] = AddressSamples.Sink,
        };
        int changes = 0;
        foreach (var m in typeof(AddressSamples).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            var parameters = m.GetParameters();
            if (parameters.Length > 1 || parameters.Any(p => p.ParameterType != typeof(Holder2))) continue;
            var h = new Holder2 { N = 1, Total = 2 };
            var before = Snapshot(h);
            m.Invoke(null, parameters.Length == 0 ? [] : [h]);
            var written = Of(m.Name).WrittenFields;
            foreach (var (field, value) in Snapshot(h))
                if (!Equals(value, before[field]))
                {
                    changes++;
                    Assert.That(written, Does.Contain(field), m.Name + " changed " + field);
                }
        }
        Assert.That(changes, Is.GreaterThanOrEqualTo(6));
    }

    [Test]
    public void ExternalCallsWriteThroughTheirRefArguments() =>
        Assert.That(Of(nameof(AddressSamples.Atomic)).WrittenFields, Does.Contain("System.Int64 " + Samples + "Holder2::Total"));

    [Test]
    public void ElidableWritingThroughARefIsAFinding()
    {
        var findings = SampleProject.Annotate(typeof(AddressSamples), nameof(AddressSamples.ElidableThroughRef)).Findings.Where(f => f.Code == "RS1007").ToList();
        Assert.That(findings, Has.Count.EqualTo(1), string.Join("\n", findings));
        Assert.That(findings[0].Message, Does.Contain("writes field Holder2.N"));
        Assert.That(findings[0].Line, Is.EqualTo(SampleProject.MarkedLine(findings[0].Path!, "through-ref")));
        Assert.That(SampleProject.Annotate(typeof(AddressSamples), nameof(AddressSamples.ElidableOnLocal)).Findings, Is.Empty);
    }

    [Test]
    public void DelegateInvocationMayDoAnything()
    {
        var result = SampleProject.Annotate(typeof(AddressSamples), nameof(AddressSamples.ElidableCallsDelegate));
        var e = result.EffectsOf(SampleProject.Assembly.FindMethod(typeof(AddressSamples).FullName + "::" + nameof(AddressSamples.ElidableCallsDelegate)))!;
        Assert.That(e.HasRandomEffects, Is.True);
        var f = result.Findings.Single();
        Assert.That(f.Code, Is.EqualTo("RS1007"));
        Assert.That(f.Message, Does.Contain("may do anything"));
        Assert.That(f.Line, Is.EqualTo(SampleProject.MarkedLine(f.Path!, "delegate")));
        Assert.That(Of(nameof(AddressSamples.IncField)).HasRandomEffects, Is.False);
    }
}

public class StaticConstructorTests
{
    private const string Samples = "RSharp.Annotation.Tests.Samples.";

    private static MethodEffects Of(string method) => SampleProject.Effects(typeof(CctorSamples), method);

    [Test]
    public void TouchingAStaticIncludesTheStaticConstructorsEffects()
    {
        var e = Of(nameof(CctorSamples.ReadsStatic));
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Samples + "WithCctor::Value", "System.Int32 " + Samples + "OtherStatics::Touched" }));
        Assert.That(e.CanRaise, Is.False, e.ToString());
    }

    [Test]
    public void AStaticConstructorThatRaisesRaisesTypeInitializationException()
    {
        Assert.That(Of(nameof(CctorSamples.ReadsThrowing)).Raises, Is.EquivalentTo(new[] { "System.TypeInitializationException" }));
        Assert.Throws<TypeInitializationException>(() => CctorSamples.ReadsThrowing());
    }

    [Test]
    public void AnElidableMethodSeesTheStaticConstructorsForeignWrites()
    {
        var findings = SampleProject.Annotate(typeof(CctorSamples), nameof(CctorSamples.ElidableReadsStatic)).Findings;
        Assert.That(findings.Select(f => f.Message), Is.EqualTo(new[] { "elidable method CctorSamples.ElidableReadsStatic writes field OtherStatics.Touched of an object it did not allocate" }));
        Assert.That(findings[0].Line, Is.EqualTo(SampleProject.MarkedLine(findings[0].Path!, "cctor-write")));
        Assert.That(findings[0].Chain.Select(m => m[(m.IndexOf("::", StringComparison.Ordinal) + 2)..m.IndexOf('(')]),
            Is.EqualTo(new[] { "ElidableReadsStatic", ".cctor", "Init" }));
    }
}
