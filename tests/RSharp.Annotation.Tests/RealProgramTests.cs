using RSharp.Flow;

namespace RSharp.Annotation.Tests;

public class RealProgramTests
{
    [Test]
    public void ReachabilityOverMonoCecilFromReadAssembly()
    {
        using var cecil = FlowAssembly.Load(typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location);
        var analysis = new Reachability(new[] { cecil });
        var program = analysis.Analyze(cecil.FindMethod("Mono.Cecil.AssemblyDefinition::ReadAssembly(System.String)"));
        var summary = program.Dump().Split('\n')[0];
        TestContext.Out.WriteLine(summary);
        Assert.That(program.Unsupported, Is.Empty);
        Assert.That(program.Methods.Count, Is.GreaterThan(300));
        Assert.That(program.CallSites.Count(c => c.IsMonomorphic), Is.GreaterThan(program.CallSites.Count / 2));
        Assert.That(program.CallSites.Any(c => c.Targets.Count > 3), Is.True, "some virtual calls are megamorphic");
        Assert.That(AnnotationStage.DumpReachable(new[] { cecil }, "Mono.Cecil.AssemblyDefinition::ReadAssembly(System.String)"), Does.StartWith(summary));
    }
}

public class OwnAssemblyGraphTests
{
    [Test]
    public void EveryMethodOfTheAnnotationStageBuildsAndChecks()
    {
        using var own = FlowAssembly.Load(typeof(Reachability).Assembly.Location);
        var stats = own.ComputeStats();
        Assert.That(stats.Graphs, Is.GreaterThan(20));
        Assert.That(stats.Unsupported, Is.EqualTo(0), stats.ToString());
    }
}
