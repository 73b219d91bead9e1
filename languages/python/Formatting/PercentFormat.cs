using System.Numerics;
using System.Text;

namespace PySharp.Formatting;

/// <summary>Conversion flags of a <c>%</c>-format directive.</summary>
[Flags]
public enum PercentFlags
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary><c>-</c>: left-justify.</summary>
    LeftAdjust = 1,
    /// <summary><c>+</c>: always a sign.</summary>
    Sign = 2,
    /// <summary><c>' '</c>: a space before positive numbers.</summary>
    Space = 4,
    /// <summary><c>#</c>: alternate form.</summary>
    Alternate = 8,
    /// <summary><c>0</c>: zero padding.</summary>
    ZeroPad = 16,
}

/// <summary>
/// <c>%</c>-formatting of one number (CPython's <c>formatlong</c>, <c>formatfloat</c>, <c>formatchar</c>
/// and <c>unicode_format_arg_output</c>). Width and precision are -1 when absent. The interpreter
/// handles s, r, a and %% itself, and passes ints (bools, __index__) or floats here.
/// </summary>
public static class PercentFormat
{
    /// <summary>Formats a float for conversion d i u e E f F g G (o x X c raise TypeError as CPython).</summary>
    /// <exception cref="PyNumericException">TypeError, OverflowError or ValueError with CPython's message.</exception>
    public static string FormatFloat(double x, PercentFlags flags, int width, int precision, char conv)
    {
        switch (conv)
        {
            case 'd': case 'i': case 'u':
                return FormatInt(FloatOps.ToBigInteger(x), flags, width, precision, conv);
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                string body = DoubleFormatter.ToString(x, conv, precision < 0 ? 6 : precision,
                    (flags & PercentFlags.Alternate) != 0 ? DtsfFlags.Alt : DtsfFlags.None);
                return Output(body, true, flags, width, conv);
            case 'o': case 'x': case 'X':
                throw new PyNumericException(PyErrorKind.TypeError, $"%{conv} format: an integer is required, not float");
            case 'c':
                throw new PyNumericException(PyErrorKind.TypeError, "%c requires int or char");
            default:
                throw new ArgumentException($"not a numeric conversion: {conv}", nameof(conv));
        }
    }

    /// <summary>Formats an int for conversion d i u o x X e E f F g G c.</summary>
    /// <exception cref="PyNumericException">OverflowError with CPython's message.</exception>
    public static string FormatInt(BigInteger n, PercentFlags flags, int width, int precision, char conv)
    {
        switch (conv)
        {
            case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
                return Output(FormatLong(n, (flags & PercentFlags.Alternate) != 0, precision, conv), true, flags, width, conv);
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                return FormatFloat(IntOps.ToDouble(n), flags, width, precision, conv);
            case 'c':
                if (n.Sign < 0 || n > 0x10FFFF)
                    throw new PyNumericException(PyErrorKind.OverflowError, "%c arg not in range(0x110000)");
                int cp = (int)n;
                return Output(cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp), false, flags, width, conv);
            default:
                throw new ArgumentException($"not a numeric conversion: {conv}", nameof(conv));
        }
    }

    /// <summary>Pads an already converted %s/%r/%a text (code points count; '-' left-justifies).</summary>
    public static string FormatText(string text, PercentFlags flags, int width, int precision)
    {
        ReadOnlySpan<char> t = text;
        int len = NumberLayout.CodePoints(t);
        if (precision >= 0 && len > precision)
        {
            t = StringFormat.Format(text, "." + precision.ToString(System.Globalization.CultureInfo.InvariantCulture));
            len = precision;
        }
        return StringFormat.Pad(t, len, width, (flags & PercentFlags.LeftAdjust) != 0 ? '<' : '>', " ");
    }

    // _PyUnicode_FormatLong: [-][0x|0X|0o]digits, digits zero-extended to the precision.
    private static string FormatLong(BigInteger n, bool alt, int precision, char conv)
    {
        BigInteger abs = BigInteger.Abs(n);
        string digits = conv switch
        {
            'o' => IntFormat.PowerOfTwoDigits(abs, 8, false),
            'x' => IntFormat.PowerOfTwoDigits(abs, 16, false),
            'X' => IntFormat.PowerOfTwoDigits(abs, 16, true),
            _ => IntFormat.ToDecimalString(abs),
        };
        var sb = new StringBuilder(digits.Length + 4 + Math.Max(0, precision - digits.Length));
        if (n.Sign < 0) sb.Append('-');
        if (alt && conv is 'o' or 'x' or 'X') sb.Append('0').Append(conv);
        if (precision > digits.Length) sb.Append('0', precision - digits.Length);
        sb.Append(digits);
        return sb.ToString();
    }

    // unicode_format_arg_output: sign, alternate prefix, padding.
    private static string Output(string str, bool numeric, PercentFlags flags, int width, char conv)
    {
        char fill = numeric && (flags & PercentFlags.ZeroPad) != 0 ? '0' : ' ';
        int pindex = 0, len = NumberLayout.CodePoints(str);
        char signChar = '\0';
        bool sign = numeric;
        if (sign)
        {
            char ch = str[0];
            if (ch == '-' || ch == '+') { signChar = ch; len--; pindex++; }
            else if ((flags & PercentFlags.Sign) != 0) signChar = '+';
            else if ((flags & PercentFlags.Space) != 0) signChar = ' ';
            else sign = false;
        }
        if (width < len) width = len;
        var sb = new StringBuilder(width + 2);
        if (sign)
        {
            if (fill != ' ') sb.Append(signChar);
            if (width > len) width--;
        }
        bool prefix = (flags & PercentFlags.Alternate) != 0 && conv is 'x' or 'X' or 'o' && numeric;
        if (prefix)
        {
            if (fill != ' ')
            {
                sb.Append('0').Append(conv);
                pindex += 2;
            }
            width -= 2;
            if (width < 0) width = 0;
            len -= 2;
        }
        if (width > len && (flags & PercentFlags.LeftAdjust) == 0)
        {
            sb.Append(fill, width - len);
            width = len;
        }
        if (fill == ' ')
        {
            if (sign) sb.Append(signChar);
            if (prefix)
            {
                sb.Append('0').Append(conv);
                pindex += 2;
            }
        }
        sb.Append(str, pindex, str.Length - pindex);
        if (width > len) sb.Append(' ', width - len);
        return sb.ToString();
    }
}
