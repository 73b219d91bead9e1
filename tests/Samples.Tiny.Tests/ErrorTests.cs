using static Samples.Tiny.Tests.TinyRunner;

namespace Samples.Tiny.Tests;

public class ErrorTests
{
    [TestCase("print 1;\nprint 10 / (5 - 5);", "test.tiny:2: error: division by zero")]
    [TestCase("let x = 0;\n\nprint 3 % x;", "test.tiny:3: error: division by zero")]
    [TestCase("print 1;\nnope(1, 2);", "test.tiny:2: error: undefined function 'nope'")]
    [TestCase("fn f(a) { return a; }\nprint f(1, 2);", "test.tiny:2: error: f() takes 1 argument(s), got 2")]
    [TestCase("fn f() {\n  return 1 + \"x\" - 2;\n}\nf();", "test.tiny:2: error: unsupported operand types for -: str and int")]
    [TestCase("print nil < 1;", "test.tiny:1: error: cannot compare nil and int with <")]
    [TestCase("print -\"x\";", "test.tiny:1: error: cannot negate str")]
    [TestCase("let a = [1, 2];\nprint a[2];", "test.tiny:2: error: index 2 out of range (length 2)")]
    [TestCase("let a = 5;\na[0] = 1;", "test.tiny:2: error: cannot assign to an item of int")]
    [TestCase("print len(3);", "test.tiny:1: error: int has no len()")]
    public void RuntimeErrorsReportTheLine(string source, string expected) =>
        Assert.That(Error(source), Is.EqualTo(expected));

    [TestCase("print x;", "test.tiny:1: error: undefined variable 'x'")]
    [TestCase("let x = 1;\ny = 2;", "test.tiny:2: error: undefined variable 'y'")]
    [TestCase("print 1 +;", "test.tiny:1: error: expected an expression, found ';'")]
    [TestCase("print 1\nprint 2;", "test.tiny:2: error: expected ';', found 'print'")]
    [TestCase("print \"abc;", "test.tiny:1: error: unterminated string literal")]
    [TestCase("let a = 1;\nlet a = 2;", "test.tiny:2: error: variable 'a' is already declared in this scope")]
    [TestCase("fn f() {}\nfn f() {}", "test.tiny:2: error: function 'f' is already defined")]
    [TestCase("fn f() {\n  fn g() {}\n}", "test.tiny:2: error: functions can only be defined at top level")]
    [TestCase("print 1 @ 2;", "test.tiny:1: error: unexpected character '@'")]
    [TestCase("if true {\n print 1;\n", "test.tiny:3: error: expected '}' before end of file")]
    [TestCase("print len(1, 2);", "test.tiny:1: error: len() takes 1 argument(s), got 2")]
    [TestCase("print 99999999999999999999;", "test.tiny:1: error: integer literal too large: 99999999999999999999")]
    public void CompileErrorsReportTheLine(string source, string expected) =>
        Assert.That(Error(source), Is.EqualTo(expected));

    [Test]
    public void CompileErrorsHappenBeforeAnyOutput()
    {
        var r = Run("print 1;\nprint );");
        Assert.That((r.ExitCode, r.Stdout), Is.EqualTo((1, "")));
    }

    [Test]
    public void OutputBeforeARuntimeErrorIsKept()
    {
        var r = Run("print \"before\";\nprint 1 / 0;");
        Assert.That((r.ExitCode, r.Stdout, r.Stderr), Is.EqualTo((1, "before\n", "test.tiny:2: error: division by zero\n")));
    }

    [Test]
    public void RunawayRecursionIsAnErrorNotACrash()
    {
        string message = Error("fn f(n) {\n  return f(n + 1);\n}\nf(0);");
        Assert.That(message, Does.StartWith("test.tiny:2: error: maximum recursion depth"));
    }

    [Test]
    public void UsageAndMissingFileExitWith2()
    {
        var none = RunArgs();
        Assert.That((none.ExitCode, none.Stderr.Count(c => c == '\n')), Is.EqualTo((2, 1)));
        Assert.That(none.Stderr, Does.Contain("usage"));

        string missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".tiny");
        var r = RunArgs(missing);
        Assert.That((r.ExitCode, r.Stderr.Count(c => c == '\n')), Is.EqualTo((2, 1)));
        Assert.That(r.Stderr, Does.Contain(missing));
    }

    [Test]
    public void ErrorsNameTheFileAsGiven()
    {
        string file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".tiny");
        File.WriteAllText(file, "print 1;\nprint 1 / 0;\n");
        try
        {
            var r = RunArgs(file);
            Assert.That((r.ExitCode, r.Stdout, r.Stderr), Is.EqualTo((1, "1\n", $"{file}:2: error: division by zero\n")));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
