namespace RSharp.CodeWriter;

/// <summary>
/// Backward liveness over flattened code (RPython's liveness.py): for every instruction, the
/// registers that may be read before being written again. An instruction directly followed
/// by <c>catch_exception L</c> may also continue at L (without writing its result).
/// </summary>
internal static class Liveness
{
    public static HashSet<Reg>[] Compute(List<Insn> code)
    {
        int n = code.Count;
        var labelIndex = new Dictionary<Label, int>();
        for (int k = 0; k < n; k++)
            if (code[k].IsLabel) labelIndex[(Label)code[k].Args[0]] = k;
        var succ = new List<int>[n];
        var excSucc = new int[n];
        for (int k = 0; k < n; k++)
        {
            var insn = code[k];
            var s = new List<int>();
            excSucc[k] = -1;
            bool fallsThrough = insn.Name is not ("goto" or "raise" or "reraise" or "int_return" or "ref_return" or "float_return" or "void_return" or "unsupported");
            if (fallsThrough && k + 1 < n) s.Add(k + 1);
            foreach (var a in insn.Args)
                switch (a)
                {
                    case Label l when !insn.IsLabel: s.Add(labelIndex[l]); break;
                    case PendingSwitch sw: s.AddRange(sw.Cases.Select(c => labelIndex[c.Target])); break;
                }
            if (insn.Name == "catch_exception") s = k + 1 < n ? [k + 1] : [];
            if (k + 1 < n && code[k + 1].Name == "catch_exception") excSucc[k] = labelIndex[(Label)code[k + 1].Args[0]];
            succ[k] = s;
        }
        var liveIn = new HashSet<Reg>[n];
        for (int k = 0; k < n; k++) liveIn[k] = new HashSet<Reg>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int k = n - 1; k >= 0; k--)
            {
                var insn = code[k];
                var live = new HashSet<Reg>();
                foreach (var s in succ[k]) live.UnionWith(liveIn[s]);
                if (insn.Result is { } r) live.Remove(r);
                foreach (var u in Uses(insn)) live.Add(u);
                if (excSucc[k] >= 0) live.UnionWith(liveIn[excSucc[k]]);
                if (!live.SetEquals(liveIn[k]))
                {
                    liveIn[k] = live;
                    changed = true;
                }
            }
        }
        return liveIn;
    }

    public static IEnumerable<Reg> Uses(Insn insn)
    {
        foreach (var a in insn.Args)
            switch (a)
            {
                case Reg r: yield return r; break;
                case RegList l:
                    foreach (var x in l.Items) if (x is Reg xr) yield return xr;
                    break;
            }
    }
}
