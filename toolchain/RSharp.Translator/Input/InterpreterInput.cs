using System.Diagnostics;
using System.Reflection.PortableExecutable;

namespace RSharp.Translator.Input;

/// <summary>The interpreter a command works on, resolved from what the user typed.</summary>
/// <param name="Name">The language name (output folder name).</param>
/// <param name="LauncherName">The translated app's executable name.</param>
/// <param name="AssemblyPath">The compiled interpreter assembly.</param>
public sealed record InterpreterInput(string Name, string LauncherName, string AssemblyPath)
{
    /// <summary>
    /// Resolves an assembly path, a project directory (built in Release first) or a language name
    /// (a folder of <c>languages/</c> or <c>samples/</c> with an <c>rsharp.json</c>).
    /// </summary>
    /// <exception cref="UserInputException">The input names nothing usable.</exception>
    public static InterpreterInput Resolve(string spec, Action<string>? log = null)
    {
        if (File.Exists(spec))
        {
            string ext = Path.GetExtension(spec).ToLowerInvariant();
            if (ext is ".csproj")
                return FromProject(Path.GetFullPath(spec), null, log);
            EnsureAssembly(spec);
            string name = Path.GetFileNameWithoutExtension(spec);
            return new InterpreterInput(name.ToLowerInvariant(), name.ToLowerInvariant(), Path.GetFullPath(spec));
        }
        if (Directory.Exists(spec))
            return FromDirectory(Path.GetFullPath(spec), log);
        bool looksLikePath = spec.Contains('/') || spec.Contains('\\') || Path.HasExtension(spec);   // language names have no dot
        if (looksLikePath)
            throw new UserInputException($"no such file or directory: {spec}");
        string? root = Repository.FindRoot()
            ?? throw new UserInputException($"'{spec}' is not a file or directory, and language names work only inside an RSharp repository");
        var languages = LanguageManifest.All(root);
        var match = languages.FirstOrDefault(l => l.Name == spec)
            ?? throw new UserInputException($"unknown language '{spec}' (known: {string.Join(", ", languages.Select(l => l.Name))})");
        return FromProject(match.ProjectPath, match, log);
    }

    /// <summary>
    /// Refuses a file that is not a .NET assembly (text, a native binary) before any command reads it,
    /// so that every command reports it the same way.
    /// </summary>
    private static void EnsureAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (pe.HasMetadata) return;
        }
        catch (BadImageFormatException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot read it ({e.Message})");
        }
        throw new UserInputException($"{path}: not a .NET assembly");
    }

    private static InterpreterInput FromDirectory(string dir, Action<string>? log)
    {
        if (LanguageManifest.TryRead(dir) is { } manifest)
            return FromProject(manifest.ProjectPath, manifest, log);
        var projects = Directory.GetFiles(dir, "*.csproj");
        return projects.Length switch
        {
            1 => FromProject(projects[0], null, log),
            0 => throw new UserInputException($"{dir}: no {LanguageManifest.FileName} and no .csproj in this directory"),
            _ => throw new UserInputException($"{dir}: several .csproj files; add an {LanguageManifest.FileName} naming the interpreter project"),
        };
    }

    private static InterpreterInput FromProject(string project, LanguageManifest? manifest, Action<string>? log)
    {
        if (!File.Exists(project))
            throw new UserInputException($"interpreter project not found: {project}");
        log?.Invoke($"building {Path.GetFileName(project)}");
        var (code, output) = Dotnet.Run("build", project, "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly");
        if (code != 0)
            throw new UserInputException($"building {project} failed:{Environment.NewLine}{output.Trim()}");
        var (code2, targetPath) = Dotnet.Run("msbuild", project, "-getProperty:TargetPath", "-p:Configuration=Release", "-nologo");
        targetPath = targetPath.Trim();
        if (code2 != 0 || !File.Exists(targetPath))
            throw new UserInputException($"cannot find the build output of {project}");
        string name = manifest?.Name ?? Path.GetFileNameWithoutExtension(project).ToLowerInvariant();
        return new InterpreterInput(name, manifest?.Launcher ?? name, targetPath);
    }
}

/// <summary>Runs the <c>dotnet</c> CLI and captures its output.</summary>
internal static class Dotnet
{
    public static (int ExitCode, string Output) Run(params string[] args) => RunIn(null, args);

    public static (int ExitCode, string Output) RunIn(string? workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start dotnet");
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }
}
