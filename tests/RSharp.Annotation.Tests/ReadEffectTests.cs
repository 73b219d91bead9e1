namespace RSharp.Annotation.Tests;

public sealed class ReadCell
{
    public int Value;
    public int Other;
    public int[] Items = new int[4];
}

public static class ReadSamples
{
    public static int ReadsValue(ReadCell c) => c.Value;
    public static int ReadsThroughCallee(ReadCell c) => ReadsValue(c) + 1;
    public static int ReadsItem(ReadCell c, int i) => c.Items[i];
    public static int ReadsByRef(ref int x) => x;
    public static int PassesFieldByRef(ReadCell c) => ReadsByRef(ref c.Other);
    public static int WritesOnly(ReadCell c, int v)
    {
        var fresh = new ReadCell();
        fresh.Value = v;
        c.Other = v;
        return v;
    }
}

/// <summary>Read sets: fields and array kinds a method (with its callees) may read, for the codewriter's effect info.</summary>
public class ReadEffectTests
{
    private const string Cell = "RSharp.Annotation.Tests.ReadCell::";

    private static MethodEffects Of(string method) => SampleProject.Effects(typeof(ReadSamples), method);

    [Test]
    public void AFieldReadIsListed()
    {
        var e = Of(nameof(ReadSamples.ReadsValue));
        Assert.That(e.ReadFields, Is.EquivalentTo(new[] { "System.Int32 " + Cell + "Value" }));
        Assert.That(e.ReadArrayElementTypes, Is.Empty);
        Assert.That(e.ReadsUnknownMemory, Is.False);
    }

    [Test]
    public void ReadsPropagateFromCallees() =>
        Assert.That(Of(nameof(ReadSamples.ReadsThroughCallee)).ReadFields, Is.EquivalentTo(Of(nameof(ReadSamples.ReadsValue)).ReadFields));

    [Test]
    public void AnArrayReadListsItsElementType()
    {
        var e = Of(nameof(ReadSamples.ReadsItem));
        Assert.That(e.ReadArrayElementTypes, Is.EquivalentTo(new[] { "System.Int32" }));
        Assert.That(e.ReadFields, Is.EquivalentTo(new[] { "System.Int32[] " + Cell + "Items" }));
    }

    [Test]
    public void AFieldPassedByReferenceIsRead() =>
        Assert.That(Of(nameof(ReadSamples.PassesFieldByRef)).ReadFields, Does.Contain("System.Int32 " + Cell + "Other"));

    [Test]
    public void WritesAreNotReads()
    {
        var e = Of(nameof(ReadSamples.WritesOnly));
        Assert.That(e.ReadFields, Is.Empty);
        Assert.That(e.WrittenFields, Is.EquivalentTo(new[] { "System.Int32 " + Cell + "Value", "System.Int32 " + Cell + "Other", "System.Int32[] " + Cell + "Items" }));
    }
}
