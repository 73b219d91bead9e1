using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Tests;

/// <summary>Field, array, string and call operations on small test classes.</summary>
public class HeapAndCallTests(string backend) : BackendTests(backend)
{
    [Test]
    public void FieldsOfEveryKindReadAndWrite()
    {
        var f = new Frame { count = 41, total = 0.5, narrow = -3, flag = true };
        var other = new Frame();
        const string text = """
            [p0, p1]
            i2 = getfield_gc_i(p0, descr=<Field Frame.count>)
            i3 = int_add(i2, 1)
            setfield_gc(p0, i3, descr=<Field Frame.count>)
            f4 = getfield_gc_f(p0, descr=<Field Frame.total>)
            f5 = float_mul(f4, 3.0)
            setfield_gc(p0, f5, descr=<Field Frame.total>)
            setfield_gc(p0, p1, descr=<Field Frame.next>)
            p6 = getfield_gc_r(p0, descr=<Field Frame.next>)
            i7 = getfield_gc_i(p0, descr=<Field Frame.narrow>)
            i8 = int_sub(i7, 4294967296)
            setfield_gc(p0, i8, descr=<Field Frame.narrow>)
            i9 = getfield_gc_i(p0, descr=<Field Frame.flag>)
            setfield_gc(p0, 0, descr=<Field Frame.flag>)
            i10 = getfield_gc_pure_i(p0, descr=<Field Frame.fixedValue>)
            finish(i3, p6, i7, i9, i10)
            """;
        var result = Jit.Run(text, f, other);
        Assert.That(f.count, Is.EqualTo(42));
        Assert.That(f.total, Is.EqualTo(1.5));
        Assert.That(f.next, Is.SameAs(other));
        Assert.That(f.narrow, Is.EqualTo(unchecked((int)(-3L - 4294967296L))), "int fields truncate like conv.i4");
        Assert.That(f.flag, Is.False);
        Assert.That(result.Values.ToBoxedArray(), Is.EqualTo(new object[] { 42L, other, -3L, 1L, 7L }));
    }

    [Test]
    public void FieldDescrFlagsComeFromTheField()
    {
        var reg = Jit.Registry();
        var count = (FieldDescr)reg.Lookup("Field", "Frame.count")!;
        var fixedValue = (FieldDescr)reg.Lookup("Field", "Frame.fixedValue")!;
        Assert.That((count.FieldKind, count.IsImmutable), Is.EqualTo((ValueKind.Int, false)));
        Assert.That((fixedValue.FieldKind, fixedValue.IsImmutable), Is.EqualTo((ValueKind.Int, true)));
        Assert.That(((FieldDescr)reg.Lookup("Field", "Frame.item")!).FieldKind, Is.EqualTo(ValueKind.Ref));
        Assert.That(((FieldDescr)reg.Lookup("Field", "Frame.total")!).FieldKind, Is.EqualTo(ValueKind.Float));
    }

    [Test]
    public void NewObjectsAreUninitializedInstancesOfTheType()
    {
        var result = Jit.Run("""
            []
            p0 = new_with_vtable(descr=<Type Frame>)
            setfield_gc(p0, 5, descr=<Field Frame.count>)
            p1 = new(descr=<Type Square>)
            guard_class(p0, descr=<Type Frame>) []
            finish(p0, p1)
            """);
        var frame = (Frame)result.Values.GetRef(0)!;
        Assert.That(frame.count, Is.EqualTo(5));
        Assert.That(frame.fixedValue, Is.EqualTo(0), "the constructor did not run");
        Assert.That(result.Values.GetRef(1), Is.InstanceOf<Square>());
    }

