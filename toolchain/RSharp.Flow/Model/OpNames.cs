namespace RSharp.Flow.Model;

/// <summary>
/// The closed set of operation names. Arithmetic names follow RPython: a type prefix
/// (int = int32, uint = int32 read unsigned, llong/ullong = int64, nint/unint = native int,
/// float = float64, single = float32) and an operation. Conversions are
/// cast_{source}_to_{target}, with _ovf (checked) and _un (source read unsigned) suffixes.
/// </summary>
internal static class OpNames
{
    public static readonly string[] IntPrefixes = { "int", "uint", "llong", "ullong", "nint", "unint" };
    public static readonly string[] FloatPrefixes = { "float", "single" };
    public static readonly string[] BinaryOps = { "add", "sub", "mul", "div", "mod", "and", "or", "xor", "lshift", "rshift" };
    public static readonly string[] OvfOps = { "add_ovf", "sub_ovf", "mul_ovf" };
    public static readonly string[] UnaryOps = { "neg", "invert", "is_true" };
    public static readonly string[] CompareOps = { "lt", "le", "eq", "ne", "gt", "ge" };

    /// <summary>Conversion source prefixes (stack kinds).</summary>
    public static readonly string[] CastSources = { "int", "llong", "nint", "single", "float", "ptr" };

    /// <summary>Conversion targets (IL conv.* result types).</summary>
    public static readonly string[] CastTargets =
        { "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "nint", "unint", "float32", "float64" };

    // Objects, fields, arrays, calls, pointers.
    public const string SameAs = "same_as";
    public const string PtrNonZero = "ptr_nonzero";
    public const string PtrIsZero = "ptr_iszero";
    public const string PtrEq = "ptr_eq";
    public const string PtrNe = "ptr_ne";
    public const string GetField = "getfield";
    public const string SetField = "setfield";
    public const string FieldAddr = "fieldaddr";
    public const string GetStaticField = "getstaticfield";
    public const string SetStaticField = "setstaticfield";
    public const string StaticFieldAddr = "staticfieldaddr";
    public const string NewObj = "newobj";
    public const string NewDelegate = "new_delegate";
    public const string DirectCall = "direct_call";
    public const string VirtualCall = "virtual_call";
    public const string ConstrainedCall = "constrained_call";
    public const string IndirectCall = "indirect_call";
    public const string Ldftn = "ldftn";
    public const string Ldvirtftn = "ldvirtftn";
    public const string NewArray = "newarray";
    public const string GetArrayItem = "getarrayitem";
    public const string SetArrayItem = "setarrayitem";
    public const string ArrayItemAddr = "arrayitemaddr";
    public const string ArrayLen = "arraylen";
    public const string Box = "box";
    public const string Unbox = "unbox";
    public const string UnboxAny = "unbox_any";
    public const string IsInst = "isinst";
    public const string CastClass = "castclass";
    public const string LoadPointer = "load_pointer";
    public const string StorePointer = "store_pointer";
    public const string CopyPointer = "copy_pointer";
    public const string ZeroPointer = "zero_pointer";
    public const string AllocSlot = "alloc_slot";
    public const string GetSlot = "getslot";
    public const string SetSlot = "setslot";
    public const string DefaultValue = "default_value";
    public const string Throw = "throw";
    public const string LdToken = "ldtoken";
    public const string SizeOf = "sizeof";
    public const string LocAlloc = "localloc";
    public const string CpBlk = "cpblk";
    public const string InitBlk = "initblk";
    public const string CkFinite = "ckfinite";
    public const string MkRefAny = "mkrefany";
    public const string RefAnyVal = "refanyval";
    public const string RefAnyType = "refanytype";
    public const string ArgList = "arglist";
    public const string AdrAdd = "adr_add";
    public const string AdrSub = "adr_sub";
    public const string AdrDelta = "adr_delta";
    public const string DebugBreak = "debug_break";

    private static readonly HashSet<string> s_raising = new()
    {
        GetField, SetField, FieldAddr, NewObj, DirectCall, VirtualCall, ConstrainedCall, IndirectCall,
        Ldvirtftn, NewArray, GetArrayItem, SetArrayItem, ArrayItemAddr, ArrayLen, Unbox, UnboxAny,
        CastClass, LoadPointer, StorePointer, CopyPointer, ZeroPointer, Throw, CkFinite, CpBlk, InitBlk,
        RefAnyVal, NewDelegate, LocAlloc,
    };

    /// <summary>Every valid opname.</summary>
    public static readonly IReadOnlySet<string> All = BuildAll();

    private static HashSet<string> BuildAll()
    {
        var all = new HashSet<string>
        {
            SameAs, PtrNonZero, PtrIsZero, PtrEq, PtrNe, GetField, SetField, FieldAddr, GetStaticField, SetStaticField,
            StaticFieldAddr, NewObj, NewDelegate, DirectCall, VirtualCall, ConstrainedCall, IndirectCall, Ldftn,
            Ldvirtftn, NewArray, GetArrayItem, SetArrayItem, ArrayItemAddr, ArrayLen, Box, Unbox, UnboxAny, IsInst,
            CastClass, LoadPointer, StorePointer, CopyPointer, ZeroPointer, AllocSlot, DefaultValue, Throw, LdToken,
            SizeOf, LocAlloc, GetSlot, SetSlot, CpBlk, InitBlk, CkFinite, MkRefAny, RefAnyVal, RefAnyType, ArgList, AdrAdd, AdrSub,
            AdrDelta, DebugBreak,
        };
        foreach (var p in IntPrefixes.Concat(FloatPrefixes))
        {
            foreach (var op in BinaryOps.Concat(UnaryOps).Concat(CompareOps)) all.Add(p + "_" + op);
            foreach (var op in OvfOps) all.Add(p + "_" + op);
            foreach (var op in CompareOps) all.Add(p + "_" + op + "_un");
        }
        foreach (var s in CastSources)
            foreach (var t in CastTargets)
                foreach (var suffix in new[] { "", "_ovf", "_un", "_ovf_un" })
                    all.Add("cast_" + s + "_to_" + t + suffix);
        return all;
    }

    /// <summary>True if an operation with this name may raise an exception.</summary>
    public static bool CanRaise(string opName)
    {
        if (s_raising.Contains(opName)) return true;
        if (opName.EndsWith("_ovf", StringComparison.Ordinal) || opName.EndsWith("_ovf_un", StringComparison.Ordinal)) return true;
        // Integer division and remainder raise DivideByZeroException / OverflowException.
        if (opName.EndsWith("_div", StringComparison.Ordinal) || opName.EndsWith("_mod", StringComparison.Ordinal))
            return !opName.StartsWith("float", StringComparison.Ordinal) && !opName.StartsWith("single", StringComparison.Ordinal);
        return false;
    }

    public static string Prefix(ValueKind kind, bool unsigned) => kind switch
    {
        ValueKind.Int32 => unsigned ? "uint" : "int",
        ValueKind.Int64 => unsigned ? "ullong" : "llong",
        ValueKind.NativeInt => unsigned ? "unint" : "nint",
        ValueKind.Float32 => "single",
        ValueKind.Float64 => "float",
        _ => throw new ArgumentException("no arithmetic on " + kind),
    };

    public static string CastSource(ValueKind kind) => kind switch
    {
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "llong",
        ValueKind.NativeInt => "nint",
        ValueKind.Float32 => "single",
        ValueKind.Float64 => "float",
        ValueKind.Ref or ValueKind.ManagedPointer => "ptr",
        _ => throw new ArgumentException("no conversion from " + kind),
    };
}
