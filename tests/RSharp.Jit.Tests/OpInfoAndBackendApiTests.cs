using RSharp.Backend.Interp;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Tests;

public class OpInfoAndBackendApiTests
{
    // The operations the design brief names; each must exist under exactly this text name.
    [TestCase("int_add")] [TestCase("int_add_ovf")] [TestCase("float_mul")] [TestCase("getfield_gc_i")]
    [TestCase("getfield_gc_r")] [TestCase("getfield_gc_f")] [TestCase("setfield_gc")] [TestCase("new_with_vtable")]
    [TestCase("new_array")] [TestCase("getarrayitem_gc_i")] [TestCase("arraylen_gc")] [TestCase("strlen")]
    [TestCase("strgetitem")] [TestCase("call_i")] [TestCase("call_pure_r")] [TestCase("call_assembler_n")]
    [TestCase("guard_true")] [TestCase("guard_false")] [TestCase("guard_value")] [TestCase("guard_class")]
    [TestCase("guard_nonnull")] [TestCase("guard_isnull")] [TestCase("guard_no_exception")] [TestCase("guard_exception")]
    [TestCase("guard_no_overflow")] [TestCase("guard_overflow")] [TestCase("guard_not_invalidated")]
    [TestCase("guard_not_forced")] [TestCase("label")] [TestCase("jump")] [TestCase("finish")]
    [TestCase("uint_rshift")] [TestCase("call_may_force_f")] [TestCase("copystrcontent")] [TestCase("quasiimmut_field")]
    public void BriefOperationExists(string name)
    {
        Assert.That(OpInfo.TryParse(name, out var code), Is.True);
        Assert.That(OpInfo.Of(code).Name, Is.EqualTo(name));
    }

    [Test]
    public void MetadataIsConsistent()
    {
        Assert.That(OpInfo.All.Select(i => i.Name), Is.Unique);
        foreach (var info in OpInfo.All)
        {
            // The _i/_f/_r/_n suffix agrees with the result kind.
            char last = info.Name[^1];
            if (info.Name[^2] == '_' && "ifrn".Contains(last))
                Assert.That(info.ResultKind, Is.EqualTo(last switch
                {
                    'i' => ValueKind.Int, 'f' => ValueKind.Float, 'r' => ValueKind.Ref, _ => ValueKind.Void,
                }), info.Name);
            if (info.IsGuard) Assert.That(info.Name, Does.StartWith("guard_"));
            if (info.IsPure) Assert.That(info.HasSideEffects, Is.False, info.Name);
            if (info.IsCall) Assert.That(info.CanRaise, Is.True, info.Name);
        }
        Assert.That(OpInfo.Of(OpCode.IntAdd).IsPure, Is.True);
        Assert.That(OpInfo.Of(OpCode.GetfieldGcI).IsPure, Is.False);
        Assert.That(OpInfo.Of(OpCode.GetfieldGcI).HasSideEffects, Is.False);
        Assert.That(OpInfo.Of(OpCode.GetfieldGcPureI).IsAlwaysPureWithDescr, Is.True);
        Assert.That(OpInfo.Of(OpCode.SetfieldGc).HasSideEffects, Is.True);
        Assert.That(OpInfo.Of(OpCode.IntAddOvf).IsOvf, Is.True);
    }

    [Test]
    public void EffectInfoCategories()
    {
        Assert.That(EffectInfo.Residual.IsResidual && EffectInfo.Residual.CanRaise && EffectInfo.Residual.MayForceVirtualizables, Is.True);
        Assert.That(EffectInfo.ElidableCannotRaise.IsElidable && !EffectInfo.ElidableCannotRaise.CanRaise, Is.True);
        var count = new FieldDescr(typeof(Frame).GetField("count")!);
        var total = new FieldDescr(typeof(Frame).GetField("total")!);
        var writesCount = new EffectInfo(EffectInfo.Extra.CannotRaise, writeFields: [count]);
        Assert.That((writesCount.MayWrite(count), writesCount.MayWrite(total)), Is.EqualTo((true, false)));
        Assert.That(EffectInfo.Residual.MayWrite(total), Is.True);
    }

    [Test]
    public void BackendRejectsMisuse([Values("interp", "cil")] string name)
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend(name);
        var trace = Trace.Parse("[i0]\nguard_true(i0) [i0]\nfinish(i0)", reg);
        var token = backend.CompileLoop(trace, new LoopToken("T"));
        Assert.Throws<InvalidOperationException>(() => backend.CompileLoop(trace, token), "compiled twice");
        Assert.Throws<ArgumentException>(() => backend.Execute(token, JitValues.Of(1.0)), "wrong input kind");
        Assert.Throws<ArgumentException>(() => backend.Execute(new LoopToken("Other"), JitValues.Of(1L)), "not compiled");
        var stranger = Trace.Parse("[i0]\nguard_true(i0) [i0]\nfinish(i0)", reg).Guards[0];
        Assert.Throws<ArgumentException>(() => backend.CompileBridge(stranger, Trace.Parse("[i0]\nfinish(i0)", reg)));
        backend.CompileBridge(trace.Guards[0], Trace.Parse("[i0]\nfinish(i0)", reg));
        Assert.Throws<InvalidOperationException>(() => backend.CompileBridge(trace.Guards[0], Trace.Parse("[i0]\nfinish(i0)", reg)));
        Assert.That(token.InputKinds, Is.EqualTo(new[] { ValueKind.Int }));
    }

    [Test]
    public void MillionIterationLoopCountsOperationsExactly()
    {
        // Not a timing test: checks that a million iterations complete and count operations exactly.
        var backend = new InterpBackend();
        var reg = Jit.Registry();
        var token = backend.CompileLoop(Trace.Parse("""
            [i0, i1]
            label(i0, i1, descr=L)
            i2 = int_lt(i0, 1000000)
            guard_true(i2) [i0, i1]
            i3 = int_add(i0, 1)
            i4 = int_xor(i1, i3)
            jump(i3, i4, descr=L)
            """, reg), new LoopToken("L"));
        var frame = backend.Execute(token, JitValues.Of(0L, 0L));
        long expected = 0;
        for (long i = 1; i <= 1000000; i++) expected ^= i;
        Assert.That(frame.Values.ToBoxedArray(), Is.EqualTo(new object[] { 1000000L, expected }));
        Assert.That(backend.OperationsExecuted, Is.EqualTo(1 + 1000000L * 5 + 2));
    }
}
