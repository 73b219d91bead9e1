using System.Globalization;
using System.Text;

namespace PySharp.Formatting;

/// <summary>
/// A parsed format specification (the mini-language after the colon in <c>format(x, spec)</c>),
/// as CPython's <c>parse_internal_render_format_spec</c> produces it.
/// </summary>
/// <param name="Fill">The fill character as a string (two UTF-16 units for an astral code point).</param>
/// <param name="FillSpecified">Whether a fill character was given explicitly.</param>
/// <param name="Align">One of <c>&lt; &gt; = ^</c> (the type's default when not given).</param>
/// <param name="AlignSpecified">Whether an alignment was given explicitly.</param>
/// <param name="Sign"><c>'+'</c>, <c>'-'</c>, <c>' '</c> or <c>'\0'</c> when absent.</param>
/// <param name="NoNegativeZero">The <c>z</c> flag (coerce negative zero to zero).</param>
/// <param name="Alternate">The <c>#</c> flag.</param>
/// <param name="ZeroPad">The <c>0</c> flag before the width was given.</param>
/// <param name="Width">Minimum width in code points, or -1.</param>
/// <param name="Grouping"><c>','</c>, <c>'_'</c> or <c>'\0'</c>.</param>
/// <param name="Precision">Precision, or -1 (kept as long: CPython reports "precision too big" late).</param>
/// <param name="Type">The presentation type, or <c>'\0'</c> when absent.</param>
public sealed record FormatSpec(
    string Fill, bool FillSpecified, char Align, bool AlignSpecified, char Sign, bool NoNegativeZero,
    bool Alternate, bool ZeroPad, int Width, char Grouping, long Precision, char Type)
{
    /// <summary>Group size implied by <see cref="Grouping"/> and <see cref="Type"/>: 0, 3 or 4.</summary>
    public int GroupSize => Grouping == '\0' ? 0 : Grouping == '_' && Type is 'b' or 'o' or 'x' or 'X' ? 4 : 3;

    /// <summary>
    /// Parses <paramref name="spec"/> like CPython. <paramref name="defaultType"/> is <c>'d'</c> for int,
    /// <c>'\0'</c> for float/complex, <c>'s'</c> for str; <paramref name="defaultAlign"/> is <c>'&gt;'</c>
    /// for numbers and <c>'&lt;'</c> for str. <paramref name="typeName"/> appears in error messages.
    /// </summary>
    /// <exception cref="FormatSpecException">The specifier is invalid (CPython's message).</exception>
    public static FormatSpec Parse(string spec, char defaultType, char defaultAlign, string typeName)
    {
        string fill = " ";
        bool fillSpecified = false, alignSpecified = false;
        char align = defaultAlign, sign = '\0', grouping = '\0', type = defaultType;
        bool noNeg0 = false, alternate = false, zeroPad = false;
        int pos = 0, end = spec.Length;

        // A fill may be a surrogate pair: measure the first code point's length.
        int firstLen = end >= 2 && char.IsHighSurrogate(spec[0]) && char.IsLowSurrogate(spec[1]) ? 2 : 1;
        if (end - pos >= firstLen + 1 && IsAlign(spec[firstLen]))
        {
            fill = spec.Substring(0, firstLen);
            align = spec[firstLen];
            fillSpecified = alignSpecified = true;
            pos = firstLen + 1;
        }
        else if (end - pos >= 1 && IsAlign(spec[pos]))
        {
            align = spec[pos++];
            alignSpecified = true;
        }
        if (pos < end && spec[pos] is '+' or '-' or ' ') sign = spec[pos++];
        if (pos < end && spec[pos] == 'z') { noNeg0 = true; pos++; }
        if (pos < end && spec[pos] == '#') { alternate = true; pos++; }
        if (!fillSpecified && pos < end && spec[pos] == '0')
        {
            fill = "0";
            zeroPad = true;
            if (!alignSpecified && defaultAlign == '>') align = '=';
            pos++;
        }
        long width = ParseInteger(spec, ref pos, out int consumed);
        if (consumed == 0) width = -1;
        if (width > int.MaxValue) throw new FormatSpecException("Too many decimal digits in format string");
        if (pos < end && spec[pos] == ',') { grouping = ','; pos++; }
        if (pos < end && spec[pos] == '_')
        {
            if (grouping != '\0') throw new FormatSpecException("Cannot specify both ',' and '_'.");
            grouping = '_';
            pos++;
        }
        if (pos < end && spec[pos] == ',' && grouping == '_')
            throw new FormatSpecException("Cannot specify both ',' and '_'.");
        long precision = -1;
        if (pos < end && spec[pos] == '.')
        {
            pos++;
            precision = ParseInteger(spec, ref pos, out consumed);
            if (consumed == 0) throw new FormatSpecException("Format specifier missing precision");
        }
        int rest = RemainingCodePoints(spec, pos);
        if (rest > 1)
            throw new FormatSpecException($"Invalid format specifier '{spec}' for object of type '{typeName}'");
        if (rest == 1)
        {
            // An astral type code is unknown anyway; report its first unit like an unknown code.
            if (char.IsHighSurrogate(spec[pos]))
                throw new FormatSpecException(UnknownCode(char.ConvertToUtf32(spec, pos), typeName));
            type = spec[pos];
        }
        if (grouping != '\0')
        {
            switch (type)
            {
                case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
                    break;
                case 'b' or 'o' or 'x' or 'X' when grouping == '_':
                    break;
                default:
                    throw new FormatSpecException(type > 32 && type < 128
                        ? $"Cannot specify '{grouping}' with '{type}'."
                        : $"Cannot specify '{grouping}' with '\\x{(int)type:x}'.");
            }
        }
        return new FormatSpec(fill, fillSpecified, align, alignSpecified, sign, noNeg0, alternate, zeroPad,
            (int)width, grouping, precision, type);
    }

    /// <summary>CPython's "Unknown format code" message for <paramref name="code"/>.</summary>
    public static string UnknownCode(int code, string typeName) => code > 32 && code < 128
        ? $"Unknown format code '{(char)code}' for object of type '{typeName}'"
        : $"Unknown format code '\\x{code:x}' for object of type '{typeName}'";

    /// <summary>Throws CPython's "Unknown format code" error for this spec's type.</summary>
    internal FormatSpecException Unknown(string typeName) => new(UnknownCode(Type, typeName));

    private static bool IsAlign(char c) => c is '<' or '>' or '=' or '^';

    private static int RemainingCodePoints(string s, int pos)
    {
        int n = 0;
        for (int i = pos; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            n++;
        }
        return n;
    }

    // get_integer: Unicode decimal digits count too; overflow past Py_ssize_t is an error.
    private static long ParseInteger(string s, ref int pos, out int consumed)
    {
        long value = 0;
        consumed = 0;
        while (pos < s.Length)
        {
            int cp, len = 1;
            if (char.IsHighSurrogate(s[pos]) && pos + 1 < s.Length && char.IsLowSurrogate(s[pos + 1]))
            {
                cp = char.ConvertToUtf32(s[pos], s[pos + 1]);
                len = 2;
            }
            else cp = s[pos];
            int digit = cp < 128 ? (cp is >= '0' and <= '9' ? cp - '0' : -1) : DecimalValue(cp);
            if (digit < 0) break;
            if (value > (long.MaxValue - digit) / 10)
                throw new FormatSpecException("Too many decimal digits in format string");
            value = value * 10 + digit;
            pos += len;
            consumed++;
        }
        return value;
    }

    /// <summary>The decimal digit value of a Unicode code point (category Nd), or -1.</summary>
    internal static int DecimalValue(int codePoint)
    {
        if (!Rune.IsValid(codePoint)) return -1;
        var rune = new Rune(codePoint);
        return Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber
            ? (int)Rune.GetNumericValue(rune) : -1;
    }
}