    [Test]
    public void ArraysOfSeveralElementTypes()
    {
        var result = Jit.Run("""
            [i0]
            p1 = new_array(i0, descr=<Array Int64[]>)
            setarrayitem_gc(p1, 2, -5, descr=<Array Int64[]>)
            i2 = getarrayitem_gc_i(p1, 2, descr=<Array Int64[]>)
            i3 = arraylen_gc(p1, descr=<Array Int64[]>)
            p4 = new_array_clear(3, descr=<Array Byte[]>)
            setarrayitem_gc(p4, 1, 257, descr=<Array Byte[]>)
            i5 = getarrayitem_gc_i(p4, 1, descr=<Array Byte[]>)
            p6 = new_array(2, descr=<Array Double[]>)
            setarrayitem_gc(p6, 0, 2.5, descr=<Array Double[]>)
            f7 = getarrayitem_gc_f(p6, 0, descr=<Array Double[]>)
            p8 = new_array(1, descr=<Array Object[]>)
            setarrayitem_gc(p8, 0, p6, descr=<Array Object[]>)
            p9 = getarrayitem_gc_r(p8, 0, descr=<Array Object[]>)
            p10 = new_array(2, descr=<Array Int32[]>)
            setarrayitem_gc(p10, 1, -7, descr=<Array Int32[]>)
            i11 = getarrayitem_gc_pure_i(p10, 1, descr=<Array Int32[]>)
            finish(i2, i3, i5, f7, p9, i11, p1)
            """, 4L);
        var v = result.Values.ToBoxedArray();
        Assert.That(v[..4], Is.EqualTo(new object[] { -5L, 4L, (long)unchecked((byte)257), 2.5 }));
        Assert.That(v[4], Is.InstanceOf<double[]>());
        Assert.That(v[5], Is.EqualTo(-7L));
        Assert.That(v[6], Is.EqualTo(new long[] { 0, 0, -5, 0 }));
    }

    [Test]
    public void NarrowArrayItemsTruncateOnStoreAndExtendOnLoad()
    {
        var reg = Jit.Registry();
        foreach (var t in new[] { typeof(sbyte), typeof(short), typeof(ushort), typeof(char), typeof(uint), typeof(bool), typeof(float) })
            reg.AddArray(t);
        var arrays = new object[] { new sbyte[1], new short[1], new ushort[1], new char[1], new uint[1], new bool[1], new float[1] };
        var result = Jit.Run(reg, """
            [p0, p1, p2, p3, p4, p5, p6, i7]
            setarrayitem_gc(p0, 0, i7, descr=<Array SByte[]>)
            i8 = getarrayitem_gc_i(p0, 0, descr=<Array SByte[]>)
            setarrayitem_gc(p1, 0, i7, descr=<Array Int16[]>)
            i9 = getarrayitem_gc_i(p1, 0, descr=<Array Int16[]>)
            setarrayitem_gc(p2, 0, i7, descr=<Array UInt16[]>)
            i10 = getarrayitem_gc_i(p2, 0, descr=<Array UInt16[]>)
            setarrayitem_gc(p3, 0, i7, descr=<Array Char[]>)
            i11 = getarrayitem_gc_i(p3, 0, descr=<Array Char[]>)
            setarrayitem_gc(p4, 0, i7, descr=<Array UInt32[]>)
            i12 = getarrayitem_gc_i(p4, 0, descr=<Array UInt32[]>)
            setarrayitem_gc(p5, 0, i7, descr=<Array Boolean[]>)
            i13 = getarrayitem_gc_i(p5, 0, descr=<Array Boolean[]>)
            setarrayitem_gc(p6, 0, 0.1, descr=<Array Single[]>)
            f14 = getarrayitem_gc_f(p6, 0, descr=<Array Single[]>)
            finish(i8, i9, i10, i11, i12, i13, f14)
            """, [.. arrays, -65535L * 65536 - 129]);
        const long v = -65535L * 65536 - 129;
        Assert.That(result.Values.ToBoxedArray(), Is.EqualTo(new object[]
        {
            (long)unchecked((sbyte)v), (long)unchecked((short)v), (long)unchecked((ushort)v), (long)unchecked((char)v),
            (long)unchecked((uint)v), 1L, (double)0.1f,
        }));
    }

