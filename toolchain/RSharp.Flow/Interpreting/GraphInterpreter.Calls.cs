using System.Reflection;
using System.Runtime.CompilerServices;
using RSharp.Flow.Model;

namespace RSharp.Flow.Interpreting;

/// <summary>Calls, object creation, virtual dispatch and array access in the graph interpreter.</summary>
internal sealed partial class GraphInterpreter
{
    private readonly Dictionary<(Type, MethodInfo), MethodInfo> _overrides = new();

    private object? Call(MethodBase m, object?[] args, ValueKind kind, bool virt)
    {
        if (!m.IsStatic)
        {
            var self = args[0] ?? throw Null();
            if (virt && m is MethodInfo mi && mi.IsVirtual && self is not Pointer) m = FindOverride(self.GetType(), mi);
            else if (!virt && m is MethodInfo { IsVirtual: true, IsFinal: false } nv && self is not Pointer && !IsProjectCode(m)
                     && FindOverride(self.GetType(), nv) != nv && !nv.GetParameters().Any(p => p.ParameterType.IsByRef))
            {
                // A non-virtual call of an overridden method outside the project (base.ToString()):
                // reflection would dispatch virtually, so call it through an IL 'call'.
                var ps = nv.GetParameters();
                var callArgs = new object?[ps.Length];
                for (int i = 0; i < ps.Length; i++) callArgs[i] = ReflectionBridge.ToStorage(args[i + 1], ps[i].ParameterType);
                return ReflectionBridge.ToStack(NonVirtualInvoker(nv)(self, callArgs), kind);
            }
        }
        return Dispatch(m, args, kind);
    }

    private readonly Dictionary<MethodInfo, Func<object, object?[], object?>> _nonVirtual = new();

    private Func<object, object?[], object?> NonVirtualInvoker(MethodInfo m)
    {
        if (_nonVirtual.TryGetValue(m, out var f)) return f;
        var dm = new System.Reflection.Emit.DynamicMethod("call_" + m.Name, typeof(object), new[] { typeof(object), typeof(object?[]) }, typeof(GraphInterpreter).Module, skipVisibility: true);
        var il = dm.GetILGenerator();
        var declaring = m.DeclaringType!;
        il.Emit(System.Reflection.Emit.OpCodes.Ldarg_0);
        il.Emit(declaring.IsValueType ? System.Reflection.Emit.OpCodes.Unbox : System.Reflection.Emit.OpCodes.Castclass, declaring);
        var ps = m.GetParameters();
        for (int i = 0; i < ps.Length; i++)
        {
            il.Emit(System.Reflection.Emit.OpCodes.Ldarg_1);
            il.Emit(System.Reflection.Emit.OpCodes.Ldc_I4, i);
            il.Emit(System.Reflection.Emit.OpCodes.Ldelem_Ref);
            il.Emit(System.Reflection.Emit.OpCodes.Unbox_Any, ps[i].ParameterType);
        }
        il.Emit(System.Reflection.Emit.OpCodes.Call, m);
        if (m.ReturnType == typeof(void)) il.Emit(System.Reflection.Emit.OpCodes.Ldnull);
        else if (m.ReturnType.IsValueType) il.Emit(System.Reflection.Emit.OpCodes.Box, m.ReturnType);
        il.Emit(System.Reflection.Emit.OpCodes.Ret);
        f = dm.CreateDelegate<Func<object, object?[], object?>>();
        _nonVirtual[m] = f;
        return f;
    }

