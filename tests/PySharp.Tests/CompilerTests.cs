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
}
