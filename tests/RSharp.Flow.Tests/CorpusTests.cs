extern alias CorpusDebug;
using System.Reflection;
using RSharp.Flow.Interpreting;

namespace RSharp.Flow.Tests;

/// <summary>
/// Differential tests: every corpus function, in the optimized and the unoptimized build, is
/// run natively (reflection) and through the graph interpreter on generated inputs; results,
/// by-ref argument values and thrown exceptions (type and message) must be identical.
/// </summary>
public class CorpusTests
{
    /// <summary>Graph shapes the corpus runs on: as built, simplified, and with explicit exception exits everywhere.</summary>
    private enum Mode { Plain, Simplified, ExplicitExits }

    private static readonly Dictionary<(Assembly, Mode), GraphInterpreter> s_interpreters = new();

    internal static Assembly[] CorpusAssemblies() => new[]
    {
        typeof(RSharp.Flow.Corpus.Arithmetic).Assembly,
        typeof(CorpusDebug::RSharp.Flow.Corpus.Arithmetic).Assembly,
    };

    /// <summary>Public static methods of the public static classes of the corpus.</summary>
    internal static IEnumerable<MethodInfo> Functions(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && !t.IsGenericTypeDefinition)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsGenericMethodDefinition && !m.IsSpecialName)
                .OrderBy(m => m.Name, StringComparer.Ordinal));

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var assembly in CorpusAssemblies())
        {
            var tag = assembly.GetName().Name!.EndsWith("Debug") ? "Debug" : "Release";
            foreach (var m in Functions(assembly))
                yield return new TestCaseData(assembly.GetName().Name, m.DeclaringType!.FullName, m.Name)
                    .SetName($"{tag}.{m.DeclaringType.Name}.{m.Name}");
        }
    }

    private static GraphInterpreter InterpreterFor(Assembly assembly, Mode mode)
    {
        lock (s_interpreters)
        {
            if (!s_interpreters.TryGetValue((assembly, mode), out var interp))
                s_interpreters[(assembly, mode)] = interp = new GraphInterpreter(FlowAssembly.Load(assembly.Location))
                {
                    SimplifyGraphs = mode == Mode.Simplified,
                    ExplicitExceptionExits = mode == Mode.ExplicitExits,
                };
            return interp;
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void InterpretedGraphMatchesNative(string assemblyName, string typeName, string methodName)
    {
        var assembly = CorpusAssemblies().Single(a => a.GetName().Name == assemblyName);
        var method = assembly.GetType(typeName)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)!;
        var tuples = CorpusInputs.Tuples(method);
        Assert.That(tuples, Has.Count.GreaterThanOrEqualTo(method.GetParameters().Length == 0 ? 1 : 20));
        foreach (var mode in Enum.GetValues<Mode>())
        {
            var interp = InterpreterFor(assembly, mode);
            foreach (var tuple in tuples)
            {
                var native = RunNative(method, CorpusInputs.Clone(tuple));
                var graph = RunInterpreted(interp, method, CorpusInputs.Clone(tuple));
                if (graph != native)
                    Assert.Fail(mode + " graph, inputs: " + string.Join(", ", tuple.Select(CorpusInputs.Render))
                                + "\n native: " + native + "\n graph:  " + graph);
            }
        }
    }

    private static string Outcome(object? result, Exception? e, object?[] args) =>
        (e is null ? "returned " + CorpusInputs.Render(result) : "raised " + e.GetType().FullName + ": " + e.Message)
        + " | args after: " + string.Join(", ", args.Select(CorpusInputs.Render));

    private static string RunNative(MethodInfo method, object?[] args)
    {
        try
        {
            var r = method.Invoke(null, BindingFlags.DoNotWrapExceptions, null, args, null);
            return Outcome(r, null, args);
        }
        catch (Exception e) { return Outcome(null, e, args); }
    }

    private static string RunInterpreted(GraphInterpreter interp, MethodInfo method, object?[] args)
    {
        var ps = method.GetParameters();
        var passed = new object?[args.Length];
        for (int i = 0; i < args.Length; i++)
            passed[i] = ps[i].ParameterType.IsByRef ? new SlotPointer(ps[i].ParameterType.GetElementType()!, args[i]) : args[i];
        object? result = null;
        Exception? error = null;
        try { result = interp.Invoke(method, passed); }
        catch (InterpreterException) { throw; }
        catch (Exception e) { error = e; }
        for (int i = 0; i < args.Length; i++)
            if (passed[i] is SlotPointer p) args[i] = p.Load();
        return Outcome(result, error, args);
    }
}
