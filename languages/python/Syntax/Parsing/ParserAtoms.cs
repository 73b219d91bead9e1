using System.Globalization;
using System.Numerics;
using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>Atoms, displays, comprehensions, calls and parameter lists.</summary>
internal sealed partial class PythonParser
{
    /// <summary>Start token of the last tuple, list or generator display built (CPython's
    /// invalid_named_expression excludes targets that start with one).</summary>
    int seqAtomAt = -1;

    Expr Atom()
    {
        int s = p;
        ref Token tok = ref Cur;
        switch (tok.Kind)
        {
            case TokenKind.Name:
                switch (tok.Text)
                {
                    case "None": p++; return Mk(new Constant { Value = null }, s);
                    case "True": p++; return Mk(new Constant { Value = true }, s);
                    case "False": p++; return Mk(new Constant { Value = false }, s);
                }
                if (IsKeyword(tok.Text)) throw InvalidSyntax();
                p++;
                return Mk(new Name { Id = tok.Text, Ctx = ExprContext.Load }, s);
            case TokenKind.Number:
                p++;
                return Mk(new Constant { Value = ParseNumber(tok.Text) }, s);
            case TokenKind.String:
                return Strings();
            case TokenKind.Op:
                switch (tok.Text)
                {
                    case "(": return ParenAtom();
                    case "[": return ListAtom();
                    case "{": return BraceAtom();
                    case "...": p++; return Mk(new Constant { Value = Ellipsis.Instance }, s);
                }
                break;
        }
        throw InvalidSyntax();
    }

    internal static object ParseNumber(string text)
    {
        string s = text.Contains('_') ? text.Replace("_", "") : text;
        char last = s[^1];
        if (last is 'j' or 'J')
            return new Complex(0, double.Parse(s.AsSpan(0, s.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture));
        if (s.Length > 1 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2;
            if (s.Length - 2 <= 15)
            {
                long v = 0;
                for (int i = 2; i < s.Length; i++) v = v * radix + HexValue(s[i]);
                return new BigInteger(v);
            }
            BigInteger big = BigInteger.Zero;
            for (int i = 2; i < s.Length; i++) big = big * radix + HexValue(s[i]);
            return big;
        }
        if (s.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
            return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (s.Length <= 18) return new BigInteger(long.Parse(s, CultureInfo.InvariantCulture));
        return BigInteger.Parse(s, CultureInfo.InvariantCulture);
    }

    static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    Expr ParenAtom()
    {
        int s = p;
        p++; // '('
        if (EatOp(")")) { seqAtomAt = s; return Mk(new Tuple { Ctx = ExprContext.Load }, s); }
        if (AtKw("yield"))
        {
            var y = YieldExpr();
            ExpectOp(")");
            return y;
        }
        var first = StarNamedExpressionChecked();
        if (AtKw("for") || AtKw("async"))
        {
            if (first is Starred) throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
            var gens = ForIfClauses();
            ExpectOp(")");
            seqAtomAt = s;
            return Mk(new GeneratorExp { Elt = first, Generators = gens }, s);
        }
        if (EatOp(")"))
        {
            if (first is Starred) throw ErrorAt(first, "cannot use starred expression here");
            return first;
        }
        if (!AtOp(",")) throw InvalidSyntax();
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (AtOp(")")) break;
            elts.Add(StarNamedExpressionChecked());
        }
        ExpectOp(")");
        seqAtomAt = s;
        return Mk(new Tuple { Elts = elts, Ctx = ExprContext.Load }, s);
    }

    Expr StarNamedExpressionChecked()
    {
        if (AtOp("*")) return StarNamedExpression();
        return NamedExpressionChecked();
    }

    Expr ListAtom()
    {
        int s = p;
        p++; // '['
        if (EatOp("]")) { seqAtomAt = s; return Mk(new List { Ctx = ExprContext.Load }, s); }
        var first = StarNamedExpressionChecked();
        if (AtKw("for") || AtKw("async"))
        {
            if (first is Starred) throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
            var gens = ForIfClauses();
            ExpectOp("]");
            return Mk(new ListComp { Elt = first, Generators = gens }, s);
        }
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (AtOp("]")) break;
            elts.Add(StarNamedExpressionChecked());
        }
        ExpectOp("]");
        seqAtomAt = s;
        return Mk(new List { Elts = elts, Ctx = ExprContext.Load }, s);
    }

