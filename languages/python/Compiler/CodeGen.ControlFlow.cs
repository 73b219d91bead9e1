using System.Numerics;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

public sealed partial class CodeGen
{
    private FrameBlock PushBlock(FBlock kind, int start = -1, int exit = -1)
    {
        var b = new FrameBlock { Kind = kind, Start = start, Exit = exit, OuterHandler = _u.CurrentHandler };
        _u.Blocks.Add(b);
        return b;
    }

    private void PopBlock() => _u.Blocks.RemoveAt(_u.Blocks.Count - 1);

    private FrameBlock? InnermostLoop()
    {
        for (int i = _u.Blocks.Count - 1; i >= 0; i--)
            if (_u.Blocks[i].Kind is FBlock.WhileLoop or FBlock.ForLoop) return _u.Blocks[i];
        return null;
    }

    /// <summary>Emits the cleanup of every block above the target (loop) or all blocks (return).</summary>
    private void UnwindBlocks(FrameBlock? stopAt, bool preserveTos, bool popLoopItself)
    {
        int savedHandler = _u.CurrentHandler;
        var saved = new List<FrameBlock>(_u.Blocks);
        for (int i = _u.Blocks.Count - 1; i >= 0; i--)
        {
            var b = _u.Blocks[i];
            if (b == stopAt)
            {
                if (popLoopItself && b.Kind == FBlock.ForLoop)
                {
                    if (preserveTos) Emit(Op.Swap, 2);
                    Emit(Op.PopTop);
                }
                break;
            }
            _u.Blocks.RemoveAt(i);
            UnwindOne(b, preserveTos);
        }
        _u.Blocks.Clear();
        _u.Blocks.AddRange(saved);
        _u.CurrentHandler = savedHandler;
    }

    private void UnwindOne(FrameBlock b, bool preserveTos)
    {
        switch (b.Kind)
        {
            case FBlock.WhileLoop: break;
            case FBlock.ForLoop:
                if (preserveTos) Emit(Op.Swap, 2);
                Emit(Op.PopTop);
                break;
            case FBlock.TryExcept:
                _u.CurrentHandler = b.OuterHandler;
                break;
            case FBlock.FinallyTry:
                _u.CurrentHandler = b.OuterHandler;
                VisitBody(b.FinalBody!);
                break;
            case FBlock.FinallyEnd:
                _u.CurrentHandler = b.OuterHandler;
                if (preserveTos) Emit(Op.Swap, 2);
                Emit(Op.PopTop);
                if (preserveTos) Emit(Op.Swap, 2);
                Emit(Op.PopExcept);
                break;
            case FBlock.With:
                _u.CurrentHandler = b.OuterHandler;
                if (preserveTos) Emit(Op.Swap, 2);
                Emit(Op.LoadConst, Const(null));
                Emit(Op.LoadConst, Const(null));
                Emit(Op.LoadConst, Const(null));
                Emit(Op.Call, 2);
                if (b.IsAsync) EmitAwait();
                Emit(Op.PopTop);
                break;
            case FBlock.HandlerCleanup:
                _u.CurrentHandler = b.OuterHandler;
                if (preserveTos) Emit(Op.Swap, 2);
                Emit(Op.PopExcept);
                if (b.Name != null)
                {
                    Emit(Op.LoadConst, Const(null));
                    CompileName(b.Name, Ctx.Store);
                    CompileName(b.Name, Ctx.Del);
                }
                break;
            case FBlock.PopValue:
                if (preserveTos) Emit(Op.Swap, 2);
                Emit(Op.PopTop);
                break;
        }
    }

    private void CompileBreak(Break b)
    {
        var loop = InnermostLoop() ?? throw new CompileError("'break' outside loop", b.Line, b.Col);
        UnwindBlocks(loop, false, true);
        Emit(Op.Jump, loop.Exit);
    }

    private void CompileContinue(Continue c)
    {
        var loop = InnermostLoop() ?? throw new CompileError("'continue' not properly in loop", c.Line, c.Col);
        UnwindBlocks(loop, false, false);
        Emit(Op.Jump, loop.Start);
    }

