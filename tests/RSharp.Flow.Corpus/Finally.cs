namespace RSharp.Flow.Corpus;

/// <summary>Deeply nested try/finally: leaves crossing several finally handlers, returns and jumps out of handlers.</summary>
public static class Finally
{
    public static string ThreeLevelsReturn(int a)
    {
        var log = new System.Text.StringBuilder();
        try
        {
            try
            {
                try
                {
                    log.Append('t');
                    if (a > 5) return log.Append('R').ToString();
                    if (a < 0) throw new InvalidOperationException("deep");
                }
                finally { log.Append('1'); }
                log.Append('m');
            }
            finally { log.Append('2'); }
        }
        catch (InvalidOperationException) { log.Append('c'); }
        finally { log.Append('3'); }
        return log.ToString();
    }
    public static int BreakOutOfNestedFinally(int n)
    {
        int acc = 0;
        for (int i = 0; i < 10; i++)
        {
            try
            {
                try
                {
                    if (i == (n & 7)) break;
                    if (i % 2 == 0) continue;
                    acc += i;
                }
                finally { acc += 100; }
            }
            finally { acc += 1000; }
        }
        return acc;
    }
    public static string TryFinallyInsideCatch(int a)
    {
        var log = "";
        try
        {
            if (a != 0) throw new ArgumentException("a");
            log += "n";
        }
        catch (ArgumentException)
        {
            try
            {
                log += "c";
                if (a > 0) return log + "!";
            }
            finally { log += "f"; }
        }
        return log;
    }
    public static int ExceptionReplacedInFinally(int a)
    {
        try
        {
            try { throw new ArgumentException("first"); }
            finally { if (a > 0) throw new InvalidOperationException("second"); }
        }
        catch (InvalidOperationException e) { return e.Message.Length; }
        catch (ArgumentException e) { return -e.Message.Length; }
    }
    public static int CatchInsideFinallyDoesNotSwallowPending(int a)
    {
        int r = 0;
        try
        {
            try { if (a < 0) throw new InvalidOperationException("pending"); r = 1; }
            finally
            {
                try { throw new ArgumentException("inner"); }
                catch (ArgumentException) { r += 10; }
            }
        }
        catch (InvalidOperationException) { r += 100; }
        return r;
    }
    public static int GotoOutOfTry(int a)
    {
        int r = 0;
        try
        {
            if (a > 0) goto done;
            r = 1;
        }
        finally { r += 10; }
        r += 100;
    done:
        return r;
    }
    public static int LoopInFinally(int n)
    {
        int r = 0;
        try { r = checked(n * 2); }
        finally
        {
            for (int i = 0; i < 3; i++)
            {
                try { if (i == 1) continue; r += i; }
                finally { r += 1000; }
            }
        }
        return r;
    }
    public static string FilterSeesLocals(int a)
    {
        int stage = 0;
        try
        {
            stage = 1;
            if (a > 0) throw new ArgumentException("x");
            stage = 2;
            throw new InvalidOperationException("y");
        }
        catch (Exception e) when (stage == 1 && e is ArgumentException) { return "arg@" + stage; }
        catch (Exception e) when (Log(e, ref stage)) { return "never"; }
        catch (Exception e) { return e.GetType().Name + "@" + stage; }
    }
    private static bool Log(Exception e, ref int stage) { stage += 10; return false; }
    public static int FilterThatThrows(int a)
    {
        try { throw new ArgumentException("z"); }
        catch (ArgumentException) when (1 / (a & 1) == 1) { return 1; }
        catch (ArgumentException) { return 2; }
    }
    public static int UsingNested(int a)
    {
        var log = new List<string>();
        try
        {
            using var r1 = new Resource(log);
            using var r2 = new Resource(log);
            if (a < 0) throw new InvalidOperationException();
            log.Add("body");
        }
        catch (InvalidOperationException) { log.Add("caught"); }
        return log.Count * 10 + log.IndexOf("body");
    }
}
