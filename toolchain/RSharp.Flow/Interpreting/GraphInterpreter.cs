using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.Flow.Interpreting;

/// <summary>The interpreter itself failed (unsupported operation, internal error), as opposed to the interpreted program raising.</summary>
internal sealed class InterpreterException : Exception
{
    public InterpreterException(string message) : base(message) { }
}

/// <summary>
/// Executes flow graphs on concrete values: the oracle that checks graphs mean what the IL
/// means. Values are boxed in stack form (int for int32 and smaller, long, nint, float,
/// double, object references, boxed structs, <see cref="Pointer"/> for managed pointers).
/// Calls to methods of the project assemblies run their graphs; other calls go to the real
/// method by reflection. Exceptions are the real .NET exception objects.
/// </summary>
internal sealed partial class GraphInterpreter
{
    private readonly Dictionary<string, FlowAssembly> _project = new();
    private readonly Dictionary<MethodBase, FlowGraph> _graphs = new();
    private readonly Dictionary<object, object> _members = new(ReferenceEqualityComparer.Instance);
    private int _depth;

    public GraphInterpreter(params FlowAssembly[] project)
    {
        foreach (var a in project) _project[a.Assembly.Name.Name] = a;
    }

    /// <summary>Run every graph through <see cref="Algorithms.Simplify.All"/> (then the checker) before executing it.</summary>
    public bool SimplifyGraphs { get; init; }

    /// <summary>Build graphs with explicit exception exits everywhere (see <see cref="FlowAssembly.ExplicitExceptionExits"/>).</summary>
    public bool ExplicitExceptionExits { get; init; }

    /// <summary>The methods whose graphs have been executed (or prepared) so far.</summary>
    public IReadOnlyCollection<MethodBase> ExecutedMethods => _graphs.Keys;

    /// <summary>Number of graphs executed so far (distinct methods).</summary>
    public int GraphCount => _graphs.Count;

    public bool IsProjectCode(MethodBase m) =>
        m.DeclaringType is { } t && _project.ContainsKey(t.Assembly.GetName().Name!) && !m.IsAbstract
        && (m.MethodImplementationFlags & System.Reflection.MethodImplAttributes.Runtime) == 0 && m.GetMethodBody() is not null;

    public FlowGraph GraphOf(MethodBase method)
    {
        if (_graphs.TryGetValue(method, out var g)) return g;
        var module = _project[method.DeclaringType!.Assembly.GetName().Name!].Assembly.MainModule;
        var reference = module.ImportReference(method);
        g = FlowAssembly.BuildChecked(reference, ExplicitExceptionExits);
        if (SimplifyGraphs)
        {
            Algorithms.Simplify.All(g);
            Checking.GraphChecker.Check(g);
        }
        _graphs[method] = g;
        return g;
    }

    /// <summary>
    /// Calls a project method through its graph with reflection-style arguments (storage form;
    /// by-ref parameters as <see cref="Pointer"/>s). Returns the storage-form result.
    /// </summary>
    public object? Invoke(MethodBase method, object?[] args)
    {
        var g = GraphOf(method);
        var stackArgs = new object?[args.Length];
        for (int i = 0; i < args.Length; i++) stackArgs[i] = ReflectionBridge.ToStack(args[i], g.StartBlock.InputArgs[i].Kind);
        var result = Run(g, stackArgs);
        return method is MethodInfo mi && mi.ReturnType != typeof(void) ? ReflectionBridge.ToStorage(result, mi.ReturnType) : null;
    }

    private T Member<T>(object cecil, Func<object, object> resolve) where T : class
    {
        if (!_members.TryGetValue(cecil, out var r)) _members[cecil] = r = resolve(cecil);
        return (T)r;
    }

    private Type TypeOf(Value descriptor) => Member<Type>(((Constant)descriptor).Literal!, o => ReflectionBridge.ResolveType((TypeReference)o));
    private FieldInfo FieldOf(Value descriptor) => Member<FieldInfo>(((Constant)descriptor).Literal!, o => ReflectionBridge.ResolveField((FieldReference)o));
    private MethodBase MethodOf(Value descriptor) => Member<MethodBase>(((Constant)descriptor).Literal!, o => ReflectionBridge.ResolveMethod((MethodReference)o));

    /// <summary>Runs one graph on stack-form arguments; returns the stack-form result or throws the raised exception.</summary>
    public object? Run(FlowGraph graph, object?[] args)
    {
        if (++_depth > 400) { _depth = 0; throw new InterpreterException("interpreter: call depth limit"); }
        try
        {
            var env = new Dictionary<Variable, object?>();
            var block = graph.StartBlock;
            Bind(env, block, args);
            while (true)
            {
                if (block == graph.ReturnBlock) return block.InputArgs.Count == 1 ? Lookup(env, block.InputArgs[0]) : null;
                if (block == graph.ExceptBlock)
                {
                    var exc = env[block.InputArgs[0]] as Exception ?? new NullReferenceException();
                    ExceptionDispatchInfo.Capture(exc).Throw();
                }
                Exception? raised = null;
                var ops = block.Operations;
                for (int i = 0; i < ops.Count; i++)
                {
                    var op = ops[i];
                    try
                    {
                        var r = Eval(op, env);
                        if (op.Result is not null) env[op.Result] = r;
                    }
                    catch (Exception e) when (i == ops.Count - 1 && block.SwitchKind == ExitSwitchKind.LastException && e is not InterpreterException)
                    {
                        raised = e;
                    }
                }
                var link = ChooseExit(block, env, raised);
                var values = new object?[link.Args.Length];
                for (int i = 0; i < values.Length; i++) values[i] = Get(env, link.Args[i]);
                block = link.Target;
                Bind(env, block, values);
            }
        }
        finally { _depth--; }
    }

