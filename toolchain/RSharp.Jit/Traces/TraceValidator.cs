namespace RSharp.Jit.Traces;

/// <summary>Well-formedness rules for traces: SSA, kinds, arity, descriptors, shape.</summary>
internal static class TraceValidator
{
    public static void Validate(Trace trace)
    {
        var defined = new HashSet<TraceValue>(ReferenceEqualityComparer.Instance);
        foreach (var arg in trace.InputArgs)
            if (!defined.Add(arg)) Fail(-1, "input argument listed twice");
        var ops = trace.Operations;
        if (ops.Count == 0) Fail(-1, "empty trace (it must end with jump or finish)");
        var labels = new Dictionary<TargetToken, Operation>();
        foreach (var op in ops)
            if (op.OpCode == OpCode.Label && op.Descr is TargetToken t && !labels.TryAdd(t, op))
                Fail(ops.IndexOf(op), $"two labels with token {t.Name}");

        for (int i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            void Use(TraceValue v, string what)
            {
                if (v is Operation or InputArg && !defined.Contains(v))
                    Fail(i, $"{what} is not defined before {op.Info.Name}");
                if (v.Kind == ValueKind.Void) Fail(i, $"{what} of {op.Info.Name} has no value");
            }
            for (int a = 0; a < op.Args.Count; a++) Use(op.Args[a], $"argument {a}");
            if (op.FailArgs is { } failArgs)
                for (int a = 0; a < failArgs.Count; a++) Use(failArgs[a], $"fail-arg {a}");
            CheckSignature(op, i);
            if (op.Info.IsFinal != (i == ops.Count - 1))
                Fail(i, op.Info.IsFinal ? $"{op.Info.Name} before the end of the trace" : "the trace must end with jump or finish");
            if (op.OpCode == OpCode.Jump && op.Descr is TargetToken target && labels.TryGetValue(target, out var label))
                CheckSameKinds(op, label, i);
            if (op.Kind != ValueKind.Void && !defined.Add(op)) Fail(i, "operation appears twice");
        }
    }

    private static void CheckSameKinds(Operation jump, Operation label, int index)
    {
        if (jump.Args.Count != label.Args.Count)
            Fail(index, $"jump passes {jump.Args.Count} values to a label of {label.Args.Count}");
        for (int a = 0; a < jump.Args.Count; a++)
            if (jump.Args[a].Kind != label.Args[a].Kind)
                Fail(index, $"jump argument {a} is {jump.Args[a].Kind}, the label expects {label.Args[a].Kind}");
    }

    private static void CheckSignature(Operation op, int i)
    {
        var info = op.Info;
        if (info.Arity >= 0)
        {
            if (op.Args.Count != info.Arity) Fail(i, $"{info.Name} takes {info.Arity} arguments, not {op.Args.Count}");
            for (int a = 0; a < info.Arity; a++)
                if (info.ArgKinds[a] != ValueKind.Void && op.Args[a].Kind != info.ArgKinds[a])
                    Fail(i, $"argument {a} of {info.Name} must be {info.ArgKinds[a]}, not {op.Args[a].Kind}");
        }
        CheckDescr(op, i);
        switch (op.OpCode)
        {
            case OpCode.GuardValue:
                if (op.Args[0].Kind != op.Args[1].Kind) Fail(i, "guard_value compares values of different kinds");
                if (!op.Args[1].IsConstant) Fail(i, "guard_value's second argument must be a constant");
                break;
            case OpCode.Label:
                foreach (var a in op.Args)
                    if (a.IsConstant) Fail(i, "label arguments must be variables");
                break;
            case >= OpCode.GetfieldGcI and <= OpCode.GetfieldGcPureR:
                ExpectKind(i, op.Kind, ((FieldDescr)op.Descr!).FieldKind, "field");
                break;
            case OpCode.SetfieldGc:
                ExpectKind(i, op.Args[1].Kind, ((FieldDescr)op.Descr!).FieldKind, "field");
                break;
            case >= OpCode.GetarrayitemGcI and <= OpCode.GetarrayitemGcPureR:
                ExpectKind(i, op.Kind, ((ArrayDescr)op.Descr!).ElementKind, "array element");
                break;
            case OpCode.SetarrayitemGc:
                ExpectKind(i, op.Args[2].Kind, ((ArrayDescr)op.Descr!).ElementKind, "array element");
                break;
            case >= OpCode.CallI and <= OpCode.CallLoopinvariantN:
                CheckCall(op, i, 0);
                break;
            case OpCode.CondCall or OpCode.CondCallValueI or OpCode.CondCallValueR:
                if (op.Args.Count < 1) Fail(i, $"{op.Info.Name} needs a condition");
                ExpectKind(i, op.Args[0].Kind, op.OpCode == OpCode.CondCallValueR ? ValueKind.Ref : ValueKind.Int, "condition");
                CheckCall(op, i, 1);
                break;
            case OpCode.RecordKnownResult:
                if (op.Args.Count < 1) Fail(i, "record_known_result needs a result");
                ExpectKind(i, op.Args[0].Kind, ((CallDescr)op.Descr!).ResultKind, "result");
                CheckCall(op, i, 1);
                break;
        }
    }

    private static void CheckCall(Operation op, int i, int skip)
    {
        var call = (CallDescr)op.Descr!;
        if (op.Args.Count - skip != call.ArgKinds.Count)
            Fail(i, $"{call} takes {call.ArgKinds.Count} arguments, not {op.Args.Count - skip}");
        for (int a = 0; a < call.ArgKinds.Count; a++)
            ExpectKind(i, op.Args[a + skip].Kind, call.ArgKinds[a], $"argument {a}");
        // A void call op may discard a result; otherwise the kinds must agree.
        if (op.Kind != ValueKind.Void && op.OpCode != OpCode.CondCall) ExpectKind(i, op.Kind, call.ResultKind, "result");
    }

    private static void ExpectKind(int i, ValueKind actual, ValueKind expected, string what)
    {
        if (actual != expected) Fail(i, $"{what} is {expected}, the operation has {actual}");
    }

    private static void CheckDescr(Operation op, int i)
    {
        var d = op.Descr;
        bool ok = op.Info.Descr switch
        {
            DescrUse.None => d is null,
            DescrUse.Field => d is FieldDescr,
            DescrUse.Array => d is ArrayDescr,
            DescrUse.Type => d is TypeDescr,
            DescrUse.Call => d is CallDescr,
            DescrUse.Target => d is TargetToken,
            DescrUse.Loop => d is LoopToken,
            _ => true,
        };
        if (!ok)
            Fail(i, d is null ? $"{op.Info.Name} needs a {op.Info.Descr} descriptor" : $"{op.Info.Name} does not take descriptor {d}");
    }

    private static void Fail(int index, string message) =>
        throw new TraceValidationException(index >= 0 ? $"operation {index}: {message}" : message);
}
