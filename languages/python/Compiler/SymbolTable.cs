using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

/// <summary>How a name is resolved in a scope.</summary>
public enum NameScope { Local, GlobalExplicit, GlobalImplicit, Free, Cell }

/// <summary>The kind of a scope.</summary>
public enum ScopeKind { Module, Class, Function, Comprehension }

/// <summary>One scope of the symbol table: which names it binds and how each is resolved.</summary>
public sealed class Scope
{
    [Flags]
    internal enum Def { None = 0, Local = 1, Param = 2, Global = 4, Nonlocal = 8, Use = 16 }

    internal readonly Dictionary<string, Def> Defs = new();
    internal readonly List<string> Order = new();
    internal readonly List<string> Params = new();
    /// <summary>Resolved scope of each name.</summary>
    public Dictionary<string, NameScope> Resolved { get; } = new();
    /// <summary>Child scopes in source order.</summary>
    public List<Scope> Children { get; } = new();
    /// <summary>The scope's kind.</summary>
    public ScopeKind Kind { get; }
    /// <summary>The scope's name (function or class name).</summary>
    public string Name { get; }
    /// <summary>The AST node that opened the scope.</summary>
    public Node Node { get; }
    /// <summary>The enclosing scope.</summary>
    public Scope? Parent { get; }
    /// <summary>True when the scope contains yield.</summary>
    public bool IsGenerator { get; internal set; }
    /// <summary>True for an async def scope and for an asynchronous comprehension.</summary>
    public bool IsCoroutine { get; internal set; }
    /// <summary>True for a class scope that needs a __class__ cell.</summary>
    public bool NeedsClassCell { get; internal set; }
    /// <summary>True when a function refers to super or __class__.</summary>
    internal bool UsesClassCell;
    /// <summary>Cell variable names, sorted as CPython does.</summary>
    public List<string> CellVars { get; } = new();
    /// <summary>Free variable names, sorted.</summary>
    public List<string> FreeVars { get; } = new();

    internal Scope(ScopeKind kind, string name, Node node, Scope? parent)
    {
        Kind = kind; Name = name; Node = node; Parent = parent;
    }

    internal bool IsFunctionLike => Kind is ScopeKind.Function or ScopeKind.Comprehension;

    internal void Add(string name, Def d)
    {
        if (!Defs.TryGetValue(name, out var old)) { Order.Add(name); old = Def.None; }
        Defs[name] = old | d;
    }

    /// <summary>Resolution of a name used in this scope.</summary>
    public NameScope Lookup(string name) =>
        Resolved.TryGetValue(name, out var s) ? s : (Kind == ScopeKind.Function || Kind == ScopeKind.Comprehension ? NameScope.GlobalImplicit : NameScope.GlobalImplicit);
}

/// <summary>Builds the scopes of a module (CPython's symtable.c, two passes: collect, then resolve).</summary>
public sealed class SymbolTable
{
    private readonly Dictionary<Node, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private Scope _cur = null!;

    /// <summary>The module scope.</summary>
    public Scope Top { get; private set; } = null!;

    /// <summary>The scope opened by a node (function, lambda, class, comprehension).</summary>
    public Scope ScopeOf(Node n) => _scopes[n];

    /// <summary>Builds the symbol table for a module, expression or interactive body.</summary>
    public static SymbolTable Build(Node root, IEnumerable<Stmt>? body = null, Expr? expr = null)
    {
        var st = new SymbolTable();
        st.Top = new Scope(ScopeKind.Module, "top", root, null);
        st._scopes[root] = st.Top;
        st._cur = st.Top;
        if (body != null) foreach (var s in body) st.VisitStmt(s);
        if (expr != null) st.VisitExpr(expr);
        st.Analyze(st.Top, new HashSet<string>(), null);
        return st;
    }

    private Scope Push(ScopeKind kind, string name, Node node)
    {
        var s = new Scope(kind, name, node, _cur);
        _scopes[node] = s;
        _cur.Children.Add(s);
        _cur = s;
        return s;
    }

