namespace RSharp.Flow.Corpus;

public class CorpusException : Exception
{
    public int Code { get; }
    public CorpusException(string message, int code) : base(message) => Code = code;
}

public sealed class Resource : IDisposable
{
    private readonly List<string> _log;
    public Resource(List<string> log) { _log = log; _log.Add("open"); }
    public void Dispose() => _log.Add("close");
}

/// <summary>try/catch/finally/filter, exceptions crossing calls, using.</summary>
public static class Exceptions
{
    private static int Thrower(int a)
    {
        if (a < 0) throw new ArgumentException("negative: " + a);
        if (a == 0) throw new CorpusException("zero", 7);
        return a * 2;
    }
    public static int CatchSpecific(int a)
    {
        try { return Thrower(a); }
        catch (ArgumentException e) { return e.Message.Length; }
    }
    public static int CatchBase(int a)
    {
        try { return Thrower(a); }
        catch (Exception e) when (e is CorpusException ce) { return -ce.Code; }
        catch (Exception) { return -1; }
    }
    public static int Uncaught(int a) => Thrower(a) + 1;
    public static string FinallyOrder(int a)
    {
        var log = "";
        try
        {
            log += "t";
            if (a > 0) return log + "r";
            log += Thrower(a);
        }
        catch (CorpusException) { log += "c"; }
        finally { log += "f"; }
        return log;
    }
    public static int ReturnInFinallyProtected(int a)
    {
        int x = 1;
        try
        {
            try { x = 10 / a; return x; }
            finally { x += 100; }
        }
        finally { x += 1000; }
    }
    public static int NestedFinally(int a)
    {
        var log = new List<string>();
        try
        {
            try
            {
                log.Add("a");
                if (a == 1) return log.Count;
                if (a < 0) throw new InvalidOperationException("inner");
                log.Add("b");
            }
            finally { log.Add("f1"); }
            log.Add("c");
        }
        catch (InvalidOperationException) { log.Add("catch"); }
        finally { log.Add("f2"); }
        return log.Count * 10 + string.Join("", log).Length;
    }
    public static int Filter(int a)
    {
        try { return Thrower(a); }
        catch (CorpusException e) when (e.Code == 7 && a == 0) { return 70; }
        catch (ArgumentException e) when (e.Message.Contains("-1")) { return 1; }
        catch (ArgumentException) { return 2; }
    }
    public static int FilterRejectsToOuter(int a)
    {
        try
        {
            try { return Thrower(a); }
            catch (ArgumentException e) when (e.Message.Length > 100) { return -100; }
        }
        catch (ArgumentException) { return -200; }
    }
    public static int Rethrow(int a)
    {
        try
        {
            try { return Thrower(a); }
            catch (CorpusException) { throw; }
        }
        catch (CorpusException e) { return e.Code * 3; }
    }
    public static int ThrowInCatch(int a)
    {
        try
        {
            try { return Thrower(a); }
            catch (Exception e) { throw new InvalidOperationException("wrapped " + e.Message); }
        }
        catch (InvalidOperationException e) { return e.Message.Length; }
    }
    public static int ThrowFromFinally(int a)
    {
        try
        {
            try { return Thrower(a); }
            finally { if (a == 5) throw new CorpusException("from finally", 5); }
        }
        catch (CorpusException e) { return e.Code * 100; }
    }
    public static string UsingStatement(int a)
    {
        var log = new List<string>();
        try
        {
            using (new Resource(log))
            {
                log.Add("body");
                Thrower(a);
            }
        }
        catch (ArgumentException) { log.Add("caught"); }
        catch (CorpusException) { log.Add("corpus"); }
        return string.Join(",", log);
    }
    public static int FinallyInLoop(int n)
    {
        int s = 0;
        for (int i = 0; i < (n & 15); i++)
        {
            try
            {
                if (i == 3) continue;
                if (i == 9) break;
                s += i;
            }
            finally { s += 100; }
        }
        return s;
    }
    public static int DivideCatch(int a, int b)
    {
        try { return a / b; }
        catch (DivideByZeroException) { return int.MinValue; }
        catch (OverflowException) { return int.MaxValue; }
    }
    public static int IndexCatch(int[] a, int i)
    {
        try { return a[i]; }
        catch (IndexOutOfRangeException) { return -1; }
        catch (NullReferenceException) { return -2; }
    }
    public static int CastCatch(object o)
    {
        try { return ((string)o).Length; }
        catch (InvalidCastException e) { return e.Message.Length; }
        catch (NullReferenceException) { return -1; }
    }
    public static string ExceptionMessage(int a)
    {
        try { Thrower(a); return "ok"; }
        catch (Exception e) { return e.GetType().Name + ":" + e.Message; }
    }
    public static int CatchAll(int a)
    {
        try { return Thrower(a); }
        catch { return -5; }
    }
    public static int FaultLikeFinallyWithThrow(int a)
    {
        int state = 0;
        try
        {
            try { state = 1; Thrower(a); state = 2; }
            finally { state += 10; }
        }
        catch (Exception) { state += 100; }
        return state;
    }
    public static int NestedTryInFinally(int a)
    {
        int r = 0;
        try { r = Thrower(a); }
        catch (ArgumentException) { r = -1; }
        finally
        {
            try { r += Thrower(a + 1); }
            catch (Exception) { r += 1000; }
        }
        return r;
    }
    public static int ExceptionCrossesRecursion(int n)
    {
        try { return Deep(n & 15); }
        catch (CorpusException e) { return e.Code; }
    }
    private static int Deep(int n) => n == 0 ? throw new CorpusException("bottom", 42) : 1 + Deep(n - 1);
    public static int LockStatement(int a)
    {
        var gate = new object();
        int r;
        lock (gate) { r = a * 2; }
        return r;
    }
    public static int ThrowNull(int a)
    {
        try
        {
            Exception? e = null;
            if (a > 0) throw e!;
            return 0;
        }
        catch (NullReferenceException) { return 1; }
    }
    public static int CheckedInTry(int a)
    {
        int r = 0;
        try { r = checked(a + a); }
        catch (OverflowException) { r = -1; }
        finally { r++; }
        return r;
    }
}
