using System.Runtime.CompilerServices;
using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>
/// Hand-written recursive-descent parser for Python 3.11, producing CPython-identical
/// ASTs. Node spans follow CPython's EXTRA convention: from the first token of the rule
/// to the last non-whitespace token it consumed. Syntax errors reproduce CPython's
/// messages and locations for the common cases; everything else is "invalid syntax" at
/// the furthest token examined, as CPython reports it.
/// </summary>
internal sealed partial class PythonParser
{
    readonly SourceText text;
    readonly Token[] t;
    readonly (char ch, int line, int col)? unclosed;
    int p;
    int maxP;
    /// <summary>Whether this parser reads the inside of an f-string replacement field.</summary>
    readonly bool fstringMode;

    PythonParser(SourceText text, List<Token> tokens, (char, int, int)? unclosed, bool fstringMode)
    {
        this.text = text;
        t = tokens.ToArray();
        this.unclosed = unclosed;
        this.fstringMode = fstringMode;
    }

    /// <summary>The tokenizer's error, if tokenizing stopped early (tokens then end with an Error token).</summary>
    PythonSyntaxError? tokError;
    /// <summary>The generic "unexpected indent/unindent" error, which CPython reports without
    /// looking for tokenizer errors further on.</summary>
    PythonSyntaxError? indentGeneric;

    public static PythonParser ForSource(SourceText text)
    {
        var toks = Tokenizer.Tokenize(text, out var unclosed, out var error);
        return new PythonParser(text, toks, unclosed, false) { tokError = error };
    }

    /// <summary>
    /// Chooses the error CPython would report: after a parser error CPython tokenizes the
    /// rest of the file, so a tokenizer error anywhere wins, and an unclosed bracket wins
    /// over errors on later lines; the generic indentation errors skip that check.
    /// </summary>
    PythonSyntaxError Resolve(PythonSyntaxError e)
    {
        if (fatalError != null) return fatalError;
        if (ReferenceEquals(e, indentGeneric)) return e;
        if (tokError != null && (!tokError.OnlyWhenReached || t[Math.Min(maxAll, t.Length - 1)].Kind == TokenKind.Error)) return tokError;
        // CPython compares the bracket's line with the line of the last token it read.
        if (unclosed is var (ch, line, col) && t[Math.Min(maxAll, t.Length - 1)].Line > line && !e.Msg.EndsWith("was never closed", StringComparison.Ordinal))
            return text.Error(SyntaxErrorKind.SyntaxError, $"'{ch}' was never closed", line, col + 1, line, 0);
        return e;
    }

    // ---- token access -------------------------------------------------------------

