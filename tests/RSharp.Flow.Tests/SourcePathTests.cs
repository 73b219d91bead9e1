namespace RSharp.Flow.Tests;

/// <summary>Document paths of a CI build (source roots mapped to /_/) resolve to the files on disk.</summary>
public class SourcePathTests
{
    private string _root = "";

    [SetUp]
    public void CreateTree()
    {
        _root = Path.Combine(Path.GetTempPath(), "rsharp-sourcepaths-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "src", "Lib"));
        File.WriteAllText(Path.Combine(_root, "src", "Lib", "A.cs"), "class A {}");
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(_root, recursive: true);

    private string Assembly => Path.Combine(_root, "src", "Lib", "bin", "Release", "net10.0", "Lib.dll");

    [TestCase("/_/src/Lib/A.cs")]
    [TestCase("/_1/src/Lib/A.cs")]
    [TestCase("/_12/src/Lib/A.cs")]
    public void AMappedPathBecomesTheFileAboveTheAssembly(string url) =>
        Assert.That(SourcePaths.Resolve(url, Assembly), Is.EqualTo(Path.Combine(_root, "src", "Lib", "A.cs")));

    [TestCase("/_/src/Lib/Missing.cs")]
    [TestCase("/_x/src/Lib/A.cs")]
    [TestCase("/_/")]
    [TestCase("relative/A.cs")]
    public void AnythingElseStaysAsItIs(string url) =>
        Assert.That(SourcePaths.Resolve(url, Assembly), Is.EqualTo(url));

    [Test]
    public void AnUnmappedPathIsNotTouchedEvenIfItDoesNotExist()
    {
        var url = Path.Combine(_root, "elsewhere", "B.cs");
        Assert.That(SourcePaths.Resolve(url, Assembly), Is.EqualTo(url));
        Assert.That(SourcePaths.Resolve("/_/src/Lib/A.cs", null), Is.EqualTo("/_/src/Lib/A.cs"));
    }
}