    private object? Dispatch(MethodBase m, object?[] args, ValueKind kind)
    {
        if (IsProjectCode(m))
        {
            if (!m.IsStatic && m.DeclaringType!.IsValueType && args[0] is not Pointer) args[0] = new BoxPointer(args[0]!);
            return Run(GraphOf(m), args);
        }
        if (m.DeclaringType is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Nullable<>) && !m.IsStatic)
            return NullableCall(m, args, kind);
        return Reflect(m, args, kind);
    }

    /// <summary>
    /// Instance methods of Nullable&lt;T&gt;. The interpreter holds a nullable as the CLR boxes
    /// it (a boxed T, or null), so reflection cannot call them on the value.
    /// </summary>
    private static object? NullableCall(MethodBase m, object?[] args, ValueKind kind)
    {
        var underlying = Nullable.GetUnderlyingType(m.DeclaringType!)!;
        var ptr = args[0] as Pointer;
        var value = ptr is not null ? ptr.Load() : args[0];
        object? result = m.Name switch
        {
            ".ctor" => Store(ptr!, ReflectionBridge.ToStorage(args[1], underlying)),
            "get_HasValue" => value is not null,
            "get_Value" => value ?? throw new InvalidOperationException("Nullable object must have a value."),
            "GetValueOrDefault" => value ?? (args.Length > 1 ? ReflectionBridge.ToStorage(args[1], underlying) : Activator.CreateInstance(underlying)),
            "Equals" => value is null ? args[1] is null : value.Equals(args[1]),
            "GetHashCode" => value?.GetHashCode() ?? 0,
            "ToString" => value?.ToString() ?? "",
            _ => throw new InterpreterException("interpreter: Nullable method " + m.Name),
        };
        return ReflectionBridge.ToStack(result, kind);

        static object? Store(Pointer p, object? v)
        {
            p.Store(v);
            return null;
        }
    }

    private object? ConstrainedCall(Type constraint, MethodBase m, object?[] args, ValueKind kind)
    {
        if (m.IsStatic)
        {
            // Static virtual interface member: the constraint type's implementation.
            var impl0 = FindStaticImplementation(constraint, (MethodInfo)m);
            return Dispatch(impl0, args, kind);
        }
        var ptr = (Pointer)(args[0] ?? throw Null());
        if (!constraint.IsValueType)
        {
            args[0] = ptr.Load();
            return Call(m, args, kind, true);
        }
        var impl = FindOverride(constraint, (MethodInfo)m);
        if (impl.DeclaringType == constraint) return Dispatch(impl, args, kind);
        args[0] = ptr.Load();
        return Call(m, args, kind, true);
    }

    private object? Reflect(MethodBase m, object?[] args, ValueKind kind, bool construct = false)
    {
        var ps = m.GetParameters();
        if (m is MethodInfo { ReturnType.IsByRef: true } || m is MethodInfo { ReturnType.IsByRefLike: true }
            || ps.Any(p => p.ParameterType.IsByRefLike || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsByRefLike)))
            throw new InterpreterException("interpreter: cannot call by reflection " + m);
        int off = m.IsStatic || construct ? 0 : 1;
        var call = new object?[ps.Length];
        for (int i = 0; i < ps.Length; i++)
        {
            var pt = ps[i].ParameterType;
            call[i] = pt.IsByRef ? (args[i + off] as Pointer)?.Load() : ReflectionBridge.ToStorage(args[i + off], pt);
        }
        object? target = null;
        Pointer? thisPtr = null;
        if (off == 1)
        {
            target = args[0];
            if (target is Pointer p)
            {
                thisPtr = p;
                target = p.Load();
            }
        }
        object? result;
        try
        {
            result = construct
                ? ((ConstructorInfo)m).Invoke(BindingFlags.DoNotWrapExceptions, null, call, null)
                : m.Invoke(target, BindingFlags.DoNotWrapExceptions, null, call, null);
        }
        catch (Exception e) when (e is TargetException or TargetParameterCountException)
        {
            throw new InterpreterException("interpreter: reflection call of " + m + " failed: " + e.Message);
        }
        for (int i = 0; i < ps.Length; i++)
            if (ps[i].ParameterType.IsByRef && args[i + off] is Pointer p) p.Store(call[i]);
        if (thisPtr is not null && target is not null && target.GetType().IsValueType) thisPtr.Store(target);
        return ReflectionBridge.ToStack(result, kind);
    }

    private object? NewObject(MethodBase ctor, object?[] args)
    {
        var t = ctor.DeclaringType!;
        if (t.IsArray)
        {
            var lengths = args.Select(x => Arith.I32(x)).ToArray();
            if (lengths.Length == t.GetArrayRank()) return Array.CreateInstance(t.GetElementType()!, lengths);
            throw new InterpreterException("interpreter: array constructor with lower bounds");
        }
        if (IsProjectCode(ctor))
        {
            if (t.IsValueType)
            {
                var slot = new SlotPointer(t);
                Run(GraphOf(ctor), args.Prepend(slot).ToArray());
                return slot.Load();
            }
            var obj = RuntimeHelpers.GetUninitializedObject(t);
            Run(GraphOf(ctor), args.Prepend(obj).ToArray());
            return obj;
        }
        return Reflect(ctor, args, ValueKind.Ref, construct: true);
    }

    private object NewDelegate(Operation op, object?[] a)
    {
        var type = ReflectionBridge.ResolveType(((Mono.Cecil.MethodReference)((Constant)op.Args[0]).Literal!).DeclaringType);
        var fn = a[2] as FunctionPointer ?? throw new InterpreterException("interpreter: delegate without function pointer");
        var target = (MethodInfo)fn.Method;
        if (IsProjectCode(target) && !target.GetParameters().Any(p => p.ParameterType.IsByRef))
            return InterpretingDelegate(type, target, a[1]);
        return Delegate.CreateDelegate(type, a[1], target);
    }

    /// <summary>A delegate of <paramref name="type"/> whose invocation runs the graph of <paramref name="method"/>.</summary>
    private Delegate InterpretingDelegate(Type type, MethodInfo method, object? boundTarget)
    {
        var invoke = type.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => System.Linq.Expressions.Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var values = parameters.Select(p => (System.Linq.Expressions.Expression)System.Linq.Expressions.Expression.Convert(p, typeof(object))).ToList();
        if (!method.IsStatic || boundTarget is not null) values.Insert(0, System.Linq.Expressions.Expression.Constant(boundTarget, typeof(object)));
        var call = System.Linq.Expressions.Expression.Call(
            System.Linq.Expressions.Expression.Constant(this), typeof(GraphInterpreter).GetMethod(nameof(Invoke))!,
            System.Linq.Expressions.Expression.Constant(method, typeof(MethodBase)),
            System.Linq.Expressions.Expression.NewArrayInit(typeof(object), values));
        System.Linq.Expressions.Expression body = invoke.ReturnType == typeof(void)
            ? call
            : System.Linq.Expressions.Expression.Convert(call, invoke.ReturnType);
        return System.Linq.Expressions.Expression.Lambda(type, body, parameters).Compile();
    }

    /// <summary>The method a virtual or interface call on an object of type <paramref name="runtime"/> executes.</summary>
    private MethodInfo FindOverride(Type runtime, MethodInfo m)
    {
        if (!m.IsVirtual) return m;
        if (_overrides.TryGetValue((runtime, m), out var cached)) return cached;
        var result = ComputeOverride(runtime, m);
        _overrides[(runtime, m)] = result;
        return result;
    }

    private static MethodInfo ComputeOverride(Type runtime, MethodInfo m)
    {
        var definition = m.IsGenericMethod ? m.GetGenericMethodDefinition() : m;
        var typeArgs = m.IsGenericMethod ? m.GetGenericArguments() : null;
        MethodInfo Close(MethodInfo x) => typeArgs is null ? x : x.MakeGenericMethod(typeArgs);
        var declaring = m.DeclaringType!;
        if (declaring.IsInterface)
        {
            if (runtime.IsArray || !declaring.IsAssignableFrom(runtime)) return m;
            try
            {
                var map = runtime.GetInterfaceMap(declaring);
                int i = Array.IndexOf(map.InterfaceMethods, definition);
                return i < 0 ? m : Close(map.TargetMethods[i]);
            }
            catch (ArgumentException) { return m; }
        }
        var baseDef = definition.GetBaseDefinition();
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var t = runtime; t is not null; t = t.BaseType)
            foreach (var c in t.GetMethods(flags))
                if (c.Name == m.Name && c.GetBaseDefinition().Equals(baseDef))
                    return Close(c);
        return m;
    }

    private static MethodInfo FindStaticImplementation(Type type, MethodInfo m)
    {
        var definition = m.IsGenericMethod ? m.GetGenericMethodDefinition() : m;
        var map = type.GetInterfaceMap(m.DeclaringType!);
        int i = Array.IndexOf(map.InterfaceMethods, definition);
        if (i < 0) throw new InterpreterException("interpreter: no implementation of " + m + " in " + type);
        var target = map.TargetMethods[i];
        return m.IsGenericMethod ? target.MakeGenericMethod(m.GetGenericArguments()) : target;
    }

    private static int Index(Array arr, object? idx)
    {
        long i = Arith.I64(idx);
        if (i < 0 || i >= arr.Length) throw new IndexOutOfRangeException();
        return (int)i;
    }

    private static object? ArrayGet(object? array, object? idx)
    {
        var arr = (Array)(array ?? throw Null());
        int i = Index(arr, idx);
        return arr is object?[] refs ? refs[i] : arr.GetValue(i);
    }

    private static void ArraySet(object? array, object? idx, object? value)
    {
        var arr = (Array)(array ?? throw Null());
        int i = Index(arr, idx);
        if (arr is object?[] refs) refs[i] = value;
        else arr.SetValue(ReflectionBridge.ToStorage(value, arr.GetType().GetElementType()!), i);
    }
}
