namespace RSharp.Flow;

/// <summary>
/// A method body uses a construct the flow-graph builder does not support. <see cref="Reason"/>
/// is a short, stable category used to count diagnostics; the message names the method.
/// </summary>
public sealed class GraphBuildException : Exception
{
    /// <summary>Creates the diagnostic.</summary>
    public GraphBuildException(string reason, string detail)
        : base(reason + ": " + detail) => Reason = reason;

    /// <summary>Short category of the unsupported construct, e.g. "jmp instruction".</summary>
    public string Reason { get; }
}
