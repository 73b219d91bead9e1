using System.Numerics;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

public sealed partial class CodeGen
{
    // ---- statements ----

    private static string? DocString(List<Stmt> body) =>
        body.Count > 0 && body[0] is ExprStmt { Value: Constant { Value: string s } } ? s : null;

    private void CompileBody(List<Stmt> body, bool isModule)
    {
        int start = 0;
        if (isModule && HasAnnotations(body)) Emit(Op.SetupAnnotations);
        var doc = DocString(body);
        if (doc != null)
        {
            SetLoc(body[0]);
            Emit(Op.LoadConst, Const(doc));
            CompileName("__doc__", Ctx.Store);
            start = 1;
        }
        for (int i = start; i < body.Count; i++) VisitStmt(body[i]);
    }

    private static bool HasAnnotations(List<Stmt> body)
    {
        foreach (var s in body)
        {
            switch (s)
            {
                case AnnAssign: return true;
                case For f when HasAnnotations(f.Body) || HasAnnotations(f.Orelse): return true;
                case While w when HasAnnotations(w.Body) || HasAnnotations(w.Orelse): return true;
                case If i when HasAnnotations(i.Body) || HasAnnotations(i.Orelse): return true;
                case With w when HasAnnotations(w.Body): return true;
                case Try t when HasAnnotations(t.Body) || HasAnnotations(t.Orelse) || HasAnnotations(t.Finalbody): return true;
            }
        }
        return false;
    }

    private void VisitBody(List<Stmt> body) { foreach (var s in body) VisitStmt(s); }

    private void VisitStmt(Stmt s)
    {
        SetLoc(s);
        switch (s)
        {
            case ExprStmt e:
                if (e.Value is Constant && !_interactive) { Emit(Op.Nop); break; }
                VisitExpr(e.Value);
                if (_interactive && _u.Scope.Kind == ScopeKind.Module)
                {
                    // sys.displayhook via a builtin name the interpreter provides.
                    Emit(Op.LoadConst, Const(null)); // placeholder slot, replaced below
                    _u.Instrs.RemoveAt(_u.Instrs.Count - 1);
                    Emit(Op.PushNull);
                    Emit(Op.Swap, 2);
                    Emit(Op.LoadGlobal, NameIdx("__displayhook__"));
                    Emit(Op.Swap, 2);
                    Emit(Op.Call, 1);
                }
                Emit(Op.PopTop);
                break;
            case Pass: Emit(Op.Nop); break;
            case Assign a:
                VisitExpr(a.Value);
                for (int i = 0; i < a.Targets.Count; i++)
                {
                    if (i < a.Targets.Count - 1) Emit(Op.Copy, 1);
                    Store(a.Targets[i]);
                }
                break;
            case AugAssign a: CompileAugAssign(a); break;
            case AnnAssign a: CompileAnnAssign(a); break;
            case Delete d: foreach (var t in d.Targets) CompileDelete(t); break;
            case If i: CompileIf(i); break;
            case While w: CompileWhile(w); break;
            case For f: CompileFor(f); break;
            case Break b: CompileBreak(b); break;
            case Continue c: CompileContinue(c); break;
            case Return r: CompileReturn(r); break;
            case FunctionDef f: CompileFunctionDef(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, false); break;
            case AsyncFunctionDef f: CompileFunctionDef(f, f.Name, f.Args, f.Body, f.DecoratorList, f.Returns, true); break;
            case ClassDef c: CompileClassDef(c); break;
            case Raise r: CompileRaise(r); break;
            case Try t: CompileTry(t); break;
            case TryStar t: CompileTryStar(t); break;
            case AsyncFor f: CompileAsyncFor(f); break;
            case AsyncWith w: CompileAsyncWith(w, 0); break;
            case With w: CompileWith(w, 0); break;
            case Assert a: CompileAssert(a); break;
            case Import im: CompileImport(im); break;
            case ImportFrom im: CompileImportFrom(im); break;
            case Global or Nonlocal: Emit(Op.Nop); break;
            case Match m: CompileMatch(m); break;
            default: throw new CompileError($"'{s.GetType().Name}' is not supported by PySharp yet", s.Line, s.Col);
        }
    }

