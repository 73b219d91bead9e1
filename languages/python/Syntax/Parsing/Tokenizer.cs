using System.Globalization;
using System.Text;

namespace PySharp.Syntax.Parsing;

/// <summary>
/// Python 3.11's tokenizer: turns source text into NAME, NUMBER, STRING, OP, NEWLINE,
/// INDENT, DEDENT and ENDMARKER tokens, raising CPython's tokenizer errors. The whole
/// source is tokenized eagerly; CPython re-tokenizes the rest of the file after a parser
/// error and lets tokenizer errors win, which comes to the same thing.
/// </summary>
internal sealed partial class Tokenizer
{
    readonly string src;
    readonly SourceText text;
    readonly List<Token> tokens = new(256);
    int pos;
    int line = 1;
    int lineStart;
    readonly List<int> indents = [0];
    readonly List<int> altIndents = [0];
    readonly List<(char ch, int line, int col)> parens = new();
    /// <summary>Last char offset this tokenizer may read (exclusive).</summary>
    readonly int limit;
    readonly bool fstringMode;

    /// <summary>Open brackets at end of input (the parser reports "'(' was never closed").</summary>
    public (char ch, int line, int col)? UnclosedParen;

    Tokenizer(SourceText text, int start, int end, int line, int lineStart, bool fstringMode)
    {
        this.text = text;
        src = text.Source;
        pos = start;
        limit = end;
        this.line = line;
        this.lineStart = lineStart;
        this.fstringMode = fstringMode;
    }

    /// <summary>Tokenizes a whole module/statement/expression source.</summary>
    public static List<Token> Tokenize(SourceText text, out (char ch, int line, int col)? unclosed)
        => Tokenize(text, out unclosed, out _);

    /// <summary>
    /// Tokenizes a whole source. A tokenizer error does not throw: the tokens end with an
    /// Error token and the error is returned, so that the parser can decide, as CPython
    /// does, whether an earlier parser error or the tokenizer error is reported.
    /// </summary>
    public static List<Token> Tokenize(SourceText text, out (char ch, int line, int col)? unclosed, out PythonSyntaxError? error)
    {
        var t = new Tokenizer(text, 0, text.Source.Length, 1, 0, false);
        error = null;
        try
        {
            t.Run();
        }
        catch (PythonSyntaxError e)
        {
            error = e;
            int col = t.pos - t.lineStart;
            t.tokens.Add(new Token { Kind = TokenKind.Error, Text = "", Start = t.pos, End = t.pos, Line = t.line, Col = col, EndLine = t.line, EndCol = col });
        }
        unclosed = t.UnclosedParen;
        return t.tokens;
    }

    /// <summary>
    /// Tokenizes the expression part of an f-string replacement field, source range
    /// [start, end), as if it were wrapped in parentheses (newlines are insignificant).
    /// </summary>
    public static List<Token> TokenizeFStringExpr(SourceText text, int start, int end, int line, int lineStart)
    {
        var t = new Tokenizer(text, start, end, line, lineStart, true);
        t.parens.Add(('(', line, start - lineStart));
        t.RunFString();
        return t.tokens;
    }

    char Peek(int k = 0) => pos + k < limit ? src[pos + k] : '\0';

    PythonSyntaxError Error(string msg, int errLine, int offset, int endLine, int endOffset,
                            SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError)
        => text.Error(kind, msg, errLine, offset, endLine, endOffset);

    /// <summary>An error CPython's tokenizer signals only through its state (see <see cref="PythonSyntaxError.OnlyWhenReached"/>).</summary>
    PythonSyntaxError StateError(string msg, int errLine, int offset, int endLine, int endOffset,
                                 SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError)
    {
        var e = text.Error(kind, msg, errLine, offset, endLine, endOffset);
        return new PythonSyntaxError(e.Kind, e.Msg, e.Filename, e.Line, e.Offset, e.EndLine, e.EndOffset, e.Text) { OnlyWhenReached = true };
    }

    void Add(TokenKind kind, string s, int start, int startLine, int startCol)
    {
        tokens.Add(new Token
        {
            Kind = kind, Text = s, Start = start, End = pos,
            Line = startLine, Col = startCol, EndLine = line, EndCol = pos - lineStart, Level = parens.Count,
        });
    }

    void NewLine()
    {
        line++;
        lineStart = pos;
    }

    void RunFString()
    {
        while (true)
        {
            SkipSpaceAndContinuations();
            if (pos >= limit) break;
            char c = src[pos];
            if (c == '\n') { pos++; NewLine(); continue; }
            if (c == '#') { pos = limit; break; } // rejected earlier by the f-string scanner
            Scan(c);
        }
        Add(TokenKind.EndMarker, "", pos, line, pos - lineStart);
    }

