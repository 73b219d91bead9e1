using System.Globalization;

namespace RSharp.Flow.Interpreting;

/// <summary>Concrete semantics of the arithmetic, comparison and conversion opnames, on stack-form values.</summary>
internal static class Arith
{
    public static int I32(object? v) => v switch { int i => i, long l => (int)l, nint n => (int)n, _ => throw Bad(v) };
    public static long I64(object? v) => v switch { long l => l, int i => i, nint n => n, _ => throw Bad(v) };
    public static nint NInt(object? v) => v switch { nint n => n, int i => i, long l => (nint)l, _ => throw Bad(v) };
    public static double F64(object? v) => v switch { double d => d, float f => f, _ => throw Bad(v) };
    public static float F32(object? v) => v switch { float f => f, double d => (float)d, _ => throw Bad(v) };

    private static InterpreterException Bad(object? v) =>
        new("interpreter: unexpected stack value " + (v?.GetType().Name ?? "null"));

    private static int B(bool b) => b ? 1 : 0;

    /// <summary>Evaluates "prefix_op" arithmetic and comparisons; returns false if the name is not one.</summary>
    public static bool TryEval(string opName, object?[] a, out object? result)
    {
        result = null;
        int us = opName.IndexOf('_');
        if (us < 0) return false;
        var prefix = opName[..us];
        var op = opName[(us + 1)..];
        switch (prefix)
        {
            case "int": result = Int32Op(op, a); return true;
            case "uint": result = UInt32Op(op, a); return true;
            case "llong": result = Int64Op(op, a); return true;
            case "ullong": result = UInt64Op(op, a); return true;
            case "nint": result = Narrow(Int64Op(op, a)); return true;
            case "unint": result = Narrow(UInt64Op(op, a)); return true;
            case "float": result = FloatOp(op, F64(a[0]), a.Length > 1 ? F64(a[1]) : 0, x => x); return true;
            case "single": result = FloatOp(op, F32(a[0]), a.Length > 1 ? F32(a[1]) : 0, x => (float)x); return true;
            default: return false;
        }
    }

    // Native int arithmetic is done in 64 bits (the machine is 64-bit) and returned as nint.
    private static object Narrow(object r) => r is long l ? (nint)l : r;

    private static object Int32Op(string op, object?[] a)
    {
        int x = I32(a[0]);
        int y = a.Length > 1 ? I32(a[1]) : 0;
        return op switch
        {
            "add" => (object)(x + y), "sub" => (object)(x - y), "mul" => (object)(x * y), "div" => (object)(x / y), "mod" => (object)(x % y),
            "and" => (object)(x & y), "or" => (object)(x | y), "xor" => (object)(x ^ y), "lshift" => (object)(x << y), "rshift" => (object)(x >> y),
            "add_ovf" => (object)(checked(x + y)), "sub_ovf" => (object)(checked(x - y)), "mul_ovf" => (object)(checked(x * y)),
            "neg" => (object)(-x), "invert" => (object)(~x), "is_true" => (object)(B(x != 0)),
            "lt" => (object)(B(x < y)), "le" => (object)(B(x <= y)), "eq" => (object)(B(x == y)), "ne" => (object)(B(x != y)), "gt" => (object)(B(x > y)), "ge" => (object)(B(x >= y)),
            _ => throw new InvalidOperationException("int_" + op),
        };
    }

    private static object UInt32Op(string op, object?[] a)
    {
        uint x = (uint)I32(a[0]);
        uint y = a.Length > 1 ? (uint)I32(a[1]) : 0;
        return op switch
        {
            "div" => (object)((int)(x / y)), "mod" => (object)((int)(x % y)), "rshift" => (object)((int)(x >> (int)y)),
            "add_ovf" => (object)((int)checked(x + y)), "sub_ovf" => (object)((int)checked(x - y)), "mul_ovf" => (object)((int)checked(x * y)),
            "lt" => (object)(B(x < y)), "le" => (object)(B(x <= y)), "gt" => (object)(B(x > y)), "ge" => (object)(B(x >= y)), "eq" => (object)(B(x == y)), "ne" => (object)(B(x != y)),
            _ => Int32Op(op, a),
        };
    }

