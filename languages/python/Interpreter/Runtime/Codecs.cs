using System.Text;
using PySharp.Syntax;

namespace PySharp.Interpreter;

/// <summary>
/// The builtin codecs (utf-8, ascii, latin-1, utf-16 and utf-32 with their -le/-be forms) and
/// CPython's error handlers: strict, ignore, replace, backslashreplace, surrogateescape,
/// surrogatepass, and for encoding xmlcharrefreplace and namereplace. Error ranges, reasons
/// and resume positions follow CPython, so exception messages and results match byte for byte.
/// Positions in encode errors count code points (a surrogate pair is one character).
/// </summary>
internal static class Codecs
{
    internal enum Kind { Utf8, Utf8Sig, Ascii, Latin1, Cp1252, Utf16, Utf16Le, Utf16Be, Utf32, Utf32Le, Utf32Be }

    /// <summary>The codec of an encoding name (CPython's normalization: case, '-', '_' and spaces ignored).</summary>
    internal static Kind Lookup(string enc)
    {
        var sb = new StringBuilder(enc.Length);
        foreach (char c in enc) if (c is not ('-' or '_' or ' ')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString() switch
        {
            "utf8" or "u8" or "utf" or "cp65001" or "utf8ucs2" or "utf8ucs4" => Kind.Utf8,
            "utf8sig" => Kind.Utf8Sig,
            "ascii" or "usascii" or "646" or "us" or "ansix3.41968" or "cp367" or "csascii" or "ibm367" or "iso646us" => Kind.Ascii,
            "latin1" or "latin" or "l1" or "iso88591" or "iso8859" or "8859" or "cp819" or "ibm819" or "csisolatin1" or "isoir100" => Kind.Latin1,
            "cp1252" or "windows1252" => Kind.Cp1252,
            "utf16" or "u16" => Kind.Utf16,
            "utf16le" => Kind.Utf16Le,
            "utf16be" => Kind.Utf16Be,
            "utf32" or "u32" => Kind.Utf32,
            "utf32le" => Kind.Utf32Le,
            "utf32be" => Kind.Utf32Be,
            _ => throw Ops.Error(Exc.LookupError, $"unknown encoding: {enc}"),
        };
    }

    internal static string Name(Kind k) => k switch
    {
        Kind.Utf8 => "utf-8", Kind.Utf8Sig => "utf-8-sig", Kind.Ascii => "ascii", Kind.Latin1 => "latin-1", Kind.Cp1252 => "charmap",
        Kind.Utf16 => "utf-16", Kind.Utf16Le => "utf-16-le", Kind.Utf16Be => "utf-16-be",
        Kind.Utf32 => "utf-32", Kind.Utf32Le => "utf-32-le", _ => "utf-32-be",
    };

    private static PyException UnknownHandler(string errors) => Ops.Error(Exc.LookupError, $"unknown error handler name '{errors}'");

    // ---------------------------------------------------------------- encoding

    public static byte[] Encode(string s, string enc, string errors)
    {
        var k = Lookup(enc);
        if (k == Kind.Utf8) return Utf8Codec.Encode(s, errors);
        if (k == Kind.Utf8Sig) return [0xEF, 0xBB, 0xBF, .. Utf8Codec.Encode(s, errors)];
        var res = new List<byte>(s.Length + 4);
        if (k == Kind.Utf16) { res.Add(0xFF); res.Add(0xFE); }
        else if (k == Kind.Utf32) { res.Add(0xFF); res.Add(0xFE); res.Add(0); res.Add(0); }
        var cps = ToCodePoints(s);
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            if (CanEncode(k, c)) { Put(k, res, c); continue; }
            int runEnd = i + 1;
            if (k is Kind.Ascii or Kind.Latin1 or Kind.Cp1252) while (runEnd < cps.Length && !CanEncode(k, cps[runEnd])) runEnd++;
            i = EncodeError(k, Name(k), s, cps, i, runEnd, k is Kind.Ascii ? "ordinal not in range(128)" : k is Kind.Latin1 ? "ordinal not in range(256)" : k is Kind.Cp1252 ? "character maps to <undefined>" : "surrogates not allowed", errors, res, c2 => Put(k, res, c2)) - 1;
        }
        return res.ToArray();
    }