    private void CompileReturn(Return r)
    {
        if (!_u.Scope.IsFunctionLike) throw new CompileError("'return' outside function", r.Line, r.Col);
        if (r.Value != null && _u.Scope.IsCoroutine && _u.Scope.IsGenerator)
            throw new CompileError("'return' with value in async generator", r.Line, r.Col);
        if (r.Value != null) VisitExpr(r.Value);
        else Emit(Op.LoadConst, Const(null));
        SetLoc(r);
        UnwindBlocks(null, true, false);
        Emit(Op.ReturnValue);
    }

    private void CompileRaise(Raise r)
    {
        int n = 0;
        if (r.Exc != null) { VisitExpr(r.Exc); n = 1; if (r.Cause != null) { VisitExpr(r.Cause); n = 2; } }
        SetLoc(r);
        Emit(Op.RaiseVarargs, n);
    }

    private void CompileAssert(Assert a)
    {
        if (OptimizeLevel > 0) return;
        int end = NewLabel();
        Jump(a.Test, end, true);
        Emit(Op.LoadAssertionError);
        if (a.Msg != null)
        {
            Emit(Op.PushNull);
            Emit(Op.Swap, 2);
            VisitExpr(a.Msg);
            Emit(Op.Call, 1);
        }
        if (LastCompare(a.Test) is { } cmp) SetLoc(cmp); else SetLoc(a);
        Emit(Op.RaiseVarargs, 1);
        Mark(end);
    }

    /// <summary>
    /// The last comparison CPython's compiler passes through when it compiles a condition (it
    /// leaves the comparison's range current): an assertion's raise points there, else at the
    /// statement.
    /// </summary>
    private static Expr? LastCompare(Expr test)
    {
        switch (test)
        {
            case Compare: return test;
            case UnaryOpExpr { Op: UnaryOperator.Not } u: return LastCompare(u.Operand);
            case BoolOp b:
                {
                    Expr? last = null;
                    foreach (var v in b.Values) last = LastCompare(v) ?? last;
                    return last;
                }
            case IfExp i: return LastCompare(i.Orelse) ?? LastCompare(i.Body) ?? LastCompare(i.Test);
            default: return null;
        }
    }

    private void CompileTry(Try t)
    {
        if (t.Finalbody.Count > 0) CompileTryFinally(t);
        else CompileTryExcept(t);
    }

    private void CompileTryFinally(Try t)
    {
        int exc = NewLabel(), end = NewLabel(), cleanup = NewLabel();
        int outer = PushHandler(exc);
        var fb = PushBlock(FBlock.FinallyTry);
        fb.OuterHandler = outer;
        fb.FinalBody = t.Finalbody;
        if (t.Handlers.Count > 0) CompileTryExcept(t);
        else VisitBody(t.Body);
        PopBlock();
        PopHandler(outer);
        VisitBody(t.Finalbody);
        Emit(Op.Jump, end);
        // Exceptional path: run the finally body with the exception saved, then re-raise.
        Mark(exc);
        SetLoc(t.Finalbody[0]);
        Emit(Op.PushExcInfo);
        PushHandler(cleanup, 1);
        var fe = PushBlock(FBlock.FinallyEnd);
        fe.OuterHandler = outer;
        VisitBody(t.Finalbody);
        PopBlock();
        Emit(Op.Reraise);
        EndHandlerRegion(outer, cleanup);
        Mark(end);
    }

    /// <summary>
    /// The part try/except and try/except* share: the body under a handler that jumps past the
    /// else block, then the handler entry (exception info pushed) inside a cleanup region.
    /// </summary>
    private (int Outer, int End, int Cleanup, int Orelse, int HandlerRegion) BeginTryExcept(List<Stmt> body, ExceptHandler first)
    {
        int handler = NewLabel(), end = NewLabel(), cleanup = NewLabel(), orelse = NewLabel();
        int outer = PushHandler(handler);
        var tb = PushBlock(FBlock.TryExcept);
        tb.OuterHandler = outer;
        VisitBody(body);
        PopBlock();
        PopHandler(outer);
        Emit(Op.Jump, orelse);
        Mark(handler);
        SetLoc(first);
        Emit(Op.PushExcInfo);                 // prev, orig
        PushHandler(cleanup, 1);
        return (outer, end, cleanup, orelse, _u.CurrentHandler);
    }

    /// <summary>Leaves a handler region (except or finally); its cleanup restores the previous exception and re-raises.</summary>
    private void EndHandlerRegion(int outer, int cleanup)
    {
        PopHandler(outer);
        Mark(cleanup);
        Emit(Op.Swap, 2);
        Emit(Op.PopExcept);
        Emit(Op.Reraise);
    }

