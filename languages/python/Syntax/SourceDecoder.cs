using System.Text;
using System.Text.RegularExpressions;

namespace PySharp.Syntax;

/// <summary>PEP 263/3120 source decoding: UTF-8 BOM, "coding:" cookie on line 1 or 2, UTF-8 default.</summary>
internal static partial class SourceDecoder
{
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Cookie();

    public static string Decode(byte[] data, string filename)
    {
        int start = 0;
        bool bom = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;
        if (bom) start = 3;
        string? encodingName = null;
        int lineStart = start;
        for (int line = 0; line < 2 && lineStart < data.Length; line++)
        {
            int end = Array.IndexOf(data, (byte)'\n', lineStart);
            if (end < 0) end = data.Length;
            string text = Encoding.Latin1.GetString(data, lineStart, end - lineStart);
            var m = Cookie().Match(text);
            if (m.Success) { encodingName = m.Groups[1].Value; break; }
            // Only a comment or blank first line lets the cookie sit on line 2.
            string trimmed = text.TrimStart(' ', '\t', '\f', '\r');
            if (trimmed.Length > 0 && trimmed[0] != '#') break;
            lineStart = end + 1;
        }
        Encoding encoding = new UTF8Encoding(false, true);
        if (encodingName != null)
        {
            string norm = encodingName.ToLowerInvariant().Replace('_', '-');
            // CPython's get_normal_name: only "utf-8" and "utf-8-*" count as UTF-8 next to a BOM.
            bool normalUtf8 = norm == "utf-8" || norm.StartsWith("utf-8-", StringComparison.Ordinal);
            if (bom && !normalUtf8)
                throw Error(filename, $"encoding problem: {encodingName} with BOM");
            if (normalUtf8 || norm == "utf8") { }
            else if (norm is "latin-1" or "iso-8859-1" or "iso8859-1" or "latin1" or "l1" || norm.StartsWith("latin-1-", StringComparison.Ordinal) || norm.StartsWith("iso-8859-1-", StringComparison.Ordinal))
                encoding = Encoding.Latin1;
            else if (norm is "ascii" or "us-ascii")
                encoding = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            else
            {
                encoding = Lookup(encodingName, norm) ?? throw Error(filename, $"unknown encoding: {encodingName}");
            }
        }
        try
        {
            return encoding.GetString(data, start, data.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            int pos = e.Index >= 0 ? e.Index : 0;
            string b = e.BytesUnknown is { Length: > 0 } bytes ? $"0x{bytes[0]:x2}" : "?";
            throw Error(filename, $"(unicode error) '{(encoding is UTF8Encoding ? "utf-8" : encoding.WebName)}' codec can't decode byte {b} in position {pos}: invalid start byte");
        }
    }

    static SourceDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Maps a Python codec name to a .NET encoding (code pages included), or null.</summary>
    static Encoding? Lookup(string name, string norm)
    {
        var candidates = new List<string> { name, norm, norm.Replace('-', '_') };
        if (norm.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(norm.AsSpan(2), out int cp))
            candidates.Add("windows-" + cp);
        foreach (var c in candidates)
        {
            try { return Encoding.GetEncoding(c, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
            catch (ArgumentException) { }
        }
        if (norm.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(norm.AsSpan(2), out int page))
        {
            try { return Encoding.GetEncoding(page, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
            catch (ArgumentException) { }
            catch (NotSupportedException) { }
        }
        return null;
    }

    static PythonSyntaxError Error(string filename, string msg)
        => new(SyntaxErrorKind.SyntaxError, msg, filename, 0, 0, 0, 0, null);
}
