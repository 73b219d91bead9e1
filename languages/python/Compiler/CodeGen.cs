using System.Numerics;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

/// <summary>What a code unit is being compiled for.</summary>
public enum CompileMode { Exec, Eval, Single }

/// <summary>Compiles an AST into <see cref="CodeUnit"/>s (CPython's compile.c, simplified).</summary>
public sealed partial class CodeGen
{
    private enum FBlock { WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, HandlerCleanup, PopValue }

    private sealed class FrameBlock
    {
        public FBlock Kind;
        public int Start, Exit;       // labels for loops
        public int OuterHandler;
        public List<Stmt>? FinalBody;
        public string? Name;
    }

    private sealed class Unit
    {
        public Scope Scope = null!;
        public string Name = "", QualName = "";
        public int FirstLine;
        public readonly List<Instr> Instrs = new();
        public readonly List<int> Labels = new();
        public readonly List<HandlerInfo> Handlers = new();
        public int CurrentHandler = -1;
        public readonly List<object?> Consts = new();
        public readonly Dictionary<(Type?, object?), int> ConstIndex = new();
        public readonly List<string> Names = new();
        public readonly Dictionary<string, int> NameIndex = new();
        public readonly List<string> VarNames = new();
        public readonly Dictionary<string, int> VarIndex = new();
        public readonly List<FrameBlock> Blocks = new();
        public int Line;
        public string? Doc;
        public bool IsClass;
    }

    private readonly string _filename;
    private readonly SymbolTable _symbols;
    private Unit _u = null!;
    private readonly Stack<Unit> _stack = new();
    private bool _interactive;

    private CodeGen(string filename, SymbolTable symbols) { _filename = filename; _symbols = symbols; }

    /// <summary>Compiles a module, an expression (<see cref="CompileMode.Eval"/>) or an interactive statement.</summary>
    public static CodeUnit Compile(Mod mod, string filename, CompileMode mode)
    {
        SymbolTable st = mod switch
        {
            A.Module m => SymbolTable.Build(mod, m.Body),
            Interactive i => SymbolTable.Build(mod, i.Body),
            Expression e => SymbolTable.Build(mod, null, e.Body),
            _ => throw new ArgumentException("unknown module kind"),
        };
        var cg = new CodeGen(filename, st);
        cg.EnterUnit(st.Top, "<module>", "<module>", 1);
        switch (mod)
        {
            case A.Module m:
                cg.CompileBody(m.Body, true);
                cg.Emit(Op.LoadConst, cg.Const(null));
                cg.Emit(Op.ReturnValue);
                break;
            case Interactive i:
                cg._interactive = true;
                foreach (var s in i.Body) cg.VisitStmt(s);
                cg.Emit(Op.LoadConst, cg.Const(null));
                cg.Emit(Op.ReturnValue);
                break;
            case Expression e:
                cg.VisitExpr(e.Body);
                cg.Emit(Op.ReturnValue);
                break;
        }
        return cg.LeaveUnit(0, 0, 0, CodeFlags.None);
    }

    // ---- unit management ----

    private void EnterUnit(Scope scope, string name, string qualname, int firstLine)
    {
        if (_u != null) _stack.Push(_u);
        _u = new Unit { Scope = scope, Name = name, QualName = qualname, FirstLine = firstLine, Line = firstLine };
        _u.IsClass = scope.Kind == ScopeKind.Class;
        if (scope.IsFunctionLike)
            foreach (var p in scope.Params) AddVar(p);
    }

    private int AddVar(string name)
    {
        if (_u.VarIndex.TryGetValue(name, out int i)) return i;
        i = _u.VarNames.Count;
        _u.VarNames.Add(name);
        _u.VarIndex[name] = i;
        return i;
    }

