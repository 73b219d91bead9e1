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

    /// <summary>Applies the error handler to bytes [start, end); returns where decoding resumes.</summary>
    private static int Error(byte[] b, int start, int end, string reason, string errors, StringBuilder sb)
    {
        switch (errors)
        {
            case "replace": sb.Append('\uFFFD'); return end;
            case "ignore": return end;
            case "surrogateescape":
                for (int k = start; k < end; k++) sb.Append((char)(0xDC00 + b[k]));
                return end;
            case "backslashreplace":
                for (int k = start; k < end; k++) sb.Append("\\x").Append(b[k].ToString("x2"));
                return end;
        }
        var pe = Exc.Make(Exc.UnicodeDecodeError, new PyStr("utf-8"), new PyBytes(b), PyInt.Get(start), PyInt.Get(end), new PyStr(reason));
        pe.SetAttr("encoding", new PyStr("utf-8"));
        pe.SetAttr("object", new PyBytes(b));
        pe.SetAttr("start", PyInt.Get(start));
        pe.SetAttr("end", PyInt.Get(end));
        pe.SetAttr("reason", new PyStr(reason));
        throw new PyException(pe);
    }

    /// <summary>UTF-8 encoding; lone surrogates go through the error handler ("surrogates not allowed").</summary>
    public static byte[] Encode(string s, string errors)
    {
        if (errors == "strict" || errors == "replace" || errors == "ignore")
        {
            bool lone = false;
            for (int i = 0; i < s.Length && !lone; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
                else if (char.IsSurrogate(s[i])) lone = true;
            }
            if (!lone) return Encoding.UTF8.GetBytes(s);
        }
        var res = new List<byte>(s.Length + 8);
        Span<byte> buf = stackalloc byte[4];
        for (int i = 0, cpIndex = 0; i < s.Length; i++, cpIndex++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int n = new Rune(char.ConvertToUtf32(c, s[++i])).EncodeToUtf8(buf);
                for (int k = 0; k < n; k++) res.Add(buf[k]);
                continue;
            }
            if (!char.IsSurrogate(c))
            {
                int n = new Rune(c).EncodeToUtf8(buf);
                for (int k = 0; k < n; k++) res.Add(buf[k]);
                continue;
            }
            switch (errors)
            {
                case "surrogatepass":
                    res.Add((byte)(0xE0 | (c >> 12))); res.Add((byte)(0x80 | ((c >> 6) & 0x3F))); res.Add((byte)(0x80 | (c & 0x3F)));
                    continue;
                case "surrogateescape" when c >= 0xDC80 && c <= 0xDCFF: res.Add((byte)(c - 0xDC00)); continue;
                case "replace": res.Add((byte)'?'); continue;
                case "ignore": continue;
                case "backslashreplace": res.AddRange(Encoding.ASCII.GetBytes($"\\u{(int)c:x4}")); continue;
                case "xmlcharrefreplace": res.AddRange(Encoding.ASCII.GetBytes($"&#{(int)c};")); continue;
            }
            var ex = Ops.Call(Exc.UnicodeEncodeError, [new PyStr("utf-8"), new PyStr(s), PyInt.Get(cpIndex), PyInt.Get(cpIndex + 1), new PyStr("surrogates not allowed")], null);
            throw new PyException((PyBaseException)ex);
        }
        return res.ToArray();
    }
}
