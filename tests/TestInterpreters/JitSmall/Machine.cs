using RSharp.Hints;

namespace JitSmall;

/// <summary>
/// A register machine (test_ajit's small interpreters): greens are the pc and the program,
/// the registers are red. Backward jumps are the loops, so nested guest loops have different
/// green keys.
/// </summary>
public static class Machine
{
    public const int Inc = 0, Dec = 1, Jnz = 2, Add = 3, Mov = 4, Set = 5, Halt = 6, Mul = 7, Call = 8;

    private static readonly JitDriver Driver = new(greens: ["pc", "code"], reds: ["regs"], name: "machine");

    [DontLookInside]
    public static long Native(long x) => x * x % 1009;

    /// <summary>The program never changes: reading it folds away in traces.</summary>
    [Elidable]
    public static int At(int[] code, int i) => code[i];

    /// <summary>Runs <paramref name="code"/> (triples: op, a, b) and returns register 0.</summary>
    public static long Run(int[] code, long[] regs)
    {
        int pc = 0;
        while (true)
        {
            Driver.JitMergePoint(pc, code, regs);
            int op = At(code, pc), a = At(code, pc + 1), b = At(code, pc + 2);
            switch (op)
            {
                case Inc: regs[a] = regs[a] + 1; pc += 3; break;
                case Dec: regs[a] = regs[a] - 1; pc += 3; break;
                case Add: regs[a] = regs[a] + regs[b]; pc += 3; break;
                case Mul: regs[a] = regs[a] * regs[b]; pc += 3; break;
                case Mov: regs[a] = regs[b]; pc += 3; break;
                case Set: regs[a] = b; pc += 3; break;
                case Call: regs[a] = Native(regs[b]); pc += 3; break;
                case Jnz:
                    if (regs[a] != 0)
                    {
                        pc = b;
                        Driver.CanEnterJit(pc, code, regs);
                    }
                    else pc += 3;
                    break;
                default:
                    return regs[0];
            }
        }
    }

    /// <summary>r0 = sum over i &lt; outer of (sum over j &lt; inner of j) (two nested loops).</summary>
    public static int[] Nested(int outer, int inner) =>
    [
        Set, 1, outer,      // 0: r1 = outer
        Set, 2, inner,      // 3: r2 = inner           <- outer loop head
        Add, 0, 2,          // 6: r0 += r2             <- inner loop head
        Dec, 2, 0,          // 9: r2--
        Jnz, 2, 6,          // 12: inner loop
        Dec, 1, 0,          // 15: r1--
        Jnz, 1, 3,          // 18: outer loop
        Halt, 0, 0,         // 21
    ];

    /// <summary>A single loop calling a residual function.</summary>
    public static int[] Calls(int n) =>
    [
        Set, 1, n,
        Call, 3, 1,         // 3: r3 = Native(r1)
        Add, 0, 3,
        Dec, 1, 0,
        Jnz, 1, 3,
        Halt, 0, 0,
    ];
}

/// <summary>A portal calling itself (recursion through the portal): the tracer does not inline it.</summary>
public static class Recursive
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["n", "acc", "i"]);

    public static long Run(long n)
    {
        long acc = 0, i = 0;
        while (i < n)
        {
            Driver.JitMergePoint(n, acc, i);
            if (n > 1) acc += Run(n / 4) % 1000;
            acc += i;
            i++;
            Driver.CanEnterJit(n, acc, i);
        }
        return acc;
    }
}
