using System.Globalization;
using static Samples.Tiny.Tests.TinyRunner;

namespace Samples.Tiny.Tests;

public class SemanticsTests
{
    private static readonly long[] Operands = [0, 1, -1, 2, 7, -7, 13, 100, -100, 123456789, -987654321];

    private static string S(long x) => x.ToString(CultureInfo.InvariantCulture);

    // Tiny has no negative literals: -7 is the negation of 7, which is also what C# computes.
    private static string Lit(long x) => x < 0 ? $"(-{S(-x)})" : S(x);

    [Test]
    public void ArithmeticAgreesWithCSharpLongs()
    {
        var program = new System.Text.StringBuilder();
        var expected = new List<string>();
        foreach (long a in Operands)
            foreach (long b in Operands)
            {
                program.Append($"print {Lit(a)} + {Lit(b)}; print {Lit(a)} - {Lit(b)}; print {Lit(a)} * {Lit(b)};\n");
                expected.AddRange([S(a + b), S(a - b), S(a * b)]);
                if (b != 0)
                {
                    program.Append($"print {Lit(a)} / {Lit(b)}; print {Lit(a)} % {Lit(b)};\n");
                    expected.AddRange([S(a / b), S(a % b)]);
                }
            }
        Assert.That(Output(program.ToString()), Is.EqualTo(expected));
    }

    [Test]
    public void ComparisonsAgreeWithCSharp()
    {
        var program = new System.Text.StringBuilder();
        var expected = new List<string>();
        foreach (long a in Operands)
            foreach (long b in Operands)
            {
                program.Append($"print {Lit(a)} < {Lit(b)}; print {Lit(a)} <= {Lit(b)}; print {Lit(a)} > {Lit(b)};");
                program.Append($"print {Lit(a)} >= {Lit(b)}; print {Lit(a)} == {Lit(b)}; print {Lit(a)} != {Lit(b)};\n");
                foreach (bool r in new[] { a < b, a <= b, a > b, a >= b, a == b, a != b })
                    expected.Add(r ? "true" : "false");
            }
        Assert.That(Output(program.ToString()), Is.EqualTo(expected));
    }

    [TestCase("1 + 2 * 3", 1 + 2 * 3)]
    [TestCase("(1 + 2) * 3", (1 + 2) * 3)]
    [TestCase("10 - 4 - 3", 10 - 4 - 3)]
    [TestCase("100 / 10 / 5", 100 / 10 / 5)]
    [TestCase("-2 * -3 + 17 % 5", -2 * -3 + 17 % 5)]
    [TestCase("7 - -7", 7 - -7)]
    public void PrecedenceAndAssociativity(string expression, long expected) =>
        Assert.That(Eval(expression), Is.EqualTo(S(expected)));

    [Test]
    public void OverflowIsAnErrorNotAWrap()
    {
        Assert.That(Error($"print {long.MaxValue} + 1;"), Is.EqualTo("test.tiny:1: error: integer overflow"));
        Assert.That(Error($"\nprint {long.MaxValue} * 2;"), Is.EqualTo("test.tiny:2: error: integer overflow"));
        Assert.That(Eval($"{long.MaxValue} - 1"), Is.EqualTo(S(long.MaxValue - 1)));
    }

    [TestCase("true && false", false)]
    [TestCase("true || false", true)]
    [TestCase("!nil", true)]
    [TestCase("!0", false)]
    [TestCase("!\"\"", false)]
    [TestCase("nil == nil", true)]
    [TestCase("nil == false", false)]
    [TestCase("1 == \"1\"", false)]
    [TestCase("[1] == [1]", false)]
    public void BooleansAndTruth(string expression, bool expected) =>
        Assert.That(Eval(expression), Is.EqualTo(expected ? "true" : "false"));

    [Test]
    public void AndOrShortCircuitAndYieldOperands()
    {
        string src = "fn loud(x) { print \"called\"; return x; }\n" +
                     "print false && loud(1); print true || loud(2); print nil || loud(3); print 4 && loud(5);";
        Assert.That(Output(src), Is.EqualTo(new[] { "false", "true", "called", "3", "called", "5" }));
    }

