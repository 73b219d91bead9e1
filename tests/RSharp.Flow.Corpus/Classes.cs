namespace RSharp.Flow.Corpus;

public abstract class Shape
{
    public abstract double Area();
    public virtual string Name => "shape";
    public string Describe() => Name + ":" + Area().ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}

public class Circle : Shape
{
    private readonly double _r;
    public Circle(double r) => _r = r;
    public override double Area() => Math.PI * _r * _r;
    public override string Name => "circle";
}

public class Square : Shape
{
    protected readonly double Side;
    public Square(double side) => Side = side;
    public override double Area() => Side * Side;
    public override string Name => "square";
}

public sealed class ColoredSquare : Square
{
    public ColoredSquare(double side) : base(side) { }
    public override string Name => "colored " + base.Name;
    public override double Area() => base.Area() + 1;
}

public interface ICounter
{
    int Next();
    int Current { get; }
}

public class Counter : ICounter
{
    private int _value;
    public Counter(int start) => _value = start;
    public int Next() => ++_value;
    public int Current => _value;
}

public class StepCounter : ICounter
{
    private int _value;
    private readonly int _step;
    public StepCounter(int step) => _step = step;
    int ICounter.Next() => _value += _step;
    public int Current => _value;
}

public interface IGreeter
{
    string Greet(string name) => "Hello, " + name;
}

public class DefaultGreeter : IGreeter { }

public class Node
{
    public int Value;
    public Node? Next;
}

/// <summary>Objects: virtual and interface dispatch, base calls, fields, casts.</summary>
public static class Classes
{
    private static Shape Make(int kind, double size) => (kind & 3) switch
    {
        0 => new Circle(size),
        1 => new Square(size),
        _ => new ColoredSquare(size),
    };
    public static double VirtualArea(int kind, double size) => Make(kind, size).Area();
    public static string VirtualName(int kind) => Make(kind, 1).Describe();
    public static double SumAreas(int n)
    {
        var shapes = new Shape[(n & 7) + 1];
        for (int i = 0; i < shapes.Length; i++) shapes[i] = Make(i, i);
        double s = 0;
        foreach (var sh in shapes) s += sh.Area();
        return s;
    }
    public static int InterfaceCall(int start, int n)
    {
        ICounter c = (n & 1) == 0 ? new Counter(start) : new StepCounter(start);
        for (int i = 0; i < (n & 7); i++) c.Next();
        return c.Current;
    }
    public static string DefaultInterfaceMethod(string name) => ((IGreeter)new DefaultGreeter()).Greet(name);
    public static int LinkedList(int n)
    {
        Node? head = null;
        for (int i = 0; i < (n & 31); i++) head = new Node { Value = i, Next = head };
        int s = 0;
        for (var p = head; p != null; p = p.Next) s += p.Value;
        return s;
    }
    public static int NullField(int n)
    {
        Node? node = n > 0 ? new Node { Value = n } : null;
        return node!.Value;
    }
    public static string CastFails(object o) => ((string)o).ToUpperInvariant();
    public static int AsOperator(object o) => (o as string)?.Length ?? -1;
    public static bool IsShape(int kind) => Make(kind, 1) is Square;
    public static string TypeName(object o) => o?.GetType().Name ?? "null";
    public static int ObjectEquality(int a)
    {
        var x = new Node { Value = a };
        var y = x;
        var z = new Node { Value = a };
        return (x == y ? 1 : 0) + (x == z ? 2 : 0) + (x.Equals(z) ? 4 : 0);
    }
    public static string ToStringVirtual(object o) => o?.ToString() ?? "null";
    public static int HashOfInt(int a) => a.GetHashCode() ^ ((object)a).GetHashCode();
    public static bool ReferenceEqualsStrings(string a) => ReferenceEquals(a, a) && (object)a != (object)"zzz";
    public static int ListUse(int n)
    {
        var list = new List<int>();
        for (int i = 0; i < (n & 15); i++) list.Add(i * 3);
        list.RemoveAll(x => x % 2 == 0);
        return list.Count * 100 + (list.Count > 0 ? list[^1] : 0);
    }
    public static int DictionaryUse(string[] words)
    {
        var d = new Dictionary<string, int>();
        foreach (var w in words)
        {
            var key = w ?? "<null>";
            d[key] = d.TryGetValue(key, out var c) ? c + 1 : 1;
        }
        return d.Count * 10 + d.Values.Max();
    }
}

public class Decorated
{
    public int Id;
    public override string ToString() => "[" + base.ToString() + ":" + Id + "]";
    public override bool Equals(object? obj) => obj is Decorated d ? d.Id == Id : base.Equals(obj);
    public override int GetHashCode() => Id;
}

/// <summary>base calls into the BCL from overrides (must not dispatch virtually).</summary>
public static class BaseCalls
{
    public static string BaseToString(int id) => new Decorated { Id = id }.ToString();
    public static bool BaseEquals(int a, int b) => new Decorated { Id = a }.Equals(b == 0 ? "x" : new Decorated { Id = b });
    public static int HashSetOfDecorated(int n)
    {
        var set = new HashSet<Decorated>();
        for (int i = 0; i < (n & 15); i++) set.Add(new Decorated { Id = i % 5 });
        return set.Count;
    }
}
