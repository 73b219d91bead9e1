namespace RSharp.Jit.JitCodes;

/// <summary>
/// What jitcodes call for the methods of <c>Nullable&lt;T&gt;</c>. A nullable value is held in a
/// ref register the way the runtime boxes it (null, or a boxed <c>T</c>); these helpers turn it
/// back into a <c>T?</c> and call the real method, so results and exceptions are the runtime's.
/// </summary>
public static class NullableHelpers
{
    /// <summary><c>Value</c> (raises InvalidOperationException when empty).</summary>
    public static T GetValue<T>(object? boxed) where T : struct => ((T?)boxed)!.Value; // the runtime raises when empty

    /// <summary><c>GetValueOrDefault()</c>.</summary>
    public static T GetValueOrDefault<T>(object? boxed) where T : struct => ((T?)boxed).GetValueOrDefault();

    /// <summary><c>GetValueOrDefault(T)</c>.</summary>
    public static T GetValueOrDefaultOf<T>(object? boxed, T defaultValue) where T : struct => ((T?)boxed).GetValueOrDefault(defaultValue);

    /// <summary><c>Equals(object)</c>.</summary>
    public static bool EqualsObject<T>(object? boxed, object? other) where T : struct => ((T?)boxed).Equals(other);

    /// <summary><c>GetHashCode()</c>.</summary>
    public static int HashCode<T>(object? boxed) where T : struct => ((T?)boxed).GetHashCode();

    /// <summary><c>ToString()</c>.</summary>
    public static string? ToStringOf<T>(object? boxed) where T : struct => ((T?)boxed).ToString();
}
