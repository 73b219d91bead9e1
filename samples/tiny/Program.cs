using System.Runtime.ExceptionServices;

namespace RSharp.Samples.Tiny;

/// <summary>The command line: <c>tiny file.tiny</c>.</summary>
internal static class Program
{
    /// <summary>Stack for the interpreter thread: deep guest recursion nests the dispatch loop.</summary>
    private const int StackSize = 512 * 1024 * 1024;

    private static int Main(string[] args)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        return Run(args, stdout, Console.Error);
    }

    /// <summary>Runs the command line; returns the exit code (0 ok, 1 Tiny error, 2 usage).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 1)
        {
            stderr.WriteLine("usage: tiny <file.tiny>");
            return 2;
        }
        string path = args[0];
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"tiny: cannot open '{path}': {e.Message}");
            return 2;
        }
        return RunSource(source, path, stdout, stderr);
    }

    /// <summary>Compiles and runs <paramref name="source"/> on a thread with a large stack.</summary>
    public static int RunSource(string source, string fileName, TextWriter stdout, TextWriter stderr)
    {
        int exitCode = 0;
        ExceptionDispatchInfo? crash = null;
        var thread = new Thread(() =>
        {
            try
            {
                Interpreter.Run(Compiler.Compile(source, stdout));
            }
            catch (TinyError e)
            {
                stdout.Flush();
                stderr.WriteLine($"{fileName}:{e.Line}: error: {e.Message}");
                exitCode = 1;
            }
            catch (Exception e)
            {
                crash = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                stdout.Flush();
            }
        }, StackSize);
        thread.Start();
        thread.Join();
        crash?.Throw();
        return exitCode;
    }
}
