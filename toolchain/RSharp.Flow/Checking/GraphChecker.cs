using RSharp.Flow.Model;

namespace RSharp.Flow.Checking;

/// <summary>A flow graph violates an invariant (see <see cref="GraphChecker"/>).</summary>
internal sealed class GraphCheckException : Exception
{
    public GraphCheckException(string message) : base(message) { }
}

/// <summary>
/// Checks the SSA and shape invariants of a flow graph: every variable is defined exactly
/// once (as a block input, an operation result or a link's exception variable) and used
/// only in its own block after its definition; links pass as many values as their target
/// has inputs, of compatible kinds; exits agree with the block's switch kind; opnames
/// belong to <see cref="OpNames.All"/>.
/// </summary>
internal static class GraphChecker
{
    public static void Check(FlowGraph graph)
    {
        var errors = new List<string>();
        var defined = new HashSet<Variable>();
        var blocks = graph.IterBlocks();
        void Error(Block b, string message)
        {
            if (errors.Count < 20) errors.Add(graph.Method.FullName + " " + b.Name + ": " + message);
        }

        if (graph.ReturnBlock.InputArgs.Count > 1) Error(graph.ReturnBlock, "return block has more than one input");
        if (graph.ExceptBlock.InputArgs.Count != 1) Error(graph.ExceptBlock, "except block must have one input");
        if (graph.StartBlock == graph.ReturnBlock || graph.StartBlock == graph.ExceptBlock) Error(graph.StartBlock, "start block is a final block");

        foreach (var block in blocks)
        {
            var local = new HashSet<Variable>();
            void Define(Variable v)
            {
                if (!defined.Add(v)) Error(block, v + " defined twice");
                local.Add(v);
            }
            void Use(Value v, string where)
            {
                if (v is Variable var && !local.Contains(var)) Error(block, var + " used in " + where + " but not defined before in this block");
            }

            foreach (var v in block.InputArgs) Define(v);
            foreach (var op in block.Operations)
            {
                if (!OpNames.All.Contains(op.OpName)) Error(block, "unknown opname " + op.OpName);
                foreach (var a in op.Args) Use(a, op.OpName);
                if (op.Result is not null)
                {
                    if (op.Result.Kind == ValueKind.Void) Error(block, "void result variable in " + op);
                    Define(op.Result);
                }
            }

            bool isFinal = block == graph.ReturnBlock || block == graph.ExceptBlock;
            if (isFinal)
            {
                if (block.Exits.Count != 0 || block.Operations.Count != 0) Error(block, "final block with operations or exits");
                continue;
            }
            if (block.Exits.Count == 0) Error(block, "non-final block without exits");

            foreach (var link in block.Exits)
            {
                if (link.Source != block) Error(block, "link source is " + link.Source.Name);
                if (link.Args.Length != link.Target.InputArgs.Count)
                    Error(block, $"link to {link.Target.Name} passes {link.Args.Length} values for {link.Target.InputArgs.Count} inputs");
                if (link.LastExceptionValue is { } exc)
                {
                    if (!link.IsException) Error(block, "exception variable on a non-exception link");
                    if (!defined.Add(exc)) Error(block, exc + " defined twice");
                }
                for (int i = 0; i < link.Args.Length; i++)
                {
                    var a = link.Args[i];
                    if (link.IsException && block.Operations.Count > 0 && block.Operations[^1].Result is { } raisedResult && a == raisedResult)
                        Error(block, "exception link passes " + a + ", the result of the operation that raised");
                    if (a is Variable v && v != link.LastExceptionValue && !local.Contains(v))
                        Error(block, v + " passed to " + link.Target.Name + " but not defined in this block");
                    if (i < link.Target.InputArgs.Count && !Compatible(a.Kind, link.Target.InputArgs[i].Kind))
                        Error(block, $"link to {link.Target.Name} argument {i}: {a.Kind} into {link.Target.InputArgs[i].Kind}");
                }
            }

            switch (block.SwitchKind)
            {
                case ExitSwitchKind.None:
                    if (block.Exits.Count != 1 || block.Exits[0].ExitCase is not null) Error(block, "fallthrough block needs exactly one plain link");
                    break;
                case ExitSwitchKind.Bool:
                    if (block.ExitSwitch is null) { Error(block, "bool switch without variable"); break; }
                    Use(block.ExitSwitch, "exit switch");
                    if (block.ExitSwitch.Kind != ValueKind.Int32) Error(block, "bool switch on " + block.ExitSwitch.Kind);
                    if (block.Exits.Count != 2 || !block.Exits.Any(l => l.ExitCase is true) || !block.Exits.Any(l => l.ExitCase is false))
                        Error(block, "bool switch needs one true and one false link");
                    break;
                case ExitSwitchKind.Int:
                    if (block.ExitSwitch is null) { Error(block, "int switch without variable"); break; }
                    Use(block.ExitSwitch, "exit switch");
                    if (block.ExitSwitch.Kind != ValueKind.Int32) Error(block, "int switch on " + block.ExitSwitch.Kind);
                    var cases = block.Exits.Where(l => l.ExitCase is int).Select(l => (int)l.ExitCase!).ToList();
                    if (cases.Count != cases.Distinct().Count()) Error(block, "duplicate int switch cases");
                    if (block.Exits.Count(l => l.ExitCase is DefaultCase) != 1 || block.Exits[^1].ExitCase is not DefaultCase)
                        Error(block, "int switch needs one default link, last");
                    if (cases.Count + 1 != block.Exits.Count) Error(block, "int switch link with a non-int case");
                    break;
                case ExitSwitchKind.LastException:
                    if (block.Operations.Count == 0 || !block.Operations[^1].CanRaise) { Error(block, "exception exits but the last operation cannot raise"); break; }
                    bool alwaysRaises = block.Operations[^1].OpName == OpNames.Throw;
                    int first = alwaysRaises ? 0 : 1;
                    if (!alwaysRaises && (block.Exits[0].ExitCase is not null)) Error(block, "first exit of a raising block must be the normal link");
                    for (int i = first; i < block.Exits.Count; i++)
                        if (!block.Exits[i].IsException || block.Exits[i].LastExceptionValue is null)
                            Error(block, "exit " + i + " of a raising block is not an exception link");
                    if (block.Exits.Count == first) Error(block, "raising block without exception links");
                    break;
            }
        }
        if (errors.Count > 0) throw new GraphCheckException(string.Join(Environment.NewLine, errors));
    }

    private static bool Compatible(ValueKind from, ValueKind to) =>
        from == to || from == ValueKind.Generic || to == ValueKind.Generic
        || (from is ValueKind.Ref or ValueKind.NativeInt or ValueKind.ManagedPointer && to is ValueKind.Ref or ValueKind.NativeInt or ValueKind.ManagedPointer);
}
