using System.Numerics;
using PySharp.Formatting;

namespace PySharp.Interpreter;

public static partial class Modules_
{
    private static double D(PyObject o) => TypeInit.ToDouble(o);

    private static PyObject MathResult(double r, double x)
    {
        if (double.IsNaN(r) && !double.IsNaN(x)) throw Ops.ValueError("math domain error");
        if (double.IsInfinity(r) && double.IsFinite(x)) throw Ops.OverflowError("math range error");
        return new PyFloat(r);
    }

    /// <summary>
    /// log, log2 or log10 of a float or an int as CPython computes it: an int is first rounded to
    /// a float; one too large for that is split into m * 2^e (m in [0.5, 1), rounded once) and
    /// gives f(m) + f(2) * e.
    /// </summary>
    private static double LogOf(PyObject x, Func<double, double> f)
    {
        double v;
        if (Ops.IntValue(x) is { } i)
        {
            var n = Ops.ToBig(i);
            if (n.Sign <= 0) throw Ops.ValueError("math domain error");
            v = BigFloat.ToDouble(n);
            if (double.IsInfinity(v))
            {
                long e = n.GetBitLength();
                double m = BigFloat.Quotient(n, BigInteger.One << (int)e);
                if (m == 1.0) { m = 0.5; e++; }
                return f(m) + f(2.0) * e;
            }
        }
        else v = D(x);
        if (double.IsNaN(v)) return v;
        if (v <= 0) throw Ops.ValueError("math domain error");
        return f(v);
    }

    private static PyBuiltin F1(string name, Func<double, double> f) => Reg.Fn(name, x => { var v = D(x); return MathResult(f(v), v); });

