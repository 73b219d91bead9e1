namespace RSharp.Flow.Corpus;

/// <summary>Recursive and mutually recursive functions.</summary>
public static class Recursion
{
    public static int Fib(int n) => FibRec(n & 15);
    private static int FibRec(int n) => n < 2 ? n : FibRec(n - 1) + FibRec(n - 2);
    public static long Factorial(int n) => FactRec(n & 15);
    private static long FactRec(int n) => n <= 1 ? 1 : n * FactRec(n - 1);
    public static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
    public static bool IsEven(int n) => EvenRec(n & 63);
    private static bool EvenRec(int n) => n == 0 || OddRec(n - 1);
    private static bool OddRec(int n) => n != 0 && EvenRec(n - 1);
    public static int Ackermann(int m, int n) => Ack(m & 1, n & 3);
    private static int Ack(int m, int n) => m == 0 ? n + 1 : n == 0 ? Ack(m - 1, 1) : Ack(m - 1, Ack(m, n - 1));
    public static long Power(long b, int e) => Pow(b, e & 15);
    private static long Pow(long b, int e) => e == 0 ? 1 : e % 2 == 0 ? Pow(b * b, e / 2) : b * Pow(b, e - 1);
    public static int Hanoi(int n) => HanoiRec(n & 7, 0, 1, 2);
    private static int HanoiRec(int n, int a, int b, int c) => n == 0 ? 0 : HanoiRec(n - 1, a, c, b) + 1 + HanoiRec(n - 1, c, b, a);
    public static int BinarySearch(int[] a, int key)
    {
        var copy = (int[])a.Clone();
        Array.Sort(copy);
        return Search(copy, key, 0, copy.Length - 1);
    }
    private static int Search(int[] a, int key, int lo, int hi)
    {
        if (lo > hi) return -1;
        int mid = lo + (hi - lo) / 2;
        return a[mid] == key ? mid : a[mid] < key ? Search(a, key, mid + 1, hi) : Search(a, key, lo, mid - 1);
    }
    public static string Digits(int n) => n < 0 ? "-" + Digits(-(n / 10)) + Digit(-(n % 10)) : n < 10 ? Digit(n) : Digits(n / 10) + Digit(n % 10);
    private static string Digit(int d) => ((char)('0' + d)).ToString();
    public static int TreeDepth(int n)
    {
        var t = Build(n & 15);
        return Depth(t);
    }
    private sealed class Tree { public Tree? L, R; }
    private static Tree? Build(int n) => n == 0 ? null : new Tree { L = Build(n / 2), R = Build(n - 1 - n / 2) };
    private static int Depth(Tree? t) => t == null ? 0 : 1 + Math.Max(Depth(t.L), Depth(t.R));
}
