using RSharp.Hints;

namespace RSharp.Samples.Tiny;

/// <summary>
/// A guest value. Every value is a heap object (ints too): the dynamically typed, boxed
/// representation the JIT's virtuals pass is meant to remove. RPython: <c>W_Root</c>.
/// </summary>
internal abstract class TObject
{
    /// <summary>The type's name in error messages.</summary>
    public abstract string TypeName { get; }

    /// <summary>Truth in conditions: only <c>false</c> and <c>nil</c> are false.</summary>
    public virtual bool IsTrue => true;

    /// <summary>The text <c>print</c> and <c>str()</c> produce.</summary>
    public abstract string ToText();

    /// <summary>Guest <c>==</c>: identity unless the type compares by value.</summary>
    public virtual bool GuestEquals(TObject other) => ReferenceEquals(this, other);
}

/// <summary>A boxed 64-bit integer; sealed so that a type test is one class guard.</summary>
[Immutable]
internal sealed class TInt(long value) : TObject
{
    public readonly long Value = value;

    public override string TypeName => "int";
    public override string ToText() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public override bool GuestEquals(TObject other) => other is TInt i && i.Value == Value;
}

/// <summary>An immutable string.</summary>
[Immutable]
internal sealed class TStr(string value) : TObject
{
    public readonly string Value = value;

    public override string TypeName => "str";
    public override string ToText() => Value;
    public override bool GuestEquals(TObject other) => other is TStr s && s.Value == Value;
}

/// <summary>The two booleans; there are no other instances, so identity is equality.</summary>
[Immutable]
internal sealed class TBool : TObject
{
    public static readonly TBool True = new(true);
    public static readonly TBool False = new(false);

    public readonly bool Value;

    private TBool(bool value) => Value = value;

    public static TBool Of(bool value) => value ? True : False;

    public override string TypeName => "bool";
    public override bool IsTrue => Value;
    public override string ToText() => Value ? "true" : "false";
}

/// <summary>The only instance of nil.</summary>
[Immutable]
internal sealed class TNil : TObject
{
    public static readonly TNil Instance = new();

    private TNil() { }

    public override string TypeName => "nil";
    public override bool IsTrue => false;
    public override string ToText() => "nil";
}

/// <summary>A fixed-length mutable array of values.</summary>
internal sealed class TArray(TObject[] items) : TObject
{
    public readonly TObject[] Items = items;

    public override string TypeName => "array";

    // Printing an array walks it: traces call this rather than unroll the loop.
    [DontLookInside]
    public override string ToText()
    {
        var parts = new string[Items.Length];
        for (int i = 0; i < Items.Length; i++)
            parts[i] = Items[i] is TStr s ? "\"" + s.Value + "\"" : Items[i].ToText();
        return "[" + string.Join(", ", parts) + "]";
    }
}

/// <summary>A guest error: compile-time (syntax, unknown name) or run-time (type error, division by zero).</summary>
internal sealed class TinyError(int line, string message) : Exception(message)
{
    /// <summary>The source line the error belongs to.</summary>
    public int Line { get; } = line;
}
