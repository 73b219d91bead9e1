namespace RSharp.Flow.Corpus;

public enum Color { Red, Green, Blue, Yellow = 10 }

/// <summary>switch on ints, enums, chars and strings (Roslyn's hash-based lowering).</summary>
public static class Switches
{
    public static int Dense(int a)
    {
        switch (a)
        {
            case 0: return 10;
            case 1: return 11;
            case 2: return 12;
            case 3: return 13;
            case 4: return 14;
            case 5: return 15;
            default: return -1;
        }
    }
    public static int Sparse(int a)
    {
        switch (a)
        {
            case -100: return 1;
            case 7: return 2;
            case 1000: return 3;
            case int.MaxValue: return 4;
            case int.MinValue: return 5;
            default: return 0;
        }
    }
    public static int WithGaps(int a) => a switch { 1 => 5, 2 => 6, 4 => 7, 5 => 8, 8 => 9, 9 => 10, 10 => 11, _ => 0 };
    public static int Fallthrough(int a)
    {
        int r = 0;
        switch (a & 7)
        {
            case 0:
            case 1: r = 1; break;
            case 2: r = 2; goto case 3;
            case 3: r += 3; break;
            default: r = 9; break;
        }
        return r;
    }
    public static string EnumSwitch(Color c) => c switch
    {
        Color.Red => "r",
        Color.Green => "g",
        Color.Blue => "b",
        Color.Yellow => "y",
        _ => "?",
    };
    public static int CharSwitch(char c) => c switch { 'a' => 1, 'b' => 2, 'z' => 26, '0' => 100, _ => 0 };
    public static int SmallStringSwitch(string s) => s switch { "one" => 1, "two" => 2, "three" => 3, _ => 0 };
    public static int BigStringSwitch(string s)
    {
        switch (s)
        {
            case "one": return 1;
            case "two": return 2;
            case "three": return 3;
            case "four": return 4;
            case "five": return 5;
            case "six": return 6;
            case "seven": return 7;
            case "eight": return 8;
            case "hello": return 9;
            case "": return 10;
            case "abc": return 11;
            default: return s == null ? -1 : 0;
        }
    }
    public static string RangePatterns(int a) => a switch
    {
        < 0 => "negative",
        0 => "zero",
        >= 1 and <= 9 => "digit",
        _ => "big",
    };
    public static int TypeSwitch(object o) => o switch
    {
        null => 0,
        int i when i > 5 => 1,
        int => 2,
        string { Length: 0 } => 3,
        string => 4,
        double d => (int)d,
        _ => 5,
    };
    public static int LongSwitch(long a) => a switch { 0L => 1, 1L => 2, 3L => 3, long.MaxValue => 4, _ => 5 };
    public static int NestedSwitch(int a, int b)
    {
        switch (a & 3)
        {
            case 0:
                switch (b & 3) { case 0: return 0; case 1: return 1; default: return 2; }
            case 1: return 10;
            default: return 20;
        }
    }
}
