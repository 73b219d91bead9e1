using System.Reflection;
using RSharp.Flow;
using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>The sample interpreters' assemblies and their portals' jitcodes.</summary>
internal static class Samples
{
    public static readonly Assembly Brainfuck = Assembly.Load("Brainfuck");
    public static readonly Assembly Tiny = Assembly.Load("Tiny");
    public const string BrainfuckPortal = "RSharp.Samples.Brainfuck.Interpreter::MainLoop";
    public const string TinyPortal = "RSharp.Samples.Tiny.Interpreter::Execute";

    private static readonly Lazy<JitCodeSet> s_bf = new(() => CodeWriter.Build(FlowAssembly.Load(Brainfuck.Location), BrainfuckPortal));
    private static readonly Lazy<JitCodeSet> s_tiny = new(() => CodeWriter.Build(FlowAssembly.Load(Tiny.Location), TinyPortal));

    public static JitCodeSet BrainfuckJitCodes() => s_bf.Value;
    public static JitCodeSet TinyJitCodes() => s_tiny.Value;

    /// <summary>The repository root (the folder holding RSharp.slnx).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RSharp.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("RSharp.slnx not found above " + AppContext.BaseDirectory);
    }
}
