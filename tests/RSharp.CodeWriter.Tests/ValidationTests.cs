using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>Register allocation and liveness are checked on every jitcode built from the corpus and the samples.</summary>
public class ValidationTests
{
    private static IEnumerable<JitCode> AllCorpusJitCodes() =>
        Corpus.Functions().Select(Corpus.Build).Where(b => b.Set is not null).SelectMany(b => b.Set!.JitCodes.Values).Distinct();

    [Test]
    public void LivenessAtGuardPointsCoversEveryLaterRead()
    {
        var jitcodes = AllCorpusJitCodes().Concat(Samples.BrainfuckJitCodes().JitCodes.Values).Concat(Samples.TinyJitCodes().JitCodes.Values).ToList();
        var problems = jitcodes.SelectMany(JitCodeChecks.Check).ToList();
        Assert.That(jitcodes, Has.Count.GreaterThan(100));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void LivenessCheckerFindsAnOmittedRegister()
    {
        // Clearing one live bit of a real jitcode must be detected: the checker is not vacuous.
        var method = typeof(RSharp.Flow.Corpus.Arrays).GetMethod(nameof(RSharp.Flow.Corpus.Arrays.FloatArray))!;
        var j = Corpus.RootOf(Corpus.Build(method).Set!);
        var set = j.LiveSets.First(s => s.Refs.Cast<bool>().Any(b => b));
        int reg = set.Refs.Cast<bool>().ToList().IndexOf(true);
        set.Refs[reg] = false;
        try
        {
            Assert.That(JitCodeChecks.Check(j), Is.Not.Empty);
        }
        finally
        {
            set.Refs[reg] = true;
        }
        Assert.That(JitCodeChecks.Check(j), Is.Empty);
    }

    [Test]
    public void RegisterAllocationValidatorAcceptsEveryCorpusAllocation()
    {
        int checkedGraphs = 0;
        foreach (var m in Corpus.Functions())
        {
            (RSharp.Flow.Model.FlowGraph Graph, RegAlloc Allocation) a;
            try { a = CodeWriter.Allocate(Corpus.Flow, m); }
            catch (UnsupportedException) { continue; }
            Assert.DoesNotThrow(() => RegAllocValidator.Check(a.Graph, a.Allocation.RegOf), m.Name);
            checkedGraphs++;
        }
        Assert.That(checkedGraphs, Is.GreaterThan(150));
    }

    [Test]
    public void RegisterAllocationValidatorRejectsSharedRegisters()
    {
        var m = typeof(RSharp.Flow.Corpus.Arithmetic).GetMethod(nameof(RSharp.Flow.Corpus.Arithmetic.BitOps))!;
        var (graph, _) = CodeWriter.Allocate(Corpus.Flow, m);
        Assert.Throws<InvalidOperationException>(() => RegAllocValidator.Check(graph, v => new Reg(RegAlloc.BankOf(v.Kind), 0)));
    }

    [Test]
    public void CoalescingRemovesMostLinkMoves()
    {
        // Links pass SSA variables to block inputs; with coalescing few register-to-register copies remain.
        int copies = 0, total = 0;
        foreach (var j in AllCorpusJitCodes())
            foreach (var (_, def, ops) in JitCodeDecoder.Instructions(j))
            {
                total++;
                if (!def.Name.EndsWith("_copy", StringComparison.Ordinal)) continue;
                int regs = def.Name[0] switch { 'i' => j.NumInts, 'r' => j.NumRefs, _ => j.NumFloats };
                if (ops[0].Value < regs) copies++;
            }
        TestContext.Out.WriteLine($"{copies} register copies in {total} instructions");
        Assert.That(copies, Is.LessThan(total / 30)); // 213 of 5064 without coalescing, 120 of 4970 with it
    }
}
