using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Optimizer;
using RSharp.Jit.Traces;
using Frame = RSharp.Jit.JitCodes.BlackholeInterpreter.Frame;
using Result = RSharp.Jit.JitCodes.BlackholeInterpreter.Result;

namespace RSharp.Jit.MetaInterp;

public sealed partial class MetaInterpreter
{
    /// <summary>Traces a loop from the frame's jit_merge_point and compiles it (RPython's compile_loop).</summary>
    /// <param name="frame">The portal frame stopped at the merge point.</param>
    /// <param name="key">Its green key.</param>
    /// <param name="isEntry">
    /// A function entry (RPython's function_threshold): the trace may also end where the
    /// invocation returns or raises.
    /// </param>
    private TraceEnd TraceLoop(Frame frame, GreenKey key, bool isEntry)
    {
        Stats.TracesStarted++;
        int n = _traceCount++;
        var token = new TargetToken("Loop" + n.ToString(CultureInfo.InvariantCulture));
        // Made before tracing: a recursive call of this same entry becomes call_assembler of it.
        var loopToken = new LoopToken("Loop" + n.ToString(CultureInfo.InvariantCulture))
        {
            AssemblerHelper = AssemblerHelper,
            DoneWithThisFrame = DoneWithThisFrameDescr.Instance,
        };
        var tracer = new Tracer(this) { IsEntry = isEntry, SelfToken = loopToken };
        TraceEnd end;
        _tracing = true;
        try
        {
            try
            {
                tracer.StartLoop(frame, key, token);
            }
            catch (AbortTrace a)
            {
                return Aborted(key, a.Reason, [frame], a.Counts);
            }
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            end = tracer.Run();
            Stats.TracingTime += System.Diagnostics.Stopwatch.GetElapsedTime(t0);
            Stats.RecordedOperations += tracer.RecordedCount;
        }
        finally
        {
            _tracing = false;
        }
        if (end.Kind == TraceEndKind.Aborted) return Aborted(key, end.Reason!, end.Frames!, end.Counts);
        tracer.FinishResumeData();
        var trace = end.Trace!;
        var opts = Parameters.EnableOpts.AsEnumerable();
        // Entering another loop or leaving the portal: nothing to peel.
        if (end.Target is not null || end.Kind == TraceEndKind.Left) opts = opts.Where(o => o != "unroll");
        long c0 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (Optimize(trace, opts, key, isBridge: false) is not { } opt) return end;
        Backend.CompileLoop(opt.Trace, loopToken);
        Stats.CompileTime += System.Diagnostics.Stopwatch.GetElapsedTime(c0);
        Register(opt);
        var loop = new CompiledLoop(key, loopToken, token);
        _loops.Add(loop);
        _byToken[loopToken] = loop;
        WatchQuasiImmutables(tracer, loop);
        SetVableShape(loop, tracer.VableShape);
        if (isEntry) Stats.EntriesCompiled++;
        else Stats.LoopsCompiled++;
        Logged(new TraceLogEntry(false, key, trace, opt) { IsEntry = isEntry });
        return end;
    }

    private TraceEnd Aborted(GreenKey key, string reason, List<Frame> frames, bool counts = true)
    {
        Stats.Abort(reason);
        if (counts) _abortsAt[key] = _abortsAt.GetValueOrDefault(key) + 1;
        return new TraceEnd { Kind = TraceEndKind.Aborted, Reason = reason, Frames = frames };
    }

