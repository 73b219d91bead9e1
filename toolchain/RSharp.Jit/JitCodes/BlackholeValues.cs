using System.Collections.Concurrent;
using System.Reflection;

namespace RSharp.Jit.JitCodes;

/// <summary>
/// Conversions between register form (long, double, object) and the exact .NET storage types
/// of fields, array elements, parameters and results.
/// </summary>
public static class BlackholeValues
{
    private static readonly ConcurrentDictionary<Type, Func<object?, object?>> s_casts = new();

    /// <summary>
    /// A boxed .NET integer-like value as an int register: 32-bit and narrower values as the
    /// IL stack holds them (sign-extended int32; so a uint is reinterpreted), 64-bit as is.
    /// </summary>
    public static long ToInt(object? v) => v switch
    {
        int i => i,
        bool b => b ? 1 : 0,
        char c => c,
        byte x => x,
        sbyte x => x,
        short x => x,
        ushort x => x,
        uint x => unchecked((int)x),
        long l => l,
        ulong x => unchecked((long)x),
        nint n => n,
        nuint n => unchecked((long)(ulong)n),
        Enum e => ToInt(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), null)),
        null => throw new NullReferenceException(),
        _ => throw new InvalidCastException($"not an integer value: {v.GetType()}"),
    };

    /// <summary>A boxed float or double as a float register.</summary>
    public static double ToFloat(object? v) => v switch
    {
        double d => d,
        float f => f,
        null => throw new NullReferenceException(),
        _ => throw new InvalidCastException($"not a float value: {v.GetType()}"),
    };

    /// <summary>An int register as a boxed value of exactly <paramref name="type"/>.</summary>
    public static object FromInt(long v, Type type)
    {
        if (type.IsEnum) return Enum.ToObject(type, FromInt(v, Enum.GetUnderlyingType(type)));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => v != 0,
            TypeCode.Char => unchecked((char)v),
            TypeCode.SByte => unchecked((sbyte)v),
            TypeCode.Byte => unchecked((byte)v),
            TypeCode.Int16 => unchecked((short)v),
            TypeCode.UInt16 => unchecked((ushort)v),
            TypeCode.Int32 => unchecked((int)v),
            TypeCode.UInt32 => unchecked((uint)v),
            TypeCode.Int64 => v,
            TypeCode.UInt64 => unchecked((ulong)v),
            _ when type == typeof(nint) => (nint)v,
            _ when type == typeof(nuint) => unchecked((nuint)(ulong)v),
            // object, ValueType and the like: an int register boxed as its IL stack type.
            _ => unchecked((int)v) == v ? (object)unchecked((int)v) : v,
        };
    }

    /// <summary>A float register as a boxed value of exactly <paramref name="type"/>.</summary>
    public static object FromFloat(double v, Type type) => type == typeof(float) ? (object)(float)v : v;

    /// <summary>A register value (long, double or object) stored into a slot of <paramref name="type"/>.</summary>
    public static object? ToStorage(char bank, long i, double f, object? r, Type type) => bank switch
    {
        'i' => FromInt(i, type),
        'f' => FromFloat(f, type),
        _ => r,
    };

    private static object? CastBox<T>(object? o) => (T)o!;

    /// <summary><c>castclass</c> / <c>unbox.any</c> with the runtime's own exceptions and messages.</summary>
    public static object? Cast(object? o, Type t) =>
        s_casts.GetOrAdd(t, key => typeof(BlackholeValues).GetMethod(nameof(CastBox), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(key).CreateDelegate<Func<object?, object?>>())(o);
}
