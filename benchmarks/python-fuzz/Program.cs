using System.Diagnostics;
using System.Text;
using PySharp.Syntax;
using PySharp.Syntax.Ast;

namespace PySharp.Fuzz;

/// <summary>
/// Feeds random and mutated Python sources to the parser. Every case must end in an AST
/// (which is also dumped) or a PythonSyntaxError; any other exception, or a case that runs
/// for more than 10 seconds, is a failure. Usage:
///   PySharp.Fuzz [--cases N] [--seed S] [--stdlib DIR] [--bench] [--differential N]
/// Seeds are the snippet corpora of tests/PySharp.Syntax.Tests plus, when given or found via
/// python3, the .py files of CPython's Lib/. --bench only times parsing the seed files;
/// --differential N compares N mutated sources with CPython (python3) instead.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int cases = 120_000, seed = 12345;
        string? stdlib = null;
        bool bench = false;
        int differential = 0;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cases": cases = int.Parse(args[++i]); break;
                case "--seed": seed = int.Parse(args[++i]); break;
                case "--stdlib": stdlib = args[++i]; break;
                case "--bench": bench = true; break;
                case "--differential": differential = int.Parse(args[++i]); break;
                default: Console.Error.WriteLine("unknown argument " + args[i]); return 2;
            }
        }
        var seeds = Seeds.Load(stdlib);
        Console.WriteLine($"seeds: {seeds.Snippets.Count} snippets, {seeds.Files.Count} files");
        if (bench) return Bench.Run(seeds);
        if (differential > 0) return Differential.Run(seeds, differential, seed, Seeds.RepoRoot());
        var fuzzer = new Fuzzer(seeds, seed);
        return fuzzer.Run(cases);
    }
}

/// <summary>Outcome counters and the failure log.</summary>
internal sealed class Fuzzer(Seeds seeds, int seed)
{
    readonly Random rng = new(seed);
    readonly Mutator mutator = new(new Random(seed + 1));
    long parsed, syntaxErrors, failures, tooDeepToDump;
    volatile string? current;
    long caseStarted;

    public int Run(int cases)
    {
        var watchdog = new Thread(Watch) { IsBackground = true };
        watchdog.Start();
        var byKind = new Dictionary<string, long>();
        var timeByKind = new Dictionary<string, double>();
        double slowest = 0;
        string slowestInput = "";
        var sw = Stopwatch.StartNew();
        for (int n = 0; n < cases; n++)
        {
            var (kind, input, bytes, mode) = MakeCase();
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            current = input ?? "<bytes>";
            Interlocked.Exchange(ref caseStarted, Stopwatch.GetTimestamp());
            try
            {
                Node tree = bytes != null ? Parser.ParseModule(bytes, "fuzz.py")
                    : mode switch
                    {
                        0 => Parser.ParseModule(input!, "fuzz.py"),
                        1 => Parser.ParseExpression(input!, "fuzz.py"),
                        _ => Parser.ParseInteractive(input!, "fuzz.py"),
                    };
                parsed++;
                try { AstDump.Dump(tree, true, input); }
                catch (InsufficientExecutionStackException) { tooDeepToDump++; }
            }
            catch (PythonSyntaxError e)
            {
                syntaxErrors++;
                if (e.Msg.Length == 0) Fail(kind, input, bytes, new InvalidOperationException("empty message"));
            }
            catch (Exception e)
            {
                Fail(kind, input, bytes, e);
            }
            double ms = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref caseStarted, 0)).TotalMilliseconds;
            timeByKind[kind] = timeByKind.GetValueOrDefault(kind) + ms;
            if (ms > slowest) { slowest = ms; slowestInput = input ?? "<bytes>"; }
        }
        sw.Stop();
        Console.WriteLine($"cases: {cases} in {sw.Elapsed.TotalSeconds:F1}s ({cases / sw.Elapsed.TotalSeconds:F0}/s)");
        foreach (var (k, v) in byKind.OrderBy(kv => kv.Key)) Console.WriteLine($"  {k,-18} {v,7} cases, {timeByKind[k] / 1000:F1}s");
        Console.WriteLine($"slowest case: {slowest:F0} ms: {Escape(slowestInput.Length > 200 ? slowestInput[..200] + "..." : slowestInput)}");
        Console.WriteLine($"parsed OK: {parsed} ({tooDeepToDump} too deep to dump), PythonSyntaxError: {syntaxErrors}, other exceptions: {failures}");
        return failures == 0 ? 0 : 1;
    }

    (string kind, string? input, byte[]? bytes, int mode) MakeCase()
    {
        int mode = rng.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 };
        int r = rng.Next(100);
        string Seed() => seeds.Pick(rng);
        if (r < 30) return ("char-mutation", mutator.MutateChars(Seed(), 1 + rng.Next(4)), null, mode);
        if (r < 60) return ("token-mutation", mutator.MutateTokens(Seed(), 1 + rng.Next(4)), null, mode);
        if (r < 70) return ("splice", mutator.Splice(Seed(), Seed()), null, mode);
        if (r < 80) return ("random-tokens", mutator.RandomTokens(1 + rng.Next(40)), null, mode);
        if (r < 85) return ("random-text", mutator.RandomText(1 + rng.Next(80)), null, mode);
        if (r < 90) return ("deep-nesting", mutator.Nesting(rng.Next(1, 400)), null, mode);
        var bytes = r < 95 ? mutator.RandomBytes(1 + rng.Next(120)) : mutator.MutateBytes(Encoding.UTF8.GetBytes(Seed()));
        return ("bytes", null, bytes, 0);
    }

    void Fail(string kind, string? input, byte[]? bytes, Exception e)
    {
        failures++;
        if (failures > 20) return;
        string shown = input != null ? Escape(input) : Convert.ToHexString(bytes!);
        Console.WriteLine($"FAILURE ({kind}): {e.GetType().Name}: {e.Message}\n  input: {shown}\n  {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
    }

    static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c == '\n') sb.Append("\\n");
            else if (c == '\\' || c == '"') sb.Append('\\').Append(c);
            else if (c < 32 || c > 126) sb.Append($"\\u{(int)c:x4}");
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    void Watch()
    {
        while (true)
        {
            Thread.Sleep(1000);
            long started = Interlocked.Read(ref caseStarted);
            if (started != 0 && Stopwatch.GetElapsedTime(started).TotalSeconds > 10)
            {
                Console.WriteLine($"HANG (>10s) on input: {Escape(current ?? "")}");
                Environment.Exit(3);
            }
        }
    }
}
