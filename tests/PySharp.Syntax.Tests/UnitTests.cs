using System.Globalization;
using System.Text;
using PySharp.Syntax.Ast;
using NUnitAssert = NUnit.Framework.Assert;

namespace PySharp.Syntax.Tests;

/// <summary>Pieces checked against CPython directly: float repr, \N names, source decoding.</summary>
[TestFixture]
public class UnitTests
{
    [Test]
    public void FloatReprMatchesCPython()
    {
        // Literals whose repr exercises every branch: exponent cut-offs, rounding, subnormals.
        string[] literals =
        [
            "0.1", "1.0", "1e16", "1e15", "123456789012345678.0", "1e-4", "1e-5", "0.00012345", "2.5e-320",
            "1.7976931348623157e308", "5e-324", "3.141592653589793", "100.0", "1e22", "1.5e300", "9999999999999998.0",
            "0.3", "2.675", "1e-7", "123.456e7", "1_0.5e-3", "1e400", "7.0e-10",
        ];
        var expected = Oracle.Run("eval", literals);
        for (int i = 0; i < literals.Length; i++)
        {
            string cpython = Oracle.Format(expected[i]);
            string mine = Mine.Outcome(literals[i], "eval");
            NUnitAssert.That(mine, Is.EqualTo(cpython), literals[i]);
        }
    }

    [Test]
    public void UnicodeNameEscapesMatchCPython()
    {
        // Names from the table, aliases, and the algorithmic ranges, in both cases.
        string[] names =
        [
            "LATIN SMALL LETTER A", "greek small letter alpha", "SNOWMAN", "GRINNING FACE", "EM DASH", "LINE FEED",
            "NUL", "BOM", "VS16", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-20000", "HANGUL SYLLABLE GAG",
            "HANGUL SYLLABLE A", "HANGUL SYLLABLE HIH", "TANGUT IDEOGRAPH-17000", "CJK COMPATIBILITY IDEOGRAPH-F900",
            "NO-BREAK SPACE", "DIGIT ZERO", "MATHEMATICAL BOLD CAPITAL A", "BLACK HEART SUIT", "NO SUCH NAME",
        ];
        var sources = names.Select(n => $"'\\N{{{n}}}'\n").ToList();
        var expected = Oracle.Run("exec", sources);
        for (int i = 0; i < sources.Count; i++)
            NUnitAssert.That(Mine.Outcome(sources[i], "exec"), Is.EqualTo(Oracle.Format(expected[i])), names[i]);
    }

    [Test]
    public void CodingCookieAndBomAreHonoured()
    {
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("# -*- coding: latin-1 -*-\nx = '"), 0xE9, .. Encoding.ASCII.GetBytes("'\n")];
        var m = Parser.ParseModule(latin1, "x.py");
        NUnitAssert.That(((Constant)((Assign)m.Body[0]).Value).Value, Is.EqualTo("\u00e9"));

        byte[] bom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("x = 'é'\n")];
        m = Parser.ParseModule(bom, "x.py");
        NUnitAssert.That(((Constant)((Assign)m.Body[0]).Value).Value, Is.EqualTo("é"));
        NUnitAssert.That(m.Body[0].Col, Is.EqualTo(0), "the BOM is not a column");

        byte[] cookieLine2 = Encoding.ASCII.GetBytes("#!/usr/bin/env python\n# vim: set fileencoding=koi8-r :\nx = 1\n");
        NUnitAssert.That(Parser.ParseModule(cookieLine2, "x.py").Body, Has.Count.EqualTo(1));

        var bad = NUnitAssert.Throws<PythonSyntaxError>(() => Parser.ParseModule(Encoding.ASCII.GetBytes("# coding: nonesuch\n"), "x.py"))!;
        NUnitAssert.That(bad.Msg, Is.EqualTo("unknown encoding: nonesuch"));
        var withBom = NUnitAssert.Throws<PythonSyntaxError>(() => Parser.ParseModule([0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("# coding: latin-1\n")], "x.py"))!;
        NUnitAssert.That(withBom.Msg, Is.EqualTo("encoding problem: latin-1 with BOM"));
    }

    [Test]
    public void ConstantValuesHaveTheContractTypes()
    {
        var m = Parser.ParseModule("1; 1.5; 2j; 's'; b'b'; None; True; ...; 10**100\n", "x.py");
        object?[] values = m.Body.Take(8).Select(s => ((Constant)((ExprStmt)s).Value).Value).ToArray();
        NUnitAssert.That(values[0], Is.EqualTo(new System.Numerics.BigInteger(1)));
        NUnitAssert.That(values[1], Is.EqualTo(1.5));
        NUnitAssert.That(values[2], Is.EqualTo(new System.Numerics.Complex(0, 2)));
        NUnitAssert.That(values[3], Is.EqualTo("s"));
        NUnitAssert.That(values[4], Is.EqualTo(new byte[] { (byte)'b' }));
        NUnitAssert.That(values[5], Is.Null);
        NUnitAssert.That(values[6], Is.EqualTo(true));
        NUnitAssert.That(values[7], Is.SameAs(Ast.Ellipsis.Instance));
        var nonBmp = (string)((Constant)((ExprStmt)Parser.ParseModule("'\\U0001F600'\n", "x.py").Body[0]).Value).Value!;
        NUnitAssert.That(nonBmp, Is.EqualTo(char.ConvertFromUtf32(0x1F600)), "non-BMP escapes become surrogate pairs");
        _ = CultureInfo.InvariantCulture;
    }

    [Test]
    public void EveryInputEndsInAnAstOrPythonSyntaxError()
    {
        // A small in-process version of the fuzzer (benchmarks/python-fuzz runs 100,000+ cases).
        var rng = new Random(7);
        const string alphabet = "()[]{}:;,.=+-*/%@&|^~<>!'\"#\\\n\t fbrFBRu0123456789_xjeE";
        var seeds = Corpus.Load("statements.txt").Concat(Corpus.Load("strings.txt")).ToList();
        for (int n = 0; n < 3000; n++)
        {
            var sb = new StringBuilder(seeds[rng.Next(seeds.Count)]);
            for (int k = 0; k < 1 + rng.Next(3); k++)
            {
                int pos = sb.Length == 0 ? 0 : rng.Next(sb.Length);
                if (rng.Next(2) == 0 && sb.Length > 0) sb.Remove(pos, 1);
                else sb.Insert(pos, alphabet[rng.Next(alphabet.Length)]);
            }
            string src = sb.ToString();
            try { AstDump.Dump(Parser.ParseModule(src, "x.py"), true, src); }
            catch (PythonSyntaxError) { }
        }
    }
}
