using System.Collections.Frozen;
using System.Text;

namespace RSharp.Jit.Traces;

/// <summary>Properties of an opcode that the optimizer and the backends ask about.</summary>
[Flags]
public enum OpFlags
{
    /// <summary>Nothing special.</summary>
    None = 0,
    /// <summary>A guard: may leave the trace, carries fail-args and resume data.</summary>
    Guard = 1 << 0,
    /// <summary>No side effects; the result depends on nothing but the arguments (constant-foldable, CSE-able).</summary>
    Pure = 1 << 1,
    /// <summary>No side effects (may read the heap or allocate); removable if the result is unused.</summary>
    NoSideEffect = 1 << 2,
    /// <summary>Pure given what the descriptor promises (immutable field, elidable call, array length).</summary>
    AlwaysPureWithDescr = 1 << 3,
    /// <summary>May raise: must be followed by <c>guard_no_exception</c> or <c>guard_exception</c>.</summary>
    CanRaise = 1 << 4,
    /// <summary>A call through a <see cref="CallDescr"/> or loop token.</summary>
    Call = 1 << 5,
    /// <summary>Sets the overflow flag for <c>guard_no_overflow</c>/<c>guard_overflow</c>.</summary>
    Ovf = 1 << 6,
    /// <summary>Ends a trace (<c>jump</c>, <c>finish</c>).</summary>
    Final = 1 << 7,
    /// <summary>Allocates a new object.</summary>
    Malloc = 1 << 8,
    /// <summary>An integer or float comparison producing 0/1.</summary>
    Comparison = 1 << 9,
}

/// <summary>The kind of descriptor an opcode takes.</summary>
public enum DescrUse
{
    /// <summary>No descriptor.</summary>
    None,
    /// <summary>A <see cref="FieldDescr"/>.</summary>
    Field,
    /// <summary>An <see cref="ArrayDescr"/>.</summary>
    Array,
    /// <summary>A <see cref="TypeDescr"/>.</summary>
    Type,
    /// <summary>A <see cref="CallDescr"/>.</summary>
    Call,
    /// <summary>A <see cref="TargetToken"/> (label, jump).</summary>
    Target,
    /// <summary>A <see cref="LoopToken"/> (call_assembler).</summary>
    Loop,
    /// <summary>Any descriptor or none (finish).</summary>
    Optional,
}

/// <summary>Per-opcode metadata: text name, argument kinds, result kind, flags, descriptor use.</summary>
public sealed class OpInfo
{
    private static readonly OpInfo[] Table = Build();
    private static readonly FrozenDictionary<string, OpCode> ByName =
        Table.ToFrozenDictionary(i => i.Name, i => i.Code);

    private OpInfo(OpCode code, string args, char result, OpFlags flags, DescrUse descr)
    {
        Code = code;
        Name = SnakeCase(code.ToString());
        if (args == "*") { Arity = -1; ArgKinds = []; }
        else { Arity = args.Length; ArgKinds = args.Select(KindOf).ToArray(); }
        ResultKind = KindOf(result);
        Flags = flags;
        Descr = descr;
    }

    /// <summary>The opcode.</summary>
    public OpCode Code { get; }
    /// <summary>The text name (<c>int_add</c>).</summary>
    public string Name { get; }
    /// <summary>Number of arguments, or -1 if variable.</summary>
    public int Arity { get; }
    /// <summary>Expected kind of each argument; <see cref="ValueKind.Void"/> means "any kind" (checked elsewhere, if at all).</summary>
    public IReadOnlyList<ValueKind> ArgKinds { get; }
    /// <summary>The result kind (<see cref="ValueKind.Void"/> if none).</summary>
    public ValueKind ResultKind { get; }
    /// <summary>Flags.</summary>
    public OpFlags Flags { get; }
    /// <summary>The descriptor the operation takes.</summary>
    public DescrUse Descr { get; }

