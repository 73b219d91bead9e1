using System.Numerics;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

public sealed partial class CodeGen
{
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
        SetLoc(node);
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
        SetLoc(node);
        MakeClosure(code, flags);
        ApplyDecorators(decorators);
        CompileName(name, Ctx.Store);
    }

    /// <summary>Calls the decorators, innermost first; each call carries its decorator's range.</summary>
    private void ApplyDecorators(List<Expr> decorators)
    {
        var saved = _u.Loc;
        for (int i = decorators.Count - 1; i >= 0; i--)
        {
            SetLoc(decorators[i]);
            Emit(Op.Call, 1);
        }
        _u.Loc = saved;
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
        SetLoc(c);
        Emit(Op.PushNull);
        Emit(Op.LoadBuildClass);
        var scope = _symbols.ScopeOf(c);
        int firstLine = c.DecoratorList.Count > 0 ? c.DecoratorList[0].Line : c.Line;
        var savedPrivate = _privateName;
        EnterUnit(scope, c.Name, ChildQualName(c.Name), firstLine);
        _privateName = c.Name;
        SetLoc(c);
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
        SetLoc(c);
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
        ApplyDecorators(c.DecoratorList);
        CompileName(c.Name, Ctx.Store);
    }

    private void CompileComprehension(Expr node, string name, List<Comprehension> gens, Expr elt, Expr? value, Op build)
    {
        var scope = _symbols.ScopeOf(node);
        Emit(Op.PushNull);
        EnterUnit(scope, name, ChildQualName(name), node.Line);
        SetLoc(node);
        bool isGen = build == Op.Nop;
        if (!isGen) Emit(build, 0);
        CompileComprehensionLoop(gens, 0, elt, value, build, isGen);
        if (isGen) Emit(Op.LoadConst, Const(null));
        Emit(Op.ReturnValue);
        var code = LeaveUnit(1, 0, 0, CodeFlags.None);
        MakeClosure(code, 0);
        VisitExpr(gens[0].Iter);
        Emit(gens[0].IsAsync ? Op.GetAIter : Op.GetIter);
        Emit(Op.Call, 1);
        if (scope.IsCoroutine && !isGen) EmitAwait();
    }

    private void CompileComprehensionLoop(List<Comprehension> gens, int index, Expr elt, Expr? value, Op build, bool isGen)
    {
        var g = gens[index];
        int start = NewLabel(), end = NewLabel();
        if (index == 0) Emit(Op.LoadFast, AddVar(".0"));
        else { VisitExpr(g.Iter); Emit(g.IsAsync ? Op.GetAIter : Op.GetIter); }
        Mark(start);
        if (g.IsAsync) EmitAsyncNext(end);
        else Emit(Op.ForIter, end);
        Store(g.Target);
        foreach (var cond in g.Ifs) Jump(cond, start, false);
        if (index + 1 < gens.Count) CompileComprehensionLoop(gens, index + 1, elt, value, build, isGen);
        else
        {
            int depth = gens.Count + 1;
            if (isGen)
            {
                VisitExpr(elt);
                if (_u.Scope.IsCoroutine) Emit(Op.AsyncGenWrap);
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
        if (g.IsAsync) Emit(Op.EndAsyncFor);
    }
}
