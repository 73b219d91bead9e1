namespace PySharp.Syntax.Ast;

/// <summary>
/// Base of every AST node. Positions follow CPython: <see cref="Line"/> and
/// <see cref="EndLine"/> are 1-based, <see cref="Col"/> and <see cref="EndCol"/> are
/// 0-based offsets counted in characters (UTF-16 code units here; CPython counts UTF-8
/// bytes, see the dumper's conversion). Nodes that CPython gives no position
/// (comprehension, arguments, withitem, match_case, the mod nodes) leave them 0.
/// </summary>
public abstract class Node
{
    /// <summary>First line (CPython <c>lineno</c>), 1-based.</summary>
    public int Line { get; set; }
    /// <summary>Start column (CPython <c>col_offset</c>), 0-based.</summary>
    public int Col { get; set; }
    /// <summary>Last line (CPython <c>end_lineno</c>), 1-based.</summary>
    public int EndLine { get; set; }
    /// <summary>End column, exclusive (CPython <c>end_col_offset</c>), 0-based.</summary>
    public int EndCol { get; set; }

    /// <summary>Dispatches to the visitor method for this node's class.</summary>
    public abstract T Accept<T>(AstVisitor<T> visitor);

    /// <summary>The direct child nodes in CPython field order (null entries skipped).</summary>
    public abstract IEnumerable<Node> GetChildren();

    /// <summary>Copies the start of <paramref name="start"/> and the end of <paramref name="end"/>.</summary>
    internal void SetSpan(Node start, Node end)
    {
        Line = start.Line; Col = start.Col; EndLine = end.EndLine; EndCol = end.EndCol;
    }

    /// <inheritdoc/>
    public override string ToString() => AstDump.Dump(this);
}

/// <summary>A module-level root: <see cref="Module"/>, <see cref="Interactive"/> or <see cref="Expression"/>.</summary>
public abstract class Mod : Node { }

/// <summary>A statement (CPython's <c>ast.stmt</c>).</summary>
public abstract class Stmt : Node { }

/// <summary>An expression (CPython's <c>ast.expr</c>).</summary>
public abstract class Expr : Node { }

/// <summary>A match-statement pattern (CPython's <c>ast.pattern</c>).</summary>
public abstract class Pattern : Node { }

/// <summary>The value of the <c>...</c> literal in <see cref="Constant.Value"/>.</summary>
public sealed class Ellipsis
{
    /// <summary>The single instance.</summary>
    public static readonly Ellipsis Instance = new();
    private Ellipsis() { }
    /// <inheritdoc/>
    public override string ToString() => "Ellipsis";
}

/// <summary>CPython's <c>ast.boolop</c>.</summary>
public enum BoolOperator { /** <c>and</c> */ And, /** <c>or</c> */ Or }

/// <summary>CPython's <c>ast.operator</c> (binary and augmented-assignment operators).</summary>
public enum Operator
{
    /** <c>+</c> */ Add, /** <c>-</c> */ Sub, /** <c>*</c> */ Mult, /** <c>@</c> */ MatMult,
    /** <c>/</c> */ Div, /** <c>%</c> */ Mod, /** <c>**</c> */ Pow, /** <c>&lt;&lt;</c> */ LShift,
    /** <c>&gt;&gt;</c> */ RShift, /** <c>|</c> */ BitOr, /** <c>^</c> */ BitXor,
    /** <c>&amp;</c> */ BitAnd, /** <c>//</c> */ FloorDiv,
}

/// <summary>CPython's <c>ast.unaryop</c>.</summary>
public enum UnaryOperator { /** <c>~</c> */ Invert, /** <c>not</c> */ Not, /** <c>+</c> */ UAdd, /** <c>-</c> */ USub }

/// <summary>CPython's <c>ast.cmpop</c>.</summary>
public enum CmpOp
{
    /** <c>==</c> */ Eq, /** <c>!=</c> */ NotEq, /** <c>&lt;</c> */ Lt, /** <c>&lt;=</c> */ LtE,
    /** <c>&gt;</c> */ Gt, /** <c>&gt;=</c> */ GtE, /** <c>is</c> */ Is, /** <c>is not</c> */ IsNot,
    /** <c>in</c> */ In, /** <c>not in</c> */ NotIn,
}

/// <summary>CPython's <c>ast.expr_context</c>.</summary>
public enum ExprContext { /** read */ Load, /** assignment target */ Store, /** <c>del</c> target */ Del }
