namespace RSharp.Samples.Brainfuck;

internal static class Program
{
    /// <summary>brainfuck FILE: runs the program with stdin and stdout as its input and output.</summary>
    private static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: brainfuck FILE");
            return 2;
        }
        string source;
        try
        {
            source = File.ReadAllText(args[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"brainfuck: cannot read '{args[0]}': {e.Message}");
            return 2;
        }
        try
        {
            using var stdin = Console.OpenStandardInput();
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            Interpreter.Run(source, stdin, stdout);
            return 0;
        }
        catch (BrainfuckError e)
        {
            Console.Error.WriteLine($"{args[0]}: error: {e.Message}");
            return 1;
        }
    }
}
