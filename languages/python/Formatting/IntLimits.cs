namespace PySharp.Formatting;

/// <summary>
/// CPython's limit on decimal int/str conversions (<c>sys.set_int_max_str_digits</c>). Process-wide:
/// the interpreter sets it from <c>-X int_max_str_digits</c>, <c>PYTHONINTMAXSTRDIGITS</c> or the sys call.
/// </summary>
public static class IntLimits
{
    /// <summary>CPython's default limit.</summary>
    public const int DefaultMaxStrDigits = 4300;

    /// <summary>The smallest non-zero limit CPython accepts.</summary>
    public const int MaxStrDigitsThreshold = 640;

    /// <summary>Current limit; 0 means unlimited.</summary>
    public static int MaxStrDigits { get; set; } = DefaultMaxStrDigits;

    /// <summary><c>sys.set_int_max_str_digits(n)</c>, validated as CPython does.</summary>
    /// <exception cref="PyNumericException">ValueError unless n is 0 or at least 640.</exception>
    public static void SetMaxStrDigits(long n)
    {
        if (n != 0 && (n < MaxStrDigitsThreshold || n > int.MaxValue))
            throw new PyNumericException(PyErrorKind.ValueError, "maxdigits must be 0 or larger than " + MaxStrDigitsThreshold);
        MaxStrDigits = (int)n;
    }

    internal static string ToStrMessage(int limit) =>
        $"Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";

    internal static string FromStrMessage(int limit, long digits) =>
        $"Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit";
}
