using RSharp.Hints;

namespace TwoDrivers;

public static class First
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["acc"], name: "first");

    public static int Run(int n)
    {
        int pc = 0, acc = 0;
        while (pc < n)
        {
            Driver.JitMergePoint(pc, acc);
            acc += pc++;
        }
        return acc;
    }
}

public static class Second
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["acc"], name: "second");

    public static int Run(int n)
    {
        int pc = 0, acc = 1;
        while (pc < n)
        {
            Driver.JitMergePoint(pc, acc);
            acc ^= pc++;
        }
        return acc;
    }
}
