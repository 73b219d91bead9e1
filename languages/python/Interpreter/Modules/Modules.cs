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
        rt.NativeModules["_pysharp_traceback"] = MakeTracebackHelpers;
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
        var versionInfo = StructSeq.Make(StructSeq.MakeType("sys", "version_info", ["major", "minor", "micro", "releaselevel", "serial"]),
            PyInt.Get(3), PyInt.Get(11), PyInt.Get(7), new PyStr("final"), PyInt.Zero);
        d.SetStr("version_info", versionInfo);
        d.SetStr("hexversion", PyInt.Get(0x030B07F0));
        d.SetStr("implementation", MakeNamespace(("name", new PyStr("pysharp")), ("cache_tag", PyNone.Instance), ("version", versionInfo), ("hexversion", PyInt.Get(0x030B07F0))));
        d.SetStr("executable", new PyStr(rt.Executable));
        d.SetStr("prefix", new PyStr(""));
        d.SetStr("builtin_module_names", PyTuple.Of(new PyObject[] { new PyStr("builtins"), new PyStr("sys"), new PyStr("time"), new PyStr("math"), new PyStr("gc") }));
        d.SetStr("dont_write_bytecode", PyBool.True);
        d.SetStr("float_info", StructSeq.Make(StructSeq.MakeType("sys", "float_info", ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"]),
            new PyFloat(double.MaxValue), PyInt.Get(1024), PyInt.Get(308), new PyFloat(2.2250738585072014e-308), PyInt.Get(-1021), PyInt.Get(-307),
            PyInt.Get(15), PyInt.Get(53), new PyFloat(2.220446049250313e-16), PyInt.Get(2), PyInt.Get(1)));
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
        var flagNames = new[] { "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment",
            "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits" };
        var flagValues = new PyObject[flagNames.Length];
        for (int i = 0; i < flagValues.Length; i++) flagValues[i] = PyInt.Zero;
        flagValues[3] = PyInt.Get(PySharp.Compiler.CodeGen.OptimizeLevel);
        flagValues[4] = PyInt.Get(1);
        flagValues[11] = PyInt.Get(1);
        flagValues[13] = PyBool.False;
        flagValues[16] = PyBool.False;
        flagValues[17] = PyInt.Get(-1);
        d.SetStr("flags", StructSeq.Make(StructSeq.MakeType("sys", "flags", flagNames), flagValues));
        d.SetStr("hash_info", StructSeq.Make(StructSeq.MakeType("sys", "hash_info", ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"]),
            PyInt.Get(64), PyInt.Get(2305843009213693951), PyInt.Get(314159), PyInt.Zero, PyInt.Get(1000003), new PyStr("siphash13"), PyInt.Get(64), PyInt.Get(128), PyInt.Zero));
        d.SetStr("int_info", StructSeq.Make(StructSeq.MakeType("sys", "int_info", ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]),
            PyInt.Get(30), PyInt.Get(4), PyInt.Get(4300), PyInt.Get(640)));
        // Tracing and profiling hooks are stored but never called (no line events in this interpreter).
        PyObject traceHook = PyNone.Instance, profileHook = PyNone.Instance;
        d.Def(Reg.Fn("settrace", f => { traceHook = f; return PyNone.Instance; }));
        d.Def(Reg.Fn("gettrace", () => traceHook));
        d.Def(Reg.Fn("setprofile", f => { profileHook = f; return PyNone.Instance; }));
        d.Def(Reg.Fn("getprofile", () => profileHook));
        d.Def(Reg.Fn("getswitchinterval", () => new PyFloat(0.005)));
        d.Def(Reg.Fn("setswitchinterval", f => PyNone.Instance));
        d.Def(Reg.Fn("is_finalizing", () => PyBool.False));
        d.SetStr("float_repr_style", new PyStr("short"));
        d.SetStr("api_version", PyInt.Get(1013));
        d.SetStr("abiflags", PyStr.Empty);
        d.SetStr("base_prefix", new PyStr(""));
        d.SetStr("exec_prefix", new PyStr(""));
        d.SetStr("base_exec_prefix", new PyStr(""));
        d.SetStr("thread_info", StructSeq.Make(StructSeq.MakeType("sys", "thread_info", ["name", "lock", "version"]), new PyStr("pthread"), new PyStr("semaphore"), PyNone.Instance));
        d.SetStr("warnoptions", new PyList());
        d.SetStr("meta_path", new PyList());
        d.SetStr("path_hooks", new PyList());
        d.SetStr("path_importer_cache", new PyDict());
        return m;
    }

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
        // Only the flag: .NET's collector cannot be switched off, and nothing depends on it running.
        d.Def(Reg.Fn("enable", () => { rt.GcEnabled = true; return PyNone.Instance; }));
        d.Def(Reg.Fn("disable", () => { rt.GcEnabled = false; return PyNone.Instance; }));
        d.Def(Reg.Fn("isenabled", () => PyBool.Of(rt.GcEnabled)));
        d.Def(Reg.Fn("freeze", () => PyNone.Instance));
        d.Def(Reg.Fn("unfreeze", () => PyNone.Instance));
        d.Def(Reg.Fn("get_freeze_count", () => PyInt.Zero));
        d.Def(Reg.Fn("get_debug", () => PyInt.Zero));
        d.Def(Reg.Fn("set_debug", f => PyNone.Instance));
        d.Def(Reg.FnN("get_referrers", (a, k) => new PyList()));
        d.Def(Reg.FnN("get_referents", (a, k) => new PyList()));
        d.Def(Reg.Fn("is_finalized", o => PyBool.False));
        d.Def(Reg.FnN("get_stats", (a, k) =>
        {
            var l = new PyList();
            for (int i = 0; i < 3; i++)
            {
                var st = new PyDict();
                st.SetStr("collections", PyInt.Zero); st.SetStr("collected", PyInt.Zero); st.SetStr("uncollectable", PyInt.Zero);
                l.Append(st);
            }
            return l;
        }));
        d.SetStr("callbacks", new PyList());
        d.SetStr("DEBUG_STATS", PyInt.Get(1)); d.SetStr("DEBUG_COLLECTABLE", PyInt.Get(2)); d.SetStr("DEBUG_UNCOLLECTABLE", PyInt.Get(4));
        d.SetStr("DEBUG_SAVEALL", PyInt.Get(32)); d.SetStr("DEBUG_LEAK", PyInt.Get(38));
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
        d.SetStr("BytesIO", BytesIO.Type_);
        d.SetStr("BufferedReader", PyFile.BinaryType);
        d.SetStr("BufferedWriter", PyFile.BinaryWriterType);
        d.SetStr("BufferedRandom", PyFile.BinaryRandomType);
        d.SetStr("UnsupportedOperation", PyFile.UnsupportedOperation);
        d.SetStr("SEEK_SET", PyInt.Zero);
        d.SetStr("SEEK_CUR", PyInt.Get(1));
        d.SetStr("SEEK_END", PyInt.Get(2));
        d.SetStr("DEFAULT_BUFFER_SIZE", PyInt.Get(8192));
    });
}
