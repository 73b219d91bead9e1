namespace PySharp.Formatting;

/// <summary><c>repr</c>, <c>str</c> and <c>format</c> of Python floats, exactly as CPython 3.11.</summary>
public static class FloatFormat
{
    /// <summary>
    /// <c>repr(x)</c>: shortest round-trip digits, exponent form below 1e-4 and from 1e16,
    /// ".0" on integral values, 'inf', '-inf', 'nan'.
    /// </summary>
    public static string Repr(double x)
    {
        Span<char> buf = stackalloc char[40];
        int n = DoubleFormatter.Format(x, 'r', 0, DtsfFlags.AddDot0, false, buf, out char[]? heap);
        return heap is null ? new string(buf[..n]) : new string(heap, 0, n);
    }

    /// <summary><c>str(x)</c>: the same as <see cref="Repr"/> in Python 3.</summary>
    public static string Str(double x) => Repr(x);

    /// <summary><c>format(x, spec)</c> for a float.</summary>
    /// <exception cref="FormatSpecException">Invalid specifier (CPython's message).</exception>
    public static string Format(double x, string spec)
    {
        if (spec.Length == 0) return Repr(x);
        return Format(x, FormatSpec.Parse(spec, '\0', '>', "float"));
    }

    /// <summary><c>format(x, spec)</c> with an already parsed specifier (also used for int → float types).</summary>
    public static string Format(double x, FormatSpec spec)
    {
        switch (spec.Type)
        {
            case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
                break;
            default:
                throw spec.Unknown("float");
        }
        if (spec.Precision > int.MaxValue) throw new FormatSpecException("precision too big");
        char type = spec.Type;
        int precision = (int)spec.Precision, defaultPrecision = 6;
        var flags = DtsfFlags.None;
        if (spec.Alternate) flags |= DtsfFlags.Alt;
        if (spec.NoNegativeZero) flags |= DtsfFlags.NoNegZero;
        if (type == '\0')
        {
            // No type: like repr without precision, like 'g' (with at least ".0") with one.
            flags |= DtsfFlags.AddDot0;
            type = 'r';
            defaultPrecision = 0;
        }
        if (type == 'n') type = 'g';
        bool percent = false;
        if (type == '%')
        {
            type = 'f';
            x *= 100;
            percent = true;
        }
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';
        string s = DoubleFormatter.ToString(x, type, precision, flags);
        return ComposeFloat(spec, s, percent);
    }

    /// <summary>Splits a dtoa-style string into sign, integer digits, '.', remainder and lays it out.</summary>
    internal static string ComposeFloat(FormatSpec spec, string s, bool percent)
    {
        // Common case: nothing to pad, group or sign beyond what the digits already carry.
        if (!percent && spec.Grouping == '\0' && spec.Sign is '\0' or '-' && spec.Width <= s.Length) return s;
        int start = 0;
        bool negative = false;
        if (s.Length > 0 && s[0] == '-') { negative = true; start = 1; }
        int i = start;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        ReadOnlySpan<char> digits = s.AsSpan(start, i - start);
        bool hasDecimal = i < s.Length && s[i] == '.';
        ReadOnlySpan<char> remainder = s.AsSpan(hasDecimal ? i + 1 : i);
        if (percent) remainder = string.Concat(remainder, "%");
        return NumberLayout.Compose(spec, negative, default, digits, hasDecimal, remainder);
    }
}
