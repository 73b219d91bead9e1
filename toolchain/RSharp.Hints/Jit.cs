using System.Runtime.CompilerServices;

namespace RSharp.Hints;

/// <summary>
/// JIT intrinsics: calls the tracing JIT gives a meaning to. Untranslated (and in the
/// normal interpreter after translation) each is a no-op that returns its argument or the
/// answer that is right outside a trace, and allocates nothing.
/// </summary>
public static class Jit
{
    /// <summary>Makes the value a constant in the trace, guarded by <c>guard_value</c>. RPython: <c>jit.promote</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Promote(int value) => value;

    /// <inheritdoc cref="Promote(int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Promote(long value) => value;

    /// <inheritdoc cref="Promote(int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Promote(double value) => value;

    /// <inheritdoc cref="Promote(int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Promote(bool value) => value;

    /// <summary>Makes the reference a constant in the trace (by identity), guarded by <c>guard_value</c>. RPython: <c>jit.promote</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Promote<T>(T value) where T : class? => value;

    /// <summary>Makes the string a constant in the trace by its contents, not its identity. RPython: <c>jit.promote_string</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string PromoteString(string value) => value;

    /// <summary>True in compiled machine code, false in the interpreter and the blackhole interpreter. RPython: <c>jit.we_are_jitted</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool WeAreJitted() => false;

    /// <summary>True when the JIT knows the value is a constant at this point of the trace. RPython: <c>jit.isconstant</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsConstant<T>(T value) => false;

    /// <summary>True when the object is virtual (not allocated) at this point of the trace. RPython: <c>jit.isvirtual</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsVirtual<T>(T value) where T : class? => false;

    /// <summary>
    /// Tells the JIT that the object's exact runtime type is <paramref name="exactType"/> without
    /// emitting a guard; the caller vouches for it. RPython: <c>jit.record_exact_class</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RecordExactClass(object? value, Type exactType) { }

    /// <summary>
    /// Tells the JIT that calling the elidable <paramref name="function"/> with the argument would return
    /// <paramref name="result"/>, so a later such call folds to it. RPython: <c>jit.record_known_result</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RecordKnownResult<TResult, T1>(TResult result, Func<T1, TResult> function, T1 arg1) { }

    /// <inheritdoc cref="RecordKnownResult{TResult, T1}"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RecordKnownResult<TResult, T1, T2>(TResult result, Func<T1, T2, TResult> function, T1 arg1, T2 arg2) { }

    /// <summary>
    /// Calls <paramref name="function"/> only when <paramref name="condition"/> is true; in a trace this is a
    /// single <c>cond_call</c> operation instead of a guard and a bridge. RPython: <c>jit.conditional_call</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ConditionalCall(bool condition, Action function)
    {
        if (condition) function();
    }

    /// <inheritdoc cref="ConditionalCall(bool, Action)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ConditionalCall<T1>(bool condition, Action<T1> function, T1 arg1)
    {
        if (condition) function(arg1);
    }

    /// <inheritdoc cref="ConditionalCall(bool, Action)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ConditionalCall<T1, T2>(bool condition, Action<T1, T2> function, T1 arg1, T2 arg2)
    {
        if (condition) function(arg1, arg2);
    }

    /// <summary>
    /// Asserts that the value is green (a trace constant) here; the translator reports an error when
    /// it can prove otherwise. RPython: <c>jit.assert_green</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AssertGreen<T>(T value) { }

    /// <summary>Sets one JIT parameter of every driver (e.g. <c>SetParam("threshold", "200")</c>). RPython: <c>jit.set_param(None, ...)</c>.</summary>
    public static void SetParam(string name, string value) => JitParameters.SetEverywhere(p => p.Set(name, value));

    /// <summary>Applies a PyPy-style parameter string to every driver, e.g. <c>"threshold=200,trace_limit=8000"</c> or <c>"off"</c>. RPython: <c>jit.set_user_param</c>.</summary>
    public static void SetParams(string spec) => JitParameters.SetEverywhere(p => p.Apply(spec));
}
