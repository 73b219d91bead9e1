using Mono.Cecil;
using RSharp.Flow.Checking;
using RSharp.Flow.Model;

namespace RSharp.Flow;

/// <summary>
/// An assembly loaded for flow-graph construction (with its portable PDB when one sits next
/// to it). Entry point of the flow-graph stage for the command line.
/// </summary>
public sealed class FlowAssembly : IDisposable
{
    private readonly DefaultAssemblyResolver _resolver;

    private FlowAssembly(AssemblyDefinition assembly, DefaultAssemblyResolver resolver)
    {
        Assembly = assembly;
        _resolver = resolver;
    }

    internal AssemblyDefinition Assembly { get; }

    /// <summary>Loads the assembly at <paramref name="path"/>, reading its portable PDB if present.</summary>
    public static FlowAssembly Load(string path)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDir is not null) resolver.AddSearchDirectory(runtimeDir);
        bool hasPdb = File.Exists(Path.ChangeExtension(path, ".pdb"));
        var parameters = new ReaderParameters { AssemblyResolver = resolver, ReadSymbols = hasPdb, InMemory = true };
        AssemblyDefinition assembly;
        try { assembly = AssemblyDefinition.ReadAssembly(path, parameters); }
        catch (Exception) when (hasPdb)
        {
            parameters.ReadSymbols = false;
            assembly = AssemblyDefinition.ReadAssembly(path, parameters);
        }
        return new FlowAssembly(assembly, resolver);
    }

    /// <summary>
    /// Finds the method named "Namespace.Type::Method" (nested types as "Outer/Inner"); an
    /// optional parameter list "(System.Int32,System.String)" selects an overload.
    /// </summary>
    /// <exception cref="ArgumentException">No such method, or several overloads match (the message lists them).</exception>
    public string ResolveMethodName(string name) => FindMethod(name).FullName;

    internal MethodDefinition FindMethod(string name)
    {
        int sep = name.IndexOf("::", StringComparison.Ordinal);
        if (sep < 0) throw new ArgumentException($"expected Namespace.Type::Method, got '{name}'");
        var typeName = name[..sep];
        var methodPart = name[(sep + 2)..];
        string? paramList = null;
        int paren = methodPart.IndexOf('(');
        if (paren >= 0)
        {
            paramList = methodPart[(paren + 1)..].TrimEnd(')').Replace(" ", "");
            methodPart = methodPart[..paren];
        }
        var type = AllTypes().FirstOrDefault(t => t.FullName == typeName || t.FullName.Replace('/', '.') == typeName)
            ?? throw new ArgumentException($"type '{typeName}' not found in {Assembly.Name.Name}");
        var candidates = type.Methods.Where(m => m.Name == methodPart).ToList();
        if (paramList is not null)
            candidates = candidates.Where(m => string.Join(",", m.Parameters.Select(p => p.ParameterType.FullName)) == paramList).ToList();
        return candidates.Count switch
        {
            0 => throw new ArgumentException($"method '{methodPart}' not found in {type.FullName}"),
            1 => candidates[0],
            _ => throw new ArgumentException($"'{name}' is ambiguous; overloads:{Environment.NewLine}  "
                 + string.Join(Environment.NewLine + "  ", candidates.Select(m => m.FullName))),
        };
    }

    internal IEnumerable<TypeDefinition> AllTypes()
    {
        foreach (var module in Assembly.Modules)
            foreach (var t in module.Types)
                foreach (var n in WithNested(t))
                    yield return n;
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition t)
    {
        yield return t;
        foreach (var n in t.NestedTypes)
            foreach (var x in WithNested(n))
                yield return x;
    }

    /// <summary>All methods with an IL body, in metadata order.</summary>
    internal IEnumerable<MethodDefinition> MethodsWithBodies() =>
        AllTypes().SelectMany(t => t.Methods).Where(m => m.HasBody);

    /// <summary>Builds (and checks) the graph of a method; throws <see cref="GraphBuildException"/> if unsupported.</summary>
    internal static FlowGraph BuildChecked(MethodReference method, bool explicitExceptionExits = false)
    {
        var graph = GraphBuilder.Build(method, explicitExceptionExits);
        GraphChecker.Check(graph);
        return graph;
    }

    /// <summary>
    /// When true, every operation that can raise ends its block with exception exits, a
    /// catch-all link to the except block outside protected regions included. By default
    /// (RPython's convention) only operations inside protected regions get exception exits.
    /// </summary>
    public bool ExplicitExceptionExits { get; set; }

    /// <summary>The text dump of the graph of the named method: blocks, inputs, operations with source lines, exits.</summary>
    public string DumpText(string methodName) => GraphPrinter.ToText(BuildChecked(FindMethod(methodName), ExplicitExceptionExits));

    /// <summary>The graph of the named method in Graphviz dot syntax.</summary>
    public string DumpDot(string methodName) => GraphPrinter.ToDot(BuildChecked(FindMethod(methodName), ExplicitExceptionExits));

    /// <summary>Builds and checks the graph of every method body in the assembly and counts failures by reason.</summary>
    public GraphStats ComputeStats() => GraphStats.Compute(this);

    /// <inheritdoc />
    public void Dispose()
    {
        Assembly.Dispose();
        _resolver.Dispose();
    }
}
