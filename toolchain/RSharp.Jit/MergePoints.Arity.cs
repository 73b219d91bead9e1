// Arity overloads of the rewritten merge point calls (1 to 12 live variables).
// The translator replaces `driver.JitMergePoint<...>(...)` by `MergePoints.JitMergePoint<...>(driver, ...)`,
// so the receiver becomes the first argument and the stack shape is unchanged.
using System.Runtime.CompilerServices;
using RSharp.Hints;

namespace RSharp.Jit;

public static partial class MergePoints
{
    /// <summary>Rewritten <c>JitMergePoint</c> with 1 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1>(JitDriver driver, T1 a1)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 2 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2>(JitDriver driver, T1 a1, T2 a2)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 3 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3>(JitDriver driver, T1 a1, T2 a2, T3 a3)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 4 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 5 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 6 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5, T6>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 7 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5, T6, T7>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 8 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 9 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 10 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 11 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>JitMergePoint</c> with 12 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void JitMergePoint<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12)
    {
        // As in RPython, the merge point does nothing in the plain interpreter: counting and
        // entering compiled code happen at CanEnterJit. (Tracing will hook in here.)
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 1 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1>(JitDriver driver, T1 a1)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 2 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2>(JitDriver driver, T1 a1, T2 a2)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 3 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3>(JitDriver driver, T1 a1, T2 a2, T3 a3)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 4 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 5 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 6 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5, T6>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        if (g > 5) h = WarmState.Mix(h, WarmState.Hash(a6));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 7 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5, T6, T7>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        if (g > 5) h = WarmState.Mix(h, WarmState.Hash(a6));
        if (g > 6) h = WarmState.Mix(h, WarmState.Hash(a7));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 8 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        if (g > 5) h = WarmState.Mix(h, WarmState.Hash(a6));
        if (g > 6) h = WarmState.Mix(h, WarmState.Hash(a7));
        if (g > 7) h = WarmState.Mix(h, WarmState.Hash(a8));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 9 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        if (g > 5) h = WarmState.Mix(h, WarmState.Hash(a6));
        if (g > 6) h = WarmState.Mix(h, WarmState.Hash(a7));
        if (g > 7) h = WarmState.Mix(h, WarmState.Hash(a8));
        if (g > 8) h = WarmState.Mix(h, WarmState.Hash(a9));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 10 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        if (g > 5) h = WarmState.Mix(h, WarmState.Hash(a6));
        if (g > 6) h = WarmState.Mix(h, WarmState.Hash(a7));
        if (g > 7) h = WarmState.Mix(h, WarmState.Hash(a8));
        if (g > 8) h = WarmState.Mix(h, WarmState.Hash(a9));
        if (g > 9) h = WarmState.Mix(h, WarmState.Hash(a10));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 11 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        if (g > 5) h = WarmState.Mix(h, WarmState.Hash(a6));
        if (g > 6) h = WarmState.Mix(h, WarmState.Hash(a7));
        if (g > 7) h = WarmState.Mix(h, WarmState.Hash(a8));
        if (g > 8) h = WarmState.Mix(h, WarmState.Hash(a9));
        if (g > 9) h = WarmState.Mix(h, WarmState.Hash(a10));
        if (g > 10) h = WarmState.Mix(h, WarmState.Hash(a11));
        state.OnCanEnterJit(h);
    }

    /// <summary>Rewritten <c>CanEnterJit</c> with 12 live variable(s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CanEnterJit<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(JitDriver driver, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8, T9 a9, T10 a10, T11 a11, T12 a12)
    {
        var state = WarmState.Of(driver);
        if (!driver.Parameters.Enabled) return;
        int g = state.GreenCount;
        uint h = WarmState.Seed;
        if (g > 0) h = WarmState.Mix(h, WarmState.Hash(a1));
        if (g > 1) h = WarmState.Mix(h, WarmState.Hash(a2));
        if (g > 2) h = WarmState.Mix(h, WarmState.Hash(a3));
        if (g > 3) h = WarmState.Mix(h, WarmState.Hash(a4));
        if (g > 4) h = WarmState.Mix(h, WarmState.Hash(a5));
        if (g > 5) h = WarmState.Mix(h, WarmState.Hash(a6));
        if (g > 6) h = WarmState.Mix(h, WarmState.Hash(a7));
        if (g > 7) h = WarmState.Mix(h, WarmState.Hash(a8));
        if (g > 8) h = WarmState.Mix(h, WarmState.Hash(a9));
        if (g > 9) h = WarmState.Mix(h, WarmState.Hash(a10));
        if (g > 10) h = WarmState.Mix(h, WarmState.Hash(a11));
        if (g > 11) h = WarmState.Mix(h, WarmState.Hash(a12));
        state.OnCanEnterJit(h);
    }
}
