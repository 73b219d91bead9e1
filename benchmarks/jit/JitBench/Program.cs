using System.Diagnostics;
using System.Reflection;
using System.Text;
using RSharp.Backend.Cil;
using RSharp.Backend.Interp;
using RSharp.Flow;
using RSharp.Hints;
using RSharp.Jit.Backend;
using RSharp.Jit.JitCodes;
using RSharp.Jit.MetaInterp;

namespace RSharp.Jit.Benchmarks;

/// <summary>
/// <c>JitBench (bf|tiny) (native|blackhole|jit|jit-interp) FILE [--iterations N] [--threshold N] [--jit PARAMS]</c>:
/// runs a sample program natively (the untranslated interpreter), in the blackhole interpreter
/// only (its jitcodes, JIT off), or under the meta-interpreter. Brainfuck programs are run N
/// times in one process (one meta-interpreter, so compiled code is reused) and print
/// <c>iteration k: seconds</c>; Tiny programs time themselves (see loop.tiny). Program
/// output goes to stdout only with <c>--print</c>; JIT statistics go to stderr.
/// </summary>
internal static class Program
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    private static int Main(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: JitBench (bf|tiny) (native|blackhole|jit|jit-interp) FILE [--iterations N] [--threshold N] [--jit PARAMS] [--print] [--log FILE]");
            return 2;
        }
        string lang = args[0], mode = args[1], source = File.ReadAllText(args[2]);
        int iterations = Option(args, "--iterations", 5), threshold = Option(args, "--threshold", 1039);
        bool print = args.Contains("--print");
        int log = Array.IndexOf(args, "--log");
        if (log >= 0 && log + 1 < args.Length) s_log = args[log + 1];
        var p = new JitParameters { Threshold = threshold, Enabled = mode != "blackhole" };
        int jit = Array.IndexOf(args, "--jit");
        if (jit >= 0 && jit + 1 < args.Length) p.Apply(args[jit + 1]);
        if (lang == "bf") Brainfuck(mode, source, iterations, p, print);
        else Tiny(mode, source, p);
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    private static IJitBackend Backend(string mode) => mode == "jit-interp" ? new InterpBackend() : new CilBackend();

    private static JitCode Portal(Assembly asm, string name)
    {
        var watch = Stopwatch.StartNew();
        var code = CodeWriter.CodeWriter.Build(FlowAssembly.Load(asm.Location), name).Get(name);
        Console.Error.WriteLine($"codewriter: {watch.Elapsed.TotalMilliseconds:F0} ms");
        return code;
    }

    private static string? s_log;

    private static void Log(MetaInterpreter? mi)
    {
        if (mi is null || s_log is null) return;
        File.WriteAllText(s_log, "");
        mi.Logger = text => File.AppendAllText(s_log, text + "\n");
    }

    /// <param name="mi">The meta-interpreter, or null for the native interpreter.</param>
    /// <param name="running">Time spent running the program (without building jitcodes).</param>
    private static void Report(MetaInterpreter? mi, TimeSpan running)
    {
        var cpu = Process.GetCurrentProcess();
        Console.Error.WriteLine($"cpu: user={cpu.UserProcessorTime.TotalSeconds:F2}s total={cpu.TotalProcessorTime.TotalSeconds:F2}s");
        if (mi is null) return;
        Console.Error.WriteLine("jit: " + mi.Stats);
        // Tracing speed: recorded operations per second of tracing (the concrete execution included).
        double tracing = mi.Stats.TracingTime.TotalSeconds;
        if (tracing > 0) Console.Error.WriteLine($"tracing: {mi.Stats.RecordedOperations} ops in {tracing * 1000:F0} ms = {mi.Stats.RecordedOperations / tracing:F0} ops/s");
        // Blackhole speed: jitcode instructions per second (in blackhole mode the whole run is the blackhole).
        double seconds = running.TotalSeconds;
        Console.Error.WriteLine($"blackhole: {mi.Blackhole.InstructionCount} jitcode instructions" +
            (mi.Parameters.Enabled ? "" : $" in {seconds:F2} s = {mi.Blackhole.InstructionCount / seconds:F0} per second"));
        if (mi.Backend is CilBackend cil) Console.Error.WriteLine($"cil: emit={cil.CompileTime.TotalMilliseconds:F0}ms transfers={cil.Transfers}");
    }

    private static void Brainfuck(string mode, string text, int iterations, JitParameters p, bool print)
    {
        var asm = Assembly.Load("Brainfuck");
        var interp = asm.GetType("RSharp.Samples.Brainfuck.Interpreter")!;
        var tapeType = asm.GetType("RSharp.Samples.Brainfuck.Tape")!;
        var parseArgs = new object?[] { text, null };
        var program = (string)interp.GetMethod("Parse", Any)!.Invoke(null, parseArgs)!;
        var run = interp.GetMethod("Run", Any)!;
        MetaInterpreter? mi = mode == "native" ? null
            : new MetaInterpreter(Portal(asm, "RSharp.Samples.Brainfuck.Interpreter::MainLoop"), 3, Backend(mode), p);
        Log(mi);
        string? first = null;
        var running = TimeSpan.Zero;
        for (int k = 1; k <= iterations; k++)
        {
            var output = new MemoryStream();
            var input = new MemoryStream();
            var watch = Stopwatch.StartNew();
            if (mi is null) run.Invoke(null, [text, input, output]);
            else
            {
                var tape = Activator.CreateInstance(tapeType, Any, null, [input, output], null)!;
                mi.Run(program, parseArgs[1], tape);
                tapeType.GetMethod("Flush", Any)!.Invoke(tape, null);
            }
            running += watch.Elapsed;
            Console.WriteLine($"iteration {k}: {watch.Elapsed.TotalSeconds:F6}");
            string result = Encoding.Latin1.GetString(output.ToArray());
            if (first is null && print) Console.Write(result);
            if (first is not null && result != first) throw new InvalidOperationException("iterations printed different output");
            first = result;
        }
        Report(mi, running);
    }

    private static void Tiny(string mode, string source, JitParameters p)
    {
        var asm = Assembly.Load("Tiny");
        var compiler = asm.GetType("RSharp.Samples.Tiny.Compiler")!;
        var interp = asm.GetType("RSharp.Samples.Tiny.Interpreter")!;
        var frameType = asm.GetType("RSharp.Samples.Tiny.Frame")!;
        var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        var module = compiler.GetMethod("Compile", Any)!.Invoke(null, [source, stdout])!;
        var main = module.GetType().GetField("Main", Any)!.GetValue(module)!;
        MetaInterpreter? mi = mode == "native" ? null
            : new MetaInterpreter(Portal(asm, "RSharp.Samples.Tiny.Interpreter::Execute"), 2, Backend(mode), p)
            {
                VirtualizableRed = MetaInterpreter.VirtualizableRedOf((JitDriver)interp.GetField("Driver", Any)!.GetValue(null)!),
            };
        if (mi is not null) mi.Blackhole.MaxDepth = 100_000;
        Log(mi);
        // Guest calls nest portal invocations: a large stack, as the Tiny launcher uses.
        var thread = new Thread(() =>
        {
            if (mi is null) interp.GetMethod("Run", Any)!.Invoke(null, [module]);
            else mi.Run(main, Activator.CreateInstance(frameType, Any, null, [main, 0], null));
        }, 512 * 1024 * 1024);
        var watch = Stopwatch.StartNew();
        thread.Start();
        thread.Join();
        stdout.Flush();
        Report(mi, watch.Elapsed);
    }
}
