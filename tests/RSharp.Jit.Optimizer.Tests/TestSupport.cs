using System.Reflection;
using RSharp.Backend.Interp;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer.Tests;

/// <summary>An object with fields of every kind, for heap and virtual tests.</summary>
public sealed class Node
{
    public long value;
    public long other;
    public double weight;
    public object? item;
    public Node? next;
    public byte small;
    public readonly long fixedValue = 3;
}

/// <summary>A second class, for guard_class tests.</summary>
public sealed class Leaf { public long value; }

public sealed class Boom(string message) : Exception(message);

/// <summary>Call targets with known effects.</summary>
public static class Funcs
{
    public static long Add(long a, long b) => a + b;
    public static long Checked(long x) => x >= 0 ? x * 10 : throw new Boom($"negative: {x}");
    public static void Touch(Node n) => n.value++;
    public static long ReadOther(Node n) => n.other;
    public static void Opaque(Node n) { n.value += 100; n.other += 1000; }
    public static long Keep(Node? n) => n is null ? -1 : n.value;
    public static long Calls;
    public static long Counted(long x) { Calls++; return x * 2; }
}

/// <summary>Registry, optimizing text traces, comparing printed traces.</summary>
internal static class T
{
    public static DescrRegistry Registry()
    {
        var reg = new DescrRegistry();
        foreach (var f in new[] { "value", "other", "weight", "item", "next", "small", "fixedValue" })
            reg.AddField(typeof(Node), f);
        reg.AddField(typeof(Leaf), "value");
        reg.AddType(typeof(Node));
        reg.AddType(typeof(Leaf));
        reg.AddType(typeof(Boom));
        reg.AddArray(typeof(long));
        reg.AddArray(typeof(object));
        var value = (FieldDescr)reg.Lookup("Field", "Node.value")!;
        var other = (FieldDescr)reg.Lookup("Field", "Node.other")!;
        reg.AddCall(typeof(Funcs), "Add", EffectInfo.ElidableCannotRaise);
        reg.AddCall(typeof(Funcs), "Checked", new EffectInfo(EffectInfo.Extra.ElidableCanRaise));
        reg.AddCall(typeof(Funcs), "Touch", new EffectInfo(EffectInfo.Extra.CannotRaise, readFields: [value], writeFields: [value]));
        reg.AddCall(typeof(Funcs), "ReadOther", new EffectInfo(EffectInfo.Extra.CannotRaise, readFields: [other]));
        reg.AddCall(typeof(Funcs), "Opaque");
        reg.AddCall(typeof(Funcs), "Keep", new EffectInfo(EffectInfo.Extra.CannotRaise, readFields: [value]));
        reg.AddCall(typeof(Funcs), "Counted", EffectInfo.ElidableCannotRaise);
        reg.AddConst("hello", "hello");
        reg.AddConst("node7", new Node { value = 7 });
        return reg;
    }

    public static OptimizedTrace Optimize(DescrRegistry reg, string text, string opts = "all") =>
        TraceOptimizer.Optimize(Trace.Parse(text, reg), TraceOptimizer.ParseOpts(opts));

    /// <summary>The canonical text of a trace: parsed and printed (variables renumbered in order of definition).</summary>
    public static string Normalize(DescrRegistry reg, string text) => Trace.Parse(text, reg).ToString();

    /// <summary>Optimizes <paramref name="input"/> and compares with <paramref name="expected"/> modulo renumbering;
    /// then checks that both run alike on each input set.</summary>
    public static OptimizedTrace Check(string input, string expected, string opts = "all", params Func<object?[]>[] inputs)
    {
        var reg = Registry();
        var original = Trace.Parse(input, reg);
        var optimized = TraceOptimizer.Optimize(original, TraceOptimizer.ParseOpts(opts));
        Assert.That(optimized.Trace.ToString(), Is.EqualTo(Normalize(reg, expected)), "optimized trace");
        foreach (var make in inputs) Differential.AssertSame(original, optimized, make);
        return optimized;
    }
}

