using System.Text;
using PySharp.Compiler;

namespace PySharp.Interpreter;

/// <summary>The builtins module.</summary>
public static partial class Builtins
{
    public static string Ascii(string repr)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < repr.Length; i++)
        {
            char c = repr[i];
            if (c < 128) sb.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < repr.Length) { sb.Append("\\U").Append(char.ConvertToUtf32(c, repr[i + 1]).ToString("x8")); i++; }
            else if (c < 256) sb.Append("\\x").Append(((int)c).ToString("x2"));
            else sb.Append("\\u").Append(((int)c).ToString("x4"));
        }
        return sb.ToString();
    }

    public static PyObject Dir(PyObject o)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void AddDict(PyDict d) { foreach (var k in d.KeyList()) if (k is PyStr s) names.Add(s.Value); }
        if (o is PyModule m) AddDict(m.Dict);
        else if (o is PyType t)
        {
            foreach (var b in t.Mro) AddDict(b.Dict);
        }
        else
        {
            if (o is PyInstance inst && (inst.DictStorage != null || inst.Map.Count > 0))
            {
                if (inst.DictStorage != null) AddDict(inst.DictStorage);
                else foreach (var n in inst.Map.Names()) names.Add(n);
            }
            foreach (var b in o.Type.Mro) AddDict(b.Dict);
        }
        var l = new PyList();
        foreach (var n in names) l.Append(new PyStr(n));
        return l;
    }

    public static PyObject FrameLocals(Frame f)
    {
        if (f.LocalsDict != null) return f.LocalsDict;
        var d = new PyDict();
        var code = f.Code;
        var vn = code.Unit.VarNames;
        for (int i = 0; i < vn.Length; i++) if (f.Locals[i] != null) d.SetStr(vn[i], f.Locals[i]!);
        for (int i = 0; i < code.NCells + code.NFrees; i++)
        {
            var name = i < code.NCells ? code.Unit.CellVars[i] : code.Unit.FreeVars[i - code.NCells];
            if (f.Locals[code.NLocals + i] is PyCell c && c.Value != null) d.SetStr(name, c.Value);
        }
        return d;
    }

    public static PyObject Reversed(PyObject o)
    {
        switch (o)
        {
            case PyList l: return new ReverseListIter(l);
            case PyTuple t: { var a = (PyObject[])t.Items.Clone(); Array.Reverse(a); return new ArrayIter(a); }
            case PyRange r: { long n = r.Length; return new RangeIter(r.Start + (n - 1) * r.Step, -r.Step, n); }
            case PyStr s: { var cps = StrOps.CodePoints(s.Value); Array.Reverse(cps); var a = new PyObject[cps.Length]; for (int i = 0; i < a.Length; i++) a[i] = new PyStr(cps[i]); return new ArrayIter(a); }
        }
        var m = o.Type.Lookup("__reversed__");
        if (m != null && m is not PyNone) return Ops.CallMethod(m, o);
        if (o.Type.Lookup("__getitem__") != null && o.Type.Lookup("__len__") != null) return new ReversedSeqIter(o, Ops.Len(o));
        throw Ops.TypeError($"'{Ops.TypeName(o)}' object is not reversible");
    }

    private static PyObject Print(PyObject[] a, string[]? k)
    {
        int nkw = k?.Length ?? 0;
        int npos = a.Length - nkw;
        PyObject? sep = null, end = null, file = null, flush = null;
        for (int i = 0; i < nkw; i++)
        {
            var v = a[npos + i];
            switch (k![i])
            {
                case "sep": sep = v; break;
                case "end": end = v; break;
                case "file": file = v; break;
                case "flush": flush = v; break;
                default: throw Ops.TypeError($"'{k[i]}' is an invalid keyword argument for print()");
            }
        }
        string sepS = sep == null || sep == PyNone.Instance ? " " : sep is PyStr ss ? ss.Value : throw Ops.TypeError($"sep must be None or a string, not {Ops.TypeName(sep)}");
        string endS = end == null || end == PyNone.Instance ? "\n" : end is PyStr es ? es.Value : throw Ops.TypeError($"end must be None or a string, not {Ops.TypeName(end)}");
        var rt = Runtime.Current;
        if (file == null || file == PyNone.Instance)
        {
            file = rt.Sys.Dict.GetStr("stdout") ?? PyNone.Instance;
            if (file == PyNone.Instance) return PyNone.Instance;
        }
        if (file is PyFile pf && pf.Writer != null && !pf.Closed)
        {
            var w = pf.Writer;
            for (int i = 0; i < npos; i++)
            {
                if (i > 0) w.Write(pf.Encodable(sepS));
                w.Write(pf.Encodable(Ops.StrString(a[i])));
            }
            w.Write(pf.Encodable(endS));
            if (pf.LineBuffered || (flush != null && Ops.IsTrue(flush))) w.Flush();
            return PyNone.Instance;
        }
        var write = Ops.GetAttr(file, "write");
        for (int i = 0; i < npos; i++)
        {
            if (i > 0) Ops.Call(write, new PyStr(sepS));
            Ops.Call(write, Ops.Str(a[i]));
        }
        Ops.Call(write, new PyStr(endS));
        if (flush != null && Ops.IsTrue(flush)) Ops.Call(Ops.GetAttr(file, "flush"));
        return PyNone.Instance;
    }

    private static PyObject MinMax(PyObject[] a, string[]? k, bool isMax)
    {
        string name = isMax ? "max" : "min";
        int nkw = k?.Length ?? 0;
        int npos = a.Length - nkw;
        PyObject? key = null, def = null;
        for (int i = 0; i < nkw; i++)
        {
            if (k![i] == "key") key = a[npos + i];
            else if (k[i] == "default") def = a[npos + i];
            else throw Ops.TypeError($"{name}() got an unexpected keyword argument '{k[i]}'");
        }
        if (key == PyNone.Instance) key = null;
        if (npos == 0) throw Ops.TypeError($"{name} expected at least 1 argument, got 0");
        IEnumerable<PyObject> items;
        if (npos == 1) items = Ops.ToList(a[0]);
        else
        {
            if (def != null) throw Ops.TypeError($"Cannot specify a default for {name}() with multiple positional arguments");
            items = a[..npos];
        }
        PyObject? best = null, bestKey = null;
        foreach (var x in items)
        {
            var kx = key != null ? Ops.Call(key, x) : x;
            if (best == null) { best = x; bestKey = kx; continue; }
            bool better = isMax ? Ops.IsTrue(Ops.RichCompare(kx, bestKey!, 4)) : Ops.IsTrue(Ops.RichCompare(kx, bestKey!, 2));
            if (better) { best = x; bestKey = kx; }
        }
        if (best == null)
        {
            if (def != null) return def;
            throw Ops.ValueError($"{name}() arg is an empty sequence");
        }
        return best;
    }

    private static PyObject Sum(PyObject[] a, string[]? k)
    {
        if (a.Length - (k?.Length ?? 0) == 0) throw Ops.TypeError("sum() takes at least 1 positional argument (0 given)");
        var p = ArgParser.Parse("sum", a, k, ["iterable", "start"], 1, posOnly: 1);
        PyObject acc = p[1] ?? PyInt.Zero;
        if (acc is PyStr) throw Ops.TypeError("sum() can't sum strings [use ''.join(seq) instead]");
        if (acc is PyBytes) throw Ops.TypeError("sum() can't sum bytes [use b''.join(seq) instead]");
        var it = Ops.GetIter(p[0]!);
        // Fast paths for ints and floats.
        while (true)
        {
            var x = Ops.Next(it);
            if (x == null) return acc;
            if (acc is PyInt ai && x is PyInt xi)
            {
                long s = ai.Value + xi.Value;
                if (((ai.Value ^ s) & (xi.Value ^ s)) >= 0) { acc = PyInt.Get(s); continue; }
            }
            else if (acc is PyFloat af && x is PyFloat xf) { acc = new PyFloat(af.Value + xf.Value); continue; }
            acc = Ops.BinaryOp(acc, x, BinaryOpCodes.Add);
        }
    }

    private static PyObject Round(PyObject[] a, string[]? k)
    {
        var p = ArgParser.Parse("round", a, k, ["number", "ndigits"], 1);
        var x = p[0]!;
        var m = x.Type.Lookup("__round__") ?? throw Ops.TypeError($"type {Ops.TypeName(x)} doesn't define __round__ method");
        if (p[1] == null || p[1] == PyNone.Instance) return Ops.CallWithSelf(m, x, [], null);
        return Ops.CallWithSelf(m, x, [p[1]!], null);
    }

    private static string IntBase(PyObject x, int b, string prefix)
    {
        var v = Ops.IndexObj(x);
        var n = Ops.ToBig(v);
        return PySharp.Formatting.IntFormat.ToString(n, b);
    }

    private static PyObject Iter(PyObject[] a, string[]? k)
    {
        ArgParser.NoKw("iter", k);
        ArgParser.Count("iter", a, 1, 2);
        if (a.Length == 1) return Ops.GetIter(a[0]);
        if (!Ops.IsCallable(a[0])) throw Ops.TypeError("iter(v, w): v must be callable");
        return new CallIter(a[0], a[1]);
    }

    private static PyObject Next(PyObject[] a, string[]? k)
    {
        ArgParser.Count("next", a, 1, 2);
        var it = a[0];
        if (it is PyGenerator g && g.Kind == GenKind.Generator)
        {
            var r = g.Resume(PyNone.Instance, null);
            if (r != null) return r;
            if (a.Length > 1) return a[1];
            throw Ops.StopIteration(g.ReturnValue is PyNone ? null : g.ReturnValue);
        }
        if (it is PyIter pi)
        {
            var r = pi.Next();
            if (r != null) return r;
            if (a.Length > 1) return a[1];
            throw Ops.StopIteration();
        }
        var m = it.Type.Lookup("__next__") ?? throw Ops.TypeError($"'{Ops.TypeName(it)}' object is not an iterator");
        if (a.Length == 1) return Ops.CallMethod(m, it);
        try { return Ops.CallMethod(m, it); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.StopIteration)) { return a[1]; }
    }

    private static PyObject GetAttrBuiltin(PyObject[] a, string[]? k)
    {
        ArgParser.Count("getattr", a, 2, 3);
        if (a[1] is not PyStr name) throw Ops.TypeError($"attribute name must be string, not '{Ops.TypeName(a[1])}'");
        if (a.Length == 2) return Ops.GetAttr(a[0], name.Value);
        try { return Ops.GetAttrOrNull(a[0], name.Value) ?? a[2]; }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.AttributeError)) { return a[2]; }
    }

    private static PyObject HasAttr(PyObject o, PyObject n)
    {
        if (n is not PyStr name) throw Ops.TypeError("hasattr(): attribute name must be string");
        try { return PyBool.Of(Ops.GetAttrOrNull(o, name.Value) != null); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.AttributeError)) { return PyBool.False; }
    }

    private static PyObject Input(PyObject[] a, string[]? k)
    {
        if (a.Length > 1) throw Ops.TypeError($"input expected at most 1 argument, got {a.Length}");
        var rt = Runtime.Current;
        if (a.Length > 0)
        {
            var o = rt.Sys.Dict.GetStr("stdout");
            if (o is PyFile f && f.Writer != null) { f.Writer.Write(f.Encodable(Ops.StrString(a[0]))); f.Writer.Flush(); }
            else if (o != null) Ops.Call(Ops.GetAttr(o, "write"), Ops.Str(a[0]));
        }
        var inp = rt.Sys.Dict.GetStr("stdin");
        string? line;
        if (inp is PyFile pf) line = pf.Reader != null ? pf.Reader.ReadLine() : pf.ReadLine() is { } l ? (l.EndsWith('\n') ? l[..^1] : l) : null;
        else { var r = Ops.Call(Ops.GetAttr(inp!, "readline")); line = ((PyStr)r).Value; if (line.Length == 0) line = null; else line = line.TrimEnd('\n'); }
        if (line == null) throw new PyException(Exc.Make(Exc.EOFError, new PyStr("EOF when reading a line")));
        return new PyStr(line);
    }

    /// <summary>Compiles source text (or an AST-free string) to a code object.</summary>
    public static PyCode CompileSource(string source, string filename, string mode)
    {
        try
        {
            CodeUnit unit = mode switch
            {
                "eval" => CodeGen.Compile(PySharp.Syntax.Parser.ParseExpression(source, filename), filename, CompileMode.Eval, source),
                "single" => CodeGen.Compile(PySharp.Syntax.Parser.ParseInteractive(source, filename), filename, CompileMode.Single, source),
                _ => CodeGen.Compile(PySharp.Syntax.Parser.ParseModule(source, filename), filename, CompileMode.Exec, source),
            };
            if (Environment.GetEnvironmentVariable("PYSHARP_DIS") == "1") DumpCode(unit);
            return new PyCode(unit);
        }
        catch (PySharp.Syntax.PythonSyntaxError e) { throw Errors.SyntaxError(e); }
        catch (CompileError e) { throw Errors.SyntaxError(e, filename, source); }
    }

    private static void DumpCode(CodeUnit u)
    {
        Console.Error.WriteLine("== " + u.QualName);
        Console.Error.Write(u.Disassemble());
        foreach (var c in u.Consts) if (c is CodeUnit cu) DumpCode(cu);
    }

    private static PyObject ExecEval(PyObject[] a, string[]? k, bool isEval)
    {
        string name = isEval ? "eval" : "exec";
        var p = ArgParser.Parse(name, a, k, ["source", "globals", "locals"], 1);
        var rt = Runtime.Current;
        var caller = rt.CurrentFrame;
        PyDict globals;
        PyObject? locals;
        if (p[1] == null || p[1] == PyNone.Instance)
        {
            globals = caller?.Globals ?? new PyDict();
            locals = p[2] != null && p[2] != PyNone.Instance ? p[2] : (caller != null ? FrameLocals(caller) : globals);
        }
        else
        {
            globals = p[1] as PyDict ?? throw Ops.TypeError($"{name}() globals must be a dict, not {Ops.TypeName(p[1]!)}");
            locals = p[2] != null && p[2] != PyNone.Instance ? p[2] : globals;
        }
        if (globals.GetStr("__builtins__") == null) globals.SetStr("__builtins__", rt.BuiltinsModule);
        PyCode code;
        if (p[0] is PyCode c) code = c;
        else
        {
            string src = p[0] is PyStr s ? s.Value : p[0] is PyBytes b ? Encoding.UTF8.GetString(b.Value) : throw Ops.TypeError($"{name}() arg 1 must be a string, bytes or code object");
            if (isEval) src = src.TrimStart(' ', '\t');
            code = CompileSource(src, "<string>", isEval ? "eval" : "exec");
        }
        var r = Interpreter.RunCode(code, globals, locals);
        return isEval ? r : PyNone.Instance;
    }

    private static PyObject Compile(PyObject[] a, string[]? k)
    {
        var p = ArgParser.Parse("compile", a, k, ["source", "filename", "mode", "flags", "dont_inherit", "optimize"], 3);
        string src = p[0] is PyStr s ? s.Value : p[0] is PyBytes b ? Encoding.UTF8.GetString(b.Value) : throw Ops.TypeError("compile() arg 1 must be a string, bytes or AST object");
        var mode = Ops.StrString(p[2]!);
        if (mode is not ("exec" or "eval" or "single")) throw Ops.ValueError("compile() mode must be 'exec', 'eval' or 'single'");
        return CompileSource(src, Ops.StrString(p[1]!), mode);
    }

    private static PyObject Vars(PyObject[] a, string[]? k)
    {
        if (a.Length > 1) throw Ops.TypeError($"vars expected at most 1 argument, got {a.Length}");
        if (a.Length == 0) return FrameLocals(Runtime.Current.CurrentFrame!);
        PyObject? d;
        try { d = Ops.GetAttrOrNull(a[0], "__dict__"); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.AttributeError)) { d = null; }
        if (d == null) throw Ops.TypeError("vars() argument must have __dict__ attribute");
        return d;
    }

    private static PyObject Abs(PyObject x)
    {
        if (x is PyInt i) return i.Value == long.MinValue ? PyInt.FromBig(-(System.Numerics.BigInteger)i.Value) : PyInt.Get(Math.Abs(i.Value));
        if (x is PyFloat f) return new PyFloat(Math.Abs(f.Value));
        var m = x.Type.Lookup("__abs__") ?? throw Ops.TypeError($"bad operand type for abs(): '{Ops.TypeName(x)}'");
        return Ops.CallMethod(m, x);
    }

    private static PyObject Pow(PyObject[] a, string[]? k)
    {
        var p = ArgParser.Parse("pow", a, k, ["base", "exp", "mod"], 2);
        if (p[2] == null || p[2] == PyNone.Instance) return Ops.BinaryOp(p[0]!, p[1]!, BinaryOpCodes.Pow);
        var x = Ops.IntValue(p[0]!); var y = Ops.IntValue(p[1]!); var m = Ops.IntValue(p[2]!);
        if (x != null && y != null && m != null) return IntOps.PowMod(x, y, m);
        var f = p[0]!.Type.Lookup("__pow__");
        if (f != null) { var r = Ops.CallWithSelf(f, p[0]!, [p[1]!, p[2]!], null); if (r != PyNotImplemented.Instance) return r; }
        throw Ops.TypeError($"unsupported operand type(s) for ** or pow(): '{Ops.TypeName(p[0]!)}', '{Ops.TypeName(p[1]!)}', '{Ops.TypeName(p[2]!)}'");
    }

    private static PyObject DivMod(PyObject a, PyObject b)
    {
        var r = Ops.TryBinary(a, b, "__divmod__", "__rdivmod__");
        if (r != null) return r;
        throw Ops.TypeError($"unsupported operand type(s) for divmod(): '{Ops.TypeName(a)}' and '{Ops.TypeName(b)}'");
    }

    private static PyObject Sorted(PyObject[] a, string[]? k)
    {
        if (a.Length - (k?.Length ?? 0) != 1) throw Ops.TypeError($"sorted expected 1 argument, got {a.Length - (k?.Length ?? 0)}");
        var l = new PyList(Ops.ToList(a[0]).ToArray());
        var p = ArgParser.Parse("sort", a, k, ["iterable", "key", "reverse"], 1);
        SeqOps.Sort(l.Items, l.Count, p[1], p[2] != null && Ops.IsTrue(p[2]!));
        return l;
    }

    private static PyObject Chr(PyObject x)
    {
        long v = Ops.Index(x);
        if (v < 0 || v > 0x10FFFF) throw Ops.ValueError("chr() arg not in range(0x110000)");
        return v < 0x10000 ? PyStr.Char((char)v) : new PyStr(char.ConvertFromUtf32((int)v));
    }

    private static PyObject Ord(PyObject x)
    {
        if (x is PyStr s || x is PyInstance { BaseValue: PyStr })
        {
            var v = TypeInit.S(x);
            if (v.Length == 1) return PyInt.Get(v[0]);
            if (v.Length == 2 && char.IsHighSurrogate(v[0])) return PyInt.Get(char.ConvertToUtf32(v[0], v[1]));
            throw Ops.TypeError($"ord() expected a character, but string of length {StrOps.CodePointLength(v)} found");
        }
        if (x is PyBytes b)
        {
            if (b.Value.Length != 1) throw Ops.TypeError($"ord() expected a character, but string of length {b.Value.Length} found");
            return PyInt.Get(b.Value[0]);
        }
        throw Ops.TypeError($"ord() expected string of length 1, but {Ops.TypeName(x)} found");
    }
}
