using Mono.Cecil;
using RSharp.Annotation;
using RSharp.Flow;
using RSharp.Translator.Drivers;

namespace RSharp.Translator.Checks;

/// <summary>
/// Runs the annotation stage from every portal and turns its findings (RS1007 Elidable writes,
/// RS1008 immutable field writes, ...) into diagnostics.
/// </summary>
internal static class AnnotationChecks
{
    public static IReadOnlyList<Diagnostic> FromPortals(DriverModel model)
    {
        var portals = model.Drivers.Select(model.PortalOf).OfType<MethodDefinition>().Distinct().ToList();
        if (portals.Count == 0) return [];
        var project = model.Modules.Select(m => (m.FileName, Assembly: FlowAssembly.Load(m.FileName))).ToList();
        try
        {
            var found = new List<Diagnostic>();
            foreach (var portal in portals)
            {
                // The stage looks the entry method up in the first assembly of the project.
                var ordered = project.OrderBy(p => p.FileName == portal.Module.FileName ? 0 : 1).Select(p => p.Assembly).ToList();
                var result = AnnotationStage.Annotate(ordered, NameOf(portal));
                foreach (var f in result.Findings)
                {
                    var where = f.Path is null ? SourceLocation.OfMethod(f.Method) : new SourceLocation(f.Path, f.Line, f.Column);
                    found.Add(new Diagnostic(Severity.Error, f.Code, f.Message, where)
                    {
                        CallChain = [$"{portal.DeclaringType.FullName}.{portal.Name}", f.Method],
                    });
                }
            }
            return found.DistinctBy(d => (d.Code, d.Message, d.Location)).ToList();
        }
        finally
        {
            foreach (var (_, assembly) in project) assembly.Dispose();
        }
    }

    /// <summary>"Namespace.Type::Method(ParamType,...)", the form the flow stage resolves without overload ambiguity.</summary>
    private static string NameOf(MethodDefinition m) =>
        $"{m.DeclaringType.FullName}::{m.Name}({string.Join(",", m.Parameters.Select(p => p.ParameterType.FullName))})";
}