    private void CompileTryExcept(Try t)
    {
        var (outer, end, cleanup, orelse, handlerRegion) = BeginTryExcept(t.Body, t.Handlers[0]);
        for (int i = 0; i < t.Handlers.Count; i++)
        {
            var h = t.Handlers[i];
            SetLoc(h);
            if (h.Type == null && i < t.Handlers.Count - 1)
                throw new CompileError("default 'except:' must be last", h.Line, h.Col);
            int next = NewLabel();
            if (h.Type != null)
            {
                VisitExpr(h.Type);
                Emit(Op.CheckExcMatch);
                Emit(Op.PopJumpIfFalse, next);
            }
            if (h.Name != null)
            {
                CompileName(h.Name, Ctx.Store);
                int nameCleanup = NewLabel();
                PushHandler(nameCleanup);
                var hc = PushBlock(FBlock.HandlerCleanup);
                hc.OuterHandler = handlerRegion;
                hc.Name = h.Name;
                VisitBody(h.Body);
                PopBlock();
                PopHandler(handlerRegion);
                Emit(Op.PopExcept);
                Emit(Op.LoadConst, Const(null));
                CompileName(h.Name, Ctx.Store);
                CompileName(h.Name, Ctx.Del);
                Emit(Op.Jump, end);
                Mark(nameCleanup);
                Emit(Op.LoadConst, Const(null));
                CompileName(h.Name, Ctx.Store);
                CompileName(h.Name, Ctx.Del);
                Emit(Op.Reraise);
            }
            else
            {
                Emit(Op.PopTop);
                var hc = PushBlock(FBlock.HandlerCleanup);
                hc.OuterHandler = handlerRegion;
                VisitBody(h.Body);
                PopBlock();
                _u.CurrentHandler = outer;
                Emit(Op.PopExcept);
                _u.CurrentHandler = handlerRegion;
                Emit(Op.Jump, end);
            }
            Mark(next);
        }
        Emit(Op.Reraise);
        EndHandlerRegion(outer, cleanup);
        Mark(orelse);
        VisitBody(t.Orelse);
        Mark(end);
    }

    private void CompileWith(With w, int item) => CompileWith(w.Items, w.Body, w, item, isAsync: false);

    /// <summary>
    /// <c>with</c> and <c>async with</c> (one item per nesting level, as CPython compiles them):
    /// the async form awaits the results of <c>__aenter__</c> and <c>__aexit__</c>.
    /// </summary>
    private void CompileWith(List<WithItem> items, List<Stmt> body, Stmt stmt, int item, bool isAsync)
    {
        var it = items[item];
        int exc = NewLabel(), end = NewLabel(), cleanup = NewLabel(), suppress = NewLabel();
        VisitExpr(it.ContextExpr);
        SetLoc(stmt);
        Emit(isAsync ? Op.BeforeAsyncWith : Op.BeforeWith);
        if (isAsync) EmitAwait();
        int outer = PushHandler(exc, 1);
        var wb = PushBlock(FBlock.With);
        wb.OuterHandler = outer;
        wb.IsAsync = isAsync;
        if (it.OptionalVars != null) Store(it.OptionalVars);
        else Emit(Op.PopTop);
        if (item + 1 < items.Count) CompileWith(items, body, stmt, item + 1, isAsync);
        else VisitBody(body);
        PopBlock();
        PopHandler(outer);
        SetLoc(stmt);
        Emit(Op.LoadConst, Const(null));
        Emit(Op.LoadConst, Const(null));
        Emit(Op.LoadConst, Const(null));
        Emit(Op.Call, 2);
        if (isAsync) EmitAwait();
        Emit(Op.PopTop);
        Emit(Op.Jump, end);
        Mark(exc);
        Emit(Op.PushExcInfo);
        PushHandler(cleanup, 1);
        Emit(Op.WithExceptStart);
        if (isAsync) EmitAwait();
        Emit(Op.PopJumpIfTrue, suppress);
        Emit(Op.Reraise);
        Mark(suppress);
        Emit(Op.PopTop);
        Emit(Op.PopExcept);
        Emit(Op.PopTop);
        PopHandler(outer);
        Emit(Op.Jump, end);
        Mark(cleanup);
        Emit(Op.Swap, 2);
        Emit(Op.PopExcept);
        Emit(Op.Reraise);
        Mark(end);
    }
}
