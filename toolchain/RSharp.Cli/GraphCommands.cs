using RSharp.Flow;
using RSharp.Translator;
using RSharp.Translator.Input;

namespace RSharp.Cli;

/// <summary><c>rsharp graph</c>: flow graphs of the interpreter's methods (stage toolchain/RSharp.Flow).</summary>
internal static class GraphCommands
{
    public static int Run(string input, string? method, string? dotFile, bool stats)
    {
        var interpreter = InterpreterInput.Resolve(input);
        if (stats)
        {
            using var assembly = FlowAssembly.Load(interpreter.AssemblyPath);
            Console.WriteLine(assembly.ComputeStats());
            return 0;
        }
        if (method is null)
            throw new UserInputException("name a method (Namespace.Type::Method) or use --stats");
        using var owner = FindOwner(interpreter, method);
        string text;
        try
        {
            text = owner.DumpText(method);
            if (dotFile is not null) File.WriteAllText(dotFile, owner.DumpDot(method));
        }
        catch (GraphBuildException e)
        {
            throw new UserInputException($"cannot build the graph of {method}: {e.Message}");
        }
        Console.Write(text);
        return 0;
    }

    /// <summary>The interpreter assembly (entry or one of its own libraries) that defines the method.</summary>
    private static FlowAssembly FindOwner(InterpreterInput interpreter, string method)
    {
        string? firstError = null;
        foreach (var path in InterpreterAssembly.OwnAssemblyPaths(interpreter.AssemblyPath))
        {
            var assembly = FlowAssembly.Load(path);
            try
            {
                assembly.ResolveMethodName(method);
                return assembly;
            }
            catch (ArgumentException e)
            {
                firstError ??= e.Message;
                assembly.Dispose();
            }
        }
        throw new UserInputException(firstError ?? $"method not found: {method}");
    }
}
