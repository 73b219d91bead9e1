using System.Diagnostics;
using PySharp.Syntax;
using PySharp.Syntax.Ast;

namespace PySharp.Fuzz;

/// <summary>Times parsing (and dumping) the seed files: median of several rounds.</summary>
internal static class Bench
{
    public static int Run(Seeds seeds)
    {
        var files = seeds.Files.Count > 0 ? seeds.Files : seeds.Snippets;
        long chars = files.Sum(f => (long)f.Length);
        var parseTimes = new List<double>();
        var dumpTimes = new List<double>();
        var cpuTimes = new List<double>();
        int errors = 0;
        for (int round = 0; round < 5; round++)
        {
            var trees = new List<(Module, string)>();
            errors = 0;
            var sw = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var f in files)
            {
                try { trees.Add((Parser.ParseModule(f, "bench.py"), f)); }
                catch (PythonSyntaxError) { errors++; }
            }
            parseTimes.Add(sw.Elapsed.TotalSeconds);
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
            sw.Restart();
            long total = 0;
            foreach (var (m, src) in trees) total += AstDump.Dump(m, true, src).Length;
            dumpTimes.Add(sw.Elapsed.TotalSeconds);
        }
        long exceptions = 0;
        var byMsg = new Dictionary<string, int>();
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            exceptions++;
            string k = e.Exception.GetType().Name + ": " + (e.Exception is PythonSyntaxError pe ? pe.Msg : e.Exception.Message);
            lock (byMsg) byMsg[k] = byMsg.GetValueOrDefault(k) + 1;
        };
        foreach (var f in files) { try { Parser.ParseModule(f, "b.py"); } catch (PythonSyntaxError) { } }
        Console.WriteLine($"first-chance exceptions in one parse round: {exceptions}");
        foreach (var (k, v) in byMsg.OrderByDescending(kv => kv.Value).Take(8)) Console.WriteLine($"  {v} {k}");
        var tokTimes = new List<double>();
        for (int round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var f in files)
            {
                try { PySharp.Syntax.Parsing.Tokenizer.Tokenize(new PySharp.Syntax.Parsing.SourceText(f, "b.py"), out _); }
                catch (PythonSyntaxError) { }
            }
            tokTimes.Add(sw.Elapsed.TotalSeconds);
        }
        tokTimes.Sort();
        Console.WriteLine($"tokenize only: median {tokTimes[1]:F2}s");
        parseTimes.Sort();
        dumpTimes.Sort();
        Console.WriteLine($"{files.Count} files, {chars / 1e6:F1} M chars, {errors} syntax errors");
        Console.WriteLine($"parse: median {parseTimes[2]:F2}s ({chars / parseTimes[2] / 1e6:F1} M chars/s), min {parseTimes[0]:F2}s");
        cpuTimes.Sort();
        Console.WriteLine($"parse CPU time: median {cpuTimes[2]:F2}s (includes GC threads)");
        Console.WriteLine($"dump (include_attributes): median {dumpTimes[2]:F2}s");
        return 0;
    }
}
