namespace RSharp.Flow.Model;

/// <summary>How a value is represented on the IL evaluation stack (ECMA-335 III.1.1).</summary>
internal enum ValueKind
{
    /// <summary>No value (void results).</summary>
    Void,
    /// <summary>int32 and every smaller integer, bool and char (widened on load).</summary>
    Int32,
    /// <summary>int64 and uint64.</summary>
    Int64,
    /// <summary>native int, native unsigned int and unmanaged pointers.</summary>
    NativeInt,
    /// <summary>float32.</summary>
    Float32,
    /// <summary>float64.</summary>
    Float64,
    /// <summary>An object reference (class, interface, array, string, boxed value, null).</summary>
    Ref,
    /// <summary>A value of a user-defined value type (struct) held by value.</summary>
    ValueType,
    /// <summary>A managed pointer (&amp;): ref/out parameters, addresses of locals, fields and elements.</summary>
    ManagedPointer,
    /// <summary>A value whose type is an unsubstituted generic parameter (open graphs only).</summary>
    Generic,
    /// <summary>A metadata operand (method, field, type, signature) held in a constant.</summary>
    Descriptor,
}

internal static class ValueKinds
{
    /// <summary>Short name used in dumps and in opnames.</summary>
    public static string Short(this ValueKind kind) => kind switch
    {
        ValueKind.Void => "void",
        ValueKind.Int32 => "int32",
        ValueKind.Int64 => "int64",
        ValueKind.NativeInt => "nint",
        ValueKind.Float32 => "float32",
        ValueKind.Float64 => "float64",
        ValueKind.Ref => "ref",
        ValueKind.ValueType => "struct",
        ValueKind.ManagedPointer => "ptr",
        ValueKind.Generic => "generic",
        ValueKind.Descriptor => "desc",
        _ => kind.ToString(),
    };
}
