namespace PySharp.Compiler;

/// <summary>An instruction before assembly: jumps name a label, each carries its line and active handler.</summary>
internal struct Instr
{
    public Op Op;
    public int Arg;
    public SrcLoc Loc;
    public int Handler;
    public int Extra;
}

/// <summary>An exception handler under construction: its target label and (after flow analysis) stack depth.</summary>
internal sealed class HandlerInfo
{
    public int Label;
    public int Depth = -1;
}

/// <summary>Turns the instruction list into a <see cref="CodeUnit"/>: resolves labels, computes stack depths by flow analysis, and builds the exception table.</summary>
internal static class Assembler
{
    public static (int[] code, int[] lines, SrcLoc[] positions, ExceptionEntry[] table, int maxStack) Assemble(
        List<Instr> instrs, List<int> labelPos, List<HandlerInfo> handlers)
    {
        int n = instrs.Count;
        // Depth flow analysis over the pseudo-instruction stream.
        var depth = new int[n + 1];
        Array.Fill(depth, int.MinValue);
        var work = new Stack<int>();
        int maxStack = 0;
        void Reach(int at, int d)
        {
            if (at >= n) return;
            if (depth[at] == int.MinValue) { depth[at] = d; work.Push(at); }
        }
        Reach(0, 0);
        while (work.Count > 0)
        {
            int i = work.Pop();
            int d = depth[i];
            while (true)
            {
                var ins = instrs[i];
                if (d > maxStack) maxStack = d;
                if (ins.Op == Op.SetupHandler)
                {
                    var h = handlers[ins.Arg];
                    int hd = d - ins.Extra;
                    h.Depth = hd;
                    Reach(labelPos[h.Label], hd + 1);
                    if (hd + 1 > maxStack) maxStack = hd + 1;
                }
                if (StackEffects.IsJump(ins.Op))
                {
                    int jd = d + StackEffects.Of(ins.Op, ins.Arg, true);
                    Reach(labelPos[ins.Arg], jd);
                }
                int nd = d + StackEffects.Of(ins.Op, ins.Arg, false);
                if (nd > maxStack) maxStack = nd;
                if (nd < 0) throw new InvalidOperationException($"stack underflow at {i} {ins.Op}");
                if (StackEffects.IsTerminal(ins.Op)) break;
                i++;
                if (i >= n) break;
                if (depth[i] != int.MinValue) break;
                depth[i] = nd;
                d = nd;
            }
        }
        // Drop pseudo instructions and compute final positions.
        var newIndex = new int[n + 1];
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            newIndex[i] = m;
            if (instrs[i].Op != Op.SetupHandler) m++;
        }
        newIndex[n] = m;
        var code = new int[m];
        var lines = new int[m];
        var positions = new SrcLoc[m];
        var handlerAt = new int[m];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            var ins = instrs[i];
            if (ins.Op == Op.SetupHandler) continue;
            int arg = ins.Arg;
            if (StackEffects.IsJump(ins.Op)) arg = newIndex[labelPos[arg]];
            if (arg < 0 || arg >= (1 << 23)) throw new InvalidOperationException("argument out of range");
            code[k] = (int)ins.Op | (arg << 8);
            lines[k] = ins.Loc.Line;
            positions[k] = ins.Loc;
            handlerAt[k] = depth[i] == int.MinValue ? -1 : ins.Handler;
            k++;
        }
        var table = new List<ExceptionEntry>();
        int start = 0;
        while (start < m)
        {
            int h = handlerAt[start];
            int end = start + 1;
            while (end < m && handlerAt[end] == h) end++;
            if (h >= 0 && handlers[h].Depth >= 0)
                table.Add(new ExceptionEntry(start, end, newIndex[labelPos[handlers[h].Label]], handlers[h].Depth));
            start = end;
        }
        return (code, lines, positions, table.ToArray(), maxStack + 2);
    }
}
