using RSharp.Hints;

namespace JitSmall;

/// <summary>Residual calls that take addresses: a struct method on a local, a by-ref argument.</summary>
public static class StructCalls
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc"]);

    public static long Run(long n)
    {
        long acc = 0, i = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc);
            double x = i;
            acc += x.CompareTo(n / 2.0) + 2; // an instance method of a primitive on a local (integer CompareTo is pure, double's is a call)
            Bump(ref acc);
            i++;
            Driver.CanEnterJit(i, n, acc);
        }
        return acc;
    }

    [DontLookInside]
    public static void Bump(ref long x) => x = x * 3 % 1000003;
}