    private void Pop() => _cur = _cur.Parent!;

    private void Bind(string name) => _cur.Add(name, Scope.Def.Local);
    private void Use(string name)
    {
        _cur.Add(name, Scope.Def.Use);
        if (name == "super" || name == "__class__") _cur.UsesClassCell = true;
    }

    private void VisitBody(List<Stmt> body) { foreach (var s in body) VisitStmt(s); }

    /// <summary>def and async def: decorators, defaults and annotations in the enclosing scope, then a function scope.</summary>
    private void VisitFunctionDef(Node node, List<Expr> decorators, Arguments args, Expr? returns, string name, List<Stmt> body)
    {
        foreach (var d in decorators) VisitExpr(d);
        VisitArgsDefaults(args);
        VisitAnnotations(args, returns);
        Bind(name);
        var fs = Push(ScopeKind.Function, name, node);
        fs.IsCoroutine = node is AsyncFunctionDef;
        DeclareParams(args);
        VisitBody(body);
        Pop();
    }

    private void VisitArgsDefaults(Arguments a)
    {
        foreach (var d in a.Defaults) VisitExpr(d);
        foreach (var d in a.KwDefaults) if (d != null) VisitExpr(d);
    }

    private void VisitAnnotations(Arguments a, Expr? returns)
    {
        foreach (var p in AllArgs(a)) if (p.Annotation != null) VisitExpr(p.Annotation);
        if (returns != null) VisitExpr(returns);
    }

    internal static IEnumerable<Arg> AllArgs(Arguments a)
    {
        foreach (var p in a.Posonlyargs) yield return p;
        foreach (var p in a.Args) yield return p;
        if (a.Vararg != null) yield return a.Vararg;
        foreach (var p in a.Kwonlyargs) yield return p;
        if (a.Kwarg != null) yield return a.Kwarg;
    }

    private void DeclareParams(Arguments a)
    {
        foreach (var p in a.Posonlyargs) Param(p.ArgName);
        foreach (var p in a.Args) Param(p.ArgName);
        foreach (var p in a.Kwonlyargs) Param(p.ArgName);
        if (a.Vararg != null) Param(a.Vararg.ArgName);
        if (a.Kwarg != null) Param(a.Kwarg.ArgName);
    }

    private void Param(string name)
    {
        if (_cur.Params.Contains(name))
            throw new CompileError($"duplicate argument '{name}' in function definition", _cur.Node.Line, _cur.Node.Col);
        _cur.Params.Add(name);
        _cur.Add(name, Scope.Def.Param | Scope.Def.Local);
    }

