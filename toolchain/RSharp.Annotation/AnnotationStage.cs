using RSharp.Flow;

namespace RSharp.Annotation;

/// <summary>Entry point of the annotation stage for the command line.</summary>
public static class AnnotationStage
{
    /// <summary>
    /// Reachable methods from <paramref name="entryMethod"/> ("Namespace.Type::Method") of the
    /// first assembly, the others being part of the project too; returns the text dump (each
    /// reachable method with its call sites, monomorphic ones marked).
    /// </summary>
    public static string DumpReachable(IReadOnlyList<FlowAssembly> project, string entryMethod)
    {
        var entry = project[0].FindMethod(entryMethod);
        return new Reachability(project).Analyze(entry).Dump();
    }

    /// <summary>
    /// Annotates the program reachable from <paramref name="entryMethod"/> ("Namespace.Type::Method") of
    /// the first assembly: field facts, effect info of every reachable method, and findings.
    /// </summary>
    public static AnnotationResult Annotate(IReadOnlyList<FlowAssembly> project, string entryMethod) =>
        AnnotationResult.Analyze(project, project[0].FindMethod(entryMethod));
}
