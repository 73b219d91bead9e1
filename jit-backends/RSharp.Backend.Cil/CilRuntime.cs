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
    /// <c>call_assembler</c>: runs the target loop; every exit goes through the loop's assembler
    /// helper (without one, a finish gives its single value), whose exception becomes pending (the
    /// result then stays zero, as in the interp backend).
    /// </summary>
    private static object? CallAssembler(CilFrame frame, LoopToken loop, JitValues values, bool wantsResult, out bool raised)
    {
        raised = false;
        var dead = frame.Backend.Execute(loop, values);
        if (dead.IsFinish && loop.AssemblerHelper is null)
        {
            if (!wantsResult) return null;
            if (dead.Values.Count != 1) throw new InvalidOperationException($"call_assembler of {loop.Name}: finish has {dead.Values.Count} values, expected 1");
            return dead.Values.GetBoxed(0);
        }
        var helper = loop.AssemblerHelper
            ?? throw new InvalidOperationException($"call_assembler of {loop.Name}: a guard failed and the loop has no assembler helper");
        try { return helper(dead); }
        catch (Exception e) { frame.Pending = e; raised = true; return null; }
    }

    public static long CallAssemblerI(CilFrame frame, LoopToken loop, JitValues values)
    {
        var r = CallAssembler(frame, loop, values, true, out bool raised);
        return raised ? 0 : ValueKinds.ToInt(r);
    }

    public static double CallAssemblerF(CilFrame frame, LoopToken loop, JitValues values)
    {
        var r = CallAssembler(frame, loop, values, true, out bool raised);
        return raised ? 0 : ValueKinds.ToFloat(r);
    }

    public static object? CallAssemblerR(CilFrame frame, LoopToken loop, JitValues values) =>
        CallAssembler(frame, loop, values, true, out _);

    public static void CallAssemblerN(CilFrame frame, LoopToken loop, JitValues values) =>
        CallAssembler(frame, loop, values, false, out _);
}
