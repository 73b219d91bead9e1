namespace RSharp.Backend.Interp;

/// <summary>
/// Converts between trace values (long, double, object) and the .NET values of fields, array
/// items, parameters and results. Narrow integers are truncated on the way in and widened
/// (sign- or zero-extended as their type is) on the way out, as CIL conv.* would.
/// </summary>
internal static class ValueConversion
{
    public static object BoxInt(long v, Type t)
    {
        if (t.IsEnum) return Enum.ToObject(t, v);
        return Type.GetTypeCode(t) switch
        {
            TypeCode.Boolean => v != 0,
            TypeCode.Char => (char)v,
            TypeCode.SByte => (sbyte)v,
            TypeCode.Byte => (byte)v,
            TypeCode.Int16 => (short)v,
            TypeCode.UInt16 => (ushort)v,
            TypeCode.Int32 => (int)v,
            TypeCode.UInt32 => (uint)v,
            TypeCode.Int64 => v,
            TypeCode.UInt64 => (ulong)v,
            _ when t == typeof(nint) => (nint)v,
            _ when t == typeof(nuint) => (nuint)v,
            // An int-kind value passed where object is expected: box it as a long.
            _ => v,
        };
    }

    public static long ToInt(object? o) => o switch
    {
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        char c => c,
        byte b => b,
        sbyte b => b,
        short s => s,
        ushort s => s,
        uint u => u,
        ulong u => (long)u,
        nint n => n,
        nuint n => (long)n,
        Enum e => ToInt(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture)),
        null => throw new NullReferenceException("int value expected, got null"),
        _ => throw new InvalidCastException($"{o.GetType().Name} is not an int-kind value"),
    };

    public static object BoxFloat(double d, Type t) => t == typeof(float) ? (object)(float)d : d;   // the cast to object keeps the float a float

    public static double ToFloat(object? o) => o switch
    {
        double d => d,
        float f => f,
        null => throw new NullReferenceException("float value expected, got null"),
        _ => throw new InvalidCastException($"{o.GetType().Name} is not a float-kind value"),
    };
}
