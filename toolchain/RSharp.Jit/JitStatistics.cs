using RSharp.Hints;

namespace RSharp.Jit;

/// <summary>
/// Process-wide JIT counters. Printed to stderr at exit when the environment variable
/// <c>RSHARP_JIT_STATS</c> is <c>1</c> (the launcher arranges it).
/// </summary>
public static class JitStatistics
{
    private static readonly List<string> s_drivers = [];

    /// <summary>Times a loop's counter reached the threshold (each would start tracing).</summary>
    public static long HotLoops;

    /// <summary>Loops compiled (none until the JIT core exists).</summary>
    public static long LoopsCompiled;

    internal static void Register(JitDriver driver)
    {
        lock (s_drivers) s_drivers.Add(driver.Name);
    }

    /// <summary>One line per counter, in a stable format for logs and tests.</summary>
    public static string Report()
    {
        string drivers;
        lock (s_drivers) drivers = string.Join(",", s_drivers);
        return $"jit-stats: drivers={drivers} hot_loops={HotLoops} loops_compiled={LoopsCompiled}";
    }
}
