using System.Reflection;
using System.Runtime.CompilerServices;
using RSharp.Hints;
using JitHints = RSharp.Hints.Jit;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// The hints that are residual calls of <see cref="JitHints"/> in jitcodes (the codewriter has no
/// instruction for them; the blackhole runs their .NET bodies): <c>WeAreJitted</c>,
/// <c>ConditionalCall</c> and <c>RecordKnownResult</c> (RPython's <c>we_are_jitted</c>,
/// <c>conditional_call</c>, <c>record_known_result</c>).
/// </summary>
internal sealed partial class Tracer
{
    /// <summary>Elidable calls whose result the trace knows (record_known_result): function, argument boxes, result.</summary>
    private readonly List<(MethodInfo Method, TraceValue[] Args, object? Value, TraceValue Result)> _knownResults = [];

    /// <summary>
    /// A residual call that is a hint, or an elidable call whose result a <c>RecordKnownResult</c>
    /// gave: traced here (true), with <paramref name="end"/> what the step returns.
    /// </summary>
    private bool HintCall(TraceFrame f, CallDescr call, TraceValue[] boxes, object?[] args,
        char resultBank, int resultReg, int after, out TraceEnd? end)
    {
        end = null;
        if (call.Delegate is not null) return false;
        if (call.Method.DeclaringType == typeof(JitHints))
        {
            switch (call.Method.Name)
            {
                case nameof(JitHints.WeAreJitted):
                    // True on the traced path, a constant: the branch on it folds.
                    f.Set(resultBank, resultReg, 1L, new ConstInt(1));
                    f.Pc = after;
                    return true;
                case nameof(JitHints.ConditionalCall):
                    end = ConditionalCall(f, call, boxes, args, after);
                    return true;
                case nameof(JitHints.RecordKnownResult):
                    RecordKnownResult(boxes, args);
                    f.Pc = after;
                    return true;
            }
            return false;
        }
        if (!call.Effect.IsElidable || resultReg < 0) return false;
        foreach (var (method, known, value, result) in _knownResults)
        {
            if (!method.Equals(call.Method) || known.Length != boxes.Length) continue;
            bool same = true;
            for (int k = 0; k < known.Length && same; k++)
                same = known[k] is Const c ? c.Equals(boxes[k]) : ReferenceEquals(known[k], boxes[k]);
            if (!same) continue;
            // Not called, as in compiled code: an elidable function's result is all that matters.
            f.Set(resultBank, resultReg, value, result);
            f.Pc = after;
            return true;
        }
        return false;
    }

    /// <summary>
    /// <c>ConditionalCall(cond, function, args)</c>: <c>cond_call(cond, args)</c> of the delegate's
    /// method (its target first, if bound), so the trace has no guard and no bridge for the rare case.
    /// </summary>
    private TraceEnd? ConditionalCall(TraceFrame f, CallDescr hint, TraceValue[] boxes, object?[] args, int after)
    {
        var function = (Delegate?)args[1];
        if (function is null) throw new AbortTrace("conditional call of a null function");
        // The function is part of the trace: a constant, else promoted (guard_value at this call's -live-).
        if (boxes[1] is not Const) Promote(f, boxes[1], ConstRef(function));
        var target = TargetDescr(function);
        var callArgs = new List<TraceValue>();
        if (function.Target is not null) callArgs.Add(ConstRef(function.Target));
        callArgs.AddRange(boxes.Skip(2));

        Exception? raised = null;
        try
        {
            hint.Method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, args, null);
        }
        catch (Exception e) when (e is not AbortTrace)
        {
            raised = e;
        }
        if (boxes[0] is ConstInt c)
        {
            // A constant condition: a plain call, or nothing.
            if (c.Value == 0) { f.Pc = after; return null; }
            return CallAndRecord(f, target, [.. callArgs], () => raised is null ? null : throw raised, 'v', -1, after, construct: false);
        }
        bool forced = VableBeforeCall(target.Effect, [.. callArgs]);
        Record(OpCode.CondCall, [boxes[0], .. callArgs], target);
        if (raised is not null)
        {
            var exBox = GuardAfterCall(OpCode.GuardException, [], _mi.TypeDescrOf(raised.GetType()), 'v', -1, null);
            Know(exBox, raised.GetType());
            if (forced) VableAfterCall();
            return Raise(raised, exBox);
        }
        if (target.Effect.CanRaise) GuardAfterCall(OpCode.GuardNoException, [], null, 'v', -1, null);
        GuardNotInvalidatedAfterCall(target.Effect, 'v', -1, null);
        if (forced) VableAfterCall();
        f.Pc = after;
        return null;
    }

    /// <summary>
    /// <c>RecordKnownResult(result, function, args)</c>: later elidable calls of the function on the
    /// same boxes take the result without being recorded, and the optimizer gets
    /// <c>record_known_result</c> for those that become the same only after optimization.
    /// </summary>
    private void RecordKnownResult(TraceValue[] boxes, object?[] args)
    {
        var function = (Delegate?)args[1];
        // Only a fixed function can be trusted; the hint is dropped otherwise.
        if (function is null || boxes[1] is not Const) return;
        var callArgs = new List<TraceValue>();
        if (function.Target is not null) callArgs.Add(ConstRef(function.Target));
        callArgs.AddRange(boxes.Skip(2));
        var target = TargetDescr(function);
        if (target.ResultKind != boxes[0].Kind) return;
        _knownResults.Add((function.Method, [.. callArgs], ToRegister(BankOf(boxes[0].Kind), args[0]), boxes[0]));
        Record(OpCode.RecordKnownResult, [boxes[0], .. callArgs], target);
    }

    /// <summary>A call descriptor for a delegate's method; its effects are unknown (as new_delegate's).</summary>
    private static CallDescr TargetDescr(Delegate function)
    {
        var m = function.Method;
        return new CallDescr(m, m.GetCustomAttribute<ElidableAttribute>() is not null ? new EffectInfo(EffectInfo.Extra.ElidableCanRaise) : EffectInfo.Residual,
            (m.DeclaringType?.Name + "." + m.Name).Replace("<", "_").Replace(">", "_"));
    }

    /// <summary>
    /// A static field where the C# compiler caches a delegate of a method group or a lambda
    /// (<c>&lt;&gt;O</c>, <c>&lt;&gt;c</c>): written once, when null, so a value read is a constant.
    /// </summary>
    private static bool IsDelegateCache(FieldInfo field, object? value) =>
        value is Delegate && field.IsStatic && field.Name.StartsWith('<')
        && field.DeclaringType?.IsDefined(typeof(CompilerGeneratedAttribute), false) == true;
}
