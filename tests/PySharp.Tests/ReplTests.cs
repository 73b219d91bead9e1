using System.Diagnostics;

namespace PySharp.Tests;

/// <summary>
/// The launcher's interactive loop, driven through stdin with <c>-i</c>: results, prompts and
/// errors are what CPython 3.11's REPL prints for the same session (Repl/session.out and
/// session.err were made by <c>python3 -i &lt; session.in</c>, without its two banner lines).
/// </summary>
public class ReplTests
{
    private static string Dir => Path.Combine(DifferentialTests.RepoRoot(), "tests", "PySharp.Tests", "Repl");

    [Test]
    public void ASessionPrintsWhatCPythonPrints()
    {
        var launcher = Path.Combine(DifferentialTests.RepoRoot(), "languages", "python", "Launcher", "bin", "Release", "net10.0", "pysharp.dll");
        Assert.That(File.Exists(launcher), Is.True, "the launcher is built with the solution: " + launcher);
        var psi = new ProcessStartInfo("dotnet", [launcher, "-i"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(File.ReadAllText(Path.Combine(Dir, "session.in")));
        p.StandardInput.Close();
        Assert.That(p.WaitForExit(60_000), Is.True, "the REPL ends at end of input");
        Assert.That(p.ExitCode, Is.EqualTo(0));
        Assert.That(stdout.Result, Is.EqualTo(File.ReadAllText(Path.Combine(Dir, "session.out"))));
        var err = stderr.Result.Split('\n', 3);
        Assert.That(err[0], Does.StartWith("Python 3.11"), "banner");
        Assert.That(err[2], Is.EqualTo(File.ReadAllText(Path.Combine(Dir, "session.err"))));
    }
}
