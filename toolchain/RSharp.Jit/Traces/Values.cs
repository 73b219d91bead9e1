using System.Globalization;

namespace RSharp.Jit.Traces;

/// <summary>The kind of a trace value: the three register banks of RPython plus "no value".</summary>
public enum ValueKind : byte
{
    /// <summary>No value (the result of an operation executed for its effect).</summary>
    Void,
    /// <summary>A machine integer: a <see cref="long"/>. Narrower .NET integers, bools and chars widen to it.</summary>
    Int,
    /// <summary>A <see cref="double"/> (a .NET <see cref="float"/> widens to it).</summary>
    Float,
    /// <summary>An object reference (possibly null).</summary>
    Ref,
}

/// <summary>Helpers that map .NET types to value kinds and kinds to their text prefixes.</summary>
public static class ValueKinds
{
    /// <summary>An int-kind value from a boxed .NET value (any integer type, bool, char or enum), widened to 64 bits.</summary>
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

    /// <summary>A float-kind value from a boxed double or float.</summary>
    public static double ToFloat(object? o) => o switch
    {
        double d => d,
        float f => f,
        null => throw new NullReferenceException("float value expected, got null"),
        _ => throw new InvalidCastException($"{o.GetType().Name} is not a float-kind value"),
    };

    /// <summary>The kind a .NET value of type <paramref name="type"/> has in a trace.</summary>
    public static ValueKind Of(Type type)
    {
        if (type == typeof(void)) return ValueKind.Void;
        if (type.IsEnum) return ValueKind.Int;
        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Boolean: case TypeCode.Char:
            case TypeCode.SByte: case TypeCode.Byte:
            case TypeCode.Int16: case TypeCode.UInt16:
            case TypeCode.Int32: case TypeCode.UInt32:
            case TypeCode.Int64: case TypeCode.UInt64:
                return ValueKind.Int;
            case TypeCode.Single: case TypeCode.Double:
                return ValueKind.Float;
        }
        if (type == typeof(nint) || type == typeof(nuint)) return ValueKind.Int;
        // Everything else, including structs (boxed), is a reference.
        return ValueKind.Ref;
    }

    /// <summary>The variable-name prefix of a kind: <c>i</c>, <c>f</c>, <c>p</c>.</summary>
    public static char Prefix(ValueKind kind) => kind switch
    {
        ValueKind.Int => 'i',
        ValueKind.Float => 'f',
        ValueKind.Ref => 'p',
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "void values have no name"),
    };

    /// <summary>The kind of a variable-name prefix, or null if it is not one.</summary>
    public static ValueKind? FromPrefix(char c) => c switch
    {
        'i' => ValueKind.Int,
        'f' => ValueKind.Float,
        'p' => ValueKind.Ref,
        _ => null,
    };
}

/// <summary>
/// A value in a trace: an input argument, the result of an operation, or a constant.
/// Values are compared by identity (SSA: each non-constant value is defined once).
/// </summary>
public abstract class TraceValue
{
    /// <summary>The kind of the value.</summary>
    public abstract ValueKind Kind { get; }

    /// <summary>True for constants.</summary>
    public virtual bool IsConstant => false;
}

/// <summary>An input argument of a trace (a loop's or bridge's live values on entry).</summary>
public sealed class InputArg : TraceValue
{
    /// <summary>Creates an input argument of the given kind.</summary>
    public InputArg(ValueKind kind)
    {
        if (kind == ValueKind.Void) throw new ArgumentException("an input argument cannot be void", nameof(kind));
        Kind = kind;
    }

    /// <inheritdoc/>
    public override ValueKind Kind { get; }
}

/// <summary>A constant operand, printed as a literal in the text form.</summary>
public abstract class Const : TraceValue
{
    /// <inheritdoc/>
    public override bool IsConstant => true;

    /// <summary>The literal as written in the text form.</summary>
    public abstract override string ToString();
}

/// <summary>An integer constant.</summary>
public sealed class ConstInt(long value) : Const
{
    /// <summary>The value.</summary>
    public long Value { get; } = value;
    /// <inheritdoc/>
    public override ValueKind Kind => ValueKind.Int;
    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConstInt c && c.Value == Value;
    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>A float constant. Equality is bitwise, so <c>-0.0</c> and <c>0.0</c> differ.</summary>
public sealed class ConstFloat(double value) : Const
{
    /// <summary>The value.</summary>
    public double Value { get; } = value;
    /// <inheritdoc/>
    public override ValueKind Kind => ValueKind.Float;

    /// <summary>Always contains a dot, an exponent, or is <c>inf</c>/<c>-inf</c>/<c>nan</c>, so it never reads back as an int.</summary>
    public override string ToString()
    {
        if (double.IsNaN(Value)) return "nan";
        if (double.IsPositiveInfinity(Value)) return "inf";
        if (double.IsNegativeInfinity(Value)) return "-inf";
        string s = Value.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) =>
        obj is ConstFloat c && BitConverter.DoubleToInt64Bits(c.Value) == BitConverter.DoubleToInt64Bits(Value);
    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>
/// A reference constant. Non-null constants carry a name, printed as <c>ConstPtr(name)</c>,
/// that a <see cref="DescrRegistry"/> resolves when parsing; the null constant prints as <c>null</c>.
/// </summary>
public class ConstRef : Const
{
    /// <summary>Creates a named reference constant.</summary>
    public ConstRef(object value, string name)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Value = value;
        Name = name;
    }

    private protected ConstRef() { Name = "null"; }

    /// <summary>The referenced object.</summary>
    public object? Value { get; }
    /// <summary>The name under which the object is known in the text form.</summary>
    public string Name { get; }
    /// <inheritdoc/>
    public override ValueKind Kind => ValueKind.Ref;
    /// <inheritdoc/>
    public override string ToString() => $"ConstPtr({Name})";
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConstRef c && ReferenceEquals(c.Value, Value);
    /// <inheritdoc/>
    public override int GetHashCode() => Value is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Value);
}

/// <summary>The null reference constant.</summary>
public sealed class ConstNull : ConstRef
{
    /// <summary>The single instance.</summary>
    public static readonly ConstNull Instance = new();
    private ConstNull() { }
    /// <inheritdoc/>
    public override string ToString() => "null";
}
