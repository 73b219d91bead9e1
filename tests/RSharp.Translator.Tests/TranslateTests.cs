using System.Reflection;
using RSharp.Jit.JitCodes;
using RSharp.Jit.JitCodes.Serialization;

namespace RSharp.Translator.Tests;

/// <summary>
/// Translates the samples into temporary folders and runs the launchers: the translated app must
/// print what the untranslated interpreter prints.
/// </summary>
[NonParallelizable]
public class TranslateTests
{
    private static readonly string Output = Path.Combine(Path.GetTempPath(), "rsharp-translate-tests-" + Environment.ProcessId);
    private static string Examples(string language) => Path.Combine(Cli.RepoRoot, "samples", language, "examples");

    private static string Translated(string language)
    {
        string launcher = Path.Combine(Output, language, language);
        if (!File.Exists(launcher))
        {
            var r = Cli.Rsharp("translate", language, "-o", Path.Combine(Output, language));
            Assert.That(r.ExitCode, Is.EqualTo(0), r.Stdout + r.Stderr);
            Assert.That(r.Stdout, Does.Match(@"translated " + language + @" -> .+ in \d+\.\d s"));
            foreach (var phase in new[] { "[resolve ]", "[load    ]", "[drivers ]", "[jitcodes]", "[rewrite ]", "[publish ]" })
                Assert.That(r.Stdout, Does.Contain(phase));
        }
        return launcher;
    }

    [OneTimeTearDown]
    public void Clean()
    {
        if (Directory.Exists(Output)) Directory.Delete(Output, true);
    }

    [Test]
    public void BrainfuckHello()
    {
        var r = Cli.Run(Translated("brainfuck"), [Path.Combine(Examples("brainfuck"), "hello.b")]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Is.EqualTo("Hello, World!\n"));
    }

    /// <summary>
    /// The translated Brainfuck assembly carries its jitcodes: loaded in-process, the portal runs in the
    /// blackhole and prints what the translated interpreter prints.
    /// </summary>
    [TestCase("hello.b", "")]
    [TestCase("reverse.b", "live on")]
    public void TranslatedBrainfuckCarriesItsJitCodes(string example, string stdin)
    {
        string launcher = Translated("brainfuck");
        string program = Path.Combine(Examples("brainfuck"), example);
        var expected = Cli.Run(launcher, [program], stdin);
        Assert.That(expected.ExitCode, Is.EqualTo(0), expected.Stderr);

        var context = new InterpreterContext(Path.GetDirectoryName(launcher)!);
        try
        {
            var assembly = context.LoadFromAssemblyName(new System.Reflection.AssemblyName("Brainfuck"));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var image = JitCodeImage.Load(assembly);
            double header = sw.Elapsed.TotalMilliseconds;
            Assert.That(image, Is.Not.Null, "no " + JitCodeImage.ResourceName + " resource");
            Assert.That(image!.IsDecoded, Is.False, "decoded on first use");
            TestContext.Out.WriteLine($"header {header:0.00} ms, decoded {image.JitCodes.Count} jitcodes at {sw.Elapsed.TotalMilliseconds:0.00} ms");
            Assert.That(image.IsDecoded, Is.True);
            Assert.That(assembly.GetManifestResourceNames(), Does.Contain(JitCodeImage.ResourceName));
            Assert.That(image.Roots, Has.Count.EqualTo(1));
            var portal = image.JitCodes[image.Roots[0]];
            Assert.That(portal.Name, Does.Contain("Interpreter::MainLoop"));
            Assert.That(portal.Dump(), Does.Contain("jit_merge_point"));

            const BindingFlags any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
            var interp = assembly.GetType("RSharp.Samples.Brainfuck.Interpreter")!;
            var tapeType = assembly.GetType("RSharp.Samples.Brainfuck.Tape")!;
            var parseArgs = new object?[] { File.ReadAllText(program), null };
            var code = (string)interp.GetMethod("Parse", any)!.Invoke(null, parseArgs)!;
            var output = new MemoryStream();
            var tape = Activator.CreateInstance(tapeType, any, null, [new MemoryStream(System.Text.Encoding.ASCII.GetBytes(stdin)), output], null)!;
            new BlackholeInterpreter { PoisonDeadRegisters = true }.Run(portal, code, parseArgs[1], tape);
            tapeType.GetMethod("Flush", any)!.Invoke(tape, null);
            Assert.That(System.Text.Encoding.Latin1.GetString(output.ToArray()), Is.EqualTo(expected.Stdout).And.Not.Empty);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads the translated interpreter's own assemblies from its folder; the runtime and the rest come from the test's context.</summary>
    private sealed class InterpreterContext(string folder) : System.Runtime.Loader.AssemblyLoadContext("translated", isCollectible: true)
    {
        protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName name) =>
            name.Name is "Brainfuck" ? LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
    }

    [Test]
    public void BrainfuckReadsStdin()
    {
        var r = Cli.Run(Translated("brainfuck"), [Path.Combine(Examples("brainfuck"), "reverse.b")], stdin: "live on");
        Assert.That(r.Stdout, Is.EqualTo("no evil"));
    }

    private static readonly Dictionary<string, string> Stats = new() { ["RSHARP_JIT_STATS"] = "1" };

    /// <summary>The counters of the stats line the launcher prints at exit.</summary>
    private static Dictionary<string, long> JitStats(string stderr)
    {
        var m = System.Text.RegularExpressions.Regex.Match(stderr, @"jit-stats: drivers=\S* ((?:\w+=\d+ )+)refused=\[(.*)\]");
        Assert.That(m.Success, "no jit-stats line in: " + stderr);
        return m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => long.Parse(kv[1]));
    }

