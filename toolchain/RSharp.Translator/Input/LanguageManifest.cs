using System.Text.Json;

namespace RSharp.Translator.Input;

/// <summary>
/// <c>rsharp.json</c> in a language folder: names the language, its interpreter project, the
/// launcher name and the guest file extensions (used by <c>./build.sh run</c>).
/// </summary>
public sealed record LanguageManifest(string Name, string Project, string Launcher, IReadOnlyList<string> Extensions)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "rsharp.json";

    /// <summary>The folder holding the manifest.</summary>
    public string Directory { get; init; } = "";

    /// <summary>The interpreter project's full path.</summary>
    public string ProjectPath => System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, Project));

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads the manifest in <paramref name="directory"/>, or null when there is none.</summary>
    public static LanguageManifest? TryRead(string directory)
    {
        string path = System.IO.Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        LanguageManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<LanguageManifest>(File.ReadAllText(path), s_json);
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{path}: not a valid {FileName}: {e.Message}");
        }
        if (m is null || string.IsNullOrEmpty(m.Name) || string.IsNullOrEmpty(m.Project))
            throw new UserInputException($"{path}: {FileName} needs \"name\" and \"project\"");
        return m with
        {
            Directory = System.IO.Path.GetFullPath(directory),
            Launcher = string.IsNullOrEmpty(m.Launcher) ? m.Name : m.Launcher,
            Extensions = m.Extensions ?? [],
        };
    }

    /// <summary>Every language of the repository: the manifests in <c>languages/*</c> and <c>samples/*</c>.</summary>
    public static IReadOnlyList<LanguageManifest> All(string repositoryRoot)
    {
        var found = new List<LanguageManifest>();
        foreach (var area in new[] { "languages", "samples" })
        {
            string dir = System.IO.Path.Combine(repositoryRoot, area);
            if (!System.IO.Directory.Exists(dir)) continue;
            foreach (var sub in System.IO.Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
                if (TryRead(sub) is { } m) found.Add(m);
        }
        return found;
    }
}
