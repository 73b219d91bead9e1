using RSharp.Jit.Traces;

namespace RSharp.Jit.Backend;

/// <summary>
/// A list of typed values by position, without boxing: position <c>k</c> holds its value in
/// the bank of its kind (<see cref="Ints"/>, <see cref="Floats"/> or <see cref="Refs"/>);
/// the other banks' slot <c>k</c> is unused. Used for a loop's input values and for the live
/// values of a dead frame (the fail-args of the guard that failed, or the finish arguments).
/// </summary>
/// <remarks>
/// Three parallel arrays of the full length waste a few slots but let compiled code write
/// position <c>k</c> without computing a per-kind index, and keep every value unboxed.
/// </remarks>
public sealed class JitValues
{
    /// <summary>Creates zeroed values of the given kinds.</summary>
    public JitValues(IReadOnlyList<ValueKind> kinds)
    {
        Kinds = kinds.ToArray();
        foreach (var k in Kinds)
            if (k == ValueKind.Void) throw new ArgumentException("a value cannot be void", nameof(kinds));
        Ints = new long[Kinds.Length];
        Floats = new double[Kinds.Length];
        Refs = new object?[Kinds.Length];
    }

    /// <summary>The kind of each position.</summary>
    public ValueKind[] Kinds { get; }
    /// <summary>Int values by position.</summary>
    public long[] Ints { get; }
    /// <summary>Float values by position.</summary>
    public double[] Floats { get; }
    /// <summary>Ref values by position.</summary>
    public object?[] Refs { get; }
    /// <summary>Number of values.</summary>
    public int Count => Kinds.Length;

    /// <summary>The int at <paramref name="i"/>.</summary>
    public long GetInt(int i) => Kinds[i] == ValueKind.Int ? Ints[i] : throw KindError(i, ValueKind.Int);
    /// <summary>The float at <paramref name="i"/>.</summary>
    public double GetFloat(int i) => Kinds[i] == ValueKind.Float ? Floats[i] : throw KindError(i, ValueKind.Float);
    /// <summary>The reference at <paramref name="i"/>.</summary>
    public object? GetRef(int i) => Kinds[i] == ValueKind.Ref ? Refs[i] : throw KindError(i, ValueKind.Ref);

    /// <summary>The value at <paramref name="i"/> boxed (long, double or the reference), for tests and logs.</summary>
    public object? GetBoxed(int i) => Kinds[i] switch
    {
        ValueKind.Int => Ints[i],
        ValueKind.Float => Floats[i],
        _ => Refs[i],
    };

    /// <summary>All values boxed.</summary>
    public object?[] ToBoxedArray() => Enumerable.Range(0, Count).Select(GetBoxed).ToArray();

    /// <summary>
    /// Values from boxed .NET values: <see cref="long"/> and <see cref="int"/> are ints,
    /// <see cref="double"/> is a float, anything else (and null) a reference.
    /// </summary>
    public static JitValues Of(params object?[] values)
    {
        var kinds = values.Select(v => v switch
        {
            long or int => ValueKind.Int,
            double => ValueKind.Float,
            _ => ValueKind.Ref,
        }).ToArray();
        var result = new JitValues(kinds);
        for (int i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case long l: result.Ints[i] = l; break;
                case int n: result.Ints[i] = n; break;
                case double d: result.Floats[i] = d; break;
                default: result.Refs[i] = values[i]; break;
            }
        }
        return result;
    }

    private InvalidOperationException KindError(int i, ValueKind wanted) =>
        new($"value {i} is {Kinds[i]}, not {wanted}");
}
