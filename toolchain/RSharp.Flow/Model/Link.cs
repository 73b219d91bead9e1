using Mono.Cecil;

namespace RSharp.Flow.Model;

/// <summary>
/// An edge: passes <see cref="Args"/> (values of the source block, or the link's own
/// exception variable) to the input arguments of <see cref="Target"/>.
/// </summary>
internal sealed class Link
{
    public Link(Block source, Block target, Value[] args, object? exitCase = null)
    {
        Source = source;
        Target = target;
        Args = args;
        ExitCase = exitCase;
    }

    public Block Source { get; set; }
    public Block Target { get; set; }
    public Value[] Args { get; set; }

    /// <summary>
    /// Which switch outcome selects this link: null (fallthrough, or the normal exit of a
    /// raising block), true/false (bool switch), an int or <see cref="DefaultCase"/> (int
    /// switch), or the caught exception's TypeReference (exception link).
    /// </summary>
    public object? ExitCase { get; set; }

    /// <summary>For exception links: the variable bound to the caught exception object.</summary>
    public Variable? LastExceptionValue { get; set; }

    public bool IsException => ExitCase is TypeReference;

    public override string ToString()
    {
        var caseText = ExitCase switch
        {
            null => "",
            TypeReference t => "[" + t.FullName + " as " + LastExceptionValue + "] ",
            bool b => "[" + (b ? "true" : "false") + "] ",
            var c => "[" + c + "] ",
        };
        return caseText + "-> " + Target.Name + "(" + string.Join(", ", Args.Select(a => a.ToString())) + ")";
    }
}

/// <summary>Exit case of the default link of an int switch.</summary>
internal sealed class DefaultCase
{
    public static readonly DefaultCase Instance = new();
    private DefaultCase() { }
    public override string ToString() => "default";
}