    /// <summary>Traces a bridge from a failed guard and attaches it (RPython's compile_trace for a guard).</summary>
    private TraceEnd TraceBridge(Operation guard, GuardResume resume, ResumeData data, object?[] values, Exception? pending, GreenKey loopKey)
    {
        Stats.TracesStarted++;
        var tracer = new Tracer(this);
        TraceEnd end;
        _tracing = true;
        try
        {
            (Exception, TraceValue)? first;
            try
            {
                first = tracer.StartBridge(guard, resume, data, values, pending);
            }
            catch (AbortTrace a)
            {
                Stats.Abort(a.Reason);
                var (frames, raised) = data.Rebuild(values, pending);
                _ = raised;
                return new TraceEnd { Kind = TraceEndKind.Aborted, Reason = a.Reason, Frames = frames, Raised = raised };
            }
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            end = tracer.Run(first);
            Stats.TracingTime += System.Diagnostics.Stopwatch.GetElapsedTime(t0);
            Stats.RecordedOperations += tracer.RecordedCount;
        }
        finally
        {
            _tracing = false;
        }
        if (end.Kind == TraceEndKind.Aborted)
        {
            Stats.Abort(end.Reason!);
            return end;
        }
        tracer.FinishResumeData();
        var trace = end.Trace!;
        long c0 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (Optimize(trace, Parameters.EnableOpts.Where(o => o != "unroll"), loopKey, isBridge: true) is { } opt)
        {
            Backend.CompileBridge(guard, opt.Trace);
            Stats.CompileTime += System.Diagnostics.Stopwatch.GetElapsedTime(c0);
            Register(opt);
            Stats.BridgesCompiled++;
            Logged(new TraceLogEntry(true, loopKey, trace, opt));
        }
        return end;
    }

    private OptimizedTrace? Optimize(Trace trace, IEnumerable<string> opts, GreenKey key, bool isBridge)
    {
        try
        {
            trace.Validate();
            return TraceOptimizer.Optimize(trace, opts);
        }
        catch (Exception e) when (e is InvalidLoopException or TraceValidationException)
        {
            Stats.Abort(e is InvalidLoopException ? "invalid loop" : "invalid trace: " + e.Message);
            if (!isBridge) _abortsAt[key] = _abortsAt.GetValueOrDefault(key) + 1;
            return null;
        }
    }

    private void Register(OptimizedTrace opt)
    {
        foreach (var (guard, resume) in opt.Resume)
            _guards[guard] = new GuardInfo(resume, (ResumeData)(guard.ResumeData ?? resume.Original.ResumeData!))
            {
                BridgeDone = guard.OpCode == OpCode.GuardNotInvalidated, // its loop is dead: no bridge
            };
    }

    private void Logged(TraceLogEntry entry)
    {
        _log.Add(entry);
        Logger?.Invoke(entry.ToString());
    }

    // ---------------------------------------------------------------- descriptors the tracer needs

    private readonly Dictionary<object, ConstRef> _constRefs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, TypeDescr> _types = new();
    private readonly Dictionary<Type, ArrayDescr> _arrays = new();
    private readonly Dictionary<string, CallDescr> _helpers = new();

    internal Const ConstRef(object? o)
    {
        if (o is null) return ConstNull.Instance;
        if (!_constRefs.TryGetValue(o, out var c))
        {
            var name = o is string s && s.Length <= 16 && s.All(char.IsLetterOrDigit) && s.Length > 0
                ? "\"" + s + "\"" : o.GetType().Name.Replace("`", "") + "#" + _constRefs.Count.ToString(CultureInfo.InvariantCulture);
            _constRefs[o] = c = new ConstRef(o, name);
        }
        return c;
    }

    internal TypeDescr TypeDescrOf(Type t)
    {
        if (!_types.TryGetValue(t, out var d)) _types[t] = d = new TypeDescr(t);
        return d;
    }

    internal ArrayDescr ArrayDescrOf(Type elementType)
    {
        if (!_arrays.TryGetValue(elementType, out var d)) _arrays[elementType] = d = new ArrayDescr(elementType);
        return d;
    }

    private CallDescr Cached(string key, Func<CallDescr> make)
    {
        if (!_helpers.TryGetValue(key, out var d)) _helpers[key] = d = make();
        return d;
    }

    private static string Safe(string s) => s.Replace(",", ";").Replace(")", "]").Replace("(", "[").Replace("`", "");

    /// <summary>An elidable call of a pure jitcode operation's own implementation.</summary>
    internal CallDescr PureCallDescr(InstructionDef def) => Cached("pure:" + def.Name, () =>
    {
        bool canRaise = def.Name.Contains("div", StringComparison.Ordinal) || def.Name.Contains("mod", StringComparison.Ordinal)
            || def.Name.Contains("ovf", StringComparison.Ordinal);
        return new CallDescr(def.Pure!, "op." + def.Name,
            canRaise ? new EffectInfo(EffectInfo.Extra.ElidableCanRaise) : EffectInfo.ElidableCannotRaise);
    });

