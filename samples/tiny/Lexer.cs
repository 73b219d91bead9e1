using System.Text;

namespace RSharp.Samples.Tiny;

internal enum TokenKind { Int, Str, Ident, Keyword, Punct, End }

internal readonly record struct Token(TokenKind Kind, string Text, long Int, int Line)
{
    public override string ToString() => Kind switch
    {
        TokenKind.End => "end of file",
        TokenKind.Str => "string literal",
        TokenKind.Int => $"'{Int}'",
        _ => $"'{Text}'",
    };
}

/// <summary>Turns source text into tokens. Comments run from <c>//</c> to the end of the line.</summary>
internal static class Lexer
{
    public static readonly HashSet<string> Keywords =
        ["fn", "let", "if", "else", "while", "return", "print", "true", "false", "nil"];

    // Longest first, so that "<=" wins over "<".
    private static readonly string[] Puncts =
        ["==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "=", "!",
         "(", ")", "{", "}", "[", "]", ",", ";"];

    public static List<Token> Tokenize(string src)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1;
        while (true)
        {
            while (i < src.Length)
            {
                char c = src[i];
                if (c == '\n') { line++; i++; }
                else if (char.IsWhiteSpace(c)) i++;
                else if (c == '/' && i + 1 < src.Length && src[i + 1] == '/')
                    while (i < src.Length && src[i] != '\n') i++;
                else break;
            }
            if (i >= src.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", 0, line));
                return tokens;
            }
            char ch = src[i];
            int start = i;
            if (char.IsAsciiDigit(ch))
            {
                while (i < src.Length && char.IsAsciiDigit(src[i])) i++;
                if (i < src.Length && (char.IsAsciiLetter(src[i]) || src[i] == '_'))
                    throw new TinyError(line, $"invalid number '{src[start..(i + 1)]}'");
                if (!long.TryParse(src.AsSpan(start, i - start), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out long value))
                    throw new TinyError(line, $"integer literal too large: {src[start..i]}");
                tokens.Add(new Token(TokenKind.Int, src[start..i], value, line));
            }
            else if (char.IsAsciiLetter(ch) || ch == '_')
            {
                while (i < src.Length && (char.IsAsciiLetterOrDigit(src[i]) || src[i] == '_')) i++;
                string word = src[start..i];
                tokens.Add(new Token(Keywords.Contains(word) ? TokenKind.Keyword : TokenKind.Ident, word, 0, line));
            }
            else if (ch == '"')
            {
                tokens.Add(new Token(TokenKind.Str, ReadString(src, ref i, line), 0, line));
            }
            else
            {
                string? p = Array.Find(Puncts, p => string.CompareOrdinal(src, i, p, 0, p.Length) == 0);
                if (p is null)
                    throw new TinyError(line, $"unexpected character '{ch}'");
                i += p.Length;
                tokens.Add(new Token(TokenKind.Punct, p, 0, line));
            }
        }
    }

    private static string ReadString(string src, ref int i, int line)
    {
        var sb = new StringBuilder();
        i++; // opening quote
        while (true)
        {
            if (i >= src.Length || src[i] == '\n')
                throw new TinyError(line, "unterminated string literal");
            char c = src[i++];
            if (c == '"') return sb.ToString();
            if (c != '\\') { sb.Append(c); continue; }
            if (i >= src.Length) throw new TinyError(line, "unterminated string literal");
            char e = src[i++];
            sb.Append(e switch
            {
                'n' => '\n',
                't' => '\t',
                '"' => '"',
                '\\' => '\\',
                _ => throw new TinyError(line, $"unknown escape '\\{e}'"),
            });
        }
    }
}
