using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>Compound statements: if/while/for/with/try/def/class and blocks.</summary>
internal sealed partial class PythonParser
{
    /// <summary>block: NEWLINE INDENT statements DEDENT | simple_stmts.</summary>
    List<Stmt> Block(string what, int headerLine)
    {
        var body = new List<Stmt>();
        if (At(TokenKind.Newline))
        {
            p++;
            if (!At(TokenKind.Indent))
                throw ErrorAt(Cur, $"expected an indented block after {what} on line {headerLine}", SyntaxErrorKind.IndentationError);
            p++;
            while (!At(TokenKind.Dedent) && !At(TokenKind.EndMarker))
                Statement(body);
            if (At(TokenKind.Dedent)) p++;
            return body;
        }
        if (At(TokenKind.Indent) || At(TokenKind.EndMarker)) throw InvalidSyntax();
        SimpleStatements(body);
        return body;
    }

    Stmt If()
    {
        int s = p;
        int line = Cur.Line;
        p++;
        var test = NamedExpressionChecked();
        HeaderColon();
        var node = new If { Test = test, Body = Block("'if' statement", line) };
        node.Orelse = ElifOrElse();
        return Mk(node, s);
    }

    List<Stmt> ElifOrElse()
    {
        if (AtKw("elif"))
        {
            int s = p;
            int line = Cur.Line;
            p++;
            var test = NamedExpressionChecked();
            HeaderColon();
            var node = new If { Test = test, Body = Block("'elif' statement", line) };
            node.Orelse = ElifOrElse();
            return [Mk(node, s)];
        }
        return ElseBlock();
    }

    List<Stmt> ElseBlock()
    {
        if (!AtKw("else")) return [];
        int line = Cur.Line;
        p++;
        ForceOp(":");
        return Block("'else' statement", line);
    }

    Stmt While()
    {
        int s = p;
        int line = Cur.Line;
        p++;
        var test = NamedExpressionChecked();
        HeaderColon();
        var node = new While { Test = test, Body = Block("'while' statement", line) };
        node.Orelse = ElseBlock();
        return Mk(node, s);
    }

    Stmt For(int s, bool isAsync)
    {
        int line = Cur.Line;
        p++; // 'for'
        int ts = p;
        var target = StarTargets();
        if (!AtKw("in")) throw BadForTarget(ts, target);
        SetContext(target, ExprContext.Store, TargetKind.For);
        p++;
        var iter = StarExpressions();
        ForceOp(":");
        var body = Block("'for' statement", line);
        var orelse = ElseBlock();
        return isAsync
            ? Mk(new AsyncFor { Target = target, Iter = iter, Body = body, Orelse = orelse }, s)
            : Mk(new For { Target = target, Iter = iter, Body = body, Orelse = orelse }, s);
    }

    Stmt With(int s, bool isAsync)
    {
        int line = Cur.Line;
        p++; // 'with'
        List<WithItem>? items = null;
        if (AtOp("("))
        {
            // with ( item, item, ) : — only if the closing paren is followed by ':'
            int save = p;
            try
            {
                p++;
                var list = new List<WithItem>();
                while (true)
                {
                    list.Add(WithItemRule());
                    if (!EatOp(",")) break;
                    if (AtOp(")")) break;
                }
                ExpectOp(")");
                if (!AtOp(":")) throw InvalidSyntax();
                items = list;
            }
            catch (PythonSyntaxError) when (fatalError == null)
            {
                p = save;
            }
        }
        if (items == null)
        {
            items = new List<WithItem>();
            do items.Add(WithItemRule()); while (EatOp(","));
        }
        HeaderColon();
        var body = Block("'with' statement", line);
        return isAsync
            ? Mk(new AsyncWith { Items = items, Body = body }, s)
            : Mk(new With { Items = items, Body = body }, s);
    }

    WithItem WithItemRule()
    {
        var e = Expression();
        Expr? vars = null;
        if (EatKw("as"))
        {
            vars = StarTarget();
            if (!(AtOp(",") || AtOp(")") || AtOp(":")))
            {
                if (InvalidTarget(vars, TargetKind.Star) is { } bad) throw InvalidTargetError(bad, TargetKind.Star);
                throw InvalidSyntax();
            }
            SetContext(vars, ExprContext.Store, TargetKind.Star);
        }
        return new WithItem { ContextExpr = e, OptionalVars = vars };
    }

