// Arity overloads of the merge point markers (1 to 12 live variables).
// Generic so that an untranslated call boxes nothing and allocates nothing.
namespace RSharp.Hints;

public sealed partial class JitDriver
{
    /// <summary>Marks the top of the dispatch loop with 1 live variable: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1>(T1 a1) { }

    /// <summary>Marks the top of the dispatch loop with 2 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2>(T1 a1, T2 a2) { }

    /// <summary>Marks the top of the dispatch loop with 3 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3>(T1 a1, T2 a2, T3 a3) { }

    /// <summary>Marks the top of the dispatch loop with 4 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4>(T1 a1, T2 a2, T3 a3, T4 a4) { }

    /// <summary>Marks the top of the dispatch loop with 5 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) { }

    /// <summary>Marks the top of the dispatch loop with 6 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5, T6>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) { }

    /// <summary>Marks the top of the dispatch loop with 7 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5, T6, T7>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) { }

    /// <summary>Marks the top of the dispatch loop with 8 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) { }

    /// <summary>Marks the top of the dispatch loop with 9 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9) { }

    /// <summary>Marks the top of the dispatch loop with 10 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10) { }

    /// <summary>Marks the top of the dispatch loop with 11 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11) { }

    /// <summary>Marks the top of the dispatch loop with 12 live variables: the greens first, then the reds, in declaration order. See <see cref="JitDriver"/>. RPython: <c>jitdriver.jit_merge_point(...)</c>.</summary>
    public void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12) { }

    /// <summary>Marks a guest-level backward jump with 1 live variable: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1>(T1 a1) { }

    /// <summary>Marks a guest-level backward jump with 2 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2>(T1 a1, T2 a2) { }

    /// <summary>Marks a guest-level backward jump with 3 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3>(T1 a1, T2 a2, T3 a3) { }

    /// <summary>Marks a guest-level backward jump with 4 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4>(T1 a1, T2 a2, T3 a3, T4 a4) { }

    /// <summary>Marks a guest-level backward jump with 5 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) { }

    /// <summary>Marks a guest-level backward jump with 6 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5, T6>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) { }

    /// <summary>Marks a guest-level backward jump with 7 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5, T6, T7>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) { }

    /// <summary>Marks a guest-level backward jump with 8 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) { }

    /// <summary>Marks a guest-level backward jump with 9 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9) { }

    /// <summary>Marks a guest-level backward jump with 10 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10) { }

    /// <summary>Marks a guest-level backward jump with 11 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11) { }

    /// <summary>Marks a guest-level backward jump with 12 live variables: the greens first, then the reds, in declaration order. RPython: <c>jitdriver.can_enter_jit(...)</c>.</summary>
    public void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12) { }
}