    private static object Int64Op(string op, object?[] a)
    {
        long x = I64(a[0]);
        long y = a.Length > 1 ? I64(a[1]) : 0;
        int s = a.Length > 1 ? (int)I64(a[1]) : 0;
        return op switch
        {
            "add" => (object)(x + y), "sub" => (object)(x - y), "mul" => (object)(x * y), "div" => (object)(x / y), "mod" => (object)(x % y),
            "and" => (object)(x & y), "or" => (object)(x | y), "xor" => (object)(x ^ y), "lshift" => (object)(x << s), "rshift" => (object)(x >> s),
            "add_ovf" => (object)(checked(x + y)), "sub_ovf" => (object)(checked(x - y)), "mul_ovf" => (object)(checked(x * y)),
            "neg" => (object)(-x), "invert" => (object)(~x), "is_true" => (object)(B(x != 0)),
            "lt" => (object)(B(x < y)), "le" => (object)(B(x <= y)), "eq" => (object)(B(x == y)), "ne" => (object)(B(x != y)), "gt" => (object)(B(x > y)), "ge" => (object)(B(x >= y)),
            _ => throw new InvalidOperationException("llong_" + op),
        };
    }

    private static object UInt64Op(string op, object?[] a)
    {
        ulong x = (ulong)I64(a[0]);
        ulong y = a.Length > 1 ? (ulong)I64(a[1]) : 0;
        return op switch
        {
            "div" => (object)((long)(x / y)), "mod" => (object)((long)(x % y)), "rshift" => (object)((long)(x >> (int)y)),
            "add_ovf" => (object)((long)checked(x + y)), "sub_ovf" => (object)((long)checked(x - y)), "mul_ovf" => (object)((long)checked(x * y)),
            "lt" => (object)(B(x < y)), "le" => (object)(B(x <= y)), "gt" => (object)(B(x > y)), "ge" => (object)(B(x >= y)), "eq" => (object)(B(x == y)), "ne" => (object)(B(x != y)),
            _ => Int64Op(op, a),
        };
    }