    /// <summary>True for guards.</summary>
    public bool IsGuard => (Flags & OpFlags.Guard) != 0;
    /// <summary>True for operations without side effects whose result depends only on the arguments.</summary>
    public bool IsPure => (Flags & OpFlags.Pure) != 0;
    /// <summary>True if the operation has no side effects (pure, heap reads, allocations).</summary>
    public bool HasNoSideEffect => (Flags & (OpFlags.Pure | OpFlags.NoSideEffect)) != 0;
    /// <summary>True if the operation has side effects (writes, calls, guards, control).</summary>
    public bool HasSideEffects => !HasNoSideEffect;
    /// <summary>True if pure given its descriptor.</summary>
    public bool IsAlwaysPureWithDescr => (Flags & OpFlags.AlwaysPureWithDescr) != 0;
    /// <summary>True if the operation may raise.</summary>
    public bool CanRaise => (Flags & OpFlags.CanRaise) != 0;
    /// <summary>True for calls.</summary>
    public bool IsCall => (Flags & OpFlags.Call) != 0;
    /// <summary>True for <c>*_ovf</c> operations.</summary>
    public bool IsOvf => (Flags & OpFlags.Ovf) != 0;
    /// <summary>True for <c>jump</c> and <c>finish</c>.</summary>
    public bool IsFinal => (Flags & OpFlags.Final) != 0;
    /// <summary>True for allocations.</summary>
    public bool IsMalloc => (Flags & OpFlags.Malloc) != 0;
    /// <summary>True for comparisons.</summary>
    public bool IsComparison => (Flags & OpFlags.Comparison) != 0;

    /// <summary>The metadata of an opcode.</summary>
    public static OpInfo Of(OpCode code) => Table[(int)code];

    /// <summary>All opcodes' metadata, in enum order.</summary>
    public static IReadOnlyList<OpInfo> All => Table;

    /// <summary>Looks an opcode up by its text name.</summary>
    public static bool TryParse(string name, out OpCode code) => ByName.TryGetValue(name, out code);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static ValueKind KindOf(char c) => c switch
    {
        'i' => ValueKind.Int,
        'f' => ValueKind.Float,
        'r' => ValueKind.Ref,
        'v' or '?' => ValueKind.Void,
        _ => throw new InvalidOperationException($"bad kind letter '{c}'"),
    };

