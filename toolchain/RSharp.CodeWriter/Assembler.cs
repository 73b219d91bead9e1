using System.Collections;
using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.CodeWriter;

/// <summary>
/// Encodes flattened instructions into a jitcode's bytecode, constant pools, descriptor table
/// and live sets (RPython's assembler.py). Two passes: label positions, then bytes.
/// </summary>
internal sealed class Assembler
{
    private readonly Dictionary<char, int> _counts;
    private readonly List<long> _ints = new();
    private readonly List<object?> _refs = new();
    private readonly List<double> _floats = new();
    private readonly Dictionary<object, int> _constIndex = new();
    private readonly List<Descr> _descrs = new();
    private readonly Dictionary<Descr, int> _descrIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<LiveSet> _liveSets = new();
    private readonly Dictionary<Label, int> _labels = new();
    private readonly List<byte> _bytes = new();

    private Assembler(Dictionary<char, int> counts) => _counts = counts;

    /// <summary>Assembles <paramref name="code"/> into <paramref name="target"/>.</summary>
    public static void Assemble(JitCode target, List<Insn> code, Dictionary<char, int> counts,
        (char, int)[] arguments, char resultBank, Type returnType, Func<CallTarget, Descr?> inlineOrNull, Func<CallTarget, Descr> residual)
    {
        // Calls: inline_call if the callee has a jitcode, residual_call otherwise.
        foreach (var insn in code)
            if (insn.Name.StartsWith("call_", StringComparison.Ordinal) && insn.Args[0] is CallTarget t)
            {
                var descr = inlineOrNull(t);
                bool inline = descr is JitCodeDescr;
                insn.Name = (inline ? "inline_" : "residual_") + insn.Name;
                insn.Args[0] = inline ? descr! : residual(t);
            }
        Peephole.ThreadJumps(code);
        var live = Liveness.Compute(code);
        var a = new Assembler(counts);
        // Pass 1: positions (encoding sizes do not depend on label values).
        int pos = 0;
        foreach (var insn in code)
        {
            if (insn.IsLabel) { a._labels[(Label)insn.Args[0]] = pos; continue; }
            pos += Size(insn);
        }
        if (pos > ushort.MaxValue) throw new UnsupportedException("jitcode larger than 64 KiB");
        for (int k = 0; k < code.Count; k++)
            if (!code[k].IsLabel) a.Encode(code[k], live[k]);
        target.SetCode(a._bytes.ToArray(), counts['i'], counts['r'], counts['f'],
            a._ints.ToArray(), a._refs.ToArray(), a._floats.ToArray(), a._descrs.ToArray(), a._liveSets.ToArray(),
            arguments, resultBank, returnType);
    }

    private static int Size(Insn insn)
    {
        int size = 2;
        foreach (var c in Def(insn).ArgCodes)
            size += c switch { 'd' or 'L' or 'l' => 2, '>' => 0, _ => 1 };
        foreach (var x in insn.Args) if (x is RegList l) size += l.Items.Length;
        return size;
    }

    private static InstructionDef Def(Insn insn) =>
        InstructionSet.Lookup(insn.Name + "/" + insn.Codes) ?? throw new InvalidOperationException("no instruction " + insn.Name + "/" + insn.Codes);

    private void U16(int v)
    {
        if (v < 0 || v > ushort.MaxValue) throw new UnsupportedException("operand out of range: " + v);
        _bytes.Add((byte)v);
        _bytes.Add((byte)(v >> 8));
    }

    private void Encode(Insn insn, HashSet<Reg> liveIn)
    {
        var def = Def(insn);
        U16(def.Opcode);
        int arg = 0;
        var codes = def.ArgCodes;
        for (int ci = 0; ci < codes.Length; ci++)
        {
            char c = codes[ci];
            switch (c)
            {
                case 'i': case 'r': case 'f': RegByte(insn.Args[arg++], c); break;
                case 'I': case 'R': case 'F':
                {
                    var l = (RegList)insn.Args[arg++];
                    if (l.Items.Length > 255) throw new UnsupportedException("more than 255 arguments");
                    _bytes.Add((byte)l.Items.Length);
                    foreach (var x in l.Items) RegByte(x, char.ToLowerInvariant(c));
                    break;
                }
                case 'd':
                {
                    var d = insn.Args[arg++] switch
                    {
                        PendingSwitch sw => new SwitchDescr(sw.Name, sw.Cases.ToDictionary(x => x.Value, x => _labels[x.Target])),
                        Descr x => x,
                        var other => throw new InvalidOperationException("not a descriptor: " + other),
                    };
                    if (!_descrIndex.TryGetValue(d, out int di))
                    {
                        di = _descrs.Count;
                        _descrs.Add(d);
                        _descrIndex[d] = di;
                    }
                    U16(di);
                    break;
                }
                case 'L': U16(_labels[(Label)insn.Args[arg++]]); break;
                case 'l':
                    U16(_liveSets.Count);
                    _liveSets.Add(new LiveSet(Bits(liveIn, 'i'), Bits(liveIn, 'r'), Bits(liveIn, 'f')));
                    break;
                case '>': RegByte(insn.Result!.Value, codes[++ci]); break;
                default: throw new InvalidOperationException("bad argcode " + c);
            }
        }
    }

    private BitArray Bits(HashSet<Reg> live, char bank)
    {
        var bits = new BitArray(_counts[bank]);
        foreach (var r in live) if (r.Bank == bank) bits[r.Index] = true;
        return bits;
    }

    private void RegByte(object operand, char bank)
    {
        int index = operand switch
        {
            Reg r when r.Bank == bank => r.Index,
            ConstOp c when c.Bank == bank => _counts[bank] + ConstIndex(c),
            _ => throw new InvalidOperationException($"operand {operand} is not of bank {bank}"),
        };
        if (index > 255) throw new UnsupportedException("more than 256 registers and constants in bank " + bank);
        _bytes.Add((byte)index);
    }

    private int ConstIndex(ConstOp c)
    {
        // Floats by bits: -0.0 and 0.0 are different constants.
        object key = (c.Bank, c.Value is double d ? BitConverter.DoubleToInt64Bits(d) + "d" : c.Value ?? DBNull.Value);
        if (_constIndex.TryGetValue(key, out int k)) return k;
        switch (c.Bank)
        {
            case 'i': k = _ints.Count; _ints.Add((long)c.Value!); break;
            case 'f': k = _floats.Count; _floats.Add((double)c.Value!); break;
            default: k = _refs.Count; _refs.Add(c.Value); break;
        }
        _constIndex[key] = k;
        return k;
    }
}
