using Mono.Cecil.Cil;

namespace RSharp.Flow.Tests;

/// <summary>The corpus exercises the IL constructs the builder must handle (in at least one of its two builds).</summary>
public class CorpusCoverageTests
{
    [Test]
    public void CorpusContainsTheRequiredConstructs()
    {
        var codes = new HashSet<Code>();
        var handlers = new HashSet<ExceptionHandlerType>();
        var calls = new HashSet<string>();
        foreach (var assembly in CorpusTests.CorpusAssemblies())
        {
            using var flow = FlowAssembly.Load(assembly.Location);
            foreach (var m in flow.MethodsWithBodies())
            {
                foreach (var ins in m.Body.Instructions)
                {
                    codes.Add(ins.OpCode.Code);
                    if (ins.Operand is Mono.Cecil.MethodReference mr) calls.Add(mr.DeclaringType.Name + "::" + mr.Name);
                }
                foreach (var h in m.Body.ExceptionHandlers) handlers.Add(h.HandlerType);
            }
        }
        TestContext.Out.WriteLine(string.Join(" ", codes.OrderBy(c => c.ToString())));
        var required = new[]
        {
            Code.Add_Ovf, Code.Sub_Ovf, Code.Mul_Ovf, Code.Add_Ovf_Un, Code.Conv_Ovf_I4, Code.Conv_Ovf_U1, Code.Conv_Ovf_I4_Un,
            Code.Conv_R_Un, Code.Conv_U8, Code.Div_Un, Code.Rem_Un, Code.Shr_Un, Code.Switch, Code.Ldloca_S, Code.Ldarga_S,
            Code.Ldflda, Code.Ldelema, Code.Initobj, Code.Box, Code.Unbox_Any, Code.Isinst, Code.Castclass, Code.Constrained,
            Code.Ldftn, Code.Newobj, Code.Newarr, Code.Ldlen, Code.Leave_S, Code.Endfinally, Code.Endfilter, Code.Rethrow, Code.Throw,
            Code.Ldtoken, Code.Callvirt, Code.Ldind_I4, Code.Stind_I4, Code.Ldobj, Code.Stobj, Code.Ldelem_Ref, Code.Stelem_Ref,
            Code.Ldelem_U1, Code.Ldelem_R8, Code.Stelem_I1, Code.Ldelem_Any, Code.Stelem_Any, Code.Ldsfld, Code.Stsfld, Code.Dup,
            Code.Starg_S, Code.Bne_Un_S, Code.Bge_Un_S, Code.Blt_Un_S, Code.Cgt_Un, Code.Clt_Un, Code.Ldc_R4, Code.Ldc_I8, Code.Neg, Code.Not,
        };
        Assert.That(required.Where(c => !codes.Contains(c)), Is.Empty, "opcodes missing from the corpus");
        Assert.That(handlers, Is.EquivalentTo(new[] { ExceptionHandlerType.Catch, ExceptionHandlerType.Filter, ExceptionHandlerType.Finally, ExceptionHandlerType.Fault }));
        Assert.That(calls, Does.Contain("RuntimeHelpers::InitializeArray"));
        Assert.That(calls, Does.Contain("<PrivateImplementationDetails>::ComputeStringHash"));
    }
}
