using RSharp.Samples.Tiny;

namespace Samples.Tiny.Tests;

/// <summary>The bytecode has the shape the JIT relies on.</summary>
public class BytecodeTests
{
    private static IEnumerable<(int Pc, Op Op, int[] Args)> Instructions(Code code)
    {
        for (int pc = 0; pc < code.Ops.Length; pc += Code.Width((Op)code.Ops[pc]))
            yield return (pc, (Op)code.Ops[pc], code.Ops[(pc + 1)..(pc + Code.Width((Op)code.Ops[pc]))]);
    }

    private static Module Compile(string source) => Compiler.Compile(source, TextWriter.Null);

    [Test]
    public void OnlyLoopBackEdgesJumpBackwards()
    {
        var module = Compile(File.ReadAllText(TinyRunner.Example("loop.tiny")));
        foreach (var code in module.Functions.Values.Append(module.Main))
        {
            var starts = Instructions(code).Select(i => i.Pc).ToHashSet();
            foreach (var (pc, op, args) in Instructions(code))
            {
                if (op == Op.JumpBack) Assert.That(args[0], Is.LessThan(pc), code.Disassemble());
                else if (op is Op.Jump or Op.JumpIfFalse or Op.JumpIfFalseOrPop or Op.JumpIfTrueOrPop)
                    Assert.That(args[0], Is.GreaterThan(pc), code.Disassemble());
                if (op is Op.Jump or Op.JumpBack or Op.JumpIfFalse)
                    Assert.That(starts, Does.Contain(args[0]), "jump into the middle of an instruction");
            }
        }
        // Three while loops in functions (collatz, total, seconds) and one in main.
        int backEdges = module.Functions.Values.Append(module.Main).Sum(c => Instructions(c).Count(i => i.Op == Op.JumpBack));
        Assert.That(backEdges, Is.EqualTo(4));
    }

    [Test]
    public void MaxStackCoversTheDeepestExpression()
    {
        // Nested right operands keep every left operand on the stack: depth = terms.
        const int terms = 12;
        string expr = string.Join(" + (", Enumerable.Range(1, terms)) + new string(')', terms - 1);
        var module = Compile($"print {expr};");
        Assert.That(module.Main.MaxStack, Is.EqualTo(terms));
        var lines = TinyRunner.Output($"print {expr};");
        Assert.That(lines, Is.EqualTo(new[] { Enumerable.Range(1, terms).Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Test]
    public void CallsNameTheCalleeAndItsArgumentCount()
    {
        var module = Compile("fn add(a, b) { return a + b; }\nprint add(1, 2);");
        var call = Instructions(module.Main).Single(i => i.Op == Op.Call);
        Assert.That((module.Main.Names[call.Args[0]], call.Args[1]), Is.EqualTo(("add", 2)));
        Assert.That(module.Functions["add"].Arity, Is.EqualTo(2));
    }
}
