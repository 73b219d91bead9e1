using RSharp.Hints;

namespace JitSmall;

/// <summary>A configuration object whose factor is promoted: the loop specializes on it.</summary>
public sealed class Config(int factor)
{
    public int Factor = factor;
}

public static class Promote
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "config"]);

    public static long Run(long n, Config config)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, config);
            int f = Jit.Promote(config.Factor);
            acc += i * f;
            if (i == n / 2) config.Factor = f + 1; // the promoted value changes once: the guard fails
            i++;
            Driver.CanEnterJit(i, n, acc, config);
        }
        return acc;
    }
}

/// <summary>Elidable calls: folded on constants (a promoted table), call_pure otherwise.</summary>
public static class Elidables
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "table"]);

    [Elidable]
    public static long Lookup(long[] table, long k) => table[k % table.Length] * 2;

    public static long Run(long n, long[] table)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, table);
            long[] t = Jit.Promote(table);
            acc += Lookup(t, 3);      // constant arguments: folded while tracing
            acc += Lookup(t, i);      // varying: call_pure
            i++;
            Driver.CanEnterJit(i, n, acc, table);
        }
        return acc;
    }
}

/// <summary>A loop-invariant call (RPython's @jit.loop_invariant): computed once per loop entry.</summary>
public static class Invariants
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "box"]);

    /// <summary>Counts its calls, so a test can see how often compiled code made them.</summary>
    public static int Calls;

    [LoopInvariant]
    public static long Scale(long[] box)
    {
        Calls++;
        return box[0] + 3;
    }

    public static long Run(long n, long[] box)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, box);
            acc += Scale(box) * i;
            i++;
            Driver.CanEnterJit(i, n, acc, box);
        }
        return acc;
    }
}

/// <summary>A residual call with side effects, and one that may raise.</summary>
public static class Residuals
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "log"]);

    [DontLookInside]
    public static void Note(List<long> log, long v)
    {
        if (v % 10 == 0) log.Add(v);
    }

    public static long Run(long n)
    {
        var log = new List<long>();
        long i = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, log);
            Note(log, i);
            i++;
            Driver.CanEnterJit(i, n, log);
        }
        long s = 0;
        for (int k = 0; k < log.Count; k++) s += log[k];
        return s * 1000 + log.Count;
    }
}

/// <summary>Small helpers without loops are inlined.</summary>
public static class Inlined
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc"]);

    private static long Step(long x) => x * 3 + 1;

    private static long Twice(long x) => Step(Step(x)) - x;

    public static long Run(long n)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc);
            acc = (acc + Twice(i)) & 0xFFFFFF;
            i++;
            Driver.CanEnterJit(i, n, acc);
        }
        return acc;
    }
}

/// <summary>A guard inside an inlined call fails: resuming rebuilds two frames.</summary>
public static class DeepGuard
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "special"]);

    [DontLookInside]
    private static long Slow(long x) => x * 1000;

    private static long Inner(long x, long special)
    {
        if (x == special) return Slow(x) + Middle(x);
        return x + 1;
    }

    private static long Middle(long x) => x % 7 == 3 ? -x : x;

    private static long Outer(long x, long special) => Inner(x, special) * 2 + Middle(x);

    public static long Run(long n, long special)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, special);
            acc += Outer(i, special);
            i++;
            Driver.CanEnterJit(i, n, acc, special);
        }
        return acc;
    }
}

/// <summary>Allocations that do not escape: the optimizer removes them.</summary>
public sealed class Point(long x, long y)
{
    public readonly long X = x;
    public readonly long Y = y;
    public Point Add(Point o) => new(X + o.X, Y + o.Y);
}

public static class Virtuals
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "p"]);

    public static long Run(long n)
    {
        long i = 0;
        var p = new Point(0, 0);
        while (i < n)
        {
            Driver.JitMergePoint(i, n, p);
            p = p.Add(new Point(i, 1));
            i++;
            Driver.CanEnterJit(i, n, p);
        }
        return p.X * 1000 + p.Y;
    }
}

/// <summary>Arrays: bounds-checked reads and writes.</summary>
public static class Arrays
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "data", "acc"]);

    public static long Run(int[] data)
    {
        int i = 0;
        long acc = 0;
        while (i < data.Length)
        {
            Driver.JitMergePoint(i, data, acc);
            acc += data[i];
            data[i] = (int)(acc & 0xFF);
            i++;
            Driver.CanEnterJit(i, data, acc);
        }
        long s = 0;
        foreach (var d in data) s = s * 7 + d;
        return acc * 31 + s;
    }
}

/// <summary>Strings: characters and lengths.</summary>
public static class Strings
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "s", "vowels"]);

    public static int Run(string s)
    {
        int i = 0, vowels = 0;
        while (i < s.Length)
        {
            Driver.JitMergePoint(i, s, vowels);
            char c = s[i];
            if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') vowels++;
            i++;
            Driver.CanEnterJit(i, s, vowels);
        }
        return vowels;
    }
}
