using RSharp.CodeWriter;
using RSharp.Flow;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>The codewriter's guard_class, struct_copy and new_delegate are traced, not aborted.</summary>
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
    public void AStructFieldStoreCopiesTheBox(long n)
    {
        // The copy reads the struct's fields: the heap pass must not delay the write of Count
        // past it (it did, and the compiled loop lost every increment but the first few).
        var mi = Jit("Struct");
        Assert.That(mi.Run(n), Is.EqualTo(JitSmall.ClassOps.Struct(n)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.AbortCount, Is.Zero, mi.Stats.ToString());
        Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
        Assert.That(Support.SimpleLoop(mi).Count("call_r"), Is.EqualTo(2), "two struct copies per iteration: " + mi.Log[0]);
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
