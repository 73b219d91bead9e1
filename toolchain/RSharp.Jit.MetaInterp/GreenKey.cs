using System.Runtime.CompilerServices;
using RSharp.Jit.JitCodes;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// The greens of a merge point: one guest location (RPython's green key). Ints and floats
/// compare by value, references by identity (as the warm state hashes them).
/// </summary>
public sealed class GreenKey : IEquatable<GreenKey>
{
    private readonly object?[] _values;

    internal GreenKey(object?[] values)
    {
        _values = values;
        Hash = GreenHash.Of(values);
    }

    /// <summary>The hash the counters and the loop table use (<see cref="GreenHash"/>).</summary>
    internal uint Hash { get; }

    /// <summary>The green values (long, double or the object).</summary>
    public IReadOnlyList<object?> Values => _values;

    /// <inheritdoc/>
    public bool Equals(GreenKey? other)
    {
        if (other is null || other._values.Length != _values.Length) return false;
        for (int k = 0; k < _values.Length; k++)
        {
            bool same = (_values[k], other._values[k]) switch
            {
                (long a, long b) => a == b,
                (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
                var (a, b) => ReferenceEquals(a, b),
            };
            if (!same) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as GreenKey);
    /// <inheritdoc/>
    public override int GetHashCode() => (int)Hash;

    /// <inheritdoc/>
    public override string ToString() => "(" + string.Join(", ", _values.Select(v => v switch
    {
        null => "null",
        long or double => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        string s => s.Length > 12 ? "str#" + RuntimeHelpers.GetHashCode(s) : "\"" + s + "\"",
        _ => v.GetType().Name,
    })) + ")";
}

/// <summary>The arguments of one <c>jit_merge_point</c>/<c>can_enter_jit</c> instruction, in declaration order.</summary>
internal sealed class MergePointArgs
{
    private MergePointArgs((char Bank, int Reg)[] args, int next, int livePc)
    {
        Args = args;
        Next = next;
        LivePc = livePc;
    }

    /// <summary>Bank and register (an operand: registers then constants) of each argument.</summary>
    public (char Bank, int Reg)[] Args { get; }
    /// <summary>The position after the instruction.</summary>
    public int Next { get; }
    /// <summary>The position of the <c>-live-</c> right before the instruction, or -1.</summary>
    public int LivePc { get; }

    private (char Bank, int Reg)[]? _reds;

    /// <summary>
    /// The registers a loop at this merge point carries: the red arguments (each once), then any
    /// other register live at the merge point (e.g. an address-taken local's slot), so that a
    /// loop is correct even if the interpreter does not pass every live variable.
    /// </summary>
    public (char Bank, int Reg)[] Reds(JitCode j, int greenCount)
    {
        if (_reds is not null) return _reds;
        var list = new List<(char, int)>();
        var seen = new HashSet<(char, int)>();
        for (int k = 0; k < Args.Length; k++)
            if (k < greenCount) seen.Add(Args[k]);
        for (int k = greenCount; k < Args.Length; k++)
            if (seen.Add(Args[k])) list.Add(Args[k]);
        if (LivePc >= 0)
        {
            var live = j.LiveSets[JitCodeDecoder.U16(j.Code, LivePc + 2)];
            foreach (var bank in "irf")
            {
                var bits = live.Of(bank);
                for (int r = 0; r < bits.Length; r++)
                    if (bits[r] && seen.Add((bank, r))) list.Add((bank, r));
            }
        }
        return _reds = list.ToArray();
    }

    private static readonly ConditionalWeakTable<JitCode, Dictionary<int, MergePointArgs>> s_cache = new();

    public static MergePointArgs At(JitCode j, int pc)
    {
        var table = s_cache.GetValue(j, Scan);
        return table.TryGetValue(pc, out var m) ? m : throw new InvalidOperationException($"{j.Name} @{pc} is not a merge point");
    }

    private static Dictionary<int, MergePointArgs> Scan(JitCode j)
    {
        var result = new Dictionary<int, MergePointArgs>();
        int prevPc = -1;
        string prevName = "";
        foreach (var (pc, def, ops) in JitCodeDecoder.Instructions(j))
        {
            if (def.Name is "jit_merge_point" or "can_enter_jit")
            {
                var banks = ((MergePointDescr)j.Descrs[ops[0].Value]).ArgBanks;
                var lists = new Dictionary<char, int[]> { ['i'] = ops[1].List!, ['r'] = ops[2].List!, ['f'] = ops[3].List! };
                var used = new Dictionary<char, int> { ['i'] = 0, ['r'] = 0, ['f'] = 0 };
                var args = banks.Select(b => (b, lists[b][used[b]++])).ToArray();
                int next = JitCodeDecoder.Decode(j.Code, pc).Next;
                result[pc] = new MergePointArgs(args, next, prevName == "-live-" ? prevPc : -1);
            }
            prevPc = pc;
            prevName = def.Name;
        }
        return result;
    }
}
