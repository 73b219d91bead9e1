namespace RSharp.Flow.Corpus;

/// <summary>box, unbox, unbox.any, isinst/castclass on value types.</summary>
public static class Boxing
{
    public static object BoxInt(int a) => a;
    public static int UnboxInt(object o) => (int)o;
    public static long UnboxLong(object o) => (long)o;
    public static bool BoxedEquals(int a, int b) => ((object)a).Equals(b);
    public static object BoxEnum(int a) => (Color)(a & 3);
    public static int UnboxEnum(int a)
    {
        object o = (Color)a;
        return (int)(Color)o;
    }
    public static string BoxedToString(double d) => ((object)d).ToString()!;
    public static int IsBoxedInt(object o) => o is int ? 1 : o is long ? 2 : o is char ? 3 : 0;
    public static object BoxStruct(int x) => new Point(x, -x);
    public static int UnboxStruct(int x)
    {
        object o = new Point(x, 2);
        var p = (Point)o;
        p.X = 0;
        return ((Point)o).X + p.Y;
    }
    public static int BoxBool(bool b) => ((object)b).GetHashCode() + (b.Equals((object)true) ? 10 : 0);
    public static string BoxChar(char c) => string.Concat((object)c, (object)(int)c);
    public static int InterfaceOnStruct(int a)
    {
        IComparable<int> c = a;
        return c.CompareTo(5);
    }
    public static string FormatBoxed(int a, double d) => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}-{1:F2}", a, d);
    public static int EnumHasFlag(int a) => ((System.IO.FileAccess)(a & 3)).HasFlag(System.IO.FileAccess.Read) ? 1 : 0;
    public static string EnumToString(Color c) => c.ToString();
}
