using System.Globalization;
using System.Text;

namespace RSharp.Jit.JitCodes;

/// <summary>One decoded operand of an instruction.</summary>
public readonly record struct Operand(char Code, int Value, int[]? List = null);

/// <summary>Decodes the bytecode of a jitcode (for the dump, the validators and exception handling).</summary>
public static class JitCodeDecoder
{
    /// <summary>Reads a 16-bit little-endian value.</summary>
    public static int U16(byte[] code, int pc) => code[pc] | (code[pc + 1] << 8);

    /// <summary>Decodes the instruction at <paramref name="pc"/>; returns its definition, operands and the next position.</summary>
    public static (InstructionDef Def, List<Operand> Operands, int Next) Decode(byte[] code, int pc)
    {
        var def = InstructionSet.All[U16(code, pc)];
        pc += 2;
        var ops = new List<Operand>();
        var codes = def.ArgCodes;
        for (int k = 0; k < codes.Length; k++)
        {
            char c = codes[k];
            switch (c)
            {
                case 'i': case 'r': case 'f': ops.Add(new Operand(c, code[pc++])); break;
                case 'd': case 'L': case 'l': ops.Add(new Operand(c, U16(code, pc))); pc += 2; break;
                case 'I': case 'R': case 'F':
                {
                    int n = code[pc++];
                    var regs = new int[n];
                    for (int j = 0; j < n; j++) regs[j] = code[pc++];
                    ops.Add(new Operand(c, n, regs));
                    break;
                }
                case '>': { char bank = codes[++k]; ops.Add(new Operand('>', code[pc++], [bank])); break; }
                default: throw new InvalidOperationException("bad argcode " + c);
            }
        }
        return (def, ops, pc);
    }

    /// <summary>Every instruction of the jitcode: position, definition, operands.</summary>
    public static IEnumerable<(int Pc, InstructionDef Def, List<Operand> Operands)> Instructions(JitCode jitcode)
    {
        int pc = 0;
        while (pc < jitcode.Code.Length)
        {
            var (def, ops, next) = Decode(jitcode.Code, pc);
            yield return (pc, def, ops);
            pc = next;
        }
    }
}

/// <summary>The text listing of a jitcode.</summary>
internal static class JitCodeDumper
{
    public static string Dump(JitCode j)
    {
        var sb = new StringBuilder();
        sb.Append("jitcode ").AppendLine(j.Name);
        sb.Append("  args: ").AppendLine(string.Join(", ", j.Arguments.Select(a => "%" + a.Bank + a.Register)))
          .Append("  result: ").Append(j.ResultBank)
          .Append("  registers: i").Append(j.NumInts).Append(" r").Append(j.NumRefs).Append(" f").Append(j.NumFloats).AppendLine();
        var insns = JitCodeDecoder.Instructions(j).ToList();
        var labels = new HashSet<int>();
        foreach (var (_, def, ops) in insns)
            foreach (var o in ops)
                if (o.Code == 'L') labels.Add(o.Value);
                else if (o.Code == 'd' && j.Descrs[o.Value] is SwitchDescr sw)
                    foreach (var t in sw.Targets.Values) labels.Add(t);
        foreach (var (pc, def, ops) in insns)
        {
            if (labels.Contains(pc)) sb.Append("L").Append(pc).AppendLine(":");
            sb.Append(pc.ToString(CultureInfo.InvariantCulture).PadLeft(6)).Append("  ").Append(def.Name);
            var args = new List<string>();
            string? result = null;
            foreach (var o in ops)
            {
                switch (o.Code)
                {
                    case 'i': case 'r': case 'f': args.Add(Reg(j, o.Code, o.Value)); break;
                    case 'I': case 'R': case 'F':
                        args.Add(char.ToUpperInvariant(o.Code) + "[" + string.Join(", ", o.List!.Select(r => Reg(j, char.ToLowerInvariant(o.Code), r))) + "]");
                        break;
                    case 'L': args.Add("L" + o.Value); break;
                    case 'l': args.Add(j.LiveSets[o.Value].ToString()); break;
                    case 'd': args.Add(DescrText(j.Descrs[o.Value])); break;
                    case '>': result = Reg(j, (char)o.List![0], o.Value); break;
                }
            }
            if (args.Count > 0) sb.Append(' ').Append(string.Join(", ", args));
            if (result is not null) sb.Append(" -> ").Append(result);
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string DescrText(Traces.Descr d) => d switch
    {
        SwitchDescr sw => "<Switch " + string.Join(", ", sw.Targets.OrderBy(kv => kv.Key).Select(kv => kv.Key + ":L" + kv.Value)) + ">",
        _ => d.ToString(),
    };

    /// <summary>A register (<c>%i3</c>) or a constant of the pool (<c>$5</c>, <c>$"text"</c>).</summary>
    public static string Reg(JitCode j, char bank, int index)
    {
        int regs = bank switch { 'i' => j.NumInts, 'r' => j.NumRefs, _ => j.NumFloats };
        if (index < regs) return "%" + bank + index;
        int c = index - regs;
        return bank switch
        {
            'i' => "$" + j.ConstInts[c].ToString(CultureInfo.InvariantCulture),
            'f' => "$" + j.ConstFloats[c].ToString("R", CultureInfo.InvariantCulture),
            _ => "$" + RefConst(j.ConstRefs[c]),
        };
    }

    private static string RefConst(object? o) => o switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"",
        _ => "<" + o.GetType().Name + ">",
    };
}
