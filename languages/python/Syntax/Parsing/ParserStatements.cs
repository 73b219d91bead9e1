using System.Runtime.CompilerServices;
using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>Simple statements, assignment and the statement dispatcher.</summary>
internal sealed partial class PythonParser
{
    void Statement(List<Stmt> body)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        ref Token tok = ref Cur;
        if (tok.Kind == TokenKind.Name)
        {
            switch (tok.Text)
            {
                case "def": body.Add(FunctionDef(p, [], false)); return;
                case "if": body.Add(If()); return;
                case "class": body.Add(ClassDef(p, [])); return;
                case "with": body.Add(With(p, false)); return;
                case "for": body.Add(For(p, false)); return;
                case "try": body.Add(Try()); return;
                case "while": body.Add(While()); return;
                case "async":
                    {
                        int s = p;
                        ref Token next = ref PeekAt(1);
                        if (next.Kind == TokenKind.Name)
                        {
                            if (next.Text == "def") { p++; body.Add(FunctionDef(s, [], true)); return; }
                            if (next.Text == "with") { p++; body.Add(With(s, true)); return; }
                            if (next.Text == "for") { p++; body.Add(For(s, true)); return; }
                        }
                        p++;
                        throw InvalidSyntax();
                    }
                case "match":
                    if (TryMatchStatement() is { } m) { body.Add(m); return; }
                    if (matchMissingColon >= 0)
                    {
                        int colon = matchMissingColon;
                        try { SimpleStatements(body); }
                        catch (PythonSyntaxError) when (fatalError == null) { throw ErrorAt(t[colon], "expected ':'"); }
                        return;
                    }
                    break;
            }
        }
        else if (tok.Kind == TokenKind.Op && (object)tok.Text == "@")
        {
            body.Add(Decorated());
            return;
        }
        SimpleStatements(body);
    }

    void SimpleStatements(List<Stmt> body)
    {
        while (true)
        {
            body.Add(SimpleStatement());
            if (EatOp(";"))
            {
                if (At(TokenKind.Newline)) break;
                continue;
            }
            break;
        }
        if (!At(TokenKind.Newline)) throw InvalidSyntax();
        p++;
    }

    bool AtStmtEnd => Cur.Kind == TokenKind.Newline || AtOp(";");

    Stmt SimpleStatement()
    {
        int s = p;
        ref Token tok = ref Cur;
        if (tok.Kind == TokenKind.Name)
        {
            switch (tok.Text)
            {
                case "pass": p++; return Mk(new Pass(), s);
                case "break": p++; return Mk(new Break(), s);
                case "continue": p++; return Mk(new Continue(), s);
                case "return":
                    p++;
                    return Mk(new Return { Value = AtStmtEnd ? null : StarExpressions() }, s);
                case "raise":
                    {
                        p++;
                        var r = new Raise();
                        if (!AtStmtEnd)
                        {
                            r.Exc = Expression();
                            if (EatKw("from")) r.Cause = Expression();
                        }
                        return Mk(r, s);
                    }
                case "global":
                case "nonlocal":
                    {
                        p++;
                        var names = new List<string> { ExpectName() };
                        while (EatOp(",")) names.Add(ExpectName());
                        return tok.Text == "global" ? Mk(new Global { Names = names }, s) : Mk(new Nonlocal { Names = names }, s);
                    }
                case "del": return Delete();
                case "assert":
                    {
                        p++;
                        var a = new Assert { Test = Expression() };
                        if (EatOp(",")) a.Msg = Expression();
                        return Mk(a, s);
                    }
                case "import": return Import();
                case "from": return ImportFrom();
            }
        }
        return ExpressionStatement();
    }

    Stmt Delete()
    {
        int s = p;
        p++;
        var targets = new List<Expr>();
        while (true)
        {
            var e = StarExpressionNoStar();
            targets.Add(e);
            if (!EatOp(",")) break;
            if (AtStmtEnd) break;
        }
        if (!AtStmtEnd) throw InvalidSyntax();
        foreach (var e in targets) SetContext(e, ExprContext.Del, TargetKind.Del);
        return Mk(new Delete { Targets = targets }, s);
    }

    /// <summary>An expression or bitwise_or-level starred item, without folding into a tuple.</summary>
    Expr StarExpressionNoStar() => StarExpression();

    Stmt Import()
    {
        int s = p;
        p++;
        var names = new List<Alias>();
        do
        {
            int a = p;
            string name = DottedName();
            string? asname = EatKw("as") ? ExpectName() : null;
            names.Add(Mk(new Alias { Name = name, Asname = asname }, a));
        } while (EatOp(","));
        return Mk(new Import { Names = names }, s);
    }

    string DottedName()
    {
        string name = ExpectName();
        while (AtOp("."))
        {
            p++;
            name = name + "." + ExpectName();
        }
        return name;
    }

    Stmt ImportFrom()
    {
        int s = p;
        p++;
        int level = 0;
        while (true)
        {
            if (EatOp(".")) level++;
            else if (EatOp("...")) level += 3;
            else break;
        }
        string? module = null;
        if (!AtKw("import") || level == 0) module = DottedName();
        ExpectKw("import");
        var names = new List<Alias>();
        if (AtOp("*"))
        {
            int a = p;
            p++;
            names.Add(Mk(new Alias { Name = "*" }, a));
        }
        else
        {
            bool paren = EatOp("(");
            while (true)
            {
                int a = p;
                string name = ExpectName();
                string? asname = EatKw("as") ? ExpectName() : null;
                names.Add(Mk(new Alias { Name = name, Asname = asname }, a));
                if (!AtOp(",")) break;
                p++;
                if (paren && AtOp(")")) break;
                if (!paren && AtStmtEnd)
                    throw ErrorAt(Cur, "trailing comma not allowed without surrounding parentheses");
            }
            if (paren) ExpectOp(")");
        }
        return Mk(new ImportFrom { Module = module, Names = names, Level = level }, s);
    }

    Stmt ExpressionStatement()
    {
        int s = p;
        bool startsParen = AtOp("(");
        Expr e = AtKw("yield") ? YieldExpr() : StarExpressions();
        ref Token tok = ref Cur;
        if (tok.Kind == TokenKind.Op)
        {
            string op = tok.Text;
            if ((object)op == "=") return Assignment(s, e);
            if ((object)op == ":") return AnnAssign(s, e, startsParen);
            if (AugOp(op) is { } aug)
            {
                if (e is not (Name or Attribute or Subscript))
                {
                    // invalid_augassign needs the right-hand side to parse.
                    int firstPassMax = maxP;
                    p++;
                    bool rhs;
                    try { if (AtKw("yield")) YieldExpr(); else StarExpressions(); rhs = true; }
                    catch (PythonSyntaxError ex) when (fatalError == null && IsGeneric(ex)) { rhs = false; }
                    if (rhs) throw ErrorAt(e, $"'{ExprName(e)}' is an illegal expression for augmented assignment");
                    maxP = firstPassMax;
                    throw InvalidSyntax();
                }
                SetContext(e, ExprContext.Store, TargetKind.Star);
                p++;
                var value = AtKw("yield") ? YieldExpr() : StarExpressions();
                return Mk(new AugAssign { Target = e, Op = aug, Value = value }, s);
            }
        }
        if (e is Name { Id: "print" or "exec" } legacy && !AtStmtEnd && (tok.Kind != TokenKind.Op || tok.Text is "(" or "[" or "{" or "-" or "+" or "~" or "..."))
        {
            int save = p;
            try
            {
                var arg = StarExpressions();
                throw ErrorRange(legacy, arg, $"Missing parentheses in call to '{legacy.Id}'. Did you mean {legacy.Id}(...)?");
            }
            catch (PythonSyntaxError ex) when (fatalError == null && !ex.Msg.StartsWith("Missing parentheses", StringComparison.Ordinal))
            {
                p = save;
            }
        }
        return Mk(new ExprStmt { Value = e }, s);
    }

    static Operator? AugOp(string op) => op switch
    {
        "+=" => Operator.Add, "-=" => Operator.Sub, "*=" => Operator.Mult, "@=" => Operator.MatMult,
        "/=" => Operator.Div, "%=" => Operator.Mod, "&=" => Operator.BitAnd, "|=" => Operator.BitOr,
        "^=" => Operator.BitXor, "<<=" => Operator.LShift, ">>=" => Operator.RShift, "**=" => Operator.Pow,
        "//=" => Operator.FloorDiv, _ => null,
    };

    Stmt Assignment(int s, Expr first)
    {
        var targets = new List<Expr> { first };
        Expr value;
        while (true)
        {
            // At '=': CPython's invalid_assignment rejects the target as soon as the '=' is seen.
            CheckAssignTarget(s, targets[^1], targets.Count == 1);
            p++; // '='
            value = AtKw("yield") ? YieldExpr() : StarExpressions();
            if (!AtOp("=")) break;
            targets.Add(value);
        }
        foreach (var target in targets) SetContext(target, ExprContext.Store, TargetKind.Star);
        return Mk(new Assign { Targets = targets, Value = value }, s);
    }

    /// <summary>invalid_named_expression's "NAME '=' bitwise_or !('='|':=')", which CPython
    /// tries at the start of a statement whose assignment failed.</summary>
    PythonSyntaxError? AtStatementStartNameAssign(int s)
    {
        if (t[s].Kind != TokenKind.Name || IsKeyword(t[s].Text) || !t[s + 1].Is("=")) return null;
        int save = p, saveMax = maxP;
        p = s + 2;
        PythonSyntaxError? result = null;
        try
        {
            var value = BitOr();
            if (!AtOp("=") && !AtOp(":="))
            {
                var name = new Name { Line = t[s].Line, Col = t[s].Col, EndLine = t[s].EndLine, EndCol = t[s].EndCol };
                result = ErrorRange(name, value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        }
        catch (PythonSyntaxError e) when (fatalError == null && IsGeneric(e)) { }
        p = save;
        maxP = saveMax;
        return result;
    }

    void CheckAssignTarget(int s, Expr target, bool first)
    {
        if (target is Yield or YieldFrom && !t[Math.Max(0, TokenIndex(target) - 1)].Is("("))
            throw ErrorAt(target, "assignment to yield expression not possible");
        if (InvalidTarget(target, TargetKind.Star) is not { } bad) return;
        if (AtStatementStartNameAssign(s) is { } nameAssign) throw nameAssign;
        if (first && bad == target && (IsBitwiseOrLevel(target) || t[s].Is("(")) && seqAtomAt != s
            && !(target is Constant { Value: bool or null } && t[s].Kind == TokenKind.Name))
        {
            // invalid_named_expression: "target = bitwise_or" not followed by '=' or ':='.
            int save = p;
            p++;
            bool matches;
            try { BitOr(); matches = !AtOp("=") && !AtOp(":="); }
            catch (PythonSyntaxError) when (fatalError == null) { matches = false; }
            p = save;
            if (matches) throw ErrorAt(target, $"cannot assign to {ExprName(target)} here. Maybe you meant '==' instead of '='?");
        }
        throw InvalidTargetError(bad, TargetKind.Star);
    }

    /// <summary>The first token of a node (found by position).</summary>
    int TokenIndex(Node n)
    {
        int lo = 0, hi = p;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            ref Token m = ref t[mid];
            if (m.Line < n.Line || m.Line == n.Line && m.Col < n.Col) lo = mid + 1; else hi = mid;
        }
        return Math.Min(lo, t.Length - 1);
    }

    Stmt AnnAssign(int s, Expr target, bool startsParen)
    {
        p++; // ':'
        // CPython only blames the target once "target ':' expression" has parsed; for an
        // invalid target that happens in its second pass, which does not move the location
        // of a generic "invalid syntax".
        Expr annotation;
        bool validTarget = target is Name or Attribute or Subscript;
        int firstPassMax = maxP, annotationStart = p;
        try { annotation = Expression(); }
        catch (PythonSyntaxError e) when (fatalError == null && !validTarget && IsGeneric(e))
        {
            // PEG: "expression" matches any prefix that parses, e.g. just a primary.
            p = annotationStart;
            bool some;
            try { Primary(); some = true; }
            catch (PythonSyntaxError e2) when (fatalError == null && IsGeneric(e2)) { some = false; }
            if (some) annotation = null!;
            else
            {
                maxP = firstPassMax;
                throw InvalidSyntax();
            }
        }
        if (target is Tuple tup)
        {
            if (!startsParen || t[s].Line == target.Line && t[s].Col != target.Col)
                throw ErrorAt(tup.Elts[0], "only single target (not tuple) can be annotated");
            throw ErrorAt(target, "only single target (not tuple) can be annotated");
        }
        if (target is List)
            throw ErrorAt(target, "only single target (not list) can be annotated");
        if (target is not (Name or Attribute or Subscript))
            throw ErrorAt(target, "illegal target for annotation");
        Expr? value = null;
        if (EatOp("=")) value = AtKw("yield") ? YieldExpr() : StarExpressions();
        SetContext(target, ExprContext.Store, TargetKind.Star);
        bool simple = target is Name && !startsParen;
        return Mk(new AnnAssign { Target = target, Annotation = annotation, Value = value, Simple = simple }, s);
    }
}
