using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>The resume data the tracer attaches to guards.</summary>
public class ResumeTests
{
    private static IEnumerable<(Operation Guard, ResumeData Data)> RecordedGuards(MetaInterpreter mi) =>
        mi.Log.SelectMany(e => e.Recorded.Operations).Where(o => o.IsGuard).Select(o => (o, (ResumeData)o.ResumeData!));

    [Test]
    public void GuardsInsideInlinedCallsCarryEveryFrame()
    {
        var mi = Support.Differential("interp", typeof(JitSmall.DeepGuard), "Run", () => [300L, 100L], Support.Params(eagerness: 1000));
        var depths = RecordedGuards(mi).Select(g => g.Data.Frames.Length).ToList();
        Assert.That(depths.Max(), Is.EqualTo(3), "portal, Outer, Inner");
        foreach (var (guard, data) in RecordedGuards(mi))
        {
            Assert.That(data.Frames[0].JitCode, Is.SameAs(mi.Portal));
            // Callers are stopped at their inline call, the innermost at a -live- (or at a call).
            foreach (var caller in data.Frames.SkipLast(1))
                Assert.That(Jit.JitCodes.JitCodeDecoder.Decode(caller.JitCode.Code, caller.Pc).Def.Name, Does.StartWith("inline_call"));
            var inner = data.Frames[^1];
            var innerName = Jit.JitCodes.JitCodeDecoder.Decode(inner.JitCode.Code, inner.Pc).Def.Name;
            Assert.That(innerName, data.AfterCall ? Does.StartWith("residual_call") : Is.EqualTo("-live-"));
        }
    }

    [Test]
    public void FailArgsAreExactlyTheNonConstantValuesTheFramesReference()
    {
        var mi = Support.Differential("interp", typeof(JitSmall.DeepGuard), "Run", () => [300L, 100L], Support.Params(eagerness: 1000));
        foreach (var (guard, data) in RecordedGuards(mi))
        {
            var slots = data.Frames.SelectMany(f => f.Slots).Append(data.AfterCall && data.ResultBank != 'v' ? data.ResultSlot : Tag.Make(0, Tag.Unset));
            var used = slots.Where(t => Tag.Kind(t) == Tag.FailArg).Select(Tag.Value).Distinct().OrderBy(x => x).ToList();
            Assert.That(used, Is.EqualTo(Enumerable.Range(0, guard.FailArgs!.Count).ToList()));
            Assert.That(guard.FailArgs, Has.None.InstanceOf<Const>(), "constants are tagged in the resume data, not passed");
            Assert.That(guard.FailArgs.Distinct().Count(), Is.EqualTo(guard.FailArgs.Count));
        }
    }

    [Test]
    public void SmallIntsAreTaggedInline()
    {
        Assert.That(Tag.Kind(Tag.Make(-5, Tag.SmallInt)), Is.EqualTo(Tag.SmallInt));
        Assert.That(Tag.Value(Tag.Make(-5, Tag.SmallInt)), Is.EqualTo(-5));
        Assert.That(Tag.Value(Tag.Make(123456, Tag.FailArg)), Is.EqualTo(123456));
        Assert.That(Tag.FitsSmall(1 << 28), Is.False);
        Assert.That(Tag.FitsSmall(-(1 << 28)), Is.True);
        // The Machine loop's constants (pc, opcodes) never become fail-args.
        var code = JitSmall.Machine.Nested(5, 100);
        var mi = Support.Differential("interp", typeof(JitSmall.Machine), "Run", () => [code, new long[4]]);
        Assert.That(RecordedGuards(mi).SelectMany(g => g.Data.Frames.SelectMany(f => f.Slots)).Count(t => Tag.Kind(t) == Tag.SmallInt), Is.GreaterThan(0));
    }

    [Test]
    public void GreenKeysCompareIntsByValueAndReferencesByIdentity()
    {
        var s1 = new string('a', 3);
        var s2 = new string('a', 3);
        Assert.That(new GreenKey([1L, s1]), Is.EqualTo(new GreenKey([1L, s1])));
        Assert.That(new GreenKey([1L, s1]).GetHashCode(), Is.EqualTo(new GreenKey([1L, s1]).GetHashCode()));
        Assert.That(new GreenKey([1L, s1]), Is.Not.EqualTo(new GreenKey([1L, s2])));
        Assert.That(new GreenKey([1L, s1]), Is.Not.EqualTo(new GreenKey([2L, s1])));
        Assert.That(new GreenKey([double.NaN]), Is.EqualTo(new GreenKey([double.NaN])));
        Assert.That(new GreenKey([0.0]), Is.Not.EqualTo(new GreenKey([-0.0])));
    }
}
