using RSharp.Hints;

namespace JitSmall;

public sealed class GuestError(string message) : Exception(message);

/// <summary>Exceptions raised and caught inside the traced loop.</summary>
public static class Exceptions
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc"]);

    [DontLookInside]
    public static long Check(long v)
    {
        if (v % 7 == 0) throw new InvalidOperationException("seven");
        return v + 1;
    }

    private static long Thrower(long v)
    {
        if (v % 5 == 4) throw new GuestError("five");
        return v * 2;
    }

    public static long Run(long n)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc);
            try
            {
                acc += Check(i);
            }
            catch (InvalidOperationException)
            {
                acc -= 100;
            }
            try
            {
                acc += Thrower(i);
            }
            catch (GuestError)
            {
                acc += 1;
            }
            i++;
            Driver.CanEnterJit(i, n, acc);
        }
        return acc;
    }
}

/// <summary>The exception leaves the portal.</summary>
public static class Escaping
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "limit"]);

    public static long Run(long n, long limit)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, limit);
            if (acc > limit) throw new GuestError("limit " + acc);
            acc += i;
            i++;
            Driver.CanEnterJit(i, n, acc, limit);
        }
        return acc;
    }
}

/// <summary>A loop whose body is long: with a small trace_limit tracing aborts.</summary>
public static class LongBody
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "a", "b"]);

    public static long Run(long n)
    {
        long i = 0, a = 1, b = 2;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, a, b);
            a = a * 3 + b; b = b ^ a; a = a + (b >> 2); b = b - a; a = a ^ (b << 1);
            a = a * 5 + b; b = b ^ a; a = a + (b >> 3); b = b - a; a = a ^ (b << 2);
            a &= 0xFFFFFFF; b &= 0xFFFFFFF;
            i++;
            Driver.CanEnterJit(i, n, a, b);
        }
        return a + b;
    }
}

/// <summary>An index out of range, caught in the loop: the bounds guard fails and the blackhole raises.</summary>
public static class OutOfRange
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "data", "acc"]);

    public static long Run(long n, int[] data)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, data, acc);
            try
            {
                acc += data[i % 12];
            }
            catch (IndexOutOfRangeException)
            {
                acc -= 1000;
            }
            i++;
            Driver.CanEnterJit(i, n, data, acc);
        }
        return acc;
    }
}
