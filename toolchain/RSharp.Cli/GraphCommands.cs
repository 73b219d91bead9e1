using RSharp.Translator;

namespace RSharp.Cli;

/// <summary><c>rsharp graph</c>: flow graphs of the interpreter's methods (stage toolchain/RSharp.Flow).</summary>
internal static class GraphCommands
{
    public static int Run(string input, string? method, string? dotFile, bool stats) =>
        throw new UserInputException("rsharp graph: the flow-graph stage is not available in this build yet");
}
