namespace RSharp.Annotation.Tests.Samples;

public abstract class Shape
{
    public abstract int Mutate();
}

public class Square : Shape
{
    public int Side;

    public override int Mutate() { Side++; return Side; }
}

public class Circle : Shape
{
    public int Radius;

    public override int Mutate()
    {
        Radius++;
        if (Radius > 100) throw new InvalidOperationException("too big");
        return Radius;
    }
}

public class Ring : Circle
{
    public int Inner;

    public override int Mutate() { Inner = base.Mutate(); return Inner; }
}

public static class EffectSamples
{
    public static int Total;

    public static int Pure(int a, int b) => a + b * 3;

    public static int Thrower(int x)
    {
        if (x < 0) throw new ArgumentException("negative");
        return x;
    }

    public static int CallsThrower(int x) => Thrower(x) + 1;

    public static int CallsCallsThrower(int x) => CallsThrower(x) * 2;

    public static int Divides(int a, int b) => a / b;

    public static int Checked(int a, int b) => checked(a + b);

    public static void WritesArrays(int[] a, string[] s, Box[] boxes)
    {
        a[0] = 1;
        s[0] = "x";
        boxes[0] = new Box(1);
    }

    public static void WritesStaticAndField(Box b)
    {
        Total += b.X;
        b.Next = b;
    }

    public static void CallsConsole() => Console.WriteLine("x");

    public static int StringLength(string s) => s.Length + s[0];

    public static int Polymorphic(Shape s) => s.Mutate();

    public static int OnlySquares(Square s) => s.Mutate();

    public static int OnlyCircles(Circle c) => c.Mutate();

    public static bool Even(int n) => n == 0 || Odd(n - 1);

    public static bool Odd(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
        return n != 0 && Even(n - 1);
    }

    public static int Calls(Func<int, int> f) => f(3);
}
