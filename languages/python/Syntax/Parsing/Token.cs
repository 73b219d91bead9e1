namespace PySharp.Syntax.Parsing;

/// <summary>Token kinds; <see cref="Error"/> marks where the tokenizer failed (the parser never accepts it).</summary>
internal enum TokenKind : byte { EndMarker, Name, Number, String, Newline, Indent, Dedent, Op, Error }

/// <summary>One token; positions are CPython-style (1-based lines, 0-based char columns).</summary>
internal struct Token
{
    public TokenKind Kind;
    /// <summary>Operator or name text (names NFKC-normalized), the number's or string's source text.</summary>
    public string Text;
    public int Line, Col, EndLine, EndCol;
    /// <summary>Char offsets into the source.</summary>
    public int Start, End;
    /// <summary>Bracket nesting depth after this token (CPython's tok->level).</summary>
    public int Level;

    public readonly bool Is(string op) => Kind == TokenKind.Op && (object)Text == op;
    public readonly bool IsName(string kw) => Kind == TokenKind.Name && Text == kw;
    public override readonly string ToString() => $"{Kind} '{Text}' {Line}:{Col}";
}
