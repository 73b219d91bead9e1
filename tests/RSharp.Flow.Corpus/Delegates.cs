namespace RSharp.Flow.Corpus;

/// <summary>Delegates and lambdas: ldftn + newobj delegate, Invoke calls, closures, local functions.</summary>
public static class Delegates
{
    public static int StaticLambda(int a)
    {
        Func<int, int> f = x => x * 3;
        return f(a) + f(1);
    }
    public static int Closure(int a)
    {
        int k = a & 7;
        Func<int, int> f = x => x + k;
        k++;
        return f(10);
    }
    public static int ActionMutatesCapture(int a)
    {
        int total = 0;
        Action<int> add = x => total += x;
        for (int i = 0; i < (a & 7); i++) add(i);
        return total;
    }
    public static int LocalFunction(int a)
    {
        int bias = 3;
        int Twice(int x) => 2 * x + bias;
        return Twice(a) + Twice(1);
    }
    public static int StaticLocalFunction(int a)
    {
        static int Sq(int x) => x * x;
        return Sq(a & 255) - Sq(3);
    }
    public static int LinqSum(int[] a) => a.Where(x => x > 0).Select(x => x * 2).Sum();
    public static int LinqCapture(int[] a, int k) => a.Where(x => x > k).Sum(x => x - k);
    public static string LinqOrder(string[] a) => string.Join(",", a.Where(s => s != null).OrderBy(s => s, StringComparer.Ordinal));
    public static int MethodGroup(int a)
    {
        Func<int, int> f = Math.Abs;
        return f(a == int.MinValue ? 0 : a);
    }
    public static int DelegateChain(int a)
    {
        int log = 0;
        Action x = () => log = log * 10 + 1;
        x += () => log = log * 10 + 2;
        if (a > 0) x();
        return log;
    }
    public static bool PredicateOnInstance(string s)
    {
        Predicate<string> p = string.IsNullOrEmpty;
        return p(s);
    }
    public static int InstanceMethodDelegate(int start)
    {
        var c = new Counter(start);
        Func<int> next = c.Next;
        next();
        return next();
    }
}
