using Mono.Cecil;
using Mono.Cecil.Cil;
using RSharp.Translator.Drivers;

namespace RSharp.Translator.Rewrite;

/// <summary>
/// Rewrites the portal: every <c>driver.JitMergePoint(...)</c> and <c>driver.CanEnterJit(...)</c>
/// call becomes a call of the JIT runtime's hook with the driver as first argument
/// (<c>RSharp.Jit.MergePoints</c>), which keeps the evaluation stack unchanged.
/// </summary>
internal static class PortalRewriter
{
    public const string HookType = "RSharp.Jit.MergePoints";

    private const MethodImplAttributes AggressiveOptimization = (MethodImplAttributes)0x0200;

    /// <summary>Rewrites the checked call sites in place; returns the modules that changed.</summary>
    public static IReadOnlyCollection<ModuleDefinition> Rewrite(DriverModel model, ModuleDefinition runtime, DriverDeclaration? only)
    {
        var hooks = runtime.GetType(HookType)
            ?? throw new InvalidOperationException($"{HookType} is missing from {runtime.FileName}");
        var changed = new HashSet<ModuleDefinition>();
        foreach (var site in model.Sites)
        {
            if (site.Driver is null || (only is not null && site.Driver != only)) continue;
            var original = (GenericInstanceMethod)site.Call.Operand;
            int arity = original.GenericArguments.Count;
            var hook = hooks.Methods.Single(m => m.Name == site.Kind && m.GenericParameters.Count == arity);
            var call = new GenericInstanceMethod(site.Method.Module.ImportReference(hook));
            foreach (var t in original.GenericArguments) call.GenericArguments.Add(t);
            site.Call.OpCode = OpCodes.Call;
            site.Call.Operand = call;
            // ReadyToRun code of a method that is entered once and loops for the whole run is never
            // replaced (no on-stack replacement for precompiled code) and cannot inline the hooks
            // across assemblies; AggressiveOptimization keeps the portal out of the R2R image and has
            // the runtime compile it fully optimized on its first call.
            site.Method.ImplAttributes |= AggressiveOptimization;
            changed.Add(site.Method.Module);
        }
        return changed;
    }
}
