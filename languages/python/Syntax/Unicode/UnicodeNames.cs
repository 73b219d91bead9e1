using System.Globalization;
using System.IO.Compression;

namespace PySharp.Syntax;

/// <summary>
/// Unicode character names for <c>\N{...}</c> escapes: the full name list of Unicode 14
/// (CPython 3.11's unicodedata), the common aliases, and the algorithmic names (CJK
/// ideographs, Hangul syllables, Khitan, Nushu; Tangut has no names in 3.11). Lookup is
/// case-insensitive.
/// </summary>
public static class UnicodeNames
{
    static Dictionary<string, int>? names;
    static HashSet<int>? named;
    static Dictionary<int, string>? canonical;
    static readonly object gate = new();

    static readonly (string prefix, (int lo, int hi)[] ranges)[] Algorithmic =
    [
        ("CJK UNIFIED IDEOGRAPH-", [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x2A6DF), (0x2A700, 0x2B738),
                                    (0x2B740, 0x2B81D), (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x30000, 0x3134A)]),
        ("CJK COMPATIBILITY IDEOGRAPH-", [(0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0x2F800, 0x2FA1D)]),
        ("KHITAN SMALL SCRIPT CHARACTER-", [(0x18B00, 0x18CD5)]),
        ("NUSHU CHARACTER-", [(0x1B170, 0x1B2FB)]),
    ];

    static readonly string[] JamoL = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
    static readonly string[] JamoV = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
    static readonly string[] JamoT = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

    /// <summary>The code point named <paramref name="name"/>, or -1.</summary>
    public static int Lookup(string name)
    {
        string upper = name.ToUpperInvariant();
        foreach (var (prefix, ranges) in Algorithmic)
        {
            if (!upper.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string hex = upper[prefix.Length..];
            if (hex.Length is < 4 or > 5 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp)) return -1;
            foreach (var (lo, hi) in ranges) if (cp >= lo && cp <= hi) return cp;
            return -1;
        }
        if (upper.StartsWith("HANGUL SYLLABLE ", StringComparison.Ordinal))
        {
            string rest = upper["HANGUL SYLLABLE ".Length..];
            for (int l = 0; l < JamoL.Length; l++)
            {
                if (!rest.StartsWith(JamoL[l], StringComparison.Ordinal)) continue;
                for (int v = 0; v < JamoV.Length; v++)
                {
                    if (string.CompareOrdinal(rest, JamoL[l].Length, JamoV[v], 0, JamoV[v].Length) != 0) continue;
                    int tStart = JamoL[l].Length + JamoV[v].Length;
                    if (tStart > rest.Length) continue;
                    for (int tt = 0; tt < JamoT.Length; tt++)
                        if (rest.Length - tStart == JamoT[tt].Length && string.CompareOrdinal(rest, tStart, JamoT[tt], 0, JamoT[tt].Length) == 0)
                            return 0xAC00 + (l * 21 + v) * 28 + tt;
                }
            }
            return -1;
        }
        return Table().TryGetValue(upper, out int found) ? found : -1;
    }

    /// <summary>
    /// Whether <paramref name="cp"/> is assigned in Unicode 14 (CPython 3.11's data) as a
    /// named character, an algorithmically named one, or a Hangul syllable. Controls,
    /// private use and surrogates have no names and are not reported here.
    /// </summary>
    public static bool IsNamed(int cp)
    {
        if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
        foreach (var (_, ranges) in Algorithmic)
            foreach (var (lo, hi) in ranges)
                if (cp >= lo && cp <= hi) return true;
        Table();
        return named!.Contains(cp);
    }

    /// <summary>
    /// The name unicodedata.name gives <paramref name="cp"/> (no alias), or null when it has
    /// none: used by the namereplace error handler.
    /// </summary>
    public static string? NameOf(int cp)
    {
        if (cp >= 0xAC00 && cp <= 0xD7A3)
        {
            int s = cp - 0xAC00;
            return "HANGUL SYLLABLE " + JamoL[s / (21 * 28)] + JamoV[s % (21 * 28) / 28] + JamoT[s % 28];
        }
        foreach (var (prefix, ranges) in Algorithmic)
            foreach (var (lo, hi) in ranges)
                if (cp >= lo && cp <= hi) return prefix + cp.ToString("X", CultureInfo.InvariantCulture);
        Table();
        return canonical!.TryGetValue(cp, out var n) ? n : null;
    }

    static Dictionary<string, int> Table()
    {
        if (names != null) return names;
        lock (gate)
        {
            if (names != null) return names;
            var table = new Dictionary<string, int>(33000, StringComparer.Ordinal);
            using var stream = typeof(UnicodeNames).Assembly.GetManifestResourceStream("PySharp.Syntax.UnicodeNames.txt.gz")
                ?? throw new InvalidOperationException("UnicodeNames resource missing");
            using var gz = new GZipStream(stream, CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            var byCp = new Dictionary<int, string>(33000);
            // The file lists the real names in code point order, then the aliases from the start again.
            int last = -1;
            bool aliases = false;
            while (reader.ReadLine() is { } line)
            {
                int semi = line.IndexOf(';');
                if (semi <= 0) continue;
                int cp = int.Parse(line.AsSpan(0, semi), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (cp < last) aliases = true;
                last = cp;
                table.TryAdd(line[(semi + 1)..], cp);
                if (!aliases) byCp.TryAdd(cp, line[(semi + 1)..]);
            }
            named = new HashSet<int>(table.Values);
            canonical = byCp;
            return names = table;
        }
    }
}
