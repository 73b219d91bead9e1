namespace RSharp.Flow.Corpus;

public struct Point
{
    public int X;
    public int Y;
    public Point(int x, int y) { X = x; Y = y; }
    public int Manhattan() => Math.Abs(X) + Math.Abs(Y);
    public void Scale(int k) { X *= k; Y *= k; }
    public readonly Point Swapped() => new Point(Y, X);
    public override string ToString() => "(" + X + "," + Y + ")";
}

public struct Line
{
    public Point A;
    public Point B;
    public int Length2 => (B.X - A.X) * (B.X - A.X) + (B.Y - A.Y) * (B.Y - A.Y);
}

public readonly struct Money
{
    public readonly long Cents;
    public Money(long cents) => Cents = cents;
    public static Money operator +(Money a, Money b) => new Money(a.Cents + b.Cents);
    public override string ToString() => (Cents / 100) + "." + Math.Abs(Cents % 100).ToString("00");
}

public class PointHolder
{
    public Point P;
}

/// <summary>Value types: copies, mutation through addresses, nested struct fields.</summary>
public static class Structs
{
    public static int Construct(int x, int y) => new Point(x, y).Manhattan();
    public static int CopyIsIndependent(int x)
    {
        var a = new Point(x, 1);
        var b = a;
        b.X = 5;
        return a.X * 10 + b.X;
    }
    public static int MutateMethod(int x, int k)
    {
        var p = new Point(x, x + 1);
        p.Scale(k);
        return p.X + p.Y;
    }
    public static int DefaultStruct(int x)
    {
        Point p = default;
        p.Y = x;
        return p.X + p.Y;
    }
    public static int NestedField(int x)
    {
        var l = new Line();
        l.A.X = x;
        l.B.Y = 3;
        l.B.X = 1;
        return l.Length2;
    }
    public static int StructInArray(int x)
    {
        var pts = new Point[3];
        pts[1].X = x;
        pts[1].Scale(2);
        pts[2] = pts[1];
        pts[2].Y = 7;
        return pts[1].X + pts[1].Y + pts[2].X + pts[2].Y;
    }
    public static int StructInClass(int x)
    {
        var h = new PointHolder();
        h.P.X = x;
        h.P.Scale(3);
        var copy = h.P;
        copy.X = 0;
        return h.P.X + copy.X;
    }
    public static string StructToString(int x, int y) => new Point(x, y).ToString();
    public static string ReadonlyStruct(long a, long b) => (new Money(a) + new Money(b)).ToString();
    public static int ReadonlyMethod(int x) => new Point(x, 2).Swapped().X;
    public static int PassByValue(int x)
    {
        var p = new Point(x, x);
        Consume(p);
        return p.X;
    }
    private static void Consume(Point p) => p.X = 99;
    public static int PassByRef(int x)
    {
        var p = new Point(x, x);
        Modify(ref p);
        return p.X;
    }
    private static void Modify(ref Point p) => p.X += 1000;
    public static int InParameter(int x)
    {
        var p = new Point(x, 3);
        return Read(in p);
    }
    private static int Read(in Point p) => p.X - p.Y;
    public static bool StructEquals(int x, int y) => new Point(x, y).Equals(new Point(y, x));
    public static int TupleSwap(int a, int b)
    {
        (a, b) = (b, a);
        var t = (a, b, Sum: a + b);
        return t.Sum * 3 + t.Item1;
    }
    public static int StructHashStable(int x) => new Money(x).GetHashCode() == new Money(x).GetHashCode() ? 1 : 0;
    public static long DateTimeTicks(int days) => new DateTime(2020, 1, 1).AddDays(days & 1023).Ticks;
    public static int GuidRoundTrip(int x)
    {
        var g = new Guid(x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        return g.ToByteArray()[0];
    }
}
