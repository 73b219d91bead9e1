using Mono.Cecil;
using RSharp.Translator.JitCodes;

namespace RSharp.Translator.Tests;

/// <summary>The jitcode phase of translate: a failure as a whole is one warning line, not a failed translation.</summary>
public class JitCodePhaseTests
{
    [Test]
    public void JitCodesThatCannotBeBuiltAreOneWarningLine()
    {
        // A portal in a module that exists only in memory: the codewriter cannot read its flow graphs.
        var module = ModuleDefinition.CreateModule("Phantom", ModuleKind.Dll);
        var type = new TypeDefinition("Phantom", "Interpreter", TypeAttributes.Class | TypeAttributes.Public, module.TypeSystem.Object);
        var portal = new MethodDefinition("MainLoop", MethodAttributes.Public | MethodAttributes.Static, module.TypeSystem.Void);
        type.Methods.Add(portal);
        module.Types.Add(type);
        var warnings = new StringWriter();
        var said = new List<string>();
        var image = JitCodeEmbedder.Build(portal, "phantom", AppContext.BaseDirectory, warnings, said.Add);
        Assert.That(image, Is.Null);
        Assert.That(said, Is.Empty);
        var lines = warnings.ToString().TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.StartWith("warning: no jitcodes for driver phantom (the JIT stays off for it): "));
    }

    [Test]
    public void ThePortalOfALibraryBuilds()
    {
        var module = InterpreterAssembly.Load(Path.Combine(AppContext.BaseDirectory, "SplitLoop.dll"));
        var portal = module.GetType("SplitLoop.Counter").Methods.Single(m => m.Name == "Run");
        var warnings = new StringWriter();
        var said = new List<string>();
        var image = JitCodeEmbedder.Build(portal, "split", AppContext.BaseDirectory, warnings, said.Add);
        Assert.That(warnings.ToString(), Is.Empty);
        Assert.That(image, Is.Not.Null);
        Assert.That(image!.Roots.Single(), Does.Contain("SplitLoop.Counter::Run"));
        Assert.That(image.JitCodes[image.Roots[0]].Dump(), Does.Contain("jit_merge_point"));
        Assert.That(said.Single(), Does.Match(@"^\d+ jitcode\(s\) for driver split, \d+ method\(s\) residual, 0 unsupported block\(s\)$"));
    }
}