    Expr BraceAtom()
    {
        int s = p;
        p++; // '{'
        if (EatOp("}")) return Mk(new Dict(), s);
        if (AtOp("**")) return DictRest(s, null, null);
        int es = p;
        var first = StarNamedExpressionChecked();
        if (AtOp(":") && first is not Starred && (first is not NamedExpr || t[es].Is("(")))
        {
            p++;
            var value = DictValue();
            if (AtKw("for") || AtKw("async"))
            {
                var gens = ForIfClauses();
                ExpectOp("}");
                return Mk(new DictComp { Key = first, Value = value, Generators = gens }, s);
            }
            return DictRest(s, first, value);
        }
        if (AtKw("for") || AtKw("async"))
        {
            if (first is Starred) throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
            var gens = ForIfClauses();
            ExpectOp("}");
            return Mk(new SetComp { Elt = first, Generators = gens }, s);
        }
        var elts = new List<Expr> { first };
        while (EatOp(","))
        {
            if (AtOp("}")) break;
            elts.Add(StarNamedExpressionChecked());
        }
        ExpectOp("}");
        return Mk(new Set { Elts = elts }, s);
    }

    /// <summary>The value after "key:", with CPython's message when it is missing.</summary>
    Expr DictValue()
    {
        if (AtOp("}") || AtOp(","))
            throw ErrorAt(t[p - 1], "expression expected after dictionary key and ':'");
        return Expression();
    }

    /// <summary>The rest of a dict display after an optional first key/value pair.</summary>
    Expr DictRest(int s, Expr? key, Expr? value)
    {
        var d = new Dict();
        if (value != null)
        {
            d.Keys.Add(key);
            d.Values.Add(value);
            if (!EatOp(","))
            {
                ExpectOp("}");
                return Mk(d, s);
            }
        }
        while (!AtOp("}"))
        {
            if (EatOp("**"))
            {
                d.Keys.Add(null);
                d.Values.Add(BitOr());
            }
            else
            {
                var k = Expression();
                if (!AtOp(":"))
                {
                    if (AtOp("}") || AtOp(","))
                        throw text.Error(SyntaxErrorKind.SyntaxError, "':' expected after dictionary key", k.Line, k.Col + 1, k.Line, 0);
                    throw InvalidSyntax();
                }
                p++;
                d.Keys.Add(k);
                d.Values.Add(DictValue());
            }
            if (!EatOp(",")) break;
        }
        ExpectOp("}");
        return Mk(d, s);
    }

    /// <summary>primary '(' arguments ')' — a call, with a lone generator argument spanning the parentheses.</summary>
    Expr CallRest(int s, Expr func)
    {
        int open = p;
        p++; // '('
        var call = new Call { Func = func };
        if (!AtOp(")")) CallArguments(call.Args, call.Keywords, open);
        ExpectOp(")");
        return Mk(call, s);
    }

