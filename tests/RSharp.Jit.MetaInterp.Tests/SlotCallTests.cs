using RSharp.CodeWriter;
using RSharp.Flow;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>Residual calls with address arguments (slots) are traced and compiled, not aborted.</summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class SlotCallTests(string backend)
{
    private static readonly Lazy<JitCodeSet> s_set = new(() =>
        CodeWriter.CodeWriter.Build(FlowAssembly.Load(Support.Small.Location), ["JitSmall.StructCalls::Run"]));

    [TestCase(10L)]
    [TestCase(500L)]
    public void StructReceiverAndByRefArgument(long n)
    {
        var mi = new MetaInterpreter(s_set.Value.Get("JitSmall.StructCalls::Run"), 0, Support.Backend(backend), Support.Params());
        mi.Blackhole.PoisonDeadRegisters = true;
        Assert.That(mi.Run(n), Is.EqualTo(JitSmall.StructCalls.Run(n)), mi.Stats + "\n" + string.Join("\n", mi.Log));
        Assert.That(mi.Stats.AbortCount, Is.Zero, mi.Stats.ToString());
        if (n > 100)
        {
            Assert.That(mi.Stats.LoopsCompiled, Is.EqualTo(1));
            var ops = Support.SimpleLoop(mi);
            Assert.That(ops.Count("call_i") + ops.Count("call_n"), Is.EqualTo(2), mi.Log[0].ToString());
        }
    }
}
