using System.Reflection;
using RSharp.Flow;
using RSharp.Flow.Interpreting;

namespace RSharp.Annotation.Tests;

public class ReachabilityTests
{
    private static FlowAssembly? s_corpus;
    private static FlowAssembly Corpus => s_corpus ??= FlowAssembly.Load(typeof(RSharp.Flow.Corpus.Arithmetic).Assembly.Location);

    private static AnnotatedProgram Analyze(string entry) =>
        new Reachability(new[] { Corpus }).Analyze(Corpus.FindMethod(entry));

    private static IEnumerable<string> Names(CallSite site) => site.Targets.Select(t => t.DeclaringType.Name + "::" + t.Name);

    [Test]
    public void VirtualCallReachesEveryOverride()
    {
        var p = Analyze("RSharp.Flow.Corpus.Classes::VirtualArea");
        var area = p.CallSites.Single(c => c.Declared.Name == "Area" && c.Operation.OpName == "virtual_call");
        Assert.That(Names(area), Is.EquivalentTo(new[] { "Circle::Area", "Square::Area", "ColoredSquare::Area" }));
        Assert.That(area.IsMonomorphic, Is.False);
        Assert.That(p.Methods.Select(m => m.DeclaringType.Name + "::" + m.Name), Does.Contain("ColoredSquare::.ctor").And.Contain("Circle::Area"));
        // ColoredSquare.Area calls base.Area: a direct, monomorphic call.
        var baseCall = p.CallSites.Single(c => c.Caller.DeclaringType.Name == "ColoredSquare" && c.Declared.Name == "Area");
        Assert.That(baseCall.IsMonomorphic, Is.True);
        TestContext.Out.WriteLine(p.Dump());
    }

    [Test]
    public void InterfaceCallReachesImplicitAndExplicitImplementations()
    {
        var p = Analyze("RSharp.Flow.Corpus.Classes::InterfaceCall");
        var next = p.CallSites.Single(c => c.Declared.Name == "Next");
        Assert.That(Names(next), Is.EquivalentTo(new[] { "Counter::Next", "StepCounter::RSharp.Flow.Corpus.ICounter.Next" }));
    }

    [Test]
    public void ConstrainedCallOnAStructIsMonomorphic()
    {
        var p = Analyze("RSharp.Flow.Corpus.Misc::ConstrainedOnStruct");
        var bumps = p.CallSites.Where(c => c.Declared.Name == "Bump").ToList();
        Assert.That(bumps, Is.Not.Empty);
        Assert.That(bumps.All(c => c.IsMonomorphic && Names(c).Single() == "MutableStruct::Bump"), Is.True, string.Join("\n", bumps));
    }

    [Test]
    public void GenericVirtualVisitorIsPolymorphic()
    {
        var p = Analyze("RSharp.Flow.Corpus.Misc::Visitor");
        var accept = p.CallSites.Where(c => c.Declared.Name == "Accept").ToList();
        Assert.That(accept.All(c => Names(c).OrderBy(x => x).SequenceEqual(new[] { "Add::Accept", "Num::Accept" })), Is.True, string.Join("\n", accept));
        var visit = p.CallSites.First(c => c.Declared.Name == "VisitNumber");
        Assert.That(Names(visit), Is.EquivalentTo(new[] { "Evaluator::VisitNumber", "Printer::VisitNumber" }));
    }

    [Test]
    public void DirectCallsAreMonomorphic()
    {
        var p = Analyze("RSharp.Flow.Corpus.Recursion::Fib");
        Assert.That(p.CallSites, Is.Not.Empty);
        Assert.That(p.CallSites.All(c => c.IsMonomorphic), Is.True);
        Assert.That(p.Methods.Select(m => m.Name), Is.EquivalentTo(new[] { "Fib", "FibRec" }));
    }

    /// <summary>
    /// Soundness against execution: every project method the graph interpreter executes while
    /// running a corpus function on its generated inputs was found reachable from that function.
    /// </summary>
    [Test]
    public void EveryExecutedMethodIsReachable()
    {
        var reachability = new Reachability(new[] { Corpus });
        var failures = new List<string>();
        int functions = 0, executedTotal = 0, reachableTotal = 0;
        foreach (var type in typeof(RSharp.Flow.Corpus.Arithmetic).Assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed))
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsGenericMethodDefinition))
            {
                functions++;
                var program = reachability.Analyze(Corpus.FindMethod(type.FullName + "::" + method.Name));
                var interp = new GraphInterpreter(Corpus);
                foreach (var args in Inputs(method))
                {
                    try { interp.Invoke(method, args); }
                    catch (InterpreterException) { throw; }
                    catch (Exception) { /* the program raised: fine */ }
                }
                reachableTotal += program.Methods.Count;
                foreach (var executed in interp.ExecutedMethods)
                {
                    executedTotal++;
                    var key = executed.DeclaringType!.Assembly.GetName().Name + ":" + executed.MetadataToken.ToString("x8");
                    if (!program.DefinitionKeys.Contains(key)) failures.Add(method.Name + " executed " + executed.DeclaringType + "::" + executed);
                }
            }
        TestContext.Out.WriteLine($"{functions} functions, {executedTotal} executed graphs, {reachableTotal} reachable methods");
        Assert.That(functions, Is.GreaterThan(200));
        Assert.That(executedTotal, Is.GreaterThan(functions), "callees run through their graphs too");
        Assert.That(failures, Is.Empty);
    }

    /// <summary>The same inputs for a native reflection call (by-ref arguments as plain values).</summary>
    internal static IEnumerable<object?[]> NativeInputs(MethodInfo m) =>
        Inputs(m).Select(args => args.Select(a => a is SlotPointer p ? p.Load() : a).ToArray());

    private static IEnumerable<object?[]> Inputs(MethodInfo m)
    {
        var ps = m.GetParameters();
        foreach (var seed in new[] { 0, 1, 2 })
            yield return ps.Select(p => Sample(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType, seed, p.ParameterType.IsByRef)).ToArray();
    }

    private static object? Sample(Type t, int seed, bool byRef)
    {
        object? v = t == typeof(int) ? new[] { 3, -2, 0 }[seed]
            : t == typeof(long) ? new[] { 3L, -2L, 0L }[seed]
            : t == typeof(double) ? new[] { 2.5, -1.0, 0.0 }[seed]
            : t == typeof(float) ? new[] { 2.5f, -1f, 0f }[seed]
            : t == typeof(string) ? new[] { "two", "a,b", null }[seed]
            : t == typeof(bool) ? seed == 0
            : t == typeof(char) ? "aZ0"[seed]
            : t == typeof(int[]) ? new[] { new[] { 3, 1, 2 }, new[] { 5 }, null }[seed]
            : t == typeof(string[]) ? new[] { new[] { "b", "a" }, new string[0], null }[seed]
            : t == typeof(object) ? new object?[] { 7, "s", null }[seed]
            : t == typeof(object[]) ? new object?[] { new object[] { 1, "x" }, null, null }[seed]
            : t.IsEnum ? Enum.GetValues(t).GetValue(seed % Enum.GetValues(t).Length)
            : t.IsValueType ? Activator.CreateInstance(t) : null;
        if (t.IsValueType && v is not null && v.GetType() != t && !t.IsEnum) v = Convert.ChangeType(seed + 1, t);
        return byRef ? new SlotPointer(t, v) : v;
    }
}
