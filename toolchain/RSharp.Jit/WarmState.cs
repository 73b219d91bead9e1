using System.Runtime.CompilerServices;
using RSharp.Hints;

namespace RSharp.Jit;

/// <summary>
/// The hooks a translated portal calls instead of the hint no-ops. See <see cref="WarmState"/>.
/// </summary>
public static partial class MergePoints { }

/// <summary>
/// Per-driver warm state: counts how often each guest location (green key) is reached and
/// decides when a loop is hot. A hot loop is counted in <see cref="JitStatistics"/> and, if the
/// launcher installed <see cref="MergePoints.RunnerFactory"/>, the driver's next merge point hands
/// its invocation over to the meta-interpreter (RPython's <c>maybe_compile_and_run</c>).
/// </summary>
/// <remarks>
/// Counters live in a fixed-size table indexed by a hash of the greens, so the hot path
/// allocates nothing and never compares keys (collisions only make a loop hot sooner, as in
/// RPython's jitcounter). Counters decay: every <see cref="DecayPeriod"/> ticks each is halved,
/// so locations that were warm long ago do not become hot by accumulation.
/// </remarks>
public sealed class WarmState
{
    internal const uint Seed = 2166136261;
    private const int TableBits = 12;
    private const int DecayPeriod = 1 << 20;

    private readonly ushort[] _counters = new ushort[1 << TableBits];
    private readonly JitDriver _driver;
    private int _ticksUntilDecay = DecayPeriod;

    private WarmState(JitDriver driver)
    {
        _driver = driver;
        GreenCount = driver.Greens.Count;
    }

    /// <summary>Number of leading merge point arguments that are greens.</summary>
    public int GreenCount { get; }

    /// <summary>The warm state of a driver, created on first use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WarmState Of(JitDriver driver) =>
        driver.RuntimeState as WarmState ?? Create(driver);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WarmState Create(JitDriver driver)
    {
        lock (driver)
        {
            if (driver.RuntimeState is not WarmState state)
            {
                state = new WarmState(driver);
                driver.RuntimeState = state;
                JitStatistics.Register(driver);
            }
            return state;
        }
    }

    /// <summary>A guest backward jump: tick the location's counter; a loop whose counter reaches the threshold is hot.</summary>
    public void OnCanEnterJit(uint greenHash)
    {
        var p = _driver.Parameters;
        if (--_ticksUntilDecay == 0)
            Decay();
        ref ushort counter = ref _counters[(int)(greenHash >> (32 - TableBits))];
        int next = counter + 1;
        if (next >= p.Threshold || next == ushort.MaxValue)
        {
            counter = 0;
            JitStatistics.HotLoops++;
            MergePoints.RequestEntry(this);
        }
        else
        {
            counter = (ushort)next;
        }
    }

    /// <summary>The next merge point of this driver hands its invocation over to the meta-interpreter.</summary>
    internal bool EntryPending;

    /// <summary>The factory gave no runner (or threw): this driver only counts.</summary>
    internal bool RunnerFailed;

    private IPortalRunner? _runner;

    /// <summary>The driver's meta-interpreter, created on first use by <see cref="MergePoints.RunnerFactory"/>.</summary>
    internal IPortalRunner? Runner(JitDriver driver)
    {
        if (_runner is not null || RunnerFailed) return _runner;
        try
        {
            _runner = MergePoints.RunnerFactory?.Invoke(driver);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            JitStatistics.Refused("no meta-interpreter: " + e.Message.Split('\n')[0].TrimEnd('\r'));
        }
        RunnerFailed = _runner is null;
        return _runner;
    }

    private void Decay()
    {
        _ticksUntilDecay = DecayPeriod;
        for (int i = 0; i < _counters.Length; i++)
            _counters[i] >>= 1;
    }

    /// <summary>
    /// Hash of one green without boxing: the value for value types, identity for references
    /// (strings too: a green string is one object for one guest location, and hashing its
    /// contents would cost its length on every backward jump).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash<T>(T value) =>
        typeof(T).IsValueType ? (uint)EqualityComparer<T>.Default.GetHashCode(value!) : (uint)RuntimeHelpers.GetHashCode(value);

    /// <summary>Folds one green's hash into the key (FNV-1a style, then a final avalanche in the index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Mix(uint h, uint v) => (h ^ v) * 16777619u ^ ((h ^ v) >> 15);
}