    private static bool CanEncode(Kind k, int c) => k switch
    {
        Kind.Ascii => c < 0x80,
        Kind.Latin1 => c < 0x100,
        Kind.Cp1252 => c < 0x80 || (c is >= 0xA0 and < 0x100) || (c is > 0xFF and < 0xFFFF && Cp1252High.Contains((char)c)),
        _ => c is < 0xD800 or > 0xDFFF,
    };

    /// <summary>Writes code point <paramref name="c"/> in codec <paramref name="k"/> (utf-16/32 forms only, and the single-byte ones).</summary>
    private static void Put(Kind k, List<byte> res, int c)
    {
        switch (k)
        {
            case Kind.Ascii or Kind.Latin1: res.Add((byte)c); break;
            case Kind.Cp1252: res.Add(c < 0x80 || c is >= 0xA0 and < 0x100 ? (byte)c : (byte)(0x80 + Cp1252High.IndexOf((char)c))); break;
            case Kind.Utf16 or Kind.Utf16Le or Kind.Utf16Be:
                if (c >= 0x10000) { Put(k, res, 0xD800 + ((c - 0x10000) >> 10)); Put(k, res, 0xDC00 + ((c - 0x10000) & 0x3FF)); break; }
                if (k == Kind.Utf16Be) { res.Add((byte)(c >> 8)); res.Add((byte)c); }
                else { res.Add((byte)c); res.Add((byte)(c >> 8)); }
                break;
            default:
                if (k == Kind.Utf32Be) { res.Add(0); res.Add((byte)(c >> 16)); res.Add((byte)(c >> 8)); res.Add((byte)c); }
                else { res.Add((byte)c); res.Add((byte)(c >> 8)); res.Add((byte)(c >> 16)); res.Add(0); }
                break;
        }
    }

    /// <summary>The code points of <paramref name="s"/>: surrogate pairs joined, lone surrogates kept.</summary>
    internal static int[] ToCodePoints(string s)
    {
        var r = new int[StrOps.CodePointLength(s)];
        for (int i = 0, j = 0; i < s.Length; i++, j++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { r[j] = char.ConvertToUtf32(s[i], s[i + 1]); i++; }
            else r[j] = s[i];
        }
        return r;
    }

    /// <summary>
    /// Applies the encode error handler to the unencodable code points [start, end) and returns
    /// the index encoding resumes at. Text replacements go through <paramref name="put"/> (they
    /// are ASCII, written in the target codec); surrogatepass writes the codec's own form.
    /// </summary>
    internal static int EncodeError(Kind k, string name, string s, int[] cps, int start, int end, string reason, string errors, List<byte> res, Action<int> put)
    {
        PyException Raise(int from) => new((PyBaseException)Ops.Call(Exc.UnicodeEncodeError,
            [new PyStr(name), new PyStr(s), PyInt.Get(from), PyInt.Get(end), new PyStr(reason)], null));
        switch (errors)
        {
            case "strict": throw Raise(start);
            case "ignore": return end;
            case "replace": for (int i = start; i < end; i++) put('?'); return end;
            case "backslashreplace": for (int i = start; i < end; i++) PutAscii(put, Backslash(cps[i])); return end;
            case "xmlcharrefreplace": for (int i = start; i < end; i++) PutAscii(put, $"&#{cps[i]};"); return end;
            case "namereplace":
                for (int i = start; i < end; i++)
                    PutAscii(put, UnicodeNames.NameOf(cps[i]) is { } n ? "\\N{" + n + "}" : Backslash(cps[i]));
                return end;
            case "surrogateescape":
                // Only the single-byte codecs and utf-8 accept the raw byte back.
                if (k is Kind.Utf16 or Kind.Utf16Le or Kind.Utf16Be or Kind.Utf32 or Kind.Utf32Le or Kind.Utf32Be) throw Raise(start);
                for (int i = start; i < end; i++)
                {
                    if (cps[i] is < 0xDC80 or > 0xDCFF) throw Raise(i);
                    res.Add((byte)(cps[i] - 0xDC00));
                }
                return end;
            case "surrogatepass":
                if (k is Kind.Ascii or Kind.Latin1 or Kind.Cp1252) throw Raise(start);
                for (int i = start; i < end; i++)
                {
                    int c = cps[i];
                    if (c is < 0xD800 or > 0xDFFF) throw Raise(i);
                    if (k == Kind.Utf8) { res.Add((byte)(0xE0 | (c >> 12))); res.Add((byte)(0x80 | ((c >> 6) & 0x3F))); res.Add((byte)(0x80 | (c & 0x3F))); }
                    else put(c);
                }
                return end;
        }
        throw UnknownHandler(errors);
    }