    [Test]
    public void ArrayIndexOutOfRangeSurfacesAsTheDotNetException()
    {
        Assert.Throws<IndexOutOfRangeException>(() =>
            Jit.Run("[p0]\ni1 = getarrayitem_gc_i(p0, 3, descr=<Array Int64[]>)\nfinish(i1)", new long[3]));
    }

    [Test]
    public void StringsAreBuiltAndRead()
    {
        var result = Jit.Run("""
            [p0]
            i1 = strlen(p0)
            i2 = int_add(i1, 2)
            p3 = newstr(i2)
            strsetitem(p3, 0, 60)
            copystrcontent(p0, p3, 0, 1, i1)
            i4 = int_add(i1, 1)
            strsetitem(p3, i4, 62)
            i5 = strgetitem(p0, 1)
            finish(p3, i5)
            """, "abc");
        Assert.That(result.Values.GetRef(0), Is.EqualTo("<abc>"));
        Assert.That(result.Values.GetInt(1), Is.EqualTo('b'));
    }

    [Test]
    public void StaticInstanceAndDelegateCalls()
    {
        var reg = Jit.Registry();
        reg.AddConst("hi", "hi");
        var counter = new Counter { value = 10 };
        long callsBefore = Targets.Calls;
        var result = Jit.Run(reg, """
            [i0, p1, f2]
            i3 = call_i(i0, 2, 3, descr=<Call Targets.Add3>)
            f4 = call_f(f2, descr=<Call Targets.Half>)
            i5 = call_i(i3, descr=<Call Targets.Narrow>)
            i6 = call_i(p1, i5, descr=<Call Counter.AddTo>)
            i7 = call_pure_i(9, descr=<Call Square>)
            guard_no_exception() []
            p8 = call_r(ConstPtr(hi), ConstPtr(hi), descr=<Call Targets.Concat>)
            call_n(descr=<Call Targets.Count>)
            cond_call(0, descr=<Call Targets.Count>)
            cond_call(i0, descr=<Call Targets.Count>)
            finish(i3, f4, i5, i6, i7, p8)
            """, 1L, counter, 5.0);
        Assert.That(result.Values.ToBoxedArray(),
            Is.EqualTo(new object[] { Targets.Add3(1, 2, 3), Targets.Half(5.0), (long)Targets.Narrow(6), 22L, 81L, "hihi" }));
        Assert.That(counter.value, Is.EqualTo(22));
        Assert.That(Targets.Calls - callsBefore, Is.EqualTo(2), "call_n once, cond_call only when the condition is true");
    }

    [Test]
    public void CondCallValueCallsOnlyForZero()
    {
        const string text = "[i0]\ni1 = cond_call_value_i(i0, 12, 0, 0, descr=<Call Targets.Add3>)\nguard_no_exception() []\nfinish(i1)";
        Assert.That(Jit.Result(text, 5L), Is.EqualTo(5L));
        Assert.That(Jit.Result(text, 0L), Is.EqualTo(12L));
    }

    [Test]
    public void ExceptionsFromCallsAreSeenByExceptionGuards()
    {
        const string noExc = "[i0]\ni1 = call_i(i0, descr=<Call Targets.Checked>)\nguard_no_exception() [i0]\nfinish(i1)";
        Assert.That(Jit.Result(noExc, 4L), Is.EqualTo(40L));
        var failed = Jit.Run(noExc, -4L);
        Assert.That(failed.FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardNoException));
        Assert.That(failed.Values.GetInt(0), Is.EqualTo(-4));
        Assert.That(failed.Exception, Is.InstanceOf<Boom>().With.Message.EqualTo("negative: -4"));

