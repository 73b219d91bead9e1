namespace PySharp.Interpreter;

/// <summary>An exception instance (BaseException and subclasses).</summary>
public class PyBaseException : PyInstance
{
    public PyTuple Args = PyTuple.Empty;
    public PyObject? Cause, Context;
    public bool SuppressContext;
    public PyTraceback? Traceback;
    public PyBaseException(PyType cls) : base(cls) { }
}

/// <summary>The .NET exception that carries a Python exception through C# frames.</summary>
public sealed class PyException : Exception
{
    public readonly PyBaseException Value;

    public PyException(PyBaseException value) : base(null)
    {
        Value = value;
        var handled = Runtime.CurrentOrNull?.HandledException;
        if (value.Context == null && handled != null && handled != value)
        {
            // Avoid cycles in the context chain.
            PyObject? o = handled;
            bool cycle = false;
            while (o is PyBaseException e) { if (e.Context == value) { e.Context = null; cycle = true; break; } o = e.Context; }
            _ = cycle;
            value.Context = handled;
        }
    }

    public override string Message => Value.Type.Name + ": " + Ops.SafeStr(Value);
}

/// <summary>The builtin exception hierarchy.</summary>
public static class Exc
{
    public static readonly PyType BaseException = PyType.BaseException;
    public static readonly PyType SystemExit, KeyboardInterrupt, GeneratorExit, Exception, StopIteration, StopAsyncIteration,
        ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError, AssertionError, AttributeError, BufferError,
        EOFError, ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError, MemoryError, NameError,
        UnboundLocalError, OSError, FileNotFoundError, FileExistsError, PermissionError, IsADirectoryError, NotADirectoryError,
        TimeoutError, InterruptedError, BlockingIOError, ConnectionError, BrokenPipeError, ChildProcessError, ProcessLookupError,
        ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
        ReferenceError, RuntimeError, NotImplementedError, RecursionError, SyntaxError, IndentationError, TabError,
        SystemError, TypeError, ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError,
        Warning, DeprecationWarning, PendingDeprecationWarning, UserWarning, RuntimeWarning, SyntaxWarning, FutureWarning,
        ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning;

    public static readonly List<PyType> All = new();

    private static PyType T(string name, PyType b)
    {
        var t = new PyType(name, [b], PyType.TypeType, true) { SolidBase = BaseException };
        All.Add(t);
        return t;
    }

    static Exc()
    {
        All.Add(BaseException);
        SystemExit = T("SystemExit", BaseException);
        KeyboardInterrupt = T("KeyboardInterrupt", BaseException);
        GeneratorExit = T("GeneratorExit", BaseException);
        Exception = T("Exception", BaseException);
        StopIteration = T("StopIteration", Exception);
        StopAsyncIteration = T("StopAsyncIteration", Exception);
        ArithmeticError = T("ArithmeticError", Exception);
        FloatingPointError = T("FloatingPointError", ArithmeticError);
        OverflowError = T("OverflowError", ArithmeticError);
        ZeroDivisionError = T("ZeroDivisionError", ArithmeticError);
        AssertionError = T("AssertionError", Exception);
        AttributeError = T("AttributeError", Exception);
        BufferError = T("BufferError", Exception);
        EOFError = T("EOFError", Exception);
        ImportError = T("ImportError", Exception);
        ModuleNotFoundError = T("ModuleNotFoundError", ImportError);
        LookupError = T("LookupError", Exception);
        IndexError = T("IndexError", LookupError);
        KeyError = T("KeyError", LookupError);
        MemoryError = T("MemoryError", Exception);
        NameError = T("NameError", Exception);
        UnboundLocalError = T("UnboundLocalError", NameError);
        OSError = T("OSError", Exception);
        FileNotFoundError = T("FileNotFoundError", OSError);
        FileExistsError = T("FileExistsError", OSError);
        PermissionError = T("PermissionError", OSError);
        IsADirectoryError = T("IsADirectoryError", OSError);
        NotADirectoryError = T("NotADirectoryError", OSError);
        TimeoutError = T("TimeoutError", OSError);
        InterruptedError = T("InterruptedError", OSError);
        BlockingIOError = T("BlockingIOError", OSError);
        ConnectionError = T("ConnectionError", OSError);
        BrokenPipeError = T("BrokenPipeError", ConnectionError);
        ConnectionAbortedError = T("ConnectionAbortedError", ConnectionError);
        ConnectionRefusedError = T("ConnectionRefusedError", ConnectionError);
        ConnectionResetError = T("ConnectionResetError", ConnectionError);
        ChildProcessError = T("ChildProcessError", OSError);
        ProcessLookupError = T("ProcessLookupError", OSError);
        ReferenceError = T("ReferenceError", Exception);
        RuntimeError = T("RuntimeError", Exception);
        NotImplementedError = T("NotImplementedError", RuntimeError);
        RecursionError = T("RecursionError", RuntimeError);
        SyntaxError = T("SyntaxError", Exception);
        IndentationError = T("IndentationError", SyntaxError);
        TabError = T("TabError", IndentationError);
        SystemError = T("SystemError", Exception);
        TypeError = T("TypeError", Exception);
        ValueError = T("ValueError", Exception);
        UnicodeError = T("UnicodeError", ValueError);
        UnicodeDecodeError = T("UnicodeDecodeError", UnicodeError);
        UnicodeEncodeError = T("UnicodeEncodeError", UnicodeError);
        UnicodeTranslateError = T("UnicodeTranslateError", UnicodeError);
        Warning = T("Warning", Exception);
        DeprecationWarning = T("DeprecationWarning", Warning);
        PendingDeprecationWarning = T("PendingDeprecationWarning", Warning);
        UserWarning = T("UserWarning", Warning);
        RuntimeWarning = T("RuntimeWarning", Warning);
        SyntaxWarning = T("SyntaxWarning", Warning);
        FutureWarning = T("FutureWarning", Warning);
        ImportWarning = T("ImportWarning", Warning);
        UnicodeWarning = T("UnicodeWarning", Warning);
        BytesWarning = T("BytesWarning", Warning);
        ResourceWarning = T("ResourceWarning", Warning);
        EncodingWarning = T("EncodingWarning", Warning);
        ExceptionGroups.EnsureCreated();
    }

    /// <summary>Creates an exception instance of a builtin type with the given args.</summary>
    public static PyBaseException Make(PyType t, params PyObject[] args)
    {
        var e = new PyBaseException(t) { Args = PyTuple.Of(args) };
        return e;
    }
}
