using System.Text;

namespace RSharp.Jit.JitCodes;

/// <summary>
/// What jitcodes call for C# interpolated strings: the compiler's
/// <c>DefaultInterpolatedStringHandler</c> is a ref struct on a stack slot, which jitcodes do
/// not model; the codewriter keeps a <see cref="StringBuilder"/> in the slot instead and calls
/// these helpers, which format like the handler does without a provider.
/// </summary>
public static class Interpolation
{
    /// <summary>The handler's constructor.</summary>
    public static object Begin() => new StringBuilder();

    /// <summary><c>AppendLiteral(string)</c>.</summary>
    public static void AppendLiteral(object builder, string? s) => ((StringBuilder)builder).Append(s);

    /// <summary><c>AppendFormatted&lt;T&gt;(T)</c> and <c>AppendFormatted(string)</c>, with the value boxed.</summary>
    public static void AppendFormatted(object builder, object? value) => AppendFormattedWithFormat(builder, value, null);

    /// <summary><c>AppendFormatted&lt;T&gt;(T, string)</c>.</summary>
    public static void AppendFormattedWithFormat(object builder, object? value, string? format) =>
        ((StringBuilder)builder).Append(value is IFormattable f ? f.ToString(format, null) : value?.ToString());

    /// <summary><c>ToStringAndClear()</c>.</summary>
    public static string ToStringAndClear(object builder)
    {
        var sb = (StringBuilder)builder;
        var s = sb.ToString();
        sb.Clear();
        return s;
    }
}
