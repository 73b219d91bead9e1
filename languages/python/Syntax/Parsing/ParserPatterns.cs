using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>The match statement (soft keywords "match", "case", "_") and its patterns.</summary>
internal sealed partial class PythonParser
{
    /// <summary>Token index of the NEWLINE after "match subject" without ':', or -1.</summary>
    int matchMissingColon = -1;

    /// <summary>Parses a match statement if the "match" at the cursor starts one; otherwise returns null with nothing consumed.</summary>
    Stmt? TryMatchStatement()
    {
        int s = p;
        matchMissingColon = -1;
        int line = Cur.Line;
        Expr subject;
        try
        {
            p++;
            if (!CanStartExpression(Cur) && !AtOp("*")) { p = s; return null; }
            int ss = p;
            var first = StarNamedExpression();
            if (AtOp(","))
            {
                var elts = new List<Expr> { first };
                while (EatOp(","))
                {
                    if (!(CanStartExpression(Cur) || AtOp("*"))) break;
                    elts.Add(StarNamedExpression());
                }
                subject = Mk(new Tuple { Elts = elts, Ctx = ExprContext.Load }, ss);
            }
            else subject = first;
            if (!AtOp(":") || PeekAt(1).Kind != TokenKind.Newline)
            {
                if (At(TokenKind.Newline)) matchMissingColon = p;
                p = s;
                return null;
            }
        }
        catch (PythonSyntaxError) when (fatalError == null)
        {
            p = s;
            return null;
        }
        p += 2; // ':' NEWLINE
        if (!At(TokenKind.Indent))
            throw ErrorAt(Cur, $"expected an indented block after 'match' statement on line {line}", SyntaxErrorKind.IndentationError);
        p++;
        var node = new Match { Subject = subject };
        while (!At(TokenKind.Dedent) && !At(TokenKind.EndMarker))
        {
            if (!AtKw("case")) throw InvalidSyntax();
            node.Cases.Add(CaseBlock());
        }
        if (At(TokenKind.Dedent)) p++;
        return Mk(node, s);
    }

    MatchCase CaseBlock()
    {
        int line = Cur.Line;
        p++; // 'case'
        var pattern = Patterns();
        Expr? guard = null;
        if (EatKw("if")) guard = NamedExpressionChecked();
        HeaderColon();
        var body = Block("'case' statement", line);
        return new MatchCase { Pattern = pattern, Guard = guard, Body = body };
    }

    /// <summary>patterns: open_sequence_pattern | pattern.</summary>
    Pattern Patterns()
    {
        int s = p;
        var first = MaybeStarPattern();
        if (!AtOp(","))
        {
            if (first is MatchStar) throw InvalidSyntax();
            return first;
        }
        var items = new List<Pattern> { first };
        while (EatOp(","))
        {
            if (AtOp(":") || AtKw("if")) break;
            items.Add(MaybeStarPattern());
        }
        return Mk(new MatchSequence { Patterns = items }, s);
    }

    Pattern MaybeStarPattern()
    {
        if (AtOp("*"))
        {
            int s = p;
            p++;
            string name = ExpectName();
            return Mk(new MatchStar { Name = name == "_" ? null : name }, s);
        }
        return PatternRule();
    }

    /// <summary>pattern: or_pattern ['as' NAME].</summary>
    Pattern PatternRule()
    {
        int s = p;
        var or = OrPattern();
        if (AtKw("as"))
        {
            p++;
            if (AtKw("_")) throw ErrorAt(Cur, "cannot use '_' as a target");
            string name = ExpectName();
            return Mk(new MatchAs { Pattern = or, Name = name }, s);
        }
        return or;
    }

    Pattern OrPattern()
    {
        int s = p;
        var first = ClosedPattern();
        if (!AtOp("|")) return first;
        var alts = new List<Pattern> { first };
        while (EatOp("|")) alts.Add(ClosedPattern());
        return Mk(new MatchOr { Patterns = alts }, s);
    }