    Stmt Try()
    {
        int s = p;
        int line = Cur.Line;
        p++;
        ForceOp(":");
        var body = Block("'try' statement", line);
        var handlers = new List<ExceptHandler>();
        bool? star = null;
        while (AtKw("except"))
        {
            int hs = p;
            int hline = Cur.Line;
            p++;
            bool isStar = EatOp("*");
            if (star != null && star != isStar)
                throw ErrorAt(t[hs], "cannot have both 'except' and 'except*' on the same 'try'");
            star = isStar;
            var h = new ExceptHandler();
            if (!AtOp(":"))
            {
                if (At(TokenKind.Newline)) throw ErrorAt(Cur, "expected ':'");
                h.Type = Expression();
                if (AtOp(","))
                {
                    int save = p;
                    p++;
                    var more = new List<Expr> { h.Type };
                    try
                    {
                        do more.Add(Expression()); while (EatOp(","));
                    }
                    catch (PythonSyntaxError) when (fatalError == null) { p = save; throw InvalidSyntax(); }
                    if (AtKw("as") || AtOp(":"))
                        throw ErrorRange(more[0], more[^1], "multiple exception types must be parenthesized");
                    throw InvalidSyntax();
                }
                if (EatKw("as")) h.Name = ExpectName();
            }
            else if (isStar)
            {
                throw ErrorAt(Cur, "expected one or more exception types");
            }
            HeaderColon();
            h.Body = Block(isStar ? "'except*' statement" : "'except' statement", hline);
            handlers.Add(Mk(h, hs));
        }
        var orelse = handlers.Count > 0 ? ElseBlock() : [];
        List<Stmt> finalbody = [];
        if (AtKw("finally"))
        {
            int fline = Cur.Line;
            p++;
            ForceOp(":");
            finalbody = Block("'finally' statement", fline);
        }
        else if (handlers.Count == 0)
        {
            throw ErrorAt(Cur, "expected 'except' or 'finally' block");
        }
        return star == true
            ? Mk(new TryStar { Body = body, Handlers = handlers, Orelse = orelse, Finalbody = finalbody }, s)
            : Mk(new Try { Body = body, Handlers = handlers, Orelse = orelse, Finalbody = finalbody }, s);
    }

    Stmt Decorated()
    {
        var decorators = new List<Expr>();
        while (AtOp("@"))
        {
            p++;
            decorators.Add(NamedExpression());
            if (!At(TokenKind.Newline)) throw InvalidSyntax();
            p++;
        }
        int s = p;
        if (AtKw("def")) return FunctionDef(s, decorators, false);
        if (AtKw("class")) return ClassDef(s, decorators);
        if (AtKw("async") && PeekAt(1).IsName("def")) { p++; return FunctionDef(s, decorators, true); }
        throw InvalidSyntax();
    }

    Stmt FunctionDef(int s, List<Expr> decorators, bool isAsync)
    {
        int line = Cur.Line;
        p++; // 'def'
        string name = ExpectName();
        ForceOp("(");
        var args = Parameters(false);
        ExpectOp(")");
        Expr? returns = null;
        if (EatOp("->")) returns = Expression();
        ForceOp(":");
        var body = Block("function definition", line);
        return isAsync
            ? Mk(new AsyncFunctionDef { Name = name, Args = args, Body = body, DecoratorList = decorators, Returns = returns }, s)
            : Mk(new FunctionDef { Name = name, Args = args, Body = body, DecoratorList = decorators, Returns = returns }, s);
    }

    Stmt ClassDef(int s, List<Expr> decorators)
    {
        int line = Cur.Line;
        p++; // 'class'
        string name = ExpectName();
        var node = new ClassDef { Name = name, DecoratorList = decorators };
        if (EatOp("("))
        {
            if (!AtOp(")")) CallArguments(node.Bases, node.Keywords);
            ExpectOp(")");
        }
        HeaderColon();
        node.Body = Block("class definition", line);
        return Mk(node, s);
    }
}