    private CodeUnit LeaveUnit(int argCount, int posOnly, int kwOnly, CodeFlags flags)
    {
        var u = _u;
        var (code, lines, table, maxStack) = Assembler.Assemble(u.Instrs, u.Labels, u.Handlers);
        var cells = u.Scope.CellVars.ToArray();
        var cell2arg = new int[cells.Length];
        for (int i = 0; i < cells.Length; i++)
            cell2arg[i] = u.Scope.IsFunctionLike ? u.Scope.Params.IndexOf(cells[i]) : -1;
        if (u.Scope.IsFunctionLike) flags |= CodeFlags.Optimized | CodeFlags.NewLocals;
        if (u.Scope.IsGenerator) flags |= CodeFlags.Generator;
        if (cells.Length == 0 && u.Scope.FreeVars.Count == 0) flags |= CodeFlags.NoFree;
        var cu = new CodeUnit
        {
            Name = u.Name, QualName = u.QualName, Filename = _filename, FirstLine = u.FirstLine,
            ArgCount = argCount, PosOnlyArgCount = posOnly, KwOnlyArgCount = kwOnly, Flags = flags,
            VarNames = u.VarNames.ToArray(), CellVars = cells, FreeVars = u.Scope.FreeVars.ToArray(), Cell2Arg = cell2arg,
            Names = u.Names.ToArray(), Consts = u.Consts.ToArray(), Code = code, Lines = lines,
            ExceptionTable = table, MaxStack = maxStack, Doc = u.Doc,
        };
        _u = _stack.Count > 0 ? _stack.Pop() : null!;
        return cu;
    }

    // ---- emission ----

    private void Emit(Op op, int arg = 0)
    {
        _u.Instrs.Add(new Instr { Op = op, Arg = arg, Line = _u.Line, Handler = _u.CurrentHandler });
    }

    private int NewLabel()
    {
        _u.Labels.Add(-1);
        return _u.Labels.Count - 1;
    }

    private void Mark(int label) => _u.Labels[label] = _u.Instrs.Count;

    /// <summary>Starts a protected region whose handler is at <paramref name="label"/>; the handler's stack depth is the current depth minus <paramref name="exclude"/>.</summary>
    private int PushHandler(int label, int exclude = 0)
    {
        int prev = _u.CurrentHandler;
        _u.Handlers.Add(new HandlerInfo { Label = label });
        int h = _u.Handlers.Count - 1;
        _u.Instrs.Add(new Instr { Op = Op.SetupHandler, Arg = h, Line = _u.Line, Handler = prev, Extra = exclude });
        _u.CurrentHandler = h;
        return prev;
    }

    private void PopHandler(int prev) => _u.CurrentHandler = prev;

    private int Const(object? value)
    {
        object? keyVal = value;
        if (value is double d) keyVal = BitConverter.DoubleToInt64Bits(d);
        if (value is System.Numerics.Complex c) keyVal = (BitConverter.DoubleToInt64Bits(c.Real), BitConverter.DoubleToInt64Bits(c.Imaginary));
        if (value is byte[] b) keyVal = Convert.ToBase64String(b);
        if (value is CodeUnit || value is ConstTuple || value is ConstKeyNames || value is ConstFrozenSet) keyVal = new object();
        var key = (value?.GetType(), keyVal);
        if (_u.ConstIndex.TryGetValue(key, out int i)) return i;
        i = _u.Consts.Count;
        _u.Consts.Add(value);
        _u.ConstIndex[key] = i;
        return i;
    }

    private int NameIdx(string name)
    {
        if (_u.NameIndex.TryGetValue(name, out int i)) return i;
        i = _u.Names.Count;
        _u.Names.Add(name);
        _u.NameIndex[name] = i;
        return i;
    }

    private static string Mangle(string? privateName, string name)
    {
        if (privateName == null || !name.StartsWith("__", StringComparison.Ordinal) || name.EndsWith("__", StringComparison.Ordinal) || name.Contains('.'))
            return name;
        string cls = privateName.TrimStart('_');
        if (cls.Length == 0) return name;
        return "_" + cls + name;
    }

    private string? _privateName;

    // ---- names ----

    private enum Ctx { Load, Store, Del }