    private void VisitStmt(Stmt s)
    {
        switch (s)
        {
            case FunctionDef f:
                VisitFunctionDef(f, f.DecoratorList, f.Args, f.Returns, f.Name, f.Body);
                break;
            case AsyncFunctionDef f:
                VisitFunctionDef(f, f.DecoratorList, f.Args, f.Returns, f.Name, f.Body);
                break;
            case ClassDef c:
                foreach (var d in c.DecoratorList) VisitExpr(d);
                foreach (var b in c.Bases) VisitExpr(b);
                foreach (var k in c.Keywords) VisitExpr(k.Value);
                Bind(c.Name);
                Push(ScopeKind.Class, c.Name, c);
                VisitBody(c.Body);
                Pop();
                break;
            case Return r: if (r.Value != null) VisitExpr(r.Value); break;
            case Delete d: foreach (var t in d.Targets) VisitExpr(t); break;
            case Assign a: VisitExpr(a.Value); foreach (var t in a.Targets) VisitExpr(t); break;
            case AugAssign a:
                VisitExpr(a.Value);
                VisitExpr(a.Target);
                if (a.Target is Name an) Use(an.Id);
                break;
            case AnnAssign a:
                if (a.Target is Name n)
                {
                    if (_cur.Defs.TryGetValue(n.Id, out var d0) && (d0 & (Scope.Def.Global | Scope.Def.Nonlocal)) != 0 && a.Simple)
                        throw new CompileError($"annotated name '{n.Id}' can't be global", a.Line, a.Col);
                    if (a.Value != null || _cur.Kind != ScopeKind.Function) Bind(n.Id);
                    else Bind(n.Id);
                }
                else VisitExpr(a.Target);
                if (_cur.Kind != ScopeKind.Function) VisitExpr(a.Annotation);
                if (a.Value != null) VisitExpr(a.Value);
                break;
            case For f: VisitExpr(f.Target); VisitExpr(f.Iter); VisitBody(f.Body); VisitBody(f.Orelse); break;
            case AsyncFor f:
                RequireAsync("'async for' outside async function", f);
                VisitExpr(f.Target); VisitExpr(f.Iter); VisitBody(f.Body); VisitBody(f.Orelse); break;
            case While w: VisitExpr(w.Test); VisitBody(w.Body); VisitBody(w.Orelse); break;
            case If i: VisitExpr(i.Test); VisitBody(i.Body); VisitBody(i.Orelse); break;
            case With w:
                foreach (var it in w.Items) { VisitExpr(it.ContextExpr); if (it.OptionalVars != null) VisitExpr(it.OptionalVars); }
                VisitBody(w.Body);
                break;
            case AsyncWith w:
                RequireAsync("'async with' outside async function", w);
                foreach (var it in w.Items) { VisitExpr(it.ContextExpr); if (it.OptionalVars != null) VisitExpr(it.OptionalVars); }
                VisitBody(w.Body);
                break;
            case Match m:
                VisitExpr(m.Subject);
                foreach (var c in m.Cases) { VisitPattern(c.Pattern); if (c.Guard != null) VisitExpr(c.Guard); VisitBody(c.Body); }
                break;
            case Raise r: if (r.Exc != null) VisitExpr(r.Exc); if (r.Cause != null) VisitExpr(r.Cause); break;
            case Try t:
                VisitBody(t.Body);
                foreach (var h in t.Handlers) { if (h.Type != null) VisitExpr(h.Type); if (h.Name != null) Bind(h.Name); VisitBody(h.Body); }
                VisitBody(t.Orelse); VisitBody(t.Finalbody);
                break;
            case TryStar t:
                VisitBody(t.Body);
                foreach (var h in t.Handlers) { if (h.Type != null) VisitExpr(h.Type); if (h.Name != null) Bind(h.Name); VisitBody(h.Body); }
                VisitBody(t.Orelse); VisitBody(t.Finalbody);
                break;
            case Assert a: VisitExpr(a.Test); if (a.Msg != null) VisitExpr(a.Msg); break;
            case Import im:
                foreach (var al in im.Names) Bind(al.Asname ?? al.Name.Split('.')[0]);
                break;
            case ImportFrom im:
                foreach (var al in im.Names)
                {
                    if (al.Name == "*")
                    {
                        if (_cur.Kind != ScopeKind.Module)
                            throw new CompileError("import * only allowed at module level", im.Line, im.Col);
                        continue;
                    }
                    Bind(al.Asname ?? al.Name);
                }
                break;
            case Global g:
                foreach (var gn in g.Names)
                {
                    if (_cur.Defs.TryGetValue(gn, out var d))
                    {
                        if ((d & Scope.Def.Param) != 0) throw new CompileError($"name '{gn}' is parameter and global", g.Line, g.Col);
                        if ((d & Scope.Def.Local) != 0) throw new CompileError($"name '{gn}' is assigned to before global declaration", g.Line, g.Col);
                        if ((d & Scope.Def.Use) != 0) throw new CompileError($"name '{gn}' is used prior to global declaration", g.Line, g.Col);
                    }
                    _cur.Add(gn, Scope.Def.Global);
                }
                break;
            case Nonlocal nl:
                foreach (var gn in nl.Names)
                {
                    if (_cur.Kind == ScopeKind.Module) throw new CompileError("nonlocal declaration not allowed at module level", nl.Line, nl.Col);
                    if (_cur.Defs.TryGetValue(gn, out var d))
                    {
                        if ((d & Scope.Def.Param) != 0) throw new CompileError($"name '{gn}' is parameter and nonlocal", nl.Line, nl.Col);
                        if ((d & Scope.Def.Local) != 0) throw new CompileError($"name '{gn}' is assigned to before nonlocal declaration", nl.Line, nl.Col);
                        if ((d & Scope.Def.Use) != 0) throw new CompileError($"name '{gn}' is used prior to nonlocal declaration", nl.Line, nl.Col);
                    }
                    _cur.Add(gn, Scope.Def.Nonlocal);
                }
                break;
            case ExprStmt e: VisitExpr(e.Value); break;
            case Pass or Break or Continue: break;
            default: throw new CompileError("unsupported statement " + s.GetType().Name, s.Line, s.Col);
        }
    }

