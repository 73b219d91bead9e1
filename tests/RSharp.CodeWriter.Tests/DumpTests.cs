using System.Text.RegularExpressions;
using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>The text listing of jitcodes.</summary>
public class DumpTests
{
    [Test]
    public void SmallFunctionListing()
    {
        var m = typeof(RSharp.Flow.Corpus.Arithmetic).GetMethod(nameof(RSharp.Flow.Corpus.Arithmetic.Add))!;
        var dump = Corpus.RootOf(Corpus.Build(m).Set!).Dump().ReplaceLineEndings("\n");
        Assert.That(dump, Is.EqualTo(
            "jitcode RSharp.Flow.Corpus.Arithmetic::Add(System.Int32,System.Int32)\n" +
            "  args: %i0, %i1\n" +
            "  result: i  registers: i3 r2 f1\n" +
            "     0  int_add %i0, %i1 -> %i0\n" +
            "     5  int_return %i0\n"));
    }

    private static readonly Regex s_line = new(@"^ *(\d+)  (\S+)(?: (?!-> )(.*?))?(?: -> (%[irf]\d+))?$");

    [Test]
    public void EveryListingLineMatchesTheDecodedInstruction()
    {
        var jitcodes = Corpus.Functions().Select(Corpus.Build).Where(b => b.Set is not null).SelectMany(b => b.Set!.JitCodes.Values)
            .Concat(Samples.BrainfuckJitCodes().JitCodes.Values).Distinct().ToList();
        foreach (var j in jitcodes)
        {
            var lines = j.Dump().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(3).ToList();
            var insns = JitCodeDecoder.Instructions(j).ToList();
            var labelLines = lines.Where(l => l.StartsWith('L')).Select(l => int.Parse(l[1..^1])).ToHashSet();
            var body = lines.Where(l => !l.StartsWith('L')).ToList();
            Assert.That(body, Has.Count.EqualTo(insns.Count), j.Name);
            for (int k = 0; k < insns.Count; k++)
            {
                var match = s_line.Match(body[k]);
                Assert.That(match.Success, body[k]);
                Assert.That(int.Parse(match.Groups[1].Value), Is.EqualTo(insns[k].Pc));
                Assert.That(match.Groups[2].Value, Is.EqualTo(insns[k].Def.Name));
                Assert.That(match.Groups[4].Success, Is.EqualTo(insns[k].Def.ArgCodes.Contains('>')), body[k]);
                foreach (var o in insns[k].Operands.Where(o => o.Code == 'L'))
                    Assert.That(labelLines, Does.Contain(o.Value), "label of " + body[k]);
            }
        }
    }

    [Test]
    public void ForAssemblyDumpsThePortalsFirst()
    {
        var text = JitCodeDump.ForAssembly(Samples.Brainfuck.Location);
        Assert.That(text, Does.StartWith("jitcode RSharp.Samples.Brainfuck.Interpreter::MainLoop("));
        Assert.That(text, Does.Contain("residual (not looked inside):"));
        var filtered = JitCodeDump.ForAssembly(Corpus.Assembly.Location, "RSharp.Flow.Corpus.Arithmetic::Add");
        Assert.That(filtered, Does.StartWith("jitcode RSharp.Flow.Corpus.Arithmetic::Add("));
    }
}
