using System.Text.RegularExpressions;

namespace RSharp.Translator.Tests;

/// <summary>
/// The BadHints interpreter has one hint mistake per class, each marked in its source by a
/// comment "expect RSxxxx" on the line the diagnostic must point at.
/// </summary>
public class DiagnosticTests
{
    private static readonly string Source = Path.Combine(Cli.RepoRoot, "tests", "TestInterpreters", "BadHints", "Mistakes.cs");

    private static List<(int Line, string Code)> ExpectedAtLines()
    {
        var expected = new List<(int, string)>();
        var lines = File.ReadAllLines(Source);
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Regex.Match(lines[i], @"//\s*expect((?:\s+RS\d{4})+)\s*$");
            if (!m.Success) continue;
            foreach (var code in m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                expected.Add((i + 1, code));
        }
        return expected;
    }

    [Test]
    public void EachMistakeYieldsItsDiagnosticAtItsLine()
    {
        var r = Cli.Rsharp("check", Path.Combine(AppContext.BaseDirectory, "BadHints.dll"));
        Assert.That(r.ExitCode, Is.EqualTo(1), r.Stderr);
        var pattern = new Regex(@"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning) (?<code>RS\d{4}): (?<msg>.+)$");
        var found = new List<(int, string)>();
        var withoutPosition = new List<string>();
        foreach (var line in r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.TrimStart().StartsWith("reached from: ", StringComparison.Ordinal)) continue;
            var m = pattern.Match(line.TrimEnd('\r'));
            if (m.Success)
            {
                Assert.That(m.Groups["path"].Value, Does.EndWith("Mistakes.cs"));
                Assert.That(m.Groups["severity"].Value, Is.EqualTo(m.Groups["code"].Value.StartsWith("RS2", StringComparison.Ordinal) ? "warning" : "error"), line);
                found.Add((int.Parse(m.Groups["line"].Value), m.Groups["code"].Value));
            }
            else
            {
                withoutPosition.Add(line.Trim());
            }
        }
        Assert.That(found, Is.EquivalentTo(ExpectedAtLines()), r.Stderr);
        Assert.That(withoutPosition, Is.EqualTo(new[]
        {
            "BadHints.NeverMerges.Driver: error RS1005: driver 'nevermerges' (BadHints.NeverMerges.Driver; greens: pc; reds: frame) has no JitMergePoint call",
            "BadHints.Frame: error RS1010: virtualizable class Frame names field 'registers', which it does not have",
            "BadHints.Frame: error RS1011: virtualizable field 'depth[*]' of Frame has type Int32, not an array ('[*]' marks an array whose items are virtualizable)",
            "BadHints.VirtualizableArray.Driver: error RS1013: virtualizable red 'frame' of driver 'virtualizablearray' has type Int32[], which is not a [Virtualizable] class",
        }));
    }

    [Test]
    public void MessagesNameTheDeclaredVariables()
    {
        var r = Cli.Rsharp("check", Path.Combine(AppContext.BaseDirectory, "BadHints.dll"));
        Assert.That(r.Stderr, Does.Contain("error RS1001: JitMergePoint passes 1 value but driver 'wrongcount'"));
        Assert.That(r.Stderr, Does.Contain("error RS1002: JitMergePoint argument 1 is 'position' but driver 'wrongname'"));
        Assert.That(r.Stderr, Does.Contain("declares green 'pc' there"));
        Assert.That(r.Stderr, Does.Contain("error RS1003: JitMergePoint argument 1 must be the local variable or parameter 'pc' (green), not an expression"));
        Assert.That(r.Stderr, Does.Contain("is outside its portal TwoPortals.Run"));
        Assert.That(r.Stderr, Does.Contain("error RS1007: elidable method ElidableWrites.Step writes field Counter.Count of an object it did not allocate"));
        Assert.That(r.Stderr, Does.Contain("reached from: BadHints.ElidableWrites.Run -> "));
        Assert.That(r.Stderr, Does.Contain("error RS1008: immutable field Point.X is written outside the constructors of its class"));
        Assert.That(r.Stderr, Does.Contain("error RS1009: Jit.Promote of a boxed Location: a fresh box is never a trace constant"));
        Assert.That(r.Stderr, Does.Contain("error RS1012: virtualizable array Frame.locals[*] is replaced in ReplacesLocals.Run"));
        Assert.That(r.Stderr, Does.Contain("warning RS2001: call to CallsALoop.Sum is residual: it has a loop and no [UnrollSafe]"));
        Assert.That(r.Stderr, Does.Not.Contain("CallsALoop.Bounded is residual"));
        Assert.That(r.Stderr, Does.Match(@"reached from: BadHints\.CallsALoop\.Run\r?\n"));
        Assert.That(r.Stdout, Does.Contain("1 warning(s)"));
    }

    [Test]
    public void WarningsFailTheCheckOnlyWithWarnAsError()
    {
        // PySharp's traced code calls looping helpers (string repr, dict probing): RS2001 warnings, no errors.
        var plain = Cli.Rsharp("check", "python");
        Assert.That(plain.ExitCode, Is.EqualTo(0), plain.Stderr);
        Assert.That(plain.Stderr, Does.Contain("warning RS2001: "));
        Assert.That(plain.Stderr, Does.Not.Contain("error"));
        var strict = Cli.Rsharp("check", "python", "--warnaserror");
        Assert.That(strict.ExitCode, Is.EqualTo(1), strict.Stderr);
    }

    [Test]
    public void TranslateRefusesAnInterpreterWithErrors()
    {
        var r = Cli.Rsharp("translate", Path.Combine(AppContext.BaseDirectory, "BadHints.dll"), "-o", Path.Combine(Path.GetTempPath(), "rsharp-never"));
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Stderr, Does.Contain("error RS1001"));
        Assert.That(Directory.Exists(Path.Combine(Path.GetTempPath(), "rsharp-never")), Is.False);
    }

    [TestCase("brainfuck")]
    [TestCase("tiny")]
    public void SamplesCheckClean(string language)
    {
        var r = Cli.Rsharp("check", language);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("0 error(s), 0 warning(s)"));
    }
}

