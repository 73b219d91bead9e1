using RSharp.Hints;

namespace JitSmall;

/// <summary>An interpreter frame: an accumulator and an array of locals, kept in trace values while compiled code runs.</summary>
[Virtualizable("acc", "locals[*]")]
public sealed class VFrame(int size)
{
    public long acc;
    public readonly long[] locals = new long[size];
    public long untracked; // not virtualizable: an ordinary field
}

/// <summary>
/// test_virtualizable.py style: the loop works on the frame's fields and locals; every
/// <c>k</c>-th iteration a residual call reads the frame, and <c>Bump</c> writes it.
/// </summary>
public static class Vable
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["frame", "k"], virtualizables: ["frame"]);

    public static long Run(long n, long k, long size)
    {
        var frame = new VFrame((int)size);
        frame.locals[0] = n;
        while (frame.locals[0] > 0)
        {
            Driver.JitMergePoint(frame, k);
            frame.acc += frame.locals[0] * 2;
            frame.locals[1] += 1;
            if (frame.locals[0] % k == 0)
            {
                frame.locals[2] = Observe(frame);
                Bump(frame);
            }
            frame.locals[0]--;
            Driver.CanEnterJit(frame, k);
        }
        return frame.acc * 1000003 + frame.locals[1] * 1009 + frame.locals[2] * 31 + frame.locals[3] + frame.untracked;
    }

    /// <summary>Reads the frame: must see the values of the current iteration.</summary>
    [DontLookInside]
    public static long Observe(VFrame f) => f.acc + f.locals[0] * 7 + f.locals[1];

    /// <summary>Writes the frame: compiled code must see the new values.</summary>
    [DontLookInside]
    public static void Bump(VFrame f)
    {
        f.locals[3] += (f.acc & 7) + 1;
        f.acc += 3;
        f.untracked++;
    }
}

/// <summary>A residual call that gets the frame raises now and then; the handler changes the frame.</summary>
public static class VableRaise
{
    private static readonly JitDriver Driver = new(greens: [], reds: ["frame", "k"], virtualizables: ["frame"]);

    public static long Run(long n, long k)
    {
        var frame = new VFrame(3);
        frame.locals[0] = n;
        while (frame.locals[0] > 0)
        {
            Driver.JitMergePoint(frame, k);
            try
            {
                frame.locals[1] += Check(frame, k);
            }
            catch (InvalidOperationException)
            {
                frame.acc += 100;
                frame.locals[2] += 1;
            }
            frame.acc += frame.locals[0];
            frame.locals[0]--;
            Driver.CanEnterJit(frame, k);
        }
        return frame.acc * 1009 + frame.locals[1] * 31 + frame.locals[2];
    }

    [DontLookInside]
    public static long Check(VFrame f, long k)
    {
        if (f.locals[0] % k == 0) throw new InvalidOperationException("multiple of k");
        return f.acc & 15;
    }
}
