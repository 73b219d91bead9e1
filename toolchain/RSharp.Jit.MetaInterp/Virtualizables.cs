using System.Reflection;
using RSharp.Hints;
using RSharp.Jit.Backend;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;
using Frame = RSharp.Jit.JitCodes.BlackholeInterpreter.Frame;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// The fields of a <c>[Virtualizable]</c> class (RPython's VirtualizableInfo): scalar fields,
/// then arrays whose items are virtualizable (<c>"name[*]"</c>).
/// </summary>
internal sealed class VableLayout
{
    private static readonly Dictionary<Type, VableLayout?> s_cache = new();

    private VableLayout(Type type, FieldDescr[] scalars, FieldDescr[] arrays)
    {
        Type = type;
        Scalars = scalars;
        Arrays = arrays;
    }

    public Type Type { get; }
    public FieldDescr[] Scalars { get; }
    public FieldDescr[] Arrays { get; }

    /// <summary>The layout of a class from its attribute (searched on the class and its bases), or null.</summary>
    public static VableLayout? Of(Type type)
    {
        lock (s_cache)
        {
            if (s_cache.TryGetValue(type, out var cached)) return cached;
            VableLayout? layout = null;
            var attr = type.GetCustomAttribute<VirtualizableAttribute>(inherit: true);
            if (attr is not null)
            {
                var scalars = new List<FieldDescr>();
                var arrays = new List<FieldDescr>();
                foreach (var entry in attr.Fields)
                {
                    bool isArray = entry.EndsWith("[*]", StringComparison.Ordinal);
                    var name = isArray ? entry[..^3] : entry;
                    var field = FindField(type, name) ?? throw new InvalidOperationException($"[Virtualizable] {type.Name} has no field {name}");
                    if (isArray && !field.FieldType.IsArray) throw new InvalidOperationException($"[Virtualizable] {type.Name}.{name} is not an array");
                    (isArray ? arrays : scalars).Add(new FieldDescr(field));
                }
                layout = new VableLayout(type, [.. scalars], [.. arrays]);
            }
            s_cache[type] = layout;
            return layout;
        }
    }

    private static FieldInfo? FindField(Type type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.GetField(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) is { } f)
                return f;
        return null;
    }

    public int ScalarIndex(FieldInfo f) => Array.FindIndex(Scalars, d => d.Field.Equals(f));
    public int ArrayIndex(FieldInfo f) => Array.FindIndex(Arrays, d => d.Field.Equals(f));

    internal static char BankOf(Type t) =>
        t == typeof(double) || t == typeof(float) ? 'f' : t.IsValueType ? 'i' : 'r';

    /// <summary>The lengths of the object's virtualizable arrays (fixed for a trace), or null if one is null.</summary>
    public int[]? Lengths(object vable)
    {
        var lengths = new int[Arrays.Length];
        for (int a = 0; a < Arrays.Length; a++)
        {
            if (Arrays[a].Field.GetValue(vable) is not Array arr) return null;
            lengths[a] = arr.Length;
        }
        return lengths;
    }

    /// <summary>Number of values a trace keeps: the scalars, and per array its reference and items.</summary>
    public int Count(int[] lengths) => Scalars.Length + Arrays.Length + lengths.Sum();
}

/// <summary>The virtualizable part of a compiled loop's inputs: the layout and the array lengths the loop was traced with.</summary>
internal sealed record VableShape(VableLayout Layout, int[] Lengths)
{
    public bool Matches(VableShape? other) =>
        other is not null && ReferenceEquals(Layout, other.Layout) && Lengths.AsSpan().SequenceEqual(other.Lengths);
}

public sealed partial class MetaInterpreter
{
    private readonly Dictionary<CompiledLoop, VableShape> _vableShapes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FieldInfo, FieldDescr> _canonicalFields = new();
    private readonly Dictionary<Type, ArrayDescr> _canonicalArrays = new();

    /// <summary>
    /// One descriptor per field (and mutable array type) while a virtualizable is used: the optimizer's heap cache and its
    /// lazy writes go by descriptor identity, and the write-back and re-reads must meet the
    /// jitcodes' own accesses of the same field.
    /// </summary>
    internal ArrayDescr CanonicalArray(ArrayDescr ad)
    {
        if (VirtualizableRed < 0 || ad.IsImmutable) return ad;
        if (!_canonicalArrays.TryGetValue(ad.ElementType, out var c)) _canonicalArrays[ad.ElementType] = c = ad;
        return c;
    }

    /// <summary>The canonical descriptor of a field (see <see cref="CanonicalArray"/>).</summary>
    internal FieldDescr CanonicalField(FieldDescr fd)
    {
        if (VirtualizableRed < 0) return fd;
        if (!_canonicalFields.TryGetValue(fd.Field, out var c)) _canonicalFields[fd.Field] = c = fd;
        return c;
    }

