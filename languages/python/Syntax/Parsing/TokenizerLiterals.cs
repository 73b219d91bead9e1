namespace PySharp.Syntax.Parsing;

/// <summary>Numbers, strings and operators (error messages and columns follow CPython 3.11).</summary>
internal sealed partial class Tokenizer
{
    static bool IsDigit(char c) => c >= '0' && c <= '9';
    static bool IsHex(char c) => c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    static bool IsPotentialIdentChar(char c) => IsIdentChar(c) || c >= 128;

    PythonSyntaxError ErrAtPos(string msg) => Error(msg, line, pos - lineStart, line, pos - lineStart);

    /// <summary>digits ('_' digits)*; the first digit has already been checked.</summary>
    void DecimalTail()
    {
        while (true)
        {
            while (IsDigit(Peek())) pos++;
            if (Peek() != '_') return;
            pos++;
            if (!IsDigit(Peek())) throw ErrAtPos("invalid decimal literal");
        }
    }

    /// <summary>CPython's verify_end_of_number: a letter right after a number is an error,
    /// except for the keywords that may follow a number in valid code.</summary>
    void VerifyEndOfNumber(string kind)
    {
        char c = Peek();
        // CPython's lookahead(): the whole keyword, not followed by an identifier character
        // (except for "if"/"in"/"is", where only the second letter is checked).
        bool Word(string rest) => string.CompareOrdinal(src, pos + 1, rest, 0, rest.Length) == 0 && pos + 1 + rest.Length <= limit
                                  && !IsPotentialIdentChar(Peek(1 + rest.Length));
        bool keyword = c switch
        {
            'a' => Word("nd"),
            'e' => Word("lse"),
            'f' => Word("or"),
            'i' => Peek(1) is 'f' or 'n' or 's',
            'o' => Word("r"),
            'n' => Word("ot"),
            _ => false,
        };
        // Non-ASCII characters are left to the next token (CPython reports them there).
        if (!keyword && c < 128 && IsPotentialIdentChar(c)) throw ErrAtPos($"invalid {kind} literal");
    }

    void RadixDigits(Func<char, bool> isDigit, string kind, bool reportBadDigit)
    {
        // pos is just after the 0x/0o/0b prefix
        do
        {
            if (Peek() == '_') pos++;
            char c = Peek();
            if (!isDigit(c))
            {
                if (reportBadDigit && IsDigit(c)) { pos++; throw ErrAtPos($"invalid digit '{c}' in {kind} literal"); }
                throw ErrAtPos($"invalid {kind} literal");
            }
            while (isDigit(Peek())) pos++;
        } while (Peek() == '_');
        if (reportBadDigit && IsDigit(Peek())) { char c = Peek(); pos++; throw ErrAtPos($"invalid digit '{c}' in {kind} literal"); }
        VerifyEndOfNumber(kind);
    }

