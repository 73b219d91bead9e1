// Arity overloads of the rewritten merge point entry (1 to 12 live variables): the translator
// replaces `driver.JitMergePoint<...>(...)` by `if (MergePoints.EnterAtMergePoint<...>(driver, ...)) return
// MergePoints.PortalResult<R>();` when the merge point can hand its invocation over to the meta-interpreter.
using System.Runtime.CompilerServices;
using RSharp.Hints;

namespace RSharp.Jit;

public static partial class MergePoints
{
    /// <summary>Rewritten <c>JitMergePoint</c> with 1 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1>(JitDriver driver, T1 a1) =>
        s_entryPending && EnterSlow(driver, [a1]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 2 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2>(JitDriver driver, T1 a1, T2 a2) =>
        s_entryPending && EnterSlow(driver, [a1, a2]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 3 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3>(JitDriver driver, T1 a1, T2 a2, T3 a3) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 4 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 5 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 6 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5, T6>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5, a6]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 7 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5, T6, T7>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5, a6, a7]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 8 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5, T6, T7, T8>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5, a6, a7, a8]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 9 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5, a6, a7, a8, a9]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 10 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 11 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11]);

    /// <summary>Rewritten <c>JitMergePoint</c> with 12 live variable(s): true if the meta-interpreter ran the rest of the invocation (its result is <see cref="PortalResult{TResult}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EnterAtMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12) =>
        s_entryPending && EnterSlow(driver, [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12]);
}
