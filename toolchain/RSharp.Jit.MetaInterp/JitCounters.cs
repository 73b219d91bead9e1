using System.Runtime.CompilerServices;
using RSharp.Jit.JitCodes;
using Frame = RSharp.Jit.JitCodes.BlackholeInterpreter.Frame;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// Hashes of green keys, computed from a frame's registers without allocating (the merge point
/// hook runs at every guest instruction of an interpreter like Tiny) and from a <see cref="GreenKey"/>
/// with the same result. Ints and floats hash by value, references by identity.
/// </summary>
internal static class GreenHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint OfLong(long v) => (uint)v ^ (uint)(v >> 32);

    /// <summary>One green value as the registers hold it (long, double or the object).</summary>
    public static uint OfValue(object? v) => v switch
    {
        null => 0,
        long l => OfLong(l),
        double d => OfLong(BitConverter.DoubleToInt64Bits(d)),
        _ => (uint)RuntimeHelpers.GetHashCode(v),
    };

    /// <summary>The hash of the greens of the merge point the frame is stopped at.</summary>
    public static uint Of(Frame f, MergePointArgs mp, int greenCount)
    {
        uint h = WarmState.Seed;
        for (int k = 0; k < greenCount; k++)
        {
            var (bank, reg) = mp.Args[k];
            uint v = bank switch
            {
                'i' => OfLong(f.Ints[reg]),
                'f' => OfLong(BitConverter.DoubleToInt64Bits(f.Floats[reg])),
                _ => f.Refs[reg] is { } o ? (uint)RuntimeHelpers.GetHashCode(o) : 0,
            };
            h = WarmState.Mix(h, v);
        }
        return h;
    }

    /// <summary>The same hash for a key's values.</summary>
    public static uint Of(IReadOnlyList<object?> values)
    {
        uint h = WarmState.Seed;
        foreach (var v in values) h = WarmState.Mix(h, OfValue(v));
        return h;
    }

    /// <summary>True if the frame's greens at the merge point are the key's (no allocation).</summary>
    public static bool Matches(GreenKey key, Frame f, MergePointArgs mp)
    {
        var values = key.Values;
        for (int k = 0; k < values.Count; k++)
        {
            var (bank, reg) = mp.Args[k];
            bool same = bank switch
            {
                'i' => values[k] is long l && l == f.Ints[reg],
                'f' => values[k] is double d && BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(f.Floats[reg]),
                _ => ReferenceEquals(values[k], f.Refs[reg]),
            };
            if (!same) return false;
        }
        return true;
    }
}

/// <summary>
/// RPython's jitcounter: per green-key counters of loop back-edges and of function entries, in
/// fixed tables indexed by the key's hash (collisions only make a location hot sooner). Every
/// <see cref="DecayPeriod"/> ticks each counter is halved, so what was warm long ago does not
/// become hot by accumulation.
/// </summary>
internal sealed class JitCounters
{
    private const int TableBits = 12;
    /// <summary>Ticks between two decays.</summary>
    public const int DecayPeriod = 1 << 20;

    private readonly ushort[] _loops = new ushort[1 << TableBits];
    private readonly ushort[] _entries = new ushort[1 << TableBits];
    private int _ticksUntilDecay = DecayPeriod;

    /// <summary>A can_enter_jit at the key: true when its counter reaches <paramref name="threshold"/> (then it restarts).</summary>
    public bool TickLoop(uint hash, int threshold) => Tick(_loops, hash, threshold);

    /// <summary>A function entry at the key: true when its counter reaches <paramref name="threshold"/> (then it restarts).</summary>
    public bool TickEntry(uint hash, int threshold) => Tick(_entries, hash, threshold);

    /// <summary>The next can_enter_jit at the key fires.</summary>
    public void PrimeLoop(uint hash, int threshold) => Prime(_loops, hash, threshold);

    /// <summary>The next entry at the key fires.</summary>
    public void PrimeEntry(uint hash, int threshold) => Prime(_entries, hash, threshold);

    /// <summary>The current loop counter of a key (for tests).</summary>
    public int LoopCount(uint hash) => _loops[Index(hash)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(uint hash) => (int)((hash * 2654435769u) >> (32 - TableBits));

    private bool Tick(ushort[] table, uint hash, int threshold)
    {
        if (--_ticksUntilDecay == 0) Decay();
        ref ushort counter = ref table[Index(hash)];
        int next = counter + 1;
        if (next >= threshold || next == ushort.MaxValue)
        {
            counter = 0;
            return true;
        }
        counter = (ushort)next;
        return false;
    }

    private static void Prime(ushort[] table, uint hash, int threshold)
    {
        ref ushort counter = ref table[Index(hash)];
        counter = (ushort)Math.Clamp(threshold - 1, counter, ushort.MaxValue - 1);
    }

    private void Decay()
    {
        _ticksUntilDecay = DecayPeriod;
        for (int i = 0; i < _loops.Length; i++)
        {
            _loops[i] >>= 1;
            _entries[i] >>= 1;
        }
    }
}

/// <summary>The compiled loops (and entry traces) by green key, found from a frame without allocating.</summary>
internal sealed class LoopTable
{
    private readonly Dictionary<uint, CompiledLoop[]> _byHash = new();

    public int Count { get; private set; }

    /// <summary>Sets the loop of its key (replacing one there).</summary>
    public void Add(CompiledLoop loop)
    {
        uint h = loop.Key.Hash;
        var list = _byHash.GetValueOrDefault(h) ?? [];
        int at = Array.FindIndex(list, l => l.Key.Equals(loop.Key));
        if (at >= 0) list[at] = loop;
        else
        {
            _byHash[h] = [.. list, loop];
            Count++;
        }
    }

    /// <summary>Removes the loop if it is still the one at its key.</summary>
    public void Remove(CompiledLoop loop)
    {
        if (!_byHash.TryGetValue(loop.Key.Hash, out var list) || Array.IndexOf(list, loop) < 0) return;
        var rest = list.Where(l => !ReferenceEquals(l, loop)).ToArray();
        if (rest.Length == 0) _byHash.Remove(loop.Key.Hash);
        else _byHash[loop.Key.Hash] = rest;
        Count--;
    }

    public CompiledLoop? Get(GreenKey key)
    {
        if (_byHash.TryGetValue(key.Hash, out var list))
            foreach (var l in list)
                if (l.Key.Equals(key)) return l;
        return null;
    }

    public bool Contains(GreenKey key) => Get(key) is not null;

    /// <summary>The loop at the frame's merge point (its greens hash to <paramref name="hash"/>).</summary>
    public CompiledLoop? Find(Frame f, MergePointArgs mp, uint hash)
    {
        if (_byHash.TryGetValue(hash, out var list))
            foreach (var l in list)
                if (GreenHash.Matches(l.Key, f, mp)) return l;
        return null;
    }
}
