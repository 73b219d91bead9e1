using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using PySharp.Syntax;
using PySharp.Syntax.Ast;

namespace PySharp.Fuzz;

/// <summary>
/// Differential fuzzing: mutated sources are parsed by PySharp and by CPython (through the
/// syntax tests' oracle.py); outcomes are classified (same AST, same error, error message or
/// position differs, one side accepts what the other rejects).
/// </summary>
internal static class Differential
{
    public static int Run(Seeds seeds, int cases, int seed, string repoRoot)
    {
        var rng = new Random(seed);
        var mutator = new Mutator(new Random(seed + 7));
        var inputs = new List<string>();
        while (inputs.Count < cases)
        {
            string s = rng.Next(4) switch
            {
                0 => mutator.MutateChars(seeds.Pick(rng), 1 + rng.Next(3)),
                1 => mutator.MutateTokens(seeds.Pick(rng), 1 + rng.Next(3)),
                2 => mutator.Splice(seeds.Pick(rng), seeds.Pick(rng)),
                _ => mutator.RandomTokens(1 + rng.Next(30)),
            };
            if (s.Contains('\0') || s.Any(char.IsSurrogate) || s.Length > 4000) continue;
            inputs.Add(s);
        }
        var sw = Stopwatch.StartNew();
        var expected = Oracle(inputs, Path.Combine(repoRoot, "tests", "PySharp.Syntax.Tests", "oracle.py"));
        var counts = new SortedDictionary<string, int>();
        var examples = new Dictionary<string, List<string>>();
        var pairs = new Dictionary<string, int>();
        for (int i = 0; i < inputs.Count; i++)
        {
            string mine = Mine(inputs[i]);
            var r = expected[i];
            string theirs = (string)r[0]! == "ok" ? "ok " + (string)r[1]! : $"err {(string)r[1]!}: {(string)r[2]!} @{Num(r[3])}:{Num(r[4])}";
            string category;
            if (mine == theirs) category = mine.StartsWith("ok ") ? "same AST" : "same error";
            else if (mine.StartsWith("ok ") && theirs.StartsWith("ok ")) category = "AST differs";
            else if (mine.StartsWith("ok ")) category = "PySharp accepts, CPython rejects";
            else if (theirs.StartsWith("ok ")) category = "PySharp rejects, CPython accepts";
            else if (Msg(mine) == Msg(theirs)) category = "error position differs";
            else category = "error message differs";
            counts[category] = counts.GetValueOrDefault(category) + 1;
            if (category != "same AST" && category != "same error")
            {
                string pair = $"{Cut(Msg(theirs), 70)}  ->  {Cut(Msg(mine), 70)}";
                pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
            }
            if (category.StartsWith("same")) continue;
            var list = examples.TryGetValue(category, out var l) ? l : examples[category] = new();
            if (list.Count < 12) list.Add($"{Escape(inputs[i])}\n      CPython: {Cut(theirs)}\n      PySharp: {Cut(mine)}");
        }
        Console.WriteLine($"differential: {inputs.Count} cases in {sw.Elapsed.TotalSeconds:F1}s");
        foreach (var (k, v) in counts) Console.WriteLine($"  {k,-34} {v}");
        Console.WriteLine("most frequent (CPython -> PySharp):");
        foreach (var (k, v) in pairs.OrderByDescending(kv => kv.Value).Take(30)) Console.WriteLine($"  {v,5}  {k}");
        foreach (var (k, list) in examples)
        {
            Console.WriteLine($"--- {k}:");
            foreach (var e in list) Console.WriteLine("  " + e);
        }
        return 0;
    }

    static string Msg(string outcome) => outcome.Split(" @")[0];
    static string Cut(string s, int n = 160) => s.Length > n ? s[..n] + "..." : s;
    static int Num(JsonNode? n) => n == null ? 0 : n.GetValueKind() == System.Text.Json.JsonValueKind.Number ? (int)n : 0;

    static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s.Length > 300 ? s[..300] : s)
        {
            if (c == '\n') sb.Append("\\n");
            else if (c == '\\' || c == '"') sb.Append('\\').Append(c);
            else if (c < 32 || c > 126) sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    static string Mine(string src)
    {
        try
        {
            var m = Parser.ParseModule(src, "x.py");
            return "ok " + AstDump.Dump(m, true, src.Replace("\r\n", "\n").Replace('\r', '\n'));
        }
        catch (PythonSyntaxError e)
        {
            return $"err {e.Kind}: {e.Msg} @{e.Line}:{e.Offset}";
        }
        catch (InsufficientExecutionStackException)
        {
            return "too deep";
        }
    }

    static List<JsonArray> Oracle(List<string> inputs, string script)
    {
        var items = new JsonArray();
        foreach (var s in inputs) items.Add(new JsonObject { ["src"] = s });
        var request = new JsonObject { ["mode"] = "exec", ["items"] = items, ["hash"] = false };
        var psi = new ProcessStartInfo("python3", $"\"{script}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var proc = Process.Start(psi)!;
        var writer = Task.Run(() => { proc.StandardInput.Write(request.ToJsonString()); proc.StandardInput.Close(); });
        var results = new List<JsonArray>();
        while (proc.StandardOutput.ReadLine() is { } line) results.Add(JsonNode.Parse(line)!.AsArray());
        writer.Wait();
        proc.WaitForExit();
        if (results.Count != inputs.Count) throw new InvalidOperationException("oracle.py answered " + results.Count);
        return results;
    }
}
