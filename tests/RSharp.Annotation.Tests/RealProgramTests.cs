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

public class RealProgramEffectTests
{
    [Test]
    public void EffectsOverMonoCecilReachAFixedPoint()
    {
        using var cecil = FlowAssembly.Load(typeof(Mono.Cecil.AssemblyDefinition).Assembly.Location);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = AnnotationStage.Annotate(new[] { cecil }, "Mono.Cecil.AssemblyDefinition::ReadAssembly(System.String)");
        var entry = result.EffectsOf(cecil.FindMethod("Mono.Cecil.AssemblyDefinition::ReadAssembly(System.String)"))!;
        var all = result.Program.Methods.Select(m => result.EffectsOf(m)).ToList();
        TestContext.Out.WriteLine($"{all.Count} methods in {watch.ElapsedMilliseconds} ms; entry: {entry.WrittenFields.Count} fields, {entry.Raises.Count} exception types, {entry.ResidualCalls.Count} residual; "
            + $"{all.Count(e => !e!.CanRaise)} cannot raise, {all.Count(e => !e!.CallsResidual)} not residual; findings: {result.Findings.Count}");
        Assert.That(all, Has.None.Null);
        // Fixed point: a caller's effects include those of every target of its calls (delegates
        // created with ldftn are not calls: invoking them is residual; polymorphic virtual
        // calls are narrowed by the receiver's static type, so only monomorphic ones are checked).
        int edges = 0, handledEdges = 0;
        foreach (var site in result.Program.CallSites.Where(c => c.Operation.OpName is "direct_call" or "newobj" || (c.Operation.OpName == "virtual_call" && c.IsMonomorphic)))
            foreach (var target in site.Targets)
            {
                var (caller, callee) = (result.EffectsOf(site.Caller)!, result.EffectsOf(target));
                if (callee is null) continue; // external
                edges++;
                // Raises propagate unless a handler of the caller may catch them (or a static constructor wraps them).
                bool handled = site.IsStaticConstructor || result.Program.Graphs[site.Caller.FullName].IterBlocks()
                    .Any(b => b.RaisesOnLastOp && b.Operations.Count > 0 && b.Operations[^1] == site.Operation);
                Assert.That(caller.WrittenFields.IsSupersetOf(callee.WrittenFields) && (handled || caller.Raises.IsSupersetOf(callee.Raises))
                    && caller.ResidualCalls.IsSupersetOf(callee.ResidualCalls), Is.True, site.ToString());
                if (handled) handledEdges++;
            }
        Assert.That(edges, Is.GreaterThan(1000));
        Assert.That(handledEdges, Is.GreaterThan(0), "Mono.Cecil has calls inside try blocks");
        Assert.That(entry.CallsResidual, Is.True, "reading a file is residual");
        Assert.That(all.Count(e => !e!.CanRaise), Is.GreaterThan(0));
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