    private void CompileName(string rawName, Ctx ctx)
    {
        string name = Mangle(_privateName, rawName);
        var scope = _u.Scope;
        var r = scope.Lookup(name);
        if (scope.IsFunctionLike)
        {
            switch (r)
            {
                case NameScope.Local:
                    int v = AddVar(name);
                    Emit(ctx == Ctx.Load ? Op.LoadFast : ctx == Ctx.Store ? Op.StoreFast : Op.DeleteFast, v);
                    return;
                case NameScope.Cell:
                case NameScope.Free:
                    Emit(ctx == Ctx.Load ? Op.LoadDeref : ctx == Ctx.Store ? Op.StoreDeref : Op.DeleteDeref, CellIndex(name));
                    return;
                default:
                    Emit(ctx == Ctx.Load ? Op.LoadGlobal : ctx == Ctx.Store ? Op.StoreGlobal : Op.DeleteGlobal, NameIdx(name));
                    return;
            }
        }
        if (r == NameScope.GlobalExplicit)
        {
            Emit(ctx == Ctx.Load ? Op.LoadGlobal : ctx == Ctx.Store ? Op.StoreGlobal : Op.DeleteGlobal, NameIdx(name));
            return;
        }
        if (scope.Kind == ScopeKind.Class && r == NameScope.Free)
        {
            if (ctx == Ctx.Load) Emit(Op.LoadClassDeref, CellIndex(name));
            else Emit(ctx == Ctx.Store ? Op.StoreDeref : Op.DeleteDeref, CellIndex(name));
            return;
        }
        Emit(ctx == Ctx.Load ? Op.LoadName : ctx == Ctx.Store ? Op.StoreName : Op.DeleteName, NameIdx(name));
    }

