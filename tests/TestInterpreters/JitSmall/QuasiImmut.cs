using RSharp.Hints;

namespace JitSmall;

/// <summary>A configuration object whose mode rarely changes (test_quasiimmut's "version" field).</summary>
public sealed class QiConfig(long mode)
{
    [QuasiImmutable] public long Mode = mode;
}

/// <summary>Reads a quasi-immutable field of a green object every iteration; every <c>switchEvery</c> iterations writes it.</summary>
public static class QuasiImmut
{
    private static readonly JitDriver Driver = new(greens: ["cfg"], reds: ["i", "n", "switchEvery", "acc"]);

    public static long Run(QiConfig cfg, long n, long switchEvery)
    {
        long acc = 0, i = 0;
        while (i < n)
        {
            Driver.JitMergePoint(cfg, i, n, switchEvery, acc);
            acc += cfg.Mode * 3 + i;
            if (switchEvery > 0 && i % switchEvery == switchEvery - 1) cfg.Mode = cfg.Mode + 1;
            i++;
            Driver.CanEnterJit(cfg, i, n, switchEvery, acc);
        }
        return acc;
    }
}
