using System.Text;

namespace RSharp.Flow.Corpus;

/// <summary>Strings: BCL calls by reflection, indexing, concatenation.</summary>
public static class Strings
{
    public static int Length(string s) => s.Length;
    public static char FirstChar(string s) => s[0];
    public static string Concat(string a, string b) => a + b;
    public static string Concat3(string a, int n) => a + n + "!" + (n * 2);
    public static string Interpolate(string s, int n) => string.Format(System.Globalization.CultureInfo.InvariantCulture, "[{0}:{1,5}:{1:X}]", s, n);
    public static string Upper(string s) => s.ToUpperInvariant();
    public static string Sub(string s, int start) => s.Substring(start & 7);
    public static int IndexOf(string s, char c) => s.IndexOf(c);
    public static bool Equal(string a, string b) => a == b;
    public static int Compare(string a, string b) => string.CompareOrdinal(a, b);
    public static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
    public static int CountVowels(string s)
    {
        int n = 0;
        foreach (char c in s) if ("aeiouAEIOU".IndexOf(c) >= 0) n++;
        return n;
    }
    public static string Builder(int n)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < (n & 15); i++) sb.Append(i).Append(',');
        return sb.ToString();
    }
    public static string Join(string[] parts) => string.Join("-", parts);
    public static int SplitCount(string s) => s.Split(',').Length;
    public static string Repeat(char c, int n) => new string(c, n & 31);
    public static bool IsNullOrEmpty(string s) => string.IsNullOrEmpty(s);
    public static int Hash(string s)
    {
        int h = 0;
        for (int i = 0; i < s.Length; i++) h = h * 31 + s[i];
        return h;
    }
    public static string Trim(string s) => ("  " + s + "  ").Trim();
    public static string CharToString(char c) => string.Concat(c.ToString(), char.ToUpperInvariant(c).ToString());
    public static string Format(double d) => d.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
    public static string IntToString(int a) => a.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static int Parse(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