/// <summary>Bad input gets one clear line on stderr and exit code 2, never a stack trace.</summary>
public class BadInputTests
{
    private static void AssertOneLine(Cli.Result r, string expected)
    {
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        var lines = r.Stderr.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1), r.Stderr);
        Assert.That(lines[0], Does.StartWith("rsharp: ").And.Contain(expected));
        Assert.That(r.Stderr, Does.Not.Contain("   at "));
    }

    /// <summary>Every command that takes an interpreter, with the arguments that get past option parsing.</summary>
    private static readonly object[][] Commands =
    [
        ["translate", Array.Empty<string>()],
        ["check", Array.Empty<string>()],
        ["graph", new[] { "--stats" }],
        ["graph", Array.Empty<string>()],
        ["jitcodes", Array.Empty<string>()],
    ];

    [TestCaseSource(nameof(Commands))]
    public void MissingPath(string command, string[] extra)
    {
        AssertOneLine(Cli.Rsharp([command, "no/such/interp.dll", .. extra]), "no such file or directory: no/such/interp.dll");
        AssertOneLine(Cli.Rsharp([command, "prog.b", .. extra]), "no such file or directory: prog.b");
    }

    [TestCaseSource(nameof(Commands))]
    public void TextFileIsNotAnAssembly(string command, string[] extra)
    {
        string file = Path.Combine(Path.GetTempPath(), "rsharp-test-not-an-assembly.dll");
        File.WriteAllText(file, "this is text, not a PE file");
        AssertOneLine(Cli.Rsharp([command, file, .. extra]), file + ": not a .NET assembly");
    }

    /// <summary>A native executable (the CLI's own app host) is a real binary with no .NET metadata.</summary>
    [TestCaseSource(nameof(Commands))]
    public void NativeBinaryIsNotAnAssembly(string command, string[] extra)
    {
        string native = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "rsharp.exe" : "rsharp");
        Assert.That(File.Exists(native), native);
        AssertOneLine(Cli.Rsharp([command, native, .. extra]), native + ": not a .NET assembly");
    }

    [TestCase("translate", "no JIT driver found")]
    [TestCase("check", "no JIT driver found")]
    [TestCase("jitcodes", "no portal (a method calling JitMergePoint)")]
    public void AssemblyWithoutDriver(string command, string expected) =>
        AssertOneLine(Cli.Rsharp(command, Path.Combine(AppContext.BaseDirectory, "RSharp.Hints.dll")), expected);

    [Test]
    public void SeveralDrivers() =>
        AssertOneLine(Cli.Rsharp("translate", Path.Combine(AppContext.BaseDirectory, "TwoDrivers.dll")),
            "several JIT drivers (first, second): choose one with --driver NAME");

    [Test]
    public void UnknownDriverName() =>
        AssertOneLine(Cli.Rsharp("translate", Path.Combine(AppContext.BaseDirectory, "TwoDrivers.dll"), "--driver", "third"),
            "no JIT driver named 'third' (found: first, second)");

    [TestCaseSource(nameof(Commands))]
    public void UnknownLanguage(string command, string[] extra) =>
        AssertOneLine(Cli.Rsharp([command, "cobol", .. extra]), "unknown language 'cobol' (known: ");

    [Test]
    public void DirectoryWithoutProject() =>
        AssertOneLine(Cli.Rsharp("translate", Path.Combine(Cli.RepoRoot, "docs")), "no rsharp.json and no .csproj");

    [Test]
    public void UnknownOption() =>
        AssertOneLine(Cli.Rsharp("translate", "brainfuck", "--frobnicate"), "'--frobnicate'");

    [Test]
    public void UsageErrorsPointAtTheCommandsHelp()
    {
        AssertOneLine(Cli.Rsharp("check"), "(see 'rsharp check --help')");
        AssertOneLine(Cli.Rsharp("frobnicate"), "(see 'rsharp --help')");
    }

    [TestCase("translate")]
    [TestCase("check")]
    [TestCase("graph")]
    [TestCase("jitcodes")]
    public void EveryCommandHasHelp(string command)
    {
        var r = Cli.Rsharp(command, "--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Stdout, Does.Contain("Usage:").And.Contain(command));
    }
}
