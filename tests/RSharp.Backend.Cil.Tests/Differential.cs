using System.Globalization;
using System.Text;
using RSharp.Backend.Interp;
using RSharp.Jit.Backend;
using RSharp.Jit.Tests;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil.Tests;

/// <summary>A loop (or finishing trace) plus bridges to attach: bridge b attaches to <c>Guard</c>, a guard of the loop or of an earlier bridge.</summary>
internal sealed record TraceSet(Trace Loop, List<(Operation Guard, Trace Bridge)> Bridges);

/// <summary>
/// Runs the same trace objects on the interp backend (the reference) and the CIL backend with
/// equal fresh inputs, and describes each outcome canonically: the exit (by position in the
/// traces), the exit values (floats bitwise), the pending exception, or the exception thrown,
/// and the state of the input objects afterwards.
/// </summary>
internal static class Differential
{
    public static (string Interp, string Cil) Run(TraceSet set, Func<object?[]> makeArgs) =>
        (Describe(new InterpBackend(), set, makeArgs()), Describe(new CilBackend(), set, makeArgs()));

    public static void AssertAgree(TraceSet set, Func<object?[]> makeArgs, string context)
    {
        var (interp, cil) = Run(set, makeArgs);
        Assert.That(cil, Is.EqualTo(interp), $"{context}\n{set.Loop}");
    }

    public static string Describe(IJitBackend backend, TraceSet set, object?[] args)
    {
        var ids = new Dictionary<Operation, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < set.Loop.Operations.Count; i++) ids[set.Loop.Operations[i]] = $"loop op {i}";
        for (int b = 0; b < set.Bridges.Count; b++)
            for (int i = 0; i < set.Bridges[b].Bridge.Operations.Count; i++) ids[set.Bridges[b].Bridge.Operations[i]] = $"bridge {b} op {i}";
        var text = new StringBuilder();
        try
        {
            var token = backend.CompileLoop(set.Loop, new LoopToken("Diff"));
            foreach (var (guard, bridge) in set.Bridges) backend.CompileBridge(guard, bridge);
            var frame = backend.Execute(token, JitValues.Of(args));
            text.Append(ids[frame.Exit]).Append(frame.IsFinish ? " finish [" : " failed [");
            for (int k = 0; k < frame.Values.Count; k++)
                text.Append(k == 0 ? "" : ", ").Append(frame.Values.Kinds[k]).Append(' ').Append(Canon(frame.Values.GetBoxed(k), args));
            text.Append(']');
            if (frame.Exception is { } e) text.Append(" pending ").Append(e.GetType().Name).Append(": ").Append(e.Message);
            if (!ReferenceEquals(frame.Loop, token)) text.Append(" wrong loop");
        }
        catch (Exception e)
        {
            // Ill-typed traces (a field of the wrong class): reflection says ArgumentException, castclass says
            // InvalidCastException. A correct trace never does this; both backends refuse it.
            text.Append("threw ").Append(e.GetType() == typeof(ArgumentException) || e is InvalidCastException ? "type mismatch" : e.GetType().Name);
        }
        for (int j = 0; j < args.Length; j++)
            if (args[j] is not null and not string and not long and not double) text.Append("\narg ").Append(j).Append(" after: ").Append(Canon(args[j], [], deep: true));
        return text.ToString();
    }

    /// <summary>A canonical text for a value: floats bitwise, inputs by position, objects by content.</summary>
    public static string Canon(object? v, object?[] args, bool deep = true)
    {
        for (int j = 0; j < args.Length; j++)
            if (v is not null && ReferenceEquals(v, args[j])) return $"arg{j}";
        switch (v)
        {
            case null: return "null";
            case long l: return l.ToString(CultureInfo.InvariantCulture);
            case double d: return "0x" + BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);
            case string s: return "\"" + s + "\"";
            case Exception e: return e.GetType().Name + ": " + e.Message;
            case Array a when deep:
                return v.GetType().Name + "{" + string.Join(", ", a.Cast<object?>().Select(x => Canon(x, args, deep: false))) + "}";
            case Frame f when deep:
                return $"Frame{{count={f.count}, total={Canon(f.total, args)}, narrow={f.narrow}, flag={f.flag}, item={Canon(f.item, args, false)}, next={Canon(f.next, args, false)}}}";
            default:
                if (v.GetType().IsPrimitive) return v.GetType().Name + " " + Convert.ToString(v, CultureInfo.InvariantCulture);
                return v.GetType().Name;
        }
    }
}
