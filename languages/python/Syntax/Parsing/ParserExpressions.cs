using System.Runtime.CompilerServices;
using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>Expressions, from star_expressions down to atoms.</summary>
internal sealed partial class PythonParser
{
    /// <summary>Set while speculatively parsing the second expression of "Perhaps you forgot a comma?".</summary>
    bool noInvalidRules;

    bool CanStartExpression(in Token tok)
    {
        switch (tok.Kind)
        {
            case TokenKind.Number or TokenKind.String: return true;
            case TokenKind.Name:
                return !IsKeyword(tok.Text) || tok.Text is "not" or "lambda" or "await" or "None" or "True" or "False";
            case TokenKind.Op:
                return tok.Text is "(" or "[" or "{" or "-" or "+" or "~" or "...";
            default: return false;
        }
    }

    /// <summary>star_expressions: a Tuple when there is a comma.</summary>
    Expr StarExpressions()
    {
        int s = p;
        var first = StarExpression();
        if (!AtOp(",")) return first;
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (!(CanStartExpression(Cur) || AtOp("*"))) break;
            elts.Add(StarExpression());
        }
        return Mk(new Tuple { Elts = elts, Ctx = ExprContext.Load }, s);
    }

    /// <summary>eval input: expression (',' expression)* [','].</summary>
    Expr Expressions()
    {
        int s = p;
        var first = Expression();
        if (!AtOp(",")) return first;
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (!CanStartExpression(Cur)) break;
            elts.Add(Expression());
        }
        return Mk(new Tuple { Elts = elts, Ctx = ExprContext.Load }, s);
    }

    Expr StarExpression()
    {
        if (AtOp("*"))
        {
            int s = p;
            p++;
            var v = BitOr();
            return Mk(new Starred { Value = v, Ctx = ExprContext.Load }, s);
        }
        return Expression();
    }

    Expr StarNamedExpression()
    {
        if (AtOp("*"))
        {
            int s = p;
            p++;
            var v = BitOr();
            return Mk(new Starred { Value = v, Ctx = ExprContext.Load }, s);
        }
        return NamedExpression();
    }

    Expr NamedExpression()
    {
        int s = p;
        if (AtName && PeekAt(1).Is(":="))
        {
            p++;
            var target = Mk(new Name { Id = t[p - 1].Text, Ctx = ExprContext.Store }, s);
            p++;
            var value = Expression();
            return Mk(new NamedExpr { Target = target, Value = value }, s);
        }
        var e = Expression();
        if (AtOp(":="))
            throw ErrorAt(e, $"cannot use assignment expressions with {ExprName(e)}");
        return e;
    }

    /// <summary>A named_expression in a bracket or condition, with CPython's hints for a stray '='.</summary>
    Expr NamedExpressionChecked()
    {
        int s = p;
        var e = NamedExpression();
        if (AtOp("=") && !noInvalidRules) StrayAssignment(s, e);
        return e;
    }

    /// <summary>CPython's invalid_named_expression: "x = 1" where an expression is expected.</summary>
    void StrayAssignment(int s, Expr e)
    {
        int save = p, saveMax = maxP;
        p++;
        Expr? value = null;
        try { value = BitOr(); } catch (PythonSyntaxError) when (fatalError == null) { }
        bool followedByAssign = AtOp("=") || AtOp(":=");
        p = save;
        maxP = saveMax;
        if (value == null || followedByAssign) return;
        if (e is Name)
            throw ErrorRange(e, value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        if ((IsBitwiseOrLevel(e) || t[s].Is("(")) && seqAtomAt != s && !(e is Constant { Value: bool or null } && t[s].Kind == TokenKind.Name))
            throw ErrorAt(e, $"cannot assign to {ExprName(e)} here. Maybe you meant '==' instead of '='?");
    }

    Expr Expression()
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (AtKw("lambda")) return Lambda();
        int s = p;
        var body = Disjunction();
        if (AtKw("if"))
        {
            int afterBody = p;
            p++;
            Expr test;
            try { test = Disjunction(); }
            catch (PythonSyntaxError e) when (noInvalidRules && fatalError == null && IsGeneric(e)) { p = afterBody; return body; }
            if (!AtKw("else"))
            {
                // Like PEG, expression_without_invalid falls back to the bare disjunction.
                if (noInvalidRules) { p = afterBody; return body; }
                if (!AtOp(":")) throw ErrorRange(body, test, "expected 'else' after 'if' expression");
                throw InvalidSyntax();
            }
            p++;
            var orelse = Expression();
            return Mk(new IfExp { Test = test, Body = body, Orelse = orelse }, s);
        }
        if (!noInvalidRules && CanStartExpression(Cur)) ForgotComma(s, body);
        return body;
    }

    /// <summary>
    /// What CPython's second pass does when an expression is followed by another one:
    /// invalid_expression (two expressions in a row inside brackets: "Perhaps you forgot a
    /// comma?"; outside brackets the second expression is still parsed, which moves how far
    /// CPython has read) and invalid_legacy_expression (NAME followed by star_expressions:
    /// "Missing parentheses in call to 'print'", and any error met while parsing it, such as
    /// a bad escape in a string, wins).
    /// </summary>
    void ForgotComma(int s, Expr a)
    {
        int save = p, saveMax = maxP;
        bool nameThenString = t[s].Kind == TokenKind.Name && (t[s + 1].Kind == TokenKind.String || t[s].Text is "match" or "case" or "_");
        if (!nameThenString)
        {
            Expr? b = null;
            int bEnd = p;
            noInvalidRules = true;
            try { b = Expression(); bEnd = p; }
            catch (PythonSyntaxError e) when (fatalError == null && !IsFirstPass(e)) { }
            finally { noInvalidRules = false; }
            p = save;
            maxP = saveMax;
            if (b != null && t[Math.Max(0, bEnd - 1)].Level > 0 && a is not Name { Id: "print" or "exec" })
                throw ErrorRange(a, b, "invalid syntax. Perhaps you forgot a comma?");
        }
        if (a is Name legacy && p == s + 1)
        {
            Expr? b = null;
            try { b = StarExpressions(); }
            catch (PythonSyntaxError e) when (fatalError == null && IsGeneric(e)) { }
            p = save;
            maxP = saveMax;
            if (b != null && legacy.Id is "print" or "exec")
                throw ErrorRange(legacy, b, $"Missing parentheses in call to '{legacy.Id}'. Did you mean {legacy.Id}(...)?");
        }
    }

    Expr Disjunction()
    {
        int s = p;
        var first = Conjunction();
        if (!AtKw("or")) return first;
        var values = new List<Expr> { first };
        while (EatKw("or")) values.Add(Conjunction());
        return Mk(new BoolOp { Op = BoolOperator.Or, Values = values }, s);
    }

    Expr Conjunction()
    {
        int s = p;
        var first = Inversion();
        if (!AtKw("and")) return first;
        var values = new List<Expr> { first };
        while (EatKw("and")) values.Add(Inversion());
        return Mk(new BoolOp { Op = BoolOperator.And, Values = values }, s);
    }

    Expr Inversion()
    {
        if (AtKw("not"))
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            int s = p;
            p++;
            var operand = Inversion();
            return Mk(new UnaryOpExpr { Op = UnaryOperator.Not, Operand = operand }, s);
        }
        return Comparison();
    }

    CmpOp? CompareOp()
    {
        ref Token tok = ref Cur;
        if (tok.Kind == TokenKind.Op)
        {
            switch (tok.Text)
            {
                case "==": p++; return CmpOp.Eq;
                case "!=": p++; return CmpOp.NotEq;
                case "<": p++; return CmpOp.Lt;
                case "<=": p++; return CmpOp.LtE;
                case ">": p++; return CmpOp.Gt;
                case ">=": p++; return CmpOp.GtE;
            }
            return null;
        }
        if (tok.Kind != TokenKind.Name) return null;
        switch (tok.Text)
        {
            case "in": p++; return CmpOp.In;
            case "not":
                if (PeekAt(1).IsName("in")) { p += 2; return CmpOp.NotIn; }
                return null;
            case "is":
                p++;
                if (EatKw("not")) return CmpOp.IsNot;
                return CmpOp.Is;
        }
        return null;
    }

    Expr Comparison()
    {
        int s = p;
        var left = BitOr();
        var op = CompareOp();
        if (op == null) return left;
        var ops = new List<CmpOp>();
        var comparators = new List<Expr>();
        while (op != null)
        {
            ops.Add(op.Value);
            comparators.Add(BitOr());
            op = CompareOp();
        }
        return Mk(new Compare { Left = left, Ops = ops, Comparators = comparators }, s);
    }

    Expr BitOr()
    {
        int s = p;
        var e = BitXor();
        while (AtOp("|")) { p++; var r = BitXor(); e = Mk(new BinOp { Left = e, Op = Operator.BitOr, Right = r }, s); }
        return e;
    }

    Expr BitXor()
    {
        int s = p;
        var e = BitAnd();
        while (AtOp("^")) { p++; var r = BitAnd(); e = Mk(new BinOp { Left = e, Op = Operator.BitXor, Right = r }, s); }
        return e;
    }

    Expr BitAnd()
    {
        int s = p;
        var e = ShiftExpr();
        while (AtOp("&")) { p++; var r = ShiftExpr(); e = Mk(new BinOp { Left = e, Op = Operator.BitAnd, Right = r }, s); }
        return e;
    }

    Expr ShiftExpr()
    {
        int s = p;
        var e = Sum();
        while (true)
        {
            Operator op;
            if (AtOp("<<")) op = Operator.LShift;
            else if (AtOp(">>")) op = Operator.RShift;
            else return e;
            p++;
            var r = Sum();
            e = Mk(new BinOp { Left = e, Op = op, Right = r }, s);
        }
    }

    Expr Sum()
    {
        int s = p;
        var e = Term();
        while (true)
        {
            Operator op;
            if (AtOp("+")) op = Operator.Add;
            else if (AtOp("-")) op = Operator.Sub;
            else return e;
            p++;
            var r = Term();
            e = Mk(new BinOp { Left = e, Op = op, Right = r }, s);
        }
    }

    Expr Term()
    {
        int s = p;
        var e = Factor();
        while (true)
        {
            ref Token tok = ref Cur;
            if (tok.Kind != TokenKind.Op) return e;
            Operator op;
            switch (tok.Text)
            {
                case "*": op = Operator.Mult; break;
                case "/": op = Operator.Div; break;
                case "//": op = Operator.FloorDiv; break;
                case "%": op = Operator.Mod; break;
                case "@": op = Operator.MatMult; break;
                default: return e;
            }
            p++;
            var r = Factor();
            e = Mk(new BinOp { Left = e, Op = op, Right = r }, s);
        }
    }

    Expr Factor()
    {
        ref Token tok = ref Cur;
        if (tok.Kind == TokenKind.Op)
        {
            UnaryOperator? op = tok.Text switch { "+" => UnaryOperator.UAdd, "-" => UnaryOperator.USub, "~" => UnaryOperator.Invert, _ => null };
            if (op != null)
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
                int s = p;
                p++;
                var operand = Factor();
                return Mk(new UnaryOpExpr { Op = op.Value, Operand = operand }, s);
            }
        }
        return Power();
    }

    Expr Power()
    {
        int s = p;
        var e = AwaitPrimary();
        if (AtOp("**"))
        {
            p++;
            var r = Factor();
            return Mk(new BinOp { Left = e, Op = Operator.Pow, Right = r }, s);
        }
        return e;
    }

    Expr AwaitPrimary()
    {
        if (AtKw("await"))
        {
            int s = p;
            p++;
            var v = Primary();
            return Mk(new Await { Value = v }, s);
        }
        return Primary();
    }

    Expr Primary()
    {
        int s = p;
        var e = Atom();
        while (true)
        {
            ref Token tok = ref Cur;
            if (tok.Kind != TokenKind.Op) return e;
            if ((object)tok.Text == ".")
            {
                p++;
                string attr = ExpectName();
                e = Mk(new Attribute { Value = e, Attr = attr, Ctx = ExprContext.Load }, s);
            }
            else if ((object)tok.Text == "(")
            {
                e = CallRest(s, e);
            }
            else if ((object)tok.Text == "[")
            {
                p++;
                var slice = Slices();
                ExpectOp("]");
                e = Mk(new Subscript { Value = e, Slice = slice, Ctx = ExprContext.Load }, s);
            }
            else return e;
        }
    }

    Expr Slices()
    {
        int s = p;
        var first = SliceItem();
        if (!AtOp(",")) return first is Starred ? Mk(new Tuple { Elts = [first], Ctx = ExprContext.Load }, s) : first;
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (AtOp("]")) break;
            elts.Add(SliceItem());
        }
        return Mk(new Tuple { Elts = elts, Ctx = ExprContext.Load }, s);
    }

    Expr SliceItem()
    {
        int s = p;
        if (AtOp("*"))
        {
            // slices use starred_expression: '*' expression
            p++;
            var v = Expression();
            return Mk(new Starred { Value = v, Ctx = ExprContext.Load }, s);
        }
        Expr? lower = null;
        if (!AtOp(":"))
        {
            var e = NamedExpressionChecked();
            if (!AtOp(":")) return e;
            if (e is NamedExpr) throw InvalidSyntax();
            lower = e;
        }
        p++; // ':'
        var slice = new Slice { Lower = lower };
        if (!AtOp(":") && !AtOp(",") && !AtOp("]")) slice.Upper = Expression();
        if (EatOp(":"))
        {
            if (!AtOp(",") && !AtOp("]")) slice.Step = Expression();
        }
        return Mk(slice, s);
    }

    Expr YieldExpr()
    {
        int s = p;
        p++; // 'yield'
        if (EatKw("from"))
        {
            var v = Expression();
            return Mk(new YieldFrom { Value = v }, s);
        }
        var y = new Yield();
        if (CanStartExpression(Cur) || AtOp("*")) y.Value = StarExpressions();
        return Mk(y, s);
    }

    Expr Lambda()
    {
        int s = p;
        p++; // 'lambda'
        var args = Parameters(true);
        ExpectOp(":");
        var body = Expression();
        return Mk(new Ast.Lambda { Args = args, Body = body }, s);
    }

    /// <summary>star_targets: targets parsed at bitwise_or level (so 'in' is not swallowed), Tuple when comma.</summary>
    Expr StarTargets()
    {
        int s = p;
        var first = StarTarget();
        if (!AtOp(",")) return first;
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (!(CanStartExpression(Cur) || AtOp("*")) || AtKw("not")) break;
            elts.Add(StarTarget());
        }
        return Mk(new Tuple { Elts = elts, Ctx = ExprContext.Store }, s);
    }

    Expr StarTarget()
    {
        if (AtOp("*"))
        {
            int s = p;
            p++;
            var v = StarTarget();
            return Mk(new Starred { Value = v, Ctx = ExprContext.Store }, s);
        }
        return BitOr();
    }

    /// <summary>CPython's invalid_for_target: the target re-read as star_expressions, so that
    /// its specific errors (invalid target, missing comma) win over "invalid syntax".</summary>
    PythonSyntaxError BadForTarget(int ts, Expr target)
    {
        if (InvalidTarget(target, TargetKind.For) is { } bad) return InvalidTargetError(bad, TargetKind.For);
        int save = p, firstPassMax = maxP;
        p = ts;
        try { StarExpressions(); }
        catch (PythonSyntaxError e) when (fatalError == null && !IsGeneric(e)) { return e; }
        catch (PythonSyntaxError) when (fatalError == null) { }
        p = save;
        maxP = firstPassMax;
        return InvalidSyntax();
    }

    List<Comprehension> ForIfClauses()
    {
        var gens = new List<Comprehension>();
        while (AtKw("for") || AtKw("async") && PeekAt(1).IsName("for"))
        {
            bool isAsync = EatKw("async");
            p++; // 'for'
            int ts = p;
            var target = StarTargets();
            if (!AtKw("in")) throw BadForTarget(ts, target);
            SetContext(target, ExprContext.Store, TargetKind.For);
            p++;
            var iter = Disjunction();
            var c = new Comprehension { Target = target, Iter = iter, IsAsync = isAsync };
            while (EatKw("if")) c.Ifs.Add(Disjunction());
            gens.Add(c);
        }
        return gens;
    }
}
