using RSharp.Jit.Traces;

namespace RSharp.Jit.Tests;

public class TextFormTests
{
    private const string Example = """
        [i0, i1, p2]
        label(i0, i1, p2, descr=Loop0)
        i3 = int_add(i0, 1)
        i4 = int_lt(i3, i1)
        guard_true(i4) [i3, i1, p2]
        i5 = getfield_gc_i(p2, descr=<Field Frame.count>)
        setfield_gc(p2, i5, descr=<Field Frame.count>)
        jump(i3, i1, p2, descr=Loop0)

        """;

    private static string Canonical(string text) => text.Replace("\r\n", "\n").Trim() + "\n";

    [Test]
    public void BriefExamplePrintsExactlyAsWritten()
    {
        var trace = Trace.Parse(Example, Jit.Registry());
        Assert.That(trace.ToString(), Is.EqualTo(Canonical(Example)));
        Assert.That(trace.IsLoop, Is.True);
        Assert.That(trace.Guards, Has.Count.EqualTo(1));
    }

    [TestCase("[i0]\ni1 = int_add(i0, -3)\nfinish(i1)\n")]
    [TestCase("[f0, f1]\nf2 = float_mul(f0, 1.5)\nf3 = float_add(f2, -0.0)\ni4 = float_lt(f3, inf)\nf5 = float_sub(f1, 1E+300)\nf6 = float_add(f5, nan)\nfinish(f6, i4)\n")]
    [TestCase("[p0]\ni1 = ptr_eq(p0, null)\nguard_false(i1) []\nguard_class(p0, descr=<Type Frame>) [p0]\nfinish(p0)\n")]
    [TestCase("[i0]\ni1 = call_i(i0, 2, 3, descr=<Call Targets.Add3>)\nguard_no_exception() [i0]\nfinish(i1)\n")]
    [TestCase("[i0]\np1 = new_array(i0, descr=<Array Int64[]>)\nsetarrayitem_gc(p1, 0, i0, descr=<Array Int64[]>)\ni2 = arraylen_gc(p1, descr=<Array Int64[]>)\nfinish(i2)\n")]
    [TestCase("[]\np0 = new_with_vtable(descr=<Type Frame>)\ndebug_merge_point(0, 1)\nfinish(p0)\n")]
    [TestCase("[i0]\np1 = guard_exception(descr=<Type Boom>) [i0]\np2 = save_exception()\nrestore_exception(null)\nfinish()\n")]
    [TestCase("[i0, p1]\nlabel(i0, p1, descr=A)\ni2 = int_sub(i0, 1)\nlabel(i2, p1, descr=B)\ni3 = int_add_ovf(i2, 1)\nguard_no_overflow() [i3, p1]\njump(i3, p1, descr=B)\n")]
    public void CanonicalTextRoundTrips(string text)
    {
        var reg = Jit.Registry();
        string printed = Trace.Parse(text, reg).ToString();
        Assert.That(printed, Is.EqualTo(text));
        Assert.That(Trace.Parse(printed, reg).ToString(), Is.EqualTo(printed));
    }

    [Test]
    public void NonCanonicalNamesAreRenumberedStably()
    {
        const string text = "[i7, p3]  # odd names\n\n  i9 = int_mul(i7, i7)\nguard_nonnull(p3)\nfinish(i9)";
        var reg = Jit.Registry();
        string printed = Trace.Parse(text, reg).ToString();
        Assert.That(printed, Is.EqualTo("[i0, p1]\ni2 = int_mul(i0, i0)\nguard_nonnull(p1) []\nfinish(i2)\n"));
        Assert.That(Trace.Parse(printed, reg).ToString(), Is.EqualTo(printed));
    }

    [Test]
    public void NamedConstantsResolveThroughTheRegistry()
    {
        var reg = Jit.Registry();
        var frame = new Frame();
        reg.AddConst("theFrame", frame);
        var trace = Trace.Parse("[]\ni0 = getfield_gc_i(ConstPtr(theFrame), descr=<Field Frame.count>)\nfinish(i0)", reg);
        Assert.That(((ConstRef)trace.Operations[0].Args[0]).Value, Is.SameAs(frame));
        Assert.That(trace.ToString(), Does.Contain("ConstPtr(theFrame)"));
    }

