namespace RSharp.CodeWriter;

/// <summary>
/// Jump threading on flattened code: a jump to a label whose first instruction is <c>goto X</c>
/// goes to X directly, and a <c>goto</c> to the label that immediately follows disappears.
/// (Blocks that only pass values along leave such chains behind.)
/// </summary>
internal static class Peephole
{
    public static void ThreadJumps(List<Insn> code)
    {
        // Where each label leads when its first real instruction is an unconditional goto.
        var forward = new Dictionary<Label, Label>();
        for (int k = 0; k < code.Count; k++)
        {
            if (!code[k].IsLabel) continue;
            int n = k;
            while (n < code.Count && code[n].IsLabel) n++;
            if (n < code.Count && code[n].Name == "goto") forward[(Label)code[k].Args[0]] = (Label)code[n].Args[0];
        }
        Label Final(Label l)
        {
            var seen = new HashSet<Label>();
            while (forward.TryGetValue(l, out var next) && seen.Add(l)) l = next;
            return l;
        }
        foreach (var insn in code)
        {
            if (insn.IsLabel) continue;
            for (int a = 0; a < insn.Args.Length; a++)
                if (insn.Args[a] is Label l) insn.Args[a] = Final(l);
            foreach (var arg in insn.Args)
                if (arg is PendingSwitch sw)
                    for (int c = 0; c < sw.Cases.Count; c++) sw.Cases[c] = (sw.Cases[c].Value, Final(sw.Cases[c].Target));
        }
        // Labels nobody jumps to any more go, so the code behind them can be seen to be dead.
        var used = new HashSet<Label>();
        foreach (var insn in code)
        {
            if (insn.IsLabel) continue;
            foreach (var arg in insn.Args)
            {
                if (arg is Label l) used.Add(l);
                if (arg is PendingSwitch sw) used.UnionWith(sw.Cases.Select(c => c.Target));
            }
        }
        code.RemoveAll(i => i.IsLabel && !used.Contains((Label)i.Args[0]));
        // Drop gotos to a label that directly follows, and unreachable gotos right after another goto.
        for (int k = code.Count - 1; k >= 0; k--)
        {
            if (code[k].Name != "goto") continue;
            var target = (Label)code[k].Args[0];
            bool next = false;
            for (int n = k + 1; n < code.Count && code[n].IsLabel; n++)
                if (code[n].Args[0] == target) next = true;
            bool dead = k > 0 && code[k - 1].Name is "goto" or "raise" or "reraise" or "int_return" or "ref_return" or "float_return" or "void_return";
            if (next || dead) code.RemoveAt(k);
        }
    }
}