/// <summary>
/// Runs a trace and its optimized version on the interp backend with equal inputs and checks
/// that they end alike: the same exit (the optimized guard stands for the original's), the same
/// values (virtuals in fail-args materialized through the resume data), and the same heap
/// reachable from the inputs and results.
/// </summary>
internal static class Differential
{
    public static void AssertSame(Trace original, OptimizedTrace optimized, Func<object?[]> makeInputs)
    {
        var in1 = makeInputs();
        var in2 = makeInputs();
        var (frame1, ex1) = Run(original, in1);
        var (frame2, ex2) = Run(optimized.Trace, in2);
        if (ex1 is not null || ex2 is not null)
        {
            Assert.That(ex2?.GetType(), Is.EqualTo(ex1?.GetType()), $"exceptions differ: {ex1?.Message} / {ex2?.Message}");
            return;
        }
        Assert.That(frame2!.IsFinish, Is.EqualTo(frame1!.IsFinish), $"exits differ: {frame1} / {frame2}");
        object?[] values1 = frame1.Values.ToBoxedArray(), values2;
        if (frame1.IsFinish) values2 = frame2.Values.ToBoxedArray();
        else
        {
            var resume = optimized.Resume[frame2.Exit];
            Assert.That(resume.Original, Is.SameAs(frame1.Exit), "the failing guard stands for another guard of the original");
            values2 = resume.Materialize(frame2.Values);
        }
        var map = new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        var back = new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        Assert.That(values2.Length, Is.EqualTo(values1.Length), "number of values");
        for (int i = 0; i < values1.Length; i++)
            Assert.That(HeapSame(values1[i], values2[i], map, back), Is.True, $"value {i} differs: {Show(values1[i])} / {Show(values2[i])}");
        for (int i = 0; i < in1.Length; i++)
            Assert.That(HeapSame(in1[i], in2[i], map, back), Is.True, $"input {i} ends in another state");
        Assert.That(frame2.Exception?.GetType(), Is.EqualTo(frame1.Exception?.GetType()), "pending exception");
    }

    public static (DeadFrame? Frame, Exception? Error) Run(Trace trace, object?[] inputs)
    {
        var backend = new InterpBackend();
        try
        {
            var token = backend.CompileLoop(trace, new LoopToken("t"));
            return (backend.Execute(token, JitValues.Of(inputs)), null);
        }
        catch (Exception e) when (e is not AssertionException)
        {
            return (null, e);
        }
    }

    private static string Show(object? o) => o switch
    {
        null => "null",
        Node n => $"Node(value={n.value}, other={n.other}, next={(n.next is null ? "null" : "...")})",
        _ => o.ToString() ?? "?",
    };

    /// <summary>Structural equality of two object graphs that must correspond one to one.</summary>
    public static bool HeapSame(object? a, object? b, Dictionary<object, object> map, Dictionary<object, object> back)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.GetType() != b.GetType()) return false;
        if (a is double da) return BitConverter.DoubleToInt64Bits(da) == BitConverter.DoubleToInt64Bits((double)b);
        if (a.GetType().IsValueType || a is string) return a.Equals(b);
        if (map.TryGetValue(a, out var m)) return ReferenceEquals(m, b);
        if (back.ContainsKey(b)) return false;
        map[a] = b;
        back[b] = a;
        if (a is Exception) return true;
        if (a is Array arr)
        {
            var brr = (Array)b;
            if (arr.Length != brr.Length) return false;
            for (int i = 0; i < arr.Length; i++)
                if (!HeapSame(arr.GetValue(i), brr.GetValue(i), map, back)) return false;
            return true;
        }
        for (var t = a.GetType(); t is not null; t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (!HeapSame(f.GetValue(a), f.GetValue(b), map, back)) return false;
        return true;
    }
}