    [Test]
    public void SameTokenNameMeansSameToken()
    {
        var reg = Jit.Registry();
        var loop = Trace.Parse("[i0]\nlabel(i0, descr=L)\njump(i0, descr=L)", reg);
        var bridge = Trace.Parse("[i0]\njump(i0, descr=L)", reg);
        Assert.That(bridge.Operations[0].Descr, Is.SameAs(loop.Operations[0].Descr));
    }

    [TestCase("i0 = int_add(1, 2)", 1, "input arguments")]
    [TestCase("[i0]\ni1 = int_frob(i0, 1)\nfinish(i1)", 2, "unknown operation 'int_frob'")]
    [TestCase("[i0]\ni1 = int_add(i0, i9)\nfinish(i1)", 2, "'i9' is not defined")]
    [TestCase("[i0]\n\ni1 = int_add(i0, 1)\np2 = int_add(i1, 1)\nfinish(i1)", 4, "must be named i<n>")]
    [TestCase("[i0]\ni0 = int_add(i0, 1)\nfinish(i0)", 2, "defined twice")]
    [TestCase("[i0]\ni1 = getfield_gc_i(i0, descr=<Field Nope.x>)\nfinish(i1)", 2, "unknown descriptor")]
    [TestCase("[i0]\ni1 = int_add(i0, 1.5)\nfinish(i1)", 2, "must be Int")]
    [TestCase("[i0]\ni1 = int_add(i0)\nfinish(i1)", 2, "takes 2 arguments")]
    [TestCase("[i0]\ni1 = int_add(i0, 1)", 2, "must end with jump or finish")]
    [TestCase("[i0]\nfinish(i0)\ni1 = int_add(i0, 1)\nfinish(i1)", 2, "before the end")]
    [TestCase("[i0]\ni1 = int_add(i0, 1) [i0]\nfinish(i1)", 2, "unexpected text")]
    [TestCase("[i0]\ni1 = int_add(i0, 99999999999999999999)\nfinish(i1)", 2, "bad value")]
    [TestCase("[i0, q1]\nfinish(i0)", 1, "bad input argument name")]
    [TestCase("[p0]\ni1 = getfield_gc_f(p0, descr=<Field Frame.count>)\nfinish(i1)", 2, "must be named f<n>")]
    [TestCase("[p0]\nf1 = getfield_gc_f(p0, descr=<Field Frame.count>)\nfinish(f1)", 2, "field is Int")]
    [TestCase("[i0]\nguard_value(i0, i0) []\nfinish(i0)", 2, "must be a constant")]
    [TestCase("[i0]\nlabel(i0, descr=L)\njump(1.5, descr=L)", 3, "label expects Int")]
    [TestCase("[i0]\ni1 = call_i(i0, descr=<Call Targets.Add3>)\nfinish(i1)", 2, "takes 3 arguments")]
    public void ParseErrorsNameTheLine(string text, int line, string fragment)
    {
        var e = Assert.Throws<TraceParseException>(() => Trace.Parse(text, Jit.Registry()))!;
        Assert.That(e.Line, Is.EqualTo(line), e.Message);
        Assert.That(e.Message, Does.StartWith($"line {line}: ").And.Contain(fragment));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void RandomTracesRoundTrip([Range(0, 99)] int seed)
    {
        var reg = Jit.Registry();
        var trace = RandomTraces.Generate(seed, reg);
        trace.Validate();
        string printed = trace.ToString();
        var parsed = Trace.Parse(printed, reg);
        Assert.That(parsed.ToString(), Is.EqualTo(printed));
        Assert.That(parsed.Operations.Select(o => o.OpCode), Is.EqualTo(trace.Operations.Select(o => o.OpCode)));
    }
}