    /// <summary>
    /// The index among the driver's reds of its virtualizable (RPython's <c>virtualizables=[...]</c>),
    /// or -1: its <c>[Virtualizable]</c> fields and array items are kept in trace values.
    /// </summary>
    public int VirtualizableRed { get; set; } = -1;

    /// <summary>The index of the driver's (first) virtualizable among its reds, or -1.</summary>
    public static int VirtualizableRedOf(JitDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return driver.Virtualizables.Count == 0 ? -1 : driver.Reds.ToList().IndexOf(driver.Virtualizables[0]);
    }

    /// <summary>The virtualizable object of a portal frame stopped at a merge point, if the driver has one.</summary>
    internal object? VableOf(Frame frame)
    {
        if (VirtualizableRed < 0) return null;
        var (bank, reg) = MergePointArgs.At(frame.JitCode, frame.Pc).Args[GreenCount + VirtualizableRed];
        return bank == 'r' ? frame.Refs[reg] : null;
    }

    internal VableShape? VableShapeOf(CompiledLoop loop) => _vableShapes.GetValueOrDefault(loop);

    internal void SetVableShape(CompiledLoop loop, VableShape? shape)
    {
        if (shape is not null) _vableShapes[loop] = shape;
    }

    /// <summary>
    /// The values compiled code is entered with: the reds, then the virtualizable's fields and
    /// items (RPython reads them in the portal runner). Null if the frame's virtualizable does
    /// not have the shape the loop was traced with (then the loop is not entered).
    /// </summary>
    private JitValues? EntryArgs(CompiledLoop loop, Frame frame)
    {
        var reds = Reds(frame, GreenCount);
        if (VableShapeOf(loop) is not { } shape) return reds;
        var vable = VableOf(frame);
        if (vable is null || vable.GetType() != shape.Layout.Type || shape.Layout.Lengths(vable) is not { } lengths
            || !lengths.AsSpan().SequenceEqual(shape.Lengths))
            return null;
        var layout = shape.Layout;
        var kinds = new List<ValueKind>(reds.Kinds);
        var values = new List<object?>();
        foreach (var fd in layout.Scalars)
        {
            kinds.Add(Tracer.KindOf(VableLayout.BankOf(fd.FieldType)));
            values.Add(fd.Field.GetValue(vable));
        }
        foreach (var ad in layout.Arrays)
        {
            var arr = (Array)ad.Field.GetValue(vable)!;
            kinds.Add(ValueKind.Ref);
            values.Add(arr);
            var bank = VableLayout.BankOf(arr.GetType().GetElementType()!);
            for (int k = 0; k < arr.Length; k++)
            {
                kinds.Add(Tracer.KindOf(bank));
                values.Add(arr.GetValue(k));
            }
        }
        var all = new JitValues([.. kinds]);
        for (int k = 0; k < reds.Count; k++)
        {
            all.Ints[k] = reds.Ints[k];
            all.Refs[k] = reds.Refs[k];
            all.Floats[k] = reds.Floats[k];
        }
        for (int k = 0; k < values.Count; k++)
        {
            int at = reds.Count + k;
            switch (kinds[at])
            {
                case ValueKind.Int: all.Ints[at] = values[k] is null ? 0 : ValueKinds.ToInt(values[k]!); break;
                case ValueKind.Float: all.Floats[at] = values[k] is null ? 0 : ValueKinds.ToFloat(values[k]!); break;
                default: all.Refs[at] = values[k]; break;
            }
        }
        return all;
    }

    /// <summary>Writes values kept in trace values back into the virtualizable (RPython's write_from_resume_data_partial).</summary>
    internal static void WriteBack(VableLayout layout, object vable, IReadOnlyList<object?> values)
    {
        int k = 0;
        foreach (var fd in layout.Scalars)
        {
            char bank = VableLayout.BankOf(fd.FieldType);
            fd.Field.SetValue(vable, ToStorage(bank, values[k++], fd.FieldType));
        }
        foreach (var ad in layout.Arrays)
        {
            var arr = (Array)values[k++]!;
            var et = arr.GetType().GetElementType()!;
            char bank = VableLayout.BankOf(et);
            for (int j = 0; j < arr.Length; j++) arr.SetValue(ToStorage(bank, values[k++], et), j);
        }
    }

    private static object? ToStorage(char bank, object? v, Type t) => BlackholeValues.ToStorage(bank,
        bank == 'i' && v is not null ? ValueKinds.ToInt(v) : 0, bank == 'f' && v is not null ? ValueKinds.ToFloat(v) : 0,
        bank == 'r' ? v : null, t);
}
