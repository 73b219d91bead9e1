using PySharp.Compiler;
using RSharp.Hints;

namespace PySharp.Interpreter;

/// <summary>Calling convention of native functions: positional arguments, then the values of the keyword arguments named by <paramref name="kwnames"/>.</summary>
public delegate PyObject NativeFn(PyObject[] args, string[]? kwnames);

/// <summary>Cache of a global name's position in the globals (or builtins) dict, valid while the dict's layout version is unchanged.</summary>
public sealed class GlobalCache
{
    public PyDict? Globals;
    public int GlobalsVersion = -1;
    public PyDict? Builtins;
    public int BuiltinsVersion = -1;
    public int Index = -1;
    public bool InBuiltins;
}

/// <summary>A code object: the compiler's <see cref="CodeUnit"/> with constants as Python objects.</summary>
[Immutable]
public sealed class PyCode : PyObject
{
    public readonly CodeUnit Unit;
    public readonly int[] Instrs;
    public readonly PyObject[] Consts;
    public readonly string[] Names;
    public readonly int NLocals, NCells, NFrees, ArgCount, PosOnlyArgCount, KwOnlyArgCount, MaxStack;
    public readonly CodeFlags Flags;
    public readonly ExceptionEntry[] ExceptionTable;
    public readonly GlobalCache[] GlobalCaches;
    public readonly AttrCache[] AttrCaches;
    public readonly bool IsGenerator;
    public readonly bool SimpleArgs;
    /// <summary>No *args and no **kwargs parameter.</summary>
    public readonly bool NoStarArgs;
    public readonly FramePool Pool = new();
    public readonly string[][]? KwNameConsts;

    public PyCode(CodeUnit unit)
    {
        Unit = unit;
        Instrs = Superinstructions(unit.Code);
        Consts = new PyObject[unit.Consts.Length];
        KwNameConsts = new string[unit.Consts.Length][];
        for (int i = 0; i < Consts.Length; i++)
        {
            Consts[i] = ConstToObject(unit.Consts[i]);
            if (unit.Consts[i] is ConstTuple ct)
            {
                bool allStr = true;
                foreach (var it in ct.Items) if (it is not string) allStr = false;
                if (allStr && ct.Items.Length > 0)
                {
                    var s = new string[ct.Items.Length];
                    for (int j = 0; j < s.Length; j++) s[j] = string.Intern((string)ct.Items[j]!);
                    KwNameConsts[i] = s;
                }
            }
        }
        Names = new string[unit.Names.Length];
        for (int i = 0; i < Names.Length; i++) Names[i] = string.Intern(unit.Names[i]);
        NLocals = unit.VarNames.Length;
        NCells = unit.CellVars.Length;
        NFrees = unit.FreeVars.Length;
        ArgCount = unit.ArgCount;
        PosOnlyArgCount = unit.PosOnlyArgCount;
        KwOnlyArgCount = unit.KwOnlyArgCount;
        Flags = unit.Flags;
        MaxStack = unit.MaxStack;
        ExceptionTable = unit.ExceptionTable;
        GlobalCaches = new GlobalCache[Names.Length];
        for (int i = 0; i < GlobalCaches.Length; i++) GlobalCaches[i] = new GlobalCache();
        AttrCaches = new AttrCache[Instrs.Length];
        IsGenerator = (Flags & (CodeFlags.Generator | CodeFlags.Coroutine | CodeFlags.AsyncGenerator)) != 0;
        NoStarArgs = (Flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) == 0;
        SimpleArgs = NoStarArgs && KwOnlyArgCount == 0;
    }

    /// <summary>
    /// A copy of the bytecode with common pairs fused (CPython 3.11 has the same idea): fewer
    /// dispatches in the interpreter loop. Positions do not move, so jump targets, exception
    /// ranges and line numbers are unchanged.
    /// </summary>
    private static int[] Superinstructions(int[] code)
    {
        var r = (int[])code.Clone();
        for (int i = 0; i + 1 < code.Length; i++)
        {
            var first = (Op)(code[i] & 0xFF);
            if (first == Op.BinaryOp)
            {
                Op special = ((code[i] >> 8) & 15) switch
                {
                    BinaryOpCodes.Add => Op.BinaryAdd,
                    BinaryOpCodes.Sub => Op.BinarySubtract,
                    BinaryOpCodes.Mul => Op.BinaryMultiply,
                    BinaryOpCodes.Mod => Op.BinaryModulo,
                    _ => Op.BinaryOp,
                };
                r[i] = (code[i] & ~0xFF) | (int)special;
                continue;
            }
            var second = (Op)(code[i + 1] & 0xFF);
            Op fused = (first, second) switch
            {
                (Op.LoadFast, Op.LoadFast) => Op.LoadFastLoadFast,
                (Op.LoadFast, Op.LoadConst) => Op.LoadFastLoadConst,
                (Op.StoreFast, Op.LoadFast) => Op.StoreFastLoadFast,
                (Op.CompareOp, Op.PopJumpIfFalse) => Op.CompareOpPopJumpIfFalse,
                _ => Op.Nop,
            };
            if (fused == Op.Nop) continue;
            r[i] = (code[i] & ~0xFF) | (int)fused;
            i++;
        }
        return r;
    }

