using System.CommandLine;
using RSharp.Translator;

namespace RSharp.Cli;

/// <summary>
/// The <c>rsharp</c> command line: a thin layer that parses options and calls the stages.
/// Exit codes: 0 success, 1 errors found in the interpreter, 2 bad input or usage.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("RSharp: translate an interpreter written in C# with JIT hints into one that carries a tracing JIT.")
        {
            TranslateCommand(),
            CheckCommand(),
            GraphCommand(),
            JitCodesCommand(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, like every other bad input: the errors, then where to read the usage.
            var command = parsed.CommandResult.Command;
            string help = command == root ? "rsharp --help" : $"rsharp {command.Name} --help";
            Console.Error.WriteLine($"rsharp: {string.Join(" ", parsed.Errors.Select(e => e.Message))} (see '{help}')");
            return 2;
        }
        return parsed.Invoke();
    }

    private static readonly Argument<string> InputArgument = new("input")
    {
        Description = "The interpreter: an assembly (.dll), a project directory (or .csproj), or a language name (e.g. brainfuck, python).",
    };

    private static Command TranslateCommand()
    {
        var output = new Option<string?>("--output", "-o") { Description = "Output directory (default: out/<name>/)." };
        var driver = new Option<string?>("--driver") { Description = "The JIT driver to translate when the interpreter declares several." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors." };
        var cmd = new Command("translate", "Translate an interpreter into a standalone app carrying its JIT.")
        {
            InputArgument, output, driver, quiet,
        };
        cmd.SetAction(r => Guarded(() => new Translation(Console.Out, Console.Error).Translate(
            new TranslateOptions(r.GetValue(InputArgument)!, r.GetValue(output), r.GetValue(driver), r.GetValue(quiet)))));
        return cmd;
    }

    private static Command CheckCommand()
    {
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat warnings as errors." };
        var cmd = new Command("check", "Check an interpreter against the hint and RC# rules; print diagnostics.")
        {
            InputArgument, warnAsError,
        };
        cmd.SetAction(r => Guarded(() => new Translation(Console.Out, Console.Error).Check(r.GetValue(InputArgument)!, r.GetValue(warnAsError))));
        return cmd;
    }

    private static Command GraphCommand()
    {
        var method = new Argument<string?>("method") { Description = "The method, as Namespace.Type::Method.", Arity = ArgumentArity.ZeroOrOne };
        var dot = new Option<string?>("--dot") { Description = "Also write the graph in Graphviz format to this file." };
        var stats = new Option<bool>("--stats") { Description = "Build every graph of the assembly and print totals." };
        var cmd = new Command("graph", "Print the flow graph of a method of an interpreter.")
        {
            InputArgument, method, dot, stats,
        };
        cmd.SetAction(r => Guarded(() => GraphCommands.Run(r.GetValue(InputArgument)!, r.GetValue(method), r.GetValue(dot), r.GetValue(stats))));
        return cmd;
    }

    private static Command JitCodesCommand()
    {
        var method = new Argument<string?>("method") { Description = "A method to start from, as Namespace.Type::Method (default: the portals).", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("jitcodes", "Print the jitcodes the codewriter makes from the interpreter's portal (or a method).")
        {
            InputArgument, method,
        };
        cmd.SetAction(r => Guarded(() => JitCodeCommands.Run(r.GetValue(InputArgument)!, r.GetValue(method))));
        return cmd;
    }

    /// <summary>Turns bad input into one line on stderr and exit code 2; never a stack trace unless RSHARP_DEBUG=1.</summary>
    private static int Guarded(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UserInputException e)
        {
            Console.Error.WriteLine($"rsharp: {e.Message}");
            return 2;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("RSHARP_DEBUG") != "1")
        {
            Console.Error.WriteLine($"rsharp: internal error: {e.GetType().Name}: {e.Message} (set RSHARP_DEBUG=1 for details)");
            return 3;
        }
    }
}
