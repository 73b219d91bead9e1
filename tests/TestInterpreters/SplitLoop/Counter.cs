using RSharp.Hints;

namespace SplitLoop;

/// <summary>A guest "program" of n steps, each adding the step number: a loop with one backward jump per step.</summary>
public static class Counter
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["acc", "n"], name: "split");

    public static long Run(long n)
    {
        long pc = 0, acc = 0;
        while (pc < n)
        {
            Driver.JitMergePoint(pc, acc, n);
            acc += pc;
            pc++;
            Driver.CanEnterJit(pc, acc, n);
        }
        return acc;
    }
}