    private static PyModule MakeMath(Runtime rt) => Module("math", d =>
    {
        d.SetStr("pi", new PyFloat(Math.PI));
        d.SetStr("e", new PyFloat(Math.E));
        d.SetStr("tau", new PyFloat(2 * Math.PI));
        d.SetStr("inf", new PyFloat(double.PositiveInfinity));
        d.SetStr("nan", new PyFloat(double.NaN));
        d.Def(F1("sqrt", x => x < 0 ? double.NaN : Math.Sqrt(x)));
        d.Def(F1("exp", Math.Exp));
        d.Def(F1("sin", Math.Sin)); d.Def(F1("cos", Math.Cos)); d.Def(F1("tan", Math.Tan));
        d.Def(F1("asin", Math.Asin)); d.Def(F1("acos", Math.Acos)); d.Def(F1("atan", Math.Atan));
        d.Def(F1("sinh", Math.Sinh)); d.Def(F1("cosh", Math.Cosh)); d.Def(F1("tanh", Math.Tanh));
        d.Def(F1("asinh", Math.Asinh)); d.Def(F1("acosh", Math.Acosh)); d.Def(F1("atanh", Math.Atanh));
        d.Def(F1("fabs", Math.Abs));
        d.Def(Reg.Fn("log2", x => new PyFloat(LogOf(x, Math.Log2))));
        d.Def(Reg.Fn("log10", x => new PyFloat(LogOf(x, Math.Log10))));
        d.Def(F1("log1p", x => x <= -1 ? double.NaN : Libm.Available ? Libm.Log1p(x) : Log1p(x)));
        d.Def(F1("expm1", x => Libm.Available ? Libm.Expm1(x) : Expm1(x)));
        d.Def(F1("cbrt", Math.Cbrt));
        d.Def(F1("exp2", x => Math.Pow(2, x)));
        d.Def(Reg.Fn("nextafter", (x, y) =>
        {
            double a = D(x), b = D(y);
            if (double.IsNaN(a) || double.IsNaN(b)) return new PyFloat(double.NaN);
            return new PyFloat(a == b ? b : a < b ? Math.BitIncrement(a) : Math.BitDecrement(a));
        }));
        d.Def(Reg.Fn("ulp", x =>
        {
            double v = Math.Abs(D(x));
            if (double.IsNaN(v) || double.IsInfinity(v)) return new PyFloat(v);
            double next = Math.BitIncrement(v);
            return new PyFloat(double.IsInfinity(next) ? v - Math.BitDecrement(v) : next - v);
        }));
        d.Def(Reg.Fn("remainder", (x, y) =>
        {
            double a = D(x), b = D(y);
            if (double.IsNaN(a) || double.IsNaN(b)) return new PyFloat(double.NaN);
            if (double.IsInfinity(a) || b == 0) throw Ops.ValueError("math domain error");
            if (double.IsInfinity(b)) return new PyFloat(a);
            return new PyFloat(Math.IEEERemainder(a, b));
        }));
        d.Def(F1("degrees", x => x * (180.0 / Math.PI)));
        d.Def(F1("radians", x => x * (Math.PI / 180.0)));
        d.Def(F1("erf", x => Libm.Available ? Libm.Erf(x) : Erf(x)));
        d.Def(F1("erfc", x => Libm.Available ? Libm.Erfc(x) : Erfc(x)));
        d.Def(F1("gamma", GammaFunctions.Gamma));
        d.Def(F1("lgamma", GammaFunctions.LogGamma));
        d.Def(Reg.FnN("log", (a, k) =>
        {
            if (a.Length is < 1 or > 2) throw Ops.TypeError("math.log requires 1 to 2 arguments");
            double num = LogOf(a[0], Math.Log);
            if (a.Length == 1) return new PyFloat(num);
            double den = LogOf(a[1], Math.Log);
            if (den == 0) throw Ops.ZeroDivisionError("float division by zero");
            return new PyFloat(num / den);
        }));
        d.Def(Reg.Fn("pow", (x, y) =>
        {
            double a = D(x), b = D(y);
            if (a == 0 && b < 0) throw Ops.ValueError("math domain error");
            double r = Math.Pow(a, b);
            if (double.IsNaN(r) && !double.IsNaN(a) && !double.IsNaN(b)) throw Ops.ValueError("math domain error");
            if (double.IsInfinity(r) && double.IsFinite(a) && double.IsFinite(b)) throw Ops.OverflowError("math range error");
            return new PyFloat(r);
        }));
        d.Def(Reg.Fn("atan2", (y, x) => new PyFloat(Math.Atan2(D(y), D(x)))));
        d.Def(Reg.Fn("copysign", (x, y) => new PyFloat(Math.CopySign(D(x), D(y)))));
        d.Def(Reg.Fn("fmod", (x, y) => { var b = D(y); if (b == 0) throw Ops.ValueError("math domain error"); return new PyFloat(Math.IEEERemainder(D(x), b) is var _ ? D(x) % b : 0); }));
        d.Def(Reg.FnN("hypot", (a, k) => new PyFloat(VectorNorm.Of(a.Select(D).ToArray()))));
        d.Def(Reg.Fn("floor", x => x is PyFloat f ? TypeInit.ToInt(new PyFloat(Math.Floor(f.Value))) : Ops.IntValue(x) ?? Ops.CallSpecial(x, "__floor__") ?? TypeInit.ToInt(new PyFloat(Math.Floor(D(x))))));
        d.Def(Reg.Fn("ceil", x => x is PyFloat f ? TypeInit.ToInt(new PyFloat(Math.Ceiling(f.Value))) : Ops.IntValue(x) ?? Ops.CallSpecial(x, "__ceil__") ?? TypeInit.ToInt(new PyFloat(Math.Ceiling(D(x))))));
        d.Def(Reg.Fn("trunc", x => x is PyFloat f ? TypeInit.ToInt(f) : Ops.IntValue(x) ?? Ops.CallSpecial(x, "__trunc__") ?? throw Ops.TypeError($"type {Ops.TypeName(x)} doesn't define __trunc__ method")));
        d.Def(Reg.Fn("isnan", x => PyBool.Of(double.IsNaN(D(x)))));
        d.Def(Reg.Fn("isinf", x => PyBool.Of(double.IsInfinity(D(x)))));
        d.Def(Reg.Fn("isfinite", x => PyBool.Of(double.IsFinite(D(x)))));
        d.Def(Reg.FnN("isclose", (a, k) =>
        {
            var p = ArgParser.Parse("isclose", a, k, ["a", "b", "rel_tol", "abs_tol"], 2);
            double x = D(p[0]!), y = D(p[1]!), rt2 = p[2] != null ? D(p[2]!) : 1e-9, at = p[3] != null ? D(p[3]!) : 0;
            if (x == y) return PyBool.True;
            if (double.IsInfinity(x) || double.IsInfinity(y)) return PyBool.False;
            double diff = Math.Abs(y - x);
            return PyBool.Of(diff <= Math.Abs(rt2 * y) || diff <= Math.Abs(rt2 * x) || diff <= at);
        }));
        d.Def(Reg.Fn("factorial", x =>
        {
            if (x is PyFloat) throw Ops.TypeError("'float' object cannot be interpreted as an integer");
            long n = Ops.Index(x);
            if (n < 0) throw Ops.ValueError("factorial() not defined for negative values");
            BigInteger r = 1;
            for (long i = 2; i <= n; i++) r *= i;
            return PyInt.FromBig(r);
        }));
        d.Def(Reg.FnN("gcd", (a, k) =>
        {
            BigInteger g = 0;
            foreach (var x in a) g = BigInteger.GreatestCommonDivisor(g, Ops.ToBig(Ops.IndexObj(x)));
            return PyInt.FromBig(g);
        }));
        d.Def(Reg.FnN("lcm", (a, k) =>
        {
            BigInteger l = 1;
            foreach (var x in a)
            {
                var v = BigInteger.Abs(Ops.ToBig(Ops.IndexObj(x)));
                if (v.IsZero) return PyInt.Zero;
                l = l / BigInteger.GreatestCommonDivisor(l, v) * v;
            }
            return PyInt.FromBig(l);
        }));
        d.Def(Reg.Fn("isqrt", x =>
        {
            var n = Ops.ToBig(Ops.IndexObj(x));
            if (n.Sign < 0) throw Ops.ValueError("isqrt() argument must be nonnegative");
            if (n.IsZero) return PyInt.Zero;
            // Newton's method on integers from a power of two above the root: it decreases to floor(sqrt(n)).
            var r = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
            while (true)
            {
                var y = (r + n / r) >> 1;
                if (y >= r) return PyInt.FromBig(r);
                r = y;
            }
        }));
        d.Def(Reg.FnN("comb", (a, k) =>
        {
            long n = Ops.Index(a[0]), r = Ops.Index(a[1]);
            if (n < 0 || r < 0) throw Ops.ValueError(n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
            if (r > n) return PyInt.Zero;
            BigInteger c = 1;
            for (long i = 0; i < Math.Min(r, n - r); i++) c = c * (n - i) / (i + 1);
            return PyInt.FromBig(c);
        }));
        d.Def(Reg.FnN("perm", (a, k) =>
        {
            long n = Ops.Index(a[0]), r = a.Length > 1 && a[1] != PyNone.Instance ? Ops.Index(a[1]) : n;
            if (r > n) return PyInt.Zero;
            BigInteger c = 1;
            for (long i = 0; i < r; i++) c *= n - i;
            return PyInt.FromBig(c);
        }));
        d.Def(Reg.FnN("prod", (a, k) =>
        {
            var p = ArgParser.Parse("prod", a, k, ["iterable", "start"], 1);
            PyObject acc = p[1] ?? PyInt.One;
            foreach (var x in Ops.ToList(p[0]!)) acc = Ops.BinaryOp(acc, x, 2);
            return acc;
        }));
        d.Def(Reg.Fn("fsum", it =>
        {
            // Neumaier summation, close to CPython's exact fsum for typical inputs.
            double s = 0, c = 0;
            foreach (var x in Ops.ToList(it))
            {
                double v = D(x);
                double t = s + v;
                if (Math.Abs(s) >= Math.Abs(v)) c += (s - t) + v; else c += (v - t) + s;
                s = t;
            }
            return new PyFloat(s + c);
        }));
        d.Def(Reg.Fn("modf", x => { var v = D(x); var ip = Math.Truncate(v); return PyTuple.Of(new PyFloat(double.IsInfinity(v) ? Math.CopySign(0, v) : v - ip), new PyFloat(ip)); }));
        d.Def(Reg.Fn("frexp", x =>
        {
            var v = D(x);
            if (v == 0 || double.IsNaN(v) || double.IsInfinity(v)) return PyTuple.Of(new PyFloat(v), PyInt.Zero);
            int e = (int)Math.Floor(Math.Log2(Math.Abs(v))) + 1;
            double m = v / Math.Pow(2, e);
            if (Math.Abs(m) >= 1) { m /= 2; e++; }
            if (Math.Abs(m) < 0.5) { m *= 2; e--; }
            return PyTuple.Of(new PyFloat(m), PyInt.Get(e));
        }));
        d.Def(Reg.Fn("ldexp", (x, i) => new PyFloat(D(x) * Math.Pow(2, Ops.Index(i)))));
        d.Def(Reg.FnN("dist", (a, k) =>
        {
            var p = Ops.ToList(a[0]);
            var q = Ops.ToList(a[1]);
            if (p.Count != q.Count) throw Ops.ValueError("both points must have the same number of dimensions");
            return new PyFloat(VectorNorm.Of(p.Select((x, i) => D(x) - D(q[i])).ToArray()));
        }));
    });

    private static double Erf(double x)
    {
        // Abramowitz-Stegun 7.1.26 refined with a series for small |x|.
        if (Math.Abs(x) < 2.5)
        {
            double sum = x, term = x, x2 = x * x;
            for (int n = 1; n < 100; n++)
            {
                term *= -x2 / n;
                double t = term / (2 * n + 1);
                sum += t;
                if (Math.Abs(t) < 1e-17 * Math.Abs(sum)) break;
            }
            return 2 / Math.Sqrt(Math.PI) * sum;
        }
        if (Math.Abs(x) >= 2.5) return x > 0 ? 1 - Erfc(x) : Erfc(-x) - 1;
        double z = Math.Abs(x);
        double t2 = 1 / (1 + 0.5 * z);
        double r = t2 * Math.Exp(-z * z - 1.26551223 + t2 * (1.00002368 + t2 * (0.37409196 + t2 * (0.09678418 + t2 * (-0.18628806 + t2 * (0.27886807 + t2 * (-1.13520398 + t2 * (1.48851587 + t2 * (-0.82215223 + t2 * 0.17087277)))))))));
        return x >= 0 ? 1 - r : r - 1;
    }

    /// <summary>log(1+x) without losing the low bits of x: the rounding error of 1+x is divided back out.</summary>
    private static double Log1p(double x)
    {
        if (x <= -1) return x == -1 ? double.NegativeInfinity : double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * (x / (u - 1));
    }

    /// <summary>exp(x)-1 accurate near 0 (Kahan's correction with the rounded exp).</summary>
    private static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5) return Math.Exp(x) - 1;
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1) return -1;
        return um1 * x / Math.Log(u);
    }

    /// <summary>erfc; the tail (x ≥ 2.5) from its continued fraction so small results keep their precision.</summary>
    private static double Erfc(double x)
    {
        if (x < 2.5) return 1 - Erf(x);
        if (x > 27) return 0;
        // Lentz's method on erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))).
        double tiny = 1e-300, f = x, c = x, dd = 0;
        for (int n = 1; n < 500; n++)
        {
            double an = n / 2.0;
            dd = x + an * dd; if (dd == 0) dd = tiny; dd = 1 / dd;
            c = x + an / c; if (c == 0) c = tiny;
            double delta = c * dd;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}

/// <summary>
/// The C library's erf, erfc, log1p, expm1 and hypot (for abs of a complex), which CPython calls: using the same
/// functions gives bit-identical results (System.Math has no such functions; its others already
/// come from the C library). Where libm is missing the managed approximations are used.
/// </summary>
internal static class Libm
{
    private const string Lib = "libm.so.6";

    [System.Runtime.InteropServices.DllImport(Lib, EntryPoint = "erf")] public static extern double Erf(double x);
    [System.Runtime.InteropServices.DllImport(Lib, EntryPoint = "erfc")] public static extern double Erfc(double x);
    [System.Runtime.InteropServices.DllImport(Lib, EntryPoint = "log1p")] public static extern double Log1p(double x);
    [System.Runtime.InteropServices.DllImport(Lib, EntryPoint = "expm1")] public static extern double Expm1(double x);
    [System.Runtime.InteropServices.DllImport(Lib, EntryPoint = "hypot")] public static extern double Hypot(double x, double y);

    public static readonly bool Available = Probe();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return Erf(0.0) == 0.0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }
}
