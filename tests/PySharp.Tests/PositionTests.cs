using PySharp.Compiler;
using PySharp.Syntax;

namespace PySharp.Tests;

/// <summary>
/// The compiler's per-instruction source ranges (co_positions). The expected tuples are the
/// ones CPython 3.11 gives the same instructions.
/// </summary>
public sealed class PositionTests
{
    private static CodeUnit Compile(string src) =>
        CodeGen.Compile(Parser.ParseModule(src, "<test>"), "<test>", CompileMode.Exec, src);

    private static (int, int, int, int) PositionOf(CodeUnit code, Op op, int nth = 0)
    {
        for (int i = 0; i < code.Code.Length; i++)
        {
            if ((Op)(code.Code[i] & 0xFF) != op) continue;
            if (nth-- > 0) continue;
            var p = code.Positions[i];
            return (p.Line, p.EndLine, p.Col, p.EndCol);
        }
        throw new AssertionException($"no {op} in the code");
    }

    [Test]
    public void BinaryOperationCoversItsOperands()
    {
        var code = Compile("y = a / b + 1\n");
        Assert.That(PositionOf(code, Op.BinaryOp, 0), Is.EqualTo((1, 1, 4, 9)));
        Assert.That(PositionOf(code, Op.BinaryOp, 1), Is.EqualTo((1, 1, 4, 13)));
        Assert.That(PositionOf(code, Op.StoreName), Is.EqualTo((1, 1, 0, 1)));
    }

    [Test]
    public void ColumnsAreUtf8ByteOffsets()
    {
        // "日本" is 6 bytes and "é" 2: the subscript starts after them in bytes, not characters.
        var code = Compile("s = \"日本é\"; x = s[9]\n");
        Assert.That(PositionOf(code, Op.BinarySubscr), Is.EqualTo((1, 1, 20, 24)));
    }

    [Test]
    public void MethodCallOverLinesStartsAtTheMethodName()
    {
        var code = Compile("z = (o\n  .meth(1))\n");
        Assert.That(PositionOf(code, Op.LoadMethod), Is.EqualTo((2, 2, 3, 7)));
        Assert.That(PositionOf(code, Op.Call), Is.EqualTo((2, 2, 3, 10)));
    }

    [Test]
    public void AugmentedAssignmentOperatesAtTheStatement()
    {
        var code = Compile("x[i] += f\n");
        Assert.That(PositionOf(code, Op.BinarySubscr), Is.EqualTo((1, 1, 0, 4)));
        Assert.That(PositionOf(code, Op.BinaryOp), Is.EqualTo((1, 1, 0, 9)));
        Assert.That(PositionOf(code, Op.StoreSubscr), Is.EqualTo((1, 1, 0, 4)));
    }

    [Test]
    public void AssertionRaisesAtItsComparison()
    {
        var code = Compile("assert a and b > 1, 'm'\n");
        Assert.That(PositionOf(code, Op.RaiseVarargs), Is.EqualTo((1, 1, 13, 18)));
        code = Compile("assert not x\n");
        Assert.That(PositionOf(code, Op.RaiseVarargs), Is.EqualTo((1, 1, 0, 12)));
    }
}
