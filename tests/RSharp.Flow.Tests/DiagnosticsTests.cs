using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RSharp.Flow.Tests;

/// <summary>Unsupported or invalid bodies become counted diagnostics naming the method, never crashes.</summary>
public class DiagnosticsTests
{
    [Test]
    public void UnsupportedBodiesAreCountedByReason()
    {
        var path = Path.Combine(Path.GetTempPath(), "rsharp-flow-diag-" + Guid.NewGuid().ToString("N") + ".dll");
        using (var asm = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition("Diag", new Version(1, 0)), "Diag", ModuleKind.Dll))
        {
            var module = asm.MainModule;
            var type = new TypeDefinition("Diag", "Bodies", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed, module.TypeSystem.Object);
            module.Types.Add(type);
            MethodDefinition Method(string name, Action<ILProcessor> body)
            {
                var m = new MethodDefinition(name, MethodAttributes.Public | MethodAttributes.Static, module.TypeSystem.Int32);
                m.Parameters.Add(new ParameterDefinition("a", ParameterAttributes.None, module.TypeSystem.Int32));
                body(m.Body.GetILProcessor());
                type.Methods.Add(m);
                return m;
            }
            var ok = Method("Ok", il => { il.Emit(OpCodes.Ldarg_0); il.Emit(OpCodes.Ret); });
            Method("Jumps", il => il.Emit(OpCodes.Jmp, ok));
            Method("FallsOff", il => { il.Emit(OpCodes.Ldarg_0); il.Emit(OpCodes.Pop); });
            Method("Underflows", il => { il.Emit(OpCodes.Pop); il.Emit(OpCodes.Ldc_I4_0); il.Emit(OpCodes.Ret); });
            asm.Write(path);
        }
        try
        {
            using var flow = FlowAssembly.Load(path);
            var stats = flow.ComputeStats();
            Assert.That(stats.Graphs, Is.EqualTo(1));
            Assert.That(stats.Unsupported, Is.EqualTo(3));
            Assert.That(stats.Reasons, Is.EquivalentTo(new Dictionary<string, int>
            {
                ["jmp instruction"] = 1,
                ["control falls off the end of the body"] = 1,
                ["stack underflow"] = 1,
            }));
            Assert.That(stats.Samples, Has.Some.Contains("Diag.Bodies::Jumps"));
            Assert.That(stats.ToString(), Does.StartWith("graphs: 1, unsupported: 3"));
            Assert.That(stats.ToString(), Does.Contain("1  jmp instruction"));
        }
        finally { File.Delete(path); }
    }
}
