using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// One pass of the chain (RPython's <c>Optimization</c>). Operations arrive in trace order
/// through <see cref="Propagate"/>; a pass either emits an operation onward (possibly rewritten),
/// or drops it after telling the optimizer what the operation's value is. Knowledge learnt from
/// an operation is recorded after <see cref="EmitNext"/> returns (RPython's postprocess).
/// </summary>
internal abstract class Optimization
{
    /// <summary>The optimizer the pass belongs to.</summary>
    public Optimizer Opt { get; set; } = null!;
    /// <summary>The next pass, or null if the next stop is the output.</summary>
    public Optimization? Next { get; set; }

    /// <summary>Handles one operation; the default passes it on unchanged.</summary>
    public virtual void Propagate(Operation op) => EmitNext(op);

    /// <summary>Called once after the last operation.</summary>
    public virtual void Finish() { }

    /// <summary>Called between the preamble and the peeled loop (unroll): forget what does not hold across iterations.</summary>
    public virtual void OnPeel() { }

    /// <summary>Sends an operation to the rest of the chain.</summary>
    protected void EmitNext(Operation op)
    {
        if (Next is null) Opt.EmitFinal(op);
        else Next.Propagate(op);
    }

    /// <summary>The trace is invalid: a guard always fails.</summary>
    protected static InvalidLoopException Invalid(Operation guard, string why) =>
        new($"{guard.Info.Name} always fails: {why}");

    /// <summary>The zero value of a kind (what a fresh .NET object's fields hold).</summary>
    public static Const Zero(ValueKind kind) => kind switch
    {
        ValueKind.Int => new ConstInt(0),
        ValueKind.Float => new ConstFloat(0.0),
        _ => ConstNull.Instance,
    };
}

/// <summary>
/// An allocation the virtualize pass has not emitted: an object (<c>new</c>/<c>new_with_vtable</c>)
/// with the fields written so far, or an array of constant length with its items.
/// </summary>
internal sealed class VirtualValue
{
    private VirtualValue(Operation alloc) => Alloc = alloc;

    /// <summary>The allocation operation (emitted when the virtual is forced).</summary>
    public Operation Alloc { get; }
    /// <summary>The type of a virtual object, or null for an array.</summary>
    public TypeDescr? Type { get; private init; }
    /// <summary>The descriptor of a virtual array, or null for an object.</summary>
    public ArrayDescr? Array { get; private init; }
    /// <summary>Fields written so far, in first-write order.</summary>
    public List<(FieldDescr Field, TraceValue Value)> Fields { get; } = [];
    /// <summary>Items of a virtual array.</summary>
    public TraceValue[] Items { get; private init; } = [];

    public static VirtualValue Object(Operation alloc) => new(alloc) { Type = (TypeDescr)alloc.Descr! };

    public static VirtualValue NewArray(Operation alloc, int length)
    {
        var descr = (ArrayDescr)alloc.Descr!;
        var items = new TraceValue[length];
        System.Array.Fill(items, Optimization.Zero(descr.ElementKind));
        return new VirtualValue(alloc) { Array = descr, Items = items };
    }

    /// <summary>The value of a field (zero if never written).</summary>
    public TraceValue GetField(FieldDescr field)
    {
        foreach (var (f, v) in Fields)
            if (ReferenceEquals(f, field)) return v;
        return Optimization.Zero(field.FieldKind);
    }

    /// <summary>Records a field write.</summary>
    public void SetField(FieldDescr field, TraceValue value)
    {
        for (int i = 0; i < Fields.Count; i++)
            if (ReferenceEquals(Fields[i].Field, field)) { Fields[i] = (field, value); return; }
        Fields.Add((field, value));
    }
}
