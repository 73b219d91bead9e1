using System.Reflection;
using System.Runtime.Loader;
using RSharp.CodeWriter;
using RSharp.Flow;
using RSharp.Translator;
using RSharp.Translator.Input;

namespace RSharp.Cli;

/// <summary><c>rsharp jitcodes</c>: the jitcodes the codewriter makes from the interpreter (stage toolchain/RSharp.CodeWriter).</summary>
internal static class JitCodeCommands
{
    public static int Run(string input, string? method)
    {
        var interpreter = InterpreterInput.Resolve(input);
        // Descriptors wrap real fields and methods, so the interpreter's assemblies must be loadable here.
        string folder = Path.GetDirectoryName(interpreter.AssemblyPath)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            File.Exists(Path.Combine(folder, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;
        string? firstError = null;
        bool printed = false;
        foreach (var path in InterpreterAssembly.OwnAssemblyPaths(interpreter.AssemblyPath))
        {
            string dump;
            try
            {
                dump = JitCodeDump.ForAssembly(path, method);
            }
            catch (ArgumentException e)
            {
                firstError ??= e.Message;   // the method is in another of the interpreter's assemblies
                continue;
            }
            catch (GraphBuildException e)
            {
                throw new UserInputException($"cannot build the flow graph: {e.Message}");
            }
            catch (UnsupportedException e)
            {
                throw new UserInputException($"cannot write jitcodes for {method ?? "the portal"}: {e.Message}");
            }
            if (method is null && dump.StartsWith("no portals", StringComparison.Ordinal)) continue;
            Console.Write(dump);
            printed = true;
            if (method is not null) break;
        }
        if (!printed)
            throw new UserInputException(method is null
                ? $"no portal (a method calling JitMergePoint) in {interpreter.Name}; name a method"
                : firstError ?? $"method not found: {method}");
        return 0;
    }
}