    void Run()
    {
        bool atBol = true;
        while (true)
        {
            if (atBol)
            {
                atBol = false;
                if (!Indentation()) { atBol = true; continue; }
            }
            SkipSpaceAndContinuations();
            if (pos >= limit) break;
            char c = src[pos];
            int commentCol = -1;
            if (c == '#')
            {
                // CPython's NEWLINE token after a comment starts where the comment does.
                commentCol = pos - lineStart;
                int nl = src.IndexOf('\n', pos, limit - pos);
                pos = nl < 0 ? limit : nl;
                if (pos >= limit) continue;
                c = '\n';
            }
            if (c == '\n')
            {
                int col = commentCol >= 0 ? commentCol : pos - lineStart;
                pos++;
                if (parens.Count == 0)
                {
                    // A NEWLINE token only ends a logical line that has tokens.
                    if (tokens.Count > 0 && tokens[^1].Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent))
                    {
                        tokens.Add(new Token { Kind = TokenKind.Newline, Text = "", Start = pos - 1, End = pos, Line = line, Col = col, EndLine = line, EndCol = col });
                    }
                    NewLine();
                    atBol = true;
                }
                else NewLine();
                continue;
            }
            Scan(c);
        }
        // End of input: the source always ends with '\n' (SourceText adds one). CPython puts
        // DEDENT/ENDMARKER at the end of the last line; inside brackets it stops right there.
        int endLine = Math.Max(1, line - 1);
        int endCol = Math.Max(0, limit - 1 - text.LineStart(endLine));
        if (parens.Count > 0)
        {
            UnclosedParen = parens[^1];
            tokens.Add(new Token { Kind = TokenKind.EndMarker, Text = "", Start = pos, End = pos, Line = endLine, Col = endCol, EndLine = endLine, EndCol = endCol });
            return;
        }
        for (int i = 1; i < indents.Count; i++)
            tokens.Add(new Token { Kind = TokenKind.Dedent, Text = "", Start = pos, End = pos, Line = endLine, Col = endCol, EndLine = endLine, EndCol = endCol });
        tokens.Add(new Token { Kind = TokenKind.EndMarker, Text = "", Start = pos, End = pos, Line = endLine, Col = endCol, EndLine = endLine, EndCol = endCol });
    }

    /// <summary>Measures the indentation at the start of a line and emits INDENT/DEDENT.
    /// Returns false for blank and comment-only lines (which it skips entirely).</summary>
    bool Indentation()
    {
        int col = 0, altcol = 0, contCol = 0, contAltCol = 0;
        int p = pos;
        while (p < limit)
        {
            char c = src[p];
            if (c == ' ') { col++; altcol++; }
            else if (c == '\t') { col = (col / 8 + 1) * 8; altcol++; }
            else if (c == '\f') { col = altcol = 0; }
            else if (c == '\\' && p + 1 < limit && src[p + 1] == '\n' && p + 2 < limit)
            {
                // Indentation split by backslashes: the first backslash found after some
                // whitespace fixes the level; otherwise counting goes on (CPython 3.11).
                if (contCol == 0) { contCol = col; contAltCol = altcol; }
                p += 2;
                pos = p;
                NewLine();
                continue;
            }
            else break;
            p++;
        }
        if (contCol != 0) { col = contCol; altcol = contAltCol; }
        pos = p;
        if (p >= limit) return true;
        char first = src[p];
        if (first == '#' || first == '\n')
        {
            // Blank or comment-only line: no indentation processing, no NEWLINE.
            while (pos < limit && src[pos] != '\n') pos++;
            if (pos < limit) { pos++; NewLine(); }
            return false;
        }
        if (parens.Count > 0) return true;
        int width = p - lineStart;
        if (col == indents[^1])
        {
            if (altcol != altIndents[^1]) throw TabError();
        }
        else if (col > indents[^1])
        {
            if (altcol <= altIndents[^1]) throw TabError();
            if (indents.Count >= 100) throw StateError("too many levels of indentation", line, width + 1, line, width + 1, SyntaxErrorKind.IndentationError);
            indents.Add(col);
            altIndents.Add(altcol);
            tokens.Add(new Token { Kind = TokenKind.Indent, Text = "", Start = lineStart, End = p, Line = line, Col = width, EndLine = line, EndCol = width });
        }
        else
        {
            int keep = indents.Count;
            while (keep > 1 && col < indents[keep - 1]) keep--;
            if (col != indents[keep - 1])
            {
                // CPython reports the column at the end of the offending line.
                int eol = src.IndexOf('\n', p, limit - p);
                int lineLen = (eol < 0 ? limit : eol + 1) - lineStart;
                throw StateError("unindent does not match any outer indentation level", line, lineLen, line, -1, SyntaxErrorKind.IndentationError);
            }
            // Only now emit the DEDENTs: CPython reports the mismatch instead of them.
            while (indents.Count > keep)
            {
                indents.RemoveAt(indents.Count - 1);
                altIndents.RemoveAt(altIndents.Count - 1);
                tokens.Add(new Token { Kind = TokenKind.Dedent, Text = "", Start = p, End = p, Line = line, Col = width, EndLine = line, EndCol = width });
            }
            if (altcol != altIndents[^1]) throw TabError();
        }
        return true;
    }

    PythonSyntaxError TabError() =>
        StateError("inconsistent use of tabs and spaces in indentation", line, 1, line, 0, SyntaxErrorKind.TabError);

    void SkipSpaceAndContinuations()
    {
        while (pos < limit)
        {
            char c = src[pos];
            if (c == ' ' || c == '\t' || c == '\f') { pos++; continue; }
            if (c == '\\')
            {
                if (pos + 1 < limit && src[pos + 1] == '\n')
                {
                    int bcol = pos - lineStart;
                    pos += 2;
                    NewLine();
                    if (pos >= limit && !fstringMode)
                        throw StateError("unexpected EOF while parsing", line - 1, bcol + 2, line - 1, -1);
                    continue;
                }
                if (pos + 1 >= limit)
                    throw StateError("unexpected EOF while parsing", line, pos - lineStart + 2, line, -1);
                int col = pos - lineStart;
                throw StateError("unexpected character after line continuation character", line, col + 2, line, 0);
            }
            break;
        }
    }

    void Scan(char c)
    {
        int start = pos, startLine = line, startCol = pos - lineStart;
        if (c < 128)
        {
            if (IsAsciiIdentStart(c))
            {
                if (TryString(start, startLine, startCol)) return;
                pos++;
                while (pos < limit && IsIdentChar(src[pos])) pos++;
                if (pos < limit && src[pos] >= 128) { ScanUnicodeIdentifier(start, startLine, startCol); return; }
                Add(TokenKind.Name, Intern(src, start, pos - start), start, startLine, startCol);
                return;
            }
            if (c >= '0' && c <= '9' || c == '.' && Peek(1) >= '0' && Peek(1) <= '9')
            {
                ScanNumber(start, startLine, startCol);
                return;
            }
            if (c == '"' || c == '\'')
            {
                ScanString(start, startLine, startCol, 0);
                return;
            }
            ScanOperator(c, start, startLine, startCol);
            return;
        }
        ScanUnicodeIdentifier(start, startLine, startCol);
    }

    static bool IsAsciiIdentStart(char c) => c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    static bool IsIdentChar(char c) => c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9';

    // XID_Start / XID_Continue as CPython 3.11 has them (U+309B is ID_Start but not XID_Start).
    static bool IsUnicodeIdentStart(int cp) => (CharProps.Of(cp) & CharProps.IdStart) != 0;

    static bool IsUnicodeIdentContinue(int cp) => (CharProps.Of(cp) & CharProps.IdContinue) != 0;

    int CodePointAt(int p, out int len)
    {
        char c = src[p];
        if (char.IsHighSurrogate(c) && p + 1 < limit && char.IsLowSurrogate(src[p + 1])) { len = 2; return char.ConvertToUtf32(c, src[p + 1]); }
        len = 1;
        return c;
    }

    void ScanUnicodeIdentifier(int start, int startLine, int startCol)
    {
        // Identifiers with non-ASCII characters: letters/digits/marks by Unicode category.
        int p = start;
        bool first = true;
        while (p < limit)
        {
            char ch = src[p];
            if (ch < 128)
            {
                if (IsIdentChar(ch) && !(first && ch >= '0' && ch <= '9')) { p++; first = false; continue; }
                break;
            }
            int cp = CodePointAt(p, out int len);
            if (first ? IsUnicodeIdentStart(cp) : IsUnicodeIdentContinue(cp)) { p += len; first = false; continue; }
            if (first || !IsIdentLikeBoundary(cp))
            {
                int col = p - lineStart;
                if (!Ast.Repr.IsPrintable(cp))
                    throw Error($"invalid non-printable character U+{cp:X4}", line, col + 1, line, col + 1);
                throw Error($"invalid character '{char.ConvertFromUtf32(cp)}' (U+{cp:X4})", line, col + 1, line, col + 1);
            }
            break;
        }
        pos = p;
        string name = src.Substring(start, p - start);
        if (!name.IsNormalized(NormalizationForm.FormKC)) name = name.Normalize(NormalizationForm.FormKC);
        Add(TokenKind.Name, name, start, startLine, startCol);
    }

    /// <summary>Non-ASCII characters that may legitimately follow an identifier (none: CPython
    /// rejects any non-identifier non-ASCII char, so the identifier scan reports them).</summary>
    static bool IsIdentLikeBoundary(int cp) => false;

    [ThreadStatic] static Dictionary<string, string>? interned;

    static string Intern(string s, int start, int len)
    {
        // Names repeat a lot; share the strings per thread (no locking).
        var table = interned ??= new Dictionary<string, string>(1024);
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = s.AsSpan(start, len);
        if (lookup.TryGetValue(span, out var found)) return found;
        string str = span.ToString();
        if (table.Count < 50_000) table[str] = str;
        return str;
    }
}
