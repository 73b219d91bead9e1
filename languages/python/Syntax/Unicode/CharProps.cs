using System.Globalization;

namespace PySharp.Syntax;

/// <summary>
/// CPython's character properties per code point (<c>Syntax/Unicode/ctype.txt</c>, written by
/// <c>tools/gen_ctype.py</c> from CPython 3.11): what <c>str.isalpha</c>, <c>isdecimal</c>,
/// <c>islower</c>, <c>isidentifier</c> and the others see. .NET's categories follow another
/// Unicode version and lack Other_Lowercase/Other_Uppercase ('ⅷ' is lowercase) and the XID
/// properties, so the tokenizer (identifiers), repr and the str methods read this table. Lookups
/// of the BMP go through a flat table.
/// </summary>
public static class CharProps
{
    /// <summary>Flag bits (see tools/gen_ctype.py).</summary>
#pragma warning disable CS1591 // the flag names say what they are
    public const ushort Alpha = 1, Decimal = 2, Digit = 4, Numeric = 8, Lower = 16, Upper = 32, Title = 64,
        Space = 128, Printable = 256, IdStart = 512, IdContinue = 1024, Cased = 2048;
#pragma warning restore CS1591

    private static ushort[]? s_bmp;
    private static int[]? s_starts;
    private static ushort[]? s_flags;

    /// <summary>The flags of code point <paramref name="cp"/>.</summary>
    public static ushort Of(int cp)
    {
        if (s_bmp is null) Load();
        if (cp < 0x10000) return s_bmp![cp];
        int i = Array.BinarySearch(s_starts!, cp);
        if (i < 0) i = ~i - 1;
        return s_flags![i];
    }

    /// <summary>True if every code point of <paramref name="s"/> has one of <paramref name="any"/>, and s is not empty.</summary>
    public static bool All(string s, ushort any)
    {
        if (s.Length == 0) return false;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = CodePointAt(s, ref i);
            if ((Of(cp) & any) == 0) return false;
        }
        return true;
    }

    /// <summary>The code point at <paramref name="i"/> (a surrogate pair advances i past its low half; a lone surrogate is itself).</summary>
    public static int CodePointAt(string s, ref int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            return char.ConvertToUtf32(c, s[++i]);
        return c;
    }

    private static void Load()
    {
        using var stream = typeof(CharProps).Assembly.GetManifestResourceStream("PySharp.Syntax.ctype.txt")
            ?? throw new InvalidOperationException("the character property table is not embedded");
        using var reader = new StreamReader(stream);
        var starts = new List<int>(4000);
        var flags = new List<ushort>(4000);
        while (reader.ReadLine() is { } text)
        {
            var row = text.AsSpan().Trim();
            if (row.IsEmpty || row[0] == '#') continue;
            int space = row.IndexOf(' ');
            starts.Add(int.Parse(row[..space], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            flags.Add(ushort.Parse(row[(space + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        var bmp = new ushort[0x10000];
        for (int r = 0; r < starts.Count && starts[r] < 0x10000; r++)
        {
            int end = r + 1 < starts.Count ? Math.Min(starts[r + 1], 0x10000) : 0x10000;
            Array.Fill(bmp, flags[r], starts[r], end - starts[r]);
        }
        s_starts = [.. starts];
        s_flags = [.. flags];
        s_bmp = bmp;
    }
}
