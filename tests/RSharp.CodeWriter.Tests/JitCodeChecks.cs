using RSharp.Jit.JitCodes;

namespace RSharp.CodeWriter.Tests;

/// <summary>
/// An independent reading of jitcode bytecode: control flow, register reads and writes, and a
/// path search that proves every register a -live- set omits is written before it is read.
/// </summary>
internal static class JitCodeChecks
{
    private static readonly HashSet<string> s_noFallThrough = ["goto", "raise", "reraise", "int_return", "ref_return", "float_return", "void_return", "unsupported"];

    private sealed record Insn(int Pc, InstructionDef Def, List<Operand> Ops, int Next);

    private static Dictionary<int, Insn> Decode(JitCode j)
    {
        var map = new Dictionary<int, Insn>();
        int pc = 0;
        while (pc < j.Code.Length)
        {
            var (def, ops, next) = JitCodeDecoder.Decode(j.Code, pc);
            map[pc] = new Insn(pc, def, ops, next);
            pc = next;
        }
        return map;
    }

    private static IEnumerable<int> NormalSuccessors(JitCode j, Insn insn)
    {
        if (!s_noFallThrough.Contains(insn.Def.Name)) yield return insn.Next;
        foreach (var o in insn.Ops)
        {
            if (o.Code == 'L' && insn.Def.Name != "catch_exception") yield return o.Value;
            if (o.Code == 'd' && j.Descrs[o.Value] is SwitchDescr sw) foreach (var t in sw.Targets.Values) yield return t;
        }
    }

    private static int? ExceptionSuccessor(Dictionary<int, Insn> code, Insn insn) =>
        code.TryGetValue(insn.Next, out var n) && n.Def.Name == "catch_exception" ? n.Ops[0].Value : null;

    private static int Count(JitCode j, char bank) => bank switch { 'i' => j.NumInts, 'r' => j.NumRefs, _ => j.NumFloats };

    private static bool Reads(JitCode j, Insn insn, char bank, int reg) =>
        insn.Ops.Any(o => (o.Code == bank && o.Value == reg)
            || (o.Code == char.ToUpperInvariant(bank) && o.List!.Contains(reg)));

    private static bool Writes(Insn insn, char bank, int reg) =>
        insn.Ops.Any(o => o.Code == '>' && o.List![0] == bank && o.Value == reg);

    /// <summary>Problems found: registers read after a -live- point that omits them, and guard-able instructions without -live-.</summary>
    public static List<string> Check(JitCode j)
    {
        var problems = new List<string>();
        var code = Decode(j);
        foreach (var insn in code.Values.OrderBy(i => i.Pc))
        {
            if (insn.Def.Name is "goto_if_not" or "switch" or "jit_merge_point" or "guard_class" || insn.Def.Name.StartsWith("inline_call", StringComparison.Ordinal)
                || insn.Def.Name.StartsWith("residual_call", StringComparison.Ordinal))
            {
                bool marked = code.Values.Any(p => p.Next == insn.Pc && p.Def.Name == "-live-");
                if (!marked) problems.Add($"{j.Name} @{insn.Pc}: {insn.Def.Name} without -live-");
            }
            if (insn.Def.Name != "-live-") continue;
            var live = j.LiveSets[insn.Ops[0].Value];
            foreach (var bank in "irf")
                for (int reg = 0; reg < Count(j, bank); reg++)
                {
                    if (live.Of(bank)[reg]) continue;
                    if (ReadBeforeWrite(j, code, insn.Next, bank, reg) is { } at)
                        problems.Add($"{j.Name} @{insn.Pc}: %{bank}{reg} is not in the live set but is read at {at}");
                }
        }
        return problems;
    }

    private static int? ReadBeforeWrite(JitCode j, Dictionary<int, Insn> code, int start, char bank, int reg)
    {
        var seen = new HashSet<int>();
        var work = new Stack<int>();
        work.Push(start);
        while (work.Count > 0)
        {
            int pc = work.Pop();
            if (!seen.Add(pc) || !code.TryGetValue(pc, out var insn)) continue;
            if (Reads(j, insn, bank, reg)) return pc;
            if (ExceptionSuccessor(code, insn) is { } handler) work.Push(handler);
            if (Writes(insn, bank, reg)) continue;
            foreach (var s in NormalSuccessors(j, insn)) work.Push(s);
        }
        return null;
    }
}
