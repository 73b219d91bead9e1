using System.Collections.Concurrent;

namespace RSharp.Flow;

/// <summary>
/// Turns the document paths a PDB records back into files on disk. A deterministic CI build
/// (<c>ContinuousIntegrationBuild</c>) maps source roots to <c>/_/</c>, <c>/_1/</c>, ... so that
/// the binaries do not depend on where they were built; diagnostics and source-line dumps need
/// the real file, so a mapped path is resolved against the folders above the assembly.
/// </summary>
public static class SourcePaths
{
    private static readonly ConcurrentDictionary<(string Url, string Dir), string> Cache = new();

    /// <summary>
    /// The file <paramref name="url"/> names: itself unless it is a mapped path; a mapped path
    /// becomes the first existing file <c>ancestor/rest</c> for the ancestors of the folder of
    /// <paramref name="assemblyPath"/>, or stays as it is if there is none.
    /// </summary>
    public static string Resolve(string url, string? assemblyPath)
    {
        if (string.IsNullOrEmpty(assemblyPath) || MappedRest(url) is not { } rest) return url;
        var dir = Path.GetDirectoryName(Path.GetFullPath(assemblyPath)) ?? "";
        return Cache.GetOrAdd((url, dir), key =>
        {
            for (var d = new DirectoryInfo(key.Dir); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, rest);
                if (File.Exists(candidate)) return candidate;
            }
            return key.Url;
        });
    }

    /// <summary>The part after a <c>/_/</c> or <c>/_N/</c> root, or null if the path is not mapped.</summary>
    internal static string? MappedRest(string url)
    {
        if (!url.StartsWith("/_", StringComparison.Ordinal)) return null;
        int i = 2;
        while (i < url.Length && char.IsAsciiDigit(url[i])) i++;
        if (i >= url.Length || url[i] != '/' || i + 1 >= url.Length) return null;
        return url[(i + 1)..].Replace('/', Path.DirectorySeparatorChar);
    }
}
