using System.Text;
using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

internal sealed partial class PythonParser
{
    /// <summary>
    /// Builds the JoinedStr of a concatenated string group containing f-strings. Literal
    /// text accumulates across tokens; replacement-field expressions are tokenized from
    /// their real source position and parsed as if parenthesized, as CPython 3.11 does.
    /// </summary>
    sealed class FStringBuilder(PythonParser parser, int first, int end, string? kind)
    {
        public readonly List<Expr> Values = new();
        public readonly StringBuilder Literal = new();
        readonly string src = parser.text.Source;

        /// <summary>Spans the whole concatenated literal, or only string token <paramref name="tok"/>
        /// (format specs and their literal parts, as in CPython 3.11).</summary>
        T SpanAll<T>(T node, int tok = -1) where T : Node
        {
            ref Token a = ref parser.t[tok >= 0 ? tok : first];
            ref Token b = ref parser.t[tok >= 0 ? tok : end - 1];
            node.Line = a.Line; node.Col = a.Col; node.EndLine = b.EndLine; node.EndCol = b.EndCol;
            return node;
        }

        /// <summary>Emits pending literal text (a format spec's trailing text has no 'u' kind in CPython 3.11).</summary>
        public void Flush(List<Expr> into, StringBuilder? lit = null, int tok = -1, bool inSpec = false)
        {
            lit ??= Literal;
            if (lit.Length == 0) return;
            into.Add(SpanAll(new Constant { Value = lit.ToString(), Kind = inSpec ? null : kind }, tok));
            lit.Clear();
        }

        public void ParseFString(int tok, int start, int stop, bool raw, int recurse, List<Expr> values)
            => ParseBody(tok, start, stop, raw, recurse, values, Literal);

        /// <summary>Parses literal text and fields; at a nested level stops at the closing '}'.</summary>
        int ParseBody(int tok, int i, int stop, bool raw, int recurse, List<Expr> values, StringBuilder lit)
        {
            while (i < stop)
            {
                int seg = i;
                while (i < stop)
                {
                    char ch = src[i];
                    if (!raw && ch == '\\' && i + 1 < stop)
                    {
                        char n = src[i + 1];
                        if (n == 'N' && i + 2 < stop && src[i + 2] == '{')
                        {
                            int close = src.IndexOf('}', i + 3, stop - (i + 3));
                            i = close < 0 ? stop : close + 1;
                            continue;
                        }
                        if (n is '{' or '}') { i++; continue; }
                        i += 2;
                        continue;
                    }
                    if (ch is '{' or '}') break;
                    i++;
                }
                if (i > seg)
                {
                    if (raw) lit.Append(src, seg, i - seg);
                    else DecodeStr(src, seg, i, lit);
                }
                if (i >= stop) break;
                char brace = src[i];
                if (recurse == 0 && i + 1 < stop && src[i + 1] == brace)
                {
                    lit.Append(brace);
                    i += 2;
                    continue;
                }
                if (brace == '}')
                {
                    if (recurse == 0) throw new LiteralError("f-string: single '}' is not allowed");
                    return i;
                }
                i = ReplacementField(tok, i, stop, raw, recurse, values, lit);
            }
            return i;
        }

