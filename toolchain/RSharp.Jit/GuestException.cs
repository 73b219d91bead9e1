using System.Diagnostics.CodeAnalysis;

namespace RSharp.Jit;

/// <summary>
/// Raises an exception of the interpreted program again where the JIT moves it between compiled
/// code, the blackhole and the meta-interpreter. It is thrown as it is: preserving the .NET stack
/// trace (<c>ExceptionDispatchInfo</c>) appends to it at every level, which made an error raised
/// deep in a compiled recursion cost time quadratic in the depth.
/// </summary>
public static class GuestException
{
    /// <summary>Throws <paramref name="e"/>.</summary>
    [DoesNotReturn]
    public static void Throw(Exception e) => throw e;
}
