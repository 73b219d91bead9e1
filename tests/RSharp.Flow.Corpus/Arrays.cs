namespace RSharp.Flow.Corpus;

/// <summary>Arrays of every element kind, initializers, multi-dimensional and jagged arrays.</summary>
public static class Arrays
{
    public static int Sum(int[] a)
    {
        int s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }
    public static int ForeachSum(int[] a)
    {
        int s = 0;
        foreach (var x in a) s += x;
        return s;
    }
    public static int Get(int[] a, int i) => a[i];
    public static void ReverseInPlace(int[] a)
    {
        for (int i = 0, j = a.Length - 1; i < j; i++, j--) (a[i], a[j]) = (a[j], a[i]);
    }
    public static int[] Squares(int n)
    {
        var r = new int[n & 15];
        for (int i = 0; i < r.Length; i++) r[i] = i * i;
        return r;
    }
    public static int[] NegativeSize(int n) => new int[n >> 22];
    public static int Initializer(int i)
    {
        int[] primes = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
        return primes[i & 15];
    }
    public static string StringInitializer(int i)
    {
        var names = new[] { "zero", "one", "two", "three" };
        return names[i & 3];
    }
    public static double DoubleArray(double[] a)
    {
        double s = 0;
        foreach (var d in a) s += d;
        return s;
    }
    public static long LongArray(long[] a) => a.Length == 0 ? 0 : a[0] + a[a.Length - 1];
    public static int ByteArray(byte[] a)
    {
        int s = 0;
        for (int i = 0; i < a.Length; i++) { a[i] = (byte)(a[i] + 1); s += a[i]; }
        return s;
    }
    public static int Matrix(int n)
    {
        n = (n & 7) + 1;
        var m = new int[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i, j] = i * j;
        int t = 0;
        for (int i = 0; i < n; i++) t += m[i, n - 1 - i];
        return t;
    }
    public static int Jagged(int n)
    {
        n &= 7;
        var j = new int[n][];
        for (int i = 0; i < n; i++) { j[i] = new int[i + 1]; j[i][i] = i; }
        int s = 0;
        foreach (var row in j) s += row.Length + row[^1];
        return s;
    }
    public static void RefElement(int[] a)
    {
        ref int first = ref a[0];
        first += 100;
    }
    public static object Covariant(string[] a)
    {
        object[] o = a;
        o[0] = 42;
        return o[0];
    }
    public static int SortAndTake(int[] a)
    {
        var copy = (int[])a.Clone();
        Array.Sort(copy);
        return copy.Length > 0 ? copy[0] * 1000 + copy[^1] : -1;
    }
    public static int ObjectArray(object[] a)
    {
        int c = 0;
        foreach (var o in a) if (o is string) c++;
        return c;
    }
    public static string CharArray(string s)
    {
        char[] cs = new char[s.Length];
        for (int i = 0; i < cs.Length; i++) cs[i] = (char)(s[i] + 1);
        return new string(cs);
    }
    public static int BoolArray(int n)
    {
        var sieve = new bool[(n & 63) + 2];
        int count = 0;
        for (int i = 2; i < sieve.Length; i++)
        {
            if (sieve[i]) continue;
            count++;
            for (int j = i * 2; j < sieve.Length; j += i) sieve[j] = true;
        }
        return count;
    }
    public static int IndexFromEnd(int[] a) => a[^1];
    public static int[] Slice(int[] a) => a[1..];
    public static int LengthOfNull(int[] a) => a.Length;
    public static short ShortArray(short a)
    {
        var s = new short[] { a, (short)(a * 2), -1 };
        return (short)(s[0] + s[1] + s[2]);
    }
    public static float FloatArray(float f)
    {
        var a = new float[3];
        a[1] = f;
        a[2] = a[1] * 2;
        return a[0] + a[1] + a[2];
    }
}
