using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PySharp.Syntax.Tests;

/// <summary>Runs CPython (python3 on the PATH) once per batch via oracle.py.</summary>
internal static class Oracle
{
    static bool? available;

    /// <summary>Ignores the calling test when python3 is not on the PATH.</summary>
    public static void RequirePython()
    {
        available ??= Probe();
        if (available != true) Assert.Ignore("python3 (CPython 3.11) is not on the PATH; differential tests need it as the oracle");
    }

    static bool Probe()
    {
        try
        {
            var psi = new ProcessStartInfo("python3", "-c \"import sys; print(sys.version_info[:2] == (3, 11))\"")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var proc = Process.Start(psi)!;
            string output = proc.StandardOutput.ReadToEnd();
            proc.WaitForExit();
            return proc.ExitCode == 0 && output.Trim() == "True";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>One oracle answer: ["ok", dump-or-hash] or ["err", kind, msg, line, offset, endLine, endOffset].</summary>
    public static List<JsonArray> Run(string mode, IEnumerable<string>? sources = null, IEnumerable<string>? paths = null, bool hash = false)
    {
        RequirePython();
        var items = new JsonArray();
        if (sources != null) foreach (var s in sources) items.Add(new JsonObject { ["src"] = s });
        if (paths != null) foreach (var p in paths) items.Add(new JsonObject { ["path"] = p });
        var request = new JsonObject { ["mode"] = mode, ["items"] = items, ["hash"] = hash };
        string script = Path.Combine(AppContext.BaseDirectory, "oracle.py");
        var psi = new ProcessStartInfo("python3", $"\"{script}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var proc = Process.Start(psi)!;
        var stderrTask = proc.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            proc.StandardInput.Write(request.ToJsonString());
            proc.StandardInput.Close();
        });
        var results = new List<JsonArray>();
        while (proc.StandardOutput.ReadLine() is { } line)
            results.Add(JsonNode.Parse(line)!.AsArray());
        writer.Wait();
        proc.WaitForExit();
        Assert.That(proc.ExitCode, Is.EqualTo(0), "oracle.py failed: " + stderrTask.Result);
        Assert.That(results, Has.Count.EqualTo(items.Count), "oracle answer count");
        return results;
    }

    /// <summary>Formats an oracle answer like <see cref="Mine.Outcome"/> does.</summary>
    public static string Format(JsonArray r, bool withEnd = false)
    {
        if ((string)r[0]! == "ok") return "ok " + (string)r[1]!;
        string s = $"err {(string)r[1]!}: {(string)r[2]!} @{Num(r[3])}:{Num(r[4])}";
        return withEnd ? s + $"-{Num(r[5])}:{Num(r[6])}" : s;
    }

    static int Num(JsonNode? n) => n == null ? 0 : n.GetValueKind() == JsonValueKind.Number ? (int)n : 0;
}
