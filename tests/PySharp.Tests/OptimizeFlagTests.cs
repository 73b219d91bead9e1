using System.Diagnostics;
using PySharp.Interpreter;

namespace PySharp.Tests;

/// <summary>
/// -O and -OO (RunOptions.Optimize): assert statements vanish, __debug__ is False and
/// sys.flags.optimize reports the level, compared with the machine's CPython run with the same flag.
/// </summary>
public class OptimizeFlagTests
{
    private const string Program = """
        import sys
        assert False, "boom"
        print("after assert", __debug__, sys.flags.optimize)
        if __debug__:
            print("debug block")
        def f(x):
            assert x > 0, "negative"
            return x
        print(f(-1))
        """;

    private static string? CPython(string flag)
    {
        try
        {
            var psi = new ProcessStartInfo("python3", [flag, "-c", Program]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    [TestCase(1, "-O")]
    [TestCase(2, "-OO")]
    public void AssertsAreDroppedAsInCPython(int level, string flag)
    {
        var expected = CPython(flag);
        if (expected == null) Assert.Ignore("python3 is not installed");
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Engine.RunSource(Program, "<string>", new RunOptions { Stdout = stdout, Stderr = stderr, Stdin = new StringReader(""), Optimize = level });
        Assert.That(exit, Is.EqualTo(0), stderr.ToString());
        Assert.That(stdout.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void WithoutTheFlagAssertsRaise()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Engine.RunSource(Program, "<string>", new RunOptions { Stdout = stdout, Stderr = stderr, Stdin = new StringReader("") });
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.EndWith("AssertionError: boom\n"));
    }
}