    void ScanNumber(int start, int startLine, int startCol)
    {
        char c = src[pos];
        if (c == '0' && Peek(1) is 'x' or 'X')
        {
            pos += 2;
            RadixDigits(IsHex, "hexadecimal", false);
        }
        else if (c == '0' && Peek(1) is 'o' or 'O')
        {
            pos += 2;
            RadixDigits(ch => ch >= '0' && ch <= '7', "octal", true);
        }
        else if (c == '0' && Peek(1) is 'b' or 'B')
        {
            pos += 2;
            RadixDigits(ch => ch == '0' || ch == '1', "binary", true);
        }
        else
        {
            bool isFloat = false, imaginary = false;
            if (c == '.')
            {
                pos++;
                DecimalTail();
                isFloat = true;
            }
            else if (c == '0')
            {
                // Only zeros are allowed before a non-float decimal integer.
                pos++;
                while (true)
                {
                    if (Peek() == '_')
                    {
                        pos++;
                        if (!IsDigit(Peek())) throw ErrAtPos("invalid decimal literal");
                    }
                    if (Peek() != '0') break;
                    pos++;
                }
                int zerosEnd = pos + 1;
                bool nonzero = false;
                if (IsDigit(Peek())) { nonzero = true; DecimalTail(); }
                if (Peek() == '.') { pos++; if (IsDigit(Peek())) DecimalTail(); isFloat = true; }
                else if (Peek() is 'e' or 'E' or 'j' or 'J') isFloat = true;
                else if (nonzero)
                    throw Error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                                line, startCol + 1, line, zerosEnd - lineStart);
            }
            else
            {
                DecimalTail();
                if (Peek() == '.') { pos++; if (IsDigit(Peek())) DecimalTail(); isFloat = true; }
            }
            if (Peek() is 'e' or 'E')
            {
                int ePos = pos;
                pos++;
                if (Peek() is '+' or '-')
                {
                    pos++;
                    if (!IsDigit(Peek())) throw ErrAtPos("invalid decimal literal");
                    DecimalTail();
                }
                else if (!IsDigit(Peek()))
                {
                    pos = ePos; // the number ends before the 'e'
                    VerifyEndOfNumber("decimal");
                    Add(TokenKind.Number, src.Substring(start, pos - start), start, startLine, startCol);
                    return;
                }
                else DecimalTail();
            }
            if (Peek() is 'j' or 'J') { pos++; imaginary = true; }
            VerifyEndOfNumber(imaginary ? "imaginary" : "decimal");
            _ = isFloat;
        }
        Add(TokenKind.Number, src.Substring(start, pos - start), start, startLine, startCol);
    }

    /// <summary>At an identifier start: if it is a string prefix followed by a quote, scan the string.</summary>
    bool TryString(int start, int startLine, int startCol)
    {
        int n = 0;
        bool r = false, b = false, u = false, f = false;
        while (n < 3 && pos + n < limit)
        {
            char ch = src[pos + n];
            if (ch is '"' or '\'') break;
            switch (ch)
            {
                case 'r' or 'R' when !r && !u: r = true; break;
                case 'b' or 'B' when !b && !u && !f: b = true; break;
                case 'u' or 'U' when !r && !b && !f && !u && n == 0: u = true; break;
                case 'f' or 'F' when !f && !b && !u: f = true; break;
                default: return false;
            }
            n++;
        }
        if (n == 0 || n > 2 || pos + n >= limit || src[pos + n] is not ('"' or '\'')) return false;
        ScanString(start, startLine, startCol, n);
        return true;
    }

    void ScanString(int start, int startLine, int startCol, int prefixLen)
    {
        pos += prefixLen;
        char quote = src[pos];
        bool triple = Peek(1) == quote && Peek(2) == quote;
        pos += triple ? 3 : 1;
        while (true)
        {
            if (pos >= limit)
            {
                int detected = limit > 0 && src[limit - 1] == '\n' ? line - 1 : line;
                string what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
                throw Error($"{what} (detected at line {detected})", startLine, startCol + 1, startLine, startCol + 1);
            }
            char c = src[pos];
            if (c == quote)
            {
                if (!triple) { pos++; break; }
                if (Peek(1) == quote && Peek(2) == quote) { pos += 3; break; }
                pos++;
            }
            else if (c == '\\')
            {
                pos++;
                if (pos < limit)
                {
                    if (src[pos] == '\n') { pos++; NewLine(); }
                    else pos++;
                }
            }
            else if (c == '\n')
            {
                if (!triple)
                    throw Error($"unterminated string literal (detected at line {line})", startLine, startCol + 1, startLine, startCol + 1);
                pos++;
                NewLine();
            }
            else pos++;
        }
        Add(TokenKind.String, src.Substring(start, pos - start), start, startLine, startCol);
    }

    static readonly string[] Ops1 = new string[128];

    static Tokenizer()
    {
        foreach (char ch in "%&()*+,-./:;<=>@[]^{|}~!$?`") Ops1[ch] = string.Intern(ch.ToString());
    }

    void ScanOperator(char c, int start, int startLine, int startCol)
    {
        string? op = null;
        char c1 = pos + 1 < limit ? src[pos + 1] : '\0';
        if (c1 is '=' or '*' or '/' or '<' or '>' or '.' or '-')
        {
            char c2 = pos + 2 < limit ? src[pos + 2] : '\0';
            op = (c, c1, c2) switch
            {
                ('*', '*', '=') => "**=",
                ('/', '/', '=') => "//=",
                ('>', '>', '=') => ">>=",
                ('<', '<', '=') => "<<=",
                ('.', '.', '.') => "...",
                _ => null,
            };
            op ??= (c, c1) switch
            {
                ('!', '=') => "!=", ('%', '=') => "%=", ('&', '=') => "&=", ('*', '*') => "**", ('*', '=') => "*=",
                ('+', '=') => "+=", ('-', '=') => "-=", ('-', '>') => "->", ('/', '/') => "//", ('/', '=') => "/=",
                (':', '=') => ":=", ('<', '<') => "<<", ('<', '=') => "<=", ('=', '=') => "==", ('>', '=') => ">=",
                ('>', '>') => ">>", ('@', '=') => "@=", ('^', '=') => "^=", ('|', '=') => "|=",
                _ => null,
            };
        }
        op ??= Ops1[c];
        if (op == null)
        {
            // Control characters and the like.
            throw Error($"invalid non-printable character U+{(int)c:X4}", line, startCol + 1, line, startCol + 1);
        }
        pos += op.Length;
        switch (c)
        {
            case '(' or '[' or '{':
                if (parens.Count >= 200) throw Error("too many nested parentheses", line, startCol + 1, line, startCol + 1);
                parens.Add((c, startLine, startCol));
                break;
            case ')' or ']' or '}':
                if (parens.Count == 0 || fstringMode && parens.Count == 1)
                    throw Error($"unmatched '{c}'", line, startCol + 1, line, startCol + 1);
                var (open, openLine, _) = parens[^1];
                parens.RemoveAt(parens.Count - 1);
                char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
                if (c != expected)
                {
                    string msg = openLine != line
                        ? $"closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {openLine}"
                        : $"closing parenthesis '{c}' does not match opening parenthesis '{open}'";
                    throw Error(msg, line, startCol + 1, line, startCol + 1);
                }
                break;
        }
        Add(TokenKind.Op, op, start, startLine, startCol);
    }
}
