using RSharp.Hints;

namespace JitSmall;

/// <summary>A class with one concrete implementation: its virtual call becomes guard_class + an inlined call.</summary>
public abstract class Shape
{
    public abstract long Area();
}

/// <summary>The only concrete <see cref="Shape"/>.</summary>
public sealed class Square(long side) : Shape
{
    public readonly long Side = side;
    public override long Area() => Side * Side;
}

/// <summary>A mutable struct: a field store through a local copies the box (struct_copy).</summary>
public struct Counter
{
    public long Count;
    public long Total;
}

/// <summary>Loops over the codewriter's class instructions: guard_class, struct_copy, new_delegate.</summary>
public static class ClassOps
{
    private static readonly JitDriver VirtualDriver = new(greens: [], reds: ["i", "n", "acc", "shape"]);
    private static readonly JitDriver StructDriver = new(greens: [], reds: ["i", "n", "c"]);
    private static readonly JitDriver DelegateDriver = new(greens: [], reds: ["i", "n", "acc"]);

    /// <summary>Every few iterations the shape is null, so the guard fails and the slow path runs.</summary>
    public static long Virtual(long n)
    {
        long acc = 0, i = 0;
        Shape? shape = new Square(3);
        while (i < n)
        {
            VirtualDriver.JitMergePoint(i, n, acc, shape);
            shape = i % 50 == 49 ? null : shape ?? new Square(i % 7);
            acc += shape is null ? 1 : shape.Area() + i;
            i++;
            VirtualDriver.CanEnterJit(i, n, acc, shape);
        }
        return acc;
    }

    public static long Struct(long n)
    {
        long i = 0;
        var c = new Counter();
        while (i < n)
        {
            StructDriver.JitMergePoint(i, n, c);
            c.Count++;
            c.Total += i * 3;
            i++;
            StructDriver.CanEnterJit(i, n, c);
        }
        return c.Count * 1000003 + c.Total;
    }

    public static long Delegates(long n)
    {
        long acc = 0, i = 0;
        while (i < n)
        {
            DelegateDriver.JitMergePoint(i, n, acc);
            Func<long, long> twice = Twice;
            acc = acc % 1000003 + twice(i);
            i++;
            DelegateDriver.CanEnterJit(i, n, acc);
        }
        return acc;
    }

    private static long Twice(long x) => 2 * x + 1;
}
