using RSharp.Samples.Tiny;

namespace Samples.Tiny.Tests;

/// <summary>Runs Tiny programs in-process with captured output.</summary>
internal static class TinyRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(string source, string fileName = "test.tiny")
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = Program.RunSource(source, fileName, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static Result RunArgs(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = Program.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a program that must succeed and returns its output lines.</summary>
    public static string[] Output(string source)
    {
        var r = Run(source);
        Assert.That(r.Stderr, Is.Empty, "unexpected error");
        Assert.That(r.ExitCode, Is.Zero);
        return r.Lines;
    }

    /// <summary>The value printed by <c>print expr;</c>.</summary>
    public static string Eval(string expression) => Output($"print {expression};").Single();

    /// <summary>The one-line error of a failing program.</summary>
    public static string Error(string source)
    {
        var r = Run(source);
        Assert.That(r.ExitCode, Is.EqualTo(1), "expected a Tiny error; stdout: " + r.Stdout);
        return r.Stderr.TrimEnd('\n');
    }

    /// <summary>The repository root: the folder holding RSharp.slnx above the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RSharp.slnx"))) return dir.FullName;
        throw new InvalidOperationException("RSharp.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string Example(string name) => Path.Combine(RepoRoot(), "samples", "tiny", "examples", name);
}