    ref Token Cur
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (p > maxP) Reached(p);
            return ref t[p];
        }
    }

    ref Token PeekAt(int k)
    {
        int i = Math.Min(p + k, t.Length - 1);
        if (i > maxP) Reached(i);
        return ref t[i];
    }

    /// <summary>Set once the parser has read the end of input inside brackets: CPython's
    /// tokenizer raises "'(' was never closed" right there, ending both parser passes.</summary>
    PythonSyntaxError? fatalError;

    /// <summary>Furthest token ever read, including the speculative re-reads that stand in for
    /// CPython's second (error) pass; <see cref="maxP"/> is the first pass's furthest token.</summary>
    int maxAll;

    void Reached(int i)
    {
        maxP = i;
        if (i > maxAll) maxAll = i;
        if (unclosed is var (ch, line, col) && t[i].Kind == TokenKind.EndMarker)
            throw fatalError = text.Error(SyntaxErrorKind.SyntaxError, $"'{ch}' was never closed", line, col + 1, line, 0);
    }

    bool AtOp(string op) => Cur.Kind == TokenKind.Op && (object)Cur.Text == op;
    bool AtKw(string kw) => Cur.Kind == TokenKind.Name && Cur.Text == kw;
    bool At(TokenKind k) => Cur.Kind == k;

    bool EatOp(string op)
    {
        if (!AtOp(op)) return false;
        p++;
        return true;
    }

    bool EatKw(string kw)
    {
        if (!AtKw(kw)) return false;
        p++;
        return true;
    }

    void ExpectOp(string op)
    {
        if (!EatOp(op)) throw InvalidSyntax();
    }

    void ExpectKw(string kw)
    {
        if (!EatKw(kw)) throw InvalidSyntax();
    }

    /// <summary>CPython's forced token (<c>&amp;&amp;':'</c>): "expected ':'" at the token found.</summary>
    void ForceOp(string op)
    {
        if (EatOp(op)) return;
        throw ErrorAt(Cur, $"expected '{op}'");
    }

    /// <summary>':' after a compound-statement header: "expected ':'" only before a NEWLINE.</summary>
    void HeaderColon()
    {
        if (EatOp(":")) return;
        if (At(TokenKind.Newline)) throw ErrorAt(Cur, "expected ':'");
        throw InvalidSyntax();
    }

    static bool IsKeyword(string s) => s switch
    {
        "False" or "None" or "True" or "and" or "as" or "assert" or "async" or "await" or "break" or "class"
            or "continue" or "def" or "del" or "elif" or "else" or "except" or "finally" or "for" or "from"
            or "global" or "if" or "import" or "in" or "is" or "lambda" or "nonlocal" or "not" or "or"
            or "pass" or "raise" or "return" or "try" or "while" or "with" or "yield" => true,
        _ => false,
    };

    bool AtName => Cur.Kind == TokenKind.Name && !IsKeyword(Cur.Text);

    string ExpectName()
    {
        if (!AtName) throw InvalidSyntax();
        return t[p++].Text;
    }

    // ---- positions ----------------------------------------------------------------

    /// <summary>Sets the span from token <paramref name="start"/> to the last non-whitespace token consumed.</summary>
    T Mk<T>(T node, int start) where T : Node
    {
        ref Token s = ref t[start];
        node.Line = s.Line;
        node.Col = s.Col;
        int e = p - 1;
        while (e > start && t[e].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker) e--;
        node.EndLine = t[e].EndLine;
        node.EndCol = t[e].EndCol;
        return node;
    }

    /// <summary>Sets the span from a node's start to the last consumed token.</summary>
    T MkFrom<T>(T node, Node startNode) where T : Node
    {
        node.Line = startNode.Line;
        node.Col = startNode.Col;
        int e = p - 1;
        while (e > 0 && t[e].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker) e--;
        node.EndLine = t[e].EndLine;
        node.EndCol = t[e].EndCol;
        return node;
    }

    static T Span<T>(T node, Node start, Node end) where T : Node
    {
        node.Line = start.Line; node.Col = start.Col; node.EndLine = end.EndLine; node.EndCol = end.EndCol;
        return node;
    }

    // ---- errors -------------------------------------------------------------------

    PythonSyntaxError ErrorAt(in Token tok, string msg, SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError)
        => tok.Kind is TokenKind.Indent or TokenKind.Dedent
            // CPython's INDENT/DEDENT have no column; it reports the tokenizer's position (the indentation width).
            ? text.Error(kind, msg, tok.Line, tok.Col, tok.Line, -1)
            : text.Error(kind, msg, tok.Line, tok.Col + 1, tok.EndLine, tok.EndCol + 1);

    PythonSyntaxError ErrorAt(Node n, string msg)
        => text.Error(SyntaxErrorKind.SyntaxError, msg, n.Line, n.Col + 1, n.EndLine, n.EndCol + 1);

    PythonSyntaxError ErrorRange(Node a, Node b, string msg)
        => text.Error(SyntaxErrorKind.SyntaxError, msg, a.Line, a.Col + 1, b.EndLine, b.EndCol + 1);

    /// <summary>Whether <paramref name="e"/> is the generic "invalid syntax" (not a specific message).</summary>
    static bool IsGeneric(PythonSyntaxError e) => e.Msg == "invalid syntax" && !e.OnlyWhenReached;

    /// <summary>Errors CPython raises outside its invalid_* rules (forced tokens, literal
    /// decoding, the tokenizer), which stand even where those rules are switched off.</summary>
    bool IsFirstPass(PythonSyntaxError e)
        => ReferenceEquals(e, tokError) || ReferenceEquals(e, fatalError) || e.OnlyWhenReached
           || e.Msg.StartsWith("expected '", StringComparison.Ordinal) && !e.Msg.StartsWith("expected 'e", StringComparison.Ordinal)
           || e.Msg.StartsWith("(unicode error)", StringComparison.Ordinal) || e.Msg.StartsWith("(value error)", StringComparison.Ordinal)
           || e.Msg.StartsWith("f-string", StringComparison.Ordinal) || e.Msg.StartsWith("bytes can only", StringComparison.Ordinal)
           || e.Msg.StartsWith("cannot mix bytes", StringComparison.Ordinal) || e.Msg.StartsWith("too many nested", StringComparison.Ordinal);

    /// <summary>The generic error at the furthest token examined, as CPython reports it.</summary>
    PythonSyntaxError InvalidSyntax()
    {
        ref Token tok = ref t[Math.Min(maxP, t.Length - 1)];
        if (tok.Kind == TokenKind.Error && tokError != null) return tokError;
        if (tok.Kind == TokenKind.Indent)
            return indentGeneric = text.Error(SyntaxErrorKind.IndentationError, "unexpected indent", tok.Line, tok.Col, tok.Line, -1);
        if (tok.Kind == TokenKind.Dedent)
            return indentGeneric = text.Error(SyntaxErrorKind.IndentationError, "unexpected unindent", tok.Line, tok.Col, tok.Line, -1);
        if (tok.Kind == TokenKind.EndMarker)
        {
            if (unclosed is var (ch, line, col))
                return text.Error(SyntaxErrorKind.SyntaxError, $"'{ch}' was never closed", line, col + 1, line, 0);
            if (fstringMode) return ErrorAt(tok, "invalid syntax");
            // A generic error at the end of input has no column in CPython (offset 0; line 0 for empty input).
            int endLine = text.WasEmpty ? 0 : tok.Line;
            return text.Error(SyntaxErrorKind.SyntaxError, "invalid syntax", endLine, 0, endLine, 0);
        }
        return ErrorAt(tok, "invalid syntax");
    }

    // ---- entry points ---------------------------------------------------------------

    public Module ParseFile()
    {
        var m = new Module();
        try
        {
            while (!At(TokenKind.EndMarker))
                Statement(m.Body);
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep();
        }
        catch (PythonSyntaxError e)
        {
            throw Resolve(e);
        }
        return m;
    }

    public Expression ParseEval()
    {
        try
        {
            // eval_input: expressions NEWLINE* ENDMARKER
            var e = Expressions();
            while (At(TokenKind.Newline)) p++;
            if (!At(TokenKind.EndMarker)) throw InvalidSyntax();
            return new Expression { Body = e };
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep();
        }
        catch (PythonSyntaxError e)
        {
            throw Resolve(e);
        }
    }

    public Interactive ParseInteractive()
    {
        var m = new Interactive();
        try
        {
            // statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
            if (At(TokenKind.EndMarker))
            {
                // compile('', 'single') and compile('\n', 'single') fail in CPython.
                bool empty = text.WasEmpty;
                throw text.Error(SyntaxErrorKind.SyntaxError, "invalid syntax", empty ? 0 : 1, 0, empty ? 0 : 1, 0);
            }
            Statement(m.Body);
            if (!At(TokenKind.EndMarker))
            {
                int nl = p - 1;
                while (nl > 0 && t[nl].Kind != TokenKind.Newline) nl--;
                var tok = t[nl];
                throw text.Error(SyntaxErrorKind.SyntaxError, "multiple statements found while compiling a single statement",
                                 tok.Line, tok.Col + 1, tok.EndLine, tok.EndCol + 1);
            }
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep();
        }
        catch (PythonSyntaxError e)
        {
            throw Resolve(e);
        }
        return m;
    }

    PythonSyntaxError TooDeep()
    {
        var tok = t[Math.Min(p, t.Length - 1)];
        return ErrorAt(tok, "too many nested parentheses");
    }
}
