namespace PySharp.Compiler;

/// <summary>
/// PySharp bytecode operations. An instruction is one int: the opcode in the low 8 bits and
/// the argument in the upper 24 bits (<c>op | arg &lt;&lt; 8</c>). Jump arguments are absolute
/// instruction indexes. The set follows CPython 3.11 where it can.
/// </summary>
public enum Op : byte
{
    Nop, PopTop, PushNull, Copy, Swap,
    LoadConst, LoadFast, StoreFast, DeleteFast, LoadFastChecked,
    LoadDeref, StoreDeref, DeleteDeref, LoadClosure, LoadClassDeref,
    LoadGlobal, StoreGlobal, DeleteGlobal,
    LoadName, StoreName, DeleteName,
    LoadAttr, StoreAttr, DeleteAttr, LoadMethod,
    BinaryOp, UnaryNegative, UnaryPositive, UnaryInvert, UnaryNot,
    CompareOp, IsOp, ContainsOp,
    BinarySubscr, StoreSubscr, DeleteSubscr, BuildSlice,
    BuildTuple, BuildList, BuildSet, BuildMap, BuildConstKeyMap, BuildString,
    ListAppend, SetAdd, MapAdd, ListExtend, SetUpdate, DictUpdate, DictMerge, ListToTuple,
    FormatValue, UnpackSequence, UnpackEx,
    Jump, PopJumpIfFalse, PopJumpIfTrue, JumpIfFalseOrPop, JumpIfTrueOrPop, PopJumpIfNone, PopJumpIfNotNone,
    JumpBackward,
    GetIter, ForIter,
    Call, CallKw, CallFunctionEx, MakeFunction,
    ReturnValue, YieldValue, YieldFrom, GetYieldFromIter,
    RaiseVarargs, Reraise, PushExcInfo, PopExcept, CheckExcMatch, WithExceptStart, BeforeWith,
    ImportName, ImportFrom, ImportStar,
    LoadBuildClass, SetupAnnotations, LoadAssertionError, LoadLocals,
    GetLen, MatchClass, MatchMapping, MatchSequence, MatchKeys, CopyDictWithoutKeys,
    /// <summary>Pseudo-instruction: the handler's stack depth is taken here; removed by the assembler.</summary>
    SetupHandler,
    // Coroutines and except* (CPython's GET_AWAITABLE .. PREP_RERAISE_STAR); they run in Interpreter.ExtOp.
    GetAwaitable, GetAIter, GetANext, EndAsyncFor, BeforeAsyncWith, AsyncGenWrap, CheckEgMatch, PrepReraiseStar,
    /// <summary>
    /// Superinstructions, made when a code object is loaded (the compiler never emits them):
    /// the first of a pair executes both, and the second stays in place for jumps that target it.
    /// </summary>
    LoadFastLoadFast, LoadFastLoadConst, StoreFastLoadFast, CompareOpPopJumpIfFalse,
    /// <summary>BinaryOp specialized by operator at load time (the argument is kept for the generic fallback).</summary>
    BinaryAdd, BinarySubtract, BinaryMultiply, BinaryModulo,
}

/// <summary>Binary operator codes used as the argument of <see cref="Op.BinaryOp"/>; in-place forms add <see cref="Inplace"/>.</summary>
public static class BinaryOpCodes
{
    /// <summary>Offset of the in-place variant (<c>+=</c> etc.).</summary>
    public const int Inplace = 16;
    /// <summary>Operator codes, in the order of <see cref="PySharp.Syntax.Ast.Operator"/>.</summary>
    public const int Add = 0, Sub = 1, Mul = 2, MatMul = 3, TrueDiv = 4, Mod = 5, Pow = 6, LShift = 7, RShift = 8, Or = 9, Xor = 10, And = 11, FloorDiv = 12;
}

/// <summary>Flags of a code object.</summary>
[Flags]
public enum CodeFlags
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary>Has a fresh locals namespace (functions).</summary>
    Optimized = 1, NewLocals = 2,
    /// <summary>Has *args.</summary>
    VarArgs = 4,
    /// <summary>Has **kwargs.</summary>
    VarKeywords = 8,
    /// <summary>Nested function.</summary>
    Nested = 16,
    /// <summary>Generator function.</summary>
    Generator = 32,
    /// <summary>No free or cell variables.</summary>
    NoFree = 64,
    /// <summary>Coroutine (async def).</summary>
    Coroutine = 128,
    /// <summary>Generator usable in await (types.coroutine).</summary>
    IterableCoroutine = 256,
    /// <summary>Async generator (async def containing yield).</summary>
    AsyncGenerator = 512,
}

