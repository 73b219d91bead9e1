namespace PySharp.Interpreter;

/// <summary>
/// <c>math.gamma</c> and <c>math.lgamma</c> as CPython computes them: a Lanczos approximation
/// with g = 6.024680040776729583740234375 and 13 terms (the published "lanczos13m53" rational
/// coefficients), exact factorials for small integers, and a sin(pi x) that reduces its argument
/// first. The operations are done in the same order as CPython's, so the doubles are identical;
/// exp, log, pow and sin come from the C library through System.Math in both.
/// Domain errors return NaN and range errors infinity (the module turns them into ValueError
/// and OverflowError).
/// </summary>
internal static class GammaFunctions
{
    private const double LanczosG = 6.024680040776729583740234375;
    private const double LanczosGMinusHalf = 5.524680040776729583740234375;
    private const double LogPi = 1.144729885849400174143427351353058711647;

    // Numerator and denominator of the Lanczos sum as polynomials in x, lowest power first.
    // The denominator is x(x+1)...(x+11) expanded.
    private static readonly double[] s_num =
    [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ];

    private static readonly double[] s_den =
    [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
        2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ];

    /// <summary>Gamma of 1..23: the factorials 0! .. 22!, exact in a double.</summary>
    private static readonly double[] s_factorials = Factorials(23);

    private static double[] Factorials(int n)
    {
        var f = new double[n];
        f[0] = 1;
        for (int k = 1; k < n; k++) f[k] = f[k - 1] * k;
        return f;
    }

    /// <summary>num(x)/den(x); for x >= 5 both are evaluated in 1/x (scaled by x^-12) to avoid overflow.</summary>
    private static double LanczosSum(double x)
    {
        double num = 0.0, den = 0.0;
        if (x < 5.0)
        {
            for (int i = s_num.Length - 1; i >= 0; i--)
            {
                num = num * x + s_num[i];
                den = den * x + s_den[i];
            }
        }
        else
        {
            for (int i = 0; i < s_num.Length; i++)
            {
                num = num / x + s_num[i];
                den = den / x + s_den[i];
            }
        }
        return num / den;
    }

    /// <summary>sin(pi x), with x reduced modulo 2 first so that it is exact at integers and half-integers.</summary>
    private static double SinPi(double x)
    {
        double y = Math.Abs(x) % 2.0; // C's fmod
        int n = (int)Math.Round(2.0 * y, MidpointRounding.AwayFromZero);
        double r = n switch
        {
            0 => Math.Sin(Math.PI * y),
            1 => Math.Cos(Math.PI * (y - 0.5)),
            2 => Math.Sin(Math.PI * (1.0 - y)),
            3 => -Math.Cos(Math.PI * (y - 1.5)),
            _ => Math.Sin(Math.PI * (y - 2.0)),
        };
        return Math.CopySign(1.0, x) * r;
    }

    public static double Gamma(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return x > 0 ? x : double.NaN;
        if (x == 0) return double.NaN;
        if (x == Math.Floor(x))
        {
            if (x < 0) return double.NaN;
            if (x <= s_factorials.Length) return s_factorials[(int)x - 1];
        }
        double absx = Math.Abs(x);
        if (absx < 1e-20) return 1.0 / x;
        if (absx > 200.0) return x < 0.0 ? 0.0 / SinPi(x) : double.PositiveInfinity;

        double y = absx + LanczosGMinusHalf;
        double q, z;
        if (absx > LanczosGMinusHalf)
        {
            // The rounding error of y, recovered exactly.
            q = y - absx;
            z = q - LanczosGMinusHalf;
        }
        else
        {
            q = y - LanczosGMinusHalf;
            z = q - absx;
        }
        z = z * LanczosG / y;
        double r;
        if (x < 0.0)
        {
            r = -Math.PI / SinPi(absx) / absx * Math.Exp(y) / LanczosSum(absx);
            r -= z * r;
            if (absx < 140.0) r /= Math.Pow(y, absx - 0.5);
            else
            {
                double sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        }
        else
        {
            r = LanczosSum(absx) / Math.Exp(y);
            r += z * r;
            if (absx < 140.0) r *= Math.Pow(y, absx - 0.5);
            else
            {
                double sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
        return r;
    }

    public static double LogGamma(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return double.PositiveInfinity;
        if (x == Math.Floor(x) && x <= 2.0) return x <= 0.0 ? double.NaN : 0.0;
        double absx = Math.Abs(x);
        if (absx < 1e-20) return -Math.Log(absx);
        double r = Math.Log(LanczosSum(absx)) - LanczosG;
        r += (absx - 0.5) * (Math.Log(absx + LanczosG - 0.5) - 1);
        if (x < 0.0) r = LogPi - Math.Log(Math.Abs(SinPi(absx))) - Math.Log(absx) - r;
        return r;
    }
}
