using RSharp.Hints;

namespace PySharp.Interpreter;

/// <summary>
/// An execution frame: fast locals followed by cells and free variables (CPython's
/// localsplus), a value stack, and the resume position for generators. The JIT keeps the
/// virtualizable fields in registers while compiled code runs.
/// </summary>
[Virtualizable("Pc", "Sp", "Locals[*]", "Stack[*]")]
public sealed class Frame : PyObject
{
    public readonly PyCode Code;
    public readonly PyObject?[] Locals;
    public readonly PyObject?[] Stack;
    public int Sp;
    public int Pc;
    public readonly PyDict Globals;
    public readonly PyDict Builtins;
    /// <summary>The locals mapping for NAME ops (module and class bodies); null in optimized frames.</summary>
    public PyObject? LocalsDict;
    public Frame? Back;
    public int LastPc;
    /// <summary>An exception to raise at the resume point (generator.throw).</summary>
    public PyException? ThrowIn;
    public PyGenerator? Generator;
    /// <summary>The exception being handled when a generator was suspended (its own exc_info).</summary>
    public PyBaseException? SavedHandled;
    /// <summary>The owning runtime.</summary>
    public Runtime Rt = null!;

    public Frame(PyCode code, PyDict globals, PyDict builtins, PyObject? localsDict)
    {
        Code = code;
        Globals = globals;
        Builtins = builtins;
        LocalsDict = localsDict;
        Locals = new PyObject?[code.NLocals + code.NCells + code.NFrees];
        Stack = new PyObject?[code.MaxStack];
    }

    /// <summary>Set once Python code can hold this frame (traceback, sys._getframe, f_back): it is then never reused.</summary>
    public bool Escaped;

    /// <summary>Marks this frame and its callers as reachable from Python objects.</summary>
    public void MarkEscaped()
    {
        for (var f = this; f != null && !f.Escaped; f = f.Back) f.Escaped = true;
    }

    public override PyType Type => PyType.Frame;

    /// <summary>The line of the instruction running now (Pc is one past it), or of the last one run.</summary>
    public int Line => Code.LineOf(Pc > 0 ? Pc - 1 : LastPc);
}
