using System.Runtime.InteropServices;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Cil;

/// <summary>
/// Helpers compiled code calls for operations that are rare or awkward to inline. Their
/// semantics match the interp backend's exactly (it is the reference).
/// </summary>
internal static class CilRuntime
{
    /// <summary>The length of a new array, failing as <c>Array.CreateInstance</c> does (the interp backend's behaviour) rather than as <c>newarr</c>.</summary>
    public static int ArrayLength(long length)
    {
        int n = checked((int)length);
        return n >= 0 ? n : throw new ArgumentOutOfRangeException(nameof(length), "array length must be non-negative");
    }

    public static long UintMulHigh(long x, long y) => (long)Math.BigMul((ulong)x, (ulong)y, out _);

    /// <summary>A fresh string of NULs; <c>string.Empty</c> is never mutated because it has no chars.</summary>
    public static string NewStr(long length)
    {
        int n = checked((int)length);
        return n == 0 ? "" : new string('\0', n);
    }

    /// <summary>Writes a char of a string built by <c>newstr</c> and not yet published.</summary>
    public static void StrSetItem(object s, long index, long c) =>
        MutableChars((string)s)[checked((int)index)] = (char)c;

    public static void CopyStrContent(object src, object dst, long srcStart, long dstStart, long length) =>
        ((string)src).AsSpan(checked((int)srcStart), checked((int)length))
            .CopyTo(MutableChars((string)dst)[checked((int)dstStart)..]);

    private static Span<char> MutableChars(string s) =>
        MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(s.AsSpan()), s.Length);

    /// <summary>
    /// <c>call_assembler</c>: runs the target loop's code directly. A finish with the loop's
    /// <see cref="LoopToken.DoneWithThisFrame"/> descriptor (or any finish if it has no assembler
    /// helper) gives its value; every other exit becomes a dead frame for the helper, whose
    /// exception becomes pending (the result then stays zero, as in the interp backend).
    /// </summary>
    /// <returns>
    /// True if the code finished directly (<paramref name="finish"/> holds the result at index
    /// 0); false if the helper ran (<paramref name="helped"/> is its result, null if it raised).
    /// </returns>
    private static bool CallAssembler(CilFrame frame, LoopToken loop, JitValues values, out JitValues? finish, out object? helped)
    {
        finish = null;
        if (loop.CompiledCode is CilCode code && !loop.IsInvalidated)
        {
            var inner = new CilFrame(frame.Backend);
            int exit = code.Run(code, inner, values, 0);
            var op = inner.ExitCode!.Exits[exit];
            if (op.OpCode == OpCode.Finish && inner.Pending is null
                && (loop.AssemblerHelper is null || (loop.DoneWithThisFrame is { } done && ReferenceEquals(op.Descr, done))))
            {
                frame.Backend.CountTransfers(inner);
                finish = inner.Out;
                helped = null;
                return true;
            }
            helped = Helper(frame, loop, frame.Backend.DeadFrameOf(inner, exit));
            return false;
        }
        helped = Helper(frame, loop, frame.Backend.Execute(loop, values));
        return false;
    }

    private static object? Helper(CilFrame frame, LoopToken loop, DeadFrame dead)
    {
        if (loop.AssemblerHelper is not { } helper)
        {
            if (!dead.IsFinish)
                throw new InvalidOperationException($"call_assembler of {loop.Name}: a guard failed and the loop has no assembler helper");
            return Single(loop, dead.Values).GetBoxed(0);
        }
        try { return helper(dead); }
        catch (Exception e) { frame.Pending = e; return null; }
    }

    private static JitValues Single(LoopToken loop, JitValues? values) =>
        values is { Count: 1 } ? values
            : throw new InvalidOperationException($"call_assembler of {loop.Name}: finish has {values?.Count ?? 0} values, expected 1");

    public static long CallAssemblerI(CilFrame frame, LoopToken loop, JitValues values) =>
        CallAssembler(frame, loop, values, out var finish, out var helped) ? Single(loop, finish).GetInt(0)
            : helped is null ? 0 : ValueKinds.ToInt(helped);

    public static double CallAssemblerF(CilFrame frame, LoopToken loop, JitValues values) =>
        CallAssembler(frame, loop, values, out var finish, out var helped) ? Single(loop, finish).GetFloat(0)
            : helped is null ? 0 : ValueKinds.ToFloat(helped);

    public static object? CallAssemblerR(CilFrame frame, LoopToken loop, JitValues values) =>
        CallAssembler(frame, loop, values, out var finish, out var helped) ? Single(loop, finish).GetRef(0) : helped;

    public static void CallAssemblerN(CilFrame frame, LoopToken loop, JitValues values) =>
        CallAssembler(frame, loop, values, out _, out _);
}
