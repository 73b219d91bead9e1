using RSharp.Annotation.Tests.Samples;
using RSharp.Flow;

namespace RSharp.Annotation.Tests;

/// <summary>Shared access to this test assembly as the analysed project (the samples live in it).</summary>
internal static class SampleProject
{
    private static FlowAssembly? s_assembly;
    public static FlowAssembly Assembly => s_assembly ??= FlowAssembly.Load(typeof(Box).Assembly.Location);

    public static AnnotationResult Annotate(Type type, string method) =>
        AnnotationStage.Annotate(new[] { Assembly }, type.FullName + "::" + method);

    public static MethodEffects Effects(Type type, string method)
    {
        var result = Annotate(type, method);
        return result.EffectsOf(Assembly.FindMethod(type.FullName + "::" + method))!;
    }

    /// <summary>The 1-based line of this sample file's "// mark:NAME" comment, read from the document the PDB names.</summary>
    public static int MarkedLine(string path, string mark)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("// mark:" + mark, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThanOrEqualTo(0), "no mark " + mark + " in " + path);
        return index + 1;
    }
}

public class ElidableTests
{
    private static List<AnnotationFinding> Findings(Type type, string method) =>
        SampleProject.Annotate(type, method).Findings.Where(f => f.Code == "RS1007").ToList();

    private static void AssertSingleFindingAt(Type type, string method, string mark, string field)
    {
        var findings = Findings(type, method);
        Assert.That(findings, Has.Count.EqualTo(1), string.Join("\n", findings));
        var f = findings[0];
        Assert.That(f.Message, Is.EqualTo($"elidable method {type.Name}.{method} writes field {field} of an object it did not allocate"));
        Assert.That(f.Path, Does.EndWith("HintSamples.cs"));
        Assert.That(f.Line, Is.EqualTo(SampleProject.MarkedLine(f.Path!, mark)));
        Assert.That(f.Column, Is.GreaterThan(0));
        Assert.That(f.ToString(), Does.StartWith(f.Path + "(" + f.Line + "," + f.Column + "): error RS1007: elidable method"));
    }

    [Test]
    public void WritingAnArgumentsFieldIsAFinding() =>
        AssertSingleFindingAt(typeof(ElidableSamples), nameof(ElidableSamples.WritesArgument), "argument", "Box.X");

    [Test]
    public void WritingThisIsAFinding() =>
        AssertSingleFindingAt(typeof(Cache), nameof(Cache.Lookup), "receiver", "Cache._hits");

    [Test]
    public void WritingThroughACalleeIsAFindingAtTheCalleesWrite()
    {
        AssertSingleFindingAt(typeof(ElidableSamples), nameof(ElidableSamples.CallsWriter), "poke", "Box.Next");
        Assert.That(Findings(typeof(ElidableSamples), nameof(ElidableSamples.CallsWriter))[0].Method, Does.Contain("::Poke("));
    }

    [Test]
    public void CallingASetterOnAnArgumentIsAFinding() =>
        AssertSingleFindingAt(typeof(ElidableSamples), nameof(ElidableSamples.ArgumentThenSetter), "set", "Box.X");

    [Test]
    public void WritingAStaticFieldIsAFinding() =>
        AssertSingleFindingAt(typeof(ElidableSamples), nameof(ElidableSamples.WritesStatic), "static", "ElidableSamples.Counter");

    [Test]
    public void AnObjectFreshOnlyOnOnePathIsNotFresh() =>
        AssertSingleFindingAt(typeof(ElidableSamples), nameof(ElidableSamples.FreshOnOnePath), "merge", "Box.X");

    [TestCase(nameof(ElidableSamples.WritesFresh))]
    [TestCase(nameof(ElidableSamples.FreshThenSetter))]
    [TestCase(nameof(ElidableSamples.PureMath))]
    [TestCase(nameof(ElidableSamples.FreshOnBothPaths))]
    [TestCase(nameof(ElidableSamples.FreshInLoop))]
    [TestCase(nameof(ElidableSamples.NotElidable))]
    public void WritesToObjectsAllocatedInTheMethodAreAllowed(string method) =>
        Assert.That(Findings(typeof(ElidableSamples), method), Is.Empty);

