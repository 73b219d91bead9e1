using System.Reflection;
using System.Runtime.Loader;

namespace RSharp.Jit.JitCodes.Serialization;

/// <summary>
/// Turns (assembly simple name, metadata token) back into reflection members. Assemblies are
/// looked up by simple name: the anchor assembly (the one carrying the image), the assemblies of
/// its load context, the process, then loaded into the context. The recorded name of each member
/// is compared with what the token resolves to, so a stale image fails clearly.
/// </summary>
internal sealed class MemberResolver(AssemblyLoadContext context, Assembly? anchor)
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly Dictionary<string, Module> _modules = new(StringComparer.Ordinal);

    private Module ModuleOf(string name)
    {
        if (_modules.TryGetValue(name, out var m)) return m;
        var assembly = anchor is not null && anchor.GetName().Name == name ? anchor
            : context.Assemblies.FirstOrDefault(a => a.GetName().Name == name)
              ?? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (assembly is null)
        {
            try { assembly = context.LoadFromAssemblyName(new AssemblyName(name)); }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                throw new JitCodeFormatException($"needs assembly '{name}', which is not loaded and cannot be found");
            }
        }
        return _modules[name] = assembly.ManifestModule;
    }

    private static JitCodeFormatException Stale(string assembly, int token, string expected, string found) =>
        new($"stale: token 0x{token:x8} of {assembly} is {found}, expected {expected}; translate the interpreter again");

    public Type TypeDef(string assembly, int token, string name)
    {
        var module = ModuleOf(assembly);
        Type t;
        try { t = module.ResolveType(token); }
        catch (ArgumentException) { throw Stale(assembly, token, "type " + name, "no type"); }
        if (t.Name != name) throw Stale(assembly, token, "type " + name, "type " + t.Name);
        return t;
    }

    public FieldInfo Field(Type declaring, int token, string name)
    {
        var def = declaring.IsConstructedGenericType ? declaring.GetGenericTypeDefinition() : declaring;
        FieldInfo f;
        try { f = def.Module.ResolveField(token)!; }
        catch (ArgumentException) { throw Stale(def.Module.Assembly.GetName().Name!, token, "field " + name, "no field"); }
        if (f.Name != name || f.DeclaringType != def)
            throw Stale(def.Module.Assembly.GetName().Name!, token, $"field {def.Name}.{name}", $"field {f.DeclaringType?.Name}.{f.Name}");
        // Field handles of a generic definition do not combine with an instantiation's handle: look the field up there.
        return declaring.IsConstructedGenericType ? declaring.GetFields(All).First(x => x.MetadataToken == f.MetadataToken) : f;
    }

    public MethodBase Method(Type declaring, int token, string name, Type[] methodArgs)
    {
        var def = declaring.IsConstructedGenericType ? declaring.GetGenericTypeDefinition() : declaring;
        MethodBase m;
        try { m = def.Module.ResolveMethod(token)!; }
        catch (ArgumentException) { throw Stale(def.Module.Assembly.GetName().Name!, token, "method " + name, "no method"); }
        if (m.Name != name || m.DeclaringType != def)
            throw Stale(def.Module.Assembly.GetName().Name!, token, $"method {def.Name}.{name}", $"method {m.DeclaringType?.Name}.{m.Name}");
        if (declaring.IsConstructedGenericType) m = MethodBase.GetMethodFromHandle(m.MethodHandle, declaring.TypeHandle)!;
        if (methodArgs.Length > 0) m = ((MethodInfo)m).MakeGenericMethod(methodArgs);
        return m;
    }

    /// <summary>The runtime-provided methods of an array type, by name and parameter count.</summary>
    public static MethodBase ArrayMethod(Type arrayType, string name, int parameters) =>
        (name == ".ctor"
            ? arrayType.GetConstructors(All).FirstOrDefault(c => c.GetParameters().Length == parameters)
            : (MethodBase?)arrayType.GetMethods(All).FirstOrDefault(m => m.Name == name && m.GetParameters().Length == parameters))
        ?? throw new JitCodeFormatException($"array type {arrayType} has no method {name} with {parameters} parameters");
}
