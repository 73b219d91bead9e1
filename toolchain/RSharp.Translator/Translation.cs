using System.Diagnostics;
using Mono.Cecil;
using RSharp.Translator.Drivers;
using RSharp.Translator.Input;
using RSharp.Translator.JitCodes;
using RSharp.Translator.Publish;
using RSharp.Translator.Rewrite;

namespace RSharp.Translator;

/// <summary>Options of <c>rsharp translate</c>.</summary>
public sealed record TranslateOptions(string Input, string? Output = null, string? Driver = null, bool Quiet = false);

/// <summary>
/// The translation pipeline: resolve the input, load it, find and check the drivers, rewrite the
/// portal, build and embed its jitcodes, publish the translated app. Each phase is printed with its elapsed time.
/// </summary>
public sealed class Translation(TextWriter stdout, TextWriter stderr)
{
    private readonly Stopwatch _total = new();

    /// <summary>Runs <c>rsharp translate</c>; returns the exit code (0 ok, 1 errors in the interpreter, 2 bad input).</summary>
    public int Translate(TranslateOptions options)
    {
        _total.Restart();
        var input = Phase("resolve", () => InterpreterInput.Resolve(options.Input, options.Quiet ? null : Say));
        var modules = Phase("load", () => InterpreterAssembly.LoadAll(input.AssemblyPath));
        var model = Phase("drivers", () => DriverFinder.Analyse(modules));
        if (!Report(model, options.Quiet)) return 1;
        var driver = ChooseDriver(model, options.Driver, input.AssemblyPath);

        // Built from the original assembly: the codewriter recognises the hint calls the rewrite replaces.
        var portalMethod = model.PortalOf(driver)!;
        var jitcodes = Phase("jitcodes", () => JitCodeEmbedder.Build(portalMethod, driver.Name,
            Path.GetDirectoryName(Path.GetFullPath(input.AssemblyPath))!, stderr, Say));

        string output = Path.GetFullPath(options.Output ?? Path.Combine("out", input.Name));
        string lib = Path.Combine(Path.GetTempPath(), "rsharp-lib-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Phase("rewrite", () =>
            {
                var runtime = ModuleDefinition.ReadModule(typeof(Jit.Launcher).Assembly.Location);
                var changed = PortalRewriter.Rewrite(model, runtime, driver, Say);
                CopyAssemblies(input.AssemblyPath, lib);
                foreach (var runtimeAssembly in RuntimeAssemblies)
                    File.Copy(runtimeAssembly.Location, Path.Combine(lib, Path.GetFileName(runtimeAssembly.Location)), true);
                if (jitcodes is not null && changed.Contains(portalMethod.Module)
                    && JitCodeEmbedder.WriteWithImage(changed, portalMethod.Module, jitcodes, driver.Name, stderr) is int size)
                    Say($"jitcodes embedded as resource {Jit.JitCodes.Serialization.JitCodeImage.ResourceName} of {portalMethod.Module.Name} ({size} bytes)");
                foreach (var module in changed)
                {
                    var target = Path.Combine(lib, Path.GetFileName(module.FileName));
                    module.Write(target, new WriterParameters { WriteSymbols = module.HasSymbols, DeterministicMvid = true });
                }
                var portal = model.PortalOf(driver)!;
                Say($"portal {portal.DeclaringType.FullName}.{portal.Name} in {portal.Module.Assembly.Name.Name}: " +
                    $"{model.Sites.Count(s => s.Driver == driver)} hint call(s) rewritten");
                return changed.Count;
            });
            string launcher = Phase("publish", () =>
                LauncherPublisher.Publish(lib, modules[0].Assembly.Name.Name, input.LauncherName, output,
                    Path.ChangeExtension(input.AssemblyPath, ".runtimeconfig.json")));
            if (!options.Quiet)
                stdout.WriteLine($"translated {input.Name} -> {Path.GetRelativePath(Environment.CurrentDirectory, launcher)} in {_total.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }
        finally
        {
            try { Directory.Delete(lib, true); } catch (IOException) { }
        }

        void Say(string line)
        {
            if (!options.Quiet) stdout.WriteLine("  " + line);
        }

        T Phase<T>(string name, Func<T> run)
        {
            var sw = Stopwatch.StartNew();
            var result = run();
            if (!options.Quiet) stdout.WriteLine($"[{name,-8}] {sw.Elapsed.TotalSeconds,6:0.00} s");
            return result;
        }
    }

    /// <summary>Runs <c>rsharp check</c>'s driver checks; returns the exit code (0 no errors, 1 errors).</summary>
    public int Check(string inputSpec, bool warnAsError)
    {
        var input = InterpreterInput.Resolve(inputSpec);
        var model = DriverFinder.Analyse(InterpreterAssembly.LoadAll(input.AssemblyPath));
        if (model.Drivers.Count == 0)
            throw new UserInputException($"{input.AssemblyPath}: no JIT driver found (declare a static readonly RSharp.Hints.JitDriver field)");
        var diagnostics = model.Diagnostics.Concat(Checks.AnnotationChecks.FromPortals(model)).ToList();
        foreach (var d in diagnostics) stderr.WriteLine(d);
        int errors = diagnostics.Count(d => d.Severity == Severity.Error || warnAsError);
        stdout.WriteLine($"checked {input.Name}: {model.Drivers.Count} driver(s), {model.Sites.Count} hint call(s), {errors} error(s), {diagnostics.Count - errors} warning(s)");
        return errors > 0 ? 1 : 0;
    }

    private bool Report(DriverModel model, bool quiet)
    {
        foreach (var d in model.Diagnostics) stderr.WriteLine(d);
        return !model.HasErrors;
    }

    private static DriverDeclaration ChooseDriver(DriverModel model, string? wanted, string path)
    {
        if (model.Drivers.Count == 0)
            throw new UserInputException($"{path}: no JIT driver found (declare a static readonly RSharp.Hints.JitDriver field)");
        if (wanted is not null)
            return model.Drivers.FirstOrDefault(d => d.Name == wanted || d.Field.Name == wanted)
                ?? throw new UserInputException($"no JIT driver named '{wanted}' (found: {string.Join(", ", model.Drivers.Select(d => d.Name))})");
        if (model.Drivers.Count > 1)
            throw new UserInputException($"several JIT drivers ({string.Join(", ", model.Drivers.Select(d => d.Name))}): choose one with --driver NAME");
        return model.Drivers[0];
    }

    /// <summary>
    /// The JIT runtime the translated app carries: the merge point hooks and warm state, the
    /// meta-interpreter, the trace optimizer and the CIL backend.
    /// </summary>
    private static readonly System.Reflection.Assembly[] RuntimeAssemblies =
    [
        typeof(Jit.Launcher).Assembly, typeof(Jit.MetaInterp.MetaInterpreter).Assembly,
        typeof(Jit.Optimizer.OptimizedTrace).Assembly, typeof(Backend.Cil.CilBackend).Assembly,
    ];

    /// <summary>Copies the interpreter's assemblies into the staging folder (the rewritten ones are written over them).</summary>
    private static void CopyAssemblies(string assemblyPath, string lib)
    {
        Directory.CreateDirectory(lib);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(assemblyPath)!, "*.dll"))
            File.Copy(file, Path.Combine(lib, Path.GetFileName(file)), true);
    }
}
