namespace PySharp.Interpreter;

/// <summary>
/// <c>math.hypot</c> and <c>math.dist</c> as CPython 3.11 computes them: the coordinates are
/// scaled by a power of two near the largest, squared without loss (Veltkamp-Dekker split), summed
/// with compensation, and the square root gets one differential correction. It neither
/// overflows nor underflows in between, and the doubles match CPython's.
/// </summary>
internal static class VectorNorm
{
    private const double Split = 134217729.0; // 2^27 + 1

    /// <summary>The Euclidean norm of the absolute values <paramref name="v"/> (modified in place).</summary>
    public static double Of(double[] v)
    {
        double max = 0.0;
        bool nan = false;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = Math.Abs(v[i]);
            nan |= double.IsNaN(v[i]);
            if (v[i] > max) max = v[i];
        }
        if (double.IsInfinity(max)) return max;
        if (nan) return double.NaN;
        if (max == 0.0 || v.Length <= 1) return max;

        double csum = 1.0, frac = 0.0;
        void Add(double x)
        {
            double old = csum;
            csum += x;
            frac += (old - csum) + x;
        }

        int maxExp = Math.ILogB(max) + 1; // frexp's exponent: max = m * 2^maxExp, 0.5 <= m < 1
        if (maxExp < -1023)
        {
            // 2^-maxExp would overflow: divide by max instead.
            foreach (double c in v)
            {
                double x = c / max;
                Add(x * x);
            }
            return max * Math.Sqrt(csum - 1.0 + frac);
        }
        double scale = Math.ScaleB(1.0, -maxExp);
        foreach (double c in v)
        {
            double x = c * scale;
            var (hi, lo) = SplitOf(x);
            Add(hi * hi);
            Add(2.0 * hi * lo);
            Add(lo * lo);
        }
        double h = Math.Sqrt(csum - 1.0 + frac);
        {
            var (hi, lo) = SplitOf(h);
            Add(-hi * hi);
            Add(-2.0 * hi * lo);
            Add(-lo * lo);
        }
        double correction = csum - 1.0 + frac;
        return (h + correction / (2.0 * h)) / scale;
    }

    private static (double Hi, double Lo) SplitOf(double x)
    {
        double t = x * Split;
        double hi = t - (t - x);
        return (hi, x - hi);
    }
}
