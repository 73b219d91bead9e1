namespace RSharp.Flow.Tests;

public class RealAssemblyTests
{
    public static IEnumerable<TestCaseData> Assemblies()
    {
        yield return new TestCaseData(typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location).SetName("MonoCecil");
        yield return new TestCaseData(typeof(Iced.Intel.Instruction).Assembly.Location).SetName("Iced");
        yield return new TestCaseData(typeof(System.CommandLine.RootCommand).Assembly.Location).SetName("SystemCommandLine");
        yield return new TestCaseData(typeof(FlowAssembly).Assembly.Location).SetName("RSharpFlow");
        yield return new TestCaseData(typeof(RSharp.Hints.ElidableAttribute).Assembly.Location).SetName("RSharpHints");
        yield return new TestCaseData(typeof(RSharp.Flow.Corpus.Arithmetic).Assembly.Location).SetName("Corpus");
    }

    [TestCaseSource(nameof(Assemblies))]
    public void EveryMethodBodyBuildsAndChecks(string path)
    {
        using var assembly = FlowAssembly.Load(path);
        var stats = assembly.ComputeStats();
        TestContext.Out.WriteLine(stats);
        foreach (var s in stats.Samples) TestContext.Out.WriteLine(s);
        Assert.That(stats.Graphs, Is.GreaterThan(0));
        Assert.That(stats.Unsupported, Is.EqualTo(0), stats.ToString());
    }

    [TestCaseSource(nameof(Assemblies))]
    public void EveryMethodBodyBuildsAndChecksWithExplicitExceptionExits(string path)
    {
        using var assembly = FlowAssembly.Load(path);
        assembly.ExplicitExceptionExits = true;
        var stats = assembly.ComputeStats();
        Assert.That(stats.Graphs, Is.GreaterThan(0));
        Assert.That(stats.Unsupported, Is.EqualTo(0), stats.ToString());
    }
}
