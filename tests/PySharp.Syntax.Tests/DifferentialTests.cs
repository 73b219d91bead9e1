using System.Text;

namespace PySharp.Syntax.Tests;

/// <summary>PySharp's AST and SyntaxErrors compared with CPython's for snippet corpora.</summary>
[TestFixture]
public class DifferentialTests
{
    static void CompareAll(IReadOnlyList<string> sources, string mode, bool errorsWithEnd = false)
    {
        var expected = Oracle.Run(mode, sources);
        var failures = new StringBuilder();
        int failed = 0;
        for (int i = 0; i < sources.Count; i++)
        {
            string want = Oracle.Format(expected[i], errorsWithEnd);
            string got = Mine.Outcome(sources[i], mode, errorsWithEnd);
            if (want == got) continue;
            failed++;
            if (failed <= 25)
            {
                failures.Append($"--- snippet {i}:\n{sources[i]}");
                if (want.StartsWith("ok ") && got.StartsWith("ok ")) failures.Append(Mine.Diff(want, got)).Append('\n');
                else failures.Append($"  expected {Trim(want)}\n  actual   {Trim(got)}\n");
            }
        }
        if (failed > 0) Assert.Fail($"{failed} of {sources.Count} differ from CPython:\n{failures}");
    }

    static string Trim(string s) => s.Length > 400 ? s[..400] + "..." : s;

    [TestCase("expressions.txt")]
    [TestCase("statements.txt")]
    [TestCase("strings.txt")]
    [TestCase("match.txt")]
    public void ExecCorpusMatchesCPython(string corpus) => CompareAll(Corpus.Load(corpus), "exec");

    [Test]
    public void SyntaxErrorsMatchCPython() => CompareAll(Corpus.Load("errors.txt"), "exec");

    [Test]
    public void EvalModeMatchesCPython()
    {
        var sources = Corpus.Load("expressions.txt").Where(s => !s.Contains('\n') || s.IndexOf('\n') == s.Length - 1).ToList();
        sources.AddRange(["  1 + 2", "x\n\n", "a, b", "*a, b", "yield x", "x = 1", "lambda: 1", "\n1"]);
        CompareAll(sources, "eval");
    }

    [Test]
    public void SingleModeMatchesCPython()
    {
        string[] sources =
        [
            "x = 1\n", "if x:\n    y\n\n", "x; y\n", "\n", "", "x\ny\n", "def f():\n    pass\n\n", "for x in y: pass\n",
            "1 +\n", "print 'x'\n", "match x:\n    case 1: pass\n\n",
        ];
        CompareAll(sources, "single");
    }
}
