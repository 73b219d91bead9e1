using RSharp.Jit.Optimizer;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>Counters of one meta-interpreter, for tests and logs.</summary>
public sealed class JitStats
{
    /// <summary>Traces started (loops and bridges).</summary>
    public int TracesStarted { get; internal set; }
    /// <summary>Loops compiled.</summary>
    public int LoopsCompiled { get; internal set; }
    /// <summary>Function entry traces compiled (RPython's function_threshold; they may end where the portal returns).</summary>
    public int EntriesCompiled { get; internal set; }
    /// <summary>Resumptions of compiled code entered by <c>call_assembler</c> that left through a failed guard.</summary>
    public int AssemblerGuardFailures { get; internal set; }
    /// <summary>Bridges compiled.</summary>
    public int BridgesCompiled { get; internal set; }
    /// <summary>Times compiled code was entered from the interpreter.</summary>
    public int Entries { get; internal set; }
    /// <summary>Guard failures that were resumed (in the blackhole or by tracing a bridge).</summary>
    public int GuardFailures { get; internal set; }
    /// <summary>Compiled code left through a <c>finish</c>.</summary>
    public int Finishes { get; internal set; }
    /// <summary>Compiled loops invalidated by a write to a quasi-immutable field they read.</summary>
    public int Invalidations { get; internal set; }
    /// <summary>Operations recorded by all traces, aborted ones included (with <see cref="TracingTime"/>: the tracing speed).</summary>
    public long RecordedOperations { get; internal set; }
    /// <summary>Time spent tracing (recording, including the concrete execution it does).</summary>
    public TimeSpan TracingTime { get; internal set; }
    /// <summary>Time spent optimizing and compiling traces.</summary>
    public TimeSpan CompileTime { get; internal set; }
    /// <summary>Time spent in compiled code.</summary>
    public TimeSpan CompiledCodeTime { get; internal set; }
    /// <summary>Aborted traces by reason.</summary>
    public Dictionary<string, int> Aborts { get; } = new();
    /// <summary>Total number of aborted traces.</summary>
    public int AbortCount => Aborts.Values.Sum();

    internal void Abort(string reason) => Aborts[reason] = Aborts.GetValueOrDefault(reason) + 1;

    /// <inheritdoc/>
    public override string ToString() =>
        $"traces={TracesStarted} loops={LoopsCompiled} function_entries={EntriesCompiled} bridges={BridgesCompiled} entries={Entries} guard_failures={GuardFailures} " +
        $"finishes={Finishes} invalidations={Invalidations} aborts=[{string.Join(", ", Aborts.Select(kv => kv.Key + ":" + kv.Value))}] " +
        $"recorded_ops={RecordedOperations} tracing={TracingTime.TotalMilliseconds:F0}ms compiling={CompileTime.TotalMilliseconds:F0}ms compiled_code={CompiledCodeTime.TotalMilliseconds:F0}ms";
}

/// <summary>One compiled trace: what was recorded and what the optimizer made of it.</summary>
public sealed class TraceLogEntry
{
    internal TraceLogEntry(bool isBridge, GreenKey key, Trace recorded, OptimizedTrace optimized)
    {
        IsBridge = isBridge;
        Key = key;
        Recorded = recorded;
        Optimized = optimized;
    }

    /// <summary>True for a bridge, false for a loop.</summary>
    public bool IsBridge { get; }
    /// <summary>True for a function entry trace (it starts at an invocation's first merge point).</summary>
    public bool IsEntry { get; init; }
    /// <summary>The green key the loop starts at (for a bridge: its loop's).</summary>
    public GreenKey Key { get; }
    /// <summary>The trace as recorded (printed before optimization).</summary>
    public Trace Recorded { get; }
    /// <summary>The optimized trace that was compiled.</summary>
    public OptimizedTrace Optimized { get; }

    /// <inheritdoc/>
    public override string ToString() => $"# {(IsBridge ? "bridge" : IsEntry ? "function entry" : "loop")} at {Key}\n{Optimized.Trace}";
}
