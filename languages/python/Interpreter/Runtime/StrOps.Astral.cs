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

    internal static bool AstralIsPrintable(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var cat = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(s[i], s[i + 1]));
                if (cat is UnicodeCategory.OtherNotAssigned or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                    or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
                    return false;
                i++;
            }
            else if (!Ops.IsPrintable(s[i])) return false;
        }
        return true;
    }

    /// <summary>Character classes of the str.isX predicates.</summary>
    public enum CpClass { Alpha, Alnum, Decimal, Numeric, IdStart, IdContinue }

    private static bool Is(int cp, CpClass k)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        bool letter = cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
        return k switch
        {
            CpClass.Alpha => letter,
            CpClass.Decimal => cat == UnicodeCategory.DecimalDigitNumber,
            CpClass.Numeric => cat is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber,
            CpClass.Alnum => letter || cat is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber,
            CpClass.IdStart => letter || cp == '_' || cat == UnicodeCategory.LetterNumber,
            _ => letter || cp == '_' || cat is UnicodeCategory.LetterNumber or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation,
        };
    }

    /// <summary>str.isalpha and friends by code point: true when non-empty and every code point is in the class.</summary>
    public static bool AstralIs(string s, CpClass k)
    {
        if (s.Length == 0) return false;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) cp = char.ConvertToUtf32(s[i], s[++i]);
            if (!Is(cp, k)) return false;
        }
        return true;
    }

    internal static bool AstralIsIdentifier(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) cp = char.ConvertToUtf32(s[i], s[++i]);
            if (!Is(cp, i == 0 || (i == 1 && cp > 0xFFFF) ? CpClass.IdStart : CpClass.IdContinue)) return false;
        }
        return true;
    }

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
