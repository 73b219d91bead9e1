namespace RSharp.Jit.JitCodes;

/// <summary>
/// The pure integer and float instructions, named like the flow graph's opnames (RPython
/// style). Int registers hold a <see cref="long"/>: an int32-kind value (prefix <c>int</c>,
/// <c>uint</c>) is kept sign-extended, so 32-bit operations wrap at 32 bits. Float registers
/// hold a <see cref="double"/>; <c>single</c> operations round their results to float32.
/// The C# operators used here compile to the IL the flow graph came from, so overflow,
/// division and conversion exceptions are the runtime's own.
/// </summary>
internal static class PureOps
{
    private static readonly string[] s_intPrefixes = { "int", "uint", "llong", "ullong", "nint", "unint" };
    private static readonly string[] s_binary = { "add", "sub", "mul", "div", "mod", "and", "or", "xor", "lshift", "rshift", "add_ovf", "sub_ovf", "mul_ovf" };
    private static readonly string[] s_compare = { "lt", "le", "eq", "ne", "gt", "ge" };
    private static readonly string[] s_castTargets =
        { "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "nint", "unint", "float32", "float64" };

    public static IEnumerable<(string Name, string Codes, InsnKind Kind, Delegate Fn)> All()
    {
        foreach (var p in s_intPrefixes)
        {
            bool narrow = p is "int" or "uint";
            bool unsigned = p[0] == 'u';
            foreach (var op in s_binary)
                yield return (p + "_" + op, "ii>i", InsnKind.PureII_I, IntBinary(op, narrow, unsigned));
            foreach (var op in s_compare)
                yield return (p + "_" + op, "ii>i", InsnKind.PureII_I, IntCompare(op, narrow, unsigned));
            yield return (p + "_neg", "i>i", InsnKind.PureI_I, narrow ? (Func<long, long>)(a => unchecked(-(int)a)) : (Func<long, long>)(a => unchecked(-a)));
            yield return (p + "_invert", "i>i", InsnKind.PureI_I, narrow ? (Func<long, long>)(a => ~(int)a) : (Func<long, long>)(a => ~a));
            yield return (p + "_is_true", "i>i", InsnKind.PureI_I, (Func<long, long>)(a => a != 0 ? 1 : 0));
        }
        foreach (var p in new[] { "float", "single" })
        {
            bool single = p == "single";
            foreach (var op in new[] { "add", "sub", "mul", "div", "mod" })
                yield return (p + "_" + op, "ff>f", InsnKind.PureFF_F, FloatBinary(op, single));
            yield return (p + "_neg", "f>f", InsnKind.PureF_F, (Func<double, double>)(a => -a));
            foreach (var op in s_compare)
            {
                yield return (p + "_" + op, "ff>i", InsnKind.PureFF_I, FloatCompare(op, unordered: false));
                yield return (p + "_" + op + "_un", "ff>i", InsnKind.PureFF_I, FloatCompare(op, unordered: true));
            }
        }
        foreach (var src in new[] { "int", "llong", "nint", "float", "single" })
            foreach (var target in s_castTargets)
                foreach (var suffix in new[] { "", "_ovf", "_un", "_ovf_un" })
                {
                    bool ovf = suffix.Contains("ovf"), un = suffix.EndsWith("_un");
                    bool fromFloat = src is "float" or "single";
                    bool toFloat = target.StartsWith("float", StringComparison.Ordinal);
                    var name = "cast_" + src + "_to_" + target + suffix;
                    if (fromFloat && un) continue;
                    if (fromFloat && toFloat)
                        yield return (name, "f>f", InsnKind.PureF_F, (Func<double, double>)(d => target == "float32" ? (float)d : d));
                    else if (fromFloat)
                        yield return (name, "f>i", InsnKind.PureF_I, (Func<double, long>)(d => FloatToInt(d, target, ovf)));
                    else if (toFloat)
                    {
                        bool narrowSrc = src == "int";
                        yield return (name, "i>f", InsnKind.PureI_F, (Func<long, double>)(x =>
                        {
                            double r = un ? (double)(narrowSrc ? (uint)x : (ulong)x) : x;
                            return target == "float32" ? (float)r : r;
                        }));
                    }
                    else
                    {
                        bool narrowSrc = src == "int";
                        // conv.u8 / conv.u of an int32 zero-extends (conv.i8 sign-extends).
                        bool zeroExtend = narrowSrc && !ovf && target is "uint64" or "unint";
                        yield return (name, "i>i", InsnKind.PureI_I, (Func<long, long>)(x =>
                            un || zeroExtend ? UnsignedToInt(narrowSrc ? (uint)x : unchecked((ulong)x), target, ovf)
                               : SignedToInt(narrowSrc ? (int)x : x, target, ovf)));
                    }
                }
    }

    private static Func<long, long, long> IntBinary(string op, bool narrow, bool unsigned)
    {
        if (narrow && !unsigned)
            return op switch
            {
                "add" => (a, b) => unchecked((int)a + (int)b),
                "sub" => (a, b) => unchecked((int)a - (int)b),
                "mul" => (a, b) => unchecked((int)a * (int)b),
                "div" => (a, b) => (int)a / (int)b,
                "mod" => (a, b) => (int)a % (int)b,
                "and" => (a, b) => (int)a & (int)b,
                "or" => (a, b) => (int)a | (int)b,
                "xor" => (a, b) => (int)a ^ (int)b,
                "lshift" => (a, b) => (int)a << (int)b,
                "rshift" => (a, b) => (int)a >> (int)b,
                "add_ovf" => (a, b) => checked((int)a + (int)b),
                "sub_ovf" => (a, b) => checked((int)a - (int)b),
                _ => (a, b) => checked((int)a * (int)b),
            };
        if (narrow)
            return op switch
            {
                "add" => (a, b) => unchecked((int)((uint)a + (uint)b)),
                "sub" => (a, b) => unchecked((int)((uint)a - (uint)b)),
                "mul" => (a, b) => unchecked((int)((uint)a * (uint)b)),
                "div" => (a, b) => unchecked((int)((uint)a / (uint)b)),
                "mod" => (a, b) => unchecked((int)((uint)a % (uint)b)),
                "and" => (a, b) => (int)a & (int)b,
                "or" => (a, b) => (int)a | (int)b,
                "xor" => (a, b) => (int)a ^ (int)b,
                "lshift" => (a, b) => (int)a << (int)b,
                "rshift" => (a, b) => unchecked((int)((uint)a >> (int)b)),
                "add_ovf" => (a, b) => unchecked((int)checked(U32(a) + U32(b))),
                "sub_ovf" => (a, b) => unchecked((int)checked(U32(a) - U32(b))),
                _ => (a, b) => unchecked((int)checked(U32(a) * U32(b))),
            };
        if (!unsigned)
            return op switch
            {
                "add" => (a, b) => unchecked(a + b),
                "sub" => (a, b) => unchecked(a - b),
                "mul" => (a, b) => unchecked(a * b),
                "div" => (a, b) => a / b,
                "mod" => (a, b) => a % b,
                "and" => (a, b) => a & b,
                "or" => (a, b) => a | b,
                "xor" => (a, b) => a ^ b,
                "lshift" => (a, b) => a << (int)b,
                "rshift" => (a, b) => a >> (int)b,
                "add_ovf" => (a, b) => checked(a + b),
                "sub_ovf" => (a, b) => checked(a - b),
                _ => (a, b) => checked(a * b),
            };
        return op switch
        {
            "add" => (a, b) => unchecked(a + b),
            "sub" => (a, b) => unchecked(a - b),
            "mul" => (a, b) => unchecked(a * b),
            "div" => (a, b) => unchecked((long)((ulong)a / (ulong)b)),
            "mod" => (a, b) => unchecked((long)((ulong)a % (ulong)b)),
            "and" => (a, b) => a & b,
            "or" => (a, b) => a | b,
            "xor" => (a, b) => a ^ b,
            "lshift" => (a, b) => a << (int)b,
            "rshift" => (a, b) => unchecked((long)((ulong)a >> (int)b)),
            "add_ovf" => (a, b) => unchecked((long)checked(U64(a) + U64(b))),
            "sub_ovf" => (a, b) => unchecked((long)checked(U64(a) - U64(b))),
            _ => (a, b) => unchecked((long)checked(U64(a) * U64(b))),
        };
    }

    // Reinterpretations, never checked (the operands of checked unsigned arithmetic are bit patterns).
    private static uint U32(long a) => unchecked((uint)a);
    private static ulong U64(long a) => unchecked((ulong)a);

    private static Func<long, long, long> IntCompare(string op, bool narrow, bool unsigned)
    {
        // Int registers are sign-extended, so unsigned comparisons must look at the right width.
        Func<long, long, int> cmp = (narrow, unsigned) switch
        {
            (true, true) => (a, b) => ((uint)a).CompareTo((uint)b),
            (false, true) => (a, b) => unchecked((ulong)a).CompareTo(unchecked((ulong)b)),
            _ => (a, b) => a.CompareTo(b),
        };
        return op switch
        {
            "lt" => (a, b) => cmp(a, b) < 0 ? 1 : 0,
            "le" => (a, b) => cmp(a, b) <= 0 ? 1 : 0,
            "eq" => (a, b) => cmp(a, b) == 0 ? 1 : 0,
            "ne" => (a, b) => cmp(a, b) != 0 ? 1 : 0,
            "gt" => (a, b) => cmp(a, b) > 0 ? 1 : 0,
            _ => (a, b) => cmp(a, b) >= 0 ? 1 : 0,
        };
    }

    private static Func<double, double, double> FloatBinary(string op, bool single)
    {
        if (single)
            return op switch
            {
                "add" => (a, b) => (float)a + (float)b,
                "sub" => (a, b) => (float)a - (float)b,
                "mul" => (a, b) => (float)a * (float)b,
                "div" => (a, b) => (float)a / (float)b,
                _ => (a, b) => (float)a % (float)b,
            };
        return op switch
        {
            "add" => (a, b) => a + b,
            "sub" => (a, b) => a - b,
            "mul" => (a, b) => a * b,
            "div" => (a, b) => a / b,
            _ => (a, b) => a % b,
        };
    }

    private static Func<double, double, long> FloatCompare(string op, bool unordered)
    {
        Func<double, double, bool> f = op switch
        {
            "lt" => (a, b) => a < b,
            "le" => (a, b) => a <= b,
            "eq" => (a, b) => a == b,
            "ne" => (a, b) => a != b,
            "gt" => (a, b) => a > b,
            _ => (a, b) => a >= b,
        };
        if (!unordered) return (a, b) => f(a, b) ? 1 : 0;
        return (a, b) => double.IsNaN(a) || double.IsNaN(b) || f(a, b) ? 1 : 0;
    }

    private static long SignedToInt(long s, string target, bool ovf) => ovf
        ? target switch
        {
            "int8" => checked((sbyte)s), "uint8" => checked((byte)s), "int16" => checked((short)s),
            "uint16" => checked((ushort)s), "int32" => checked((int)s), "uint32" => unchecked((int)checked((uint)s)),
            "uint64" or "unint" => unchecked((long)checked((ulong)s)), _ => s,
        }
        : target switch
        {
            "int8" => unchecked((sbyte)s), "uint8" => unchecked((byte)s), "int16" => unchecked((short)s),
            "uint16" => unchecked((ushort)s), "int32" or "uint32" => unchecked((int)s), _ => s,
        };

    private static long UnsignedToInt(ulong u, string target, bool ovf) => ovf
        ? target switch
        {
            "int8" => checked((sbyte)u), "uint8" => checked((byte)u), "int16" => checked((short)u),
            "uint16" => checked((ushort)u), "int32" => checked((int)u), "uint32" => unchecked((int)checked((uint)u)),
            "int64" or "nint" => checked((long)u), _ => unchecked((long)u),
        }
        : SignedToInt(unchecked((long)u), target, false);

    private static long FloatToInt(double d, string target, bool ovf) => ovf
        ? target switch
        {
            "int8" => checked((sbyte)d), "uint8" => checked((byte)d), "int16" => checked((short)d),
            "uint16" => checked((ushort)d), "int32" => checked((int)d), "uint32" => unchecked((int)checked((uint)d)),
            "int64" or "nint" => checked((long)d), _ => unchecked((long)checked((ulong)d)),
        }
        : target switch
        {
            "int8" => unchecked((sbyte)d), "uint8" => unchecked((byte)d), "int16" => unchecked((short)d),
            "uint16" => unchecked((ushort)d), "int32" => unchecked((int)d), "uint32" => unchecked((int)(uint)d),
            "int64" or "nint" => unchecked((long)d), _ => unchecked((long)(ulong)d),
        };
}
