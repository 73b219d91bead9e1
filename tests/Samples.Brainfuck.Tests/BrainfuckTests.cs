using System.Text;
using RSharp.Samples.Brainfuck;

namespace Samples.Brainfuck.Tests;

public class BrainfuckTests
{
    internal static string Run(string program, string input = "")
    {
        var output = new MemoryStream();
        Interpreter.Run(program, new MemoryStream(Encoding.Latin1.GetBytes(input)), output);
        return Encoding.Latin1.GetString(output.ToArray());
    }

    internal static string Examples => Path.Combine(RepoRoot(), "samples", "brainfuck", "examples");

    internal static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "RSharp.slnx"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    [Test]
    public void CellsWrapAtEightBits()
    {
        Assert.That(Run("-."), Is.EqualTo("\xff"));
        Assert.That(Run(new string('+', 256) + "+."), Is.EqualTo("\x01"));
    }

    [Test]
    public void TapeGrowsPastThirtyThousandCells()
    {
        // Walk 40,000 cells right, mark, walk back and forth, and read the mark.
        string far = new string('>', 40_000);
        Assert.That(Run(far + "+++." + new string('<', 40_000) + far + "."), Is.EqualTo("\x03\x03"));
    }

    [Test]
    public void InputAtEndLeavesTheCellUnchanged()
    {
        Assert.That(Run("+++++,.", ""), Is.EqualTo("\x05"));
        Assert.That(Run("+++++,.,.", "A"), Is.EqualTo("AA"));
    }

    [Test]
    public void OtherCharactersAreIgnored()
    {
        Assert.That(Run("this is + a comment + with words and + digits 123 ."), Is.EqualTo("\x03"));
    }

    [Test]
    public void LoopsSkipWhenZeroAndRepeatOtherwise()
    {
        Assert.That(Run("[.]+."), Is.EqualTo("\x01"));
        // 6 * 7 = 42 by a multiplication loop.
        Assert.That(Run("++++++[>+++++++<-]>."), Is.EqualTo("*"));
        // Nested loops: 3 * 4 * 5 = 60.
        Assert.That(Run("+++[>++++[>+++++<-]<-]>>."), Is.EqualTo("<"));
    }

    [Test]
    public void UnbalancedBracketsAreErrors()
    {
        Assert.That(Assert.Throws<BrainfuckError>(() => Run("+]"))!.Message, Does.Contain("']' without a matching '['"));
        Assert.That(Assert.Throws<BrainfuckError>(() => Run("[[+]"))!.Message, Does.Contain("1 unclosed '['"));
    }

    [Test]
    public void MovingLeftOfTheFirstCellIsAnError() =>
        Assert.That(Assert.Throws<BrainfuckError>(() => Run("<"))!.Message, Does.Contain("left of the first cell"));

    [Test]
    public void BracketMapPairsEachBracket()
    {
        string p = Interpreter.Parse("a[b[c]d]e", out int[] map);
        Assert.That(p, Is.EqualTo("[[]]"));
        Assert.That(map, Is.EqualTo(new[] { 3, 2, 1, 0 }));
    }

    [Test]
    public void HelloExample() =>
        Assert.That(Run(File.ReadAllText(Path.Combine(Examples, "hello.b"))), Is.EqualTo("Hello, World!\n"));

    [Test]
    public void ReverseExampleReadsStdin() =>
        Assert.That(Run(File.ReadAllText(Path.Combine(Examples, "reverse.b")), "stressed"), Is.EqualTo("desserts"));

    /// <summary>The long-running example: K is read from its header and the sum computed here.</summary>
    [Test]
    public void SumExampleComputesTheFormula()
    {
        string source = File.ReadAllText(Path.Combine(Examples, "sum.b"));
        Assert.That(Run(source), Is.EqualTo(ExpectedSum(source) + "\n"));
    }

    internal static string ExpectedSum(string source)
    {
        var m = System.Text.RegularExpressions.Regex.Match(source, @"K equal to (\d+)");
        long k = long.Parse(m.Groups[1].Value);
        return (k * k * (k + 1) / 2).ToString("D7");
    }
}
