namespace RSharp.Flow.Corpus;

public interface IMutable
{
    void Bump();
    int Value { get; }
}

public struct MutableStruct : IMutable
{
    public int V;
    public void Bump() => V++;
    public int Value => V;
}

public sealed class MutableClass : IMutable
{
    public int V;
    public void Bump() => V += 10;
    public int Value => V;
}

public class WithStatics
{
    public static readonly int[] Table = { 1, 1, 2, 6, 24, 120, 720 };
    public static int Counter;
    public static string Label { get; set; } = "init";
    public const double Ratio = 1.5;
}

public class Person
{
    public string Name { get; set; } = "";
    public int Age { get; init; }
    public List<string> Tags { get; } = new();
    public override string ToString() => Name + "(" + Age + ")" + string.Join("+", Tags);
}

public interface IVisitor<out TResult>
{
    TResult VisitNumber(int n);
    TResult VisitAdd(Expr a, Expr b);
}

public abstract class Expr
{
    public abstract T Accept<T>(IVisitor<T> v);
}

public sealed class Num : Expr
{
    public readonly int N;
    public Num(int n) => N = n;
    public override T Accept<T>(IVisitor<T> v) => v.VisitNumber(N);
}

public sealed class Add : Expr
{
    public readonly Expr A, B;
    public Add(Expr a, Expr b) { A = a; B = b; }
    public override T Accept<T>(IVisitor<T> v) => v.VisitAdd(A, B);
}

public sealed class Evaluator : IVisitor<int>
{
    public int VisitNumber(int n) => n;
    public int VisitAdd(Expr a, Expr b) => checked(a.Accept(this) + b.Accept(this));
}

public sealed class Printer : IVisitor<string>
{
    public string VisitNumber(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string VisitAdd(Expr a, Expr b) => "(" + a.Accept(this) + "+" + b.Accept(this) + ")";
}

/// <summary>Constrained calls on mutable structs, statics, properties, visitors, params arrays.</summary>
public static class Misc
{
    private static int BumpTwice<T>(T x) where T : IMutable
    {
        x.Bump();
        x.Bump();
        return x.Value;
    }
    private static void BumpRef<T>(ref T x) where T : IMutable => x.Bump();
    public static int ConstrainedOnStruct(int a)
    {
        var s = new MutableStruct { V = a & 0xFF };
        int twice = BumpTwice(s);
        BumpRef(ref s);
        return twice * 1000 + s.V;
    }
    public static int ConstrainedOnClass(int a)
    {
        var c = new MutableClass { V = a & 0xFF };
        int twice = BumpTwice(c);
        BumpRef(ref c);
        return twice * 1000 + c.V;
    }
    public static int BoxedStructInterface(int a)
    {
        var s = new MutableStruct { V = a & 7 };
        IMutable boxed = s;
        boxed.Bump();
        boxed.Bump();
        return s.V * 100 + boxed.Value;
    }
    public static int StaticTable(int i) => WithStatics.Table[i & 7];
    public static int StaticCounter(int a)
    {
        WithStatics.Counter = a;
        WithStatics.Counter += 5;
        return WithStatics.Counter;
    }
    public static string StaticProperty(string s)
    {
        WithStatics.Label = s ?? "none";
        return WithStatics.Label + WithStatics.Ratio;
    }
    public static string ObjectInitializer(string name, int age)
    {
        var p = new Person { Name = name ?? "?", Age = age, Tags = { "a", "b" } };
        return p.ToString();
    }
    public static int Visitor(int a, int b)
    {
        Expr e = new Add(new Num(a), new Add(new Num(b), new Num(1)));
        return e.Accept(new Evaluator());
    }
    public static string VisitorPrint(int a) => new Add(new Num(a), new Num(2)).Accept(new Printer());
    private static int SumAll(params int[] xs)
    {
        int s = 0;
        foreach (var x in xs) s += x;
        return s;
    }
    public static int ParamsArray(int a, int b) => SumAll(a, b, 3) + SumAll() + SumAll(a);
    private static int Optional(int a, int b = 10, string s = "x") => a * b + s.Length;
    public static int OptionalArguments(int a) => Optional(a) + Optional(a, 2) + Optional(a, s: "hello");
    public static int CharClassify(char c) => (char.IsDigit(c) ? 1 : 0) + (char.IsLetter(c) ? 2 : 0) + (char.IsWhiteSpace(c) ? 4 : 0) + (char.IsUpper(c) ? 8 : 0);
    public static ulong CheckedULongToInt(ulong a) => (ulong)checked((int)a);
    public static int MathFunctions(double d) => (int)Math.Floor(d) + (int)Math.Ceiling(d / 2) + Math.Sign(d) + (int)Math.Round(d * 3);
    public static int BitOperations(uint x) => System.Numerics.BitOperations.PopCount(x) + System.Numerics.BitOperations.LeadingZeroCount(x) * 100;
    public static int TernaryChains(int a, bool f) => f ? (a > 0 ? 1 : a < 0 ? -1 : 0) : (a & 1) == 0 ? 2 : 3;
    public static string NullConditional(string s) => s?.Substring(0, Math.Min(2, s.Length))?.ToUpperInvariant() ?? "<none>";
    public static int ClosuresInLoop(int n)
    {
        var fs = new List<Func<int>>();
        for (int i = 0; i < (n & 7); i++)
        {
            int copy = i;
            fs.Add(() => copy * copy);
        }
        int s = 0;
        foreach (var f in fs) s += f();
        return s;
    }
    public static int StringSwitchGoto(string s)
    {
        int r = 0;
        switch (s)
        {
            case "a": r += 1; goto case "b";
            case "b": r += 2; break;
            case "c": r += 4; goto default;
            default: r += 8; break;
        }
        return r;
    }
    public static long Fnv(string s)
    {
        ulong h = 14695981039346656037;
        foreach (var c in s ?? "") { h ^= c; h *= 1099511628211; }
        return (long)h;
    }
    public static double DoubleLoop(double x)
    {
        double acc = 0;
        for (int i = 1; i <= 10; i++) acc += x / i - acc * 0.1;
        return acc;
    }
    public static int SByteOps(sbyte a, sbyte b) => (sbyte)(a * b) + (a >> 2) + (sbyte)~a;
    public static int UShortChar(char c) => (ushort)(c * 3) + (c >> 3);
    public static int ShortCompound(short a)
    {
        short s = a;
        s += 1000;
        s *= 3;
        return s;
    }
}