    private void VisitPattern(Pattern p)
    {
        switch (p)
        {
            case MatchValue v: VisitExpr(v.Value); break;
            case MatchSingleton: break;
            case MatchSequence s: foreach (var x in s.Patterns) VisitPattern(x); break;
            case MatchMapping m:
                foreach (var k in m.Keys) VisitExpr(k);
                foreach (var x in m.Patterns) VisitPattern(x);
                if (m.Rest != null) Bind(m.Rest);
                break;
            case MatchClass c:
                VisitExpr(c.Cls);
                foreach (var x in c.Patterns) VisitPattern(x);
                foreach (var x in c.KwdPatterns) VisitPattern(x);
                break;
            case MatchStar s: if (s.Name != null) Bind(s.Name); break;
            case MatchAs a: if (a.Pattern != null) VisitPattern(a.Pattern); if (a.Name != null) Bind(a.Name); break;
            case MatchOr o: foreach (var x in o.Patterns) VisitPattern(x); break;
        }
    }

    private void VisitExpr(Expr e)
    {
        switch (e)
        {
            case Name n:
                if (n.Ctx == ExprContext.Load) Use(n.Id); else Bind(n.Id);
                break;
            case BoolOp b: foreach (var v in b.Values) VisitExpr(v); break;
            case NamedExpr ne:
                VisitExpr(ne.Value);
                BindWalrus(((Name)ne.Target).Id, ne);
                break;
            case BinOp b: VisitExpr(b.Left); VisitExpr(b.Right); break;
            case UnaryOpExpr u: VisitExpr(u.Operand); break;
            case Lambda l:
                VisitArgsDefaults(l.Args);
                Push(ScopeKind.Function, "lambda", l);
                DeclareParams(l.Args);
                VisitExpr(l.Body);
                Pop();
                break;
            case IfExp i: VisitExpr(i.Test); VisitExpr(i.Body); VisitExpr(i.Orelse); break;
            case A.Dict d: foreach (var k in d.Keys) if (k != null) VisitExpr(k); foreach (var v in d.Values) VisitExpr(v); break;
            case A.Set s: foreach (var x in s.Elts) VisitExpr(x); break;
            case ListComp c: VisitComp(c, "listcomp", c.Generators, c.Elt, null); break;
            case SetComp c: VisitComp(c, "setcomp", c.Generators, c.Elt, null); break;
            case DictComp c: VisitComp(c, "dictcomp", c.Generators, c.Key, c.Value); break;
            case GeneratorExp c: VisitComp(c, "genexpr", c.Generators, c.Elt, null); _scopes[c].IsGenerator = true; break;
            case Await a: VisitExpr(a.Value); MarkAwait(a); break;
            case Yield y:
                if (y.Value != null) VisitExpr(y.Value);
                MarkYield(y);
                break;
            case YieldFrom y:
                VisitExpr(y.Value);
                MarkYield(y);
                if (_cur.IsCoroutine && _cur.Kind == ScopeKind.Function) throw new CompileError("'yield from' inside async function", y.Line, y.Col);
                break;
            case Compare c: VisitExpr(c.Left); foreach (var x in c.Comparators) VisitExpr(x); break;
            case Call c:
                VisitExpr(c.Func);
                foreach (var a in c.Args) VisitExpr(a);
                foreach (var k in c.Keywords) VisitExpr(k.Value);
                break;
            case FormattedValue f: VisitExpr(f.Value); if (f.FormatSpec != null) VisitExpr(f.FormatSpec); break;
            case JoinedStr j: foreach (var v in j.Values) VisitExpr(v); break;
            case Constant: break;
            case A.Attribute a: VisitExpr(a.Value); break;
            case Subscript s: VisitExpr(s.Value); VisitExpr(s.Slice); break;
            case Starred s: VisitExpr(s.Value); break;
            case A.List l: foreach (var x in l.Elts) VisitExpr(x); break;
            case A.Tuple t: foreach (var x in t.Elts) VisitExpr(x); break;
            case Slice s:
                if (s.Lower != null) VisitExpr(s.Lower);
                if (s.Upper != null) VisitExpr(s.Upper);
                if (s.Step != null) VisitExpr(s.Step);
                break;
            default: throw new CompileError("unsupported expression " + e.GetType().Name, e.Line, e.Col);
        }
    }