    /// <summary>args [','] up to (not including) ')'.</summary>
    void CallArguments(List<Expr> args, List<Keyword> keywords, int open = -1)
    {
        bool seenKeyword = false, seenDoubleStar = false;
        while (!AtOp(")"))
        {
            int s = p;
            if (AtOp("*"))
            {
                p++;
                var v = Expression();
                if (seenDoubleStar) throw ErrorAt(t[s], "iterable argument unpacking follows keyword argument unpacking");
                args.Add(Mk(new Starred { Value = v, Ctx = ExprContext.Load }, s));
            }
            else if (AtOp("**"))
            {
                p++;
                var v = Expression();
                keywords.Add(Mk(new Keyword { Value = v }, s));
                seenDoubleStar = true;
            }
            else if (AtName && PeekAt(1).Is("="))
            {
                string name = t[p].Text;
                p += 2;
                var v = Expression();
                keywords.Add(Mk(new Keyword { ArgName = name, Value = v }, s));
                seenKeyword = true;
            }
            else
            {
                var e = NamedExpression();
                if (AtOp("="))
                {
                    if (e is Constant { Value: bool or null } c && t[s].Kind == TokenKind.Name)
                        throw ErrorRange(e, e, $"cannot assign to {ExprName(c)}");
                    throw text.Error(SyntaxErrorKind.SyntaxError, "expression cannot contain assignment, perhaps you meant \"==\"?",
                                     e.Line, e.Col + 1, Cur.EndLine, Cur.EndCol + 1);
                }
                if (AtKw("for") || AtKw("async"))
                {
                    var gens = ForIfClauses();
                    if (open >= 0 && args.Count == 0 && keywords.Count == 0 && AtOp(")"))
                    {
                        // A lone generator argument borrows the call's parentheses.
                        var lone = new GeneratorExp { Elt = e, Generators = gens };
                        lone.Line = t[open].Line; lone.Col = t[open].Col; lone.EndLine = Cur.EndLine; lone.EndCol = Cur.EndCol;
                        args.Add(lone);
                        return;
                    }
                    var g = Mk(new GeneratorExp { Elt = e, Generators = gens }, s);
                    throw ErrorRange(e, g, "Generator expression must be parenthesized");
                }
                if (seenKeyword || seenDoubleStar)
                {
                    maxP = Math.Max(maxP, p);
                    throw ErrorAt(Cur, seenDoubleStar ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
                }
                args.Add(e);
            }
            if (!EatOp(",")) break;
        }
    }

    /// <summary>Function (or lambda) parameters up to ')' (or ':').</summary>
    Arguments Parameters(bool isLambda)
    {
        var a = new Arguments();
        string closer = isLambda ? ":" : ")";
        bool seenStar = false, seenDefault = false, seenKwarg = false;
        while (!AtOp(closer))
        {
            int s = p;
            if (seenKwarg)
            {
                if (AtName || AtOp("*") || AtOp("**") || AtOp("/")) throw ErrorAt(Cur, "arguments cannot follow var-keyword argument");
                throw InvalidSyntax();
            }
            if (AtOp("/"))
            {
                if (seenStar) throw ErrorAt(Cur, "/ must be ahead of *");
                if (a.Posonlyargs.Count > 0) throw ErrorAt(Cur, "/ may appear only once");
                if (a.Args.Count == 0) throw ErrorAt(Cur, "at least one argument must precede /");
                p++;
                a.Posonlyargs.AddRange(a.Args);
                a.Args.Clear();
            }
            else if (AtOp("*"))
            {
                if (seenStar) throw ErrorAt(Cur, "* argument may appear only once");
                seenStar = true;
                p++;
                if (AtOp(","))
                {
                    ref Token next = ref PeekAt(1);
                    if (next.Is(closer) || next.Is("**")) throw ErrorAt(t[s], "named arguments must follow bare *");
                }
                else if (AtOp(closer)) throw ErrorAt(t[s], "named arguments must follow bare *");
                else a.Vararg = Param(isLambda, true);
            }
            else if (AtOp("**"))
            {
                p++;
                a.Kwarg = Param(isLambda, false);
                seenKwarg = true;
            }
            else
            {
                var arg = Param(isLambda, false);
                if (AtOp("="))
                {
                    p++;
                    var d = Expression();
                    if (seenStar) { a.Kwonlyargs.Add(arg); a.KwDefaults.Add(d); }
                    else { a.Args.Add(arg); a.Defaults.Add(d); seenDefault = true; }
                }
                else if (seenStar) { a.Kwonlyargs.Add(arg); a.KwDefaults.Add(null); }
                else
                {
                    if (seenDefault)
                    {
                        if (AtOp(",") || AtOp(closer)) throw ErrorAt(arg, "non-default argument follows default argument");
                        throw InvalidSyntax();
                    }
                    a.Args.Add(arg);
                }
            }
            if (!EatOp(",")) break;
        }
        return a;
    }

    Arg Param(bool isLambda, bool starAnnotation)
    {
        int s = p;
        string name = ExpectName();
        var arg = new Arg { ArgName = name };
        if (!isLambda && EatOp(":"))
            arg.Annotation = starAnnotation ? StarExpression() : Expression();
        return Mk(arg, s);
    }
}