    /// <summary>cp1252's bytes 0x80..0x9F; the five undefined ones hold U+FFFF (never a real character).</summary>
    private const string Cp1252High = "\u20AC\uFFFF\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFF\u017D\uFFFF"
        + "\uFFFF\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFF\u017E\u0178";

    private static void PutAscii(Action<int> put, string text) { foreach (char ch in text) put(ch); }

    private static string Backslash(int c) => c < 0x100 ? $"\\x{c:x2}" : c < 0x10000 ? $"\\u{c:x4}" : $"\\U{c:x8}";

    // ---------------------------------------------------------------- decoding

    public static string Decode(byte[] b, string enc, string errors)
    {
        var k = Lookup(enc);
        switch (k)
        {
            case Kind.Utf8:
                if (errors != "strict") return Utf8Codec.Decode(b, errors);
                try { return new UTF8Encoding(false, true).GetString(b); }
                catch (DecoderFallbackException) { return Utf8Codec.Decode(b, errors); }
            case Kind.Utf8Sig:
                return Decode(b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? b[3..] : b, "utf-8", errors);
            case Kind.Latin1: return Encoding.Latin1.GetString(b);
            case Kind.Cp1252:
            {
                var sb = new StringBuilder(b.Length);
                for (int i = 0; i < b.Length;)
                {
                    int c = b[i] is >= 0x80 and < 0xA0 ? Cp1252High[b[i] - 0x80] : b[i];
                    if (c != 0xFFFF) { sb.Append((char)c); i++; }
                    else i = DecodeError(k, "charmap", b, i, i + 1, "character maps to <undefined>", errors, sb);
                }
                return sb.ToString();
            }
            case Kind.Ascii:
            {
                int i = 0;
                while (i < b.Length && b[i] < 0x80) i++;
                if (i == b.Length) return Encoding.ASCII.GetString(b);
                var sb = new StringBuilder(b.Length);
                for (i = 0; i < b.Length;)
                {
                    if (b[i] < 0x80) sb.Append((char)b[i++]);
                    else i = DecodeError(k, "ascii", b, i, i + 1, "ordinal not in range(128)", errors, sb);
                }
                return sb.ToString();
            }
            case Kind.Utf16 or Kind.Utf16Le or Kind.Utf16Be:
            {
                int i = 0;
                if (k == Kind.Utf16)
                {
                    k = Kind.Utf16Le;
                    if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) i = 2;
                    else if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) { i = 2; k = Kind.Utf16Be; }
                }
                return DecodeUtf16(b, i, k, errors);
            }
            default:
            {
                int i = 0;
                if (k == Kind.Utf32)
                {
                    k = Kind.Utf32Le;
                    if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) i = 4;
                    else if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) { i = 4; k = Kind.Utf32Be; }
                }
                return DecodeUtf32(b, i, k, errors);
            }
        }
    }

    private static string DecodeUtf16(byte[] b, int i, Kind k, string errors)
    {
        var sb = new StringBuilder(b.Length / 2);
        string name = Name(k);
        bool be = k == Kind.Utf16Be;
        int Unit(int at) => be ? (b[at] << 8) | b[at + 1] : b[at] | (b[at + 1] << 8);
        while (i < b.Length)
        {
            if (i + 1 >= b.Length) { i = DecodeError(k, name, b, i, b.Length, "truncated data", errors, sb); continue; }
            int u = Unit(i);
            if (u is < 0xD800 or > 0xDFFF) { sb.Append((char)u); i += 2; continue; }
            if (u >= 0xDC00) { i = DecodeError(k, name, b, i, i + 2, "illegal encoding", errors, sb); continue; }
            if (i + 3 >= b.Length) { i = DecodeError(k, name, b, i, b.Length, "unexpected end of data", errors, sb); continue; }
            int u2 = Unit(i + 2);
            if (u2 is < 0xDC00 or > 0xDFFF) { i = DecodeError(k, name, b, i, i + 2, "illegal UTF-16 surrogate", errors, sb); continue; }
            sb.Append((char)u).Append((char)u2);
            i += 4;
        }
        return sb.ToString();
    }

    private static string DecodeUtf32(byte[] b, int i, Kind k, string errors)
    {
        var sb = new StringBuilder(b.Length / 4);
        string name = Name(k);
        while (i < b.Length)
        {
            if (i + 3 >= b.Length) { i = DecodeError(k, name, b, i, b.Length, "truncated data", errors, sb); continue; }
            long c = k == Kind.Utf32Be
                ? ((long)b[i] << 24) | ((long)b[i + 1] << 16) | ((long)b[i + 2] << 8) | b[i + 3]
                : ((long)b[i + 3] << 24) | ((long)b[i + 2] << 16) | ((long)b[i + 1] << 8) | b[i];
            if (c > 0x10FFFF) { i = DecodeError(k, name, b, i, i + 4, "code point not in range(0x110000)", errors, sb); continue; }
            if (c is >= 0xD800 and <= 0xDFFF) { i = DecodeError(k, name, b, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", errors, sb); continue; }
            if (c >= 0x10000) sb.Append(char.ConvertFromUtf32((int)c));
            else sb.Append((char)c);
            i += 4;
        }
        return sb.ToString();
    }

    /// <summary>
    /// Applies the decode error handler to bytes [start, end) and returns where decoding
    /// resumes (surrogateescape and surrogatepass may consume fewer bytes than the range).
    /// </summary>
    internal static int DecodeError(Kind k, string name, byte[] b, int start, int end, string reason, string errors, StringBuilder sb)
    {
        PyException Raise() => new((PyBaseException)Ops.Call(Exc.UnicodeDecodeError,
            [new PyStr(name), new PyBytes(b), PyInt.Get(start), PyInt.Get(end), new PyStr(reason)], null));
        switch (errors)
        {
            case "strict": throw Raise();
            case "ignore": return end;
            case "replace": sb.Append('\uFFFD'); return end;
            case "backslashreplace":
                for (int i = start; i < end; i++) sb.Append("\\x").Append(b[i].ToString("x2"));
                return end;
            case "surrogateescape":
            {
                // Up to four bytes, never an ASCII one (that would not round-trip).
                int n = 0;
                while (n < 4 && n < end - start && b[start + n] >= 0x80) { sb.Append((char)(0xDC00 + b[start + n])); n++; }
                if (n == 0) throw Raise();
                return start + n;
            }
            case "surrogatepass":
            {
                int c = -1, len = 0;
                switch (k)
                {
                    case Kind.Utf8 when start + 2 < b.Length && (b[start] & 0xF0) == 0xE0 && (b[start + 1] & 0xC0) == 0x80 && (b[start + 2] & 0xC0) == 0x80:
                        c = ((b[start] & 0x0F) << 12) | ((b[start + 1] & 0x3F) << 6) | (b[start + 2] & 0x3F); len = 3; break;
                    case Kind.Utf16Le when start + 1 < b.Length: c = b[start] | (b[start + 1] << 8); len = 2; break;
                    case Kind.Utf16Be when start + 1 < b.Length: c = (b[start] << 8) | b[start + 1]; len = 2; break;
                    case Kind.Utf32Le when start + 3 < b.Length: c = b[start] | (b[start + 1] << 8) | (b[start + 2] << 16) | (b[start + 3] << 24); len = 4; break;
                    case Kind.Utf32Be when start + 3 < b.Length: c = (b[start] << 24) | (b[start + 1] << 16) | (b[start + 2] << 8) | b[start + 3]; len = 4; break;
                }
                if (c is < 0xD800 or > 0xDFFF) throw Raise();
                sb.Append((char)c);
                return start + len;
            }
            case "xmlcharrefreplace" or "namereplace":
                throw Ops.TypeError("don't know how to handle UnicodeDecodeError in error callback");
        }
        throw UnknownHandler(errors);
    }

    /// <summary>
    /// The text to hand to a UTF-8 text stream's writer. CPython's streams refuse lone surrogates
    /// by their error handler: stdout's is surrogateescape (this machine's CPython runs under a
    /// C.UTF-8 locale), stderr's backslashreplace, files' strict.
    /// </summary>
    internal static string StreamText(string s, string errors)
    {
        if (s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return s;
        if (errors == "backslashreplace")
        {
            var sb = new StringBuilder(s.Length + 8);
            foreach (int c in ToCodePoints(s))
            {
                if (c is >= 0xD800 and <= 0xDFFF) sb.Append(Backslash(c));
                else if (c >= 0x10000) sb.Append(char.ConvertFromUtf32(c));
                else sb.Append((char)c);
            }
            return sb.ToString();
        }
        // Escaped bytes (U+DC80..U+DCFF) cannot reach a .NET writer as raw bytes; they pass as they are.
        Utf8Codec.Encode(s, errors);
        return s;
    }
}
