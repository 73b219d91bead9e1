namespace RSharp.Flow.Corpus;

public class Box<T>
{
    public T Value;
    public Box(T value) => Value = value;
    public T Get() => Value;
    public Box<T> With(T v) => new Box<T>(v);
    public virtual string Show() => "Box(" + Value + ")";
}

public class LabeledBox<T> : Box<T>
{
    public LabeledBox(T v) : base(v) { }
    public override string Show() => "Labeled" + base.Show();
}

public struct Pair<TA, TB>
{
    public TA First;
    public TB Second;
    public Pair(TA a, TB b) { First = a; Second = b; }
    public Pair<TB, TA> Swap() => new Pair<TB, TA>(Second, First);
}

public static class GenericHelpers
{
    public static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;
    public static void Swap<T>(ref T a, ref T b) { var t = a; a = b; b = t; }
    public static T FirstOrDefault<T>(T[] items) => items.Length > 0 ? items[0] : default!;
    public static int CountNonDefault<T>(T[] items)
    {
        int c = 0;
        foreach (var x in items) if (!EqualityComparer<T>.Default.Equals(x, default!)) c++;
        return c;
    }
    public static string Describe<T>(T value) => value?.ToString() ?? "null";
    public static bool IsNull<T>(T value) => value == null;
    public static T Identity<T>(T x) => x;
    public static TOut Apply<TIn, TOut>(TIn x, Func<TIn, TOut> f) => f(x);
    public static T Sum<T>(T[] xs) where T : System.Numerics.INumber<T>
    {
        T s = T.Zero;
        foreach (var x in xs) s += x;
        return s;
    }
}

/// <summary>Generic methods over ints and references; generic classes and structs.</summary>
public static class Generics
{
    public static int MaxInt(int a, int b) => GenericHelpers.Max(a, b);
    public static string MaxString(string a, string b) => GenericHelpers.Max(a ?? "", b ?? "");
    public static int SwapInts(int a, int b)
    {
        GenericHelpers.Swap(ref a, ref b);
        return a * 1000 + b;
    }
    public static string SwapStrings(string a, string b)
    {
        GenericHelpers.Swap(ref a, ref b);
        return a + "|" + b;
    }
    public static int FirstInt(int[] a) => GenericHelpers.FirstOrDefault(a);
    public static string FirstString(string[] a) => GenericHelpers.FirstOrDefault(a);
    public static int CountNonZero(int[] a) => GenericHelpers.CountNonDefault(a);
    public static int CountNonNull(string[] a) => GenericHelpers.CountNonDefault(a);
    public static string DescribeInt(int a) => GenericHelpers.Describe(a);
    public static string DescribeString(string s) => GenericHelpers.Describe(s);
    public static bool IsNullInt(int a) => GenericHelpers.IsNull(a);
    public static bool IsNullString(string s) => GenericHelpers.IsNull(s);
    public static int BoxOfInt(int a) => new Box<int>(a).With(a + 1).Get();
    public static string BoxOfString(string s) => new Box<string>(s).Show();
    public static string VirtualGeneric(int a) => new LabeledBox<int>(a).Show();
    public static int PairSwap(int a, string s)
    {
        var p = new Pair<int, string>(a, s).Swap();
        return p.Second + (p.First?.Length ?? 0);
    }
    public static int GenericMath(int[] xs) => GenericHelpers.Sum(xs);
    public static double GenericMathDouble(double[] xs) => GenericHelpers.Sum(xs);
    public static int ApplyLambda(int a) => GenericHelpers.Apply(a, x => x * 2 + 1);
    public static long IdentityLong(long a) => GenericHelpers.Identity(a) + GenericHelpers.Identity(1L);
}
