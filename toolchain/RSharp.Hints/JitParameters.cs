namespace RSharp.Hints;

/// <summary>
/// Run-time JIT parameters, with PyPy's names and defaults. Settable from code
/// (<see cref="Jit.SetParam"/>, <see cref="JitDriver.SetParam"/>) and from a PyPy-style
/// option string (<c>--jit threshold=200,off</c>, see <see cref="Apply"/>).
/// RPython: <c>rpython.rlib.jit.PARAMETERS</c> (PyPy's <c>--jit</c> option).
/// </summary>
public sealed class JitParameters
{
    /// <summary>The optimization passes, in pipeline order; <c>enable_opts=all</c> means all of them.</summary>
    public static readonly IReadOnlyList<string> AllOptimizations =
        ["intbounds", "rewrite", "virtualize", "string", "pure", "earlyforce", "heap", "unroll"];

    /// <summary>The parameters every new driver starts from.</summary>
    public static JitParameters Defaults { get; } = new();

    /// <summary>Number of times a loop must run before it is traced. Default 1039.</summary>
    public int Threshold { get; set; } = 1039;

    /// <summary>Number of times a function must be entered before it is traced from its start. Default 1619.</summary>
    public int FunctionThreshold { get; set; } = 1619;

    /// <summary>Number of failures of a guard before a bridge is traced from it. Default 200.</summary>
    public int TraceEagerness { get; set; } = 200;

    /// <summary>Maximum number of operations in one trace before tracing aborts. Default 6000.</summary>
    public int TraceLimit { get; set; } = 6000;

    /// <summary>Whether calls to other portal invocations (guest function calls) are inlined. Default on.</summary>
    public bool Inlining { get; set; } = true;

    /// <summary>How long (in counter-decay generations) an unused loop is kept. Default 1000.</summary>
    public int LoopLongevity { get; set; } = 1000;

    /// <summary>How many times a loop may be retraced with different preconditions. Default 0.</summary>
    public int RetraceLimit { get; set; } = 0;

    /// <summary>Maximum number of times a loop is unrolled while optimizing. Default 0.</summary>
    public int MaxUnrollLoops { get; set; } = 0;

    /// <summary>The enabled optimization passes.</summary>
    public IReadOnlyList<string> EnableOpts { get; set; } = AllOptimizations;

    /// <summary>False after <c>off</c>: the JIT never traces.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A copy of these parameters.</summary>
    public JitParameters Clone() => (JitParameters)MemberwiseClone();

    /// <summary>Sets one parameter by its PyPy name. Throws <see cref="FormatException"/> with a one-line message for an unknown name or a bad value. RPython: <c>jit.set_param</c>.</summary>
    public void Set(string name, string value)
    {
        switch (name)
        {
            case "threshold": Threshold = PositiveInt(name, value); break;
            case "function_threshold": FunctionThreshold = PositiveInt(name, value); break;
            case "trace_eagerness": TraceEagerness = PositiveInt(name, value); break;
            case "trace_limit": TraceLimit = PositiveInt(name, value); break;
            case "inlining": Inlining = Int(name, value) != 0; break;
            case "loop_longevity": LoopLongevity = PositiveInt(name, value); break;
            case "retrace_limit": RetraceLimit = Int(name, value); break;
            case "max_unroll_loops": MaxUnrollLoops = Int(name, value); break;
            case "enable_opts": EnableOpts = ParseOpts(value); break;
            case "off": Enabled = false; break;
            case "on": Enabled = true; break;
            default: throw new FormatException($"unknown JIT parameter '{name}' (known: {string.Join(", ", Names)})");
        }
    }

    /// <summary>The parameter names <see cref="Set"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["threshold", "function_threshold", "trace_eagerness", "trace_limit", "inlining", "loop_longevity",
         "retrace_limit", "max_unroll_loops", "enable_opts", "off", "on"];

    /// <summary>
    /// Applies a PyPy-style option string: comma-separated <c>name=value</c> items, plus the bare
    /// words <c>off</c> and <c>on</c>; <c>default</c> resets everything first.
    /// RPython: <c>jit.set_user_param</c>.
    /// </summary>
    public void Apply(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var raw in spec.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0) continue;
            int eq = item.IndexOf('=');
            if (eq < 0)
            {
                if (item == "default") { ResetToDefaults(); continue; }
                if (item is "off" or "on") { Set(item, ""); continue; }
                throw new FormatException($"JIT parameter '{item}' needs a value (write {item}=N)");
            }
            Set(item[..eq].Trim(), item[(eq + 1)..].Trim());
        }
    }

    internal static void SetEverywhere(Action<JitParameters> change)
    {
        change(Defaults);
        foreach (var d in JitDriver.All) change(d.Parameters);
    }

    private void ResetToDefaults()
    {
        var fresh = new JitParameters();
        Threshold = fresh.Threshold; FunctionThreshold = fresh.FunctionThreshold;
        TraceEagerness = fresh.TraceEagerness; TraceLimit = fresh.TraceLimit; Inlining = fresh.Inlining;
        LoopLongevity = fresh.LoopLongevity; RetraceLimit = fresh.RetraceLimit;
        MaxUnrollLoops = fresh.MaxUnrollLoops; EnableOpts = fresh.EnableOpts; Enabled = fresh.Enabled;
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int n)
            ? n : throw new FormatException($"JIT parameter '{name}' needs an integer, not '{value}'");

    private static int PositiveInt(string name, string value)
    {
        int n = Int(name, value);
        return n > 0 ? n : throw new FormatException($"JIT parameter '{name}' must be positive, not {n}");
    }

    private static IReadOnlyList<string> ParseOpts(string value)
    {
        if (value == "all") return AllOptimizations;
        var opts = value.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var o in opts)
            if (!AllOptimizations.Contains(o))
                throw new FormatException($"unknown optimization '{o}' in enable_opts (known: {string.Join(":", AllOptimizations)})");
        return opts;
    }
}
