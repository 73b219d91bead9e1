using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

public sealed partial class CodeGen
{
    // ---- await, async for, async with (CPython 3.11's GET_AWAITABLE + SEND, here YIELD_FROM) ----

    /// <summary>Awaits TOS: converts it to an awaitable iterator and delegates to it until it returns.</summary>
    private void EmitAwait()
    {
        Emit(Op.GetAwaitable);
        Emit(Op.LoadConst, Const(null));
        Emit(Op.YieldFrom);
    }

    /// <summary>
    /// With the async iterator on TOS, pushes the awaited result of <c>__anext__</c>; a
    /// StopAsyncIteration goes to <paramref name="end"/> with [aiter, exc] on the stack.
    /// </summary>
    private void EmitAsyncNext(int end)
    {
        int outer = PushHandler(end);
        Emit(Op.GetANext);
        Emit(Op.LoadConst, Const(null));
        Emit(Op.YieldFrom);
        PopHandler(outer);
    }

    private void CompileAsyncFor(AsyncFor f)
    {
        int start = NewLabel(), stop = NewLabel(), end = NewLabel();
        VisitExpr(f.Iter);
        SetLoc(f);
        Emit(Op.GetAIter);
        Mark(start);
        EmitAsyncNext(stop);
        PushBlock(FBlock.ForLoop, start, end);
        Store(f.Target);
        VisitBody(f.Body);
        PopBlock();
        SetLoc(f);
        Emit(Op.JumpBackward, start);
        Mark(stop);
        Emit(Op.EndAsyncFor);
        VisitBody(f.Orelse);
        Mark(end);
    }

    private void CompileAsyncWith(AsyncWith w, int item) => CompileWith(w.Items, w.Body, w, item, isAsync: true);

    // ---- try / except* (PEP 654) ----

    private void CompileTryStar(TryStar t)
    {
        foreach (var h in t.Handlers)
        {
            if (h.Type == null) throw new CompileError("expected one or more exception types", h.Line, h.Col);
            CheckNoJumpOut(h.Body, false, _u.Scope.IsFunctionLike);
        }
        if (t.Finalbody.Count > 0)
        {
            // try/except*/finally is try/finally around try/except*.
            var inner = new TryStar { Body = t.Body, Handlers = t.Handlers, Orelse = t.Orelse, Line = t.Line, Col = t.Col, EndLine = t.EndLine, EndCol = t.EndCol };
            var wrap = new Try { Body = [inner], Finalbody = t.Finalbody, Line = t.Line, Col = t.Col, EndLine = t.EndLine, EndCol = t.EndCol };
            CompileTryFinally(wrap);
            return;
        }
        var (outer, end, cleanup, orelse, handlerRegion) = BeginTryExcept(t.Body, t.Handlers[0]);
        Emit(Op.Copy, 1);                     // prev, orig, rest
        Emit(Op.BuildList, 0);
        Emit(Op.Swap, 2);                     // prev, orig, raised, rest
        foreach (var h in t.Handlers)
        {
            SetLoc(h);
            int next = NewLabel(), nomatch = NewLabel(), hexc = NewLabel();
            VisitExpr(h.Type!);
            Emit(Op.CheckEgMatch);            // rest', match
            Emit(Op.Copy, 1);
            Emit(Op.PopJumpIfNone, nomatch);
            if (h.Name != null) CompileName(h.Name, Ctx.Store);
            else Emit(Op.PopTop);
            PushHandler(hexc);
            VisitBody(h.Body);
            PopHandler(handlerRegion);
            ClearHandlerName(h.Name);
            Emit(Op.Jump, next);
            Mark(hexc);                       // an exception raised by the handler joins the raised list
            Emit(Op.ListAppend, 2);
            ClearHandlerName(h.Name);
            Emit(Op.Jump, next);
            Mark(nomatch);
            Emit(Op.PopTop);
            Mark(next);
        }
        Emit(Op.PrepReraiseStar);             // raises what is left, or pushes None
        Emit(Op.PopTop);
        Emit(Op.PopTop);
        Emit(Op.PopExcept);
        Emit(Op.Jump, end);
        EndHandlerRegion(outer, cleanup);
        Mark(orelse);
        VisitBody(t.Orelse);
        Mark(end);
    }

    private void ClearHandlerName(string? name)
    {
        if (name == null) return;
        Emit(Op.LoadConst, Const(null));
        CompileName(name, Ctx.Store);
        CompileName(name, Ctx.Del);
    }

    /// <summary>break, continue and return may not leave an except* block (loops and functions inside may use them).</summary>
    private static void CheckNoJumpOut(List<Stmt> body, bool inLoop, bool inFunction)
    {
        foreach (var s in body)
        {
            switch (s)
            {
                case Break or Continue when !inLoop:
                case Return when inFunction:
                    throw new CompileError("'break', 'continue' and 'return' cannot appear in an except* block", s.Line, s.Col);
                case For f: CheckNoJumpOut(f.Body, true, inFunction); CheckNoJumpOut(f.Orelse, inLoop, inFunction); break;
                case AsyncFor f: CheckNoJumpOut(f.Body, true, inFunction); CheckNoJumpOut(f.Orelse, inLoop, inFunction); break;
                case While w: CheckNoJumpOut(w.Body, true, inFunction); CheckNoJumpOut(w.Orelse, inLoop, inFunction); break;
                case If i: CheckNoJumpOut(i.Body, inLoop, inFunction); CheckNoJumpOut(i.Orelse, inLoop, inFunction); break;
                case With w: CheckNoJumpOut(w.Body, inLoop, inFunction); break;
                case AsyncWith w: CheckNoJumpOut(w.Body, inLoop, inFunction); break;
                case Try t:
                    CheckNoJumpOut(t.Body, inLoop, inFunction); CheckNoJumpOut(t.Orelse, inLoop, inFunction); CheckNoJumpOut(t.Finalbody, inLoop, inFunction);
                    foreach (var h in t.Handlers) CheckNoJumpOut(h.Body, inLoop, inFunction);
                    break;
                case TryStar t:
                    CheckNoJumpOut(t.Body, inLoop, inFunction); CheckNoJumpOut(t.Orelse, inLoop, inFunction); CheckNoJumpOut(t.Finalbody, inLoop, inFunction);
                    break;
            }
        }
    }
}
