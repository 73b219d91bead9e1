using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RSharp.Translator;

/// <summary>Loads an interpreter assembly with Mono.Cecil, with its portable PDB when present.</summary>
internal static class InterpreterAssembly
{
    public static ModuleDefinition Load(string path)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        bool hasPdb = File.Exists(Path.ChangeExtension(path, ".pdb"));
        var parameters = new ReaderParameters
        {
            AssemblyResolver = resolver,
            ReadSymbols = hasPdb,
            SymbolReaderProvider = hasPdb ? new PortablePdbReaderProvider() : null,
            InMemory = true,
            ReadingMode = ReadingMode.Immediate,
        };
        try
        {
            return ModuleDefinition.ReadModule(path, parameters);
        }
        catch (BadImageFormatException)
        {
            throw new UserInputException($"{path}: not a .NET assembly");
        }
        catch (SymbolsNotMatchingException)
        {
            parameters.ReadSymbols = false;
            parameters.SymbolReaderProvider = null;
            return ModuleDefinition.ReadModule(path, parameters);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or EndOfStreamException)
        {
            throw new UserInputException($"{path}: cannot read it as a .NET assembly ({e.Message})");
        }
    }
}