    internal CallDescr Helper(string name) => Cached(name, () => name switch
    {
        "str_eq" => new CallDescr((Func<object?, object?, long>)((a, b) => string.Equals((string?)a, (string?)b) ? 1 : 0), "str_eq", EffectInfo.ElidableCannotRaise),
        _ => new CallDescr((Func<object?, object?, object?>)((a, b) => string.Concat((string?)a, (string?)b)), "str_concat", EffectInfo.CannotRaise),
    });

    internal CallDescr InstanceOfDescr(Type t) => Cached("instanceof:" + t.AssemblyQualifiedName,
        () => new CallDescr((Func<object?, long>)(o => t.IsInstanceOfType(o) ? 1 : 0), Safe("instanceof." + t.Name), EffectInfo.ElidableCannotRaise));

    internal CallDescr IsInstDescr(Type t) => Cached("isinst:" + t.AssemblyQualifiedName,
        () => new CallDescr((Func<object?, object?>)(o => t.IsInstanceOfType(o) ? o : null), Safe("isinst." + t.Name), EffectInfo.ElidableCannotRaise));

    internal CallDescr BoxDescr(Type t, char bank) => Cached("box" + bank + ":" + t.AssemblyQualifiedName, () => bank == 'i'
        ? new CallDescr((Func<long, object>)(v => BlackholeValues.FromInt(v, t)), Safe("box." + t.Name), EffectInfo.CannotRaise)
        : new CallDescr((Func<double, object>)(v => BlackholeValues.FromFloat(v, t)), Safe("box." + t.Name), EffectInfo.CannotRaise));