    /// <summary>
    /// With the JIT on, a hot loop hands the portal invocation over to the meta-interpreter, which
    /// traces, compiles (CIL backend) and runs compiled code: the output is exactly that of <c>--jit off</c>.
    /// </summary>
    [TestCase("hello.b", "")]
    [TestCase("reverse.b", "stressed\n")]
    [TestCase("sum.b", "")]
    public void BrainfuckWithTheJitPrintsWhatJitOffPrints(string example, string stdin)
    {
        string program = Path.Combine(Examples("brainfuck"), example);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var off = Cli.Run(Translated("brainfuck"), ["--jit", "off", program], stdin, Stats);
        var offTime = sw.Elapsed;
        sw.Restart();
        var on = Cli.Run(Translated("brainfuck"), ["--jit", "threshold=3", program], stdin, Stats);
        TestContext.Out.WriteLine($"{example}: --jit off {offTime.TotalSeconds:0.00} s, --jit threshold=3 {sw.Elapsed.TotalSeconds:0.00} s");
        TestContext.Out.WriteLine(on.Stderr);
        Assert.That(off.ExitCode, Is.EqualTo(0), off.Stderr);
        Assert.That(on.ExitCode, Is.EqualTo(0), on.Stderr);
        Assert.That(on.Stdout, Is.EqualTo(off.Stdout).And.Not.Empty);
        var offStats = JitStats(off.Stderr);
        Assert.That(offStats["hot_loops"] + offStats["entries"] + offStats["loops_compiled"], Is.Zero, off.Stderr);
        var stats = JitStats(on.Stderr);
        Assert.That(stats["entries"], Is.GreaterThanOrEqualTo(1), on.Stderr);
        Assert.That(stats["loops_compiled"], Is.GreaterThanOrEqualTo(1), on.Stderr);
        Assert.That(stats["compiled_code_entries"], Is.GreaterThanOrEqualTo(1), on.Stderr);
        Assert.That(on.Stderr, Does.Contain("refused=[]"));
        if (example == "sum.b")
        {
            var k = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(program), @"K equal to (\d+)");
            long K = long.Parse(k.Groups[1].Value);
            Assert.That(on.Stdout, Is.EqualTo((K * K * (K + 1) / 2).ToString("D7") + "\n"));
        }
    }

    [Test]
    public void JitOffCountsNothing()
    {
        var r = Cli.Run(Translated("brainfuck"), ["--jit", "off", Path.Combine(Examples("brainfuck"), "hello.b")], env: Stats);
        Assert.That(r.Stdout, Is.EqualTo("Hello, World!\n"));
        Assert.That(r.Stderr, Does.Contain("hot_loops=0 loops_compiled=0 bridges_compiled=0 aborts=0 entries=0 compiled_code_entries=0"));
    }

    [Test]
    public void BadJitOptionIsOneLine()
    {
        var r = Cli.Run(Translated("brainfuck"), ["--jit", "threshold=x", "prog.b"]);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo("brainfuck: JIT parameter 'threshold' needs an integer, not 'x'"));
    }

    [Test]
    public void InterpreterErrorsAndExitCodesPassThrough()
    {
        var r = Cli.Run(Translated("brainfuck"), []);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("usage: brainfuck FILE"));
    }

    /// <summary>The driver lives in a library next to the entry assembly; the library is the one rewritten.</summary>
    [Test]
    public void DriverInAnotherAssemblyOfTheInterpreter()
    {
        string outDir = Path.Combine(Output, "split");
        var t = Cli.Rsharp("translate", Path.Combine(AppContext.BaseDirectory, "SplitEntry.dll"), "-o", outDir);
        Assert.That(t.ExitCode, Is.EqualTo(0), t.Stdout + t.Stderr);
        Assert.That(t.Stdout, Does.Contain("portal SplitLoop.Counter.Run in SplitLoop: 2 hint call(s) rewritten"));
        var r = Cli.Run(Path.Combine(outDir, "splitentry"), ["--jit", "threshold=10", "100000"],
            env: new Dictionary<string, string> { ["RSHARP_JIT_STATS"] = "1" });
        Assert.That(r.Stdout.Trim(), Is.EqualTo((100000L * 99999 / 2).ToString()));
        Assert.That(r.Stderr, Does.Match(@"drivers=split hot_loops=[1-9]\d*"));
    }

    /// <summary>Of several drivers, <c>--driver</c> picks the one whose portal is rewritten.</summary>
    [Test]
    public void DriverOptionChoosesAmongSeveral()
    {
        var t = Cli.Rsharp("translate", Path.Combine(AppContext.BaseDirectory, "TwoDrivers.dll"), "--driver", "second",
            "-o", Path.Combine(Output, "two-second"));
        Assert.That(t.ExitCode, Is.EqualTo(0), t.Stdout + t.Stderr);
        Assert.That(t.Stdout, Does.Contain("portal TwoDrivers.Second.Run in TwoDrivers: 1 hint call(s) rewritten"));
        Assert.That(t.Stdout, Does.Not.Contain("TwoDrivers.First.Run"));
        Assert.That(t.Stdout, Does.Match(@"translated twodrivers -> .+ in \d+\.\d s"));
    }

    /// <summary><c>--quiet</c> prints only errors: a clean translation prints nothing at all.</summary>
    [Test]
    public void QuietPrintsNothingWhenAllGoesWell()
    {
        string outDir = Path.Combine(Output, "two-quiet");
        var t = Cli.Rsharp("translate", Path.Combine(AppContext.BaseDirectory, "TwoDrivers.dll"), "--driver", "first", "-o", outDir, "--quiet");
        Assert.That(t.ExitCode, Is.EqualTo(0), t.Stdout + t.Stderr);
        Assert.That(t.Stdout, Is.Empty);
        Assert.That(t.Stderr, Is.Empty);
        Assert.That(File.Exists(Path.Combine(outDir, OperatingSystem.IsWindows() ? "twodrivers.exe" : "twodrivers")), "launcher written");
    }

    /// <summary>The translated PySharp prints what CPython 3.11 prints for the seed examples.</summary>
    [Test]
    public void PythonExamplesMatchCPython()
    {
        string launcher = Path.Combine(Output, "python", "pysharp");
        if (!File.Exists(launcher))
        {
            var t = Cli.Rsharp("translate", "python", "-o", Path.Combine(Output, "python"), "--quiet");
            Assert.That(t.ExitCode, Is.EqualTo(0), t.Stdout + t.Stderr);
        }
        // The translated app runs with the runtime settings the interpreter's author chose (GC, tiering).
        var untranslated = ConfigProperties(Path.Combine(Cli.RepoRoot, "languages", "python", "Launcher", "bin", "Release", "net10.0", "pysharp.runtimeconfig.json"));
        var translated = ConfigProperties(Path.Combine(Output, "python", "RSharp.Launcher.runtimeconfig.json"));
        Assert.That(untranslated, Is.Not.Empty);
        Assert.That(translated, Is.SupersetOf(untranslated));
        string examples = Path.Combine(Cli.RepoRoot, "samples", "python");
        foreach (var file in Directory.GetFiles(examples, "*.py").Order())
        {
            if (Path.GetFileName(file) == "harness.py") continue;   // prints its own timing
            Cli.Result expected;
            try
            {
                expected = Cli.Run("python3", [file]);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Ignore("python3 not found");
                return;
            }
            var actual = Cli.Run(launcher, [file]);
            Assert.That(actual.Stdout, Is.EqualTo(expected.Stdout), file);
            Assert.That(actual.ExitCode, Is.EqualTo(expected.ExitCode), file);
        }
    }

    private static Dictionary<string, string> ConfigProperties(string runtimeConfig) =>
        (System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(runtimeConfig))?["runtimeOptions"]?["configProperties"]?.AsObject()
            ?? throw new AssertionException("no configProperties in " + runtimeConfig))
        .ToDictionary(kv => kv.Key, kv => kv.Value?.ToJsonString() ?? "null");

    [Test]
    public void RuntimeSettingsAreCarriedIntoTheLauncherConfiguration()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rsharp-rc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string source = Path.Combine(dir, "source.json"), target = Path.Combine(dir, "target.json");
            File.WriteAllText(source, """{"runtimeOptions":{"configProperties":{"System.GC.Concurrent":false,"Custom.Setting":"x"}}}""");
            File.WriteAllText(target, """{"runtimeOptions":{"tfm":"net10.0","configProperties":{"System.GC.Concurrent":true,"System.Runtime.TieredPGO":true}}}""");
            RSharp.Translator.Publish.LauncherPublisher.CarryConfigProperties(source, target);
            Assert.That(ConfigProperties(target), Is.EqualTo(new Dictionary<string, string>
            {
                ["System.GC.Concurrent"] = "false", ["Custom.Setting"] = "\"x\"", ["System.Runtime.TieredPGO"] = "true",
            }));
            Assert.That(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(target))!["runtimeOptions"]!["tfm"]!.GetValue<string>(), Is.EqualTo("net10.0"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>
    /// Every Tiny example prints the same through the translated app, with the JIT off and on, as
    /// through the untranslated interpreter; with the JIT on, loops are compiled.
    /// </summary>
    [Test]
    public void TinyExamplesMatchUntranslated()
    {
        string launcher = Translated("tiny");
        string untranslated = Path.Combine(Cli.RepoRoot, "samples", "tiny", "bin", "Release", "net10.0", "Tiny.dll");
        foreach (var file in Directory.GetFiles(Examples("tiny"), "*.tiny").Order())
        {
            if (Path.GetFileName(file) == "loop.tiny") continue;   // prints timings
            var expected = Cli.Run("dotnet", [untranslated, file]);
            Assert.That(expected.Stdout, Is.Not.Empty, file);
            foreach (var jit in new[] { "off", "threshold=3" })
            {
                var actual = Cli.Run(launcher, ["--jit", jit, file], env: Stats);
                Assert.That(actual.ExitCode, Is.EqualTo(expected.ExitCode), file + " --jit " + jit + ": " + actual.Stderr);
                Assert.That(actual.Stdout, Is.EqualTo(expected.Stdout), file + " --jit " + jit);
                var stats = JitStats(actual.Stderr);
                TestContext.Out.WriteLine($"{Path.GetFileName(file)} --jit {jit}: {actual.Stderr.Trim()}");
                if (jit == "off" || Path.GetFileName(file) == "hello.tiny")   // hello has no loop
                    Assert.That(stats["entries"] + stats["loops_compiled"], Is.Zero, actual.Stderr);
                else
                    Assert.That(stats["loops_compiled"], Is.GreaterThanOrEqualTo(1), file + ": " + actual.Stderr);
            }
        }
    }

    /// <summary>
    /// Guest recursion in the meta-interpreter runs as deep as natively (compiled, with call_assembler,
    /// or in the blackhole), and a guest error raised 20,000 calls deep (Tiny's limit) in the
    /// blackhole leaves as it does natively.
    /// </summary>
    [TestCase("threshold=3", true)]
    [TestCase("threshold=3", false)]
    [TestCase("threshold=3,function_threshold=100000", true)]
    public void TinyDeepRecursionWithTheJit(string jit, bool warm)
    {
        string launcher = Translated("tiny");
        string file = Path.Combine(Output, "deep.tiny");
        string source = """
            fn down(n) {
                if n == 0 { return 0; }
                return down(n - 1) + 1;
            }
            let i = 0;
            let t = 0;
            while i < 30 {
                t = t + down(i * 10);
                i = i + 1;
            }
            print t;
            print down(19990);
            """;
        // Not warmed up: the loop does not call down, which first runs deep and fails.
        File.WriteAllText(file, warm ? source : source.Replace("t = t + down(i * 10);", "t = t + i * 10;").Replace("print down(19990);", "print down(25000);"));
        var off = Cli.Run(launcher, ["--jit", "off", file]);
        var on = Cli.Run(launcher, ["--jit", jit, file], env: Stats);
        Assert.That(off.Stdout, Is.EqualTo(warm ? "4350\n19990\n" : "4350\n"));
        Assert.That(off.ExitCode, Is.EqualTo(warm ? 0 : 1), off.Stderr);
        if (!warm) Assert.That(off.Stderr, Does.Contain("maximum recursion depth (20000) exceeded"));
        Assert.That(on.Stdout, Is.EqualTo(off.Stdout));
        Assert.That(on.ExitCode, Is.EqualTo(off.ExitCode), on.Stderr);
        Assert.That(on.Stderr, Does.StartWith(off.Stderr.TrimEnd()));
        Assert.That(JitStats(on.Stderr)["loops_compiled"], Is.GreaterThanOrEqualTo(1), on.Stderr);
    }
}