        int ReplacementField(int tok, int brace, int stop, bool raw, int recurse, List<Expr> values, StringBuilder lit)
        {
            if (recurse >= 2) throw new LiteralError("f-string: expressions nested too deeply");
            int exprStart = brace + 1;
            int j = exprStart;
            char quote = '\0';
            bool triple = false;
            var stack = new List<char>();
            for (; j < stop; j++)
            {
                char ch = src[j];
                if (ch == '\\') throw new LiteralError("f-string expression part cannot include a backslash");
                if (quote != '\0')
                {
                    if (ch != quote) continue;
                    if (!triple) { quote = '\0'; continue; }
                    if (j + 2 < stop && src[j + 1] == ch && src[j + 2] == ch) { j += 2; quote = '\0'; triple = false; }
                    continue;
                }
                if (ch is '\'' or '"')
                {
                    triple = j + 2 < stop && src[j + 1] == ch && src[j + 2] == ch;
                    if (triple) j += 2;
                    quote = ch;
                    continue;
                }
                if (ch is '(' or '[' or '{')
                {
                    if (stack.Count >= 200) throw new LiteralError("f-string: too many nested parenthesis");
                    stack.Add(ch);
                    continue;
                }
                if (ch == '#') throw new LiteralError("f-string expression part cannot include '#'");
                if (stack.Count == 0 && ch is '!' or ':' or '}' or '=' or '>' or '<')
                {
                    if (j + 1 < stop)
                    {
                        char next = src[j + 1];
                        if (next == '=' && ch is '!' or '=' or '<' or '>') { j++; continue; }
                        if (ch is '<' or '>') continue;
                    }
                    break;
                }
                if (ch is ')' or ']' or '}')
                {
                    if (stack.Count == 0) throw new LiteralError($"f-string: unmatched '{ch}'");
                    char open = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    if (!(open == '(' && ch == ')' || open == '[' && ch == ']' || open == '{' && ch == '}'))
                        throw new LiteralError($"f-string: closing parenthesis '{ch}' does not match opening parenthesis '{open}'");
                }
            }
            if (quote != '\0') throw new LiteralError("f-string: unterminated string");
            if (stack.Count > 0) throw new LiteralError($"f-string: unmatched '{stack[^1]}'");
            if (j >= stop) throw new LiteralError("f-string: expecting '}'");
            int exprEnd = j;
            bool blank = true;
            for (int k = exprStart; k < exprEnd; k++)
                if (src[k] is not (' ' or '\t' or '\n' or '\f')) { blank = false; break; }
            if (blank)
                throw new LiteralError(src[j] == '}' ? "f-string: empty expression not allowed" : $"f-string: expression required before '{src[j]}'");
            var expr = parser.ParseFieldExpression(tok, brace, exprStart, exprEnd);

            bool debug = false;
            int conversion = -1;
            Expr? spec = null;
            if (src[j] == '=')
            {
                debug = true;
                j++;
                while (j < stop && src[j] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') j++;
                lit.Append(src, exprStart, j - exprStart);
            }
            if (j >= stop) throw new LiteralError("f-string: expecting '}'");
            if (src[j] == '!')
            {
                j++;
                if (j >= stop) throw new LiteralError("f-string: expecting '}'");
                char c = src[j++];
                if (c is not ('s' or 'r' or 'a'))
                    throw new LiteralError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
                conversion = c;
            }
            if (j >= stop) throw new LiteralError("f-string: expecting '}'");
            if (src[j] == ':')
            {
                var specValues = new List<Expr>();
                var specLit = new StringBuilder();
                j = ParseBody(tok, j + 1, stop, raw, recurse + 1, specValues, specLit);
                // CPython 3.11: literal text before a field in the spec spans the whole
                // concatenated literal, trailing text only this string token.
                Flush(specValues, specLit, tok, inSpec: true);
                spec = SpanAll(new JoinedStr { Values = specValues }, tok);
            }
            if (j >= stop || src[j] != '}') throw new LiteralError("f-string: expecting '}'");
            j++;
            if (debug && conversion == -1 && spec == null) conversion = 'r';
            // Replacement fields, and the literal text before them, span the whole concatenated literal.
            Flush(values, lit);
            values.Add(SpanAll(new FormattedValue { Value = expr, Conversion = conversion, FormatSpec = spec }));
            return j;
        }
    }

    /// <summary>Parses the expression of a replacement field whose '{' is at <paramref name="brace"/>.</summary>
    Expr ParseFieldExpression(int tok, int brace, int start, int end)
    {
        string src = text.Source;
        int line = t[tok].Line;
        for (int k = t[tok].Start; k < brace; k++) if (src[k] == '\n') line++;
        int lineStart = brace;
        while (lineStart > 0 && src[lineStart - 1] != '\n') lineStart--;
        List<Token> inner;
        try
        {
            inner = Tokenizer.TokenizeFStringExpr(text, start, end, line, lineStart);
        }
        catch (PythonSyntaxError e)
        {
            throw new LiteralError(e.Msg.StartsWith("f-string", StringComparison.Ordinal) ? e.Msg : "f-string: " + e.Msg);
        }
        var endTok = inner[^1];
        inner.RemoveAt(inner.Count - 1);
        int closeLineStart = endTok.Start;
        while (closeLineStart > 0 && src[closeLineStart - 1] != '\n') closeLineStart--;
        int braceCol = brace - lineStart, closeCol = end - closeLineStart;
        inner.Insert(0, new Token { Kind = TokenKind.Op, Text = "(", Start = brace, End = brace + 1, Line = line, Col = braceCol, EndLine = line, EndCol = braceCol + 1, Level = 1 });
        inner.Add(new Token { Kind = TokenKind.Op, Text = ")", Start = end, End = end + 1, Line = endTok.Line, Col = closeCol, EndLine = endTok.Line, EndCol = closeCol + 1 });
        inner.Add(new Token { Kind = TokenKind.EndMarker, Text = "", Start = end + 1, End = end + 1, Line = endTok.Line, Col = closeCol + 1, EndLine = endTok.Line, EndCol = closeCol + 1 });
        var sub = new PythonParser(text, inner, null, true);
        try
        {
            var e = sub.StarExpressions();
            if (!sub.At(TokenKind.EndMarker)) throw sub.InvalidSyntax();
            return e;
        }
        catch (PythonSyntaxError e)
        {
            if (e.Msg.StartsWith("f-string", StringComparison.Ordinal)) throw;
            // CPython 3.11 parses "(expr)" as a string of its own and reports positions in it.
            int Rel(int l, int off) => l == line ? off - braceCol : off;
            string exprText = "(" + src.Substring(start, end - start) + ")\n";
            throw new PythonSyntaxError(e.Kind, "f-string: " + e.Msg, e.Filename, e.Line - line + 1, Rel(e.Line, e.Offset),
                                        e.EndLine - line + 1, Rel(e.EndLine, e.EndOffset), exprText);
        }
    }
}