    private int CellIndex(string name)
    {
        int i = _u.Scope.CellVars.IndexOf(name);
        if (i >= 0) return i;
        i = _u.Scope.FreeVars.IndexOf(name);
        if (i < 0) throw new InvalidOperationException("no cell for " + name);
        return _u.Scope.CellVars.Count + i;
    }

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
            _u.Line = body[0].Line;
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
        _u.Line = s.Line;
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
            case TryStar t: throw new CompileError("except* is not supported by PySharp yet", t.Line, t.Col);
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
        switch (target)
        {
            case Name n: CompileName(n.Id, Ctx.Store); break;
            case A.Attribute a:
                VisitExpr(a.Value);
                _u.Line = a.Line;
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
        int op = (int)a.Op + BinaryOpCodes.Inplace;
        switch (a.Target)
        {
            case Name n:
                CompileName(n.Id, Ctx.Load);
                VisitExpr(a.Value);
                _u.Line = a.Line;
                Emit(Op.BinaryOp, op);
                CompileName(n.Id, Ctx.Store);
                break;
            case A.Attribute at:
                VisitExpr(at.Value);
                Emit(Op.Copy, 1);
                Emit(Op.LoadAttr, NameIdx(Mangle(_privateName, at.Attr)));
                VisitExpr(a.Value);
                _u.Line = a.Line;
                Emit(Op.BinaryOp, op);
                Emit(Op.Swap, 2);
                Emit(Op.StoreAttr, NameIdx(Mangle(_privateName, at.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitExpr(s.Slice);
                Emit(Op.Copy, 2);
                Emit(Op.Copy, 2);
                Emit(Op.BinarySubscr);
                VisitExpr(a.Value);
                _u.Line = a.Line;
                Emit(Op.BinaryOp, op);
                Emit(Op.Swap, 3);
                Emit(Op.Swap, 2);
                Emit(Op.StoreSubscr);
                break;
            default: throw new CompileError("illegal expression for augmented assignment", a.Line, a.Col);
        }
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
        _u.Line = w.Line;
        Emit(Op.JumpBackward, start);
        Mark(orelse);
        VisitBody(w.Orelse);
        Mark(end);
    }

    private void CompileFor(For f)
    {
        int start = NewLabel(), cleanup = NewLabel(), end = NewLabel();
        VisitExpr(f.Iter);
        _u.Line = f.Line;
        Emit(Op.GetIter);
        Mark(start);
        Emit(Op.ForIter, cleanup);
        PushBlock(FBlock.ForLoop, start, end);
        Store(f.Target);
        VisitBody(f.Body);
        PopBlock();
        _u.Line = f.Line;
        Emit(Op.JumpBackward, start);
        Mark(cleanup);
        VisitBody(f.Orelse);
        Mark(end);
    }

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
        if (r.Value != null) VisitExpr(r.Value);
        else Emit(Op.LoadConst, Const(null));
        _u.Line = r.Line;
        UnwindBlocks(null, true, false);
        Emit(Op.ReturnValue);
    }

    private void CompileRaise(Raise r)
    {
        int n = 0;
        if (r.Exc != null) { VisitExpr(r.Exc); n = 1; if (r.Cause != null) { VisitExpr(r.Cause); n = 2; } }
        _u.Line = r.Line;
        Emit(Op.RaiseVarargs, n);
    }

    private void CompileAssert(Assert a)
    {
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
        _u.Line = a.Line;
        Emit(Op.RaiseVarargs, 1);
        Mark(end);
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
        _u.Line = t.Finalbody[0].Line;
        Emit(Op.PushExcInfo);
        PushHandler(cleanup, 1);
        var fe = PushBlock(FBlock.FinallyEnd);
        fe.OuterHandler = outer;
        VisitBody(t.Finalbody);
        PopBlock();
        Emit(Op.Reraise);
        PopHandler(outer);
        Mark(cleanup);
        Emit(Op.Swap, 2);
        Emit(Op.PopExcept);
        Emit(Op.Reraise);
        Mark(end);
    }

    private void CompileTryExcept(Try t)
    {
        int handler = NewLabel(), end = NewLabel(), cleanup = NewLabel(), orelse = NewLabel();
        int outer = PushHandler(handler);
        var tb = PushBlock(FBlock.TryExcept);
        tb.OuterHandler = outer;
        VisitBody(t.Body);
        PopBlock();
        PopHandler(outer);
        Emit(Op.Jump, orelse);
        Mark(handler);
        _u.Line = t.Handlers[0].Line;
        Emit(Op.PushExcInfo);
        PushHandler(cleanup, 1);
        int handlerRegion = _u.CurrentHandler;
        for (int i = 0; i < t.Handlers.Count; i++)
        {
            var h = t.Handlers[i];
            _u.Line = h.Line;
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
        PopHandler(outer);
        Mark(cleanup);
        Emit(Op.Swap, 2);
        Emit(Op.PopExcept);
        Emit(Op.Reraise);
        Mark(orelse);
        VisitBody(t.Orelse);
        Mark(end);
    }

    private void CompileWith(With w, int item)
    {
        var it = w.Items[item];
        int exc = NewLabel(), end = NewLabel(), cleanup = NewLabel(), suppress = NewLabel();
        VisitExpr(it.ContextExpr);
        _u.Line = w.Line;
        Emit(Op.BeforeWith);
        int outer = PushHandler(exc, 1);
        var wb = PushBlock(FBlock.With);
        wb.OuterHandler = outer;
        if (it.OptionalVars != null) Store(it.OptionalVars);
        else Emit(Op.PopTop);
        if (item + 1 < w.Items.Count) CompileWith(w, item + 1);
        else VisitBody(w.Body);
        PopBlock();
        PopHandler(outer);
        _u.Line = w.Line;
        Emit(Op.LoadConst, Const(null));
        Emit(Op.LoadConst, Const(null));
        Emit(Op.LoadConst, Const(null));
        Emit(Op.Call, 2);
        Emit(Op.PopTop);
        Emit(Op.Jump, end);
        Mark(exc);
        Emit(Op.PushExcInfo);
        PushHandler(cleanup, 1);
        Emit(Op.WithExceptStart);
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
