using Mono.Cecil;

namespace RSharp.Flow.Model;

/// <summary>
/// The flow graph of one method (one closed generic instantiation). As in RPython, it has
/// a start block (inputs = the method's arguments, 'this' first), a return block (one
/// input, or none for void methods) and an except block (one input: the exception object)
/// through which exceptions leave the method.
/// </summary>
internal sealed class FlowGraph
{
    private int _nextVariable;

    public FlowGraph(MethodReference method, TypeReference returnType)
    {
        Method = method;
        ReturnType = returnType;
        ReturnBlock = new Block(Array.Empty<Variable>()) { ILOffset = -1 };
        ExceptBlock = new Block(new[] { NewVariable(ValueKind.Ref, null, "exc") });
        StartBlock = new Block(Array.Empty<Variable>());
    }

    /// <summary>The method (closed instantiation) this graph was built from.</summary>
    public MethodReference Method { get; }

    public TypeReference ReturnType { get; }
    public Block StartBlock { get; set; }
    public Block ReturnBlock { get; }
    public Block ExceptBlock { get; }

    public Variable NewVariable(ValueKind kind, TypeReference? type, string? hint = null) =>
        new(_nextVariable++, kind, type, hint);

    /// <summary>All blocks reachable from the start block, in depth-first pre-order (start first).</summary>
    public List<Block> IterBlocks()
    {
        var seen = new HashSet<Block>();
        var order = new List<Block>();
        var stack = new Stack<Block>();
        stack.Push(StartBlock);
        while (stack.Count > 0)
        {
            var b = stack.Pop();
            if (!seen.Add(b)) continue;
            order.Add(b);
            for (int i = b.Exits.Count - 1; i >= 0; i--) stack.Push(b.Exits[i].Target);
        }
        return order;
    }

    public IEnumerable<Link> IterLinks() => IterBlocks().SelectMany(b => b.Exits);

    /// <summary>Numbers the reachable blocks in pre-order; return and except blocks last.</summary>
    public void NumberBlocks()
    {
        int n = 0;
        foreach (var b in IterBlocks())
            if (b != ReturnBlock && b != ExceptBlock) b.Number = n++;
        ReturnBlock.Number = n++;
        ExceptBlock.Number = n;
    }

    public override string ToString() => Method.FullName;
}
