using PySharp.Syntax;
using System.Globalization;
using System.Text;

namespace PySharp.Interpreter;

/// <summary>
/// CPython's case conversions of str: full Unicode mappings (<c>'ß'.upper() == 'SS'</c>,
/// <c>'İ'.lower() == 'i̇'</c>), case folding, title case and the final-sigma rule, by code
/// point, from CPython's own table (casemapping.txt, an embedded resource). .NET's casing is not used beyond
/// ASCII: it is one-to-one per UTF-16 unit, leaves out mappings to ASCII and follows a newer
/// Unicode version.
/// </summary>
internal static class CaseMapping
{
    // In the order of the table's fields.
    private enum Mode { Upper, Lower, Title, Fold }

    public static string Upper(string s) => IsAscii(s) ? s.ToUpperInvariant() : Map(s, _ => Mode.Upper);
    public static string Lower(string s) => IsAscii(s) ? s.ToLowerInvariant() : Map(s, _ => Mode.Lower);
    public static string Fold(string s) => IsAscii(s) ? s.ToLowerInvariant() : Map(s, _ => Mode.Fold);

    /// <summary>Upper for lowercase characters, lower for uppercase ones (CPython's swapcase).</summary>
    public static string SwapCase(string s) =>
        Map(s, r => (CharProps.Of(r.Value) & CharProps.Upper) != 0 ? Mode.Lower : (CharProps.Of(r.Value) & CharProps.Lower) != 0 ? Mode.Upper : null);

    /// <summary>The first character in title case, the rest in lower case (3.8+).</summary>
    public static string Capitalize(string s)
    {
        bool first = true;
        return Map(s, _ => { var m = first ? Mode.Title : Mode.Lower; first = false; return m; });
    }

    /// <summary>Title case after an uncased character, lower case after a cased one.</summary>
    public static string Title(string s)
    {
        bool previousCased = false;
        return Map(s, r => { var m = previousCased ? Mode.Lower : Mode.Title; previousCased = IsCased(r); return m; });
    }

    private static bool IsAscii(string s)
    {
        foreach (char c in s) if (c >= 0x80) return false;
        return true;
    }

    private static Dictionary<int, string[]>? _mappings;

    /// <summary>Code point to its upper, lower, title and fold mappings (null where it maps to itself).</summary>
    private static Dictionary<int, string[]> Mappings => _mappings ??= Parse();

    private static Dictionary<int, string[]> Parse()
    {
        var d = new Dictionary<int, string[]>(3000);
        using var stream = typeof(CaseMapping).Assembly.GetManifestResourceStream("pysharp.casemapping.txt")
            ?? throw new InvalidOperationException("the case mapping table is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } text)
        {
            var row = text.AsSpan().Trim();
            if (row.IsEmpty || row[0] == '#') continue;
            int colon = row.IndexOf(':');
            int cp = int.Parse(row[..colon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var fields = row[(colon + 1)..].ToString().Split(',');
            var mapped = new string[4];
            for (int k = 0; k < 4; k++)
            {
                if (fields[k].Length == 0) { mapped[k] = char.ConvertFromUtf32(cp); continue; }
                var sb = new StringBuilder();
                foreach (var h in fields[k].Split('.'))
                    sb.Append(char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                mapped[k] = sb.ToString();
            }
            d[cp] = mapped;
        }
        return d;
    }

    private static string Map(string s, Func<Rune, Mode?> modeOf)
    {
        var table = Mappings;
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            if (char.IsSurrogate(s[i]) && !char.IsSurrogatePair(s, i))
            {
                modeOf(new Rune(0xFFFD));   // a lone surrogate has no case, but it is a character (capitalize, title)
                sb.Append(s[i]);
                i++;
                continue;
            }
            Rune r = Rune.GetRuneAt(s, i);
            int width = r.Utf16SequenceLength;
            var mode = modeOf(r);
            if (mode is null || !table.TryGetValue(r.Value, out var mapped))
                sb.Append(s, i, width);
            else if (mode == Mode.Lower && r.Value == 0x03A3)
                sb.Append(IsFinalSigma(s, i) ? 'ς' : 'σ');
            else
                sb.Append(mapped[(int)mode]);
            i += width;
        }
        return sb.ToString();
    }

    /// <summary>
    /// Unicode's Final_Sigma: a capital sigma after a cased letter (skipping case-ignorable
    /// characters) and not before one lowercases to 'ς'.
    /// </summary>
    private static bool IsFinalSigma(string s, int at)
    {
        int j = at;
        bool casedBefore = false;
        while (j > 0)
        {
            Rune r = RuneBefore(s, ref j);
            if (IsCaseIgnorable(r)) continue;
            casedBefore = IsCased(r);
            break;
        }
        if (!casedBefore) return false;
        j = at + 1;
        while (j < s.Length)
        {
            if (char.IsSurrogate(s[j]) && !char.IsSurrogatePair(s, j)) return true;
            Rune r = Rune.GetRuneAt(s, j);
            j += r.Utf16SequenceLength;
            if (IsCaseIgnorable(r)) continue;
            return !IsCased(r);
        }
        return true;
    }

    private static Rune RuneBefore(string s, ref int j)
    {
        if (j >= 2 && char.IsSurrogatePair(s[j - 2], s[j - 1]))
        {
            j -= 2;
            return new Rune(s[j], s[j + 1]);
        }
        j--;
        return char.IsSurrogate(s[j]) ? new Rune(0xFFFD) : new Rune(s[j]);
    }

    private static bool IsCased(Rune r) => (CharProps.Of(r.Value) & CharProps.Cased) != 0;

    private static bool IsCaseIgnorable(Rune r) =>
        Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || r.Value is '\'' or '.' or ':' or 0x00B7 or 0x0387 or 0x05F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
}
