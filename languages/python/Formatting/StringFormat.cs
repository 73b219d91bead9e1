namespace PySharp.Formatting;

/// <summary><c>format(s, spec)</c> for str, with CPython's validation messages.</summary>
public static class StringFormat
{
    /// <summary>Formats <paramref name="s"/>: fill, align, width and precision count code points.</summary>
    /// <exception cref="FormatSpecException">Invalid specifier (CPython's message).</exception>
    public static string Format(string s, string spec)
    {
        if (spec.Length == 0) return s;
        var f = FormatSpec.Parse(spec, 's', '<', "str");
        if (f.Type != 's') throw f.Unknown("str");
        if (f.Sign != '\0')
            throw new FormatSpecException(f.Sign == ' '
                ? "Space not allowed in string format specifier"
                : "Sign not allowed in string format specifier");
        if (f.NoNegativeZero)
            throw new FormatSpecException("Negative zero coercion (z) not allowed in string format specifier");
        if (f.Alternate) throw new FormatSpecException("Alternate form (#) not allowed in string format specifier");
        if (f.Align == '=') throw new FormatSpecException("'=' alignment not allowed in string format specifier");

        ReadOnlySpan<char> text = s;
        int length = NumberLayout.CodePoints(text);
        if (f.Precision >= 0 && length > f.Precision)
        {
            text = text[..UnitsForCodePoints(text, (int)f.Precision)];
            length = (int)f.Precision;
        }
        return Pad(text, length, f.Width, f.Align, f.Fill);
    }

    /// <summary>CPython's <c>calc_padding</c> + fill: pads <paramref name="text"/> to <paramref name="width"/> code points.</summary>
    internal static string Pad(ReadOnlySpan<char> text, int length, int width, char align, string fill)
    {
        long total = width >= 0 ? Math.Max(length, width) : length;
        long lpad = align switch
        {
            '>' => total - length,
            '^' => (total - length) / 2,
            _ => 0,
        };
        long rpad = total - length - lpad;
        if (lpad == 0 && rpad == 0) return text.ToString();
        long size = (lpad + rpad) * fill.Length + text.Length;
        if (size > int.MaxValue) throw new OutOfMemoryException("formatted string too long");
        var buf = new char[size];
        int p = 0;
        for (long i = 0; i < lpad; i++) foreach (char c in fill) buf[p++] = c;
        text.CopyTo(buf.AsSpan(p));
        p += text.Length;
        for (long i = 0; i < rpad; i++) foreach (char c in fill) buf[p++] = c;
        return new string(buf);
    }

    private static int UnitsForCodePoints(ReadOnlySpan<char> s, int codePoints)
    {
        int units = 0;
        for (int cp = 0; cp < codePoints && units < s.Length; cp++)
            units += char.IsHighSurrogate(s[units]) && units + 1 < s.Length && char.IsLowSurrogate(s[units + 1]) ? 2 : 1;
        return units;
    }
}
