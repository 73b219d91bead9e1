using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>Assignment/deletion targets: context marking and CPython's invalid-target errors.</summary>
internal sealed partial class PythonParser
{
    enum TargetKind { Star, For, Del }

    /// <summary>CPython's <c>_PyPegen_get_expr_name</c>.</summary>
    static string ExprName(Expr e) => e switch
    {
        Attribute => "attribute",
        Subscript => "subscript",
        Starred => "starred",
        Name => "name",
        List => "list",
        Tuple => "tuple",
        Ast.Lambda => "lambda",
        Call => "function call",
        BoolOp or BinOp or UnaryOpExpr => "expression",
        GeneratorExp => "generator expression",
        Yield or YieldFrom => "yield expression",
        Await => "await expression",
        ListComp => "list comprehension",
        SetComp => "set comprehension",
        DictComp => "dict comprehension",
        Dict => "dict literal",
        Set => "set display",
        JoinedStr or FormattedValue => "f-string expression",
        Constant { Value: null } => "None",
        Constant { Value: true } => "True",
        Constant { Value: false } => "False",
        Constant { Value: Ellipsis } => "ellipsis",
        Constant => "literal",
        Compare => "comparison",
        IfExp => "conditional expression",
        NamedExpr => "named expression",
        _ => "expression",
    };

    /// <summary>CPython's <c>_PyPegen_get_invalid_target</c>: the first sub-expression that cannot be a target.</summary>
    static Expr? InvalidTarget(Expr e, TargetKind kind)
    {
        switch (e)
        {
            case List l:
                foreach (var x in l.Elts) if (InvalidTarget(x, kind) is { } bad) return bad;
                return null;
            case Tuple tu:
                foreach (var x in tu.Elts) if (InvalidTarget(x, kind) is { } bad) return bad;
                return null;
            case Starred s:
                return kind == TargetKind.Del ? e : InvalidTarget(s.Value, kind);
            case Compare c:
                if (kind == TargetKind.For)
                    return c.Ops[0] == CmpOp.In ? InvalidTarget(c.Left, kind) : null;
                return e;
            case Name or Subscript or Attribute:
                return null;
            default:
                return e;
        }
    }

    PythonSyntaxError InvalidTargetError(Expr bad, TargetKind kind)
        => ErrorAt(bad, kind == TargetKind.Del ? $"cannot delete {ExprName(bad)}" : $"cannot assign to {ExprName(bad)}");

    /// <summary>Marks <paramref name="e"/> (and its elements) as a Store/Del target or raises CPython's error.</summary>
    void SetContext(Expr e, ExprContext ctx, TargetKind kind)
    {
        switch (e)
        {
            case Name n: n.Ctx = ctx; return;
            case Attribute a: a.Ctx = ctx; return;
            case Subscript s: s.Ctx = ctx; return;
            case Starred st when kind != TargetKind.Del:
                st.Ctx = ctx;
                SetContext(st.Value, ctx, kind);
                return;
            case Tuple tu:
                tu.Ctx = ctx;
                foreach (var x in tu.Elts) SetContext(x, ctx, kind);
                return;
            case List l:
                l.Ctx = ctx;
                foreach (var x in l.Elts) SetContext(x, ctx, kind);
                return;
        }
        throw InvalidTargetError(InvalidTarget(e, kind) ?? e, kind);
    }

    /// <summary>Whether <paramref name="e"/> is something the bitwise_or rule can produce (no comparison, not, and/or, lambda, if-else).</summary>
    static bool IsBitwiseOrLevel(Expr e)
        => e is not (Compare or BoolOp or UnaryOpExpr { Op: UnaryOperator.Not } or IfExp or Ast.Lambda or NamedExpr or Starred or Tuple or Yield or YieldFrom);
}