    private static void Bind(Dictionary<Variable, object?> env, Block block, object?[] values)
    {
        for (int i = 0; i < values.Length; i++) env[block.InputArgs[i]] = values[i];
    }

    private static object? Get(Dictionary<Variable, object?> env, Value v) =>
        v is Variable var ? Lookup(env, var) : ((Constant)v).Literal;

    // An undefined variable is a bug in the graph (or the interpreter), never an exception of the program.
    private static object? Lookup(Dictionary<Variable, object?> env, Variable v) =>
        env.TryGetValue(v, out var value) ? value : throw new InterpreterException("interpreter: variable " + v + " is not defined");

    private Link ChooseExit(Block block, Dictionary<Variable, object?> env, Exception? raised)
    {
        switch (block.SwitchKind)
        {
            case ExitSwitchKind.Bool:
            {
                bool taken = Arith.I64(Get(env, block.ExitSwitch!)) != 0;
                return block.Exits.First(l => l.ExitCase is bool b && b == taken);
            }
            case ExitSwitchKind.Int:
            {
                int value = Arith.I32(Get(env, block.ExitSwitch!));
                return block.Exits.FirstOrDefault(l => l.ExitCase is int c && c == value) ?? block.Exits[^1];
            }
            case ExitSwitchKind.LastException:
                if (raised is null) return block.Exits[0];
                foreach (var l in block.Exits)
                {
                    if (l.ExitCase is not TypeReference t) continue;
                    var type = Member<Type>(t, o => ReflectionBridge.ResolveType((TypeReference)o));
                    if (type.IsInstanceOfType(raised))
                    {
                        env[l.LastExceptionValue!] = raised;
                        return l;
                    }
                }
                ExceptionDispatchInfo.Capture(raised).Throw();
                return null!;
            default:
                return block.Exits[0];
        }
    }

    private static Exception Null() => new NullReferenceException();