    private void MarkYield(Expr y)
    {
        if (_cur.Kind == ScopeKind.Module || _cur.Kind == ScopeKind.Class)
            throw new CompileError("'yield' outside function", y.Line, y.Col);
        if (_cur.Kind == ScopeKind.Comprehension && _cur.Name != "genexpr")
            throw new CompileError("'yield' inside list comprehension", y.Line, y.Col);
        _cur.IsGenerator = true;
    }

    private void BindWalrus(string name, Node at)
    {
        if (_cur.Kind != ScopeKind.Comprehension) { Bind(name); return; }
        // PEP 572: the target binds in the nearest enclosing non-comprehension scope.
        var s = _cur;
        while (s.Kind == ScopeKind.Comprehension) s = s.Parent!;
        if (s.Kind == ScopeKind.Class)
            throw new CompileError("assignment expression within a comprehension cannot be used in a class body", at.Line, at.Col);
        if (s.Kind == ScopeKind.Module)
        {
            for (var c = _cur; c.Kind == ScopeKind.Comprehension; c = c.Parent!) c.Add(name, Scope.Def.Global);
            s.Add(name, Scope.Def.Local);
        }
        else
        {
            for (var c = _cur; c.Kind == ScopeKind.Comprehension; c = c.Parent!) c.Add(name, Scope.Def.Nonlocal);
            s.Add(name, Scope.Def.Local);
        }
    }

    private void VisitComp(Expr node, string name, List<Comprehension> gens, Expr elt, Expr? value)
    {
        // The first iterable is evaluated in the enclosing scope.
        VisitExpr(gens[0].Iter);
        Push(ScopeKind.Comprehension, name, node);
        Param(".0");
        for (int i = 0; i < gens.Count; i++)
        {
            var g = gens[i];
            if (i > 0) VisitExpr(g.Iter);
            VisitExpr(g.Target);
            foreach (var c in g.Ifs) VisitExpr(c);
        }
        VisitExpr(elt);
        if (value != null) VisitExpr(value);
        var cs = _cur;
        foreach (var g in gens) if (g.IsAsync) cs.IsCoroutine = true;
        Pop();
        // An async list/set/dict comprehension is awaited where it appears.
        if (cs.IsCoroutine && name != "genexpr") MarkAwait(node);
    }

    private void RequireAsync(string message, Node at)
    {
        if (_cur.Kind != ScopeKind.Function || !_cur.IsCoroutine) throw new CompileError(message, at.Line, at.Col);
    }

    private void MarkAwait(Node at)
    {
        if (_cur.Kind == ScopeKind.Comprehension) { _cur.IsCoroutine = true; return; }
        if (_cur.Kind == ScopeKind.Function && _cur.IsCoroutine) return;
        if (at is Await)
            throw new CompileError(_cur.Kind == ScopeKind.Function ? "'await' outside async function" : "'await' outside function", at.Line, at.Col);
        throw new CompileError("asynchronous comprehension outside of an asynchronous function", at.Line, at.Col);
    }

