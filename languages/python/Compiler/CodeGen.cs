using System.Numerics;
using PySharp.Syntax;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

/// <summary>What a code unit is being compiled for.</summary>
public enum CompileMode { Exec, Eval, Single }

/// <summary>Compiles an AST into <see cref="CodeUnit"/>s (CPython's compile.c, simplified).</summary>
public sealed partial class CodeGen
{
    [ThreadStatic] private static int t_optimize;

    /// <summary>
    /// The -O level of the program compiling on this thread: from 1 on, assert statements
    /// compile to nothing (CPython's __debug__ is then False).
    /// </summary>
    public static int OptimizeLevel { get => t_optimize; set => t_optimize = value; }

    private enum FBlock { WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, HandlerCleanup, PopValue }

    private sealed class FrameBlock
    {
        public FBlock Kind;
        public int Start, Exit;       // labels for loops
        public int OuterHandler;
        public List<Stmt>? FinalBody;
        public string? Name;
        public bool IsAsync;
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
        /// <summary>The source range new instructions get (CPython's u_lineno .. u_end_col_offset).</summary>
        public SrcLoc Loc;
        /// <summary>Sets a line-only location (no columns: no carets in tracebacks).</summary>
        public int Line { set => Loc = new SrcLoc(value, value, -1, -1); }
        public string? Doc;
        public bool IsClass;
    }

    private readonly string _filename;
    private readonly SymbolTable _symbols;
    private Unit _u = null!;
    private readonly Stack<Unit> _stack = new();
    private bool _interactive;

    private Utf8Columns? _columns;

    private CodeGen(string filename, SymbolTable symbols) { _filename = filename; _symbols = symbols; }

    /// <summary>Compiles a module, an expression (<see cref="CompileMode.Eval"/>) or an interactive statement.</summary>
    /// <param name="mod">The tree.</param>
    /// <param name="filename">co_filename.</param>
    /// <param name="mode">What the code is for.</param>
    /// <param name="source">The source text the tree was parsed from: when given, instruction
    /// columns are recorded as UTF-8 byte offsets (CPython's co_positions); otherwise the
    /// tree's columns are taken as they are.</param>
    public static CodeUnit Compile(Mod mod, string filename, CompileMode mode, string? source = null)
    {
        SymbolTable st = mod switch
        {
            A.Module m => SymbolTable.Build(mod, m.Body),
            Interactive i => SymbolTable.Build(mod, i.Body),
            Expression e => SymbolTable.Build(mod, null, e.Body),
            _ => throw new ArgumentException("unknown module kind"),
        };
        var cg = new CodeGen(filename, st) { _columns = source != null ? new Utf8Columns(source) : null };
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
        var (code, lines, positions, table, maxStack) = Assembler.Assemble(u.Instrs, u.Labels, u.Handlers);
        if (_columns != null)
            for (int i = 0; i < positions.Length; i++)
            {
                ref var p = ref positions[i];
                if (p.Col >= 0) p.Col = _columns.ToByte(p.Line, p.Col);
                if (p.EndCol >= 0) p.EndCol = _columns.ToByte(p.EndLine, p.EndCol);
            }
        var cells = u.Scope.CellVars.ToArray();
        var cell2arg = new int[cells.Length];
        for (int i = 0; i < cells.Length; i++)
            cell2arg[i] = u.Scope.IsFunctionLike ? u.Scope.Params.IndexOf(cells[i]) : -1;
        if (u.Scope.IsFunctionLike) flags |= CodeFlags.Optimized | CodeFlags.NewLocals;
        if (u.Scope.IsCoroutine) flags |= CodeFlags.Coroutine;
        if (u.Scope.IsGenerator) flags |= (flags & CodeFlags.Coroutine) != 0 ? CodeFlags.AsyncGenerator : CodeFlags.Generator;
        if ((flags & CodeFlags.AsyncGenerator) != 0) flags &= ~CodeFlags.Coroutine;
        if (cells.Length == 0 && u.Scope.FreeVars.Count == 0) flags |= CodeFlags.NoFree;
        var cu = new CodeUnit
        {
            Name = u.Name, QualName = u.QualName, Filename = _filename, FirstLine = u.FirstLine,
            ArgCount = argCount, PosOnlyArgCount = posOnly, KwOnlyArgCount = kwOnly, Flags = flags,
            VarNames = u.VarNames.ToArray(), CellVars = cells, FreeVars = u.Scope.FreeVars.ToArray(), Cell2Arg = cell2arg,
            Names = u.Names.ToArray(), Consts = u.Consts.ToArray(), Code = code, Lines = lines, Positions = positions,
            ExceptionTable = table, MaxStack = maxStack, Doc = u.Doc,
        };
        _u = _stack.Count > 0 ? _stack.Pop() : null!;
        return cu;
    }

    // ---- emission ----

    private void Emit(Op op, int arg = 0)
    {
        _u.Instrs.Add(new Instr { Op = op, Arg = arg, Loc = _u.Loc, Handler = _u.CurrentHandler });
    }

    /// <summary>New instructions get <paramref name="n"/>'s source range (CPython's SET_LOC).</summary>
    private void SetLoc(Node n) => _u.Loc = SrcLoc.Of(n);

    /// <summary>
    /// For an attribute spanning lines, moves the start of the current range to the attribute
    /// name on its last line, so a traceback points at <c>.name</c> rather than the line the
    /// chain began on (CPython's update_start_location_to_match_attr).
    /// </summary>
    private void MatchAttrStart(A.Attribute a)
    {
        var l = _u.Loc;
        if (l.Line == a.EndLine || a.EndLine <= 0) return;
        l.Line = a.EndLine;
        if (a.Attr.Length <= a.EndCol) l.Col = a.EndCol - a.Attr.Length;
        else { l.Col = -1; l.EndCol = -1; }
        l.EndLine = Math.Max(l.Line, l.EndLine);
        if (l.Line == l.EndLine) l.EndCol = Math.Max(l.Col, l.EndCol);
        _u.Loc = l;
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
        _u.Instrs.Add(new Instr { Op = Op.SetupHandler, Arg = h, Loc = _u.Loc, Handler = prev, Extra = exclude });
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
}
