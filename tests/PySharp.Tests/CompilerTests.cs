using PySharp.Compiler;
using PySharp.Syntax;

namespace PySharp.Tests;

/// <summary>Symbol-table scoping rules (CPython's symtable semantics).</summary>
public sealed class CompilerTests
{
    private static SymbolTable Table(string src)
    {
        var mod = Parser.ParseModule(src, "<test>");
        return SymbolTable.Build(mod, mod.Body);
    }

    private static Scope Child(Scope s, string name) => s.Children.First(c => c.Name == name);

    [Test]
    public void ClosureVariableIsCellInOuterAndFreeInInner()
    {
        var st = Table("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
        var f = Child(st.Top, "f");
        var g = Child(f, "g");
        Assert.That(f.Lookup("x"), Is.EqualTo(NameScope.Cell));
        Assert.That(g.Lookup("x"), Is.EqualTo(NameScope.Free));
        Assert.That(f.CellVars, Is.EqualTo(new[] { "x" }));
        Assert.That(g.FreeVars, Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public void ClassScopeIsSkippedByMethods()
    {
        var st = Table("x = 0\nclass C:\n    x = 1\n    def m(self):\n        return x\n");
        var m = Child(Child(st.Top, "C"), "m");
        Assert.That(m.Lookup("x"), Is.EqualTo(NameScope.GlobalImplicit));
    }

    [Test]
    public void SuperCreatesClassCell()
    {
        var st = Table("class C(B):\n    def m(self):\n        return super().m()\n");
        var c = Child(st.Top, "C");
        Assert.That(c.NeedsClassCell, Is.True);
        Assert.That(Child(c, "m").FreeVars, Does.Contain("__class__"));
    }

    [Test]
    public void GlobalAndNonlocalDeclarations()
    {
        var st = Table("def f():\n    global g\n    g = 1\n    y = 2\n    def h():\n        nonlocal y\n        y = 3\n    return h\n");
        var f = Child(st.Top, "f");
        Assert.That(f.Lookup("g"), Is.EqualTo(NameScope.GlobalExplicit));
        Assert.That(f.Lookup("y"), Is.EqualTo(NameScope.Cell));
        Assert.That(Child(f, "h").Lookup("y"), Is.EqualTo(NameScope.Free));
    }

    [Test]
    public void NonlocalWithoutBindingIsAnError()
    {
        Assert.Throws<CompileError>(() => Table("def f():\n    nonlocal q\n"));
    }

    [Test]
    public void ComprehensionHasItsOwnScopeAndWalrusBindsOutside()
    {
        var st = Table("def f(xs):\n    r = [y for x in xs if (y := x)]\n    return y\n");
        var f = Child(st.Top, "f");
        var comp = Child(f, "listcomp");
        Assert.That(comp.Lookup("x"), Is.EqualTo(NameScope.Local));
        Assert.That(comp.Lookup("y"), Is.EqualTo(NameScope.Free));
        Assert.That(f.Lookup("y"), Is.EqualTo(NameScope.Cell));
    }

    [Test]
    public void GeneratorFunctionIsFlagged()
    {
        var mod = Parser.ParseModule("def g():\n    yield 1\n", "<test>");
        var code = CodeGen.Compile(mod, "<test>", CompileMode.Exec);
        var g = code.Consts.OfType<CodeUnit>().Single();
        Assert.That(g.Flags.HasFlag(CodeFlags.Generator), Is.True);
        Assert.That(g.MaxStack, Is.GreaterThan(0));
    }

    [Test]
    public void TryFinallyProducesExceptionTableEntries()
    {
        var mod = Parser.ParseModule("try:\n    a()\nfinally:\n    b()\n", "<test>");
        var code = CodeGen.Compile(mod, "<test>", CompileMode.Exec);
        Assert.That(code.ExceptionTable, Is.Not.Empty);
        Assert.That(code.ExceptionTable.All(e => e.Start < e.End && e.Target >= e.End), Is.True);
    }

    private static CodeUnit Function(string src, string name)
    {
        var mod = Parser.ParseModule(src, "<test>");
        var code = CodeGen.Compile(mod, "<test>", CompileMode.Exec);
        return code.Consts.OfType<CodeUnit>().Single(c => c.Name == name);
    }

    [Test]
    public void AsyncDefIsCoroutineAndAsyncGeneratorIsNotGenerator()
    {
        var co = Function("async def f():\n    await g()\n", "f");
        Assert.That(co.Flags & (CodeFlags.Coroutine | CodeFlags.Generator | CodeFlags.AsyncGenerator), Is.EqualTo(CodeFlags.Coroutine));
        var ag = Function("async def f():\n    yield 1\n", "f");
        Assert.That(ag.Flags & (CodeFlags.Coroutine | CodeFlags.Generator | CodeFlags.AsyncGenerator), Is.EqualTo(CodeFlags.AsyncGenerator));
        var ops = ag.Code.Select(i => (Op)(i & 0xFF)).ToList();
        Assert.That(ops.IndexOf(Op.AsyncGenWrap), Is.EqualTo(ops.IndexOf(Op.YieldValue) - 1), "a yielded value is wrapped just before YIELD_VALUE");
    }

    [Test]
    public void AsyncComprehensionMakesItsScopeACoroutine()
    {
        var st = Table("async def f(xs):\n    return [x async for x in xs]\n");
        var comp = Child(Child(st.Top, "f"), "listcomp");
        Assert.That(comp.IsCoroutine, Is.True);
        Assert.That(Child(Child(Table("def f(xs):\n    return [x for x in xs]\n").Top, "f"), "listcomp").IsCoroutine, Is.False);
    }

    [TestCase("await x\n", "'await' outside function")]
    [TestCase("def f():\n    await x\n", "'await' outside async function")]
    [TestCase("def f():\n    async with x: pass\n", "'async with' outside async function")]
    [TestCase("def f():\n    return [y async for y in x]\n", "asynchronous comprehension outside of an asynchronous function")]
    [TestCase("async def f():\n    yield from x\n", "'yield from' inside async function")]
    public void AsyncMisuseIsASyntaxError(string src, string message)
    {
        var mod = Parser.ParseModule(src, "<test>");
        var e = Assert.Throws<CompileError>(() => CodeGen.Compile(mod, "<test>", CompileMode.Exec));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void TryStarUsesGroupMatchAndReraisePreparation()
    {
        var mod = Parser.ParseModule("try:\n    a()\nexcept* ValueError as e:\n    b(e)\n", "<test>");
        var code = CodeGen.Compile(mod, "<test>", CompileMode.Exec);
        var ops = code.Code.Select(i => (Op)(i & 0xFF)).ToList();
        Assert.That(ops, Does.Contain(Op.CheckEgMatch));
        Assert.That(ops.IndexOf(Op.PrepReraiseStar), Is.GreaterThan(ops.IndexOf(Op.CheckEgMatch)));
        Assert.That(code.ExceptionTable.Length, Is.GreaterThanOrEqualTo(3), "body, handler cleanup and handler-body regions");
    }
}
