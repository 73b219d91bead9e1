using RSharp.Jit.Backend;
using RSharp.Jit.Tests;
using RSharp.Jit.Traces;
using TestJit = RSharp.Jit.Tests.Jit;

namespace RSharp.Backend.Cil.Tests;

/// <summary>Behaviour specific to the CIL backend's design, each checked against the interp backend or C#.</summary>
public class CilBackendTests
{
    private const string SumLoop = """
        [i0, i1, i2]
        label(i0, i1, i2, descr=Sum)
        i3 = int_lt(i0, i1)
        guard_true(i3) [i0, i1, i2]
        i4 = int_add(i2, i0)
        i5 = int_add(i0, 1)
        jump(i5, i1, i4, descr=Sum)
        """;

    [Test]
    public void JumpToOwnLabelIsABranchNotATransfer()
    {
        var backend = new CilBackend();
        var token = backend.CompileLoop(Trace.Parse(SumLoop, TestJit.Registry()), new LoopToken("Sum"));
        var frame = backend.Execute(token, JitValues.Of(0L, 10_000L, 0L));
        Assert.That(frame.Values.GetInt(2), Is.EqualTo(10_000L * 9_999 / 2));
        Assert.That(backend.Transfers, Is.EqualTo(0));
    }

    [Test]
    public void BridgeEntryAndReentryAreCountedTransfers()
    {
        var reg = TestJit.Registry();
        var backend = new CilBackend();
        var loop = Trace.Parse("""
            [i0, i1]
            label(i0, i1, descr=Up)
            i2 = int_and(i0, 15)
            guard_true(i2) [i0, i1]
            i3 = int_lt(i0, i1)
            guard_true(i3) [i0]
            i4 = int_add(i0, 1)
            jump(i4, i1, descr=Up)
            """, reg);
        var token = backend.CompileLoop(loop, new LoopToken("Up"));
        backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0, i1]\ni2 = int_add(i0, 1)\njump(i2, i1, descr=Up)", reg));
        var frame = backend.Execute(token, JitValues.Of(1L, 1000L));
        Assert.That(frame.FailedGuard, Is.SameAs(loop.Guards[1]));
        Assert.That(frame.Values.GetInt(0), Is.EqualTo(1000));
        // Multiples of 16 below 1000 fail the first guard: into the bridge and back into the loop.
        long multiples = Enumerable.Range(1, 999).Count(i => i % 16 == 0);
        Assert.That(backend.Transfers, Is.EqualTo(2 * multiples));
    }

    [Test]
    public void MillionsOfTransfersDoNotGrowTheStack()
    {
        // Transfers are tail calls: a guard -> bridge -> loop cycle per odd number would
        // overflow a 256 KB stack within a few thousand cycles if each one nested a frame.
        var reg = TestJit.Registry();
        var backend = new CilBackend();
        var loop = Trace.Parse("""
            [i0, i1]
            label(i0, i1, descr=Odd)
            i2 = int_and(i0, 1)
            guard_false(i2) [i0, i1]
            i3 = int_lt(i0, i1)
            guard_true(i3) [i0]
            i4 = int_add(i0, 1)
            jump(i4, i1, descr=Odd)
            """, reg);
        var token = backend.CompileLoop(loop, new LoopToken("Odd"));
        backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0, i1]\ni2 = int_add(i0, 1)\njump(i2, i1, descr=Odd)", reg));
        DeadFrame? frame = null;
        var thread = new Thread(() => frame = backend.Execute(token, JitValues.Of(0L, 2_000_000L)), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(frame!.FailedGuard, Is.SameAs(loop.Guards[1]));
        Assert.That(frame.Values.GetInt(0), Is.EqualTo(2_000_000L));
        Assert.That(backend.Transfers, Is.EqualTo(2 * 1_000_000L));
    }

    [TestCase(0L)]
    [TestCase(999_999_000L)]
    public void LongTraceSharingLocalsMatchesTheInterpBackend(long start)
    {
        // 1500 values chained through guards: locals are shared between dead values, and each
        // guard's fail-args must still be the values at that guard.
        var text = new System.Text.StringBuilder("[i0]\n");
        string last = "i0";
        for (int k = 1; k <= 1500; k++)
        {
            text.Append($"i{2 * k - 1} = int_add({last}, {k})\n");
            text.Append($"i{2 * k} = int_lt(i{2 * k - 1}, 1000000000)\n");
            text.Append($"guard_true(i{2 * k}) [i0, i{2 * k - 1}, {last}]\n");
            last = $"i{2 * k - 1}";
        }
        text.Append($"finish({last})");
        var results = Both.Backends().Select(backend =>
        {
            var trace = Trace.Parse(text.ToString(), TestJit.Registry());
            var token = backend.CompileLoop(trace, new LoopToken("Long"));
            var frame = backend.Execute(token, JitValues.Of(start));
            int guard = frame.IsFinish ? -1 : trace.Guards.ToList().IndexOf(frame.FailedGuard!);
            return (guard, string.Join(",", frame.Values.ToBoxedArray()));
        }).ToList();
        Assert.That(results[1], Is.EqualTo(results[0]));
        if (start == 0) Assert.That(results[1], Is.EqualTo((-1, (1500L * 1501 / 2).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        else Assert.That(results[1].guard, Is.GreaterThan(0), "a later guard fails");
    }

    [Test]
    public void BridgeMayJumpToTheLabelOfAnotherLoop()
    {
        foreach (var backend in Both.Backends())
        {
            var reg = TestJit.Registry();
            var a = Trace.Parse("[i0]\nlabel(i0, descr=A)\ni1 = int_lt(i0, 10)\nguard_true(i1) [i0]\ni2 = int_add(i0, 1)\njump(i2, descr=A)", reg);
            var b = Trace.Parse("[i0, i1]\nlabel(i0, i1, descr=B)\ni2 = int_gt(i0, 0)\nguard_true(i2) [i1]\ni3 = int_sub(i0, 1)\ni4 = int_mul(i1, 2)\njump(i3, i4, descr=B)", reg);
            var ta = backend.CompileLoop(a, new LoopToken("A"));
            backend.CompileLoop(b, new LoopToken("B"));
            backend.CompileBridge(a.Guards[0], Trace.Parse("[i0]\njump(i0, 1, descr=B)", reg));
            var frame = backend.Execute(ta, JitValues.Of(0L));
            Assert.That(frame.FailedGuard, Is.SameAs(b.Guards[0]), backend.Name);
            Assert.That(frame.Values.GetInt(0), Is.EqualTo(1L << 10), backend.Name);
        }
    }

    [Test]
    public void JumpIsAParallelMove()
    {
        // Swap and rotate every iteration: the values must not be overwritten before they are read.
        const string text = """
            [i0, i1, i2, i3]
            label(i0, i1, i2, i3, descr=Rot)
            i4 = int_lt(i0, 1001)
            guard_true(i4) [i1, i2, i3]
            i5 = int_add(i0, 1)
            jump(i5, i3, i1, i2, descr=Rot)
            """;
        long x = 10, y = 20, z = 30;
        for (int i = 0; i < 1001; i++) (x, y, z) = (z, x, y);
        var frame = Both.Run(TestJit.Registry(), text, () => [0L, 10L, 20L, 30L]);
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { x, y, z }));
    }

    [Test]
    public void NonPublicFieldsAreReachable()
    {
        var reg = TestJit.Registry();
        reg.AddField(typeof(Secret), "_hidden");
        var secret = new Secret();
        var backend = new CilBackend();
        var token = backend.CompileLoop(Trace.Parse("""
            [p0]
            i1 = getfield_gc_i(p0, descr=<Field Secret._hidden>)
            i2 = int_add(i1, 42)
            setfield_gc(p0, i2, descr=<Field Secret._hidden>)
            finish(i2)
            """, reg), new LoopToken("S"));
        Assert.That(backend.Execute(token, JitValues.Of(secret)).Values.GetInt(0), Is.EqualTo(42));
        Assert.That(secret.Hidden, Is.EqualTo(42));
    }

    [TestCase(-1L)]
    [TestCase(300L)]
    [TestCase(long.MinValue + 65535)]
    [TestCase(0x1_2345_6789L)]
    public void NarrowFieldsTruncateAndWidenLikeCSharp(long v)
    {
        var reg = TestJit.Registry();
        string[] ints = ["u8", "i8", "i16", "u16", "c", "u32", "u64", "colour", "native"];
        foreach (var f in ints) reg.AddField(typeof(Narrow), f);
        var text = "[p0, i1]\n" + string.Join("\n", ints.Select((f, k) =>
            $"setfield_gc(p0, i1, descr=<Field Narrow.{f}>)\ni{k + 3} = getfield_gc_i(p0, descr=<Field Narrow.{f}>)"))
            + "\nfinish(" + string.Join(", ", ints.Select((_, k) => $"i{k + 3}")) + ")";
        var frame = Both.Run(reg, text, () => [new Narrow(), v]);
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[]
        {
            (long)unchecked((byte)v), (long)unchecked((sbyte)v), (long)unchecked((short)v), (long)unchecked((ushort)v),
            (long)unchecked((char)v), (long)unchecked((uint)v), v, (long)unchecked((byte)v), (long)(nint)v,
        }));
    }

    /// <summary>A float (System.Single) field rounds on store, on both backends.</summary>
    [Test]
    public void SingleFieldsRoundToFloat()
    {
        var reg = TestJit.Registry();
        reg.AddField(typeof(Narrow), "single");
        const string text = "[p0, f1]\nsetfield_gc(p0, f1, descr=<Field Narrow.single>)\nf2 = getfield_gc_f(p0, descr=<Field Narrow.single>)\nfinish(f2)";
        var frame = Both.Run(reg, text, () => [new Narrow(), 0.1]);
        Assert.That(frame.Values.GetFloat(0), Is.EqualTo((double)0.1f));
    }

    [Test]
    public void InstanceCallsDispatchOnTheRuntimeType()
    {
        var reg = TestJit.Registry();
        reg.AddCall(typeof(Animal), "Legs");
        const string text = "[p0, p1]\ni2 = call_i(p0, descr=<Call Animal.Legs>)\ni3 = call_i(p1, descr=<Call Animal.Legs>)\nfinish(i2, i3)";
        var frame = Both.Run(reg, text, () => [new Animal(), new Bird()]);
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { 4L, 2L }));
    }

    [Test]
    public void StructResultsAreBoxedAndStructArgumentsUnboxed()
    {
        var reg = TestJit.Registry();
        reg.AddCall(typeof(CilTargets), "Pair");
        reg.AddCall(typeof(CilTargets), "SumPair");
        reg.AddCall(typeof(CilTargets), "Next");
        const string text = """
            [i0]
            p1 = call_r(i0, 5, descr=<Call CilTargets.Pair>)
            i2 = call_i(p1, descr=<Call CilTargets.SumPair>)
            i3 = call_i(6, descr=<Call CilTargets.Next>)
            finish(p1, i2, i3)
            """;
        var frame = Both.Run(reg, text, () => [37L]);
        Assert.That(frame.Values.GetRef(0), Is.EqualTo((37L, 5L)));
        Assert.That(frame.Values.GetInt(1), Is.EqualTo(42));
        Assert.That(frame.Values.GetInt(2), Is.EqualTo((long)DayOfWeek.Sunday));
    }

    [Test]
    public void RecursiveCallAssemblerReentersTheSameCode()
    {
        foreach (var backend in Both.Backends())
        {
            var reg = TestJit.Registry();
            var fact = reg.Loop("Fact");
            backend.CompileLoop(Trace.Parse("""
                [i0]
                i1 = int_le(i0, 1)
                guard_false(i1) [i0]
                i2 = int_sub(i0, 1)
                i3 = call_assembler_i(i2, descr=Fact)
                guard_no_exception() []
                i4 = int_mul(i0, i3)
                finish(i4)
                """, reg), fact);
            fact.AssemblerHelper = frame => frame.IsFinish ? frame.Values.GetInt(0) : 1L; // every exit goes through the helper
            Assert.That(backend.Execute(fact, JitValues.Of(15L)).Values.GetInt(0),
                Is.EqualTo(Enumerable.Range(1, 15).Aggregate(1L, (a, b) => a * b)), backend.Name);
        }
    }

    [Test]
    public void DoneWithThisFrameFinishBypassesTheHelper()
    {
        foreach (var backend in Both.Backends())
        {
            var reg = TestJit.Registry();
            var done = reg.Register(new TargetToken("done"));
            reg.Register(new TargetToken("other"));
            var inner = reg.Loop("Inner");
            var loop = Trace.Parse("[i0]\ni1 = int_lt(i0, 10)\nguard_true(i1) [i0]\ni2 = int_gt(i0, 5)\nguard_false(i2) [i0]\ni3 = int_add(i0, 100)\nfinish(i3, descr=done)", reg);
            backend.CompileLoop(loop, inner);
            backend.CompileBridge(loop.Guards[1], Trace.Parse("[i0]\ni1 = int_mul(i0, 1000)\nfinish(i1, descr=other)", reg));
            int helped = 0;
            inner.DoneWithThisFrame = done;
            inner.AssemblerHelper = frame => { helped++; return frame.IsFinish ? -frame.Values.GetInt(0) : -1L; };
            var outer = backend.CompileLoop(Trace.Parse("[i0]\ni1 = call_assembler_i(i0, descr=Inner)\nguard_no_exception() [i0]\nfinish(i1)", reg), new LoopToken("Outer"));
            Assert.That(backend.Execute(outer, JitValues.Of(3L)).Values.GetInt(0), Is.EqualTo(103), backend.Name);
            Assert.That(helped, Is.Zero, "done_with_this_frame goes straight to the caller");
            Assert.That(backend.Execute(outer, JitValues.Of(7L)).Values.GetInt(0), Is.EqualTo(-7000), backend.Name + ": another finish goes through the helper");
            Assert.That(backend.Execute(outer, JitValues.Of(12L)).Values.GetInt(0), Is.EqualTo(-1), backend.Name + ": a failed guard goes through the helper");
            Assert.That(helped, Is.EqualTo(2));
        }
    }

    [Test]
    public void AssemblerHelperExceptionBecomesPending()
    {
        foreach (var backend in Both.Backends())
        {
            var reg = TestJit.Registry();
            var inner = reg.Loop("Inner");
            backend.CompileLoop(Trace.Parse("[i0]\nguard_true(i0) [i0]\nfinish(i0)", reg), inner);
            inner.AssemblerHelper = frame => frame.IsFinish ? frame.Values.GetInt(0) : throw new Boom($"helper {frame.Values.GetInt(0)}");
            var outer = backend.CompileLoop(Trace.Parse("[i0]\ni1 = call_assembler_i(i0, descr=Inner)\nguard_no_exception() [i0]\nfinish(i1)", reg), new LoopToken("Outer"));
            var failed = backend.Execute(outer, JitValues.Of(0L));
            Assert.That(failed.FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardNoException), backend.Name);
            Assert.That(failed.Exception, Is.InstanceOf<Boom>().With.Message.EqualTo("helper 0"), backend.Name);
        }
    }

    [Test]
    public void BridgeThatIgnoresAPendingExceptionRethrowsIt()
    {
        foreach (var backend in Both.Backends())
        {
            var reg = TestJit.Registry();
            var loop = Trace.Parse("[i0]\ni1 = call_i(i0, descr=<Call Targets.Checked>)\nguard_no_exception() [i0]\nfinish(i1)", reg);
            var token = backend.CompileLoop(loop, new LoopToken("L"));
            backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0]\ni1 = int_add(i0, 1)\nfinish(i1)", reg));
            Assert.Throws<Boom>(() => backend.Execute(token, JitValues.Of(-3L)), backend.Name);
            Assert.That(backend.Execute(token, JitValues.Of(3L)).Values.GetInt(0), Is.EqualTo(30), backend.Name);
        }
    }

    [Test]
    public void ExceptionInsideAHotLoopIsCaughtEachTime()
    {
        const string text = """
            [i0, i1]
            label(i0, i1, descr=L)
            i2 = call_i(i0, descr=<Call Targets.Checked>)
            guard_no_exception() [i0, i1]
            i3 = int_add(i1, i2)
            i4 = int_sub(i0, 1)
            jump(i4, i3, descr=L)
            """;
        var frame = Both.Run(TestJit.Registry(), text, () => [1000L, 0L]);
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { -1L, Enumerable.Range(0, 1001).Sum(i => 10L * i) }));
        Assert.That(frame.Exception, Is.InstanceOf<Boom>());
    }

    [Test]
    public void RefConstantsComeFromTheConstantPool()
    {
        var reg = TestJit.Registry();
        var shared = new Frame { count = 5 };
        reg.AddConst("shared", shared);
        var backend = new CilBackend();
        var token = backend.CompileLoop(Trace.Parse("""
            [i0]
            label(i0, descr=C)
            i1 = getfield_gc_i(ConstPtr(shared), descr=<Field Frame.count>)
            i2 = int_add(i1, i0)
            setfield_gc(ConstPtr(shared), i2, descr=<Field Frame.count>)
            i3 = int_sub(i0, 1)
            guard_true(i3) [i2, ConstPtr(shared)]
            jump(i3, descr=C)
            """, reg), new LoopToken("C"));
        var frame = backend.Execute(token, JitValues.Of(100L));
        Assert.That(shared.count, Is.EqualTo(5 + 100 * 101 / 2));
        Assert.That(frame.Values.GetRef(1), Is.SameAs(shared));
    }

    [Test]
    public void ArrayAndStringLoopsMatchCSharp()
    {
        var data = Enumerable.Range(0, 500).Select(i => (long)(i * 7919 % 1000 - 500)).ToArray();
        const string arrays = """
            [p0, i1, i2]
            label(p0, i1, i2, descr=A)
            i3 = arraylen_gc(p0, descr=<Array Int64[]>)
            i4 = int_lt(i1, i3)
            guard_true(i4) [i2]
            i5 = getarrayitem_gc_i(p0, i1, descr=<Array Int64[]>)
            i6 = int_mul(i5, i5)
            i7 = int_add(i2, i6)
            i8 = int_add(i1, 1)
            jump(p0, i8, i7, descr=A)
            """;
        Assert.That(Both.Run(TestJit.Registry(), arrays, () => [data, 0L, 0L]).Values.GetInt(0), Is.EqualTo(data.Sum(x => x * x)));
        const string strings = """
            [p0, i1, i2]
            label(p0, i1, i2, descr=S)
            i3 = strlen(p0)
            i4 = int_lt(i1, i3)
            guard_true(i4) [i2]
            i5 = strgetitem(p0, i1)
            i6 = int_mul(i2, 31)
            i7 = int_add(i6, i5)
            i8 = int_add(i1, 1)
            jump(p0, i8, i7, descr=S)
            """;
        const string s = "the quick brown fox jumps over the lazy dog";
        Assert.That(Both.Run(TestJit.Registry(), strings, () => [s, 0L, 0L]).Values.GetInt(0), Is.EqualTo(s.Aggregate(0L, (h, c) => unchecked(h * 31 + c))));
    }

    [TestCase(64L)]
    [TestCase(65L)]
    [TestCase(-1L)]
    [TestCase(1000L)]
    public void ShiftCountsOutsideTheRangeAreMasked(long count)
    {
        const string text = "[i0, i1]\ni2 = int_lshift(i0, i1)\ni3 = int_rshift(i0, i1)\ni4 = uint_rshift(i0, i1)\nfinish(i2, i3, i4)";
        long x = -0x1234_5678_9abc;
        var frame = Both.Run(TestJit.Registry(), text, () => [x, count]);
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { x << (int)count, x >> (int)count, (long)((ulong)x >> (int)count) }));
    }

    [Test]
    public void NegativeArrayLengthFailsAsInTheInterpBackend()
    {
        var frame = Differential.Run(new TraceSet(Trace.Parse("[i0]\np1 = new_array(i0, descr=<Array Int64[]>)\nfinish(p1)", TestJit.Registry()), []), () => [-1L]);
        Assert.That(frame.Cil, Is.EqualTo(frame.Interp));
        Assert.That(frame.Cil, Does.StartWith("threw ArgumentOutOfRangeException"));
    }

    [Test]
    public void DeadFramesOwnTheirValues()
    {
        var backend = new CilBackend();
        var token = backend.CompileLoop(Trace.Parse(SumLoop, TestJit.Registry()), new LoopToken("Sum"));
        var first = backend.Execute(token, JitValues.Of(0L, 3L, 0L));
        var second = backend.Execute(token, JitValues.Of(0L, 5L, 0L));
        Assert.That(first.Values, Is.Not.SameAs(second.Values));
        Assert.That(first.Values.ToBoxedArray(), Is.EqualTo(new object[] { 3L, 3L, 3L }));
        Assert.That(second.Values.ToBoxedArray(), Is.EqualTo(new object[] { 5L, 5L, 10L }));
    }

    [Test]
    public void LongTraceWithAThousandValuesCompiles()
    {
        var lines = new List<string> { "[i0]" };
        long expected = 3;
        string prev = "i0";
        for (int k = 1; k <= 1000; k++)
        {
            string op = (k % 3) switch { 0 => "int_add", 1 => "int_xor", _ => "int_mul" };
            lines.Add($"i{k} = {op}({prev}, {k})");
            expected = (k % 3) switch { 0 => unchecked(expected + k), 1 => expected ^ k, _ => unchecked(expected * k) };
            prev = $"i{k}";
        }
        lines.Add($"finish({prev})");
        var frame = Both.Run(TestJit.Registry(), string.Join("\n", lines), () => [3L]);
        Assert.That(frame.Values.GetInt(0), Is.EqualTo(expected));
    }

    [Test]
    public void IlListingShowsLoopAndBridges()
    {
        var reg = TestJit.Registry();
        var backend = new CilBackend();
        var loop = Trace.Parse(SumLoop, reg);
        var token = backend.CompileLoop(loop, new LoopToken("Sum"));
        backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0, i1, i2]\nfinish(i2)", reg));
        string dump = backend.DumpIl(token);
        Assert.That(dump, Does.Contain("Sum_loop0").And.Contain("Sum_bridge1"));
        Assert.That(dump, Does.Contain("// i4 = int_add(i0, i1)").Or.Contain("int_add"));
        Assert.That(dump, Does.Contain("    add").And.Contain("    clt").And.Contain("    brfalse").And.Contain("    br ").And.Contain("    ret"));
        Assert.That(backend.CompileTime, Is.GreaterThan(TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => backend.DumpIl(new LoopToken("Unknown")));
    }
}
