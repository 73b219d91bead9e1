using Mono.Cecil;
using RSharp.Jit.Traces;

namespace RSharp.CodeWriter;

/// <summary>
/// The few .NET methods whose effects are known (RPython gives its external functions explicit
/// effect info too): they cannot call back into project code, given arguments of the listed
/// simple types, and write no memory a trace can see except the arrays named. Anything else
/// external is opaque (random effects): it may call overridden project methods
/// (<c>ToString</c>, <c>Equals</c>, comparers) or write arrays passed to it.
/// </summary>
internal static class ExternalEffects
{
    /// <summary>
    /// Known effects: elidable or not, whether it may raise, the array element types it may write
    /// and read, and the .NET base class whose project subclasses would make it call back.
    /// </summary>
    internal sealed record Known(bool Elidable, bool CanRaise, string[] WritesArrays, string[] ReadsArrays, string? NoProjectSubclassOf);

    private static readonly HashSet<string> s_simple = new(StringComparer.Ordinal)
    {
        "System.String", "System.Char", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.StringComparison",
    };

    private static readonly HashSet<string> s_string = new(StringComparer.Ordinal)
    {
        "get_Length", "get_Chars", "Substring", "IndexOf", "LastIndexOf", "Contains", "StartsWith", "EndsWith", "Concat",
        "CompareOrdinal", "IsNullOrEmpty", "op_Equality", "op_Inequality", "Equals", "Trim", "TrimStart", "TrimEnd",
        "ToUpperInvariant", "ToLowerInvariant", "Replace", "PadLeft", "PadRight", "Insert", "Remove", "GetHashCode",
    };

    /// <summary>Static string methods that never raise on any arguments (null included).</summary>
    private static readonly HashSet<string> s_stringNoRaise = new(StringComparer.Ordinal)
    {
        "Concat", "CompareOrdinal", "IsNullOrEmpty", "op_Equality", "op_Inequality", "Equals",
    };

    private static readonly HashSet<string> s_mathNoRaise = new(StringComparer.Ordinal) { "Min", "Max", "Sqrt", "Floor", "Ceiling" };

    private static readonly string[] s_bytes = ["System.Byte"];

    /// <summary>The known effects of a call of <paramref name="m"/>, or null if it is opaque.</summary>
    public static Known? Of(MethodReference m) => Of(m.DeclaringType.FullName, m.Name, m.Parameters.Select(p => p.ParameterType.FullName).ToList(), m.HasThis);

    /// <summary>The known effects of an external method reached by a callee (by Cecil full name), or null if it is opaque.</summary>
    public static Known? Of(string fullName)
    {
        int sep = fullName.IndexOf("::", StringComparison.Ordinal);
        int open = fullName.IndexOf('(', sep + 2);
        if (sep < 0 || open < 0 || !fullName.EndsWith(')')) return null;
        var left = fullName[..sep];
        var type = left[(left.LastIndexOf(' ') + 1)..];
        var name = fullName[(sep + 2)..open];
        var inside = fullName[(open + 1)..^1];
        var parameters = inside.Length == 0 ? new List<string>() : inside.Split(',').ToList();
        // The full name does not say whether there is a receiver: only the raise flag depends on
        // it, and a caller's raise set comes from the annotator.
        return Of(type, name, parameters, hasThis: null);
    }

    /// <summary>True if the external method's effects are bounded (it is in the table).</summary>
    public static bool IsBounded(string fullName) => Of(fullName) is not null;

    /// <summary>The known effects; <paramref name="hasThis"/> null if unknown (then the method may have a null receiver).</summary>
    private static Known? Of(string type, string name, List<string> parameters, bool? hasThis)
    {
        bool simple = parameters.All(s_simple.Contains);
        switch (type)
        {
            case "System.Math" or "System.MathF" when hasThis != true && simple:
                return new Known(true, !s_mathNoRaise.Contains(name), [], [], null);
            case "System.Char" when hasThis != true && simple && (name.StartsWith("Is", StringComparison.Ordinal) || name.StartsWith("To", StringComparison.Ordinal)):
                return new Known(true, parameters.Count != 1, [], [], null);
            case "System.String" when simple && s_string.Contains(name):
                return new Known(true, hasThis != false || !s_stringNoRaise.Contains(name), [], [], null);
            // Methods of a primitive: the receiver is a value (boxed by the codewriter), never null.
            case "System.Int32" or "System.Int64" or "System.Char" or "System.Boolean" or "System.Double"
                when hasThis != false && (name is "ToString" or "GetHashCode" && parameters.Count == 0 || name is "CompareTo" or "Equals" && parameters.Count == 1 && parameters[0] == type):
                return new Known(true, false, [], [], null);
            // The base of the interpreter's exception classes: stores the message and inner exception in its own fields.
            case "System.Exception" when name == ".ctor" && parameters.All(p => p is "System.String" or "System.Exception"):
                return new Known(false, false, [], [], null);
            case "System.Text.StringBuilder" when simple && name is "Append" or "AppendLine" or "ToString" or "get_Length" or "Clear" or "Insert":
                return new Known(false, true, [], [], null);
            case "System.IO.Stream" when parameters.All(p => s_simple.Contains(p) || p == "System.Byte[]")
                                          && name is "WriteByte" or "ReadByte" or "Flush" or "Write" or "Read":
                // A MemoryStream may wrap a byte[] the program holds.
                return new Known(false, true, s_bytes, s_bytes, "System.IO.Stream");
            case "System.Console" or "System.IO.TextWriter" when simple && name is "Write" or "WriteLine" or "Flush":
                return new Known(false, true, [], [], "System.IO.TextWriter");
            default:
                return null;
        }
    }

    /// <summary>The extra effect of a known external method.</summary>
    public static EffectInfo.Extra ExtraOf(Known k) =>
        k.Elidable ? (k.CanRaise ? EffectInfo.Extra.ElidableCanRaise : EffectInfo.Extra.ElidableCannotRaise)
        : k.CanRaise ? EffectInfo.Extra.CanRaise : EffectInfo.Extra.CannotRaise;
}
