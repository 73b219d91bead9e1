using Mono.Cecil;
using RSharp.Annotation;
using RSharp.Flow;
using RSharp.Translator.Drivers;

namespace RSharp.Translator.Checks;

/// <summary>
/// Runs the annotation stage from every portal and turns its findings (RS1007-RS1012 errors,
/// RS2xxx warnings) into diagnostics followed by the call chain from the portal.
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
                    found.Add(new Diagnostic(f.IsWarning ? Severity.Warning : Severity.Error, f.Code, f.Message, where)
                    {
                        CallChain = f.Chain.Count == 0 ? [] : f.Chain.Select(DisplayName).ToList(),
                    });
                }
            }
            found.AddRange(CheckVirtualizableReds(model));
            return found.DistinctBy(d => (d.Code, d.Message, d.Location)).ToList();
        }
        finally
        {
            foreach (var (_, assembly) in project) assembly.Dispose();
        }
    }

    /// <summary>
    /// RS1013: each red a driver declares virtualizable is, when it is a parameter of the
    /// portal, of a class carrying [Virtualizable] (a local's type needs the PDB's names: not checked).
    /// </summary>
    private static IEnumerable<Diagnostic> CheckVirtualizableReds(DriverModel model)
    {
        foreach (var driver in model.Drivers)
        {
            if (model.PortalOf(driver) is not { } portal) continue;
            foreach (var red in driver.Virtualizables)
            {
                var parameter = portal.Parameters.FirstOrDefault(p => p.Name == red);
                if (parameter is null) continue;
                var type = parameter.ParameterType.Resolve();
                if (type is not null && type.CustomAttributes.Any(a => a.AttributeType.FullName == "RSharp.Hints.VirtualizableAttribute")) continue;
                yield return new Diagnostic(Severity.Error, AnnotationFinding.VirtualizableRed,
                    $"virtualizable red '{red}' of driver '{driver.Name}' has type {parameter.ParameterType.Name}, which is not a [Virtualizable] class",
                    SourceLocation.OfMethod($"{driver.Field.DeclaringType.FullName}.{driver.Field.Name}"));
            }
        }
    }

    /// <summary>"Namespace.Type.Method" from a Cecil method full name ("Ret Namespace.Type::Method(Params)").</summary>
    private static string DisplayName(string fullName)
    {
        var paren = fullName.IndexOf('(');
        var head = paren < 0 ? fullName : fullName[..paren];
        var sep = head.IndexOf("::", StringComparison.Ordinal);
        if (sep < 0) return head;
        var type = head[..sep];
        type = type[(type.LastIndexOf(' ') + 1)..];
        return type.Replace('/', '.') + "." + head[(sep + 2)..];
    }

    /// <summary>"Namespace.Type::Method(ParamType,...)", the form the flow stage resolves without overload ambiguity.</summary>
    private static string NameOf(MethodDefinition m) =>
        $"{m.DeclaringType.FullName}::{m.Name}({string.Join(",", m.Parameters.Select(p => p.ParameterType.FullName))})";
}