    public string Name => Unit.Name;
    public string QualName => Unit.QualName;
    public string Filename => Unit.Filename;
    public override PyType Type => PyType.Code;

    public static PyObject ConstToObject(object? c) => c switch
    {
        null => PyNone.Instance,
        bool b => PyBool.Of(b),
        System.Numerics.BigInteger bi => PyInt.FromBig(bi),
        double d => new PyFloat(d),
        System.Numerics.Complex cx => new PyComplex(cx.Real, cx.Imaginary),
        string s => PyStr.Of(s),
        byte[] by => new PyBytes(by),
        PySharp.Syntax.Ast.Ellipsis => PyEllipsis.Instance,
        ConstTuple t => MakeTuple(t),
        ConstFrozenSet fs => MakeFrozenSet(fs),
        CodeUnit cu => new PyCode(cu),
        _ => throw new InvalidOperationException("bad constant " + c.GetType()),
    };

    private static PySet MakeFrozenSet(ConstFrozenSet c)
    {
        var s = new PySet(true);
        foreach (var it in c.Items) s.Add(ConstToObject(it));
        // CPython's compiler merges constants by rebuilding the frozenset from its own iteration order.
        var rebuilt = new PySet(true);
        foreach (var it in s.Items()) rebuilt.Add(it);
        return rebuilt;
    }

    private static PyTuple MakeTuple(ConstTuple t)
    {
        var items = new PyObject[t.Items.Length];
        for (int i = 0; i < items.Length; i++) items[i] = ConstToObject(t.Items[i]);
        return PyTuple.Of(items);
    }

    /// <summary>The source line of an instruction.</summary>
    public int LineOf(int pc) => pc >= 0 && pc < Unit.Lines.Length ? Unit.Lines[pc] : Unit.FirstLine;
}

/// <summary>
/// One spare frame of a function's code: a call takes it instead of allocating a frame and its
/// two arrays, and a returning call that did not let its frame escape puts it back.
/// </summary>
public sealed class FramePool
{
    public Frame? Spare;
}

/// <summary>Per-instruction attribute cache: the map of the instance and the slot index, for the type version seen.</summary>
public sealed class AttrCache
{
    public PyType? Type;
    public VersionTag? Version;
    public Map? Map;
    public int Index;
    public PyObject? Method;
    public Map? NewMap;
}

/// <summary>A Python function.</summary>
public sealed class PyFunction : PyObject
{
    public PyCode Code;
    public readonly PyDict Globals;
    public PyObject[]? Defaults;
    public PyDict? KwDefaults;
    public PyCell[]? Closure;
    public string Name, QualName;
    public PyObject Doc = PyNone.Instance;
    public PyObject Module = PyNone.Instance;
    public PyDict? Dict;
    public PyObject? Annotations;

    /// <summary>The runtime the function was created in (saves a thread-static lookup per call).</summary>
    public readonly Runtime Rt;

    public PyFunction(PyCode code, PyDict globals)
    {
        Rt = Runtime.Current;
        Code = code;
        Globals = globals;
        Name = code.Name;
        QualName = code.QualName;
        var m = globals.GetStr("__name__");
        if (m != null) Module = m;
        if (code.Unit.Doc != null) Doc = new PyStr(code.Unit.Doc);
    }

    public override PyType Type => PyType.Function;

    // Entry indexes of the keyword-only parameters in KwDefaults, valid for one dict layout:
    // a call then reads a default without hashing the parameter name.
    private int[]? _kwIndex;
    private PyDict? _kwIndexDict;
    private PyCode? _kwIndexCode;
    private int _kwIndexVersion;

    /// <summary>The default of keyword-only parameter <paramref name="k"/> (0-based among the keyword-only ones), or null.</summary>
    internal PyObject? KwOnlyDefault(int k)
    {
        var d = KwDefaults;
        if (d == null) return null;
        var idx = _kwIndex;
        var co = Code;
        if (idx == null || _kwIndexDict != d || _kwIndexVersion != d.LayoutVersion || _kwIndexCode != co)
        {
            idx = new int[co.KwOnlyArgCount];
            for (int j = 0; j < idx.Length; j++) idx[j] = d.IndexOfStr(co.Unit.VarNames[co.ArgCount + j]);
            _kwIndex = idx; _kwIndexDict = d; _kwIndexVersion = d.LayoutVersion; _kwIndexCode = co;
        }
        int ix = idx[k];
        return ix >= 0 ? d.Values[ix] : null;
    }
}

/// <summary>A bound method.</summary>
public sealed class PyMethod : PyObject
{
    public readonly PyObject Func, Self;
    public PyMethod(PyObject func, PyObject self) { Func = func; Self = self; }
    public override PyType Type => PyType.Method;
}

