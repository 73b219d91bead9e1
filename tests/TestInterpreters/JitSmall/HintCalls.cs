using RSharp.Hints;

namespace JitSmall;

/// <summary>Buffered output: the flush is rare, so it is a conditional call, not a branch.</summary>
public sealed class Buffer
{
    public long Pending;
    public long Flushed;
    public long Flushes;
}

/// <summary>RPython's <c>jit.conditional_call</c>: a flush every 16 writes.</summary>
public static class CondCalls
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "buf"]);

    [DontLookInside]
    public static void Flush(Buffer b)
    {
        b.Flushed += b.Pending;
        b.Pending = 0;
        b.Flushes++;
    }

    public static long Run(long n, Buffer buf)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, buf);
            acc += i;
            buf.Pending += i & 7;
            Jit.ConditionalCall(buf.Pending >= 40, Flush, buf);
            i++;
            Driver.CanEnterJit(i, n, acc, buf);
        }
        return acc * 1000003 + buf.Flushed * 1009 + buf.Flushes * 7 + buf.Pending;
    }
}

/// <summary>RPython's <c>jit.record_known_result</c>: a cached hash whose elidable computation folds.</summary>
public sealed class Key(long value)
{
    public long Value = value;
    public long Hash;
}

public static class KnownResults
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "keys"]);

    public static long SlowCalls;

    [Elidable]
    public static long ComputeHash(long v)
    {
        SlowCalls++;
        return v * 31 + 7;
    }

    /// <summary>The cached hash; the JIT learns that <see cref="ComputeHash"/> of the value is it.</summary>
    public static long HashOf(Key k)
    {
        long h = k.Hash;
        if (h == 0)
        {
            h = ComputeHash(k.Value);
            k.Hash = h;
        }
        Jit.RecordKnownResult(h, ComputeHash, k.Value);
        return h;
    }

    public static long Run(long n, Key[] keys)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, keys);
            var k = keys[i % keys.Length];
            acc += HashOf(k);
            acc += ComputeHash(k.Value);   // folds to the recorded result in traces
            i++;
            Driver.CanEnterJit(i, n, acc, keys);
        }
        return acc;
    }
}

/// <summary>Steps counted by where they ran: <c>Jit.WeAreJitted</c> is true only in compiled code.</summary>
public sealed class StepCounts
{
    public long Jitted;
    public long Interpreted;
}

public static class Jitted
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["i", "n", "acc", "counts"]);

    public static long Run(long n, StepCounts counts)
    {
        long i = 0, acc = 0;
        while (i < n)
        {
            Driver.JitMergePoint(i, n, acc, counts);
            if (Jit.WeAreJitted())
            {
                acc += i << 1;
                counts.Jitted++;
            }
            else
            {
                acc += i + i;
                counts.Interpreted++;
            }
            i++;
            Driver.CanEnterJit(i, n, acc, counts);
        }
        return acc;
    }
}
