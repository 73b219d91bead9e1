using System.Reflection;
using RSharp.Flow;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;
using Line = RSharp.Flow.Corpus.Line;
using Money = RSharp.Flow.Corpus.Money;

namespace RSharp.CodeWriter.Tests;

/// <summary>Addresses the flow corpus does not cover: element and field addresses passed to calls, static field addresses, write-back when the callee raises.</summary>
public static class AddressCorpus
{
    private static int s_counter;

    private static void Bump(ref int x, int by)
    {
        x += by;
        if (x > 1000) throw new InvalidOperationException("too big: " + x);
    }

    public static int ElementByRef(int[] a)
    {
        if (a == null || a.Length == 0) return -1;
        Bump(ref a[0], 5);
        Bump(ref a[a.Length - 1], 7);
        return a[0] + a[^1];
    }

    public static int WriteBackWhenRaising(int v)
    {
        var h = new Holder { Value = v };
        try
        {
            BumpOutside(h, v);
        }
        catch (InvalidOperationException)
        {
            return -h.Value;
        }
        return h.Value;
    }

    /// <summary>The call with the field address is inside the try: the write-back runs on both exits of the flattener's catch_exception.</summary>
    public static int WriteBackInsideTry(int v)
    {
        var h = new Holder { Value = v & 0xFFFF };
        var a = new[] { v & 0x3FF, 1 };
        try
        {
            Bump(ref a[0], v & 0x7FF);
            Bump(ref h.Value, v & 0x7FF);
        }
        catch (InvalidOperationException e)
        {
            return -h.Value - a[0] - e.Message.Length;
        }
        return h.Value + a[0];
    }

    /// <summary>ldelema checks the array and index when the address is taken, before the other arguments run.</summary>
    public static int AddressCheckedWhenTaken(int[] a)
    {
        var h = new Holder();
        try
        {
            Bump(ref a[3], Side(h));
        }
        catch (IndexOutOfRangeException) { return -100 - h.Value; }
        catch (NullReferenceException) { return -200 - h.Value; }
        return a[3] + h.Value;
    }

    private static int Side(Holder h)
    {
        h.Value += 7;
        return 1;
    }

    // Outside the try: the call with the field address is not in a protected region of this method.
    private static void BumpOutside(Holder h, int v) => Bump(ref h.Value, v & 0x7FF);

    public static int StaticFieldByRef(int v)
    {
        s_counter = 0;
        Bump(ref s_counter, v & 0xFF);
        Bump(ref s_counter, 1);
        return s_counter;
    }

    public static int NestedStructInArray(int x)
    {
        var lines = new Line[2];
        lines[1].B.X = x;
        lines[1].A.Scale(3);
        lines[1].B.Scale(2);
        ref var l = ref lines[1];
        l.A.Y = 4;
        return lines[1].Length2 + lines[0].Length2 + lines[1].B.X;
    }

    public static int RefLocalToField(int x)
    {
        var h = new Holder();
        ref int r = ref h.Value;
        r = x;
        r += 3;
        return h.Value;
    }

    public static long OutToArrayElement(string s)
    {
        var parsed = new int[2];
        bool ok = int.TryParse(s, out parsed[1]);
        return ok ? parsed[1] * 10L + 1 : parsed[1];
    }

    /// <summary>An unchecked store as PySharp's Interpreter.Put writes it: a plain setarrayitem.</summary>
    public static int UncheckedStore(int[] a)
    {
        if (a == null || a.Length == 0) return -1;
        System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a), a.Length - 1) = 42;
        System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(a), 0) += 1;
        return a[^1] * 100 + a[0];
    }

    private static readonly Money s_fee = new(250);

    /// <summary>Methods of a readonly struct in a static readonly field: called on its address, never written back.</summary>
    public static string ReadonlyStaticStruct(int a) => s_fee.ToString() + "/" + (s_fee + new Money(a)).ToString() + "/" + s_fee.GetHashCode();

    public static string NullableInStruct(int a)
    {
        var p = new Wrapper { N = a % 3 == 0 ? null : a };
        p.N ??= -1;
        return p.N.ToString() + "/" + p.N.GetValueOrDefault(9) + "/" + p.N.HasValue;
    }
}

public class Holder
{
    public int Value;
}

public struct Wrapper
{
    public int? N;
}

public class AddressTests
{
    private static readonly Lazy<FlowAssembly> s_flow = new(() => FlowAssembly.Load(typeof(AddressCorpus).Assembly.Location));

