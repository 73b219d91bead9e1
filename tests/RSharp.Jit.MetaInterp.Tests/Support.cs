using System.Reflection;
using RSharp.Backend.Cil;
using RSharp.Backend.Interp;
using RSharp.CodeWriter;
using RSharp.Flow;
using RSharp.Hints;
using RSharp.Jit.Backend;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>Builds the jitcodes of the JitSmall portals and runs them natively and under the meta-interpreter.</summary>
internal static class Support
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    public static readonly Assembly Small = typeof(JitSmall.Sum).Assembly;

    private static readonly string[] s_portals =
    [
        "JitSmall.Sum::Run", "JitSmall.Hash32::Run", "JitSmall.Unsigned::Run", "JitSmall.Branchy::Run",
        "JitSmall.ThreeWay::Run", "JitSmall.Floats::Run", "JitSmall.Checked::Run", "JitSmall.Promote::Run",
        "JitSmall.Elidables::Run", "JitSmall.Invariants::Run", "JitSmall.Residuals::Run", "JitSmall.Inlined::Run", "JitSmall.DeepGuard::Run",
        "JitSmall.Virtuals::Run", "JitSmall.Arrays::Run", "JitSmall.Strings::Run", "JitSmall.Exceptions::Run",
        "JitSmall.Escaping::Run", "JitSmall.LongBody::Run", "JitSmall.Machine::Run", "JitSmall.Recursive::Run", "JitSmall.UintFields::Run", "JitSmall.OutOfRange::Run",
    ];

    private static readonly Lazy<JitCodeSet> s_set = new(() => CodeWriter.CodeWriter.Build(FlowAssembly.Load(Small.Location), s_portals));

    public static JitCodeSet SmallJitCodes => s_set.Value;

    public static IJitBackend Backend(string name) => name == "cil" ? new CilBackend() : new InterpBackend();

    public static JitParameters Params(int threshold = 3, int eagerness = 2, int traceLimit = 6000, string? opts = null)
    {
        var p = new JitParameters { Threshold = threshold, TraceEagerness = eagerness, TraceLimit = traceLimit };
        if (opts is not null) p.Apply("enable_opts=" + opts);
        return p;
    }

    /// <summary>The green count of the (single) driver of the portal's class.</summary>
    public static int GreenCount(Type type) =>
        type.GetFields(Any).Where(f => f.FieldType == typeof(JitDriver)).Select(f => ((JitDriver)f.GetValue(null)!).Greens.Count).First();

    public static MetaInterpreter Create(string backend, Type type, string method, JitParameters? p = null)
    {
        var jitcode = SmallJitCodes.Get(type.FullName + "::" + method);
        var mi = new MetaInterpreter(jitcode, GreenCount(type), Backend(backend), p ?? Params());
        mi.Blackhole.PoisonDeadRegisters = true; // a register the resume data forgets then changes results
        return mi;
    }

    /// <summary>"returned V" or "raised Type: message", for differential comparisons.</summary>
    public static string Outcome(Func<object?> run)
    {
        try
        {
            var v = run();
            return "returned " + Format(v);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return "raised " + e.InnerException.GetType().Name + ": " + e.InnerException.Message;
        }
        catch (Exception e)
        {
            return "raised " + e.GetType().Name + ": " + e.Message;
        }
    }

    private static string Format(object? v) => v switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>Runs natively and under the meta-interpreter (fresh arguments each time) and asserts the same outcome.</summary>
    public static MetaInterpreter Differential(string backend, Type type, string method, Func<object?[]> args, JitParameters? p = null, int runs = 1)
    {
        var mi = Create(backend, type, method, p);
        var m = type.GetMethod(method, Any)!;
        for (int r = 0; r < runs; r++)
        {
            var native = Outcome(() => m.Invoke(null, args()));
            var jit = Outcome(() => mi.Run(args()));
            Assert.That(jit, Is.EqualTo(native), $"run {r}: {mi.Stats}\n{string.Join("\n", mi.Log)}");
        }
        TestContext.Out.WriteLine(mi.Stats);
        foreach (var e in mi.Log) TestContext.Out.WriteLine(e);
        return mi;
    }

    /// <summary>The operations of the loop proper: after the last label (the peeled loop when unrolled).</summary>
    public static List<Operation> LoopOps(Trace t)
    {
        int start = t.Operations.FindLastIndex(o => o.OpCode == OpCode.Label);
        return t.Operations.Skip(start + 1).ToList();
    }

    /// <summary>Counts operations by name (test_ajit's check_resops) in the loop proper of the first compiled loop.</summary>
    public static Dictionary<string, int> SimpleLoop(MetaInterpreter mi)
    {
        var loop = mi.Log.First(e => !e.IsBridge).Optimized.Trace;
        return LoopOps(loop).GroupBy(o => o.Info.Name).ToDictionary(g => g.Key, g => g.Count());
    }

    public static int Count(this Dictionary<string, int> ops, string name) => ops.GetValueOrDefault(name);

    public static int CountPrefix(this Dictionary<string, int> ops, string prefix) =>
        ops.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RSharp.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("RSharp.slnx not found above " + AppContext.BaseDirectory);
    }
}
