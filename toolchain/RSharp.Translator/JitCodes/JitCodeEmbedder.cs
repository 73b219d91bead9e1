using System.Runtime.Loader;
using Mono.Cecil;
using RSharp.Flow;
using RSharp.Jit.JitCodes.Serialization;

namespace RSharp.Translator.JitCodes;

/// <summary>
/// The jitcode phase of <c>rsharp translate</c>: the codewriter builds the jitcodes of the portal
/// from the original interpreter, and they are embedded as the managed resource
/// <see cref="JitCodeImage.ResourceName"/> of the rewritten module that holds the portal (as in
/// RPython, jitcodes are made at translation time and travel with the translated interpreter).
/// </summary>
internal static class JitCodeEmbedder
{
    /// <summary>
    /// Builds the portal's jitcodes. Returns null and writes a one-line warning when they cannot be
    /// built as a whole (the translation still succeeds; the JIT stays off for that driver).
    /// </summary>
    public static JitCodeImage? Build(MethodDefinition portal, string driverName, string interpreterFolder, TextWriter warnings, Action<string> say)
    {
        // Descriptors wrap real fields and methods, so the interpreter's assemblies must be loadable here.
        Func<AssemblyLoadContext, System.Reflection.AssemblyName, System.Reflection.Assembly?> resolve = (context, name) =>
        {
            string file = Path.Combine(interpreterFolder, name.Name + ".dll");
            return File.Exists(file) ? context.LoadFromAssemblyPath(file) : null;
        };
        AssemblyLoadContext.Default.Resolving += resolve;
        try
        {
            using var flow = FlowAssembly.Load(portal.Module.FileName);
            string root = portal.DeclaringType.FullName + "::" + portal.Name
                + "(" + string.Join(",", portal.Parameters.Select(p => p.ParameterType.FullName)) + ")";
            var set = RSharp.CodeWriter.CodeWriter.Build(flow, root);
            var image = new JitCodeImage(set.JitCodes, set.Roots, set.Residual);
            say($"{set.JitCodes.Count} jitcode(s) for driver {driverName}, {set.Residual.Count} method(s) residual, {set.Warnings.Count} unsupported block(s)");
            return image;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            warnings.WriteLine($"warning: no jitcodes for driver {driverName} (the JIT stays off for it): {OneLine(e.Message)}");
            return null;
        }
        finally
        {
            AssemblyLoadContext.Default.Resolving -= resolve;
        }
    }

    /// <summary>
    /// Adds the serialized image as a resource of <paramref name="carrier"/>, before the rewritten
    /// <paramref name="modules"/> are written. Writing renumbers metadata tokens, so the modules are
    /// first written to memory to learn the new tokens of the definitions the image names.
    /// Returns the image's size in bytes, or null if it could not be serialized (warning written).
    /// </summary>
    public static int? WriteWithImage(IReadOnlyCollection<ModuleDefinition> modules, ModuleDefinition carrier, JitCodeImage image,
        string driverName, TextWriter warnings)
    {
        var before = modules.ToDictionary(m => m, Definitions);
        foreach (var m in modules) m.Write(new MemoryStream(), new WriterParameters { DeterministicMvid = true });
        var map = new Dictionary<(string, int), int>();
        foreach (var (m, defs) in before)
            foreach (var (def, token) in defs)
                map[(m.Assembly.Name.Name, token)] = def.MetadataToken.ToInt32();
        byte[] bytes;
        try
        {
            bytes = JitCodeWriter.Write(image, (assembly, token) => map.GetValueOrDefault((assembly, token), token));
        }
        catch (NotSupportedException e)
        {
            warnings.WriteLine($"warning: no jitcodes for driver {driverName} (the JIT stays off for it): {OneLine(e.Message)}");
            return null;
        }
        carrier.Resources.Add(new EmbeddedResource(JitCodeImage.ResourceName, ManifestResourceAttributes.Public, bytes));
        return bytes.Length;
    }

    /// <summary>Every type, field and method definition of the module with its current token.</summary>
    private static List<(IMetadataTokenProvider Def, int Token)> Definitions(ModuleDefinition module)
    {
        var list = new List<(IMetadataTokenProvider, int)>();
        foreach (var t in module.GetTypes())
        {
            list.Add((t, t.MetadataToken.ToInt32()));
            foreach (var f in t.Fields) list.Add((f, f.MetadataToken.ToInt32()));
            foreach (var m in t.Methods) list.Add((m, m.MetadataToken.ToInt32()));
        }
        return list;
    }

    private static string OneLine(string s) => s.Split('\n')[0].TrimEnd('\r');
}
