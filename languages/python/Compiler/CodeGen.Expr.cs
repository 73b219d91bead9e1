using System.Numerics;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

public sealed partial class CodeGen
{
    private void VisitExpr(Expr e)
    {
        int savedLine = _u.Line;
        _u.Line = e.Line;
        CompileExpr(e);
        _u.Line = savedLine;
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
                _u.Line = b.Line;
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
                _u.Line = a.EndLine > 0 ? a.EndLine : a.Line;
                Emit(Op.LoadAttr, NameIdx(Mangle(_privateName, a.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitExpr(s.Slice);
                _u.Line = s.Line;
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
                Emit(Op.YieldValue);
                break;
            case YieldFrom y:
                VisitExpr(y.Value);
                Emit(Op.GetYieldFromIter);
                Emit(Op.LoadConst, Const(null));
                Emit(Op.YieldFrom);
                break;
            case Starred s: throw new CompileError("can't use starred expression here", s.Line, s.Col);
            case Await a: throw new CompileError("'await' is not supported by PySharp yet", a.Line, a.Col);
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
            _u.Line = c.Line;
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

    private void CompileCall(Call c)
    {
        bool starred = HasStar(c.Args);
        bool dstar = false;
        foreach (var k in c.Keywords) if (k.ArgName == null) dstar = true;
        if (c.Func is A.Attribute at && !starred && !dstar)
        {
            VisitExpr(at.Value);
            _u.Line = at.EndLine > 0 ? at.EndLine : at.Line;
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
                _u.Line = c.Line;
                Emit(Op.CallFunctionEx, 1);
            }
            else
            {
                _u.Line = c.Line;
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
            _u.Line = c.Line;
            Emit(Op.CallKw, c.Args.Count + names.Length);
        }
        else
        {
            _u.Line = c.Line;
            Emit(Op.Call, c.Args.Count);
        }
    }

    // ---- functions, classes, comprehensions ----

    private string ChildQualName(string name)
    {
        var s = _u.Scope;
        if (s.Kind == ScopeKind.Module) return name;
        if (s.IsFunctionLike) return _u.QualName + ".<locals>." + name;
        return _u.QualName + "." + name;
    }

    /// <summary>Pushes defaults/kwdefaults/annotations; returns MAKE_FUNCTION flags (closure added later).</summary>
    private int CompileDefaults(Arguments a, Expr? returns, bool annotations)
    {
        int flags = 0;
        if (a.Defaults.Count > 0)
        {
            foreach (var d in a.Defaults) VisitExpr(d);
            Emit(Op.BuildTuple, a.Defaults.Count);
            flags |= 1;
        }
        int nkw = 0;
        for (int i = 0; i < a.Kwonlyargs.Count; i++)
        {
            var d = i < a.KwDefaults.Count ? a.KwDefaults[i] : null;
            if (d == null) continue;
            Emit(Op.LoadConst, Const(Mangle(_privateName, a.Kwonlyargs[i].ArgName)));
            VisitExpr(d);
            nkw++;
        }
        if (nkw > 0) { Emit(Op.BuildMap, nkw); flags |= 2; }
        if (annotations)
        {
            int na = 0;
            foreach (var p in SymbolTable.AllArgs(a))
            {
                if (p.Annotation == null) continue;
                Emit(Op.LoadConst, Const(Mangle(_privateName, p.ArgName)));
                VisitExpr(p.Annotation);
                na++;
            }
            if (returns != null) { Emit(Op.LoadConst, Const("return")); VisitExpr(returns); na++; }
            if (na > 0) { Emit(Op.BuildMap, na); flags |= 4; }
        }
        return flags;
    }

    private void MakeClosure(CodeUnit code, int flags)
    {
        if (code.FreeVars.Length > 0)
        {
            foreach (var fv in code.FreeVars) Emit(Op.LoadClosure, CellIndex(fv));
            Emit(Op.BuildTuple, code.FreeVars.Length);
            flags |= 8;
        }
        Emit(Op.LoadConst, Const(code));
        Emit(Op.MakeFunction, flags);
    }

    private (int argc, int posonly, int kwonly, CodeFlags flags) ArgCounts(Arguments a)
    {
        var fl = CodeFlags.None;
        if (a.Vararg != null) fl |= CodeFlags.VarArgs;
        if (a.Kwarg != null) fl |= CodeFlags.VarKeywords;
        return (a.Posonlyargs.Count + a.Args.Count, a.Posonlyargs.Count, a.Kwonlyargs.Count, fl);
    }

    private void CompileFunctionDef(Stmt node, string name, Arguments args, List<Stmt> body, List<Expr> decorators, Expr? returns, bool isAsync)
    {
        foreach (var d in decorators) { Emit(Op.PushNull); VisitExpr(d); }
        _u.Line = node.Line;
        int flags = CompileDefaults(args, returns, true);
        var scope = _symbols.ScopeOf(node);
        int firstLine = decorators.Count > 0 ? decorators[0].Line : node.Line;
        EnterUnit(scope, name, ChildQualName(name), firstLine);
        var doc = DocString(body);
        _u.Doc = doc;
        Const(doc); // co_consts[0] is the docstring (or None)
        for (int i = doc != null ? 1 : 0; i < body.Count; i++) VisitStmt(body[i]);
        Emit(Op.LoadConst, Const(null));
        Emit(Op.ReturnValue);
        var (argc, posonly, kwonly, cf) = ArgCounts(args);
        if (isAsync) cf |= CodeFlags.Coroutine;
        var code = LeaveUnit(argc, posonly, kwonly, cf);
        _u.Line = node.Line;
        MakeClosure(code, flags);
        for (int i = 0; i < decorators.Count; i++) Emit(Op.Call, 1);
        CompileName(name, Ctx.Store);
    }

    private void CompileLambda(Lambda l)
    {
        int flags = CompileDefaults(l.Args, null, false);
        var scope = _symbols.ScopeOf(l);
        EnterUnit(scope, "<lambda>", ChildQualName("<lambda>"), l.Line);
        Const(null);
        VisitExpr(l.Body);
        if (scope.IsGenerator) { Emit(Op.PopTop); Emit(Op.LoadConst, Const(null)); }
        Emit(Op.ReturnValue);
        var (argc, posonly, kwonly, cf) = ArgCounts(l.Args);
        var code = LeaveUnit(argc, posonly, kwonly, cf);
        MakeClosure(code, flags);
    }

    private void CompileClassDef(ClassDef c)
    {
        foreach (var d in c.DecoratorList) { Emit(Op.PushNull); VisitExpr(d); }
        _u.Line = c.Line;
        Emit(Op.PushNull);
        Emit(Op.LoadBuildClass);
        var scope = _symbols.ScopeOf(c);
        int firstLine = c.DecoratorList.Count > 0 ? c.DecoratorList[0].Line : c.Line;
        var savedPrivate = _privateName;
        EnterUnit(scope, c.Name, ChildQualName(c.Name), firstLine);
        _privateName = c.Name;
        _u.Line = c.Line;
        CompileName("__name__", Ctx.Load);
        CompileName("__module__", Ctx.Store);
        Emit(Op.LoadConst, Const(_u.QualName));
        CompileName("__qualname__", Ctx.Store);
        CompileBody(c.Body, HasAnnotations(c.Body));
        if (scope.NeedsClassCell)
        {
            Emit(Op.LoadClosure, CellIndex("__class__"));
            Emit(Op.Copy, 1);
            CompileName("__classcell__", Ctx.Store);
        }
        else Emit(Op.LoadConst, Const(null));
        Emit(Op.ReturnValue);
        var code = LeaveUnit(0, 0, 0, CodeFlags.None);
        _privateName = savedPrivate;
        _u.Line = c.Line;
        MakeClosure(code, 0);
        Emit(Op.LoadConst, Const(c.Name));
        bool starred = HasStar(c.Bases);
        bool dstar = false;
        foreach (var k in c.Keywords) if (k.ArgName == null) dstar = true;
        if (starred || dstar)
        {
            // Build (func, name, *bases) as a list, then call with **kw.
            Emit(Op.BuildList, 2);
            foreach (var b in c.Bases)
            {
                if (b is Starred st) { VisitExpr(st.Value); Emit(Op.ListExtend, 1); }
                else { VisitExpr(b); Emit(Op.ListAppend, 1); }
            }
            Emit(Op.ListToTuple);
            int n = 0;
            Emit(Op.BuildMap, 0);
            foreach (var k in c.Keywords)
            {
                if (k.ArgName == null) { VisitExpr(k.Value); Emit(Op.DictMerge, 1); }
                else { Emit(Op.LoadConst, Const(k.ArgName)); VisitExpr(k.Value); Emit(Op.MapAdd, 1); }
                n++;
            }
            Emit(Op.CallFunctionEx, 1);
        }
        else
        {
            foreach (var b in c.Bases) VisitExpr(b);
            if (c.Keywords.Count > 0)
            {
                var names = new object?[c.Keywords.Count];
                for (int i = 0; i < names.Length; i++) { names[i] = c.Keywords[i].ArgName; VisitExpr(c.Keywords[i].Value); }
                Emit(Op.LoadConst, Const(new ConstTuple(names)));
                Emit(Op.CallKw, 2 + c.Bases.Count + names.Length);
            }
            else Emit(Op.Call, 2 + c.Bases.Count);
        }
        for (int i = 0; i < c.DecoratorList.Count; i++) Emit(Op.Call, 1);
        CompileName(c.Name, Ctx.Store);
    }

    private void CompileComprehension(Expr node, string name, List<Comprehension> gens, Expr elt, Expr? value, Op build)
    {
        var scope = _symbols.ScopeOf(node);
        Emit(Op.PushNull);
        EnterUnit(scope, name, ChildQualName(name), node.Line);
        _u.Line = node.Line;
        bool isGen = build == Op.Nop;
        if (!isGen) Emit(build, 0);
        CompileComprehensionLoop(gens, 0, elt, value, build, isGen);
        if (isGen) Emit(Op.LoadConst, Const(null));
        Emit(Op.ReturnValue);
        var code = LeaveUnit(1, 0, 0, CodeFlags.None);
        MakeClosure(code, 0);
        VisitExpr(gens[0].Iter);
        Emit(Op.GetIter);
        Emit(Op.Call, 1);
    }

    private void CompileComprehensionLoop(List<Comprehension> gens, int index, Expr elt, Expr? value, Op build, bool isGen)
    {
        var g = gens[index];
        int start = NewLabel(), end = NewLabel();
        if (index == 0) Emit(Op.LoadFast, AddVar(".0"));
        else { VisitExpr(g.Iter); Emit(Op.GetIter); }
        Mark(start);
        Emit(Op.ForIter, end);
        Store(g.Target);
        foreach (var cond in g.Ifs) Jump(cond, start, false);
        if (index + 1 < gens.Count) CompileComprehensionLoop(gens, index + 1, elt, value, build, isGen);
        else
        {
            int depth = gens.Count + 1;
            if (isGen)
            {
                VisitExpr(elt);
                Emit(Op.YieldValue);
                Emit(Op.PopTop);
            }
            else if (build == Op.BuildMap)
            {
                VisitExpr(elt);
                VisitExpr(value!);
                Emit(Op.MapAdd, depth);
            }
            else
            {
                VisitExpr(elt);
                Emit(build == Op.BuildList ? Op.ListAppend : Op.SetAdd, depth);
            }
        }
        Emit(Op.JumpBackward, start);
        Mark(end);
    }

    private void CompileMatch(Match m)
    {
        int end = NewLabel();
        VisitExpr(m.Subject);
        foreach (var c in m.Cases)
        {
            int next = NewLabel();
            _u.Line = c.Pattern.Line > 0 ? c.Pattern.Line : m.Line;
            Emit(Op.Copy, 1);
            CompilePattern(c.Pattern);
            Emit(Op.PopJumpIfFalse, next);
            if (c.Guard != null) Jump(c.Guard, next, false);
            Emit(Op.PopTop);
            VisitBody(c.Body);
            Emit(Op.Jump, end);
            Mark(next);
        }
        Emit(Op.PopTop);
        Mark(end);
    }

    /// <summary>Consumes the subject on top of the stack and pushes whether the pattern matched (binding names as it goes).</summary>
    private void CompilePattern(Pattern p)
    {
        switch (p)
        {
            case MatchValue v:
                VisitExpr(v.Value);
                Emit(Op.CompareOp, (int)CmpOp.Eq);
                break;
            case MatchSingleton sg:
                Emit(Op.LoadConst, Const(sg.Value));
                Emit(Op.IsOp, 0);
                break;
            case MatchAs a when a.Pattern == null:
                if (a.Name == null) Emit(Op.PopTop); else CompileName(a.Name, Ctx.Store);
                Emit(Op.LoadConst, Const(true));
                break;
            case MatchAs a:
                {
                    int fail = NewLabel(), done = NewLabel();
                    Emit(Op.Copy, 1);
                    CompilePattern(a.Pattern);
                    Emit(Op.PopJumpIfFalse, fail);
                    if (a.Name != null) CompileName(a.Name, Ctx.Store); else Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(true));
                    Emit(Op.Jump, done);
                    Mark(fail);
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(false));
                    Mark(done);
                    break;
                }
            case MatchOr o:
                {
                    int ok = NewLabel(), done = NewLabel();
                    foreach (var alt in o.Patterns)
                    {
                        Emit(Op.Copy, 1);
                        CompilePattern(alt);
                        Emit(Op.PopJumpIfTrue, ok);
                    }
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(false));
                    Emit(Op.Jump, done);
                    Mark(ok);
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(true));
                    Mark(done);
                    break;
                }
            case MatchSequence sq:
                {
                    int star = sq.Patterns.FindIndex(x => x is MatchStar);
                    int n = sq.Patterns.Count;
                    Emit(Op.MatchSequence, star < 0 ? n : (n - 1) | (1 << 16));
                    int after = star < 0 ? 0 : n - star - 1;
                    var items = new List<(Pattern pat, object index)>();
                    for (int i = 0; i < n; i++)
                    {
                        if (i == star) continue;
                        object idx = star >= 0 && i > star ? -(n - i) : i;
                        items.Add((sq.Patterns[i], idx));
                    }
                    CompileIndexedSubpatterns(items, star >= 0 ? (MatchStar)sq.Patterns[star] : null, star, after);
                    break;
                }
            case MatchMapping mm:
                {
                    int fail = NewLabel(), fail0 = NewLabel(), done = NewLabel();
                    Emit(Op.MatchMapping);
                    Emit(Op.Copy, 1);
                    Emit(Op.PopJumpIfNone, fail0);
                    for (int i = 0; i < mm.Keys.Count; i++)
                    {
                        int miss = NewLabel();
                        Emit(Op.Copy, 1);
                        VisitExpr(mm.Keys[i]);
                        Emit(Op.MatchKeys);
                        Emit(Op.Copy, 1);
                        Emit(Op.PopJumpIfNone, miss);
                        Emit(Op.LoadConst, Const(BigInteger.Zero));
                        Emit(Op.BinarySubscr);
                        CompilePattern(mm.Patterns[i]);
                        Emit(Op.PopJumpIfFalse, fail);
                        int cont = NewLabel();
                        Emit(Op.Jump, cont);
                        Mark(miss);
                        Emit(Op.PopTop);
                        Emit(Op.Jump, fail);
                        Mark(cont);
                    }
                    if (mm.Rest != null)
                    {
                        Emit(Op.Copy, 1);
                        foreach (var k in mm.Keys) VisitExpr(k);
                        Emit(Op.BuildTuple, mm.Keys.Count);
                        Emit(Op.CopyDictWithoutKeys);
                        CompileName(mm.Rest, Ctx.Store);
                    }
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(true));
                    Emit(Op.Jump, done);
                    Mark(fail);
                    Mark(fail0);
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(false));
                    Mark(done);
                    break;
                }
            case MatchClass mc:
                {
                    VisitExpr(mc.Cls);
                    var names = new object?[mc.KwdAttrs.Count];
                    for (int i = 0; i < names.Length; i++) names[i] = mc.KwdAttrs[i];
                    Emit(Op.LoadConst, Const(new ConstTuple(names)));
                    Emit(Op.MatchClass, mc.Patterns.Count);
                    var items = new List<(Pattern pat, object index)>();
                    for (int i = 0; i < mc.Patterns.Count; i++) items.Add((mc.Patterns[i], i));
                    for (int i = 0; i < mc.KwdPatterns.Count; i++) items.Add((mc.KwdPatterns[i], mc.Patterns.Count + i));
                    CompileIndexedSubpatterns(items, null, -1, 0);
                    break;
                }
            case MatchStar:
                throw new CompileError("can't use starred name here", p.Line, p.Col);
            default:
                throw new CompileError("unsupported pattern", p.Line, p.Col);
        }
    }

    /// <summary>With a list-or-None on the stack: matches each item against its pattern; pushes the overall result.</summary>
    private void CompileIndexedSubpatterns(List<(Pattern pat, object index)> items, MatchStar? star, int starIndex, int after)
    {
        int fail = NewLabel(), done = NewLabel();
        Emit(Op.Copy, 1);
        Emit(Op.PopJumpIfNone, fail);
        foreach (var (pat, index) in items)
        {
            Emit(Op.Copy, 1);
            Emit(Op.LoadConst, Const(new BigInteger(Convert.ToInt32(index))));
            Emit(Op.BinarySubscr);
            CompilePattern(pat);
            Emit(Op.PopJumpIfFalse, fail);
        }
        if (star != null && star.Name != null)
        {
            Emit(Op.Copy, 1);
            Emit(Op.LoadConst, Const(new BigInteger(starIndex)));
            if (after > 0) Emit(Op.LoadConst, Const(new BigInteger(-after))); else Emit(Op.LoadConst, Const(null));
            Emit(Op.BuildSlice, 2);
            Emit(Op.BinarySubscr);
            CompileName(star.Name, Ctx.Store);
        }
        Emit(Op.PopTop);
        Emit(Op.LoadConst, Const(true));
        Emit(Op.Jump, done);
        Mark(fail);
        Emit(Op.PopTop);
        Emit(Op.LoadConst, Const(false));
        Mark(done);
    }
}
