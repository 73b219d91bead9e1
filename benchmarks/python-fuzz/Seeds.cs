using System.Diagnostics;

namespace PySharp.Fuzz;

/// <summary>Seed inputs: the syntax test corpora and (optionally) CPython's Lib/ sources.</summary>
internal sealed class Seeds
{
    public readonly List<string> Snippets = new();
    public readonly List<string> Files = new();

    public string Pick(Random rng)
    {
        if (Files.Count > 0 && rng.Next(5) == 0)
        {
            string text = Files[rng.Next(Files.Count)];
            if (text.Length <= 3000) return text;
            int start = rng.Next(text.Length - 2000);
            return text.Substring(start, 2000);
        }
        return Snippets[rng.Next(Snippets.Count)];
    }

    public static Seeds Load(string? stdlib)
    {
        var seeds = new Seeds();
        string root = RepoRoot();
        string corpus = Path.Combine(root, "tests", "PySharp.Syntax.Tests", "Corpus");
        foreach (var file in Directory.EnumerateFiles(corpus, "*.txt"))
            foreach (var part in File.ReadAllText(file).Split("#---\n"))
                seeds.Snippets.Add(part);
        stdlib ??= Environment.GetEnvironmentVariable("PYSHARP_STDLIB") ?? AskPython();
        if (stdlib != null && Directory.Exists(stdlib))
        {
            foreach (var f in Directory.EnumerateFiles(stdlib, "*.py", SearchOption.AllDirectories))
            {
                if (f.Contains(Path.DirectorySeparatorChar + "site-packages" + Path.DirectorySeparatorChar)) continue;
                seeds.Files.Add(File.ReadAllText(f));
            }
        }
        return seeds;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "RSharp.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RSharp.slnx not found above " + AppContext.BaseDirectory);
    }

    static string? AskPython()
    {
        try
        {
            var psi = new ProcessStartInfo("python3", "-c \"import sysconfig; print(sysconfig.get_paths()['stdlib'])\"")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var proc = Process.Start(psi)!;
            string dir = proc.StandardOutput.ReadToEnd().Trim();
            proc.WaitForExit();
            return proc.ExitCode == 0 ? dir : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
