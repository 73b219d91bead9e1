namespace RSharp.Hints;

/// <summary>
/// Declares one tracing JIT for one interpreter loop (the <em>portal</em>): which of the
/// loop's live variables are <em>greens</em> (constant for one guest location, e.g. the
/// program counter and the code object) and which are <em>reds</em> (everything else
/// that is live, e.g. the frame). RPython: <c>rpython.rlib.jit.JitDriver</c>.
/// </summary>
/// <remarks>
/// Declare a driver as a <c>static readonly</c> field initialised with string literals,
/// so that the translator can read the declaration without running code:
/// <code>
/// static readonly JitDriver Driver = new(greens: ["pc", "program"], reds: ["frame"]);
/// </code>
/// Call <see cref="JitMergePoint{T1}"/> at the top of the dispatch loop, passing every live
/// variable by its declared name (greens first, then reds), and <c>CanEnterJit</c> where
/// the guest program jumps backwards. Untranslated, both calls do nothing.
/// </remarks>
public sealed partial class JitDriver
{
    private static readonly List<JitDriver> s_all = [];

    /// <summary>Declares a driver.</summary>
    /// <param name="greens">Names of the green variables, in merge point argument order.</param>
    /// <param name="reds">Names of the red variables, after the greens in merge point argument order.</param>
    /// <param name="virtualizables">Names of reds whose objects are virtualizable (their class carries
    /// <see cref="VirtualizableAttribute"/>). RPython: <c>virtualizables=[...]</c>.</param>
    /// <param name="name">A name for logs; defaults to "jitdriver".</param>
    public JitDriver(string[] greens, string[] reds, string[]? virtualizables = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(greens);
        ArgumentNullException.ThrowIfNull(reds);
        if (reds.Length == 0)
            throw new ArgumentException("a JitDriver needs at least one red variable", nameof(reds));
        Greens = greens;
        Reds = reds;
        Virtualizables = virtualizables ?? [];
        foreach (var v in Virtualizables)
            if (Array.IndexOf(reds, v) < 0)
                throw new ArgumentException($"virtualizable '{v}' is not one of the reds", nameof(virtualizables));
        Name = name ?? "jitdriver";
        Parameters = JitParameters.Defaults.Clone();
        lock (s_all) s_all.Add(this);
    }

    /// <summary>The green variables' names, in argument order.</summary>
    public IReadOnlyList<string> Greens { get; }

    /// <summary>The red variables' names, in argument order after the greens.</summary>
    public IReadOnlyList<string> Reds { get; }

    /// <summary>The reds that are virtualizable objects.</summary>
    public IReadOnlyList<string> Virtualizables { get; }

    /// <summary>The driver's name in logs.</summary>
    public string Name { get; }

    /// <summary>
    /// Describes a guest location for the JIT log: a delegate taking the greens (in order)
    /// and returning a string, e.g. <c>(Func&lt;int, string, string&gt;)((pc, program) =&gt; ...)</c>.
    /// RPython: <c>get_printable_location</c>.
    /// </summary>
    public Delegate? PrintableLocation { get; init; }

    /// <summary>This driver's run-time JIT parameters (see <see cref="JitParameters"/>).</summary>
    public JitParameters Parameters { get; }

    /// <summary>Every driver created so far in this process.</summary>
    public static IReadOnlyList<JitDriver> All
    {
        get { lock (s_all) return s_all.ToArray(); }
    }

    /// <summary>
    /// State owned by the JIT runtime of a translated interpreter (its warm state); always null
    /// untranslated. Interpreters must not touch it.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public object? RuntimeState { get; set; }

    /// <summary>Sets one JIT parameter of this driver. RPython: <c>set_param(driver, name, value)</c>.</summary>
    public void SetParam(string name, string value) => Parameters.Set(name, value);

    /// <summary>Renders the location of the given greens with <see cref="PrintableLocation"/>, or a generic form.</summary>
    public string DescribeLocation(params object?[] greens)
    {
        if (PrintableLocation is { } f)
            return f.DynamicInvoke(greens) as string ?? "";
        return Name + "(" + string.Join(", ", greens) + ")";
    }
}