internal static class StackEffects
{
    /// <summary>Stack effect of an instruction; <paramref name="jump"/> selects the branch-taken effect.</summary>
    public static int Of(Op op, int arg, bool jump)
    {
        switch (op)
        {
            case Op.Nop: case Op.SetupHandler: case Op.Jump: case Op.JumpBackward: return 0;
            case Op.PopTop: return -1;
            case Op.PushNull: case Op.Copy: return 1;
            case Op.Swap: return 0;
            case Op.LoadConst: case Op.LoadFast: case Op.LoadFastChecked: case Op.LoadDeref: case Op.LoadClosure:
            case Op.LoadGlobal: case Op.LoadName: case Op.LoadBuildClass: case Op.LoadAssertionError: case Op.LoadLocals:
                return 1;
            case Op.LoadClassDeref: return 0 + 1 - 0;
            case Op.StoreFast: case Op.StoreDeref: case Op.StoreGlobal: case Op.StoreName: return -1;
            case Op.DeleteFast: case Op.DeleteDeref: case Op.DeleteGlobal: case Op.DeleteName: return 0;
            case Op.LoadAttr: return 0;
            case Op.LoadMethod: return 1;
            case Op.StoreAttr: return -2;
            case Op.DeleteAttr: return -1;
            case Op.BinaryOp: case Op.CompareOp: case Op.IsOp: case Op.ContainsOp: case Op.BinarySubscr: return -1;
            case Op.UnaryNegative: case Op.UnaryPositive: case Op.UnaryInvert: case Op.UnaryNot: return 0;
            case Op.StoreSubscr: return -3;
            case Op.DeleteSubscr: return -2;
            case Op.BuildSlice: return 1 - arg;
            case Op.BuildTuple: case Op.BuildList: case Op.BuildSet: case Op.BuildString: return 1 - arg;
            case Op.BuildMap: return 1 - 2 * arg;
            case Op.BuildConstKeyMap: return -arg;
            case Op.ListAppend: case Op.SetAdd: case Op.ListExtend: case Op.SetUpdate: case Op.DictUpdate: case Op.DictMerge: return -1;
            case Op.MapAdd: return -2;
            case Op.ListToTuple: return 0;
            case Op.FormatValue: return (arg & 4) != 0 ? -1 : 0;
            case Op.UnpackSequence: return arg - 1;
            case Op.UnpackEx: return (arg & 0xFF) + (arg >> 8);
            case Op.PopJumpIfFalse: case Op.PopJumpIfTrue: case Op.PopJumpIfNone: case Op.PopJumpIfNotNone: return -1;
            case Op.JumpIfFalseOrPop: case Op.JumpIfTrueOrPop: return jump ? 0 : -1;
            case Op.GetIter: case Op.GetYieldFromIter: return 0;
            case Op.ForIter: return jump ? -1 : 1;
            case Op.Call: return -arg - 1;
            case Op.CallKw: return -arg - 2;
            case Op.CallFunctionEx: return (arg & 1) != 0 ? -3 : -2;
            case Op.MakeFunction:
                {
                    int n = 0;
                    for (int f = 1; f <= 8; f <<= 1) if ((arg & f) != 0) n++;
                    return -n;
                }
            case Op.ReturnValue: return -1;
            case Op.YieldValue: return 0;
            case Op.YieldFrom: return -1;
            case Op.RaiseVarargs: return -arg;
            case Op.Reraise: return -1;
            case Op.PushExcInfo: return 1;
            case Op.PopExcept: return -1;
            case Op.CheckExcMatch: return 0;
            case Op.WithExceptStart: return 1;
            case Op.BeforeWith: return 1;
            case Op.ImportName: return -1;
            case Op.ImportFrom: return 1;
            case Op.ImportStar: return -1;
            case Op.SetupAnnotations: return 0;
            case Op.GetLen: return 1;
            case Op.MatchClass: return -2;
            case Op.MatchMapping: case Op.MatchSequence: return 0;
            case Op.MatchKeys: return 0;
            case Op.CopyDictWithoutKeys: return 0;
            case Op.GetAwaitable: case Op.GetAIter: case Op.AsyncGenWrap: case Op.CheckEgMatch: return 0;
            case Op.GetANext: case Op.BeforeAsyncWith: return 1;
            case Op.EndAsyncFor: return -2;
            case Op.PrepReraiseStar: return -1;
            default: throw new InvalidOperationException("no stack effect for " + op);
        }
    }

    public static bool IsJump(Op op) => op is Op.Jump or Op.JumpBackward or Op.PopJumpIfFalse or Op.PopJumpIfTrue
        or Op.JumpIfFalseOrPop or Op.JumpIfTrueOrPop or Op.PopJumpIfNone or Op.PopJumpIfNotNone or Op.ForIter;

    public static bool IsTerminal(Op op) => op is Op.Jump or Op.JumpBackward or Op.ReturnValue or Op.RaiseVarargs or Op.Reraise;
}
