using System.Reflection;
using RSharp.Hints;
using RSharp.Samples.Tiny;

namespace Samples.Tiny.Tests;

/// <summary>The hints name things that exist, so that translation can find them.</summary>
public class HintTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    [Test]
    public void VirtualizableFieldsExistAndArraysAreMarkedAsSuch()
    {
        var attr = typeof(Frame).GetCustomAttribute<VirtualizableAttribute>()!;
        Assert.That(attr, Is.Not.Null);
        foreach (string spec in attr.Fields)
        {
            bool items = spec.EndsWith("[*]", StringComparison.Ordinal);
            var field = typeof(Frame).GetField(items ? spec[..^3] : spec, All);
            Assert.That(field, Is.Not.Null, spec);
            Assert.That(field!.FieldType.IsArray, Is.EqualTo(items), spec);
        }
    }

    [Test]
    public void TheDriverDeclaresThePortalsVariables()
    {
        var driver = (JitDriver)typeof(Interpreter).GetField("Driver", All)!.GetValue(null)!;
        var portal = typeof(Interpreter).GetMethod(nameof(Interpreter.Execute), All)!;
        var parameters = portal.GetParameters().ToDictionary(p => p.Name!, p => p.ParameterType);
        // pc is a local of the portal; code and frame are its parameters.
        Assert.That(driver.Greens, Is.EqualTo(new[] { "pc", "code" }));
        Assert.That(driver.Reds, Is.EqualTo(new[] { "frame" }));
        Assert.That(parameters["code"], Is.EqualTo(typeof(Code)));
        Assert.That(parameters["frame"], Is.EqualTo(typeof(Frame)));
        Assert.That(driver.Virtualizables, Is.EqualTo(new[] { "frame" }));
        Assert.That(driver.DescribeLocation(0, Compiler.Compile("print 1;", TextWriter.Null).Main), Does.StartWith("<main>:1 #0 Const"));
    }

    [Test]
    public void ValueClassesThatTracesTestAreSealed()
    {
        foreach (var type in new[] { typeof(TInt), typeof(TStr), typeof(TBool), typeof(TNil), typeof(TArray) })
            Assert.That(type.IsSealed, type.Name);
    }
}
