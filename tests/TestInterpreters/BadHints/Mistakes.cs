using RSharp.Hints;

namespace BadHints;

public static class WrongCount
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "wrongcount");

    public static int Run(int[] frame)
    {
        int pc = 0;
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(pc); // expect RS1001
            pc++;
        }
        return pc;
    }
}

public static class WrongName
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "wrongname");

    public static int Run(int[] frame)
    {
        int position = 0;
        while (position < frame.Length)
        {
            Driver.JitMergePoint(position, frame); // expect RS1002
            position++;
        }
        return position;
    }
}

public static class SwappedGreenAndRed
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "swapped");

    public static int Run(int[] frame, int pc)
    {
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(frame, pc); // expect RS1002 RS1002
            pc++;
        }
        return pc;
    }
}

public static class ExpressionArgument
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "expression");

    public static int Run(int[] frame)
    {
        int pc = 0;
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(pc + 1, frame); // expect RS1003
            pc++;
        }
        return pc;
    }
}

public static class DriverInLocal
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "inlocal");

    public static int Run(int[] frame)
    {
        int pc = 0;
        var driver = Driver;
        while (pc < frame.Length)
        {
            driver.JitMergePoint(pc, frame); // expect RS1004
            Driver.JitMergePoint(pc, frame);
            pc++;
        }
        return pc;
    }
}

public static class NeverMerges
{
    // expect RS1005 (reported at the field: BadHints.NeverMerges.Driver)
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "nevermerges");

    public static string Name => Driver.Name;
}

public static class TwoPortals
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "twoportals");

    public static int Run(int[] frame)
    {
        int pc = 0;
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(pc, frame);
            pc++;
        }
        return pc;
    }

    public static int Helper(int[] frame, int pc)
    {
        Driver.CanEnterJit(pc, frame); // expect RS1006
        return pc;
    }
}

public static class ElidableWrites
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "elidable");

    public static int Run(int[] frame)
    {
        int pc = 0;
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(pc, frame);
            pc += Step(frame, pc);
        }
        return pc;
    }

    [Elidable]
    private static int Step(int[] frame, int pc)
    {
        var fresh = new Counter();
        fresh.Count = pc;      // allowed: the method allocated it
        Shared.Count = pc;     // expect RS1007
        return 1 + fresh.Count - pc;
    }

    private static readonly Counter Shared = new();

    private sealed class Counter { public int Count; }
}

[Immutable]
public sealed class Point
{
    public int X;

    public Point(int x) => X = x;

    public void Move() => X++; // expect RS1008
}

public static class MovesPoints
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["point"], name: "movespoints");

    public static int Run(Point point)
    {
        int pc = 0;
        while (pc < 10)
        {
            Driver.JitMergePoint(pc, point);
            point.Move();
            pc++;
        }
        return point.X;
    }
}

public struct Location
{
    public int Line;
}

public static class PromotesAStruct
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "promotesastruct");

    public static int Run(Location[] frame)
    {
        int pc = 0;
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(pc, frame);
            object where = Jit.Promote<object>(frame[pc]); // expect RS1009
            pc += where is Location ? 1 : 2;
        }
        return pc;
    }
}

// expect RS1010 and RS1011 (reported at the class: BadHints.Frame)
[Virtualizable("pc", "registers", "locals[*]", "depth[*]")]
public sealed class Frame
{
    public int pc;
    public int depth;
    public int[] locals = new int[4];
}

public static class ReplacesLocals
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], virtualizables: ["frame"], name: "replaceslocals");

    public static int Run(Frame frame)
    {
        int pc = 0;
        while (pc < 10)
        {
            Driver.JitMergePoint(pc, frame);
            frame.pc = pc;                     // allowed: a plain virtualizable field
            frame.locals[0] = pc;              // allowed: an item of the virtualizable array
            if (pc == 5) frame.locals = new int[8]; // expect RS1012
            pc++;
        }
        return frame.locals[0];
    }
}

public static class CallsALoop
{
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], name: "callsaloop");

    public static int Run(int[] frame)
    {
        int pc = 0;
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(pc, frame);
            pc += Sum(frame) > 0 ? 1 : 2; // expect RS2001
            pc += Bounded(frame);
        }
        return pc;
    }

    private static int Sum(int[] frame)
    {
        int s = 0;
        foreach (var x in frame) s += x;
        return s;
    }

    [UnrollSafe]
    private static int Bounded(int[] frame)
    {
        int s = 0;
        for (int i = 0; i < 2 && i < frame.Length; i++) s += frame[i] & 1;
        return s;
    }
}

public static class VirtualizableArray
{
    // expect RS1013 (reported at the field: BadHints.VirtualizableArray.Driver)
    private static readonly JitDriver Driver = new(greens: ["pc"], reds: ["frame"], virtualizables: ["frame"], name: "virtualizablearray");

    public static int Run(int[] frame)
    {
        int pc = 0;
        while (pc < frame.Length)
        {
            Driver.JitMergePoint(pc, frame);
            pc++;
        }
        return pc;
    }
}
