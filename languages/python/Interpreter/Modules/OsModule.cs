namespace PySharp.Interpreter;

/// <summary>os and os.path (the file-system subset).</summary>
public static partial class Modules_
{
    static partial void RegisterMoreImpl(Runtime rt)
    {
        rt.NativeModules["os"] = MakeOs;
        rt.NativeModules["posix"] = MakeOs;
    }

    private static string S(PyObject o) => o is PyStr s ? s.Value : Ops.StrString(Ops.Call(Ops.GetAttr(o, "__fspath__")));

    private static PyModule MakeOs(Runtime rt)
    {
        var os = Module("os", d =>
        {
            d.SetStr("sep", new PyStr("/"));
            d.SetStr("altsep", PyNone.Instance);
            d.SetStr("extsep", new PyStr("."));
            d.SetStr("pathsep", new PyStr(":"));
            d.SetStr("linesep", new PyStr("\n"));
            d.SetStr("curdir", new PyStr("."));
            d.SetStr("pardir", new PyStr(".."));
            d.SetStr("devnull", new PyStr("/dev/null"));
            d.SetStr("name", new PyStr("posix"));
            var env = new PyDict();
            foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
                env.SetStr((string)e.Key, new PyStr((string?)e.Value ?? ""));
            d.SetStr("environ", env);
            d.Def(Reg.FnN("getenv", (a, k) => env.Get(a[0]) ?? (a.Length > 1 ? a[1] : PyNone.Instance)));
            d.Def(Reg.Fn("getcwd", () => new PyStr(Directory.GetCurrentDirectory())));
            d.Def(Reg.Fn("getpid", () => PyInt.Get(Environment.ProcessId)));
            d.Def(Reg.Fn("cpu_count", () => PyInt.Get(Environment.ProcessorCount)));
            d.Def(Reg.FnN("listdir", (a, k) =>
            {
                var dir = a.Length > 0 ? S(a[0]) : ".";
                if (!Directory.Exists(dir)) throw PyFile.OsError(Exc.FileNotFoundError, 2, "No such file or directory", dir);
                var l = new PyList();
                foreach (var e in Directory.EnumerateFileSystemEntries(dir)) l.Append(new PyStr(Path.GetFileName(e)));
                return l;
            }));
            d.Def(Reg.FnN("mkdir", (a, k) =>
            {
                var p = S(a[0]);
                if (Directory.Exists(p) || File.Exists(p)) throw PyFile.OsError(Exc.FileExistsError, 17, "File exists", p);
                Directory.CreateDirectory(p);
                return PyNone.Instance;
            }));
            d.Def(Reg.FnN("makedirs", (a, k) =>
            {
                var p = ArgParser.Parse("makedirs", a, k, ["name", "mode", "exist_ok"], 1);
                var path = S(p[0]!);
                if (Directory.Exists(path) && !(p[2] != null && Ops.IsTrue(p[2]!))) throw PyFile.OsError(Exc.FileExistsError, 17, "File exists", path);
                Directory.CreateDirectory(path);
                return PyNone.Instance;
            }));
            d.Def(Reg.FnN("remove", (a, k) =>
            {
                var p = S(a[0]);
                if (!File.Exists(p)) throw PyFile.OsError(Exc.FileNotFoundError, 2, "No such file or directory", p);
                File.Delete(p);
                return PyNone.Instance;
            }));
            d.SetStr("unlink", d.GetStr("remove")!);
            d.Def(Reg.Fn("rmdir", p => { Directory.Delete(S(p)); return PyNone.Instance; }));
            d.Def(Reg.Fn("rename", (x, y) => { File.Move(S(x), S(y), true); return PyNone.Instance; }));
            d.Def(Reg.Fn("fspath", p => p is PyStr ? p : Ops.Call(Ops.GetAttr(p, "__fspath__"))));
            d.Def(Reg.Fn("urandom", n => { var b = new byte[Ops.Index(n)]; Random.Shared.NextBytes(b); return new PyBytes(b); }));
            d.Def(Reg.FnN("walk", (a, k) =>
            {
                var top = S(a[0]);
                var res = new PyList();
                void Walk(string dir)
                {
                    var dirs = new PyList(); var files = new PyList();
                    foreach (var e in Directory.EnumerateDirectories(dir).OrderBy(x => x, StringComparer.Ordinal)) dirs.Append(new PyStr(Path.GetFileName(e)));
                    foreach (var e in Directory.EnumerateFiles(dir).OrderBy(x => x, StringComparer.Ordinal)) files.Append(new PyStr(Path.GetFileName(e)));
                    res.Append(PyTuple.Of(new PyStr(dir), dirs, files));
                    for (int i = 0; i < dirs.Count; i++) Walk(Path.Combine(dir, ((PyStr)dirs.Items[i]).Value));
                }
                if (Directory.Exists(top)) Walk(top);
                return new ListIter(res);
            }));
        });
        var path = Module("os.path", d =>
        {
            d.Def(Reg.FnN("join", (a, k) =>
            {
                var r = S(a[0]);
                for (int i = 1; i < a.Length; i++)
                {
                    var p = S(a[i]);
                    if (p.StartsWith('/')) r = p;
                    else if (r.Length == 0 || r.EndsWith('/')) r += p;
                    else r += "/" + p;
                }
                return new PyStr(r);
            }));
            d.Def(Reg.Fn("exists", p => PyBool.Of(File.Exists(S(p)) || Directory.Exists(S(p)))));
            d.Def(Reg.Fn("isfile", p => PyBool.Of(File.Exists(S(p)))));
            d.Def(Reg.Fn("isdir", p => PyBool.Of(Directory.Exists(S(p)))));
            d.Def(Reg.Fn("isabs", p => PyBool.Of(S(p).StartsWith('/'))));
            d.Def(Reg.Fn("basename", p => { var s = S(p); int i = s.LastIndexOf('/'); return new PyStr(s[(i + 1)..]); }));
            d.Def(Reg.Fn("dirname", p => { var s = S(p); int i = s.LastIndexOf('/'); var h = i < 0 ? "" : s[..(i + 1)]; if (h.Length > 1) h = h.TrimEnd('/'); return new PyStr(h.Length == 0 && i == 0 ? "/" : h); }));
            d.Def(Reg.Fn("split", p => { var s = S(p); int i = s.LastIndexOf('/'); var h = i < 0 ? "" : s[..(i + 1)]; if (h.Length > 1 && h.Trim('/').Length > 0) h = h.TrimEnd('/'); return PyTuple.Of(new PyStr(h), new PyStr(s[(i + 1)..])); }));
            d.Def(Reg.Fn("splitext", p =>
            {
                var s = S(p);
                int slash = s.LastIndexOf('/'), dot = s.LastIndexOf('.');
                if (dot > slash + 1 && s[(slash + 1)..dot].Trim('.').Length > 0) return PyTuple.Of(new PyStr(s[..dot]), new PyStr(s[dot..]));
                return PyTuple.Of(new PyStr(s), PyStr.Empty);
            }));
            d.Def(Reg.Fn("abspath", p => new PyStr(Path.GetFullPath(S(p)))));
            d.Def(Reg.Fn("realpath", p => new PyStr(Path.GetFullPath(S(p)))));
            d.Def(Reg.Fn("normpath", p => new PyStr(Path.GetFullPath(S(p)).Length > 0 ? S(p).Replace("//", "/") : ".")));
            d.Def(Reg.Fn("getsize", p => PyInt.Get(new FileInfo(S(p)).Length)));
            d.Def(Reg.Fn("expanduser", p => new PyStr(S(p).StartsWith('~') ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + S(p)[1..] : S(p))));
            d.SetStr("sep", new PyStr("/"));
        });
        os.Dict.SetStr("path", path);
        rt.Modules.SetStr("os.path", path);
        return os;
    }
}