    [Test]
    public void CopyIntoAFreshObjectIsAllowed() =>
        Assert.That(Findings(typeof(Cache), nameof(Cache.Copy)), Is.Empty);

    [Test]
    public void TheSameMethodsWriteFieldsNonetheless()
    {
        // Freshness only excuses the finding; the effect info still lists the writes.
        var e = SampleProject.Effects(typeof(ElidableSamples), nameof(ElidableSamples.FreshThenSetter));
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[] { "System.Int32 RSharp.Annotation.Tests.Samples.Box::X" }));
    }
}

public class FieldFactTests
{
    private static AnnotationResult Result => SampleProject.Annotate(typeof(ImmutableUsers), nameof(ImmutableUsers.OnlyConstructs));

    private static FieldMutability KindOf(Type t, string field) =>
        Result.Fields[SampleProject.Assembly.AllTypes().Single(d => d.FullName == t.FullName).Fields.Single(f => f.Name == field).FullName];

    [Test]
    public void FieldsAreClassified()
    {
        Assert.That(KindOf(typeof(Holder), nameof(Holder.R)), Is.EqualTo(FieldMutability.Immutable));
        Assert.That(KindOf(typeof(Holder), nameof(Holder.S)), Is.EqualTo(FieldMutability.Immutable));
        Assert.That(KindOf(typeof(Holder), nameof(Holder.Q)), Is.EqualTo(FieldMutability.QuasiImmutable));
        Assert.That(KindOf(typeof(Holder), nameof(Holder.M)), Is.EqualTo(FieldMutability.Mutable));
        Assert.That(KindOf(typeof(Holder), nameof(Holder.C)), Is.EqualTo(FieldMutability.Mutable), "constants are not stored fields");
        Assert.That(KindOf(typeof(Point), nameof(Point.X)), Is.EqualTo(FieldMutability.Immutable));
        Assert.That(KindOf(typeof(Box), nameof(Box.X)), Is.EqualTo(FieldMutability.Mutable));
    }

    /// <summary>Differential check against reflection: readonly fields are exactly the IsInitOnly ones outside [Immutable] classes.</summary>
    [Test]
    public void ReadonlyMatchesReflection()
    {
        int checkedFields = 0;
        foreach (var t in typeof(Box).Assembly.GetTypes().Where(t => t.Namespace == typeof(Box).Namespace))
            foreach (var f in t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            {
                if (f.IsDefined(typeof(RSharp.Hints.QuasiImmutableAttribute), false)) continue;
                bool immutable = f.IsInitOnly || (!f.IsStatic && t.IsDefined(typeof(RSharp.Hints.ImmutableAttribute), false));
                Assert.That(KindOf(t, f.Name), Is.EqualTo(immutable ? FieldMutability.Immutable : FieldMutability.Mutable), t.Name + "." + f.Name);
                checkedFields++;
            }
        Assert.That(checkedFields, Is.GreaterThan(10));
    }

    [Test]
    public void ConstructorsMayWriteImmutableFields() =>
        Assert.That(Result.Findings, Is.Empty);

    [Test]
    public void AnImmutableClassWhoseMethodWritesAFieldIsAFinding()
    {
        var findings = SampleProject.Annotate(typeof(ImmutableUsers), nameof(ImmutableUsers.MovesAPoint)).Findings;
        Assert.That(findings, Has.Count.EqualTo(1), string.Join("\n", findings));
        Assert.That(findings[0].Code, Is.EqualTo("RS1008"));
        Assert.That(findings[0].Message, Does.Contain("Point.X").And.Contain("Point.Move"));
        Assert.That(findings[0].Line, Is.EqualTo(SampleProject.MarkedLine(findings[0].Path!, "move")));
        Assert.That(findings[0].Method, Does.Contain("Point::Move"));
    }

    [Test]
    public void WritingAnImmutableFieldFromAnotherClassIsAFinding()
    {
        var findings = SampleProject.Annotate(typeof(ImmutableUsers), nameof(ImmutableUsers.PokesAPoint)).Findings;
        Assert.That(findings.Select(f => (f.Code, f.Line)), Is.EqualTo(new[] { ("RS1008", SampleProject.MarkedLine(findings[0].Path!, "poke-point")) }));
    }
}
