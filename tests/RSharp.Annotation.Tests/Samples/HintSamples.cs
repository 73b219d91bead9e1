using RSharp.Hints;

// Small programs for the annotation tests. Comments "// mark:NAME" tag the lines the
// findings must point at; the tests find those lines in this file.
namespace RSharp.Annotation.Tests.Samples;

public class Box
{
    public int X;
    public Box? Next;

    public Box(int x) { X = x; }

    public void Set(int v) { X = v; } // mark:set
}

public static class ElidableSamples
{
    public static int Counter;

    [Elidable]
    public static int WritesArgument(Box b)
    {
        b.X = 5; // mark:argument
        return b.X;
    }

    [Elidable]
    public static Box WritesFresh(int v)
    {
        var b = new Box(v);
        b.X = v + 1;
        b.Next = new Box(2);
        return b;
    }

    [Elidable]
    public static int CallsWriter(Box b)
    {
        Poke(b);
        return 0;
    }

    private static void Poke(Box b)
    {
        b.Next = null; // mark:poke
    }

    [Elidable]
    public static Box FreshThenSetter(int v)
    {
        var b = new Box(v);
        b.Set(v + 1);
        return b;
    }

    [Elidable]
    public static int ArgumentThenSetter(Box b, int v)
    {
        b.Set(v);
        return v;
    }

    [Elidable]
    public static int WritesStatic()
    {
        Counter++; // mark:static
        return Counter;
    }

    [Elidable]
    public static int PureMath(int a) => Math.Abs(a) + Math.Max(a, 3);

    [Elidable]
    public static Box FreshOnBothPaths(bool c)
    {
        var b = c ? new Box(1) : new Box(2);
        b.X = 7;
        return b;
    }

    [Elidable]
    public static Box FreshOnOnePath(bool c, Box other)
    {
        var b = c ? new Box(1) : other;
        b.X = 7; // mark:merge
        return b;
    }

    [Elidable]
    public static int FreshInLoop(int n)
    {
        var b = new Box(0);
        for (int i = 0; i < n; i++) b.X += i;
        return b.X;
    }

    /// <summary>Not elidable: writes are allowed.</summary>
    public static int NotElidable(Box b)
    {
        b.X = 1;
        return 1;
    }
}

public class Cache
{
    private int _hits;

    [Elidable]
    public int Lookup(int k)
    {
        _hits++; // mark:receiver
        return k + _hits;
    }

    [Elidable]
    public Cache Copy()
    {
        var c = new Cache();
        c._hits = _hits;
        return c;
    }
}

[Immutable]
public class Point
{
    public int X;
    public int Y;

    public Point(int x, int y) { X = x; Y = y; }

    public void Move() { X++; } // mark:move

    public static Point Origin() => new Point(0, 0);
}

public class Holder
{
    public readonly int R;
    [QuasiImmutable] public int Q;
    public int M;
    public static readonly int S = 3;
    public const int C = 4;

    public Holder(int r) { R = r; }
}

public static class ImmutableUsers
{
    public static int MovesAPoint()
    {
        var p = new Point(1, 2);
        p.Move();
        return p.X;
    }

    public static int PokesAPoint(Point p)
    {
        p.Y = 9; // mark:poke-point
        return p.Y;
    }

    public static int OnlyConstructs() => Point.Origin().X + new Holder(3).R + Holder.S;
}
