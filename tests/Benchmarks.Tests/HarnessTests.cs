using System.Diagnostics;

namespace Benchmarks.Tests;

/// <summary>The benchmark harness checks itself: two tiny python3 programs, a missing and a failing command.</summary>
public class HarnessTests
{
    [Test]
    public void HarnessSelfTestPasses()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "RSharp.slnx"))) root = Path.GetDirectoryName(root)!;
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        psi.ArgumentList.Add(Path.Combine("benchmarks", "harness", "bench.py"));
        psi.ArgumentList.Add("--self-test");
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("python3 not found");
            return;
        }
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        Assert.That(p.WaitForExit(120_000), Is.True, "self-test timed out");
        Assert.That(p.ExitCode, Is.EqualTo(0), output);
    }
}
