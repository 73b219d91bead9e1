using Mono.Cecil;
using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>What a managed pointer of a graph points into, at the outermost level (a struct nested in a field is that field).</summary>
internal abstract record PointerRoot
{
    /// <summary>A stack slot of this method (address-taken local or argument): writes stay local.</summary>
    public sealed record Slot : PointerRoot;

    /// <summary>An instance or static field; <see cref="Origin"/> is that of the object (Other for statics).</summary>
    public sealed record Field(string Key, Origin Origin) : PointerRoot;

    /// <summary>An element of an array of the given element type.</summary>
    public sealed record ArrayItem(string ElementType, Origin Origin) : PointerRoot;

    /// <summary>Whatever the caller passed as argument <see cref="Index"/> (a ref/out parameter or a struct's <c>this</c>).</summary>
    public sealed record Parameter(int Index) : PointerRoot;

    /// <summary>Anything: a pointer returned by a call, loaded from memory, computed, or a merge of different roots.</summary>
    public sealed record Unknown : PointerRoot;

    public static readonly PointerRoot SlotRoot = new Slot();
    public static readonly PointerRoot UnknownRoot = new Unknown();
}

/// <summary>
/// Pointer roots within one graph: a forward data-flow like <see cref="Freshness"/>, so that
/// stores through addresses (<c>stind</c>, <c>stobj</c>, <c>initobj</c>, <c>stfld</c> on a
/// struct address, ref/out arguments) count as writes of the field or array they point into.
/// </summary>
internal static class Addresses
{
    public static Dictionary<Variable, PointerRoot> Compute(FlowGraph graph, Dictionary<Variable, Origin> origins)
    {
        var roots = new Dictionary<Variable, PointerRoot>();
        var start = graph.StartBlock.InputArgs;
        for (int i = 0; i < start.Count; i++)
            if (IsPointer(start[i])) roots[start[i]] = new PointerRoot.Parameter(i);
        var blocks = graph.IterBlocks();
        var incoming = blocks.SelectMany(b => b.Exits).GroupBy(l => l.Target).ToDictionary(g => g.Key, g => g.ToList());
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var block in blocks)
            {
                if (block != graph.StartBlock && incoming.TryGetValue(block, out var links))
                    for (int i = 0; i < block.InputArgs.Count; i++)
                    {
                        if (!IsPointer(block.InputArgs[i])) continue;
                        foreach (var link in links)
                            if (i < link.Args.Length && RootOf(roots, link.Args[i]) is { } r) changed |= Set(roots, block.InputArgs[i], r);
                    }
                foreach (var op in block.Operations)
                {
                    if (op.Result is null || !IsPointer(op.Result)) continue;
                    PointerRoot? r = op.OpName switch
                    {
                        OpNames.AllocSlot => PointerRoot.SlotRoot,
                        OpNames.SameAs => RootOf(roots, op.Args[0]),
                        OpNames.FieldAddr => IsPointer(op.Args[0]) ? RootOf(roots, op.Args[0])
                            : FieldOf(op) is { } f ? new PointerRoot.Field(FieldFacts.KeyOf(f), Freshness.OriginOf(origins, op.Args[0]) ?? Origin.Other) : PointerRoot.UnknownRoot,
                        OpNames.StaticFieldAddr => FieldOf(op) is { } sf ? new PointerRoot.Field(FieldFacts.KeyOf(sf), Origin.Other) : PointerRoot.UnknownRoot,
                        OpNames.ArrayItemAddr => new PointerRoot.ArrayItem(ElementTypeOf(op.Args[0]), Freshness.OriginOf(origins, op.Args[0]) ?? Origin.Other),
                        _ => PointerRoot.UnknownRoot,
                    };
                    if (r is not null) changed |= Set(roots, op.Result, r);
                }
            }
        }
        return roots;
    }

    public static bool IsPointer(Value v) => v.Kind == ValueKind.ManagedPointer;

    /// <summary>The root of a pointer value (null: not known yet); constants (null pointers) point nowhere.</summary>
    public static PointerRoot? RootOf(Dictionary<Variable, PointerRoot> roots, Value v) =>
        v is Variable var ? roots.GetValueOrDefault(var) : PointerRoot.SlotRoot;

    /// <summary>The pointer an operation stores through (null if it stores through none).</summary>
    public static Value? StoredThrough(Operation op) => op.OpName switch
    {
        OpNames.StorePointer or OpNames.CopyPointer or OpNames.ZeroPointer or OpNames.CpBlk or OpNames.InitBlk => op.Args[0],
        OpNames.SetField when IsPointer(op.Args[0]) => op.Args[0],
        _ => null,
    };

    public static string ElementTypeOf(Value array) => array.Type is ArrayType at ? at.ElementType.FullName : "?";

    private static FieldReference? FieldOf(Operation op) =>
        op.Args.OfType<Constant>().Select(c => c.Literal).OfType<FieldReference>().FirstOrDefault();

    private static bool Set(Dictionary<Variable, PointerRoot> roots, Variable v, PointerRoot r)
    {
        if (roots.TryGetValue(v, out var old))
        {
            if (old == r || old is PointerRoot.Unknown) return false;
            r = PointerRoot.UnknownRoot;
        }
        roots[v] = r;
        return true;
    }
}
