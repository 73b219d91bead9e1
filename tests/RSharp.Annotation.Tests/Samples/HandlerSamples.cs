using RSharp.Hints;

// Samples for exception handlers, writes through addresses, delegates and static
// constructors. "// mark:NAME" tags the lines findings must point at.
namespace RSharp.Annotation.Tests.Samples;

public class ParseError : Exception
{
    public ParseError(string message) : base(message) { }
}

public sealed class BadToken : ParseError
{
    public BadToken() : base("bad token") { }
}

public static class HandlerSamples
{
    public static int Counter;

    public static int Parse(int x)
    {
        if (x < 0) throw new ParseError("negative");
        return x;
    }

    public static int Token(int x)
    {
        if (x == 0) throw new BadToken();
        return x;
    }

    public static int CatchesExact(int x)
    {
        try { return Parse(x); }
        catch (ParseError) { return -1; }
    }

    public static int CatchesBase(int x)
    {
        try { return Token(x); }
        catch (ParseError) { return -1; }
    }

    public static int CatchesSubclassOnly(int x)
    {
        try { return Parse(x) + Token(x); }
        catch (BadToken) { return -1; }
    }

    public static int Rethrows(int x)
    {
        try { return Parse(x); }
        catch (ParseError) { Counter++; throw; }
    }

    public static int Finally(int x)
    {
        try { return Parse(x); }
        finally { Counter++; }
    }

    public static int Filter(int x)
    {
        try { return Parse(x); }
        catch (ParseError e) when (e.Message.Length > 100) { return -1; }
    }

    public static int CatchAll(int x)
    {
        try { return Parse(x); }
        catch { return -1; }
    }

    public static int Translates(int x)
    {
        try { return Parse(x); }
        catch (ParseError) { throw new InvalidOperationException(); }
    }

    public static int NestedInnerCatches(int x)
    {
        try
        {
            try { return Token(x) + Parse(x); }
            catch (BadToken) { return -2; }
        }
        finally { Counter++; }
    }
}

public struct Pair
{
    public int A;
    public int B;

    public void Bump() => A++;
}

public sealed class Holder2
{
    public Pair P;
    public int N;
    public long Total;
}

public static class AddressSamples
{
    public static int Sink;

    private static void Inc(ref int x) => x++;

    private static int Peek(ref int x) => x;

    private static bool Produce(out int v)
    {
        v = 3;
        return true;
    }

    public static void IncField(Holder2 h) => Inc(ref h.N);

    public static void IncItem(int[] a) => Inc(ref a[0]);

    public static void IncStatic() => Inc(ref Sink);

    public static int IncLocal()
    {
        int x = 1;
        Inc(ref x);
        return x;
    }

    public static void BumpNested(Holder2 h) => h.P.Bump();

    public static void SetNested(Holder2 h) => h.P.B = 3;

    public static int ReadsOnly(Holder2 h) => Peek(ref h.N);

    public static bool OutField(Holder2 h) => Produce(out h.N);

    public static long Atomic(Holder2 h) => System.Threading.Interlocked.Increment(ref h.Total);

    [Elidable]
    public static int ElidableThroughRef(Holder2 h)
    {
        Inc(ref h.N); // mark:through-ref
        return h.N;
    }

    [Elidable]
    public static int ElidableOnLocal()
    {
        int x = 2;
        Inc(ref x);
        return x;
    }

    [Elidable]
    public static int ElidableCallsDelegate(Func<int, int> f) => f(1); // mark:delegate
}

public static class WithCctor
{
    public static int Value = Init();

    private static int Init()
    {
        OtherStatics.Touched = 1; // mark:cctor-write
        return 42;
    }
}

public static class OtherStatics
{
    public static int Touched;
}

public static class ThrowingCctor
{
    public static readonly int Parsed = int.Parse("not a number");
}

public static class CctorSamples
{
    public static int ReadsStatic() => WithCctor.Value;

    public static int ReadsThrowing() => ThrowingCctor.Parsed;

    [Elidable]
    public static int ElidableReadsStatic() => WithCctor.Value;
}
