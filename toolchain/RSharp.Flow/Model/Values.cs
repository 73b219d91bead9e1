using Mono.Cecil;

namespace RSharp.Flow.Model;

/// <summary>Something an operation or a link can use: a <see cref="Variable"/> or a <see cref="Constant"/>.</summary>
internal abstract class Value
{
    protected Value(ValueKind kind, TypeReference? type)
    {
        Kind = kind;
        Type = type;
    }

    /// <summary>Stack representation of the value.</summary>
    public ValueKind Kind { get; set; }

    /// <summary>The IL type (after generic substitution); null for the null constant and descriptors.</summary>
    public TypeReference? Type { get; set; }
}

/// <summary>
/// An SSA variable. As in RPython, a variable belongs to one block: it is either one of the
/// block's input arguments or the result of one of its operations (or the exception value
/// bound by an exception link, usable only in that link's arguments).
/// </summary>
internal sealed class Variable : Value
{
    public Variable(int id, ValueKind kind, TypeReference? type, string? hint = null) : base(kind, type)
    {
        Id = id;
        Hint = hint;
    }

    /// <summary>Number unique within the graph.</summary>
    public int Id { get; }

    /// <summary>Optional source name (local or argument name) for readable dumps.</summary>
    public string? Hint { get; }

    public string Name => Hint is null ? "v" + Id : "v" + Id + "_" + Hint;

    public override string ToString() => Name;
}

/// <summary>A constant: a literal number, string, null, a typed default value or a metadata descriptor.</summary>
internal sealed class Constant : Value
{
    public Constant(object? value, ValueKind kind, TypeReference? type = null) : base(kind, type) => Literal = value;

    /// <summary>The literal (int, long, float, double, string, null) or a Cecil MethodReference/FieldReference/TypeReference.</summary>
    public object? Literal { get; }

    public static Constant Descriptor(object member) => new(member, ValueKind.Descriptor);

    public override string ToString() => Literal switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"",
        MethodReference m => "<" + m.FullName + ">",
        FieldReference f => "<" + f.FullName + ">",
        TypeReference t => "<" + t.FullName + ">",
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        long l => l + "L",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var o => o.ToString() ?? "?",
    };
}
