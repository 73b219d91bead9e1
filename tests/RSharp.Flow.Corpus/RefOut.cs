namespace RSharp.Flow.Corpus;

/// <summary>ref/out/in parameters, ref locals, address-taken locals.</summary>
public static class RefOut
{
    public static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
    public static void Increment(ref long a) => a++;
    public static bool TryDivide(int a, int b, out int q)
    {
        if (b == 0) { q = 0; return false; }
        q = a / b;
        return true;
    }
    public static int CallsTryParse(string s) => int.TryParse(s, out var v) ? v : -1;
    public static void OutString(int a, out string s) => s = a > 0 ? "pos" : "nonpos";
    public static void RefString(ref string s) => s = (s ?? "null") + "!";
    public static int RefLocal(int a)
    {
        int x = a, y = a * 2;
        ref int r = ref (a > 0 ? ref x : ref y);
        r = 100;
        return x + y;
    }
    public static int AddressTakenLoop(int n)
    {
        int total = 0;
        for (int i = 0; i < (n & 15); i++) AddTo(ref total, i);
        return total;
    }
    private static void AddTo(ref int target, int v) => target += v;
    public static int RefToArgument(int a)
    {
        AddTo(ref a, 5);
        return a;
    }
    public static void RefDouble(ref double d) => d = d * 2 + 1;
    public static int OutMultiple(int a)
    {
        Split(a, out var hi, out var lo);
        return hi - lo;
    }
    private static void Split(int a, out int hi, out int lo) { hi = a >> 16; lo = a & 0xFFFF; }
    public static void RefArrayParam(ref int[] a) => a = a == null ? new[] { 1 } : new int[a.Length + 1];
    public static int InterlockedAdd(int a)
    {
        int x = a;
        Interlocked.Add(ref x, 3);
        Interlocked.Increment(ref x);
        return x;
    }
    public static void RefChar(ref char c) => c = char.ToUpperInvariant(c);
    public static void RefBool(ref bool b) => b = !b;
    public static void RefByte(ref byte b) => b += 200;
}
