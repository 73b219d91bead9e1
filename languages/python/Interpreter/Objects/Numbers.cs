using System.Numerics;
using RSharp.Hints;

namespace PySharp.Interpreter;

/// <summary>An int that fits in 64 bits. Small values are cached.</summary>
public sealed class PyInt : PyObject
{
    public readonly long Value;
    private const int CacheMin = -5, CacheMax = 1024;
    private static readonly PyInt[] s_cache = MakeCache();
    public static readonly PyInt Zero = s_cache[-CacheMin], One = s_cache[1 - CacheMin], MinusOne = s_cache[-1 - CacheMin];

    private PyInt(long v) { Value = v; }
    public override PyType Type => PyType.Int;

    private static PyInt[] MakeCache()
    {
        var c = new PyInt[CacheMax - CacheMin + 1];
        for (int i = 0; i < c.Length; i++) c[i] = new PyInt(i + CacheMin);
        return c;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static PyInt Get(long v)
    {
        if (v >= CacheMin && v <= CacheMax) return s_cache[v - CacheMin];
        return new PyInt(v);
    }

    public static PyObject FromBig(BigInteger b)
    {
        if (b >= long.MinValue && b <= long.MaxValue) return Get((long)b);
        return new PyBigInt(b);
    }
}

/// <summary>An int beyond 64 bits (never holds a value that fits in a long).</summary>
public sealed class PyBigInt : PyObject
{
    public readonly BigInteger Value;
    public PyBigInt(BigInteger v) { Value = v; }
    public override PyType Type => PyType.Int;
}

/// <summary>float.</summary>
public sealed class PyFloat : PyObject
{
    public readonly double Value;
    public PyFloat(double v) { Value = v; }
    public override PyType Type => PyType.Float;
}

/// <summary>complex.</summary>
public sealed class PyComplex : PyObject
{
    public readonly double Real, Imag;
    public PyComplex(double r, double i) { Real = r; Imag = i; }
    public override PyType Type => PyType.Complex;
}