    /// <summary>
    /// struct_copy of a box of <paramref name="t"/>: not pure (the copy is then written), and it
    /// reads every field of the struct, so the heap pass performs pending writes to the source first.
    /// </summary>
    internal CallDescr StructCopyDescr(Type t) => Cached("struct_copy:" + t.AssemblyQualifiedName,
        () => new CallDescr((Func<object?, object?>)BlackholeInterpreter.CopyStruct, Safe("struct_copy." + t.Name),
            new EffectInfo(EffectInfo.Extra.CannotRaise,
                readFields: t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => new FieldDescr(f)))));

    /// <summary>new_delegate of one delegate type and method: a residual call making it (the tracer only records ones that cannot fail).</summary>
    internal CallDescr DelegateDescr(Type type, MethodInfo method, bool isVirtual) => Cached(
        "delegate:" + isVirtual + type.AssemblyQualifiedName + method.DeclaringType?.AssemblyQualifiedName + method,
        () => new CallDescr((Func<object?, object?>)(target => BlackholeInterpreter.MakeDelegate(type, method, isVirtual, target)),
            Safe("new_delegate." + method.Name), EffectInfo.CannotRaise));

    internal CallDescr UnboxDescr(char bank) => Cached("unbox" + bank, () => bank == 'i'
        ? new CallDescr((Func<object?, long>)BlackholeValues.ToInt, "unbox_i", EffectInfo.ElidableCannotRaise)
        : new CallDescr((Func<object?, double>)BlackholeValues.ToFloat, "unbox_f", EffectInfo.ElidableCannotRaise));

    internal CallDescr StaticGetter(StaticFieldDescr sd, char bank) => Cached("getstatic:" + sd.Field.DeclaringType?.AssemblyQualifiedName + sd.Field.Name, () =>
    {
        var f = sd.Field;
        Delegate d = bank switch
        {
            'i' => (Func<long>)(() => BlackholeValues.ToInt(f.GetValue(null))),
            'f' => (Func<double>)(() => BlackholeValues.ToFloat(f.GetValue(null))),
            _ => (Func<object?>)(() => f.GetValue(null)),
        };
        return new CallDescr(d, Safe("getstatic." + sd.Name), EffectInfo.CannotRaise);
    });

    internal CallDescr StaticSetter(StaticFieldDescr sd, char bank) => Cached("setstatic:" + sd.Field.DeclaringType?.AssemblyQualifiedName + sd.Field.Name, () =>
    {
        var f = sd.Field;
        Delegate d = bank switch
        {
            'i' => (Action<long>)(v => f.SetValue(null, BlackholeValues.FromInt(v, f.FieldType))),
            'f' => (Action<double>)(v => f.SetValue(null, BlackholeValues.FromFloat(v, f.FieldType))),
            _ => (Action<object?>)(v => f.SetValue(null, v)),
        };
        return new CallDescr(d, Safe("setstatic." + sd.Name), EffectInfo.CannotRaise);
    });

    /// <summary>The portal runner as a callable: register-form arguments (long, double, object) in the portal's order.</summary>
    internal CallDescr PortalCallDescr() => Cached("portal", () =>
        RegisterFormCall("portal_runner", Portal.Arguments.Select(a => a.Bank), RunNested));

    /// <summary>
    /// A residual call with register-form parameters of the given banks (long, double, object)
    /// and the portal's result, running <paramref name="run"/> on the packed arguments.
    /// </summary>
    private CallDescr RegisterFormCall(string name, IEnumerable<char> banks, Func<object?[], object?> run)
    {
        var ps = banks.Select(b => Expression.Parameter(b switch { 'i' => typeof(long), 'f' => typeof(double), _ => typeof(object) })).ToList();
        var call = Expression.Invoke(Expression.Constant(run),
            Expression.NewArrayInit(typeof(object), ps.Select(p => Expression.Convert(p, typeof(object)))));
        Type result = Portal.ResultBank switch { 'i' => typeof(long), 'f' => typeof(double), 'r' => typeof(object), _ => typeof(void) };
        Expression body = result == typeof(void) ? call : Expression.Convert(call, result);
        var type = result == typeof(void)
            ? Expression.GetActionType([.. ps.Select(p => p.Type)])
            : Expression.GetFuncType([.. ps.Select(p => p.Type), result]);
        return new CallDescr(Expression.Lambda(type, body, ps).Compile(), name, EffectInfo.Residual);
    }

    /// <summary>Runs a nested portal invocation from register-form arguments; the result in register form.</summary>
    private object? RunNested(object?[] regs)
    {
        var frame = BlackholeInterpreter.NewFrameFor(Portal);
        for (int k = 0; k < regs.Length; k++)
            ResumeData.Store(frame, Portal.Arguments[k].Bank, Portal.Arguments[k].Register, regs[k]);
        return RegisterForm(RunFrames([frame], null));
    }

    private object? RegisterForm(Result r) => Portal.ResultBank switch { 'i' => r.Int, 'f' => r.Float, 'r' => r.Ref, _ => null };

    /// <summary>A constructor as a callable: allocating (residual_new) or run on an existing object (a base constructor call).</summary>
    internal CallDescr CtorDescr(ConstructorDescr c, bool construct) => Cached((construct ? "new:" : "ctor:") + c.Constructor.DeclaringType?.AssemblyQualifiedName + c.Constructor, () =>
    {
        var ctor = c.Constructor;
        var ps = ctor.GetParameters().Select(p => Expression.Parameter(p.ParameterType)).ToList();
        LambdaExpression lambda;
        if (construct)
        {
            lambda = Expression.Lambda(Expression.GetFuncType([.. ps.Select(p => p.Type), typeof(object)]),
                Expression.Convert(Expression.New(ctor, ps), typeof(object)), ps);
        }
        else
        {
            var self = Expression.Parameter(typeof(object));
            var invoke = typeof(MethodBase).GetMethod(nameof(MethodBase.Invoke),
                [typeof(object), typeof(BindingFlags), typeof(Binder), typeof(object[]), typeof(CultureInfo)])!;
            var call = Expression.Call(Expression.Constant(ctor, typeof(ConstructorInfo)), invoke, self,
                Expression.Constant(BindingFlags.DoNotWrapExceptions), Expression.Constant(null, typeof(Binder)),
                Expression.NewArrayInit(typeof(object), ps.Select(p => Expression.Convert(p, typeof(object)))),
                Expression.Constant(null, typeof(CultureInfo)));
            lambda = Expression.Lambda(Expression.GetActionType([typeof(object), .. ps.Select(p => p.Type)]), call, [self, .. ps]);
        }
        return new CallDescr(lambda.Compile(), Safe((ctor.DeclaringType?.Name ?? "ctor") + (construct ? ".new" : ".ctor")), c.Effect);
    });
}
