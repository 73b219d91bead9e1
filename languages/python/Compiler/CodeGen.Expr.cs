using System.Numerics;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

public sealed partial class CodeGen
{
    private void VisitExpr(Expr e)
    {
        var saved = _u.Loc;
        SetLoc(e);
        CompileExpr(e);
        _u.Loc = saved;
    }

    private void CompileExpr(Expr e)
    {
        switch (e)
        {
            case Constant c: Emit(Op.LoadConst, Const(c.Value)); break;
            case Name n:
                if (n.Ctx != ExprContext.Load) throw new CompileError("bad name context", n.Line, n.Col);
                CompileName(n.Id, Ctx.Load);
                break;
            case BinOp b:
                VisitExpr(b.Left);
                VisitExpr(b.Right);
                SetLoc(b);
                Emit(Op.BinaryOp, (int)b.Op);
                break;
            case UnaryOpExpr u:
                if (u.Op == UnaryOperator.USub && u.Operand is Constant { Value: BigInteger or double or Complex } k)
                {
                    object? v = k.Value switch { BigInteger bi => -bi, double d => -d, Complex cx => -cx, _ => null };
                    Emit(Op.LoadConst, Const(v));
                    break;
                }
                VisitExpr(u.Operand);
                Emit(u.Op switch
                {
                    UnaryOperator.USub => Op.UnaryNegative,
                    UnaryOperator.UAdd => Op.UnaryPositive,
                    UnaryOperator.Invert => Op.UnaryInvert,
                    _ => Op.UnaryNot,
                });
                break;
            case BoolOp b:
                {
                    int end = NewLabel();
                    for (int i = 0; i < b.Values.Count; i++)
                    {
                        VisitExpr(b.Values[i]);
                        if (i < b.Values.Count - 1)
                            Emit(b.Op == BoolOperator.And ? Op.JumpIfFalseOrPop : Op.JumpIfTrueOrPop, end);
                    }
                    Mark(end);
                    break;
                }
            case Compare c: CompileCompare(c); break;
            case IfExp i:
                {
                    int end = NewLabel(), orelse = NewLabel();
                    Jump(i.Test, orelse, false);
                    VisitExpr(i.Body);
                    Emit(Op.Jump, end);
                    Mark(orelse);
                    VisitExpr(i.Orelse);
                    Mark(end);
                    break;
                }
            case NamedExpr ne:
                VisitExpr(ne.Value);
                Emit(Op.Copy, 1);
                Store(ne.Target);
                break;
            case A.Attribute a:
                VisitExpr(a.Value);
                SetLoc(a);
                MatchAttrStart(a);
                Emit(Op.LoadAttr, NameIdx(Mangle(_privateName, a.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitExpr(s.Slice);
                SetLoc(s);
                Emit(Op.BinarySubscr);
                break;
            case Slice sl:
                if (sl.Lower != null) VisitExpr(sl.Lower); else Emit(Op.LoadConst, Const(null));
                if (sl.Upper != null) VisitExpr(sl.Upper); else Emit(Op.LoadConst, Const(null));
                if (sl.Step != null) { VisitExpr(sl.Step); Emit(Op.BuildSlice, 3); }
                else Emit(Op.BuildSlice, 2);
                break;
            case Call c: CompileCall(c); break;
            case A.Tuple t:
                if (TryConstTuple(t.Elts, out var ct)) { Emit(Op.LoadConst, Const(ct)); break; }
                if (CompileStarredSequence(t.Elts, Op.BuildTuple)) Emit(Op.ListToTuple);
                break;
            case A.List l: CompileStarredSequence(l.Elts, Op.BuildList); break;
            case A.Set s:
                if (HasStar(s.Elts))
                {
                    Emit(Op.BuildSet, 0);
                    foreach (var x in s.Elts)
                    {
                        if (x is Starred st) { VisitExpr(st.Value); Emit(Op.SetUpdate, 1); }
                        else { VisitExpr(x); Emit(Op.SetAdd, 1); }
                    }
                }
                else if (s.Elts.Count > 2 && TryConstTuple(s.Elts, out var cset))
                {
                    // CPython 3.11 builds constant set displays from a frozenset constant (this fixes the table layout).
                    Emit(Op.BuildSet, 0);
                    Emit(Op.LoadConst, Const(new ConstFrozenSet(cset.Items)));
                    Emit(Op.SetUpdate, 1);
                }
                else
                {
                    foreach (var x in s.Elts) VisitExpr(x);
                    Emit(Op.BuildSet, s.Elts.Count);
                }
                break;
            case A.Dict d: CompileDict(d); break;
            case JoinedStr j:
                foreach (var v in j.Values) VisitExpr(v);
                if (j.Values.Count == 1 && j.Values[0] is FormattedValue) break;
                if (j.Values.Count == 0) { Emit(Op.LoadConst, Const("")); break; }
                Emit(Op.BuildString, j.Values.Count);
                break;
            case FormattedValue f:
                {
                    VisitExpr(f.Value);
                    int flags = f.Conversion switch { 's' => 1, 'r' => 2, 'a' => 3, _ => 0 };
                    if (f.FormatSpec != null) { VisitExpr(f.FormatSpec); flags |= 4; }
                    Emit(Op.FormatValue, flags);
                    break;
                }
            case Lambda l: CompileLambda(l); break;
            case ListComp c: CompileComprehension(c, "<listcomp>", c.Generators, c.Elt, null, Op.BuildList); break;
            case SetComp c: CompileComprehension(c, "<setcomp>", c.Generators, c.Elt, null, Op.BuildSet); break;
            case DictComp c: CompileComprehension(c, "<dictcomp>", c.Generators, c.Key, c.Value, Op.BuildMap); break;
            case GeneratorExp c: CompileComprehension(c, "<genexpr>", c.Generators, c.Elt, null, Op.Nop); break;
            case Yield y:
                if (y.Value != null) VisitExpr(y.Value); else Emit(Op.LoadConst, Const(null));
                if (_u.Scope.IsCoroutine) Emit(Op.AsyncGenWrap);
                Emit(Op.YieldValue);
                break;
            case YieldFrom y:
                VisitExpr(y.Value);
                Emit(Op.GetYieldFromIter);
                Emit(Op.LoadConst, Const(null));
                Emit(Op.YieldFrom);
                break;
            case Starred s: throw new CompileError("can't use starred expression here", s.Line, s.Col);
            case Await a:
                VisitExpr(a.Value);
                EmitAwait();
                break;
            default: throw new CompileError($"'{e.GetType().Name}' is not supported by PySharp yet", e.Line, e.Col);
        }
    }

    private static bool HasStar(List<Expr> elts)
    {
        foreach (var x in elts) if (x is Starred) return true;
        return false;
    }

    private static bool TryConstTuple(List<Expr> elts, out ConstTuple tuple)
    {
        tuple = null!;
        if (elts.Count == 0) { tuple = new ConstTuple([]); return true; }
        var items = new object?[elts.Count];
        for (int i = 0; i < elts.Count; i++)
        {
            if (elts[i] is Constant c) items[i] = c.Value;
            else if (elts[i] is UnaryOpExpr { Op: UnaryOperator.USub, Operand: Constant { Value: BigInteger or double or Complex } neg })
                items[i] = neg.Value switch { BigInteger bi => -bi, double d => -d, Complex cx => -cx, _ => null };
            else if (elts[i] is A.Tuple t && TryConstTuple(t.Elts, out var inner)) items[i] = inner;
            else return false;
        }
        tuple = new ConstTuple(items);
        return true;
    }

    /// <summary>Builds a list or tuple; returns true when the result is a list that must still become a tuple.</summary>
    private bool CompileStarredSequence(List<Expr> elts, Op build)
    {
        if (!HasStar(elts))
        {
            foreach (var x in elts) VisitExpr(x);
            Emit(build, elts.Count);
            return false;
        }
        int pending = 0;
        bool built = false;
        foreach (var x in elts)
        {
            if (x is Starred st)
            {
                if (!built) { Emit(Op.BuildList, pending); built = true; pending = 0; }
                else if (pending > 0) { Emit(Op.BuildList, pending); Emit(Op.ListExtend, 1); pending = 0; }
                VisitExpr(st.Value);
                Emit(Op.ListExtend, 1);
            }
            else
            {
                VisitExpr(x);
                if (built) Emit(Op.ListAppend, 1); else pending++;
            }
        }
        return build == Op.BuildTuple;
    }

    private void CompileDict(A.Dict d)
    {
        int pending = 0;
        bool built = false;
        for (int i = 0; i < d.Values.Count; i++)
        {
            var k = d.Keys[i];
            if (k == null)
            {
                if (!built) { Emit(Op.BuildMap, pending); built = true; }
                else if (pending > 0) { Emit(Op.BuildMap, pending); Emit(Op.DictUpdate, 1); }
                pending = 0;
                VisitExpr(d.Values[i]);
                Emit(Op.DictUpdate, 1);
            }
            else
            {
                VisitExpr(k);
                VisitExpr(d.Values[i]);
                if (built) Emit(Op.MapAdd, 1); else pending++;
            }
        }
        if (!built) Emit(Op.BuildMap, pending);
    }

    private void CompileCompare(Compare c)
    {
        VisitExpr(c.Left);
        if (c.Ops.Count == 1)
        {
            VisitExpr(c.Comparators[0]);
            SetLoc(c);
            EmitCompare(c.Ops[0]);
            return;
        }
        int cleanup = NewLabel(), end = NewLabel();
        for (int i = 0; i < c.Ops.Count; i++)
        {
            VisitExpr(c.Comparators[i]);
            if (i < c.Ops.Count - 1)
            {
                Emit(Op.Swap, 2);
                Emit(Op.Copy, 2);
                EmitCompare(c.Ops[i]);
                Emit(Op.JumpIfFalseOrPop, cleanup);
            }
            else EmitCompare(c.Ops[i]);
        }
        Emit(Op.Jump, end);
        Mark(cleanup);
        Emit(Op.Swap, 2);
        Emit(Op.PopTop);
        Mark(end);
    }

    private void EmitCompare(CmpOp op)
    {
        switch (op)
        {
            case CmpOp.Is: Emit(Op.IsOp, 0); break;
            case CmpOp.IsNot: Emit(Op.IsOp, 1); break;
            case CmpOp.In: Emit(Op.ContainsOp, 0); break;
            case CmpOp.NotIn: Emit(Op.ContainsOp, 1); break;
            default: Emit(Op.CompareOp, (int)op); break;
        }
    }

    /// <summary>Compiles a condition and jumps to <paramref name="label"/> when it equals <paramref name="whenTrue"/>.</summary>
    private void Jump(Expr test, int label, bool whenTrue)
    {
        switch (test)
        {
            case UnaryOpExpr { Op: UnaryOperator.Not } u:
                Jump(u.Operand, label, !whenTrue);
                return;
            case BoolOp b:
                {
                    bool isAnd = b.Op == BoolOperator.And;
                    // and + jump-if-false: every value jumps to label when false.
                    if (isAnd != whenTrue)
                    {
                        foreach (var v in b.Values) Jump(v, label, whenTrue);
                    }
                    else
                    {
                        int skip = NewLabel();
                        for (int i = 0; i < b.Values.Count - 1; i++) Jump(b.Values[i], skip, !whenTrue);
                        Jump(b.Values[^1], label, whenTrue);
                        Mark(skip);
                    }
                    return;
                }
            case Compare { Ops.Count: 1 } c when c.Ops[0] is CmpOp.Is or CmpOp.IsNot && c.Comparators[0] is Constant { Value: null }:
                VisitExpr(c.Left);
                bool isNone = c.Ops[0] == CmpOp.Is;
                Emit(isNone == whenTrue ? Op.PopJumpIfNone : Op.PopJumpIfNotNone, label);
                return;
        }
        VisitExpr(test);
        Emit(whenTrue ? Op.PopJumpIfTrue : Op.PopJumpIfFalse, label);
    }

    /// <summary>The range of a call instruction: the call, started at the method name for a method call spanning lines.</summary>
    private void CallLoc(Call c)
    {
        SetLoc(c);
        if (c.Func is A.Attribute at) MatchAttrStart(at);
    }

    private void CompileCall(Call c)
    {
        bool starred = HasStar(c.Args);
        bool dstar = false;
        foreach (var k in c.Keywords) if (k.ArgName == null) dstar = true;
        if (c.Func is A.Attribute at && !starred && !dstar)
        {
            VisitExpr(at.Value);
            SetLoc(at);
            MatchAttrStart(at);
            Emit(Op.LoadMethod, NameIdx(Mangle(_privateName, at.Attr)));
        }
        else
        {
            Emit(Op.PushNull);
            VisitExpr(c.Func);
        }
        if (starred || dstar)
        {
            if (CompileStarredSequence(c.Args, Op.BuildTuple)) Emit(Op.ListToTuple);
            if (c.Keywords.Count > 0)
            {
                int pending = 0;
                bool built = false;
                foreach (var k in c.Keywords)
                {
                    if (k.ArgName == null)
                    {
                        if (!built) { Emit(Op.BuildMap, pending); built = true; }
                        else if (pending > 0) { Emit(Op.BuildMap, pending); Emit(Op.DictMerge, 1); }
                        pending = 0;
                        VisitExpr(k.Value);
                        Emit(Op.DictMerge, 1);
                    }
                    else
                    {
                        Emit(Op.LoadConst, Const(k.ArgName));
                        VisitExpr(k.Value);
                        pending++;
                    }
                }
                if (built && pending > 0) { Emit(Op.BuildMap, pending); Emit(Op.DictMerge, 1); pending = 0; }
                if (!built) Emit(Op.BuildMap, pending);
                SetLoc(c);
                Emit(Op.CallFunctionEx, 1);
            }
            else
            {
                SetLoc(c);
                Emit(Op.CallFunctionEx, 0);
            }
            return;
        }
        foreach (var a in c.Args) VisitExpr(a);
        if (c.Keywords.Count > 0)
        {
            var names = new object?[c.Keywords.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = c.Keywords[i].ArgName;
                for (int j = 0; j < i; j++)
                    if ((string?)names[j] == c.Keywords[i].ArgName)
                        throw new CompileError($"keyword argument repeated: {c.Keywords[i].ArgName}", c.Keywords[i].Line, c.Keywords[i].Col);
                VisitExpr(c.Keywords[i].Value);
            }
            Emit(Op.LoadConst, Const(new ConstTuple(names)));
            CallLoc(c);
            Emit(Op.CallKw, c.Args.Count + names.Length);
        }
        else
        {
            CallLoc(c);
            Emit(Op.Call, c.Args.Count);
        }
    }
}
