using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RSharp.Translator;

/// <summary>Loads an interpreter assembly with Mono.Cecil, with its portable PDB when present.</summary>
internal static class InterpreterAssembly
{
    /// <summary>
    /// The interpreter's own assemblies that may hold drivers: the entry assembly and every
    /// assembly it references (transitively) from its own folder that references the hint API
    /// (a language may keep its dispatch loop out of its entry assembly).
    /// </summary>
    public static IReadOnlyList<ModuleDefinition> LoadAll(string entryPath)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(entryPath))!;
        var entry = Load(entryPath);
        var modules = new List<ModuleDefinition> { entry };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { entry.Assembly.Name.Name };
        var pending = new Queue<AssemblyNameReference>(entry.AssemblyReferences);
        while (pending.Count > 0)
        {
            var reference = pending.Dequeue();
            if (!seen.Add(reference.Name)) continue;
            string file = Path.Combine(dir, reference.Name + ".dll");
            if (!File.Exists(file)) continue;   // a framework assembly
            var module = Load(file);
            foreach (var r in module.AssemblyReferences) pending.Enqueue(r);
            if (module.AssemblyReferences.Any(r => r.Name == HintsAssembly)) modules.Add(module);
        }
        return modules;
    }

    /// <summary>Paths of the modules <see cref="LoadAll"/> returns.</summary>
    public static IEnumerable<string> OwnAssemblyPaths(string entryPath) => LoadAll(entryPath).Select(m => m.FileName);

    private const string HintsAssembly = "RSharp.Hints";

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
