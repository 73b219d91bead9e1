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

    public static object BoxFloat(double d, Type t) => t == typeof(float) ? (object)(float)d : d;   // the cast to object keeps the float a float
}