    /// <summary>Resolves names; returns the free names of <paramref name="s"/>.</summary>
    private HashSet<string> Analyze(Scope s, HashSet<string> enclosingBound, Scope? classParent)
    {
        var free = new HashSet<string>();
        var locals = new HashSet<string>();
        foreach (var name in s.Order)
        {
            var d = s.Defs[name];
            if ((d & Scope.Def.Global) != 0) s.Resolved[name] = NameScope.GlobalExplicit;
            else if ((d & Scope.Def.Nonlocal) != 0)
            {
                if (!enclosingBound.Contains(name))
                    throw new CompileError($"no binding for nonlocal '{name}' found", s.Node.Line, s.Node.Col);
                s.Resolved[name] = NameScope.Free;
                free.Add(name);
            }
            else if ((d & (Scope.Def.Local | Scope.Def.Param)) != 0)
            {
                s.Resolved[name] = NameScope.Local;
                locals.Add(name);
            }
            else if (enclosingBound.Contains(name) && s.Kind != ScopeKind.Module)
            {
                s.Resolved[name] = NameScope.Free;
                free.Add(name);
            }
            else s.Resolved[name] = NameScope.GlobalImplicit;
        }
        if (s.IsFunctionLike && s.UsesClassCell && enclosingBound.Contains("__class__") && !s.Resolved.ContainsKey("__class__"))
        {
            s.Resolved["__class__"] = NameScope.Free;
            free.Add("__class__");
        }

        HashSet<string> childBound;
        if (s.IsFunctionLike)
        {
            childBound = new HashSet<string>(enclosingBound);
            foreach (var l in locals) childBound.Add(l);
            // Names declared nonlocal here stay bound for children too.
            foreach (var f in free) childBound.Add(f);
        }
        else if (s.Kind == ScopeKind.Class)
        {
            childBound = new HashSet<string>(enclosingBound) { "__class__" };
        }
        else childBound = new HashSet<string>();

        foreach (var child in s.Children)
        {
            var childFree = Analyze(child, childBound, s.Kind == ScopeKind.Class ? s : null);
            foreach (var name in childFree)
            {
                if (s.Kind == ScopeKind.Class && name == "__class__")
                {
                    s.NeedsClassCell = true;
                    continue;
                }
                if (s.IsFunctionLike && s.Resolved.TryGetValue(name, out var r) && (r == NameScope.Local || r == NameScope.Cell))
                {
                    s.Resolved[name] = NameScope.Cell;
                    continue;
                }
                if (s.IsFunctionLike && s.Resolved.TryGetValue(name, out r) && r == NameScope.Free) continue;
                // Pass-through: the cell comes from further out.
                if (s.Kind == ScopeKind.Class)
                {
                    if (!s.Resolved.ContainsKey(name) || s.Resolved[name] == NameScope.GlobalImplicit)
                    {
                        // class bodies see free names through LOAD_CLASSDEREF only if they use them; record as free
                        if (!s.Resolved.ContainsKey(name)) s.Resolved[name] = NameScope.GlobalImplicit;
                    }
                    free.Add(name);
                    if (!s.FreeVars.Contains(name)) s.FreeVars.Add(name);
                    continue;
                }
                if (!s.Resolved.ContainsKey(name) || s.Resolved[name] == NameScope.GlobalImplicit)
                    s.Resolved[name] = NameScope.Free;
                free.Add(name);
            }
        }

        foreach (var (name, r) in s.Resolved)
        {
            if (r == NameScope.Cell) s.CellVars.Add(name);
            else if (r == NameScope.Free && !s.FreeVars.Contains(name)) s.FreeVars.Add(name);
        }
        if (s.NeedsClassCell) s.CellVars.Add("__class__");
        s.CellVars.Sort(StringComparer.Ordinal);
        s.FreeVars.Sort(StringComparer.Ordinal);
        return free;
    }
}
