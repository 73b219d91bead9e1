using System.Text;
using PySharp.Syntax.Ast;
using Attribute = PySharp.Syntax.Ast.Attribute;
using Tuple = PySharp.Syntax.Ast.Tuple;

namespace PySharp.Syntax.Parsing;

/// <summary>
/// String literals: implicit concatenation, escapes, bytes, and f-strings with CPython
/// 3.11's semantics (replacement fields parsed from the real source positions; the
/// Constant and FormattedValue parts span the whole concatenated literal).
/// </summary>
internal sealed partial class PythonParser
{
    /// <summary>An error found while decoding a literal; reported at the token after the literal, like CPython.</summary>
    sealed class LiteralError(string msg) : Exception(msg);

    Expr Strings()
    {
        int s = p;
        bool anyBytes = false, anyStr = false, anyF = false;
        while (At(TokenKind.String))
        {
            var (flags, _, _) = StringParts(t[p]);
            if ((flags & Bytes) != 0) anyBytes = true; else anyStr = true;
            if ((flags & FString) != 0) anyF = true;
            p++;
        }
        int e = p;
        var tokAfter = Cur;
        if (anyBytes && anyStr) throw ErrorAt(tokAfter, "cannot mix bytes and nonbytes literals");
        string? kind = t[s].Text[0] == 'u' ? "u" : null;
        try
        {
            if (anyBytes)
            {
                var bytes = new List<byte>();
                for (int i = s; i < e; i++)
                {
                    var (flags, bs, be) = StringParts(t[i]);
                    for (int k = bs; k < be; k++)
                        if (text.Source[k] >= 128) throw ErrorAt(t[i], "bytes can only contain ASCII literal characters");
                    if ((flags & Raw) != 0) for (int k = bs; k < be; k++) bytes.Add((byte)text.Source[k]);
                    else DecodeBytes(text.Source, bs, be, bytes);
                }
                return Mk(new Constant { Value = bytes.ToArray() }, s);
            }
            if (!anyF)
            {
                if (e - s == 1)
                {
                    var (flags, bs, be) = StringParts(t[s]);
                    string v = (flags & Raw) != 0 ? text.Source.Substring(bs, be - bs) : DecodeStr(text.Source, bs, be);
                    return Mk(new Constant { Value = v, Kind = kind }, s);
                }
                var sb = new StringBuilder();
                for (int i = s; i < e; i++)
                {
                    var (flags, bs, be) = StringParts(t[i]);
                    if ((flags & Raw) != 0) sb.Append(text.Source, bs, be - bs);
                    else DecodeStr(text.Source, bs, be, sb);
                }
                return Mk(new Constant { Value = sb.ToString(), Kind = kind }, s);
            }
            var builder = new FStringBuilder(this, s, e, kind);
            for (int i = s; i < e; i++)
            {
                var (flags, bs, be) = StringParts(t[i]);
                if ((flags & FString) != 0) builder.ParseFString(i, bs, be, (flags & Raw) != 0, 0, builder.Values);
                else if ((flags & Raw) != 0) builder.Literal.Append(text.Source, bs, be - bs);
                else DecodeStr(text.Source, bs, be, builder.Literal);
            }
            builder.Flush(builder.Values);
            return Mk(new JoinedStr { Values = builder.Values }, s);
        }
        catch (LiteralError err)
        {
            throw ErrorAt(tokAfter, err.Message);
        }
    }

    const int Raw = 1, Bytes = 2, FString = 4, Unicode = 8;

