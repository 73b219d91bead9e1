using System.Globalization;
using System.Text.RegularExpressions;
using static Samples.Tiny.Tests.TinyRunner;

namespace Samples.Tiny.Tests;

/// <summary>Runs the shipped examples through the command line and checks results computed here in C#.</summary>
public partial class ExampleTests
{
    private static string[] RunExample(string name)
    {
        var r = RunArgs(Example(name));
        Assert.That((r.ExitCode, r.Stderr), Is.EqualTo((0, "")));
        return r.Lines;
    }

    private static string S(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool b) => b ? "true" : "false";

    [Test]
    public void Hello() => Assert.That(RunExample("hello.tiny"), Is.EqualTo(new[] { "Hello, world!" }));

    [Test]
    public void Fib()
    {
        static long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
        var expected = Enumerable.Range(0, 26).Where(i => i % 5 == 0).Select(i => $"fib({i}) = {S(Fib(i))}");
        Assert.That(RunExample("fib.tiny"), Is.EqualTo(expected));
    }

    [Test]
    public void Strings()
    {
        const string greeting = "Hello, Tiny";
        Assert.That(RunExample("strings.tiny"), Is.EqualTo(new[]
        {
            greeting, S(greeting.Length), new string(greeting.Reverse().ToArray()),
            string.Concat(Enumerable.Repeat("ab", 5)), Bool(string.CompareOrdinal("abc", "abd") < 0),
            Bool("x" == "x" && "x" != "y"), "42" + "nil" + "true", "answer: " + S(6 * 7),
            "[\"one\", 2, nil]",
        }));
    }

    [Test]
    public void Sieve()
    {
        static int Primes(int limit) =>
            Enumerable.Range(2, limit - 2).Count(n => Enumerable.Range(2, (int)Math.Sqrt(n) - 1).All(d => n % d != 0));
        Assert.That(RunExample("sieve.tiny"), Is.EqualTo(new[] { S(Primes(100)), S(Primes(100000)) }));
    }

    [Test]
    public void LoopPrintsTimedIterationsAndTheCollatzTotal()
    {
        static long Collatz(long n)
        {
            long steps = 0;
            for (; n != 1; steps++) n = n % 2 == 0 ? n / 2 : 3 * n + 1;
            return steps;
        }
        string source = File.ReadAllText(Example("loop.tiny"));
        int limit = int.Parse(LimitPattern().Match(source).Groups[1].Value, CultureInfo.InvariantCulture);
        int iterations = int.Parse(IterationsPattern().Match(source).Groups[1].Value, CultureInfo.InvariantCulture);
        long total = 0;
        for (int n = 1; n <= limit; n++) total += Collatz(n);

        string[] lines = RunExample("loop.tiny");
        Assert.That(lines, Has.Length.EqualTo(iterations + 1));
        for (int k = 1; k <= iterations; k++)
            Assert.That(lines[k - 1], Does.Match($@"^iteration {k}: \d+\.\d{{6}}$"));
        Assert.That(lines[^1], Is.EqualTo($"total steps for 1..{limit}: {S(total)}"));
    }

    [GeneratedRegex(@"let limit = (\d+);")]
    private static partial Regex LimitPattern();

    [GeneratedRegex(@"let iterations = (\d+);")]
    private static partial Regex IterationsPattern();
}
