namespace PySharp.Interpreter;

/// <summary>Options for one run of a program.</summary>
public sealed class RunOptions
{
    public TextWriter Stdout { get; init; } = Console.Out;
    public TextWriter Stderr { get; init; } = Console.Error;
    public TextReader Stdin { get; init; } = Console.In;
    public string[] Argv { get; init; } = [""];
    /// <summary>Directories put first on sys.path (the script's directory).</summary>
    public string[] PathPrepend { get; init; } = [];
    public string Executable { get; init; } = "";
    /// <summary>Wall-clock limit; 0 for none.</summary>
    public TimeSpan Timeout { get; init; }
    /// <summary>The -O level: 1 drops assert statements, as CPython's -O does.</summary>
    public int Optimize { get; init; }
    /// <summary>Called inside the runtime before the program runs (e.g. the REPL).</summary>
    public Func<Runtime, int>? Body { get; init; }
}

/// <summary>
/// The embedding API: runs Python source in a fresh, isolated runtime on a thread with a
/// 1 GiB stack, and returns the process exit code CPython would give.
/// </summary>
public static class Engine
{
    private const int StackSize = 1 << 30;

    public static int RunSource(string source, string filename, RunOptions options) =>
        RunOnBigStack(options, rt => ExecMain(rt, source, filename));

    public static int RunOnBigStack(RunOptions options, Func<Runtime, int> body)
    {
        int exit = 0;
        Exception? crash = null;
        var thread = new Thread(() =>
        {
            PySharp.Compiler.CodeGen.OptimizeLevel = options.Optimize;
            var rt = new Runtime(options.Stdout, options.Stderr, options.Stdin) { Argv = options.Argv, Executable = options.Executable };
            try
            {
                rt.Activate();
                foreach (var p in options.PathPrepend) rt.Path.Append(new PyStr(p));
                var stdlib = StdlibDir();
                if (stdlib != null) rt.Path.Append(new PyStr(stdlib));
                exit = body(rt);
                PyFile.FlushWriters();
            }
            catch (Exception e) { crash = e; }
            finally
            {
                try { options.Stdout.Flush(); options.Stderr.Flush(); } catch (IOException) { }
                Runtime.Deactivate();
            }
        }, StackSize);
        thread.Start();
        if (options.Timeout > TimeSpan.Zero)
        {
            if (!thread.Join(options.Timeout))
            {
                options.Stderr.WriteLine("pysharp: timed out");
                return 124;
            }
        }
        else thread.Join();
        if (crash != null)
        {
            options.Stderr.WriteLine("pysharp: internal error: " + crash);
            return 70;
        }
        return exit;
    }

    /// <summary>The CPython Lib directory to fall back on (PYSHARP_STDLIB), if any.</summary>
    public static string? StdlibDir()
    {
        var env = Environment.GetEnvironmentVariable("PYSHARP_STDLIB");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        return null;
    }

    /// <summary>Runs source as __main__ and converts uncaught exceptions to an exit status.</summary>
    public static int ExecMain(Runtime rt, string source, string filename)
    {
        var main = new PyModule("__main__");
        main.Dict.SetStr("__builtins__", rt.BuiltinsModule);
        main.Dict.SetStr("__file__", new PyStr(filename));
        main.Dict.SetStr("__package__", PyNone.Instance);
        main.Dict.SetStr("__spec__", PyNone.Instance);
        main.Dict.SetStr("__loader__", PyNone.Instance);
        if (filename.StartsWith('<')) main.Dict.DelStr("__file__");
        rt.Modules.SetStr("__main__", main);
        return Protect(rt, () =>
        {
            var code = Builtins.CompileSource(source, filename, "exec");
            Interpreter.RunCode(code, main.Dict, main.Dict);
        });
    }

    /// <summary>Runs an action; maps SystemExit and uncaught exceptions to exit codes as CPython does.</summary>
    public static int Protect(Runtime rt, Action action)
    {
        try
        {
            action();
            FlushStd(rt);
            return 0;
        }
        catch (PyException e)
        {
            return HandleUncaught(rt, e.Value);
        }
        catch (InsufficientExecutionStackException)
        {
            FlushStd(rt);
            rt.Stderr.WriteLine("RecursionError: maximum recursion depth exceeded");
            return 1;
        }
    }

    public static int HandleUncaught(Runtime rt, PyBaseException e)
    {
        try { FlushStd(rt); } catch (PyException) { }
        if (e.Type.IsSubtypeOf(Exc.SystemExit))
        {
            var code = e.GetAttr("code") ?? PyNone.Instance;
            if (code == PyNone.Instance) return 0;
            if (Ops.IntValue(code) is PyInt ci) return (int)(ci.Value & 0xFF);
            if (Ops.IntValue(code) is PyBigInt) return 255;
            var err = rt.Sys.Dict.GetStr("stderr");
            var text = Ops.SafeStr(code) + "\n";
            if (err is PyFile f && f.Writer != null) { f.Writer.Write(f.Encodable(text)); f.Writer.Flush(); }
            else rt.Stderr.Write(text);
            return 1;
        }
        try
        {
            var hook = rt.Sys.Dict.GetStr("excepthook");
            if (hook is PyBuiltin) Errors.PrintException(rt, e);
            else if (hook != null) Ops.Call(hook, e.Type, e, (PyObject?)e.Traceback ?? PyNone.Instance);
        }
        catch (PyException) { rt.Stderr.WriteLine(Errors.FormatException(e)); }
        rt.Stderr.Flush();
        return e.Type.IsSubtypeOf(Exc.KeyboardInterrupt) ? 130 : 1;
    }

    public static void FlushStd(Runtime rt)
    {
        foreach (var n in new[] { "stdout", "stderr" })
        {
            var f = rt.Sys.Dict.GetStr(n);
            if (f is PyFile pf) pf.Writer?.Flush();
            else if (f != null && f != PyNone.Instance && Ops.GetAttrOrNull(f, "flush") is { } fl) Ops.Call(fl);
        }
        rt.Stdout.Flush();
    }
}
