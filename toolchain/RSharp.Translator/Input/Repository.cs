namespace RSharp.Translator.Input;

/// <summary>Finds the RSharp repository (the folder holding <c>RSharp.slnx</c>).</summary>
public static class Repository
{
    /// <summary>The repository root above the current directory or above the running tool, or null outside one.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "RSharp.slnx")))
                    return dir.FullName;
        }
        return null;
    }
}
