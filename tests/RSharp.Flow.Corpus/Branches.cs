namespace RSharp.Flow.Corpus;

/// <summary>Conditionals and loops.</summary>
public static class Branches
{
    public static int Sign(int a) => a > 0 ? 1 : a < 0 ? -1 : 0;
    public static int Max3(int a, int b, int c)
    {
        int m = a;
        if (b > m) m = b;
        if (c > m) m = c;
        return m;
    }
    public static bool InRange(int a, int lo) => a >= lo && a <= lo + 10;
    public static bool OrElse(int a, int b) => a == 0 || b / a > 2;
    public static bool UnsignedLess(uint a, uint b) => a < b;
    public static bool UnsignedGreaterEq(ulong a, ulong b) => a >= b;
    public static int NaNCompare(double a, double b)
    {
        int r = 0;
        if (a < b) r |= 1;
        if (a <= b) r |= 2;
        if (a > b) r |= 4;
        if (a >= b) r |= 8;
        if (a == b) r |= 16;
        if (a != b) r |= 32;
        if (!(a < b)) r |= 64;
        if (!(a >= b)) r |= 128;
        return r;
    }
    public static int FloatCompare(float a, float b) => (a < b ? 1 : 0) + (a > b ? 2 : 0) + (!(a <= b) ? 4 : 0);
    public static int SumTo(int n)
    {
        int s = 0;
        for (int i = 0; i <= (n & 127); i++) s += i;
        return s;
    }
    public static int WhileLoop(int n)
    {
        int steps = 0;
        long x = n & 0xFFFF;
        while (x > 1 && steps < 200)
        {
            x = x % 2 == 0 ? x / 2 : 3 * x + 1;
            steps++;
        }
        return steps;
    }
    public static int DoWhile(int n)
    {
        int digits = 0;
        do { digits++; n /= 10; } while (n != 0);
        return digits;
    }
    public static int BreakContinue(int n)
    {
        int s = 0;
        for (int i = 0; i < 100; i++)
        {
            if (i % 3 == 0) continue;
            if (i > (n & 63)) break;
            s += i;
        }
        return s;
    }
    public static int NestedLoops(int n)
    {
        int c = 0;
        for (int i = 0; i < (n & 15); i++)
            for (int j = 0; j < i; j++)
                if ((i ^ j) % 3 == 1) c += j;
        return c;
    }
    public static int Goto(int n)
    {
        int i = 0;
    again:
        i++;
        if (i < (n & 31)) goto again;
        return i;
    }
    public static bool BoolLogic(bool a, bool b) => (a & !b) | (a ^ b) && !(a && b);
    public static int IsPrime(int n)
    {
        n &= 0x3FF;
        if (n < 2) return 0;
        for (int d = 2; d * d <= n; d++) if (n % d == 0) return 0;
        return 1;
    }
    public static long LongCompare(long a, long b) => a < b ? -1 : a > b ? 1 : 0;
    public static int NullCheck(string s) => s == null ? -1 : s.Length;
    public static int NullCoalesce(string s) => (s ?? "default").Length;
    public static int Pattern(object o) => o is int i ? i : o is string s ? s.Length : -1;
    public static int CountBits(uint x)
    {
        int c = 0;
        while (x != 0) { c += (int)(x & 1); x >>= 1; }
        return c;
    }
}
