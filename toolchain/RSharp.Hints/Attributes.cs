namespace RSharp.Hints;

/// <summary>
/// The method's result depends only on its arguments (and on immutable state) and it has no
/// visible side effects, so calls with constant arguments are folded while tracing and
/// repeated calls are merged. It may allocate, and may write fields only of objects it
/// allocated itself. RPython: <c>@jit.elidable</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
public sealed class ElidableAttribute : Attribute { }

/// <summary>
/// The JIT never traces into this method: calls to it are recorded as residual calls.
/// RPython: <c>@jit.dont_look_inside</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
public sealed class DontLookInsideAttribute : Attribute { }

/// <summary>
/// The method contains a loop, but tracing through it is safe because the loop runs a small
/// number of times that is bounded by the guest code (e.g. over a constant-sized argument
/// list). Without this attribute, methods with loops are residual. RPython: <c>@jit.unroll_safe</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
public sealed class UnrollSafeAttribute : Attribute { }

/// <summary>
/// Trace into the method only when the named predicate, a static method of the same class
/// taking the same parameters and returning <see cref="bool"/>, is true on the traced
/// arguments (typically "is the argument a constant"); otherwise record a residual call.
/// RPython: <c>@jit.look_inside_iff</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LookInsideIffAttribute : Attribute
{
    /// <summary>Names the predicate.</summary>
    public LookInsideIffAttribute(string predicate) => Predicate = predicate;

    /// <summary>The name of the predicate method.</summary>
    public string Predicate { get; }
}

/// <summary>
/// The method's result does not change during one run of a compiled loop, so it is called
/// once per loop entry. The method takes no arguments or only constant ones.
/// RPython: <c>@jit.loop_invariant</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LoopInvariantAttribute : Attribute { }

/// <summary>
/// Every field of the class is immutable once the constructor has returned, so reads of them
/// from a constant object are constants in traces. RPython: <c>_immutable_ = True</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ImmutableAttribute : Attribute { }

/// <summary>
/// The field changes rarely. Traces read it as a constant guarded by
/// <c>guard_not_invalidated</c>; writing the field invalidates those traces.
/// RPython: <c>_immutable_fields_ = ['x?']</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class QuasiImmutableAttribute : Attribute { }

/// <summary>
/// Instances of the class (typically the interpreter's frame) are virtualizable: while
/// compiled code runs, the named fields live in machine registers and are written back only
/// when the code is left or something outside it looks at the object. Name an array field
/// as <c>"locals[*]"</c> to make its items virtualizable too (its length must not change).
/// RPython: <c>_virtualizable_ = ['x', 'arr[*]']</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VirtualizableAttribute : Attribute
{
    /// <summary>Names the virtualizable fields.</summary>
    public VirtualizableAttribute(params string[] fields) => Fields = fields;

    /// <summary>The virtualizable fields; a <c>[*]</c> suffix marks an array whose items are virtualizable.</summary>
    public IReadOnlyList<string> Fields { get; }
}
