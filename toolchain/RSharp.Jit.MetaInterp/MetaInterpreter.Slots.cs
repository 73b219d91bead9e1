using System.Linq.Expressions;
using System.Reflection;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

public sealed partial class MetaInterpreter
{
    /// <summary>Whether a residual call may get addresses: by-ref parameters, or a struct method's receiver.</summary>
    internal static bool PassesSlots(CallDescr call, bool hasReceiver) =>
        (hasReceiver && call.Method.DeclaringType!.IsValueType) || call.ParameterTypes.Any(t => t.IsByRef);

    /// <summary>
    /// A residual call with address arguments as a callable on register-form values (long, double,
    /// object, in the call's argument order): the blackhole's copy-in/copy-out convention.
    /// </summary>
    internal CallDescr SlotCallDescr(CallDescr call, bool hasReceiver) => Cached("slots:" + call.Method.DeclaringType?.AssemblyQualifiedName + call.Method, () =>
    {
        var kinds = call.ArgKinds;
        var types = call.ParameterTypes;
        var ps = kinds.Select(k => Expression.Parameter(k switch { ValueKind.Int => typeof(long), ValueKind.Float => typeof(double), _ => typeof(object) })).ToList();
        char bank = call.ResultKind switch { ValueKind.Int => 'i', ValueKind.Float => 'f', ValueKind.Ref => 'r', _ => 'v' };
        Func<object?[], object?> invoke = regs =>
        {
            var args = new object?[types.Count];
            object? receiver = null;
            for (int k = 0; k < regs.Length; k++)
            {
                int a = hasReceiver ? k - 1 : k;
                var t = a < 0 ? call.Method.DeclaringType! : types[a];
                object? v = kinds[k] switch
                {
                    ValueKind.Int => BlackholeValues.FromInt((long)regs[k]!, t),
                    ValueKind.Float => BlackholeValues.FromFloat((double)regs[k]!, t),
                    _ => regs[k],
                };
                if (a < 0) receiver = v;
                else args[a] = v;
            }
            var r = BlackholeInterpreter.InvokeResidualWithSlots(call, types, args, receiver, construct: false);
            return bank switch { 'i' => BlackholeValues.ToInt(r), 'f' => BlackholeValues.ToFloat(r), _ => r };
        };
        Expression body = Expression.Invoke(Expression.Constant(invoke),
            Expression.NewArrayInit(typeof(object), ps.Select(p => Expression.Convert(p, typeof(object)))));
        Type result = bank switch { 'i' => typeof(long), 'f' => typeof(double), 'r' => typeof(object), _ => typeof(void) };
        var type = result == typeof(void)
            ? Expression.GetActionType([.. ps.Select(p => p.Type)])
            : Expression.GetFuncType([.. ps.Select(p => p.Type), result]);
        if (result != typeof(object)) body = result == typeof(void) ? body : Expression.Convert(body, result);
        // The slots are mutable boxes that keep their identity while their contents change, so
        // the wrapper is neither pure (no CSE across calls) nor free of writes (copy-out): unless
        // the effect info names the slot fields, the call is opaque to the optimizer.
        return new CallDescr(Expression.Lambda(type, body, ps).Compile(), Safe("slots." + call.Method.DeclaringType?.Name + "." + call.Method.Name), EffectInfo.Residual);
    });
}
