namespace PySharp.Syntax.Tests;

/// <summary>Snippet files: sources separated by lines that read "#---".</summary>
internal static class Corpus
{
    public static List<string> Load(string name)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", name));
        var snippets = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimEnd('\r') == "#---")
            {
                snippets.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(line).Append('\n');
        }
        if (current.Length > 1) snippets.Add(current.ToString().TrimEnd('\n') + "\n");
        return snippets;
    }
}
