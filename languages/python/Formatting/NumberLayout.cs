using System.Text;

namespace PySharp.Formatting;

/// <summary>
/// Sign, prefix, padding and digit grouping of a formatted number: CPython's
/// <c>calc_number_widths</c>, <c>_PyUnicode_InsertThousandsGrouping</c> and <c>fill_number</c>.
/// </summary>
internal static class NumberLayout
{
    /// <summary>
    /// Lays out <c>[lpad][sign][prefix][spad][grouped digits][.][remainder][rpad]</c>.
    /// <paramref name="digits"/> are the integer digits (empty only for 'c'); the remainder is
    /// everything after the decimal point (fraction, exponent, '%', or the 'c' character).
    /// </summary>
    public static string Compose(FormatSpec spec, bool negative, ReadOnlySpan<char> prefix,
        ReadOnlySpan<char> digits, bool hasDecimal, ReadOnlySpan<char> remainder)
    {
        char sign = spec.Sign switch
        {
            '+' => negative ? '-' : '+',
            ' ' => negative ? '-' : ' ',
            _ => negative ? '-' : '\0',
        };
        int nSign = sign == '\0' ? 0 : 1;
        int remainderWidth = CodePoints(remainder);
        int nonDigit = nSign + prefix.Length + (hasDecimal ? 1 : 0) + remainderWidth;
        int minWidth = spec.Fill == "0" && spec.Align == '=' ? spec.Width - nonDigit : 0;
        int groupSize = spec.GroupSize;
        char sep = spec.Grouping == '_' ? '_' : ',';

        string? grouped = null;
        int groupedLen;
        if (digits.Length == 0) groupedLen = 0;
        else if (groupSize == 0 && minWidth <= digits.Length) groupedLen = digits.Length;
        else
        {
            grouped = Group(digits, minWidth, groupSize, sep);
            groupedLen = grouped.Length;
        }
        long padding = (long)spec.Width - (nonDigit + groupedLen);
        long lpad = 0, spad = 0, rpad = 0;
        if (padding > 0)
        {
            switch (spec.Align)
            {
                case '<': rpad = padding; break;
                case '^': lpad = padding / 2; rpad = padding - lpad; break;
                case '=': spad = padding; break;
                default: lpad = padding; break;
            }
        }
        int fillLen = spec.Fill.Length;
        long total = (lpad + spad + rpad) * fillLen + nSign + prefix.Length + groupedLen
            + (hasDecimal ? 1 : 0) + remainder.Length;
        if (total > int.MaxValue) throw new OutOfMemoryException("formatted number too long");
        return Write((int)total, spec.Fill, lpad, spad, rpad, sign, prefix, grouped, digits, hasDecimal, remainder);
    }

    private static string Write(int total, string fill, long lpad, long spad, long rpad, char sign,
        ReadOnlySpan<char> prefix, string? grouped, ReadOnlySpan<char> digits, bool hasDecimal,
        ReadOnlySpan<char> remainder)
    {
        char[]? heap = null;
        Span<char> buf = total <= 256 ? stackalloc char[total] : (heap = new char[total]);
        int p = 0;
        p = FillRun(buf, p, fill, lpad);
        if (sign != '\0') buf[p++] = sign;
        prefix.CopyTo(buf[p..]);
        p += prefix.Length;
        p = FillRun(buf, p, fill, spad);
        ReadOnlySpan<char> g = grouped is null ? digits : grouped;
        g.CopyTo(buf[p..]);
        p += g.Length;
        if (hasDecimal) buf[p++] = '.';
        remainder.CopyTo(buf[p..]);
        p += remainder.Length;
        p = FillRun(buf, p, fill, rpad);
        return heap is null ? new string(buf[..p]) : new string(heap, 0, p);
    }

    private static int FillRun(Span<char> buf, int p, string fill, long count)
    {
        if (count <= 0) return p;
        if (fill.Length == 1)
        {
            buf.Slice(p, (int)count).Fill(fill[0]);
            return p + (int)count;
        }
        for (long i = 0; i < count; i++)
        {
            buf[p++] = fill[0];
            buf[p++] = fill[1];
        }
        return p;
    }

    /// <summary>Counts code points (a surrogate pair is one).</summary>
    public static int CodePoints(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        for (int i = 0; i + 1 < s.Length; i++)
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1])) { n--; i++; }
        return n;
    }

    /// <summary>
    /// Inserts separators every <paramref name="groupSize"/> digits (0: none) and pads with
    /// zeros to <paramref name="minWidth"/>, the padding being grouped too, as CPython does.
    /// </summary>
    public static string Group(ReadOnlySpan<char> digits, int minWidth, int groupSize, char sep)
    {
        var rev = new StringBuilder(Math.Max(digits.Length, minWidth) + digits.Length / 3 + 4);
        int remaining = digits.Length, mw = minWidth, pos = digits.Length;
        bool useSep = false, broken = false;
        if (groupSize > 0)
        {
            while (true)
            {
                int l = Math.Min(groupSize, Math.Max(Math.Max(remaining, mw), 1));
                Emit(rev, digits, ref pos, l, remaining, useSep, sep);
                useSep = true;
                remaining -= Math.Max(0, Math.Min(remaining, l));
                mw -= l;
                if (remaining <= 0 && mw <= 0) { broken = true; break; }
                mw -= 1;
            }
        }
        if (!broken)
        {
            int l = Math.Max(Math.Max(remaining, mw), 1);
            Emit(rev, digits, ref pos, l, remaining, useSep, sep);
        }
        var chars = new char[rev.Length];
        for (int i = 0; i < chars.Length; i++) chars[i] = rev[chars.Length - 1 - i];
        return new string(chars);
    }

    // Appends one group, reversed: separator, then the digits right to left, then padding zeros.
    private static void Emit(StringBuilder rev, ReadOnlySpan<char> digits, ref int pos, int l, int remaining,
        bool useSep, char sep)
    {
        int zeros = Math.Max(0, l - remaining), chars = Math.Max(0, Math.Min(remaining, l));
        if (useSep) rev.Append(sep);
        for (int i = 0; i < chars; i++) rev.Append(digits[--pos]);
        rev.Append('0', zeros);
    }
}
