using RSharp.Hints;

// Samples for Promote, [Virtualizable] and the residual-call warnings. "// mark:NAME" tags
// the lines findings must point at.
namespace RSharp.Annotation.Tests.Samples;

public struct Vec
{
    public int X;
}

[Virtualizable("Pc", "Stack[*]")]
public sealed class GoodFrame
{
    public int Pc;
    public int[] Stack;

    public GoodFrame(int size) => Stack = new int[size];

    public void Push(int v) => Stack[Pc++] = v;
}

[Virtualizable("Pc", "Missing", "Count[*]", "Shared")]
public sealed class BadFrame
{
    public int Pc;
    public int Count;
    public static int Shared;
}

public static class RuleSamples
{
    public static int PromotesScalars(int i, long l, double d, bool b, char c, Box box, string s) =>
        Jit.Promote(i) + (int)Jit.Promote(l) + (int)Jit.Promote(d) + (Jit.Promote(b) ? 1 : 0) + Jit.Promote(c)
        + Jit.Promote(box).X + Jit.PromoteString(s).Length;

    public static object PromotesBoxed(Vec v) => Jit.Promote<object>(v); // mark:promote-box

    public static void UsesGoodFrame(GoodFrame f)
    {
        f.Push(1);
        f.Pc = 0;
        f.Stack[0] = 2;
    }

    public static void ReplacesStack(GoodFrame f) => f.Stack = new int[3]; // mark:replace-stack

    public static int UsesBadFrame() => new BadFrame().Pc;

    public static int Portal(int[] a)
    {
        int s = 0;
        for (int i = 0; i < a.Length; i++)
            s += Loops(a) + Unrolled(a) + Opaque(a) + Straight(a) + Loops(a); // mark:loops
        return s;
    }

    private static int Loops(int[] a)
    {
        int s = 0;
        foreach (var x in a) s += x;
        return s;
    }

    [UnrollSafe]
    private static int Unrolled(int[] a)
    {
        int s = 0;
        foreach (var x in a) s += x;
        return s;
    }

    [DontLookInside]
    private static int Opaque(int[] a) => Loops2(a);

    private static int Straight(int[] a) => a.Length == 0 ? 0 : Loops2(a); // mark:loops2

    private static int Loops2(int[] a)
    {
        int s = 0;
        while (s < a.Length) s++;
        return s;
    }
}
