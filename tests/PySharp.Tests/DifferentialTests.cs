using PySharp.Interpreter;

[assembly: Parallelizable(ParallelScope.Children)]
[assembly: LevelOfParallelism(2)]

namespace PySharp.Tests;

/// <summary>
/// Runs every program in tests/python in-process on PySharp and compares stdout byte for byte
/// with the CPython 3.11 output recorded next to it (name.out), plus the exit status (name.exit)
/// and, for failing programs, the traceback (name.err, 3.11's ^~ marker lines included).
/// </summary>
public sealed class DifferentialTests
{
    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "RSharp.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    internal static string ProgramsDir => Path.Combine(RepoRoot(), "tests", "python");

    private static Dictionary<string, string> KnownFailures()
    {
        var d = new Dictionary<string, string>();
        var f = Path.Combine(ProgramsDir, "known-failures.txt");
        if (!File.Exists(f)) return d;
        foreach (var raw in File.ReadAllLines(f))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            if (colon < 0) d[line] = "known failure";
            else d[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return d;
    }

    public static IEnumerable<TestCaseData> Programs()
    {
        var known = KnownFailures();
        foreach (var py in Directory.GetFiles(ProgramsDir, "*.py").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(py);
            if (name.StartsWith("mod_", StringComparison.Ordinal)) continue; // helper modules imported by tests
            if (!File.Exists(Path.ChangeExtension(py, ".out"))) continue;
            var tc = new TestCaseData(name).SetName(name);
            if (known.TryGetValue(name, out var reason)) tc.Ignore(reason);
            yield return tc;
        }
    }

    /// <summary>Runs a program the way the launcher does and captures its output.</summary>
    internal static (int exit, string stdout, string stderr) Run(string path, string? stdin = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var source = File.ReadAllText(path);
        int exit = Engine.RunSource(source, path, new RunOptions
        {
            Stdout = stdout,
            Stderr = stderr,
            Stdin = new StringReader(stdin ?? ""),
            Argv = [Path.GetFileName(path)],
            PathPrepend = [Path.GetDirectoryName(path)!],
            Timeout = TimeSpan.FromSeconds(30),
        });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [TestCaseSource(nameof(Programs))]
    public void MatchesCPython(string name)
    {
        var py = Path.Combine(ProgramsDir, name + ".py");
        var expected = File.ReadAllText(Path.ChangeExtension(py, ".out"));
        var exitFile = Path.ChangeExtension(py, ".exit");
        int expectedExit = File.Exists(exitFile) ? int.Parse(File.ReadAllText(exitFile).Trim()) : 0;
        var stdinFile = Path.ChangeExtension(py, ".in");
        var (exit, stdout, stderr) = Run(py, File.Exists(stdinFile) ? File.ReadAllText(stdinFile) : null);
        Assert.That(stdout, Is.EqualTo(expected), "stdout differs; stderr was:\n" + stderr);
        Assert.That(exit, Is.EqualTo(expectedExit), "exit status; stderr was:\n" + stderr);
        var errFile = Path.ChangeExtension(py, ".err");
        if (File.Exists(errFile))
            Assert.That(stderr.Replace(ProgramsDir + Path.DirectorySeparatorChar, "").TrimEnd('\n'), Is.EqualTo(File.ReadAllText(errFile).TrimEnd('\n')), "stderr (traceback) differs");
    }
}