    [Test]
    public void StringsConcatenateCompareAndIndex()
    {
        const string a = "hello", b = "world";
        var lines = Output($"let a = \"{a}\"; let b = \"{b}\";\n" +
                           "print a + \" \" + b; print len(a + b); print a[1]; print a < b; print a == \"hel\" + \"lo\";\n" +
                           "print \"n=\" + 3 + nil; print str(12) + str(34); print \"tab\\there\";");
        Assert.That(lines, Is.EqualTo(new[]
        {
            a + " " + b, S((a + b).Length), a[1].ToString(), (string.CompareOrdinal(a, b) < 0) ? "true" : "false",
            "true", "n=3nil", "1234", "tab\there",
        }));
    }

    [Test]
    public void ArraysHoldValuesAndCanBeAssigned()
    {
        var lines = Output("let a = array(3, 0); a[0] = 5; a[2] = \"x\"; print a; print len(a);\n" +
                           "let b = [1, [2, 3]]; b[1][0] = 9; print b; print b[1][1] + a[0];");
        Assert.That(lines, Is.EqualTo(new[] { "[5, 0, \"x\"]", "3", "[1, [9, 3]]", S(3 + 5) }));
    }

    [Test]
    public void WhileLoopsSum()
    {
        const int n = 1000;
        long expected = 0;
        for (int i = 1; i <= n; i++) expected += i * i;
        Assert.That(Output($"let s = 0; let i = 1; while i <= {n} {{ s = s + i * i; i = i + 1; }} print s;"),
            Is.EqualTo(new[] { S(expected) }));
    }

    [Test]
    public void IfElseChains()
    {
        string src = "fn sign(x) { if x < 0 { return \"neg\"; } else if x == 0 { return \"zero\"; } else { return \"pos\"; } }\n" +
                     "print sign(-5); print sign(0); print sign(5);";
        Assert.That(Output(src), Is.EqualTo(new[] { "neg", "zero", "pos" }));
    }

    [Test]
    public void RecursionMatchesCSharp()
    {
        static long Fib(long n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
        static long Ack(long m, long n) => m == 0 ? n + 1 : n == 0 ? Ack(m - 1, 1) : Ack(m - 1, Ack(m, n - 1));
        string src = "fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }\n" +
                     "fn ack(m, n) { if m == 0 { return n + 1; } if n == 0 { return ack(m - 1, 1); } return ack(m - 1, ack(m, n - 1)); }\n" +
                     "fn even(n) { if n == 0 { return true; } return odd(n - 1); }\n" +
                     "fn odd(n) { if n == 0 { return false; } return even(n - 1); }\n" +
                     "print fib(20); print ack(2, 3); print even(1001);";
        Assert.That(Output(src), Is.EqualTo(new[] { S(Fib(20)), S(Ack(2, 3)), "false" }));
    }

    [Test]
    public void FunctionsWithoutReturnGiveNilAndParametersAreLocal()
    {
        string src = "fn f(x) { x = x + 1; }\nlet x = 1; print f(x); print x;";
        Assert.That(Output(src), Is.EqualTo(new[] { "nil", "1" }));
    }

    [Test]
    public void BlocksScopeVariables()
    {
        string src = "let x = 1; { let x = x + 10; print x; } print x;\n" +
                     "let i = 0; while i < 3 { let sq = i * i; print sq; i = i + 1; }";
        Assert.That(Output(src), Is.EqualTo(new[] { "11", "1", "0", "1", "4" }));
    }

    [Test]
    public void DeepRecursionWithinTheLimitWorks()
    {
        int depth = RSharp.Samples.Tiny.Interpreter.MaxDepth - 10;
        string src = $"fn down(n) {{ if n == 0 {{ return 0; }} return 1 + down(n - 1); }}\nprint down({depth});";
        Assert.That(Output(src), Is.EqualTo(new[] { S(depth) }));
    }
}
