using System.Globalization;

namespace PySharp.Interpreter;

/// <summary>
/// Code-point positions for strings holding characters outside the BMP (stored as UTF-16
/// surrogate pairs): Python indexes such strings by code point, .NET by code unit.
/// </summary>
public static partial class StrOps
{
    /// <summary>The code-point index of code-unit offset <paramref name="unit"/>.</summary>
    public static int UnitToCodePoint(string s, int unit)
    {
        int n = unit;
        for (int i = 0; i < unit && i < s.Length; i++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { n--; i++; }
        return n;
    }

    /// <summary>The code-unit offset of code-point index <paramref name="cp"/> (clamped to the string).</summary>
    public static int CodePointToUnit(string s, long cp)
    {
        int i = 0;
        for (long k = 0; k < cp && i < s.Length; k++)
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return i;
    }

    /// <summary>Ordinal comparison in code-point order (UTF-16 order differs once surrogates meet U+E000..U+FFFF).</summary>
    public static int Compare(string a, string b)
    {
        if (ReferenceEquals(a, b)) return 0;
        int i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length) return a.Length - b.Length;
        char x = a[i], y = b[i];
        if (x < 0xD800 || y < 0xD800) return x - y;
        // A low surrogate after the shared prefix may complete a pair that starts one unit earlier.
        int j = i > 0 && char.IsHighSurrogate(a[i - 1]) && (char.IsLowSurrogate(x) || char.IsLowSurrogate(y)) ? i - 1 : i;
        return CodePointAt(a, j) - CodePointAt(b, j);
    }

    /// <summary>The code point starting at unit <paramref name="i"/>: a pair joined, a lone surrogate as itself.</summary>
    private static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    public static string Repeat(string s, int n)
    {
        if (n <= 0) return "";
        var sb = new System.Text.StringBuilder(s.Length * n);
        for (int i = 0; i < n; i++) sb.Append(s);
        return sb.ToString();
    }
}

public static partial class TypeInit
{
    /// <summary>SubRange for a string with surrogate pairs: start/end are code points, the result code units.</summary>
    private static (int start, int end) AstralSubRange(string s, PyObject[] a, int from)
    {
        long len = StrOps.CodePointLength(s);
        long start = 0, end = len;
        if (a.Length > from && a[from] != PyNone.Instance) { start = Ops.Index(a[from]); if (start < 0) start = Math.Max(0, start + len); }
        if (a.Length > from + 1 && a[from + 1] != PyNone.Instance) { end = Ops.Index(a[from + 1]); if (end < 0) end = Math.Max(0, end + len); }
        if (end > len) end = len;
        int su = start > len ? s.Length + 1 : StrOps.CodePointToUnit(s, start);
        return (su, StrOps.CodePointToUnit(s, end));
    }
}
