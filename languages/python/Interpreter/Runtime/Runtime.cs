namespace PySharp.Interpreter;

/// <summary>
/// The state of one interpreter instance: modules, builtins, sys, I/O, and the thread state
/// (handled exception, recursion depth, current frame). One per thread via <see cref="Current"/>.
/// </summary>
public sealed class Runtime
{
    [ThreadStatic] private static Runtime? t_current;
    public static Runtime Current => t_current ?? throw new InvalidOperationException("no PySharp runtime on this thread");
    public static Runtime? CurrentOrNull => t_current;

    public TextWriter Stdout, Stderr;
    public TextReader Stdin;
    public readonly PyDict Builtins = new();
    public PyModule BuiltinsModule = null!;
    public readonly PyDict Modules = new();
    public PyModule Sys = null!;
    public PyBaseException? HandledException;
    public int RecursionLimit = 1000;
    /// <summary>gc.isenabled(): a flag only (the .NET collector always runs).</summary>
    public bool GcEnabled = true;
    /// <summary>Files open()ed for writing, flushed at exit and before each open().</summary>
    internal readonly List<WeakReference<PyFile>> OpenWriters = new();
    public int Depth;
    public Frame? CurrentFrame;
    public readonly PyList Path = new();
    public string[] Argv = [""];
    public string? StdlibDir;
    public readonly Dictionary<string, Func<Runtime, PyModule>> NativeModules = new();
    internal readonly HashSet<object> ReprGuard = new(ReferenceEqualityComparer.Instance);
    public long Counter;

    /// <summary>Set by the launcher's Ctrl-C handler; the dispatch loop raises KeyboardInterrupt at the next backward jump or call.</summary>
    public static volatile bool InterruptRequested;

    internal static void CheckInterrupt()
    {
        if (!InterruptRequested) return;
        InterruptRequested = false;
        throw new PyException(Exc.Make(Exc.KeyboardInterrupt));
    }
    public string Executable = "";

    public Runtime(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        Stdout = stdout; Stderr = stderr; Stdin = stdin;
    }

    /// <summary>Makes this runtime the current one on this thread and initialises builtins and sys.</summary>
    public void Activate()
    {
        t_current = this;
        if (BuiltinsModule == null)
        {
            TypeInit.EnsureInitialized();
            Modules_.Register(this);
            BuiltinsModule = Modules_.MakeBuiltins(this);
            Modules.SetStr("builtins", BuiltinsModule);
            Sys = Modules_.MakeSys(this);
            Modules.SetStr("sys", Sys);
        }
    }

    public static void Deactivate() => t_current = null;
}
