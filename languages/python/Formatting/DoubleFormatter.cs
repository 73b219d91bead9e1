namespace PySharp.Formatting;

/// <summary>Flags of CPython's <c>PyOS_double_to_string</c> (Py_DTSF_*).</summary>
[Flags]
internal enum DtsfFlags
{
    None = 0,
    Sign = 1,        // always add the sign
    AddDot0 = 2,     // if the result is an integer, add ".0"
    Alt = 4,         // alternate formatting ('#')
    NoNegZero = 8,   // 'z': negative zero after rounding becomes zero
}

/// <summary>
/// The equivalent of CPython's <c>PyOS_double_to_string</c> / <c>format_float_short</c>: lays out
/// the digits from <see cref="DecimalDigits"/> for format codes e, f, g, r (upper case E, F, G
/// give upper-case exponent, INF and NAN).
/// </summary>
internal static class DoubleFormatter
{
    public static string ToString(double value, char formatCode, int precision, DtsfFlags flags)
    {
        bool upper = false;
        switch (formatCode)
        {
            case 'E': case 'F': case 'G':
                upper = true;
                formatCode = char.ToLowerInvariant(formatCode);
                break;
        }
        switch (formatCode)
        {
            case 'e': precision++; break;
            case 'g': if (precision == 0) precision = 1; break;
        }
        Span<char> stack = stackalloc char[64];
        int len = Format(value, formatCode, precision, flags, upper, stack, out char[]? heap);
        return heap is null ? new string(stack[..len]) : new string(heap, 0, len);
    }

    /// <summary>
    /// Formats into <paramref name="dest"/> when it is large enough, else into a new array
    /// returned in <paramref name="heap"/>. <paramref name="precision"/> is dtoa's (already
    /// incremented for 'e'). Returns the length.
    /// </summary>
    public static int Format(double value, char code, int precision, DtsfFlags flags, bool upper,
        Span<char> dest, out char[]? heap)
    {
        heap = null;
        bool negative = double.IsNegative(value);
        if (!double.IsFinite(value))
        {
            string word = double.IsNaN(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
            if (double.IsNaN(value)) negative = false; // CPython ignores the sign of a NaN
            int p = 0;
            if (negative) dest[p++] = '-';
            else if ((flags & DtsfFlags.Sign) != 0) dest[p++] = '+';
            word.AsSpan().CopyTo(dest[p..]);
            return p + word.Length;
        }
        double absx = Math.Abs(value);
        Span<char> shortBuf = stackalloc char[24];
        scoped ReadOnlySpan<char> digits;
        int decpt;
        if (code == 'r')
        {
            int n = DecimalDigits.Shortest(absx, shortBuf, out decpt);
            digits = shortBuf[..n];
        }
        else if (code == 'f') digits = DecimalDigits.Fixed(absx, precision, out decpt);
        else digits = DecimalDigits.Significant(absx, precision, out decpt);

        if ((flags & DtsfFlags.NoNegZero) != 0 && negative && digits.Length == 1 && digits[0] == '0')
            negative = false;

        bool alt = (flags & DtsfFlags.Alt) != 0, addDot0 = (flags & DtsfFlags.AddDot0) != 0;
        int digitsLen = digits.Length, vEnd = digitsLen, exp = 0;
        bool useExp = false;
        switch (code)
        {
            case 'e':
                useExp = true;
                vEnd = precision;
                break;
            case 'f':
                vEnd = decpt + precision;
                break;
            case 'g':
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
                if (alt) vEnd = precision;
                break;
            case 'r':
                // repr switches to exponent notation at 1e16 and below 1e-4.
                if (decpt <= -4 || decpt > 16) useExp = true;
                break;
        }
        if (useExp) { exp = decpt - 1; decpt = 1; }
        int vStart = decpt <= 0 ? decpt - 1 : 0;
        vEnd = !useExp && addDot0 ? Math.Max(vEnd, decpt + 1) : Math.Max(vEnd, decpt);

        long needed = 1L + (vEnd - vStart) + 1 + 8;
        if (needed > dest.Length)
        {
            heap = new char[needed];
            dest = heap;
        }
        int pos = 0;
        if (negative) dest[pos++] = '-';
        else if ((flags & DtsfFlags.Sign) != 0) dest[pos++] = '+';
        if (decpt <= 0)
        {
            dest.Slice(pos, decpt - vStart).Fill('0');
            pos += decpt - vStart;
            dest[pos++] = '.';
            dest.Slice(pos, -decpt).Fill('0');
            pos += -decpt;
        }
        if (0 < decpt && decpt <= digitsLen)
        {
            digits[..decpt].CopyTo(dest[pos..]);
            pos += decpt;
            dest[pos++] = '.';
            digits[decpt..].CopyTo(dest[pos..]);
            pos += digitsLen - decpt;
        }
        else
        {
            digits.CopyTo(dest[pos..]);
            pos += digitsLen;
        }
        if (digitsLen < decpt)
        {
            dest.Slice(pos, decpt - digitsLen).Fill('0');
            pos += decpt - digitsLen;
            dest[pos++] = '.';
            dest.Slice(pos, vEnd - decpt).Fill('0');
            pos += vEnd - decpt;
        }
        else
        {
            dest.Slice(pos, vEnd - digitsLen).Fill('0');
            pos += vEnd - digitsLen;
        }
        if (dest[pos - 1] == '.' && !alt) pos--;
        if (useExp)
        {
            dest[pos++] = upper ? 'E' : 'e';
            dest[pos++] = exp < 0 ? '-' : '+';
            int a = Math.Abs(exp);
            if (a < 10) dest[pos++] = '0';
            a.TryFormat(dest[pos..], out int w);
            pos += w;
        }
        return pos;
    }
}
