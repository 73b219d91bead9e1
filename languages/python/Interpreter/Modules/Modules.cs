using System.Diagnostics;
using PySharp.Compiler;

namespace PySharp.Interpreter;

/// <summary>Builtin modules written in C#: sys, time, math, gc (more in sibling files).</summary>
public static partial class Modules_
{
    private static readonly Stopwatch s_clock = Stopwatch.StartNew();

    internal static void Register(Runtime rt)
    {
        rt.NativeModules["time"] = MakeTime;
        rt.NativeModules["math"] = MakeMath;
        rt.NativeModules["gc"] = MakeGc;
        rt.NativeModules["_io"] = MakeIo;
        rt.NativeModules["io"] = MakeIo;
        RegisterMore(rt);
    }

    internal static PyModule MakeBuiltins(Runtime rt) => Builtins.Make(rt);

    internal static PyModule Module(string name, Action<PyDict> fill)
    {
        var m = new PyModule(name);
        fill(m.Dict);
        return m;
    }

    internal static void Def(this PyDict d, PyBuiltin b) => d.SetStr(b.Name, b);

    internal static PyModule MakeSys(Runtime rt)
    {
        var m = new PyModule("sys");
        var d = m.Dict;
        var stdout = new PyFile("<stdout>", "w") { Writer = rt.Stdout };
        var stderr = new PyFile("<stderr>", "w") { Writer = rt.Stderr, LineBuffered = true };
        var stdin = new PyFile("<stdin>", "r") { Reader = rt.Stdin };
        d.SetStr("stdout", stdout); d.SetStr("__stdout__", stdout);
        d.SetStr("stderr", stderr); d.SetStr("__stderr__", stderr);
        d.SetStr("stdin", stdin); d.SetStr("__stdin__", stdin);
        d.SetStr("modules", rt.Modules);
        d.SetStr("path", rt.Path);
        var argv = new PyList();
        foreach (var a in rt.Argv) argv.Append(new PyStr(a));
        d.SetStr("argv", argv);
        d.SetStr("orig_argv", argv);
        d.SetStr("platform", new PyStr(OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux"));
        d.SetStr("byteorder", new PyStr("little"));
        d.SetStr("maxsize", PyInt.Get(long.MaxValue));
        d.SetStr("maxunicode", PyInt.Get(0x10FFFF));
        d.SetStr("version", new PyStr("3.11.7 (PySharp) [.NET]"));
        d.SetStr("version_info", PyTuple.Of(PyInt.Get(3), PyInt.Get(11), PyInt.Get(7), new PyStr("final"), PyInt.Zero));
        d.SetStr("hexversion", PyInt.Get(0x030B07F0));
        d.SetStr("implementation", new PyStr("pysharp"));
        d.SetStr("executable", new PyStr(rt.Executable));
        d.SetStr("prefix", new PyStr(""));
        d.SetStr("builtin_module_names", PyTuple.Of(new PyObject[] { new PyStr("builtins"), new PyStr("sys"), new PyStr("time"), new PyStr("math"), new PyStr("gc") }));
        d.SetStr("dont_write_bytecode", PyBool.True);
        d.SetStr("float_info", PyTuple.Of(new PyFloat(double.MaxValue), PyInt.Get(1024), PyInt.Get(308), new PyFloat(2.2250738585072014e-308), PyInt.Get(-1021), PyInt.Get(-307), PyInt.Get(15), PyInt.Get(53), new PyFloat(2.220446049250313e-16), PyInt.Get(2), PyInt.Get(1)));
        d.Def(Reg.FnN("exit", (a, k) => throw Builtins.SystemExit(a.Length > 0 ? a[0] : PyNone.Instance)));
        AsyncTypes.AddSysHooks(d);
        d.Def(Reg.Fn("getrecursionlimit", () => PyInt.Get(Runtime.Current.RecursionLimit)));
        d.Def(Reg.Fn("setrecursionlimit", n =>
        {
            long v = Ops.Index(n);
            if (v < 1) throw Ops.ValueError("recursion limit must be greater or equal than 1");
            Runtime.Current.RecursionLimit = (int)Math.Min(v, int.MaxValue);
            return PyNone.Instance;
        }));
        d.Def(Reg.Fn("exc_info", () =>
        {
            var e = Runtime.Current.HandledException;
            if (e == null) return PyTuple.Of(PyNone.Instance, PyNone.Instance, PyNone.Instance);
            return PyTuple.Of(e.Type, e, (PyObject?)e.Traceback ?? PyNone.Instance);
        }));
        d.Def(Reg.Fn("exception", () => (PyObject?)Runtime.Current.HandledException ?? PyNone.Instance));
        d.Def(Reg.FnN("_getframe", (a, k) =>
        {
            var f = Runtime.Current.CurrentFrame;
            long depth = a.Length > 0 ? Ops.Index(a[0]) : 0;
            for (long i = 0; i < depth && f != null; i++) f = f.Back;
            if (f == null) throw Ops.ValueError("call stack is not deep enough");
            f.MarkEscaped();
            return f;
        }));
        d.Def(Reg.Fn("getsizeof", o => PyInt.Get(o switch { PyInt => 28, PyStr s => 49 + s.Value.Length, PyList l => 56 + 8 * l.Count, PyTuple t => 40 + 8 * t.Items.Length, _ => 48 })));
        d.Def(Reg.Fn("getdefaultencoding", () => new PyStr("utf-8")));
        d.Def(Reg.Fn("getfilesystemencoding", () => new PyStr("utf-8")));
        d.Def(Reg.Fn("intern", s => s));
        d.Def(Reg.Fn("get_int_max_str_digits", () => PyInt.Get(PySharp.Formatting.IntLimits.MaxStrDigits)));
        d.Def(Reg.Fn("set_int_max_str_digits", n => { PySharp.Formatting.IntLimits.MaxStrDigits = (int)Ops.Index(n); return PyNone.Instance; }));
        d.Def(Reg.Fn("getrefcount", o => PyInt.Get(2)));
        d.Def(Reg.Fn("displayhook", o => Ops.Call(Runtime.Current.Builtins.GetStr("__displayhook__")!, o)));
        d.Def(Reg.FnN("excepthook", (a, k) => { Errors.PrintException(Runtime.Current, (PyBaseException)a[1]); return PyNone.Instance; }));
        d.SetStr("flags", PyTuple.Of(PyInt.Zero));
        d.SetStr("warnoptions", new PyList());
        d.SetStr("meta_path", new PyList());
        d.SetStr("path_hooks", new PyList());
        d.SetStr("path_importer_cache", new PyDict());
        return m;
    }

    private static PyModule MakeTime(Runtime rt) => Module("time", d =>
    {
        d.Def(Reg.Fn("time", () => new PyFloat((DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 1e7)));
        d.Def(Reg.Fn("time_ns", () => PyInt.Get((DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100)));
        d.Def(Reg.Fn("perf_counter", () => new PyFloat(s_clock.Elapsed.TotalSeconds)));
        d.Def(Reg.Fn("perf_counter_ns", () => PyInt.Get((long)(s_clock.Elapsed.TotalSeconds * 1e9))));
        d.Def(Reg.Fn("monotonic", () => new PyFloat(s_clock.Elapsed.TotalSeconds)));
        d.Def(Reg.Fn("monotonic_ns", () => PyInt.Get((long)(s_clock.Elapsed.TotalSeconds * 1e9))));
        d.Def(Reg.Fn("process_time", () => new PyFloat(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds)));
        d.Def(Reg.Fn("sleep", s => { Thread.Sleep(TimeSpan.FromSeconds(TypeInit.ToDouble(s))); return PyNone.Instance; }));
        d.Def(Reg.FnN("strftime", (a, k) =>
        {
            var fmt = Ops.StrString(a[0]);
            var now = DateTime.Now;
            var r = fmt.Replace("%Y", now.ToString("yyyy")).Replace("%m", now.ToString("MM")).Replace("%d", now.ToString("dd"))
                .Replace("%H", now.ToString("HH")).Replace("%M", now.ToString("mm")).Replace("%S", now.ToString("ss"));
            return new PyStr(r);
        }));
    });

    private static PyModule MakeGc(Runtime rt) => Module("gc", d =>
    {
        d.Def(Reg.FnN("collect", (a, k) =>
        {
            int n = 0;
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                n += PyFinalizable.RunPending(Runtime.Current);
            }
            return PyInt.Get(n * 2);
        }));
        d.Def(Reg.Fn("enable", () => PyNone.Instance));
        d.Def(Reg.Fn("disable", () => PyNone.Instance));
        d.Def(Reg.Fn("isenabled", () => PyBool.True));
        d.Def(Reg.Fn("get_count", () => PyTuple.Of(PyInt.Zero, PyInt.Zero, PyInt.Zero)));
        d.Def(Reg.FnN("get_objects", (a, k) => new PyList()));
        d.Def(Reg.Fn("is_tracked", o => PyBool.Of(o is PyInstance or PyList or PyDict)));
        d.Def(Reg.FnN("set_threshold", (a, k) => PyNone.Instance));
        d.Def(Reg.Fn("get_threshold", () => PyTuple.Of(PyInt.Get(700), PyInt.Get(10), PyInt.Get(10))));
        d.SetStr("garbage", new PyList());
    });

    private static PyModule MakeIo(Runtime rt) => Module("io", d =>
    {
        d.SetStr("TextIOWrapper", PyFile.FileType);
        d.Def(Reg.FnN("open", PyFile.Open));
        d.SetStr("StringIO", StringIO.Type_);
    });
}
