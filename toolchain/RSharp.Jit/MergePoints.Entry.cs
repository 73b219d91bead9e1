using System.Runtime.CompilerServices;
using RSharp.Hints;

namespace RSharp.Jit;

/// <summary>
/// The meta-interpreter of one driver as the translated app's runtime sees it (this assembly does not
/// reference the meta-interpreter: the launcher installs <see cref="MergePoints.RunnerFactory"/>).
/// RPython: the portal runner that warmstate's <c>maybe_compile_and_run</c> hands an invocation to.
/// </summary>
public interface IPortalRunner
{
    /// <summary>
    /// Runs the rest of a portal invocation that native code stopped at its <c>jit_merge_point</c>,
    /// with the merge point's arguments (greens then reds, as declared): traces, compiles, runs
    /// compiled code and resumes in the blackhole until the invocation returns. Returns false and
    /// does nothing if this invocation cannot be handed over (the native portal then goes on).
    /// An exception the invocation raises propagates.
    /// </summary>
    bool TryRunFromMergePoint(object?[] mergePointArgs, out object? result);
}

public static partial class MergePoints
{
    // Set by a hot can_enter_jit; the rewritten merge point tests only this on its fast path.
    private static bool s_entryPending;

    [ThreadStatic] private static object? t_result;

    /// <summary>
    /// Creates the meta-interpreter of a driver when one of its loops first gets hot (null: the driver
    /// stays counting only). Unset, nothing is ever handed over (the warm state only counts).
    /// </summary>
    public static Func<JitDriver, IPortalRunner?>? RunnerFactory { get; set; }

    /// <summary>The result of the invocation the meta-interpreter just ran (see <see cref="EnterAtMergePoint{T1}"/>).</summary>
    public static TResult PortalResult<TResult>()
    {
        var r = t_result;
        t_result = null;
        return (TResult)r!;
    }

    /// <summary>A hot loop: the next merge point of this driver hands its invocation over.</summary>
    internal static void RequestEntry(WarmState state)
    {
        if (RunnerFactory is null || state.RunnerFailed) return;
        state.EntryPending = true;
        s_entryPending = true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool EnterSlow(JitDriver driver, object?[] args)
    {
        var state = WarmState.Of(driver);
        if (!state.EntryPending) return false;
        state.EntryPending = false;
        s_entryPending = false;
        if (!driver.Parameters.Enabled || state.Runner(driver) is not { } runner) return false;
        if (!runner.TryRunFromMergePoint(args, out var result)) return false;
        t_result = result;
        return true;
    }
}
