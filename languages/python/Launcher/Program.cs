using System.Text;
using PySharp.Interpreter;

namespace PySharp.Launcher;

/// <summary>pysharp [option] ... [-c cmd | -m mod | file | -] [arg] ...</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Formatting and comparisons must not follow the host's locale (as in CPython's C locale).
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        bool interactive = false, unbuffered = false;
        int optimize = 0;
        string? command = null, module = null, file = null;
        int i = 0;
        for (; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "-c") { if (i + 1 >= args.Length) return Usage(stderr, "Argument expected for the -c option"); command = args[++i]; i++; break; }
            if (a == "-m") { if (i + 1 >= args.Length) return Usage(stderr, "Argument expected for the -m option"); module = args[++i]; i++; break; }
            if (a == "-i") { interactive = true; continue; }
            if (a == "-u") { unbuffered = true; continue; }
            if (a == "-X" || a == "-W") { i++; continue; }
            if (a.StartsWith("-X") || a.StartsWith("-W")) continue;
            if (a is "-O" or "-OO") { optimize += a.Length - 1; continue; }
            if (a is "-B" or "-E" or "-s" or "-S" or "-q" or "-I" or "-b" or "-d" or "-v") continue;
            if (a == "--version" || a == "-V") { stdout.WriteLine("Python 3.11.7"); stdout.Flush(); return 0; }
            if (a == "-h" || a == "--help") { stdout.WriteLine("usage: pysharp [option] ... [-c cmd | -m mod | file | -] [arg] ..."); stdout.Flush(); return 0; }
            if (a == "-") { file = "-"; i++; break; }
            if (a.StartsWith('-') && a.Length > 1) return Usage(stderr, $"Unknown option: {a}");
            file = a; i++; break;
        }
        var rest = args[i..];
        // Ctrl-C raises KeyboardInterrupt in the program instead of killing the process.
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; Runtime.InterruptRequested = true; };
        if (unbuffered) stdout.AutoFlush = true;
        var exe = Environment.ProcessPath ?? "pysharp";
        RunOptions Options(string[] argv, string[] path) => new()
        {
            Optimize = optimize, Stdout = stdout, Stderr = stderr, Stdin = stdin, Argv = argv, PathPrepend = path, Executable = exe,
        };
        if (command != null)
            return Run(Options(["-c", .. rest], [""]),
                rt => AfterMain(rt, Engine.ExecMain(rt, command, "<string>"), interactive));
        if (module != null)
            return Run(Options([module, .. rest], [Directory.GetCurrentDirectory()]),
                rt => AfterMain(rt, RunModule(rt, module), interactive));
        if (file != null && file != "-")
        {
            string source;
            try { source = File.ReadAllText(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{exe}: can't open file '{Path.GetFullPath(file)}': [Errno 2] No such file or directory");
                return 2;
            }
            var dir = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
            return Run(Options([file, .. rest], [dir]),
                rt => AfterMain(rt, Engine.ExecMain(rt, source, Path.GetFullPath(file)), interactive));
        }
        // -i forces the interactive loop even when stdin is not a terminal (as CPython's -i does).
        if (file == "-" || (Console.IsInputRedirected && !interactive))
        {
            var source = stdin.ReadToEnd();
            return Run(Options([file == "-" ? "-" : "", .. rest], [""]),
                rt => Engine.ExecMain(rt, source, "<stdin>"));
        }
        return Run(Options([""], [""]),
            rt => Repl.Run(rt, banner: true));
    }

    private static int AfterMain(Runtime rt, int code, bool interactive) => interactive ? Repl.Run(rt, banner: false) : code;

    private static int RunModule(Runtime rt, string module)
    {
        foreach (var dir in new[] { Directory.GetCurrentDirectory() })
        {
            var path = Path.Combine(dir, module.Replace('.', Path.DirectorySeparatorChar) + ".py");
            if (File.Exists(path)) return Engine.ExecMain(rt, File.ReadAllText(path), path);
            var main = Path.Combine(dir, module.Replace('.', Path.DirectorySeparatorChar), "__main__.py");
            if (File.Exists(main)) return Engine.ExecMain(rt, File.ReadAllText(main), main);
        }
        rt.Stderr.WriteLine($"{rt.Executable}: No module named {module}");
        return 1;
    }

    private static int Run(RunOptions o, Func<Runtime, int> body)
    {
        int code = Engine.RunOnBigStack(o, body);
        try { o.Stdout.Flush(); } catch (IOException) { }
        return code;
    }

    private static int Usage(TextWriter err, string msg)
    {
        err.WriteLine(msg);
        err.WriteLine("usage: pysharp [option] ... [-c cmd | -m mod | file | -] [arg] ...");
        err.WriteLine("Try `python -h' for more information.");
        return 2;
    }
}
