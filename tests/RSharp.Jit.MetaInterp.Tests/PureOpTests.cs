using RSharp.Jit.Backend;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp.Tests;

/// <summary>
/// Every pure jitcode operation the tracer maps to trace operations computes, on the backend,
/// what the jitcode operation computes (registers hold 32-bit values sign-extended).
/// </summary>
[TestFixture("interp")]
[TestFixture("cil")]
public class PureOpTests(string backend)
{
    private static readonly long[] s_int32 = [0, 1, -1, 2, 7, -8, 31, 32, 33, 63, 64, 100, -100, 255, 256, 65535, 65536,
        int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1, 0x12345678, -0x12345678, 0x7FFF, -0x8000];
    private static readonly long[] s_int64 = [.. s_int32, long.MaxValue, long.MinValue, 1L << 32, -(1L << 32), 0x123456789ABCDEF, -0x123456789ABCDEF, uint.MaxValue];
    private static readonly double[] s_floats = [0.0, -0.0, 1.0, -1.5, 2.75, 1e10, -1e-10, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 3e18, -3e18, 0.1];

    [Test]
    public void MappedOperationsAgreeWithTheJitcodeOperation()
    {
        var mi = new MetaInterpreter(Support.SmallJitCodes.Get("JitSmall.Sum::Run"), 0, Support.Backend(backend));
        int mapped = 0, checkedCases = 0;
        var mismatches = new List<string>();
        foreach (var def in InstructionSet.All.Where(d => d.Pure is not null))
        {
            var trace = new Tracer(mi).TranslateAlone(def);
            if (trace is null) continue;
            mapped++;
            var b = Support.Backend(backend);
            var token = b.CompileLoop(trace, new LoopToken("t"));
            bool narrow = def.Name.StartsWith("int_", StringComparison.Ordinal) || def.Name.StartsWith("uint_", StringComparison.Ordinal)
                || def.Name.StartsWith("cast_int_", StringComparison.Ordinal);
            var banks = def.ArgCodes.Split('>')[0];
            foreach (var args in Inputs(banks, narrow))
            {
                object? expected;
                try { expected = def.Pure!.DynamicInvoke(args); }
                catch (System.Reflection.TargetInvocationException) { continue; }
                var values = new JitValues(banks.Select(c => c == 'i' ? ValueKind.Int : ValueKind.Float).ToArray());
                for (int k = 0; k < args.Length; k++)
                    if (banks[k] == 'i') values.Ints[k] = (long)args[k]!; else values.Floats[k] = (double)args[k]!;
                var df = b.Execute(token, values);
                var actual = df.Values.GetBoxed(0);
                checkedCases++;
                bool same = (expected, actual) switch
                {
                    (long x, long y) => x == y,
                    (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y)),
                    _ => false,
                };
                if (!same) mismatches.Add($"{def.Name}({string.Join(", ", args)}) = {expected}, trace gives {actual}");
            }
        }
        TestContext.Out.WriteLine($"{mapped} operations mapped, {checkedCases} cases");
        Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches.Take(30)));
        Assert.That(mapped, Is.GreaterThan(100));
    }

    private static IEnumerable<object?[]> Inputs(string banks, bool narrow)
    {
        var ints = narrow ? s_int32 : s_int64;
        if (banks == "i") return ints.Select(a => new object?[] { a });
        if (banks == "ii") return ints.SelectMany(a => ints.Select(c => new object?[] { a, c }));
        if (banks == "f") return s_floats.Select(a => new object?[] { a });
        if (banks == "ff") return s_floats.SelectMany(a => s_floats.Select(c => new object?[] { a, c }));
        return [];
    }
}