    /// <summary>Prefix flags and the body range (char offsets into the source) of a string token.</summary>
    static (int flags, int bodyStart, int bodyEnd) StringParts(in Token tok)
    {
        string s = tok.Text;
        int flags = 0, i = 0;
        for (; s[i] != '"' && s[i] != '\''; i++)
        {
            switch (s[i] | 0x20)
            {
                case 'r': flags |= Raw; break;
                case 'b': flags |= Bytes; break;
                case 'f': flags |= FString; break;
                case 'u': flags |= Unicode; break;
            }
        }
        int q = s.Length - i >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i] ? 3 : 1;
        return (flags, tok.Start + i + q, tok.End - q);
    }

    static string DecodeStr(string src, int start, int end)
    {
        int bs = src.IndexOf('\\', start, end - start);
        if (bs < 0) return src.Substring(start, end - start);
        var sb = new StringBuilder(end - start);
        DecodeStr(src, start, end, sb);
        return sb.ToString();
    }

    static void DecodeStr(string src, int start, int end, StringBuilder sb)
    {
        int i = start;
        while (i < end)
        {
            int bs = src.IndexOf('\\', i, end - i);
            if (bs < 0) { sb.Append(src, i, end - i); return; }
            sb.Append(src, i, bs - i);
            i = bs + 1;
            if (i >= end) { sb.Append('\\'); return; }
            char c = src[i++];
            switch (c)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                    {
                        int v = c - '0';
                        for (int k = 0; k < 2 && i < end && src[i] >= '0' && src[i] <= '7'; k++) v = v * 8 + (src[i++] - '0');
                        sb.Append((char)v);
                        break;
                    }
                case 'x': sb.Append((char)HexEscape(src, ref i, end, 2, start, bs, "truncated \\xXX escape")); break;
                case 'u': sb.Append((char)HexEscape(src, ref i, end, 4, start, bs, "truncated \\uXXXX escape")); break;
                case 'U':
                    {
                        int cp = HexEscape(src, ref i, end, 8, start, bs, "truncated \\UXXXXXXXX escape");
                        if ((uint)cp > 0x10FFFF)
                            throw new LiteralError($"(unicode error) 'unicodeescape' codec can't decode bytes in position {bs - start}-{i - 1 - start}: illegal Unicode character");
                        AppendCodePoint(sb, cp);
                        break;
                    }
                case 'N':
                    {
                        int close = i < end && src[i] == '{' ? src.IndexOf('}', i, end - i) : -1;
                        if (close < 0)
                            throw new LiteralError($"(unicode error) 'unicodeescape' codec can't decode bytes in position {bs - start}-{i - 1 - start}: malformed \\N character escape");
                        string name = src.Substring(i + 1, close - i - 1);
                        int cp = UnicodeNames.Lookup(name);
                        if (cp < 0)
                            throw new LiteralError($"(unicode error) 'unicodeescape' codec can't decode bytes in position {bs - start}-{close - start}: unknown Unicode character name");
                        AppendCodePoint(sb, cp);
                        i = close + 1;
                        break;
                    }
                default:
                    // Invalid escapes are kept verbatim (CPython only warns).
                    sb.Append('\\').Append(c);
                    break;
            }
        }
    }

    static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp < 0x10000) sb.Append((char)cp);
        else sb.Append(char.ConvertFromUtf32(cp));
    }

    static int HexEscape(string src, ref int i, int end, int digits, int start, int escStart, string what)
    {
        int v = 0;
        for (int k = 0; k < digits; k++)
        {
            if (i >= end || !Uri.IsHexDigit(src[i]))
                throw new LiteralError($"(unicode error) 'unicodeescape' codec can't decode bytes in position {escStart - start}-{i - 1 - start}: {what}");
            v = v * 16 + HexValue(src[i]);
            i++;
        }
        return v;
    }

    static void DecodeBytes(string src, int start, int end, List<byte> bytes)
    {
        int i = start;
        while (i < end)
        {
            char c = src[i++];
            if (c != '\\') { bytes.Add((byte)c); continue; }
            if (i >= end) { bytes.Add((byte)'\\'); return; }
            c = src[i++];
            switch (c)
            {
                case '\n': break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '"': bytes.Add((byte)'"'); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case >= '0' and <= '7':
                    {
                        int v = c - '0';
                        for (int k = 0; k < 2 && i < end && src[i] >= '0' && src[i] <= '7'; k++) v = v * 8 + (src[i++] - '0');
                        bytes.Add((byte)v);
                        break;
                    }
                case 'x':
                    {
                        int escStart = i - 2 - start;
                        if (i + 1 < end && Uri.IsHexDigit(src[i]) && Uri.IsHexDigit(src[i + 1]))
                        {
                            bytes.Add((byte)(HexValue(src[i]) * 16 + HexValue(src[i + 1])));
                            i += 2;
                        }
                        else throw new LiteralError($"(value error) invalid \\x escape at position {escStart}");
                        break;
                    }
                default:
                    bytes.Add((byte)'\\');
                    bytes.Add((byte)c);
                    break;
            }
        }
    }
}
