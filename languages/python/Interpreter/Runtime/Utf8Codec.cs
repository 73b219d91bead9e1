using System.Text;

namespace PySharp.Interpreter;

/// <summary>
/// UTF-8 decoding with CPython's error ranges and reasons ("invalid start byte", "invalid
/// continuation byte", "unexpected end of data") and its strict/replace/ignore/surrogateescape
/// handlers. Code points above U+FFFF become surrogate pairs in the .NET string.
/// </summary>
internal static class Utf8Codec
{
    public static string Decode(byte[] b, string errors)
    {
        var sb = new StringBuilder(b.Length);
        int i = 0;
        while (i < b.Length)
        {
            int c = b[i];
            if (c < 0x80) { sb.Append((char)c); i++; continue; }
            int need, lo = 0x80, hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) need = 1;
            else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) lo = 0xA0; else if (c == 0xED && errors != "surrogatepass") hi = 0x9F; }
            else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) lo = 0x90; else if (c == 0xF4) hi = 0x8F; }
            else { i = Error(b, i, i + 1, "invalid start byte", errors, sb); continue; }
            int cp = c & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
            int j = i + 1;
            string? reason = null;
            for (int k = 0; k < need; k++, j++)
            {
                if (j >= b.Length) { reason = "unexpected end of data"; break; }
                int cc = b[j];
                int l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xBF;
                if (cc < l || cc > h) { reason = "invalid continuation byte"; break; }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (reason != null)
            {
                i = Error(b, i, reason == "unexpected end of data" ? b.Length : j, reason, errors, sb);
                continue;
            }
            if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp));
            else sb.Append((char)cp);
            i = j;
        }
        return sb.ToString();
    }

    private static int Error(byte[] b, int start, int end, string reason, string errors, StringBuilder sb) =>
        Codecs.DecodeError(Codecs.Kind.Utf8, "utf-8", b, start, end, reason, errors, sb);

    /// <summary>UTF-8 encoding; runs of lone surrogates go through the error handler ("surrogates not allowed").</summary>
    public static byte[] Encode(string s, string errors)
    {
        if (s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return Encoding.UTF8.GetBytes(s);
        bool lone = false;
        for (int i = 0; i < s.Length && !lone; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) lone = true;
        }
        if (!lone) return Encoding.UTF8.GetBytes(s);
        var cps = Codecs.ToCodePoints(s);
        var res = new List<byte>(s.Length + 8);
        Span<byte> buf = stackalloc byte[4];
        for (int i = 0; i < cps.Length; i++)
        {
            int c = cps[i];
            if (c is < 0xD800 or > 0xDFFF)
            {
                int n = new Rune(c).EncodeToUtf8(buf);
                for (int k = 0; k < n; k++) res.Add(buf[k]);
                continue;
            }
            int end = i + 1;
            while (end < cps.Length && cps[end] is >= 0xD800 and <= 0xDFFF) end++;
            // Replacement text is ASCII, so it is its own UTF-8 encoding.
            i = Codecs.EncodeError(Codecs.Kind.Utf8, "utf-8", s, cps, i, end, "surrogates not allowed", errors, res, ch => res.Add((byte)ch)) - 1;
        }
        return res.ToArray();
    }
}
