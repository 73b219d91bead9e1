namespace RSharp.Jit.Traces;

/// <summary>
/// The closed set of trace operations, in the RPython manner. The text name of each is its
/// enum name in snake case (<see cref="IntAddOvf"/> is <c>int_add_ovf</c>); the metadata
/// (signature, flags, descriptor) is in <see cref="OpInfo"/>. A suffix <c>_i</c>/<c>_f</c>/<c>_r</c>/<c>_n</c>
/// names the result kind (int, float, ref, none).
/// </summary>
public enum OpCode
{
    // ---- control ----
    /// <summary><c>label(args, descr=Target)</c>: a jump target; its arguments are the loop's live values.</summary>
    Label,
    /// <summary><c>jump(args, descr=Target)</c>: continue at the label of the target token.</summary>
    Jump,
    /// <summary><c>finish(args)</c>: leave compiled code with the arguments as results.</summary>
    Finish,

    // ---- guards ----
    /// <summary>Fails unless the int is non-zero.</summary>
    GuardTrue,
    /// <summary>Fails unless the int is zero.</summary>
    GuardFalse,
    /// <summary>Fails unless the first argument equals the second (a constant); refs by identity, floats bitwise.</summary>
    GuardValue,
    /// <summary>Fails unless the (non-null) object's exact type is the descriptor's type.</summary>
    GuardClass,
    /// <summary>Fails if the ref is null.</summary>
    GuardNonnull,
    /// <summary>Fails unless the ref is null.</summary>
    GuardIsnull,
    /// <summary>Fails if the ref is null or its exact type is not the descriptor's type.</summary>
    GuardNonnullClass,
    /// <summary>Fails unless the object is an instance of the descriptor's type or a subtype (.NET <c>isinst</c>).</summary>
    GuardIsInstance,
    /// <summary>Fails if the preceding call raised.</summary>
    GuardNoException,
    /// <summary>Fails unless the preceding call raised an exception of exactly the descriptor's type; the result is the exception.</summary>
    GuardException,
    /// <summary>Fails if the preceding <c>*_ovf</c> operation overflowed.</summary>
    GuardNoOverflow,
    /// <summary>Fails unless the preceding <c>*_ovf</c> operation overflowed.</summary>
    GuardOverflow,
    /// <summary>Fails once the compiled loop has been invalidated (a quasi-immutable field changed).</summary>
    GuardNotInvalidated,
    /// <summary>Fails if the frame's force token was forced during the preceding <c>call_may_force</c>.</summary>
    GuardNotForced,

    // ---- integer arithmetic (wrap-around on 64 bits) ----
#pragma warning disable CS1591 // self-describing arithmetic opcodes
    IntAdd, IntSub, IntMul, IntFloordiv, IntMod, IntAnd, IntOr, IntXor,
    IntLshift, IntRshift, UintRshift, UintFloordiv, UintMulHigh,
    IntNeg, IntInvert, IntIsTrue, IntIsZero, IntForceGeZero,
    IntLt, IntLe, IntEq, IntNe, IntGt, IntGe,
    UintLt, UintLe, UintGt, UintGe,
    IntAddOvf, IntSubOvf, IntMulOvf,

    // ---- floats ----
    FloatAdd, FloatSub, FloatMul, FloatTruediv, FloatNeg, FloatAbs,
    FloatLt, FloatLe, FloatEq, FloatNe, FloatGt, FloatGe,
    CastIntToFloat, CastFloatToInt,
    ConvertFloatBytesToLonglong, ConvertLonglongBytesToFloat,

    // ---- references and copies ----
    PtrEq, PtrNe,
    SameAsI, SameAsF, SameAsR,

    // ---- heap ----
    GetfieldGcI, GetfieldGcF, GetfieldGcR,
    GetfieldGcPureI, GetfieldGcPureF, GetfieldGcPureR,
    SetfieldGc,
    New, NewWithVtable, NewArray, NewArrayClear,
    GetarrayitemGcI, GetarrayitemGcF, GetarrayitemGcR,
    GetarrayitemGcPureI, GetarrayitemGcPureF, GetarrayitemGcPureR,
    SetarrayitemGc, ArraylenGc,
    Strlen, Strgetitem, Newstr, Strsetitem, Copystrcontent,

    // ---- calls ----
    CallI, CallF, CallR, CallN,
    CallPureI, CallPureF, CallPureR, CallPureN,
    CallMayForceI, CallMayForceF, CallMayForceR, CallMayForceN,
    CallLoopinvariantI, CallLoopinvariantF, CallLoopinvariantR, CallLoopinvariantN,
    CallAssemblerI, CallAssemblerF, CallAssemblerR, CallAssemblerN,
    CondCall, CondCallValueI, CondCallValueR,
#pragma warning restore CS1591

    // ---- exceptions ----
    /// <summary>Takes the pending exception (the one a <c>guard_exception</c> saw) and clears it; null if none.</summary>
    SaveException,
    /// <summary>Makes the argument (or nothing, if null) the pending exception.</summary>
    RestoreException,

    // ---- misc ----
    /// <summary>Marks where the interpreter's merge point was; arguments are constants for the log.</summary>
    DebugMergePoint,
    /// <summary>The token of the running frame, which a <c>call_may_force</c> callee may force.</summary>
    ForceToken,
    /// <summary>Records that the trace read a quasi-immutable field of the object (the descriptor).</summary>
    QuasiimmutField,
    /// <summary>A virtual reference to the first argument (the second is the force token); equal to the argument once compiled.</summary>
    VirtualRefR,
    /// <summary>Ends the life of a virtual reference.</summary>
    VirtualRefFinish,
    /// <summary>Hint: the object's exact type is the descriptor's type.</summary>
    RecordExactClass,
    /// <summary>Keeps the argument alive up to this point.</summary>
    Keepalive,
    /// <summary>
    /// Hint: the elidable call of the descriptor on the arguments after the first returns the
    /// first (RPython's <c>record_known_result</c>); the optimizer folds such calls and drops this.
    /// </summary>
    RecordKnownResult,
}