    private object? Eval(Operation op, Dictionary<Variable, object?> env)
    {
        var a = new object?[op.Args.Length];
        for (int i = 0; i < a.Length; i++) a[i] = Get(env, op.Args[i]);
        var name = op.OpName;
        if (name.StartsWith("cast_", StringComparison.Ordinal))
        {
            if (a[0] is Pointer or FunctionPointer || (a[0] is not null && !a[0]!.GetType().IsPrimitive))
                throw new InterpreterException("interpreter: pointer conversion " + name);
            return Arith.Cast(name, a[0]);
        }
        if (Arith.TryEval(name, a, out var arith)) return arith;
        var kind = op.Result?.Kind ?? ValueKind.Void;
        switch (name)
        {
            case OpNames.SameAs: return a[0];
            case OpNames.PtrNonZero: return a[0] is null ? 0 : 1;
            case OpNames.PtrIsZero: return a[0] is null ? 1 : 0;
            case OpNames.PtrEq: return ReferenceEquals(a[0], a[1]) || Equals(a[0], a[1]) && a[0] is nint ? 1 : 0;
            case OpNames.PtrNe: return ReferenceEquals(a[0], a[1]) || Equals(a[0], a[1]) && a[0] is nint ? 0 : 1;
            case OpNames.AllocSlot: return new SlotPointer(TypeOf(op.Args[0]));
            case OpNames.GetSlot: return ReflectionBridge.ToStack(((Pointer)a[0]!).Load(), kind);
            case OpNames.SetSlot:
            {
                var p = (Pointer)a[0]!;
                p.Store(ReflectionBridge.ToStorage(a[1], p.ElementType));
                return null;
            }
            case OpNames.DefaultValue:
            {
                var t = TypeOf(op.Args[0]);
                return t.IsValueType ? Activator.CreateInstance(t) : null;
            }
            case OpNames.GetField:
            {
                var f = FieldOf(op.Args[1]);
                var owner = a[0] switch { null => throw Null(), Pointer p => p.Load(), var o => o };
                return ReflectionBridge.ToStack(f.GetValue(owner), kind);
            }
            case OpNames.SetField:
            {
                var f = FieldOf(op.Args[1]);
                var value = ReflectionBridge.ToStorage(a[2], f.FieldType);
                switch (a[0])
                {
                    case null: throw Null();
                    case Pointer p: new FieldPointer(p, f).Store(value); break;
                    case var o: f.SetValue(o, value); break;
                }
                return null;
            }
            case OpNames.FieldAddr: return new FieldPointer(a[0] ?? throw Null(), FieldOf(op.Args[1]));
            case OpNames.GetStaticField: return ReflectionBridge.ToStack(FieldOf(op.Args[0]).GetValue(null), kind);
            case OpNames.SetStaticField:
            {
                var f = FieldOf(op.Args[0]);
                f.SetValue(null, ReflectionBridge.ToStorage(a[1], f.FieldType));
                return null;
            }
            case OpNames.StaticFieldAddr: return new StaticFieldPointer(FieldOf(op.Args[0]));
            case OpNames.NewArray:
            {
                long n = Arith.I64(a[1]);
                if (n < 0 || n > int.MaxValue) throw new OverflowException();
                return Array.CreateInstance(TypeOf(op.Args[0]), (int)n);
            }
            case OpNames.ArrayLen: return (nint)((Array)(a[0] ?? throw Null())).Length;
            case OpNames.GetArrayItem: return ReflectionBridge.ToStack(ArrayGet(a[0], a[1]), kind);
            case OpNames.SetArrayItem: ArraySet(a[0], a[1], a[2]); return null;
            case OpNames.ArrayItemAddr:
            {
                var arr = (Array)(a[0] ?? throw Null());
                int i = Index(arr, a[1]);
                var t = TypeOf(op.Args[2]);
                if (!t.IsValueType && arr.GetType().GetElementType() != t && op.ILOffset >= 0) throw new ArrayTypeMismatchException();
                return new ArrayElementPointer(arr, i);
            }
            case OpNames.Box:
            {
                var t = TypeOf(op.Args[0]);
                if (!t.IsValueType) return a[1];
                if (Nullable.GetUnderlyingType(t) is { } u) return a[1] is null ? null : ReflectionBridge.ToStorage(a[1], u);
                return ReflectionBridge.ToStorage(a[1], t);
            }
            case OpNames.UnboxAny: return ReflectionBridge.ToStack(ReflectionBridge.Cast(a[1], TypeOf(op.Args[0])), kind);
            case OpNames.Unbox:
            {
                var t = TypeOf(op.Args[0]);
                ReflectionBridge.Cast(a[1], t);
                return new BoxPointer(a[1]!);
            }
            case OpNames.CastClass: return ReflectionBridge.Cast(a[1], TypeOf(op.Args[0]));
            case OpNames.IsInst: return a[1] is not null && TypeOf(op.Args[0]).IsInstanceOfType(a[1]) ? a[1] : null;
            case OpNames.LoadPointer: return ReflectionBridge.ToStack(((Pointer)(a[0] ?? throw Null())).Load(), kind);
            case OpNames.StorePointer:
            {
                var p = (Pointer)(a[0] ?? throw Null());
                p.Store(ReflectionBridge.ToStorage(a[1], p.ElementType));
                return null;
            }
            case OpNames.ZeroPointer:
            {
                var p = (Pointer)(a[0] ?? throw Null());
                var t = TypeOf(op.Args[1]);
                p.Store(t.IsValueType ? Activator.CreateInstance(t) : null);
                return null;
            }
            case OpNames.CopyPointer:
                ((Pointer)(a[0] ?? throw Null())).Store(((Pointer)(a[1] ?? throw Null())).Load());
                return null;
            case OpNames.Throw: throw a[0] as Exception ?? Null();
            case OpNames.LdToken:
                return ((Constant)op.Args[0]).Literal switch
                {
                    TypeReference => TypeOf(op.Args[0]).TypeHandle,
                    FieldReference => FieldOf(op.Args[0]).FieldHandle,
                    MethodReference => MethodOf(op.Args[0]).MethodHandle,
                    _ => throw new InterpreterException("interpreter: ldtoken"),
                };
            case OpNames.SizeOf: return Marshal_SizeOf(TypeOf(op.Args[0]));
            case OpNames.CkFinite:
                return double.IsFinite(Arith.F64(a[0])) ? a[0] : throw new ArithmeticException("Overflow or underflow in the arithmetic operation.");
            case OpNames.Ldftn: return new FunctionPointer(MethodOf(op.Args[0]));
            case OpNames.Ldvirtftn:
            {
                var target = a[1] ?? throw Null();
                return new FunctionPointer(FindOverride(target.GetType(), (MethodInfo)MethodOf(op.Args[0])));
            }
            case OpNames.NewDelegate: return NewDelegate(op, a);
            case OpNames.NewObj: return ReflectionBridge.ToStack(NewObject(MethodOf(op.Args[0]), a[1..]), kind);
            case OpNames.DirectCall: return Call(MethodOf(op.Args[0]), a[1..], kind, false);
            case OpNames.VirtualCall: return Call(MethodOf(op.Args[0]), a[1..], kind, true);
            case OpNames.ConstrainedCall: return ConstrainedCall(TypeOf(op.Args[0]), MethodOf(op.Args[1]), a[2..], kind);
            case OpNames.DebugBreak: return null;
            default: throw new InterpreterException("interpreter: unsupported operation " + name);
        }
    }

    private static object Marshal_SizeOf(Type t) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(t).Invoke(null, null)!;
}
