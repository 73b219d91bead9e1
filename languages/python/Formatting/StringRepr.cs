using System.Globalization;
using System.Text;

namespace PySharp.Formatting;

/// <summary>
/// CPython's <c>repr(str)</c>, needed for error messages such as
/// "invalid literal for int() with base 10: 'x'". Printability follows .NET's Unicode tables,
/// which may be a newer Unicode version than CPython 3.11's (14.0) for recently assigned characters.
/// </summary>
public static class StringRepr
{
    /// <summary>Returns <c>repr(s)</c> (code points; surrogate pairs count as one character).</summary>
    public static string Repr(string s)
    {
        bool hasSingle = s.Contains('\''), hasDouble = s.Contains('"');
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            if (cp == quote || cp == '\\') sb.Append('\\').Append((char)cp);
            else if (cp == '\t') sb.Append("\\t");
            else if (cp == '\n') sb.Append("\\n");
            else if (cp == '\r') sb.Append("\\r");
            else if (cp < ' ' || cp == 0x7F) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp < 0x7F) sb.Append((char)cp);
            else if (IsPrintable(cp))
            {
                if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp)); else sb.Append((char)cp);
            }
            else if (cp <= 0xFF) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp <= 0xFFFF) sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
        }
        sb.Append(quote);
        return sb.ToString();
    }

    /// <summary>CPython's <c>%.200R</c>: the repr cut to its first 200 code points.</summary>
    public static string ReprTruncated(string s, int maxCodePoints = 200)
    {
        string r = Repr(s);
        if (r.Length <= maxCodePoints) return r;
        int units = 0, cps = 0;
        while (units < r.Length && cps < maxCodePoints)
        {
            units += char.IsHighSurrogate(r[units]) && units + 1 < r.Length && char.IsLowSurrogate(r[units + 1]) ? 2 : 1;
            cps++;
        }
        return r.Substring(0, units);
    }

    /// <summary>Python's <c>str.isprintable()</c> for one code point.</summary>
    public static bool IsPrintable(int cp)
    {
        if (cp == ' ') return true;
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        switch (CharUnicodeInfo.GetUnicodeCategory(cp))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.SpaceSeparator:
                return false;
            default:
                return true;
        }
    }
}
