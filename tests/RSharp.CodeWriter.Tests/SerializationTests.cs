using System.Diagnostics;
using System.Reflection;
using RSharp.Jit.JitCodes;
using RSharp.Jit.JitCodes.Serialization;
using RSharp.Jit.Traces;

namespace RSharp.CodeWriter.Tests;

/// <summary>
/// Jitcodes survive serialization: every jitcode of the corpus and the samples reads back with the
/// same listing and runs in the blackhole with the same results as the original; bad images fail
/// with one clear line.
/// </summary>
public class SerializationTests
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    private static JitCodeImage ImageOf(JitCodeSet set) => new(set.JitCodes, set.Roots, set.Residual);

    private static JitCodeImage RoundTrip(JitCodeSet set) => JitCodeImage.Read(JitCodeWriter.Write(ImageOf(set)));

    /// <summary>Same keys, same listings, same roots and residual table; inline calls point into the loaded graph.</summary>
    private static void AssertSameImage(JitCodeSet set, JitCodeImage loaded)
    {
        Assert.That(loaded.JitCodes.Keys.Order(StringComparer.Ordinal), Is.EqualTo(set.JitCodes.Keys.Order(StringComparer.Ordinal)));
        Assert.That(loaded.Roots, Is.EqualTo(set.Roots));
        Assert.That(loaded.Residual, Is.EquivalentTo(set.Residual));
        var loadedCodes = loaded.JitCodes.Values.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var (key, original) in set.JitCodes)
        {
            var copy = loaded.JitCodes[key];
            Assert.That(copy, Is.Not.SameAs(original));
            Assert.That(copy.Dump(), Is.EqualTo(original.Dump()), key);
            Assert.That(copy.ReturnType, Is.EqualTo(original.ReturnType), key);
            for (int d = 0; d < original.Descrs.Length; d++)
            {
                Assert.That(copy.Descrs[d].GetType(), Is.EqualTo(original.Descrs[d].GetType()));
                if (copy.Descrs[d] is JitCodeDescr jd) Assert.That(loadedCodes, Does.Contain(jd.JitCode), "inline call target outside the loaded image");
            }
        }
        // Descriptors shared between jitcodes stay shared.
        int Distinct(IEnumerable<JitCode> codes) => codes.SelectMany(j => j.Descrs).Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.That(Distinct(loaded.JitCodes.Values), Is.EqualTo(Distinct(set.JitCodes.Values)));
    }

    [TestCaseSource(typeof(DifferentialTests), nameof(DifferentialTests.Cases))]
    public void CorpusRoundTripsAndRunsTheSame(MethodInfo method)
    {
        var (set, error) = Corpus.Build(method);
        if (set is null) Assert.Ignore("not a jitcode root: " + error);
        var loaded = RoundTrip(set);
        AssertSameImage(set, loaded);
        var original = Corpus.RootOf(set);
        var copy = loaded.JitCodes[set.Roots[0]];
        foreach (var args in Inputs.Tuples(method))
        {
            var a = Inputs.Clone(args);
            var expected = Inputs.Outcome(() => new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(original, a), a);
            var b = Inputs.Clone(args);
            var actual = Inputs.Outcome(() => new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(copy, b), b);
            Assert.That(actual, Is.EqualTo(expected), "inputs: " + string.Join(", ", args.Select(Inputs.Render)));
        }
    }

    [TestCase("hello.b", "")]
    [TestCase("reverse.b", "stressed\n")]
    public void BrainfuckPortalRoundTripsAndRunsTheSame(string example, string input)
    {
        var set = Samples.BrainfuckJitCodes();
        var loaded = RoundTrip(set);
        AssertSameImage(set, loaded);
        var source = File.ReadAllText(Path.Combine(Samples.RepoRoot(), "samples", "brainfuck", "examples", example));
        Assert.That(RunBrainfuck(loaded.Get(Samples.BrainfuckPortal), source, input),
            Is.EqualTo(RunBrainfuck(set.Get(Samples.BrainfuckPortal), source, input)).And.Not.Empty);
    }

    /// <summary>The program's output when the portal jitcode runs in the blackhole with the real tape.</summary>
    internal static string RunBrainfuck(JitCode portal, string source, string input)
    {
        var interp = Samples.Brainfuck.GetType("RSharp.Samples.Brainfuck.Interpreter")!;
        var tapeType = Samples.Brainfuck.GetType("RSharp.Samples.Brainfuck.Tape")!;
        var parseArgs = new object?[] { source, null };
        var program = (string)interp.GetMethod("Parse", Any)!.Invoke(null, parseArgs)!;
        var output = new MemoryStream();
        var tape = Activator.CreateInstance(tapeType, Any, null, [new MemoryStream(System.Text.Encoding.ASCII.GetBytes(input)), output], null)!;
        string outcome = Inputs.Outcome(() => new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(portal, program, parseArgs[1], tape), []);
        tapeType.GetMethod("Flush", Any)!.Invoke(tape, null);
        return outcome + "|" + System.Text.Encoding.Latin1.GetString(output.ToArray());
    }

    [TestCase("hello.tiny")]
    [TestCase("fib.tiny")]
    public void TinyPortalRoundTripsAndRunsTheSame(string example)
    {
        var set = Samples.TinyJitCodes();
        var loaded = RoundTrip(set);
        AssertSameImage(set, loaded);
        var source = File.ReadAllText(Path.Combine(Samples.RepoRoot(), "samples", "tiny", "examples", example));
        Assert.That(RunTiny(loaded.Get(Samples.TinyPortal), source), Is.EqualTo(RunTiny(set.Get(Samples.TinyPortal), source)));
    }

    private static string RunTiny(JitCode portal, string source)
    {
        var compiler = Samples.Tiny.GetType("RSharp.Samples.Tiny.Compiler")!;
        var frameType = Samples.Tiny.GetType("RSharp.Samples.Tiny.Frame")!;
        var output = new StringWriter();
        var module = compiler.GetMethod("Compile", Any)!.Invoke(null, [source, output])!;
        var main = module.GetType().GetField("Main", Any)!.GetValue(module)!;
        var frame = Activator.CreateInstance(frameType, Any, null, [main, 0], null)!;
        string outcome = "";
        var thread = new Thread(() => outcome = Inputs.Outcome(
            () => new BlackholeInterpreter { PoisonDeadRegisters = true, MaxDepth = 100_000 }.Run(portal, main, frame), []), 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(output.ToString(), Is.Not.Empty);
        return (outcome.StartsWith("raised", StringComparison.Ordinal) ? "raised" : "ok") + "|" + output;
    }

    /// <summary>Size and load time of the samples' images (printed; loading must stay well under the interpreter's start-up).</summary>
    [Test]
    public void SampleImagesAreCompactAndLoadFast()
    {
        foreach (var (name, set) in new[] { ("brainfuck", Samples.BrainfuckJitCodes()), ("tiny", Samples.TinyJitCodes()) })
        {
            var bytes = JitCodeWriter.Write(ImageOf(set));
            JitCodeImage.Read(bytes);   // warm up the reader's own code
            var sw = Stopwatch.StartNew();
            const int runs = 20;
            for (int k = 0; k < runs; k++) JitCodeImage.Read(bytes);
            double ms = sw.Elapsed.TotalMilliseconds / runs;
            int codeBytes = set.JitCodes.Values.Sum(j => j.Code.Length);
            TestContext.Out.WriteLine($"{name}: {set.JitCodes.Count} jitcodes, {codeBytes} bytecode bytes, image {bytes.Length} bytes, load {ms:0.000} ms");
            Assert.That(bytes.Length, Is.LessThan(codeBytes * 4 + 4096), name);
            Assert.That(ms, Is.LessThan(50), name);
        }
    }

    private static byte[] BrainfuckBytes() => JitCodeWriter.Write(ImageOf(Samples.BrainfuckJitCodes()));

    private static void AssertOneLine(TestDelegate load, string fragment)
    {
        var e = Assert.Throws<JitCodeFormatException>(load)!;
        Assert.That(e.Message, Does.StartWith("jitcode image: ").And.Contain(fragment));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void BadImagesFailWithOneClearLine()
    {
        var good = BrainfuckBytes();
        AssertOneLine(() => JitCodeImage.Read(good[..(good.Length / 2)]), "truncated");
        AssertOneLine(() => JitCodeImage.Read(good[..10]), "bad magic");
        AssertOneLine(() => JitCodeImage.Read([]), "bad magic");
        var version = (byte[])good.Clone();
        version[4] = 99;
        AssertOneLine(() => JitCodeImage.Read(version), "format version 99, this runtime reads version 1");
        var isa = (byte[])good.Clone();
        isa[8] ^= 0xff;
        AssertOneLine(() => JitCodeImage.Read(isa), "another instruction set");
        var flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x5a;
        AssertOneLine(() => JitCodeImage.Read(flipped), "checksum");
    }

    /// <summary>Past the checksum (a corrupt image with a recomputed checksum), every byte flip fails cleanly or still loads.</summary>
    [Test]
    public void CorruptPayloadsFailCleanlyEvenWithAValidChecksum()
    {
        var good = BrainfuckBytes();
        int failures = 0;
        for (int pos = 20; pos < good.Length; pos += 7)
        {
            var bad = (byte[])good.Clone();
            bad[pos] ^= 0xa5;
            uint sum = Fnv(bad.AsSpan(20));
            BitConverter.TryWriteBytes(bad.AsSpan(16), sum);
            try { JitCodeImage.Read(bad); }
            catch (JitCodeFormatException e)
            {
                Assert.That(e.Message, Does.Not.Contain("\n"));
                failures++;
            }
        }
        TestContext.Out.WriteLine($"{failures} of {(good.Length - 20 + 6) / 7} flips rejected");
        Assert.That(failures, Is.GreaterThan(0));
    }

    private static uint Fnv(ReadOnlySpan<byte> data)
    {
        uint h = 2166136261;
        foreach (byte b in data) h = (h ^ b) * 16777619;
        return h;
    }

    private sealed class UnknownDescr() : Descr("mystery")
    {
        public override string TextKind => "Mystery";
    }

    private static JitCode Handmade(string name, object?[] refs, Descr[] descrs)
    {
        var j = new JitCode(name);
        var ret = InstructionSet.Lookup("void_return/")!;
        j.SetCode([(byte)ret.Opcode, (byte)(ret.Opcode >> 8)], 0, 0, 0, [], refs, [], descrs, [], [], 'v', typeof(void));
        return j;
    }

    private static JitCodeImage Single(JitCode j) => new(new Dictionary<string, JitCode> { ["m"] = j }, ["m"]);

    [Test]
    public void UnknownDescriptorKindsAndConstantsAreNamed()
    {
        var e = Assert.Throws<NotSupportedException>(() => JitCodeWriter.Write(Single(Handmade("Odd::Descr()", [], [new UnknownDescr()]))))!;
        Assert.That(e.Message, Does.Contain("Odd::Descr()").And.Contain("UnknownDescr"));
        e = Assert.Throws<NotSupportedException>(() => JitCodeWriter.Write(Single(Handmade("Odd::Const()", [new List<int>()], []))))!;
        Assert.That(e.Message, Does.Contain("Odd::Const()").And.Contain("System.Collections.Generic.List"));
        e = Assert.Throws<NotSupportedException>(() => JitCodeWriter.Write(Single(Handmade("Odd::Delegate()",
            [], [new CallDescr(new Func<int>(() => 1), "lambda")]))))!;
        Assert.That(e.Message, Does.Contain("delegate"));
    }

    private enum Color : ulong { Red = 1, Big = ulong.MaxValue }

    [Test]
    public void ConstantsGenericsAndArrayMembersRoundTrip()
    {
        object?[] refs = [null, "text", typeof(Dictionary<string, List<int>[]>), 42, (byte)7, 'x', true, -1L, 2.5f, -0.0, Color.Big, DayOfWeek.Friday, (nint)(-3), (nuint)5, typeof(int[,]), typeof(int).MakeByRefType()];
        var effect = new EffectInfo(EffectInfo.Extra.CanRaise,
            readFields: [new FieldDescr(typeof(Tuple<int, string>).GetField("m_Item1", Any)!, "T.Item1")],
            writeArrays: [new ArrayDescr(typeof(long))], canInvalidate: true);
        Descr[] descrs =
        [
            new CallDescr(typeof(List<int>).GetMethod("Add")!, effect),
            new CallDescr(typeof(Enumerable).GetMethod("Empty")!.MakeGenericMethod(typeof(string)), EffectInfo.ElidableCannotRaise),
            new CallDescr(typeof(int[,]).GetMethod("Get")!, name: "Matrix.Get"),
            new ConstructorDescr(typeof(Dictionary<string, int>).GetConstructor(Type.EmptyTypes)!, EffectInfo.CannotRaise),
            new StaticFieldDescr(typeof(string).GetField("Empty")!),
            new TypeDescr(typeof(List<string>.Enumerator)),
            new ArrayDescr(typeof(int[]), "jagged", isImmutable: true),
            new SwitchDescr("sw", new Dictionary<long, int> { [5] = 2, [-1] = 0, [long.MinValue] = 2 }),
            new MergePointDescr("jit_merge_point", "irf"),
            new ReasonDescr("cannot, model (this)"),
        ];
        var original = Handmade("Hand::Made()", refs, descrs);
        var loaded = JitCodeImage.Read(JitCodeWriter.Write(Single(original))).JitCodes["m"];
        Assert.That(loaded.Dump(), Is.EqualTo(original.Dump()));
        Assert.That(loaded.ConstRefs, Is.EqualTo(refs));
        Assert.That(loaded.ConstRefs.Select(r => r?.GetType()), Is.EqualTo(refs.Select(r => r?.GetType())));
        var calls = loaded.Descrs.OfType<CallDescr>().ToList();
        Assert.That(calls.Select(c => c.Method), Is.EqualTo(descrs.OfType<CallDescr>().Select(c => c.Method)));
        Assert.That(calls[1].Effect, Is.SameAs(EffectInfo.ElidableCannotRaise));
        var e = calls[0].Effect;
        Assert.That((e.ExtraEffect, e.CanInvalidate, e.ReadFields.Single().Field, e.WriteArrays.Single().ElementType),
            Is.EqualTo((EffectInfo.Extra.CanRaise, true, typeof(Tuple<int, string>).GetField("m_Item1", Any), typeof(long))));
        Assert.That(loaded.Descrs.OfType<ConstructorDescr>().Single().Constructor, Is.EqualTo(descrs.OfType<ConstructorDescr>().Single().Constructor));
        Assert.That(loaded.Descrs.OfType<StaticFieldDescr>().Single().Field, Is.EqualTo(descrs.OfType<StaticFieldDescr>().Single().Field));
        Assert.That(((SwitchDescr)loaded.Descrs[7]).Targets, Is.EquivalentTo(((SwitchDescr)descrs[7]).Targets));
        Assert.That(((ArrayDescr)loaded.Descrs[6]).IsImmutable, Is.True);
    }

    [Test]
    public void MissingAssemblyIsOneLine()
    {
        var bytes = BrainfuckBytes();
        // The same image, resolved in a context that cannot see the Brainfuck assembly.
        var context = new System.Runtime.Loader.AssemblyLoadContext("empty", isCollectible: true);
        try
        {
            var loaded = JitCodeImage.Read(bytes, context);
            // The default context's assemblies are visible to every context: the process has Brainfuck loaded.
            Assert.That(loaded.Get(Samples.BrainfuckPortal).Dump(), Is.EqualTo(Samples.BrainfuckJitCodes().Get(Samples.BrainfuckPortal).Dump()));
        }
        finally { context.Unload(); }
        var renamed = BrainfuckBytes();
        // The string table entry "Brainfuck" (length 9), the assembly name.
        int at = renamed.AsSpan(20).IndexOf("\u0009Brainfuck"u8) + 20;
        Assert.That(at, Is.GreaterThan(20));
        "\u0009Brainfuxk"u8.CopyTo(renamed.AsSpan(at));
        BitConverter.TryWriteBytes(renamed.AsSpan(16), Fnv(renamed.AsSpan(20)));
        AssertOneLine(() => JitCodeImage.Read(renamed), "'Brainfuxk'");
    }
}
