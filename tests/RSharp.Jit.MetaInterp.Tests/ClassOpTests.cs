using RSharp.CodeWriter;
using RSharp.Flow;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>The codewriter's guard_class and new_delegate are traced, not aborted; struct_copy aborts (the result stays right).</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class ClassOpTests(string backend)
{
    private static readonly Lazy<JitCodeSet> s_set = new(() => CodeWriter.CodeWriter.Build(FlowAssembly.Load(Support.Small.Location),
        ["JitSmall.ClassOps::Virtual", "JitSmall.ClassOps::Struct", "JitSmall.ClassOps::Delegates"]));

    private MetaInterpreter Jit(string method)
    {
        var mi = new MetaInterpreter(s_set.Value.Get("JitSmall.ClassOps::" + method), 0, Support.Backend(backend), Support.Params());
        mi.Blackhole.PoisonDeadRegisters = true;
        return mi;
    }

    [Test]
    public void TheJitcodeUsesTheInstructions()
    {
        var names = string.Join(" ", new[] { "Virtual", "Struct", "Delegates" }.Select(m => s_set.Value.Get("JitSmall.ClassOps::" + m).Dump()));
        Assert.That(names, Does.Contain("guard_class"));
        Assert.That(names, Does.Contain("struct_copy"));
        Assert.That(names, Does.Contain("new_delegate"));
    }

    [TestCase(30L)]
    [TestCase(400L)]
    public void AMonomorphicVirtualCallIsInlinedBehindAClassGuard(long n)
    {
        var mi = Jit("Virtual");
        Assert.That(mi.Run(n), Is.EqualTo(JitSmall.ClassOps.Virtual(n)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.AbortCount, Is.Zero, mi.Stats.ToString());
        Assert.That(mi.Stats.LoopsCompiled, Is.GreaterThanOrEqualTo(1));
        var loop = Support.SimpleLoop(mi);
        Assert.That(loop.Count("call_i"), Is.Zero, "Area is inlined: " + mi.Log[0]);
        if (n > 100) Assert.That(mi.Stats.GuardFailures, Is.GreaterThan(0), "the null shape leaves the loop");
    }

    [TestCase(400L)]
    public void AStructRedIsNotCompiledYetAndStaysRight(long n)
    {
        var mi = Jit("Struct");
        Assert.That(mi.Run(n), Is.EqualTo(JitSmall.ClassOps.Struct(n)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.LoopsCompiled, Is.Zero, "struct_copy aborts the trace");
        Assert.That(mi.Stats.AbortCount, Is.GreaterThan(0));
    }

    [TestCase(400L)]
    public void ADelegateOverAStaticMethodIsMadeInTheTrace(long n)
    {
        var mi = Jit("Delegates");
        Assert.That(mi.Run(n), Is.EqualTo(JitSmall.ClassOps.Delegates(n)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.AbortCount, Is.Zero, mi.Stats.ToString());
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
    }
}