    public static IEnumerable<TestCaseData> Cases() =>
        typeof(AddressCorpus).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => new TestCaseData(m).SetName("AddressCorpus." + m.Name));

    [TestCaseSource(nameof(Cases))]
    public void BlackholeMatchesNative(MethodInfo method)
    {
        var set = CodeWriter.Build(s_flow.Value, method);
        var jitcode = set.JitCodes[set.Roots[0]];
        Assert.That(set.JitCodes.Values.SelectMany(JitCodeChecks.Check), Is.Empty);
        foreach (var args in Inputs.Tuples(method))
        {
            var nativeArgs = Inputs.Clone(args);
            var expected = Inputs.Outcome(() => method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, nativeArgs, null), nativeArgs);
            var bhArgs = Inputs.Clone(args);
            var actual = Inputs.Outcome(() => new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(jitcode, bhArgs), bhArgs);
            Assert.That(actual, Is.EqualTo(expected), string.Join(", ", args.Select(Inputs.Render)) + "\n" + jitcode.Dump());
        }
    }

    [Test]
    public void UncheckedStoreIsSetArrayItem()
    {
        var set = CodeWriter.Build(s_flow.Value, typeof(AddressCorpus).GetMethod(nameof(AddressCorpus.UncheckedStore))!);
        var root = set.JitCodes[set.Roots[0]];
        var names = JitCodeDecoder.Instructions(root).Select(i => i.Def.Name).ToList();
        Assert.That(names, Does.Contain("setarrayitem_i").And.Contain("getarrayitem_i"), root.Dump());
        Assert.That(names.Any(n => n.Contains("call", StringComparison.Ordinal)), Is.False, root.Dump());
    }

    /// <summary>Corpus functions with ref/out parameters as roots: the caller passes slots, whose final values must match the native by-ref results.</summary>
    public static IEnumerable<TestCaseData> ByRefCases() =>
        Corpus.Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && !t.IsGenericTypeDefinition)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsGenericMethodDefinition && m.GetParameters().Any(p => p.ParameterType.IsByRef))
            .Where(m => { try { _ = Inputs.Tuples(m, byRef: true); return true; } catch (NotSupportedException) { return false; } })
            .OrderBy(m => m.DeclaringType!.Name + "." + m.Name, StringComparer.Ordinal)
            .Select(m => new TestCaseData(m).SetName($"ByRef.{m.DeclaringType!.Name}.{m.Name}"));

    [TestCaseSource(nameof(ByRefCases))]
    public void ByRefRootMatchesNative(MethodInfo method)
    {
        var set = Corpus.Build(method).Set ?? throw new AssertionException("no jitcode: " + Corpus.Build(method).Error);
        var root = Corpus.RootOf(set);
        var ps = method.GetParameters();
        foreach (var args in Inputs.Tuples(method, byRef: true))
        {
            var nativeArgs = Inputs.Clone(args);
            var expected = Inputs.Outcome(() => method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, nativeArgs, null), nativeArgs);
            var bhArgs = Inputs.Clone(args);
            var passed = bhArgs.Select((a, k) => ps[k].ParameterType.IsByRef ? ToSlot(a, ps[k].ParameterType.GetElementType()!) : a).ToArray();
            var actual = Inputs.Outcome(() =>
            {
                try { return new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(root, passed); }
                finally
                {
                    for (int k = 0; k < ps.Length; k++)
                        if (passed[k] is Slot s) bhArgs[k] = FromSlot(s, ps[k].ParameterType.GetElementType()!);
                }
            }, bhArgs);
            Assert.That(actual, Is.EqualTo(expected), string.Join(", ", args.Select(Inputs.Render)) + "\n" + root.Dump());
        }
    }

    private static Slot ToSlot(object? v, Type t) => ValueKinds.Of(t) switch
    {
        ValueKind.Int => new Slot { I = BlackholeValues.ToInt(v) },
        ValueKind.Float => new Slot { F = BlackholeValues.ToFloat(v) },
        _ => new Slot { R = v },
    };

    private static object? FromSlot(Slot s, Type t) => ValueKinds.Of(t) switch
    {
        ValueKind.Int => BlackholeValues.FromInt(s.I, t),
        ValueKind.Float => BlackholeValues.FromFloat(s.F, t),
        _ => s.R,
    };
}
