using RSharp.Hints;

namespace RSharp.Samples.Brainfuck;

/// <summary>
/// The dispatch loop, in the shape of the RPython tutorial: the program counter, the
/// program and the bracket map are green (they determine the guest location), the tape is red.
/// </summary>
internal static class Interpreter
{
    private static readonly JitDriver Driver = new(
        greens: ["pc", "program", "bracketMap"], reds: ["tape"], name: "brainfuck")
    {
        PrintableLocation = (Func<int, string, int[], string>)Describe,
    };

    /// <summary>Runs <paramref name="source"/> (any characters besides the eight commands are ignored).</summary>
    public static void Run(string source, Stream input, Stream output)
    {
        string program = Parse(source, out int[] bracketMap);
        var tape = new Tape(input, output);
        try
        {
            MainLoop(program, bracketMap, tape);
        }
        finally
        {
            tape.Flush();
        }
    }

    private static void MainLoop(string program, int[] bracketMap, Tape tape)
    {
        int pc = 0;
        while (pc < program.Length)
        {
            Driver.JitMergePoint(pc, program, bracketMap, tape);
            switch (program[pc])
            {
                case '>': tape.Advance(); break;
                case '<': tape.Devance(); break;
                case '+': tape.Increment(); break;
                case '-': tape.Decrement(); break;
                case '.': tape.Write(); break;
                case ',': tape.Read(); break;
                case '[':
                    if (tape.Get() == 0)
                        pc = GetMatchingBracket(bracketMap, pc);
                    break;
                case ']':
                    if (tape.Get() != 0)
                    {
                        pc = GetMatchingBracket(bracketMap, pc);
                        Driver.CanEnterJit(pc, program, bracketMap, tape);
                    }
                    break;
            }
            pc++;
        }
    }

    /// <summary>The bracket map never changes once built, so the lookup folds away in traces.</summary>
    [Elidable]
    private static int GetMatchingBracket(int[] bracketMap, int pc) => bracketMap[pc];

    /// <summary>Keeps only the eight commands and builds the map from each bracket to its partner.</summary>
    internal static string Parse(string source, out int[] bracketMap)
    {
        var program = new System.Text.StringBuilder(source.Length);
        var open = new Stack<int>();
        var pairs = new List<(int, int)>();
        int line = 1;
        foreach (char c in source)
        {
            if (c == '\n') line++;
            if ("><+-.,[]".IndexOf(c) < 0) continue;
            int pc = program.Length;
            program.Append(c);
            if (c == '[') open.Push(pc);
            else if (c == ']')
            {
                if (open.Count == 0) throw new BrainfuckError($"line {line}: ']' without a matching '['");
                pairs.Add((open.Pop(), pc));
            }
        }
        if (open.Count > 0) throw new BrainfuckError($"{open.Count} unclosed '['");
        bracketMap = new int[program.Length];
        foreach (var (l, r) in pairs)
        {
            bracketMap[l] = r;
            bracketMap[r] = l;
        }
        return program.ToString();
    }

    private static string Describe(int pc, string program, int[] bracketMap) =>
        program[..pc] + "_" + program[pc] + "_" + program[(pc + 1)..];
}
