using RSharp.Hints;

namespace JitSmall;

// One portal per class, each with its own driver; greens first, then reds, in merge point order.
// can_enter_jit sits at the end of the loop body, as in RPython's tests.

/// <summary>res += x, y times (test_ajit's test_loop).</summary>
public static class Sum
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["x", "y", "res"]);

    public static long Run(long x, long y)
    {
        long res = 0;
        while (y > 0)
        {
            Driver.JitMergePoint(x, y, res);
            res += x;
            y--;
            Driver.CanEnterJit(x, y, res);
        }
        return res;
    }
}

/// <summary>32-bit arithmetic that wraps (a multiplicative hash).</summary>
public static class Hash32
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "h"]);

    public static int Run(int n)
    {
        int h = 17, i = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, h);
            h = h * 31 + i;
            h ^= h << 5;
            h ^= h >> 3;
            i++;
            Driver.CanEnterJit(i, n, h);
        }
        return h;
    }
}

/// <summary>Unsigned and narrow integer operations.</summary>
public static class Unsigned
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "u", "b"]);

    public static long Run(int n)
    {
        uint u = 0xDEADBEEF;
        int i = 0;
        byte b = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, u, b);
            u = (u >> 3) ^ (u * 2654435761u);
            if (u < 0x80000000u) b += 3; else b -= 1;
            i++;
            Driver.CanEnterJit(i, n, u, b);
        }
        return (long)u * 1000 + b;
    }
}

/// <summary>A branch taken one way mostly, the other way every 4th iteration (a bridge).</summary>
public static class Branchy
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "a", "b"]);

    public static long Run(long n)
    {
        long i = 0, a = 0, b = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, a, b);
            if ((i & 3) == 0) b += i * 2;
            else a += i;
            i++;
            Driver.CanEnterJit(i, n, a, b);
        }
        return a * 3 + b;
    }
}

/// <summary>Three-way branches: bridges of bridges.</summary>
public static class ThreeWay
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc"]);

    public static long Run(long n)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc);
            long m = i % 5;
            if (m == 0) acc += 7;
            else if (m == 1) acc -= 3;
            else if (m == 2) acc *= 2;
            else acc ^= i;
            i++;
            Driver.CanEnterJit(i, n, acc);
        }
        return acc;
    }
}

/// <summary>Floats.</summary>
public static class Floats
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "x", "s"]);

    public static double Run(long n)
    {
        long i = 0;
        double x = 0.5, s = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, x, s);
            x = x * 1.0001 + 0.25;
            if (x > 10.0) x -= 9.5;
            s += x / 3.0;
            i++;
            Driver.CanEnterJit(i, n, x, s);
        }
        return s;
    }
}

/// <summary>Checked arithmetic in the loop: overflow raises, caught outside the loop.</summary>
public static class Checked
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc"]);

    public static long Run(long n, long start)
    {
        long i = 0, acc = start;
        try
        {
            while (i < n)
            {
                Driver.JitMergePoint(i, n, acc);
                acc = checked(acc * 2 + 1);
                i++;
                Driver.CanEnterJit(i, n, acc);
            }
        }
        catch (OverflowException)
        {
            return -i;
        }
        return acc;
    }
}

/// <summary>A uint field and a uint array: loads must keep the jitcode's sign-extended form.</summary>
public sealed class UintBox
{
    public uint Value;
    public uint[] Items = [0xFFFFFFF0u, 7u, 0x80000001u];
}

public static class UintFields
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "box", "acc"]);

    [DontLookInside]
    public static uint Mix(uint x) => x * 2654435761u;

    public static long Run(int n)
    {
        var box = new UintBox { Value = 0xF0000000u };
        long acc = 0;
        int i = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, box, acc);
            uint v = box.Value + box.Items[i % 3];
            if (v > 0x7FFFFFFFu) acc += 1; else acc -= 1;
            acc += v >> 28;
            box.Value = Mix(v);
            i++;
            Driver.CanEnterJit(i, n, box, acc);
        }
        return acc * 10 + box.Value % 7;
    }
}
