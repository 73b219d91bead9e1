using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using RSharp.Translator.Drivers;

namespace RSharp.Translator.Rewrite;

/// <summary>
/// Rewrites the portal: every <c>driver.JitMergePoint(...)</c> and <c>driver.CanEnterJit(...)</c>
/// call becomes a call of the JIT runtime's hook with the driver as first argument
/// (<c>RSharp.Jit.MergePoints</c>), which keeps the evaluation stack unchanged. A merge point
/// outside any protected region becomes
/// <c>if (MergePoints.EnterAtMergePoint(driver, ...)) return MergePoints.PortalResult&lt;R&gt;();</c>:
/// when a loop got hot, the meta-interpreter runs the rest of the invocation and the native portal
/// returns its result (RPython's portal runner after <c>maybe_compile_and_run</c>).
/// </summary>
internal static class PortalRewriter
{
    public const string HookType = "RSharp.Jit.MergePoints";

    private const MethodImplAttributes AggressiveOptimization = (MethodImplAttributes)0x0200;

    /// <summary>Rewrites the checked call sites in place; returns the modules that changed.</summary>
    public static IReadOnlyCollection<ModuleDefinition> Rewrite(DriverModel model, ModuleDefinition runtime, DriverDeclaration? only,
        Action<string>? say = null)
    {
        var hooks = runtime.GetType(HookType)
            ?? throw new InvalidOperationException($"{HookType} is missing from {runtime.FileName}");
        var changed = new HashSet<ModuleDefinition>();
        foreach (var site in model.Sites)
        {
            if (site.Driver is null || (only is not null && site.Driver != only)) continue;
            var original = (GenericInstanceMethod)site.Call.Operand;
            int arity = original.GenericArguments.Count;
            string? noEntry = site.IsCanEnterJit ? null : WhyNoEntry(site);
            bool entry = !site.IsCanEnterJit && noEntry is null;
            if (noEntry is not null)
                say?.Invoke($"merge point at {site.Location}: the JIT cannot take over here ({noEntry}); loops are only counted");
            string name = entry ? "EnterAtMergePoint" : site.Kind;
            var hook = hooks.Methods.Single(m => m.Name == name && m.GenericParameters.Count == arity);
            var call = new GenericInstanceMethod(site.Method.Module.ImportReference(hook));
            foreach (var t in original.GenericArguments) call.GenericArguments.Add(t);
            site.Call.OpCode = OpCodes.Call;
            site.Call.Operand = call;
            if (entry) EmitReturnIfEntered(site, hooks);
            // ReadyToRun code of a method that is entered once and loops for the whole run is never
            // replaced (no on-stack replacement for precompiled code) and cannot inline the hooks
            // across assemblies; AggressiveOptimization keeps the portal out of the R2R image and has
            // the runtime compile it fully optimized on its first call.
            site.Method.ImplAttributes |= AggressiveOptimization;
            changed.Add(site.Method.Module);
        }
        return changed;
    }

    /// <summary>Why the merge point cannot return the meta-interpreter's result, or null.</summary>
    private static string? WhyNoEntry(MergePointSite site)
    {
        var body = site.Method.Body;
        int at = site.Call.Offset;
        // A return from a try block is a leave that would run finally blocks the blackhole already ran.
        foreach (var h in body.ExceptionHandlers)
            if (Within(h.TryStart, h.TryEnd) || Within(h.HandlerStart, h.HandlerEnd) || (h.FilterStart is not null && Within(h.FilterStart, h.HandlerStart)))
                return "inside a try block or handler";
        if (site.Method.ReturnType.IsByReference) return "the portal returns a reference";
        return null;

        bool Within(Instruction start, Instruction? end) => at >= start.Offset && (end is null || at < end.Offset);
    }

    /// <summary>After the entry call (which left a bool): <c>brfalse next; [call PortalResult&lt;R&gt;]; ret</c>.</summary>
    private static void EmitReturnIfEntered(MergePointSite site, TypeDefinition hooks)
    {
        var method = site.Method;
        var il = method.Body.GetILProcessor();
        method.Body.SimplifyMacros();
        var next = site.Call.Next;
        var last = il.Create(OpCodes.Brfalse, next);
        il.InsertAfter(site.Call, last);
        if (method.ReturnType.MetadataType != MetadataType.Void)
        {
            var result = new GenericInstanceMethod(method.Module.ImportReference(hooks.Methods.Single(m => m.Name == "PortalResult")));
            result.GenericArguments.Add(method.ReturnType);
            var load = il.Create(OpCodes.Call, result);
            il.InsertAfter(last, load);
            last = load;
        }
        il.InsertAfter(last, il.Create(OpCodes.Ret));
        method.Body.OptimizeMacros();
    }
}