        const string exc = "[i0]\ni1 = call_i(i0, descr=<Call Targets.Checked>)\np2 = guard_exception(descr=<Type Boom>) [i0]\nfinish(p2)";
        var caught = Jit.Run(exc, -1L);
        Assert.That(caught.IsFinish, Is.True);
        Assert.That(caught.Values.GetRef(0), Is.InstanceOf<Boom>());
        Assert.That(caught.Exception, Is.Null, "guard_exception consumed the exception");
        Assert.That(Jit.Run(exc, 1L).FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardException), "no exception: the guard fails");

        const string otherType = "[i0]\ni1 = call_i(i0, descr=<Call Targets.Checked>)\np2 = guard_exception(descr=<Type DivideByZeroException>) [i0]\nfinish(p2)";
        var wrong = Jit.Run(otherType, -1L);
        Assert.That(wrong.FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardException));
        Assert.That(wrong.Exception, Is.InstanceOf<Boom>());
    }

    [Test]
    public void DelegateExceptionsAreUnwrapped()
    {
        var failed = Jit.Run("[i0]\ni1 = call_i(i0, descr=<Call Square>)\nguard_no_exception() []\nfinish(i1)", long.MaxValue);
        Assert.That(failed.Exception, Is.InstanceOf<OverflowException>());
    }

    [Test]
    public void SaveAndRestoreExceptionInABridge()
    {
        var reg = Jit.Registry();
        var backend = Jit.NewBackend();
        var loop = Trace.Parse("[i0]\ni1 = call_i(i0, descr=<Call Targets.Checked>)\nguard_no_exception() [i0]\nfinish(i1)", reg);
        var token = backend.CompileLoop(loop, new LoopToken("L"));
        backend.CompileBridge(loop.Guards[0], Trace.Parse("[i0]\np1 = save_exception()\nfinish(p1)", reg));
        var frame = backend.Execute(token, JitValues.Of(-2L));
        Assert.That(frame.IsFinish, Is.True);
        Assert.That(frame.Values.GetRef(0), Is.InstanceOf<Boom>());
        Assert.That(frame.Exception, Is.Null);
        var reraised = Jit.Run("[p0]\nrestore_exception(p0)\nguard_no_exception() []\nfinish()", new Boom("again"));
        Assert.That(reraised.Exception, Is.InstanceOf<Boom>().With.Message.EqualTo("again"));
    }

    [Test]
    public void UnguardedExceptionPropagates()
    {
        Assert.Throws<Boom>(() => Jit.Run("[i0]\ni1 = call_i(i0, descr=<Call Targets.Checked>)\nfinish(i1)", -1L));
    }

    [Test]
    public void ForcedFrameFailsGuardNotForced()
    {
        const string text = """
            [i0]
            p1 = force_token()
            i2 = call_may_force_i(p1, i0, descr=<Call Targets.ForceAndGet>)
            guard_not_forced() [i2]
            guard_no_exception() []
            finish(i2)
            """;
        Assert.That(Jit.Run(text, 1L).IsFinish, Is.True);
        var forced = Jit.Run(text, 3L);
        Assert.That(forced.FailedGuard!.OpCode, Is.EqualTo(OpCode.GuardNotForced));
        Assert.That(forced.Values.GetInt(0), Is.EqualTo(3));
    }

    [Test]
    public void HintsAndMarkersDoNothing()
    {
        var f = new Frame { count = 3 };
        var result = Jit.Run("""
            [p0]
            debug_merge_point(0, 17)
            quasiimmut_field(p0, descr=<Field Frame.count>)
            record_exact_class(p0, descr=<Type Frame>)
            p1 = force_token()
            p2 = virtual_ref_r(p0, p1)
            virtual_ref_finish(p2, null)
            keepalive(p0)
            p3 = same_as_r(p2)
            finish(p3)
            """, f);
        Assert.That(result.Values.GetRef(0), Is.SameAs(f));
        Assert.That(f.count, Is.EqualTo(3));
    }
}
