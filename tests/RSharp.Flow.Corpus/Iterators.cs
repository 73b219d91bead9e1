namespace RSharp.Flow.Corpus;

/// <summary>Compiler-generated state machines: iterators (switch dispatch, try/fault, Dispose through finally).</summary>
public static class Iterators
{
    private static IEnumerable<int> Range(int n)
    {
        for (int i = 0; i < n; i++) yield return i * i;
    }
    private static IEnumerable<string> WithFinally(List<string> log, int n)
    {
        try
        {
            for (int i = 0; i < n; i++)
            {
                log.Add("y" + i);
                yield return "v" + i;
            }
        }
        finally { log.Add("fin"); }
    }
    private static IEnumerable<int> Throwing(int n)
    {
        yield return 1;
        if (n < 0) throw new InvalidOperationException("negative " + n);
        yield return 2;
    }
    public static int SumRange(int n)
    {
        int s = 0;
        foreach (var x in Range(n & 31)) s += x;
        return s;
    }
    public static string EarlyBreakRunsFinally(int n)
    {
        var log = new List<string>();
        foreach (var v in WithFinally(log, n & 7))
        {
            if (v == "v2") break;
            log.Add(v);
        }
        return string.Join(",", log);
    }
    public static int IteratorThrows(int n)
    {
        int s = 0;
        try { foreach (var x in Throwing(n)) s += x; }
        catch (InvalidOperationException e) { s += e.Message.Length * 100; }
        return s;
    }
    public static int ManualEnumerator(int n)
    {
        using var e = Range(n & 15).GetEnumerator();
        int c = 0;
        while (e.MoveNext()) c += e.Current % 7;
        return c;
    }
}
