using RSharp.Hints;

namespace RSharp.Jit;

/// <summary>
/// Process-wide JIT counters. Printed to stderr at exit when the environment variable
/// <c>RSHARP_JIT_STATS</c> is <c>1</c> (the launcher arranges it).
/// </summary>
public static class JitStatistics
{
    private static readonly List<string> s_drivers = [];
    private static readonly Dictionary<string, long> s_refused = [];
    private static readonly List<Func<string>> s_details = [];

    /// <summary>Times a loop's counter reached the threshold in the native portal.</summary>
    public static long HotLoops;

    /// <summary>Portal invocations the native code handed over to the meta-interpreter.</summary>
    public static long Entries;

    /// <summary>Loops compiled (function entry traces included).</summary>
    public static long LoopsCompiled;

    /// <summary>Bridges compiled.</summary>
    public static long BridgesCompiled;

    /// <summary>Aborted traces.</summary>
    public static long Aborts;

    /// <summary>Times compiled code was entered (from the blackhole).</summary>
    public static long CompiledCodeEntries;

    /// <summary>Guard failures of compiled code.</summary>
    public static long GuardFailures;

    internal static void Register(JitDriver driver)
    {
        lock (s_drivers) s_drivers.Add(driver.Name);
    }

    /// <summary>Counts a hot loop whose invocation could not be handed over, by reason.</summary>
    public static void Refused(string reason)
    {
        lock (s_refused) s_refused[reason] = s_refused.GetValueOrDefault(reason) + 1;
    }

    /// <summary>Adds a source of detail lines (a meta-interpreter's own statistics) printed after the counters.</summary>
    public static void AddDetails(Func<string> details)
    {
        lock (s_details) s_details.Add(details);
    }

    /// <summary>One line of counters in a stable format for logs and tests, then any detail lines.</summary>
    public static string Report()
    {
        string drivers, refused;
        lock (s_drivers) drivers = string.Join(",", s_drivers);
        lock (s_refused) refused = string.Join(", ", s_refused.Select(kv => kv.Key + ":" + kv.Value));
        string line = $"jit-stats: drivers={drivers} hot_loops={HotLoops} loops_compiled={LoopsCompiled} " +
            $"bridges_compiled={BridgesCompiled} aborts={Aborts} entries={Entries} compiled_code_entries={CompiledCodeEntries} " +
            $"guard_failures={GuardFailures} refused=[{refused}]";
        lock (s_details)
            foreach (var d in s_details) line += Environment.NewLine + "jit-stats: " + d();
        return line;
    }
}