    private static object FloatOp<T>(string op, T x, T y, Func<double, T> back) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        return op switch
        {
            "add" => (object)(x + y), "sub" => (object)(x - y), "mul" => (object)(x * y), "div" => (object)(x / y), "mod" => (object)(x % y), "neg" => (object)(-x),
            "lt" => (object)(B(x < y)), "le" => (object)(B(x <= y)), "eq" => (object)(B(x == y)), "ne" => (object)(B(x != y)), "gt" => (object)(B(x > y)), "ge" => (object)(B(x >= y)),
            "lt_un" => (object)(B(!(x >= y))), "le_un" => (object)(B(!(x > y))), "gt_un" => (object)(B(!(x <= y))), "ge_un" => (object)(B(!(x < y))),
            "eq_un" => (object)(B(x == y)), "ne_un" => (object)(B(x != y)),
            _ => throw new InvalidOperationException("float op " + op),
        };
    }

    /// <summary>Evaluates cast_{src}_to_{dst}[_ovf][_un].</summary>
    public static object Cast(string opName, object? v)
    {
        var rest = opName["cast_".Length..];
        int to = rest.IndexOf("_to_", StringComparison.Ordinal);
        var src = rest[..to];
        var dst = rest[(to + 4)..];
        bool un = dst.EndsWith("_un", StringComparison.Ordinal);
        if (un) dst = dst[..^3];
        bool ovf = dst.EndsWith("_ovf", StringComparison.Ordinal);
        if (ovf) dst = dst[..^4];
        switch (src)
        {
            case "single": return FromFloat(F32(v), dst, ovf);
            case "float": return FromDouble(F64(v), dst, ovf);
        }
        // conv.u8 / conv.u of an int32 zero-extends: the source is read unsigned when widening to an unsigned type.
        bool zeroExtend = !ovf && src == "int" && dst is "uint64" or "unint";
        Int128 x = src switch
        {
            "int" => un || zeroExtend ? (uint)I32(v) : I32(v),
            "llong" or "nint" => un ? (ulong)I64(v) : I64(v),
            _ => throw new NotSupportedException("interpreter: conversion from " + src),
        };
        return FromInteger(x, dst, ovf, un);
    }

    private static object FromInteger(Int128 x, string dst, bool ovf, bool un)
    {
        if (dst == "float32") return un ? (float)(ulong)x : (float)(long)x;
        if (dst == "float64") return un ? (double)(ulong)x : (double)(long)x;
        var (min, max) = Range(dst);
        if (ovf && (x < min || x > max)) throw new OverflowException();
        return dst switch
        {
            "int8" => (object)((int)(sbyte)(long)x), "uint8" => (object)((int)(byte)(long)x), "int16" => (object)((int)(short)(long)x),
            "uint16" => (object)((int)(ushort)(long)x), "int32" => (object)((int)(long)x), "uint32" => (object)((int)(uint)(long)x),
            "int64" => (object)((long)(ulong)(x & ulong.MaxValue)), "uint64" => (object)((long)(ulong)(x & ulong.MaxValue)),
            "nint" or "unint" => (object)((nint)(long)(ulong)(x & ulong.MaxValue)),
            _ => throw new InvalidOperationException("cast to " + dst),
        };
    }

    private static (Int128 Min, Int128 Max) Range(string dst) => dst switch
    {
        "int8" => (sbyte.MinValue, sbyte.MaxValue), "uint8" => (0, byte.MaxValue),
        "int16" => (short.MinValue, short.MaxValue), "uint16" => (0, ushort.MaxValue),
        "int32" => (int.MinValue, int.MaxValue), "uint32" => (0, uint.MaxValue),
        "int64" or "nint" => (long.MinValue, long.MaxValue), "uint64" or "unint" => (0, ulong.MaxValue),
        _ => (Int128.MinValue, Int128.MaxValue),
    };

    private static object FromDouble(double d, string dst, bool ovf) => ovf
        ? dst switch
        {
            "int8" => (object)((int)checked((sbyte)d)), "uint8" => (object)((int)checked((byte)d)), "int16" => (object)((int)checked((short)d)),
            "uint16" => (object)((int)checked((ushort)d)), "int32" => (object)(checked((int)d)), "uint32" => (object)((int)checked((uint)d)),
            "int64" => (object)(checked((long)d)), "uint64" => (object)((long)checked((ulong)d)), "nint" => (object)(checked((nint)d)),
            "unint" => (object)((nint)checked((nuint)d)), "float32" => (object)((float)d), _ => (object)(d),
        }
        : dst switch
        {
            "int8" => (object)((int)(sbyte)d), "uint8" => (object)((int)(byte)d), "int16" => (object)((int)(short)d), "uint16" => (object)((int)(ushort)d),
            "int32" => (object)((int)d), "uint32" => (object)((int)(uint)d), "int64" => (object)((long)d), "uint64" => (object)((long)(ulong)d),
            "nint" => (object)((nint)d), "unint" => (object)((nint)(nuint)d), "float32" => (object)((float)d), _ => (object)(d),
        };

    private static object FromFloat(float d, string dst, bool ovf) => ovf
        ? dst switch
        {
            "int8" => (object)((int)checked((sbyte)d)), "uint8" => (object)((int)checked((byte)d)), "int16" => (object)((int)checked((short)d)),
            "uint16" => (object)((int)checked((ushort)d)), "int32" => (object)(checked((int)d)), "uint32" => (object)((int)checked((uint)d)),
            "int64" => (object)(checked((long)d)), "uint64" => (object)((long)checked((ulong)d)), "nint" => (object)(checked((nint)d)),
            "unint" => (object)((nint)checked((nuint)d)), "float32" => (object)(d), _ => (object)((double)d),
        }
        : dst switch
        {
            "int8" => (object)((int)(sbyte)d), "uint8" => (object)((int)(byte)d), "int16" => (object)((int)(short)d), "uint16" => (object)((int)(ushort)d),
            "int32" => (object)((int)d), "uint32" => (object)((int)(uint)d), "int64" => (object)((long)d), "uint64" => (object)((long)(ulong)d),
            "nint" => (object)((nint)d), "unint" => (object)((nint)(nuint)d), "float32" => (object)(d), _ => (object)((double)d),
        };

    public static string Describe(object? v) => v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v?.ToString() ?? "null";
}
