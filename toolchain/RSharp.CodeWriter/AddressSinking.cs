using RSharp.Flow.Model;

namespace RSharp.CodeWriter;

/// <summary>
/// Addresses do not cross links: a block input that receives field or element addresses
/// (fieldaddr, arrayitemaddr, staticfieldaddr, unbox) of the same shape from every predecessor
/// receives the operands instead (the object, the array and index), and the block recomputes
/// the address first. Repeated until no such input is left; addresses of different shapes
/// merging (or one carried around a loop) stay unsupported.
/// </summary>
internal static class AddressSinking
{
    private static readonly HashSet<string> s_addressOps = [OpNames.FieldAddr, OpNames.ArrayItemAddr, OpNames.StaticFieldAddr, OpNames.Unbox];

    /// <summary>
    /// An operation that computes an address from its operands: fieldaddr, arrayitemaddr,
    /// staticfieldaddr, unbox, and the element addresses of <c>MemoryMarshal.GetArrayDataReference</c>
    /// and <c>Unsafe.Add</c> (unchecked array stores written for speed).
    /// </summary>
    public static bool IsAddressOp(Operation op) =>
        op.Result is { Kind: ValueKind.ManagedPointer } && (s_addressOps.Contains(op.OpName) || ElementAddressCall(op) is not null);

    /// <summary>"data" for GetArrayDataReference(array), "add" for Unsafe.Add(ref T, int), else null.</summary>
    public static string? ElementAddressCall(Operation op)
    {
        if (op.OpName != OpNames.DirectCall || op.Args[0] is not Constant { Literal: Mono.Cecil.GenericInstanceMethod m }) return null;
        return (m.DeclaringType.FullName, m.Name, m.Parameters.Count) switch
        {
            ("System.Runtime.InteropServices.MemoryMarshal", "GetArrayDataReference", 1) when m.Parameters[0].ParameterType is Mono.Cecil.ArrayType => "data",
            ("System.Runtime.CompilerServices.Unsafe", "Add", 2) when m.Parameters[1].ParameterType.FullName == "System.Int32" => "add",
            _ => null,
        };
    }

    public static void Run(FlowGraph graph)
    {
        int nextId = 1 + graph.IterBlocks().SelectMany(b => b.InputArgs.Concat(b.Operations.Where(o => o.Result is not null).Select(o => o.Result!))).Max(v => v.Id);
        bool changed = true;
        while (changed)
        {
            changed = false;
            var defs = new Dictionary<Variable, Operation>();
            foreach (var b in graph.IterBlocks())
                foreach (var op in b.Operations)
                    if (IsAddressOp(op)) defs[op.Result!] = op;
            var incoming = graph.IterLinks().GroupBy(l => l.Target).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var b in graph.IterBlocks())
            {
                if (!incoming.TryGetValue(b, out var links)) continue;
                for (int k = 0; k < b.InputArgs.Count; k++)
                {
                    var args = links.Select(l => l.Args[k]).ToList();
                    if (!args.Any(a => a is Variable v && defs.ContainsKey(v))) continue;
                    if (!args.All(a => a is Variable v && defs.ContainsKey(v))) continue; // maybe later (an input not sunk yet)
                    var shapes = args.Select(a => defs[(Variable)a]).ToList();
                    if (!SameShape(shapes)) throw new UnsupportedException("addresses of different locations merge");
                    Sink(b, k, links, shapes, ref nextId);
                    changed = true;
                    break;
                }
                if (changed) break;
            }
        }
    }

    private static bool SameShape(List<Operation> ops)
    {
        var first = ops[0];
        return ops.All(o => o.OpName == first.OpName && o.Args.Length == first.Args.Length
            && o.Args.Select((a, j) => a.Kind != ValueKind.Descriptor || Equals(((Constant)a).Literal, ((Constant)first.Args[j]).Literal)).All(x => x));
    }

    private static void Sink(Block b, int k, List<Link> links, List<Operation> defs, ref int nextId)
    {
        var input = b.InputArgs[k];
        var template = defs[0];
        var newArgs = template.Args.ToArray();
        var extraInputs = new List<Variable>();
        var positions = Enumerable.Range(0, template.Args.Length).Where(j => template.Args[j].Kind != ValueKind.Descriptor).ToList();
        foreach (int j in positions)
        {
            var v = new Variable(nextId++, template.Args[j].Kind, template.Args[j].Type);
            extraInputs.Add(v);
            newArgs[j] = v;
        }
        b.InputArgs.RemoveAt(k);
        b.InputArgs.AddRange(extraInputs);
        for (int i = 0; i < links.Count; i++)
        {
            var la = links[i].Args.ToList();
            la.RemoveAt(k);
            la.AddRange(positions.Select(j => defs[i].Args[j]));
            links[i].Args = la.ToArray();
        }
        b.Operations.Insert(0, new Operation(template.OpName, newArgs, input, template.ILOffset, template.Source));
    }
}
