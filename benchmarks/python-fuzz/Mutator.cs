using System.Text;
using System.Text.RegularExpressions;

namespace PySharp.Fuzz;

/// <summary>Character-, token- and byte-level mutations plus random generators.</summary>
internal sealed partial class Mutator(Random rng)
{
    static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "{", "}", ":", ";", ",", ".", "...", "=", "==", ":=", "+", "-", "*", "**", "/", "//", "%",
        "@", "&", "|", "^", "~", "<", ">", "<=", ">=", "!=", "->", "+=", "<<=", "\n", "\n    ", "\n\t", "\\\n", " ", "#c\n",
        "if", "else", "elif", "for", "in", "while", "def", "class", "return", "yield", "lambda", "not", "and", "or",
        "is", "import", "from", "as", "with", "try", "except", "finally", "raise", "async", "await", "match", "case",
        "_", "global", "nonlocal", "del", "pass", "break", "continue", "None", "True", "False", "print",
        "x", "y", "f", "é", "𝔘", "1", "0x1f", "0o7", "0b1", "1.5e3", "1j", "1_000", "09", "'s'", "\"s\"", "'''t'''",
        "f'{x}'", "f\"{x!r:>{w}}\"", "b'b'", "rb'\\d'", "u'u'", "'\\N{SNOWMAN}'", "'\\x4", "f'{", "}", "'", "\"\"\"",
        "*", "**", "/", "\t", "\f", "\r\n", "\u00a0", "$", "?", "!", "`", "\0",
    ];

    [GeneratedRegex(@"\w+|\s+|'[^'\n]*'|""[^""\n]*""|.", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    const string Alphabet = "()[]{}:;,.=+-*/%@&|^~<>!'\"#\\\n\t fbrFBRuU0123456789_xXoOjJeE.aiz";

    char RandomChar()
    {
        int r = rng.Next(20);
        if (r < 16) return Alphabet[rng.Next(Alphabet.Length)];
        if (r < 18) return (char)rng.Next(0x80, 0x3000);
        return (char)rng.Next(0, 0x80);
    }

    public string MutateChars(string s, int count)
    {
        var sb = new StringBuilder(s);
        for (int k = 0; k < count; k++)
        {
            int pos = sb.Length == 0 ? 0 : rng.Next(sb.Length);
            switch (rng.Next(4))
            {
                case 0: if (sb.Length > 0) sb.Remove(pos, 1); break;
                case 1: sb.Insert(pos, RandomChar()); break;
                case 2: if (sb.Length > 0) sb.Insert(pos, sb[pos]); break;
                default: if (sb.Length > 0) sb[pos] = RandomChar(); break;
            }
        }
        return sb.ToString();
    }

    public string MutateTokens(string s, int count)
    {
        var toks = TokenPattern().Matches(s).Select(m => m.Value).ToList();
        for (int k = 0; k < count; k++)
        {
            int pos = toks.Count == 0 ? 0 : rng.Next(toks.Count);
            switch (rng.Next(5))
            {
                case 0: if (toks.Count > 0) toks.RemoveAt(pos); break;
                case 1: toks.Insert(pos, Fragments[rng.Next(Fragments.Length)]); break;
                case 2: if (toks.Count > 0) toks.Insert(pos, toks[pos]); break;
                case 3:
                    if (toks.Count > 1)
                    {
                        int other = rng.Next(toks.Count);
                        (toks[pos], toks[other]) = (toks[other], toks[pos]);
                    }
                    break;
                default: if (toks.Count > 0) toks[pos] = Fragments[rng.Next(Fragments.Length)]; break;
            }
        }
        return string.Concat(toks);
    }

    public string Splice(string a, string b)
    {
        int i = a.Length == 0 ? 0 : rng.Next(a.Length);
        int j = b.Length == 0 ? 0 : rng.Next(b.Length);
        return a[..i] + b[j..];
    }

    public string RandomTokens(int n)
    {
        var sb = new StringBuilder();
        for (int k = 0; k < n; k++) sb.Append(Fragments[rng.Next(Fragments.Length)]).Append(rng.Next(3) == 0 ? " " : "");
        return sb.ToString();
    }

    public string RandomText(int n)
    {
        var sb = new StringBuilder();
        for (int k = 0; k < n; k++) sb.Append(RandomChar());
        return sb.ToString();
    }

    /// <summary>Deeply nested brackets, unary operators, lambdas or blocks.</summary>
    public string Nesting(int depth)
    {
        switch (rng.Next(6))
        {
            case 0: return new string('(', depth) + "x" + new string(')', depth);
            case 1: return "x = " + string.Concat(Enumerable.Repeat("-", depth * 10)) + "1";
            case 2: return string.Concat(Enumerable.Repeat("not ", depth * 5)) + "x";
            case 3: return string.Concat(Enumerable.Repeat("lambda: ", depth * 3)) + "0";
            case 4:
                {
                    var sb = new StringBuilder();
                    for (int i = 0; i < depth; i++) sb.Append(' ', i).Append("if x:\n");
                    sb.Append(' ', depth).Append("pass\n");
                    return sb.ToString();
                }
            default: return "x = " + string.Concat(Enumerable.Repeat("a.", depth * 10)) + "b" + string.Concat(Enumerable.Repeat("[0]", depth * 5)) + string.Concat(Enumerable.Repeat(" + 1", depth * 20));
        }
    }

    public byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        if (rng.Next(4) == 0)
        {
            byte[] cookie = Encoding.ASCII.GetBytes(rng.Next(2) == 0 ? "# -*- coding: latin-1 -*-\n" : "# coding: bogus\n");
            return cookie.Concat(b).ToArray();
        }
        if (rng.Next(4) == 0) return new byte[] { 0xEF, 0xBB, 0xBF }.Concat(b).ToArray();
        return b;
    }

    public byte[] MutateBytes(byte[] b)
    {
        var list = b.ToList();
        int count = 1 + rng.Next(4);
        for (int k = 0; k < count; k++)
        {
            int pos = list.Count == 0 ? 0 : rng.Next(list.Count);
            if (rng.Next(2) == 0 && list.Count > 0) list[pos] = (byte)rng.Next(256);
            else list.Insert(pos, (byte)rng.Next(256));
        }
        return list.ToArray();
    }
}
