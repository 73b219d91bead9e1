using System.Security.Cryptography;
using System.Text;
using PySharp.Syntax.Ast;

namespace PySharp.Syntax.Tests;

/// <summary>Runs PySharp's parser and formats the outcome like the oracle's.</summary>
internal static class Mine
{
    public static string Normalize(string src) => src.Replace("\r\n", "\n").Replace('\r', '\n');

    public static Node Parse(string src, string mode) => mode switch
    {
        "exec" => Parser.ParseModule(src, "x.py"),
        "eval" => Parser.ParseExpression(src, "x.py"),
        "single" => Parser.ParseInteractive(src, "x.py"),
        _ => throw new ArgumentException(mode),
    };

    public static string Outcome(string src, string mode, bool withEnd = false)
    {
        try
        {
            var node = Parse(src, mode);
            return "ok " + AstDump.Dump(node, true, Normalize(src));
        }
        catch (PythonSyntaxError e)
        {
            string s = $"err {e.Kind}: {e.Msg} @{e.Line}:{e.Offset}";
            return withEnd ? s + $"-{e.EndLine}:{e.EndOffset}" : s;
        }
    }

    /// <summary>Rewrites "\\udXXX\\udYYY" surrogate-pair escapes in a CPython dump the way
    /// PySharp's repr shows the combined character.</summary>
    public static string CombineSurrogateEscapes(string dump)
        => System.Text.RegularExpressions.Regex.Replace(dump, @"(?<=(?:^|[^\\])(?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", m =>
        {
            int hi = Convert.ToInt32(m.Groups[1].Value, 16), lo = Convert.ToInt32(m.Groups[2].Value, 16);
            int cp = char.ConvertToUtf32((char)hi, (char)lo);
            return Repr.IsPrintable(cp) ? char.ConvertFromUtf32(cp) : $"\\U{cp:x8}";
        });

    public static string Md5(string dump) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(dump)));

    /// <summary>A short description of where two dumps first differ.</summary>
    public static string Diff(string expected, string actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        int from = Math.Max(0, i - 150);
        string Cut(string s) => s.Length <= from ? "" : s.Substring(from, Math.Min(300, s.Length - from));
        return $"first difference at {i}:\n  expected ...{Cut(expected)}\n  actual   ...{Cut(actual)}";
    }
}
