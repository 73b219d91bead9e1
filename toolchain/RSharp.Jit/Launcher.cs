using System.Reflection;
using RSharp.Hints;

namespace RSharp.Jit;

/// <summary>
/// The entry point of a translated interpreter's launcher: applies the JIT options and runs
/// the interpreter's own <c>Main</c>.
/// </summary>
public static class Launcher
{
    /// <summary>
    /// Runs the entry point of <paramref name="assemblyName"/>. Leading <c>--jit SPEC</c> (or
    /// <c>--jit=SPEC</c>) options and the <c>RSHARP_JIT</c> environment variable set JIT parameters
    /// (PyPy's syntax, e.g. <c>threshold=200,off</c>); the remaining arguments go to the interpreter.
    /// </summary>
    public static int Run(string launcherName, string assemblyName, string[] args) =>
        Run(launcherName, assemblyName, args, null);

    /// <summary>
    /// As <see cref="Run(string, string, string[])"/>, with the meta-interpreter factory hot loops are
    /// handed to (<see cref="MergePoints.RunnerFactory"/>; null: loops are only counted).
    /// </summary>
    public static int Run(string launcherName, string assemblyName, string[] args, Func<JitDriver, IPortalRunner?>? runners)
    {
        var rest = new List<string>(args.Length);
        try
        {
            if (Environment.GetEnvironmentVariable("RSHARP_JIT") is { Length: > 0 } env)
                Hints.Jit.SetParams(env);
            int i = 0;
            for (; i < args.Length; i++)
            {
                if (args[i] == "--jit" && i + 1 < args.Length) Hints.Jit.SetParams(args[++i]);
                else if (args[i].StartsWith("--jit=", StringComparison.Ordinal)) Hints.Jit.SetParams(args[i]["--jit=".Length..]);
                else if (args[i] == "--jit") throw new FormatException("--jit needs a value, e.g. --jit threshold=200");
                else break;
            }
            for (; i < args.Length; i++) rest.Add(args[i]);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"{launcherName}: {e.Message}");
            return 2;
        }
        MergePoints.RunnerFactory = runners;
        if (Environment.GetEnvironmentVariable("RSHARP_JIT_STATS") == "1")
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Error.WriteLine(JitStatistics.Report());

        var entry = Assembly.Load(assemblyName).EntryPoint
            ?? throw new InvalidOperationException($"{assemblyName} has no entry point");
        object?[]? parameters = entry.GetParameters().Length == 0 ? null : [rest.ToArray()];
        object? result = entry.Invoke(null, BindingFlags.DoNotWrapExceptions, null, parameters, null);
        return result is int code ? code : Environment.ExitCode;
    }
}