    private void Store(Expr target)
    {
        var saved = _u.Loc;
        SetLoc(target);
        StoreTarget(target);
        _u.Loc = saved;
    }

    private void StoreTarget(Expr target)
    {
        switch (target)
        {
            case Name n: CompileName(n.Id, Ctx.Store); break;
            case A.Attribute a:
                VisitExpr(a.Value);
                SetLoc(a);
                Emit(Op.StoreAttr, NameIdx(Mangle(_privateName, a.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitExpr(s.Slice);
                Emit(Op.StoreSubscr);
                break;
            case A.Tuple t: StoreSequence(t.Elts, t); break;
            case A.List l: StoreSequence(l.Elts, l); break;
            case Starred st: throw new CompileError("starred assignment target must be in a list or tuple", st.Line, st.Col);
            default: throw new CompileError("cannot assign to expression", target.Line, target.Col);
        }
    }

    private void StoreSequence(List<Expr> elts, Expr at)
    {
        int star = -1;
        for (int i = 0; i < elts.Count; i++)
            if (elts[i] is Starred)
            {
                if (star >= 0) throw new CompileError("multiple starred expressions in assignment", at.Line, at.Col);
                star = i;
            }
        if (star < 0) Emit(Op.UnpackSequence, elts.Count);
        else Emit(Op.UnpackEx, star | ((elts.Count - star - 1) << 8));
        foreach (var e in elts) Store(e is Starred s ? s.Value : e);
    }

    private void CompileDelete(Expr t)
    {
        var saved = _u.Loc;
        SetLoc(t);
        DeleteTarget(t);
        _u.Loc = saved;
    }

    private void DeleteTarget(Expr t)
    {
        switch (t)
        {
            case Name n: CompileName(n.Id, Ctx.Del); break;
            case A.Attribute a: VisitExpr(a.Value); Emit(Op.DeleteAttr, NameIdx(Mangle(_privateName, a.Attr))); break;
            case Subscript s: VisitExpr(s.Value); VisitExpr(s.Slice); Emit(Op.DeleteSubscr); break;
            case A.Tuple tu: foreach (var e in tu.Elts) CompileDelete(e); break;
            case A.List l: foreach (var e in l.Elts) CompileDelete(e); break;
            default: throw new CompileError("cannot delete expression", t.Line, t.Col);
        }
    }

    private void CompileAugAssign(AugAssign a)
    {
        // Loading and storing the target carry the target's range, the operation the statement's.
        int op = (int)a.Op + BinaryOpCodes.Inplace;
        var stmt = _u.Loc;
        SetLoc(a.Target);
        switch (a.Target)
        {
            case Name n:
                CompileName(n.Id, Ctx.Load);
                _u.Loc = stmt;
                VisitExpr(a.Value);
                Emit(Op.BinaryOp, op);
                SetLoc(a.Target);
                CompileName(n.Id, Ctx.Store);
                break;
            case A.Attribute at:
                VisitExpr(at.Value);
                Emit(Op.Copy, 1);
                MatchAttrStart(at);
                Emit(Op.LoadAttr, NameIdx(Mangle(_privateName, at.Attr)));
                _u.Loc = stmt;
                VisitExpr(a.Value);
                Emit(Op.BinaryOp, op);
                SetLoc(a.Target);
                MatchAttrStart(at);
                Emit(Op.Swap, 2);
                Emit(Op.StoreAttr, NameIdx(Mangle(_privateName, at.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitExpr(s.Slice);
                Emit(Op.Copy, 2);
                Emit(Op.Copy, 2);
                Emit(Op.BinarySubscr);
                _u.Loc = stmt;
                VisitExpr(a.Value);
                Emit(Op.BinaryOp, op);
                SetLoc(a.Target);
                Emit(Op.Swap, 3);
                Emit(Op.Swap, 2);
                Emit(Op.StoreSubscr);
                break;
            default: throw new CompileError("illegal expression for augmented assignment", a.Line, a.Col);
        }
        _u.Loc = stmt;
    }

    private void CompileAnnAssign(AnnAssign a)
    {
        if (a.Value != null)
        {
            VisitExpr(a.Value);
            Store(a.Target);
        }
        if (a.Target is Name n && a.Simple && _u.Scope.Kind != ScopeKind.Function && _u.Scope.Kind != ScopeKind.Comprehension)
        {
            VisitExpr(a.Annotation);
            CompileName("__annotations__", Ctx.Load);
            Emit(Op.LoadConst, Const(Mangle(_privateName, n.Id)));
            Emit(Op.StoreSubscr);
        }
    }

    private void CompileIf(If i)
    {
        int end = NewLabel();
        int orelse = i.Orelse.Count > 0 ? NewLabel() : end;
        Jump(i.Test, orelse, false);
        VisitBody(i.Body);
        if (i.Orelse.Count > 0)
        {
            Emit(Op.Jump, end);
            Mark(orelse);
            VisitBody(i.Orelse);
        }
        Mark(end);
    }

    private static bool IsConstTrue(Expr e) => e is Constant { Value: bool b } && b || e is Constant { Value: BigInteger bi } && !bi.IsZero;

    private void CompileWhile(While w)
    {
        int start = NewLabel(), orelse = NewLabel(), end = NewLabel();
        Mark(start);
        if (!IsConstTrue(w.Test)) Jump(w.Test, orelse, false);
        PushBlock(FBlock.WhileLoop, start, end);
        VisitBody(w.Body);
        PopBlock();
        SetLoc(w);
        Emit(Op.JumpBackward, start);
        Mark(orelse);
        VisitBody(w.Orelse);
        Mark(end);
    }

    private void CompileFor(For f)
    {
        int start = NewLabel(), cleanup = NewLabel(), end = NewLabel();
        VisitExpr(f.Iter);
        SetLoc(f);
        Emit(Op.GetIter);
        Mark(start);
        Emit(Op.ForIter, cleanup);
        PushBlock(FBlock.ForLoop, start, end);
        Store(f.Target);
        VisitBody(f.Body);
        PopBlock();
        SetLoc(f);
        Emit(Op.JumpBackward, start);
        Mark(cleanup);
        VisitBody(f.Orelse);
        Mark(end);
    }

    private void CompileImport(Import im)
    {
        foreach (var al in im.Names)
        {
            Emit(Op.LoadConst, Const(BigInteger.Zero));
            Emit(Op.LoadConst, Const(null));
            Emit(Op.ImportName, NameIdx(al.Name));
            if (al.Asname != null)
            {
                var parts = al.Name.Split('.');
                for (int i = 1; i < parts.Length; i++) Emit(Op.LoadAttr, NameIdx(parts[i]));
                CompileName(al.Asname, Ctx.Store);
            }
            else CompileName(al.Name.Split('.')[0], Ctx.Store);
        }
    }

    private void CompileImportFrom(ImportFrom im)
    {
        var names = new object?[im.Names.Count];
        for (int i = 0; i < names.Length; i++) names[i] = im.Names[i].Name;
        Emit(Op.LoadConst, Const(new BigInteger(im.Level)));
        Emit(Op.LoadConst, Const(new ConstTuple(names)));
        Emit(Op.ImportName, NameIdx(im.Module ?? ""));
        if (im.Names.Count == 1 && im.Names[0].Name == "*")
        {
            Emit(Op.ImportStar);
            return;
        }
        foreach (var al in im.Names)
        {
            Emit(Op.ImportFrom, NameIdx(al.Name));
            CompileName(al.Asname ?? al.Name, Ctx.Store);
        }
        Emit(Op.PopTop);
    }
}