    Pattern ClosedPattern()
    {
        int s = p;
        ref Token tok = ref Cur;
        switch (tok.Kind)
        {
            case TokenKind.Number:
                return Mk(new MatchValue { Value = SignedOrComplexNumber() }, s);
            case TokenKind.String:
                return Mk(new MatchValue { Value = Strings() }, s);
            case TokenKind.Op when tok.Text == "-":
                return Mk(new MatchValue { Value = SignedOrComplexNumber() }, s);
            case TokenKind.Op when tok.Text == "(":
                {
                    p++;
                    if (EatOp(")")) return Mk(new MatchSequence(), s);
                    var first = MaybeStarPattern();
                    if (EatOp(")"))
                    {
                        if (first is MatchStar) return Mk(new MatchSequence { Patterns = [first] }, s);
                        return first; // group pattern
                    }
                    ExpectOp(",");
                    var items = new List<Pattern> { first };
                    while (!AtOp(")"))
                    {
                        items.Add(MaybeStarPattern());
                        if (!EatOp(",")) break;
                    }
                    ExpectOp(")");
                    return Mk(new MatchSequence { Patterns = items }, s);
                }
            case TokenKind.Op when tok.Text == "[":
                {
                    p++;
                    var items = new List<Pattern>();
                    while (!AtOp("]"))
                    {
                        items.Add(MaybeStarPattern());
                        if (!EatOp(",")) break;
                    }
                    ExpectOp("]");
                    return Mk(new MatchSequence { Patterns = items }, s);
                }
            case TokenKind.Op when tok.Text == "{":
                return MappingPattern();
            case TokenKind.Name:
                switch (tok.Text)
                {
                    case "None": p++; return Mk(new MatchSingleton { Value = null }, s);
                    case "True": p++; return Mk(new MatchSingleton { Value = true }, s);
                    case "False": p++; return Mk(new MatchSingleton { Value = false }, s);
                }
                if (IsKeyword(tok.Text)) throw InvalidSyntax();
                {
                    string name = tok.Text;
                    p++;
                    if (!AtOp(".") && !AtOp("("))
                    {
                        if (AtOp("=")) throw InvalidSyntax();
                        return Mk(new MatchAs { Name = name == "_" ? null : name }, s);
                    }
                    Expr value = Mk(new Name { Id = name, Ctx = ExprContext.Load }, s);
                    while (EatOp("."))
                    {
                        string attr = ExpectName();
                        value = Mk(new Attribute { Value = value, Attr = attr, Ctx = ExprContext.Load }, s);
                    }
                    if (AtOp("(")) return ClassPattern(s, value);
                    if (value is Name) throw InvalidSyntax();
                    return Mk(new MatchValue { Value = value }, s);
                }
        }
        throw InvalidSyntax();
    }

    /// <summary>signed_number, optionally followed by +/- imaginary (complex literal).</summary>
    Expr SignedOrComplexNumber()
    {
        int s = p;
        Expr real;
        if (EatOp("-"))
        {
            if (!At(TokenKind.Number)) throw InvalidSyntax();
            p++;
            var num = Mk(new Constant { Value = ParseNumber(t[p - 1].Text) }, p - 1);
            real = Mk(new UnaryOpExpr { Op = UnaryOperator.USub, Operand = num }, s);
        }
        else
        {
            p++;
            real = Mk(new Constant { Value = ParseNumber(t[p - 1].Text) }, p - 1);
        }
        if (AtOp("+") || AtOp("-"))
        {
            var op = AtOp("+") ? Operator.Add : Operator.Sub;
            var realValue = real is UnaryOpExpr u ? ((Constant)u.Operand).Value : ((Constant)real).Value;
            if (realValue is System.Numerics.Complex) throw ErrorAt(real, "real number required in complex literal");
            p++;
            if (!At(TokenKind.Number)) throw InvalidSyntax();
            p++;
            var imag = Mk(new Constant { Value = ParseNumber(t[p - 1].Text) }, p - 1);
            if (imag.Value is not System.Numerics.Complex) throw ErrorAt(imag, "imaginary number required in complex literal");
            return Mk(new BinOp { Left = real, Op = op, Right = imag }, s);
        }
        return real;
    }

    Pattern MappingPattern()
    {
        int s = p;
        p++; // '{'
        var node = new MatchMapping();
        while (!AtOp("}"))
        {
            if (EatOp("**"))
            {
                node.Rest = ExpectName();
                EatOp(",");
                if (!AtOp("}")) throw InvalidSyntax();
                break;
            }
            Expr key;
            int ks = p;
            if (At(TokenKind.Number) || AtOp("-")) key = SignedOrComplexNumber();
            else if (At(TokenKind.String)) key = Strings();
            else if (AtKw("None")) { p++; key = Mk(new Constant { Value = null }, ks); }
            else if (AtKw("True")) { p++; key = Mk(new Constant { Value = true }, ks); }
            else if (AtKw("False")) { p++; key = Mk(new Constant { Value = false }, ks); }
            else if (AtName)
            {
                p++;
                key = Mk(new Name { Id = t[p - 1].Text, Ctx = ExprContext.Load }, ks);
                if (!AtOp(".")) throw InvalidSyntax();
                while (EatOp("."))
                {
                    string attr = ExpectName();
                    key = Mk(new Attribute { Value = key, Attr = attr, Ctx = ExprContext.Load }, ks);
                }
            }
            else throw InvalidSyntax();
            ExpectOp(":");
            node.Keys.Add(key);
            node.Patterns.Add(PatternRule());
            if (!EatOp(",")) break;
        }
        ExpectOp("}");
        return Mk(node, s);
    }

    Pattern ClassPattern(int s, Expr cls)
    {
        p++; // '('
        var node = new MatchClass { Cls = cls };
        while (!AtOp(")"))
        {
            if (AtName && PeekAt(1).Is("="))
            {
                node.KwdAttrs.Add(t[p].Text);
                p += 2;
                node.KwdPatterns.Add(PatternRule());
            }
            else
            {
                var pat = PatternRule();
                if (node.KwdAttrs.Count > 0)
                    throw ErrorAt(pat, "positional patterns follow keyword patterns");
                node.Patterns.Add(pat);
            }
            if (!EatOp(",")) break;
        }
        ExpectOp(")");
        return Mk(node, s);
    }
}
