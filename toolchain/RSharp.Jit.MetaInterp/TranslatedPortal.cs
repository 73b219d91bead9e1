using RSharp.Hints;
using RSharp.Jit.Backend;
using RSharp.Jit.JitCodes.Serialization;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// The meta-interpreter of a translated interpreter's driver: made from the jitcodes the translator
/// embedded (<see cref="JitCodeImage"/>), with the driver's JIT parameters and virtualizable. The
/// translated app's launcher installs <see cref="Create"/> as <see cref="MergePoints.RunnerFactory"/>;
/// a hot loop in the native portal then hands its invocation over through <see cref="TryRunFromMergePoint"/>.
/// </summary>
public sealed class TranslatedPortal : IPortalRunner
{
    private readonly JitDriver _driver;
    private (int Loops, int Bridges, int Aborts, int Entries, int GuardFailures) _reported;
    private bool _running;

    private TranslatedPortal(JitDriver driver, MetaInterpreter mi)
    {
        _driver = driver;
        MetaInterpreter = mi;
    }

    /// <summary>The meta-interpreter that runs the handed-over invocations.</summary>
    public MetaInterpreter MetaInterpreter { get; }

    /// <summary>
    /// The runner of <paramref name="driver"/>, or null (the reason counted in <see cref="JitStatistics"/>)
    /// if no loaded assembly carries jitcodes or the portal cannot be entered from native code.
    /// </summary>
    public static IPortalRunner? Create(JitDriver driver, IJitBackend backend)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(backend);
        // The portal is running, so the assembly that carries its jitcodes is loaded.
        var carrier = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetManifestResourceInfo(JitCodeImage.ResourceName) is not null);
        if (carrier is null || JitCodeImage.Load(carrier) is not { } image)
        {
            JitStatistics.Refused("no jitcodes embedded");
            return null;
        }
        if (image.Roots.Count != 1)
        {
            JitStatistics.Refused($"{image.Roots.Count} portals in the jitcodes of {carrier.GetName().Name}");
            return null;
        }
        var mi = new MetaInterpreter(image.JitCodes[image.Roots[0]], driver.Greens.Count, backend, driver.Parameters)
        {
            VirtualizableRed = MetaInterpreter.VirtualizableRedOf(driver),
        };
        // The native interpreter bounds its own recursion for the stack its author chose; the
        // blackhole only stops when that stack runs low.
        mi.Blackhole.MaxDepth = int.MaxValue;
        if (mi.NativeEntryRefusal is { } why)
        {
            JitStatistics.Refused(why);
            return null;
        }
        JitStatistics.AddDetails(() => driver.Name + ": " + mi.Stats);
        return new TranslatedPortal(driver, mi);
    }

    /// <inheritdoc/>
    public bool TryRunFromMergePoint(object?[] mergePointArgs, out object? result)
    {
        result = null;
        // The meta-interpreter is single-threaded and not re-entrant (a residual call that runs the
        // native portal, which gets hot in turn): those invocations stay native.
        if (!Monitor.TryEnter(MetaInterpreter))
        {
            JitStatistics.Refused("meta-interpreter busy on another thread");
            return false;
        }
        try
        {
            if (_running)
            {
                JitStatistics.Refused("nested in a meta-interpreter run");
                return false;
            }
            _running = true;
            JitStatistics.Entries++;
            try
            {
                result = MetaInterpreter.RunFromMergePoint(mergePointArgs);
                return true;
            }
            finally
            {
                _running = false;
                Report();
            }
        }
        finally
        {
            Monitor.Exit(MetaInterpreter);
        }
    }

    /// <summary>Adds what this run changed to the process-wide counters.</summary>
    private void Report()
    {
        var s = MetaInterpreter.Stats;
        var now = (s.LoopsCompiled + s.EntriesCompiled, s.BridgesCompiled, s.AbortCount, s.Entries, s.GuardFailures);
        JitStatistics.LoopsCompiled += now.Item1 - _reported.Loops;
        JitStatistics.BridgesCompiled += now.BridgesCompiled - _reported.Bridges;
        JitStatistics.Aborts += now.Item3 - _reported.Aborts;
        JitStatistics.CompiledCodeEntries += now.Entries - _reported.Entries;
        JitStatistics.GuardFailures += now.GuardFailures - _reported.GuardFailures;
        _reported = now;
    }

    /// <inheritdoc/>
    public override string ToString() => $"<TranslatedPortal {_driver.Name}>";
}
