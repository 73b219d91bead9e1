using System.Reflection;
using System.Runtime.CompilerServices;
using RSharp.Jit.Backend;
using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// How to rebuild the fail-args of an input-trace guard from the fail-args of the optimized
/// guard that stands for it (RPython keeps this in the guard's resume data). A fail-arg that is
/// a virtual (an allocation the optimizer removed) is not forced by the guard: the guard's new
/// fail-args carry the virtual's field values instead, and <see cref="Virtuals"/> says how to
/// allocate and fill the object when the guard fails.
/// </summary>
/// <remarks>
/// References (<see cref="Slots"/> and <see cref="VirtualField.Source"/>) are ints: <c>k ≥ 0</c>
/// is position <c>k</c> of the optimized guard's fail-args, <c>~j</c> (negative) is virtual
/// <c>j</c> of <see cref="Virtuals"/>. A constant the optimizer learnt is passed as a constant
/// fail-arg.
/// </remarks>
public sealed class GuardResume
{
    internal GuardResume(Operation original, int[] slots, VirtualDescription[] virtuals, PendingWrite[] writes)
    {
        Original = original;
        Slots = slots;
        Virtuals = virtuals;
        PendingWrites = writes;
    }

    /// <summary>The guard of the input trace (its fail-args and resume data describe the interpreter state).</summary>
    public Operation Original { get; }
    /// <summary>For each fail-arg of <see cref="Original"/>: where its value is (see remarks).</summary>
    public IReadOnlyList<int> Slots { get; }
    /// <summary>The virtuals the fail-args reach.</summary>
    public IReadOnlyList<VirtualDescription> Virtuals { get; }
    /// <summary>
    /// Field writes the heap pass delayed past this guard (RPython's pending setfields): when the
    /// guard fails they have not happened yet, and resuming must perform them, in order.
    /// </summary>
    public IReadOnlyList<PendingWrite> PendingWrites { get; }
    /// <summary>True if any fail-arg of the original guard is a virtual.</summary>
    public bool HasVirtuals => Virtuals.Count > 0;

    /// <summary>
    /// Rebuilds the original guard's fail-arg values (boxed: long, double, object) from the
    /// values a dead frame reports for the optimized guard, allocating the virtuals, and performs
    /// the <see cref="PendingWrites"/> on the real objects (so call it once per failure).
    /// </summary>
    public object?[] Materialize(JitValues values)
    {
        var objects = new object?[Virtuals.Count];
        for (int j = 0; j < Virtuals.Count; j++) objects[j] = Virtuals[j].Allocate();
        object? Value(int r) => r >= 0 ? values.GetBoxed(r) : objects[~r];
        for (int j = 0; j < Virtuals.Count; j++)
            foreach (var f in Virtuals[j].Fields) Virtuals[j].Store(objects[j]!, f, Value(f.Source));
        foreach (var w in PendingWrites)
        {
            var target = Value(w.Target) ?? throw new NullReferenceException($"pending write of {w.Field.Name} to null");
            w.Field.Field.SetValue(target, VirtualDescription.Convert(Value(w.Value), w.Field.FieldType));
        }
        return Slots.Select(Value).ToArray();
    }
}

/// <summary>A virtual object or array reachable from a guard's fail-args.</summary>
public sealed class VirtualDescription
{
    internal VirtualDescription(TypeDescr? type, ArrayDescr? array, int length, VirtualField[] fields)
    {
        Type = type;
        Array = array;
        Length = length;
        Fields = fields;
    }

    /// <summary>The type of a virtual object (null for an array).</summary>
    public TypeDescr? Type { get; }
    /// <summary>The descriptor of a virtual array (null for an object).</summary>
    public ArrayDescr? Array { get; }
    /// <summary>The length of a virtual array.</summary>
    public int Length { get; }
    /// <summary>The non-zero fields or items.</summary>
    public IReadOnlyList<VirtualField> Fields { get; }

    internal object Allocate() => Type is not null
        ? RuntimeHelpers.GetUninitializedObject(Type.Type)
        : System.Array.CreateInstance(Array!.ElementType, Length);

