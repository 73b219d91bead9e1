namespace RSharp.Samples.Tiny;

/// <summary>
/// Accumulates one function's bytecode: instructions with their lines, the constant pool,
/// block-scoped local variables, and the maximum operand stack depth.
/// </summary>
internal sealed class CodeBuilder(string name, Module module)
{
    private readonly List<int> _ops = [];
    private readonly List<int> _lines = [];
    private readonly List<TObject> _consts = [];
    private readonly Dictionary<object, int> _constIndex = [];
    private readonly List<string> _names = [];
    private readonly List<(string Name, int Slot, int Depth)> _locals = [];
    private int _scopeDepth;
    private int _localCount;
    private int _stack;
    private int _maxStack;
    private int _lastLabel = -1;

    public int Arity { get; set; }

    /// <summary>Offset of the last instruction emitted, or -1.</summary>
    public int LastOp { get; private set; } = -1;

    /// <summary>Offset of the next instruction.</summary>
    public int Here => _ops.Count;

    public int Emit(Op op, int line, params int[] operands)
    {
        LastOp = _ops.Count;
        _ops.Add((int)op);
        _lines.Add(line);
        foreach (int x in operands)
        {
            _ops.Add(x);
            _lines.Add(line);
        }
        _stack += StackEffect(op, operands);
        _maxStack = Math.Max(_maxStack, _stack);
        return LastOp;
    }

    /// <summary>Drops the last instruction (used to turn <c>a[i]</c> into an assignment target).</summary>
    public void RemoveLast()
    {
        var op = (Op)_ops[LastOp];
        _stack -= StackEffect(op, _ops.GetRange(LastOp + 1, _ops.Count - LastOp - 1).ToArray());
        _ops.RemoveRange(LastOp, _ops.Count - LastOp);
        _lines.RemoveRange(LastOp, _lines.Count - LastOp);
        LastOp = -1;
    }

    /// <summary>Points the jump at <paramref name="jump"/> to the next instruction.</summary>
    public void PatchHere(int jump)
    {
        _ops[jump + 1] = Here;
        _lastLabel = Here;
    }

    /// <summary>
    /// True when the code ends with an index read that no jump lands after: the whole
    /// expression was <c>a[i]</c>, not <c>x &amp;&amp; a[i]</c>.
    /// </summary>
    public bool EndsWithIndexRead => LastOp >= 0 && (Op)_ops[LastOp] == Op.GetIndex && _lastLabel != Here;

    public int Constant(TObject value)
    {
        object key = value switch
        {
            TInt i => i.Value,
            TStr s => "s:" + s.Value,
            _ => value,
        };
        if (!_constIndex.TryGetValue(key, out int index))
        {
            index = _consts.Count;
            _consts.Add(value);
            _constIndex[key] = index;
        }
        return index;
    }

    public int Name(string name)
    {
        int index = _names.IndexOf(name);
        if (index >= 0) return index;
        _names.Add(string.Intern(name));
        return _names.Count - 1;
    }

    public void BeginScope() => _scopeDepth++;

    public void EndScope()
    {
        _scopeDepth--;
        _locals.RemoveAll(l => l.Depth > _scopeDepth);
    }

    /// <summary>Declares a variable in the innermost scope and returns its slot. Slots are never reused.</summary>
    public int Declare(string name, int line)
    {
        if (_locals.Exists(l => l.Name == name && l.Depth == _scopeDepth))
            throw new TinyError(line, $"variable '{name}' is already declared in this scope");
        _locals.Add((name, _localCount, _scopeDepth));
        return _localCount++;
    }

    /// <summary>The slot of the innermost visible variable called <paramref name="name"/>, or -1.</summary>
    public int Resolve(string name)
    {
        for (int i = _locals.Count - 1; i >= 0; i--)
            if (_locals[i].Name == name) return _locals[i].Slot;
        return -1;
    }

    public Code Build() =>
        new(name, Arity, _localCount, _maxStack, [.. _ops], [.. _lines], [.. _consts], [.. _names], module);

    private static int StackEffect(Op op, int[] operands) => op switch
    {
        Op.Const or Op.LoadLocal or Op.Clock => 1,
        Op.StoreLocal or Op.Pop or Op.JumpIfFalse or Op.Return or Op.Print => -1,
        Op.Add or Op.Sub or Op.Mul or Op.Div or Op.Mod or Op.Eq or Op.Ne or Op.Lt or Op.Le
            or Op.Gt or Op.Ge or Op.GetIndex or Op.NewArray => -1,
        // Counted on the fall-through path, where the value is popped.
        Op.JumpIfFalseOrPop or Op.JumpIfTrueOrPop => -1,
        Op.SetIndex => -3,
        Op.Call => 1 - operands[1],
        Op.BuildArray => 1 - operands[0],
        _ => 0,
    };
}
