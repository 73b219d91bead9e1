namespace PySharp.Compiler;

/// <summary>One entry of a code unit's exception table: instructions [Start, End) are protected by the handler at Target, entered with the stack cut to Depth.</summary>
public readonly record struct ExceptionEntry(int Start, int End, int Target, int Depth);

/// <summary>A tuple constant (its items are constants too).</summary>
public sealed class ConstTuple(object?[] items)
{
    /// <summary>The items.</summary>
    public object?[] Items { get; } = items;
}

/// <summary>A frozenset constant (used for constant set displays and <c>in {...}</c> tests).</summary>
public sealed class ConstFrozenSet(object?[] items)
{
    /// <summary>The items, in source order.</summary>
    public object?[] Items { get; } = items;
}

/// <summary>A <c>(name, kind)</c> key used to intern constants by value and type.</summary>
public sealed class ConstKeyNames(string[] names)
{
    /// <summary>The keyword names.</summary>
    public string[] Names { get; } = names;
}

/// <summary>
/// The compiler's output for one scope: CPython's code object minus the interpreter's object space.
/// Constants are plain .NET values: null (None), bool, BigInteger, double, Complex, string,
/// byte[], <see cref="PySharp.Syntax.Ast.Ellipsis"/>, <see cref="ConstTuple"/> and nested <see cref="CodeUnit"/>s.
/// </summary>
public sealed class CodeUnit
{
    /// <summary>co_name.</summary>
    public string Name { get; init; } = "";
    /// <summary>co_qualname.</summary>
    public string QualName { get; init; } = "";
    /// <summary>co_filename.</summary>
    public string Filename { get; init; } = "";
    /// <summary>co_firstlineno.</summary>
    public int FirstLine { get; init; }
    /// <summary>Positional parameter count (including positional-only).</summary>
    public int ArgCount { get; init; }
    /// <summary>Positional-only parameter count.</summary>
    public int PosOnlyArgCount { get; init; }
    /// <summary>Keyword-only parameter count.</summary>
    public int KwOnlyArgCount { get; init; }
    /// <summary>Flags.</summary>
    public CodeFlags Flags { get; init; }
    /// <summary>Fast local names; parameters first (positional, keyword-only, *args, **kwargs).</summary>
    public string[] VarNames { get; init; } = [];
    /// <summary>Names of cells owned by this scope.</summary>
    public string[] CellVars { get; init; } = [];
    /// <summary>Names of free variables (cells from enclosing scopes).</summary>
    public string[] FreeVars { get; init; } = [];
    /// <summary>For each cell var, the index of the parameter it is initialised from, or -1.</summary>
    public int[] Cell2Arg { get; init; } = [];
    /// <summary>Global, attribute and imported names.</summary>
    public string[] Names { get; init; } = [];
    /// <summary>Constants.</summary>
    public object?[] Consts { get; init; } = [];
    /// <summary>Instructions (<c>op | arg &lt;&lt; 8</c>).</summary>
    public int[] Code { get; init; } = [];
    /// <summary>Source line of each instruction.</summary>
    public int[] Lines { get; init; } = [];
    /// <summary>Source range of each instruction (co_positions); read only when a traceback is formatted.</summary>
    public SrcLoc[] Positions { get; init; } = [];
    /// <summary>Exception table, innermost regions first for overlapping ranges (ranges do not overlap after assembly).</summary>
    public ExceptionEntry[] ExceptionTable { get; init; } = [];
    /// <summary>Maximum value-stack depth.</summary>
    public int MaxStack { get; init; }
    /// <summary>The docstring, if any.</summary>
    public string? Doc { get; init; }

    /// <summary>Decodes the instructions as text, one per line (for tests and debugging).</summary>
    public string Disassemble()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < Code.Length; i++)
        {
            var op = (Op)(Code[i] & 0xFF);
            int arg = Code[i] >> 8;
            sb.Append(i).Append(' ').Append(op).Append(' ').Append(arg);
            if (op is Op.LoadConst && Consts[arg] is not CodeUnit) sb.Append(" (").Append(Consts[arg] ?? "None").Append(')');
            if (op is Op.LoadName or Op.StoreName or Op.LoadGlobal or Op.StoreGlobal or Op.LoadAttr or Op.StoreAttr or Op.LoadMethod)
                sb.Append(" (").Append(Names[arg]).Append(')');
            if (op is Op.LoadFast or Op.StoreFast) sb.Append(" (").Append(VarNames[arg]).Append(')');
            sb.Append('\n');
        }
        foreach (var e in ExceptionTable) sb.Append($"handler [{e.Start},{e.End}) -> {e.Target} depth {e.Depth}\n");
        return sb.ToString();
    }
}

/// <summary>A compile-time error (SyntaxError raised by the compiler rather than the parser).</summary>
public sealed class CompileError(string message, int line, int col, string kind = "SyntaxError") : Exception(message)
{
    /// <summary>1-based line.</summary>
    public int Line { get; } = line;
    /// <summary>0-based column.</summary>
    public int Col { get; } = col;
    /// <summary>The Python exception class name (SyntaxError or IndentationError).</summary>
    public string Kind { get; } = kind;
}