    internal void Store(object target, VirtualField f, object? value)
    {
        if (f.Field is { } field) field.Field.SetValue(target, Convert(value, field.FieldType));
        else ((Array)target).SetValue(Convert(value, Array!.ElementType), f.Index);
    }

    /// <summary>Boxes a trace value as the .NET type of a field or element (narrow ints truncate like conv.*).</summary>
    internal static object? Convert(object? v, Type t)
    {
        if (v is long l)
        {
            if (t.IsEnum) return Enum.ToObject(t, l);
            return System.Type.GetTypeCode(t) switch
            {
                TypeCode.Boolean => l != 0,
                TypeCode.Char => (char)l,
                TypeCode.SByte => (sbyte)l,
                TypeCode.Byte => (byte)l,
                TypeCode.Int16 => (short)l,
                TypeCode.UInt16 => (ushort)l,
                TypeCode.Int32 => (int)l,
                TypeCode.UInt32 => (uint)l,
                TypeCode.UInt64 => (ulong)l,
                _ => l,
            };
        }
        if (v is double d && t == typeof(float)) return (float)d;
        return v;
    }
}

/// <summary>A delayed <c>setfield_gc(Target, Value)</c>; both are references as in <see cref="GuardResume.Slots"/>.</summary>
public readonly record struct PendingWrite(FieldDescr Field, int Target, int Value);

/// <summary>One field (or array item, <see cref="Field"/> null) of a virtual and where its value is.</summary>
public readonly record struct VirtualField(FieldDescr? Field, int Index, int Source);

/// <summary>Builds <see cref="GuardResume"/>s: replaces virtual fail-args by their field values, adds the values pending writes need.</summary>
internal static class ResumeEncoder
{
    public static GuardResume Encode(Optimizer opt, Operation guard, Operation original, IReadOnlyList<Operation> pending)
    {
        var failArgs = new List<TraceValue>();
        var positions = new Dictionary<TraceValue, int>(ReferenceEqualityComparer.Instance);
        var virtualIndex = new Dictionary<VirtualValue, int>(ReferenceEqualityComparer.Instance);
        var descriptions = new List<VirtualDescription?>();

        int Ref(TraceValue v)
        {
            v = opt.Get(v);
            if (opt.GetVirtual(v) is { } vv) return ~Virtual(vv);
            if (v is Const c)
            {
                failArgs.Add(c);
                return failArgs.Count - 1;
            }
            if (!positions.TryGetValue(v, out int k))
            {
                positions[v] = k = failArgs.Count;
                failArgs.Add(v);
            }
            return k;
        }

        int Virtual(VirtualValue vv)
        {
            if (virtualIndex.TryGetValue(vv, out int j)) return j;
            virtualIndex[vv] = j = descriptions.Count;
            descriptions.Add(null); // reserve the index first: virtuals may form cycles
            var fields = new List<VirtualField>();
            if (vv.Type is not null)
            {
                foreach (var (f, value) in vv.Fields)
                    if (!IsZero(opt.Get(value))) fields.Add(new VirtualField(f, -1, Ref(value)));
            }
            else
            {
                for (int i = 0; i < vv.Items.Length; i++)
                    if (!IsZero(opt.Get(vv.Items[i]))) fields.Add(new VirtualField(null, i, Ref(vv.Items[i])));
            }
            descriptions[j] = new VirtualDescription(vv.Type, vv.Array, vv.Items.Length, fields.ToArray());
            return j;
        }

        var slots = (guard.FailArgs ?? []).Select(Ref).ToArray();
        var writes = pending.Select(w => new PendingWrite((FieldDescr)w.Descr!, Ref(w.Arg(0)), Ref(w.Arg(1)))).ToArray();
        guard.FailArgs = failArgs;
        return new GuardResume(original, slots, descriptions.Select(d => d!).ToArray(), writes);
    }

    internal static bool IsZero(TraceValue v) => v switch
    {
        ConstInt { Value: 0 } => true,
        ConstFloat f => BitConverter.DoubleToInt64Bits(f.Value) == 0,
        ConstNull => true,
        _ => false,
    };
}
