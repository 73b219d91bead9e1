using System.Numerics;

namespace PySharp.Formatting;

/// <summary><c>repr</c> and <c>format</c> of Python complex numbers, exactly as CPython 3.11.</summary>
public static class ComplexFormat
{
    /// <summary><c>repr(z)</c>: '1j', '(1+2j)', '(-0-1j)', 'infj', '(nan+nanj)'.</summary>
    public static string Repr(Complex z)
    {
        double re = z.Real, im = z.Imaginary;
        if (re == 0 && !double.IsNegative(re))
            return DoubleFormatter.ToString(im, 'r', 0, DtsfFlags.None) + "j";
        return "(" + DoubleFormatter.ToString(re, 'r', 0, DtsfFlags.None)
            + DoubleFormatter.ToString(im, 'r', 0, DtsfFlags.Sign) + "j)";
    }

    /// <summary><c>str(z)</c>: the same as <see cref="Repr"/>.</summary>
    public static string Str(Complex z) => Repr(z);

    /// <summary><c>format(z, spec)</c> for a complex.</summary>
    /// <exception cref="FormatSpecException">Invalid specifier (CPython's message).</exception>
    public static string Format(Complex z, string spec)
    {
        if (spec.Length == 0) return Repr(z);
        var f = FormatSpec.Parse(spec, '\0', '>', "complex");
        switch (f.Type)
        {
            case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
                break;
            default:
                throw f.Unknown("complex");
        }
        if (f.Precision > int.MaxValue) throw new FormatSpecException("precision too big");
        if (f.Fill == "0") throw new FormatSpecException("Zero padding is not allowed in complex format specifier");
        if (f.Align == '=')
            throw new FormatSpecException("'=' alignment flag is not allowed in complex format specifier");

        double re = z.Real, im = z.Imaginary;
        char type = f.Type;
        int precision = (int)f.Precision, defaultPrecision = 6;
        bool skipRe = false, parens = false;
        var flags = DtsfFlags.None;
        if (f.Alternate) flags |= DtsfFlags.Alt;
        if (f.NoNegativeZero) flags |= DtsfFlags.NoNegZero;
        if (type == '\0')
        {
            // Like str(z): omit a +0 real part, otherwise parenthesise.
            type = 'r';
            defaultPrecision = 0;
            if (re == 0 && !double.IsNegative(re)) skipRe = true; else parens = true;
        }
        if (type == 'n') type = 'g';
        if (precision < 0) precision = defaultPrecision;
        else if (type == 'r') type = 'g';

        string reText = DoubleFormatter.ToString(re, type, precision, flags);
        string imText = DoubleFormatter.ToString(im, type, precision, flags);
        // Each part gets sign and grouping but no padding; the whole is padded afterwards.
        var partSpec = f with { Fill = " ", Align = '<', Width = -1 };
        string rePart = skipRe ? "" : FloatFormat.ComposeFloat(partSpec, reText, false);
        string imPart = FloatFormat.ComposeFloat(skipRe ? partSpec : partSpec with { Sign = '+' }, imText, false);
        string body = (parens ? "(" : "") + rePart + imPart + "j" + (parens ? ")" : "");
        return StringFormat.Pad(body, body.Length, f.Width, f.Align, f.Fill);
    }
}