/// <summary>A function or method implemented in C#. With <see cref="IsMethod"/> it is a method descriptor that binds on attribute access.</summary>
public sealed class PyBuiltin : PyObject
{
    public readonly string Name;
    public readonly NativeFn? Fn;
    public readonly Func<PyObject, PyObject>? F1;
    public readonly Func<PyObject, PyObject, PyObject>? F2;
    public readonly Func<PyObject, PyObject, PyObject, PyObject>? F3;
    public readonly Func<PyObject>? F0;
    public bool IsMethod;
    public bool IsObjectDefault;
    public bool IsClassMethod;
    public PyType? Owner;
    public PyObject? Self;
    public string? Doc;

    public PyBuiltin(string name, NativeFn fn) { Name = name; Fn = fn; }

    /// <summary>A variadic builtin with fixed-arity entry points for its common call shapes (used before <paramref name="fn"/>).</summary>
    public PyBuiltin(string name, NativeFn fn, Func<PyObject, PyObject, PyObject>? f2, Func<PyObject, PyObject, PyObject, PyObject>? f3)
    {
        Name = name; Fn = fn; F2 = f2; F3 = f3;
    }
    public PyBuiltin(string name, Func<PyObject> f) { Name = name; F0 = f; }
    public PyBuiltin(string name, Func<PyObject, PyObject> f) { Name = name; F1 = f; }
    public PyBuiltin(string name, Func<PyObject, PyObject, PyObject> f) { Name = name; F2 = f; }
    public PyBuiltin(string name, Func<PyObject, PyObject, PyObject, PyObject> f) { Name = name; F3 = f; }

    private PyBuiltin(PyBuiltin b, PyObject self)
    {
        Name = b.Name; Fn = b.Fn; F0 = b.F0; F1 = b.F1; F2 = b.F2; F3 = b.F3; Owner = b.Owner; Self = self; Doc = b.Doc;
    }

    public PyBuiltin Bind(PyObject self) => new(this, self);

    public override PyType Type => IsMethod && Self == null ? PyType.MethodDescriptor : PyType.BuiltinFunction;

    public int FixedArity => F0 != null ? 0 : F1 != null ? 1 : F2 != null ? 2 : F3 != null ? 3 : -1;
}

public sealed class PyStaticMethod : PyObject
{
    public readonly PyObject Func;
    public PyStaticMethod(PyObject f) { Func = f; }
    public override PyType Type => PyType.StaticMethod;
}

public sealed class PyClassMethod : PyObject
{
    public readonly PyObject Func;
    public PyClassMethod(PyObject f) { Func = f; }
    public override PyType Type => PyType.ClassMethod;
}

public sealed class PyProperty : PyObject
{
    public PyObject? Get, Set, Del;
    public PyObject Doc = PyNone.Instance;
    public PyObject? Name;
    public PyProperty(PyObject? g, PyObject? s, PyObject? d, PyObject? doc)
    {
        Get = g; Set = s; Del = d;
        if (doc != null && doc != PyNone.Instance) Doc = doc;
        else if (g is PyFunction f) Doc = f.Doc;
    }
    public PyType? Class;
    public override PyType Type => Class ?? PyType.Property;
}

/// <summary>A data descriptor implemented in C# (e.g. <c>__dict__</c>, <c>__class__</c>, a __slots__ member).</summary>
public sealed class PyGetSet : PyObject
{
    public readonly string Name;
    public readonly Func<PyObject, PyObject>? Getter;
    public readonly Action<PyObject, PyObject?>? Setter;
    public readonly PyType Owner;
    public readonly bool IsMember;
    public PyGetSet(string name, PyType owner, Func<PyObject, PyObject>? g, Action<PyObject, PyObject?>? s, bool member = false)
    {
        Name = name; Owner = owner; Getter = g; Setter = s; IsMember = member;
    }
    public override PyType Type => IsMember ? PyType.MemberDescriptor : PyType.GetSetDescriptor;
}

public sealed class PySuper : PyObject
{
    public readonly PyType ThisType;
    public readonly PyObject? Obj;
    public readonly PyType? ObjType;
    public PySuper(PyType t, PyObject? obj, PyType? objType) { ThisType = t; Obj = obj; ObjType = objType; }
    public override PyType Type => PyType.Super;
}

/// <summary>A traceback entry (tb_next goes from the outermost frame to the innermost).</summary>
public sealed class PyTraceback : PyObject
{
    public readonly Frame Frame;
    public readonly int Line;
    /// <summary>Index of the instruction that raised (tb_lasti / 2): its source range places the markers.</summary>
    public readonly int Lasti;
    public readonly PyTraceback? Next;
    public PyTraceback(Frame f, int line, int lasti, PyTraceback? next) { f.MarkEscaped(); Frame = f; Line = line; Lasti = lasti; Next = next; }
    public override PyType Type => PyType.Traceback;
}