    private static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static OpInfo[] Build()
    {
        const OpFlags G = OpFlags.Guard, P = OpFlags.Pure, N = OpFlags.NoSideEffect,
            AP = OpFlags.AlwaysPureWithDescr, R = OpFlags.CanRaise, C = OpFlags.Call,
            O = OpFlags.Ovf, F = OpFlags.Final, M = OpFlags.Malloc, CMP = OpFlags.Comparison | OpFlags.Pure;
        var list = new List<OpInfo>();
        void D(OpCode code, string args, char result, OpFlags flags = OpFlags.None, DescrUse descr = DescrUse.None) =>
            list.Add(new OpInfo(code, args, result, flags, descr));
        // Variants _i/_f/_r/_n of one operation.
        void Kinds(OpCode first, string args, OpFlags flags, DescrUse descr, string results = "ifrv")
        {
            for (int k = 0; k < results.Length; k++) D(first + k, args, results[k], flags, descr);
        }

        D(OpCode.Label, "*", 'v', OpFlags.None, DescrUse.Target);
        D(OpCode.Jump, "*", 'v', F, DescrUse.Target);
        D(OpCode.Finish, "*", 'v', F, DescrUse.Optional);

        D(OpCode.GuardTrue, "i", 'v', G);
        D(OpCode.GuardFalse, "i", 'v', G);
        D(OpCode.GuardValue, "??", 'v', G);
        D(OpCode.GuardClass, "r", 'v', G, DescrUse.Type);
        D(OpCode.GuardNonnull, "r", 'v', G);
        D(OpCode.GuardIsnull, "r", 'v', G);
        D(OpCode.GuardNonnullClass, "r", 'v', G, DescrUse.Type);
        D(OpCode.GuardIsInstance, "r", 'v', G, DescrUse.Type);
        D(OpCode.GuardNoException, "", 'v', G);
        D(OpCode.GuardException, "", 'r', G, DescrUse.Type);
        D(OpCode.GuardNoOverflow, "", 'v', G);
        D(OpCode.GuardOverflow, "", 'v', G);
        D(OpCode.GuardNotInvalidated, "", 'v', G);
        D(OpCode.GuardNotForced, "", 'v', G);

        for (var op = OpCode.IntAdd; op <= OpCode.UintMulHigh; op++) D(op, "ii", 'i', P);
        D(OpCode.IntNeg, "i", 'i', P);
        D(OpCode.IntInvert, "i", 'i', P);
        D(OpCode.IntIsTrue, "i", 'i', P);
        D(OpCode.IntIsZero, "i", 'i', P);
        D(OpCode.IntForceGeZero, "i", 'i', P);
        for (var op = OpCode.IntLt; op <= OpCode.UintGe; op++) D(op, "ii", 'i', CMP);
        for (var op = OpCode.IntAddOvf; op <= OpCode.IntMulOvf; op++) D(op, "ii", 'i', O);

        for (var op = OpCode.FloatAdd; op <= OpCode.FloatTruediv; op++) D(op, "ff", 'f', P);
        D(OpCode.FloatNeg, "f", 'f', P);
        D(OpCode.FloatAbs, "f", 'f', P);
        for (var op = OpCode.FloatLt; op <= OpCode.FloatGe; op++) D(op, "ff", 'i', CMP);
        D(OpCode.CastIntToFloat, "i", 'f', P);
        D(OpCode.CastFloatToInt, "f", 'i', P);
        D(OpCode.ConvertFloatBytesToLonglong, "f", 'i', P);
        D(OpCode.ConvertLonglongBytesToFloat, "i", 'f', P);

        D(OpCode.PtrEq, "rr", 'i', CMP);
        D(OpCode.PtrNe, "rr", 'i', CMP);
        D(OpCode.SameAsI, "i", 'i', P);
        D(OpCode.SameAsF, "f", 'f', P);
        D(OpCode.SameAsR, "r", 'r', P);

        Kinds(OpCode.GetfieldGcI, "r", N, DescrUse.Field, "ifr");
        Kinds(OpCode.GetfieldGcPureI, "r", N | AP, DescrUse.Field, "ifr");
        D(OpCode.SetfieldGc, "r?", 'v', OpFlags.None, DescrUse.Field);
        D(OpCode.New, "", 'r', N | M, DescrUse.Type);
        D(OpCode.NewWithVtable, "", 'r', N | M, DescrUse.Type);
        D(OpCode.NewArray, "i", 'r', N | M, DescrUse.Array);
        D(OpCode.NewArrayClear, "i", 'r', N | M, DescrUse.Array);
        Kinds(OpCode.GetarrayitemGcI, "ri", N, DescrUse.Array, "ifr");
        Kinds(OpCode.GetarrayitemGcPureI, "ri", N | AP, DescrUse.Array, "ifr");
        D(OpCode.SetarrayitemGc, "ri?", 'v', OpFlags.None, DescrUse.Array);
        D(OpCode.ArraylenGc, "r", 'i', N | AP, DescrUse.Array);
        D(OpCode.Strlen, "r", 'i', N | AP);
        D(OpCode.Strgetitem, "ri", 'i', N);
        D(OpCode.Newstr, "i", 'r', N | M);
        D(OpCode.Strsetitem, "rii", 'v');
        D(OpCode.Copystrcontent, "rriii", 'v');

        Kinds(OpCode.CallI, "*", R | C, DescrUse.Call);
        Kinds(OpCode.CallPureI, "*", R | C | AP, DescrUse.Call);
        Kinds(OpCode.CallMayForceI, "*", R | C, DescrUse.Call);
        Kinds(OpCode.CallLoopinvariantI, "*", R | C, DescrUse.Call);
        Kinds(OpCode.CallAssemblerI, "*", R | C, DescrUse.Loop);
        D(OpCode.CondCall, "*", 'v', R | C, DescrUse.Call);
        D(OpCode.CondCallValueI, "*", 'i', R | C, DescrUse.Call);
        D(OpCode.CondCallValueR, "*", 'r', R | C, DescrUse.Call);

        D(OpCode.SaveException, "", 'r');
        D(OpCode.RestoreException, "r", 'v');
        D(OpCode.DebugMergePoint, "*", 'v');
        D(OpCode.ForceToken, "", 'r', N);
        D(OpCode.QuasiimmutField, "r", 'v', OpFlags.None, DescrUse.Field);
        D(OpCode.VirtualRefR, "rr", 'r', N);
        D(OpCode.VirtualRefFinish, "rr", 'v');
        D(OpCode.RecordExactClass, "r", 'v', OpFlags.None, DescrUse.Type);
        D(OpCode.Keepalive, "?", 'v');
        D(OpCode.RecordKnownResult, "*", 'v', OpFlags.None, DescrUse.Call);

        var table = new OpInfo[Enum.GetValues<OpCode>().Length];
        foreach (var info in list)
        {
            if (table[(int)info.Code] is not null) throw new InvalidOperationException($"{info.Code} defined twice");
            table[(int)info.Code] = info;
        }
        for (int i = 0; i < table.Length; i++)
            if (table[i] is null) throw new InvalidOperationException($"{(OpCode)i} has no metadata");
        return table;
    }
}
