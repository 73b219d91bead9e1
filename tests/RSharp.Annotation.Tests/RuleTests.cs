using RSharp.Annotation.Tests.Samples;

namespace RSharp.Annotation.Tests;

public class RuleTests
{
    private static List<AnnotationFinding> Findings(string method) =>
        SampleProject.Annotate(typeof(RuleSamples), method).Findings.ToList();

    private static void AssertAt(AnnotationFinding f, string mark)
    {
        Assert.That(f.Path, Does.EndWith("RuleSamples.cs"));
        Assert.That(f.Line, Is.EqualTo(SampleProject.MarkedLine(f.Path!, mark)), f.ToString());
        Assert.That(f.Column, Is.GreaterThan(0));
    }

    [Test]
    public void PromotingABoxedStructIsAnError()
    {
        var f = Findings(nameof(RuleSamples.PromotesBoxed)).Single();
        Assert.That(f.Code, Is.EqualTo("RS1009"));
        Assert.That(f.Message, Does.StartWith("Jit.Promote of a boxed Vec"));
        Assert.That(f.IsWarning, Is.False);
        Assert.That(f.ToString(), Does.Contain("): error RS1009: "));
        AssertAt(f, "promote-box");
    }

    [Test]
    public void PromotingScalarsReferencesAndStringsIsFine() =>
        Assert.That(Findings(nameof(RuleSamples.PromotesScalars)), Is.Empty);

    [Test]
    public void VirtualizableFieldsMustExistAndHaveTheirKind()
    {
        var findings = Findings(nameof(RuleSamples.UsesBadFrame));
        Assert.That(findings.Select(f => (f.Code, f.Message)), Is.EquivalentTo(new[]
        {
            ("RS1010", "virtualizable class BadFrame names field 'Missing', which it does not have"),
            ("RS1011", "virtualizable field 'Count[*]' of BadFrame has type Int32, not an array ('[*]' marks an array whose items are virtualizable)"),
            ("RS1011", "virtualizable field 'Shared' of BadFrame is static; virtualizable fields are instance fields of the frame"),
        }));
        Assert.That(findings.Select(f => f.Method).Distinct(), Is.EqualTo(new[] { typeof(BadFrame).FullName }), "no PDB position for a class: its name stands in");
    }

    [Test]
    public void AWellDeclaredVirtualizableUsedNormallyIsFine() =>
        Assert.That(Findings(nameof(RuleSamples.UsesGoodFrame)), Is.Empty);

    [Test]
    public void ReplacingAVirtualizableArrayIsAnError()
    {
        var f = Findings(nameof(RuleSamples.ReplacesStack)).Single();
        Assert.That(f.Code, Is.EqualTo("RS1012"));
        Assert.That(f.Message, Does.StartWith("virtualizable array GoodFrame.Stack[*] is replaced in RuleSamples.ReplacesStack"));
        AssertAt(f, "replace-stack");
    }

    [Test]
    public void CallsToLoopingMethodsAreWarnedOnceAtTheirFirstCallSite()
    {
        var findings = Findings(nameof(RuleSamples.Portal));
        Assert.That(findings.All(f => f.IsWarning && f.Code == "RS2001"), Is.True, string.Join("\n", findings));
        Assert.That(findings.Select(f => f.Message[..f.Message.IndexOf(" is residual", StringComparison.Ordinal)]),
            Is.EquivalentTo(new[] { "call to RuleSamples.Loops", "call to RuleSamples.Loops2" }), "not Unrolled ([UnrollSafe]), not Opaque ([DontLookInside]) nor what only it calls");
        var loops = findings.Single(f => f.Message.Contains("Loops is"));
        AssertAt(loops, "loops");
        Assert.That(loops.ToString(), Does.Contain("): warning RS2001: call to RuleSamples.Loops is residual: it has a loop and no [UnrollSafe]"));
        var loops2 = findings.Single(f => f.Message.Contains("Loops2"));
        AssertAt(loops2, "loops2");
        Assert.That(loops2.Chain.Select(m => m[(m.IndexOf("::", StringComparison.Ordinal) + 2)..m.IndexOf('(')]), Is.EqualTo(new[] { "Portal", "Straight" }));
    }

    [Test]
    public void TheEntryItselfMayLoop() =>
        Assert.That(Findings("Loops"), Is.Empty, "the portal's own loop is the interpreter loop");
}

/// <summary>RS2002 needs IL the C# compiler never emits: a small assembly with a <c>jmp</c> is written with Cecil.</summary>
public class UnsupportedBodyTests
{
    private static string WriteAssembly(bool withJmp)
    {
        using var asm = Mono.Cecil.AssemblyDefinition.CreateAssembly(new Mono.Cecil.AssemblyNameDefinition("JmpSample" + (withJmp ? "A" : "B"), new Version(1, 0)), "JmpSample", Mono.Cecil.ModuleKind.Dll);
        var module = asm.MainModule;
        var type = new Mono.Cecil.TypeDefinition("Samples", "Jumps", Mono.Cecil.TypeAttributes.Public | Mono.Cecil.TypeAttributes.Abstract | Mono.Cecil.TypeAttributes.Sealed, module.TypeSystem.Object);
        module.Types.Add(type);
        Mono.Cecil.MethodDefinition Method(string name)
        {
            var m = new Mono.Cecil.MethodDefinition(name, Mono.Cecil.MethodAttributes.Public | Mono.Cecil.MethodAttributes.Static, module.TypeSystem.Int32);
            type.Methods.Add(m);
            return m;
        }
        var target = Method("Target");
        target.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Ldc_I4_7);
        target.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Ret);
        var jumper = Method("Jumper");
        if (withJmp) jumper.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Jmp, target);
        else
        {
            jumper.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Call, target);
            jumper.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Ret);
        }
        var entry = Method("Entry");
        entry.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Call, jumper);
        entry.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Ret);
        var path = Path.Combine(Path.GetTempPath(), $"rsharp-annotation-jmp-{withJmp}-{Guid.NewGuid():N}.dll");
        asm.Write(path);
        return path;
    }

    private static List<AnnotationFinding> Findings(bool withJmp)
    {
        var path = WriteAssembly(withJmp);
        try
        {
            using var asm = RSharp.Flow.FlowAssembly.Load(path);
            return AnnotationStage.Annotate(new[] { asm }, "Samples.Jumps::Entry").Findings.ToList();
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void ACallToABodyThatCannotBeTranslatedIsAWarning()
    {
        var f = Findings(withJmp: true).Single();
        Assert.That(f.Code, Is.EqualTo("RS2002"));
        Assert.That(f.IsWarning, Is.True);
        Assert.That(f.Message, Is.EqualTo("call to Jumps.Jumper is residual: its body cannot be translated (jmp instruction)"));
        Assert.That(f.Path, Is.Null, "no PDB: the method stands in for the position");
        Assert.That(f.Method, Does.Contain("Jumps::Entry"));
    }

    [Test]
    public void ATranslatableBodyIsNot() => Assert.That(Findings(withJmp: false), Is.Empty);
}
