using RSharp.Hints;

namespace RSharp.Samples.Tiny;

/// <summary>
/// The object space: what the operators and builtins mean on boxed values. Each operation
/// takes its code and pc only to report an error at the right source line; both are
/// trace constants.
/// </summary>
internal static class Operations
{
    public static TinyError Error(Code code, int pc, string message) => new(code.LineAt(pc), message);

    public static TObject Arithmetic(Op op, TObject left, TObject right, Code code, int pc)
    {
        if (left is TInt a && right is TInt b)
        {
            long x = a.Value, y = b.Value;
            try
            {
                switch (op)
                {
                    case Op.Add: return new TInt(checked(x + y));
                    case Op.Sub: return new TInt(checked(x - y));
                    case Op.Mul: return new TInt(checked(x * y));
                    case Op.Div:
                        if (y == 0) throw Error(code, pc, "division by zero");
                        return new TInt(y == -1 ? checked(-x) : x / y);
                    case Op.Mod:
                        if (y == 0) throw Error(code, pc, "division by zero");
                        return new TInt(y == -1 ? 0 : x % y);
                }
            }
            catch (OverflowException)
            {
                throw Error(code, pc, "integer overflow");
            }
        }
        if (op == Op.Add && (left is TStr || right is TStr))
            return new TStr(left.ToText() + right.ToText());
        throw Error(code, pc, $"unsupported operand types for {Symbol(op)}: {left.TypeName} and {right.TypeName}");
    }

    public static TBool Compare(Op op, TObject left, TObject right, Code code, int pc)
    {
        int c;
        if (left is TInt a && right is TInt b) c = a.Value.CompareTo(b.Value);
        else if (left is TStr s && right is TStr t) c = string.CompareOrdinal(s.Value, t.Value);
        else throw Error(code, pc, $"cannot compare {left.TypeName} and {right.TypeName} with {Symbol(op)}");
        return TBool.Of(op switch
        {
            Op.Lt => c < 0,
            Op.Le => c <= 0,
            Op.Gt => c > 0,
            _ => c >= 0,
        });
    }

    public static TObject Negate(TObject value, Code code, int pc)
    {
        if (value is not TInt i) throw Error(code, pc, $"cannot negate {value.TypeName}");
        if (i.Value == long.MinValue) throw Error(code, pc, "integer overflow");
        return new TInt(-i.Value);
    }

    public static TObject GetIndex(TObject target, TObject index, Code code, int pc)
    {
        if (index is not TInt i) throw Error(code, pc, $"index must be int, not {index.TypeName}");
        switch (target)
        {
            case TArray array:
                return array.Items[CheckIndex(i.Value, array.Items.Length, code, pc)];
            case TStr str:
                return new TStr(str.Value[CheckIndex(i.Value, str.Value.Length, code, pc)].ToString());
            default:
                throw Error(code, pc, $"cannot index {target.TypeName}");
        }
    }

    public static void SetIndex(TObject target, TObject index, TObject value, Code code, int pc)
    {
        if (target is not TArray array) throw Error(code, pc, $"cannot assign to an item of {target.TypeName}");
        if (index is not TInt i) throw Error(code, pc, $"index must be int, not {index.TypeName}");
        array.Items[CheckIndex(i.Value, array.Items.Length, code, pc)] = value;
    }

    private static int CheckIndex(long index, int length, Code code, int pc)
    {
        if (index < 0 || index >= length)
            throw Error(code, pc, $"index {index} out of range (length {length})");
        return (int)index;
    }

    public static TObject NewArray(TObject length, TObject fill, Code code, int pc)
    {
        if (length is not TInt n) throw Error(code, pc, $"array() length must be int, not {length.TypeName}");
        if (n.Value < 0 || n.Value > 100_000_000) throw Error(code, pc, $"array() length {n.Value} out of range");
        var items = new TObject[n.Value];
        Array.Fill(items, fill);
        return new TArray(items);
    }

    public static TObject Len(TObject value, Code code, int pc) => value switch
    {
        TStr s => new TInt(s.Value.Length),
        TArray a => new TInt(a.Items.Length),
        _ => throw Error(code, pc, $"{value.TypeName} has no len()"),
    };

    public static TObject Str(TObject value) => value as TStr ?? new TStr(value.ToText());

    [DontLookInside]
    public static void Print(Module module, TObject value) => module.Output.WriteLine(value.ToText());

    [DontLookInside]
    public static TObject Clock(Module module) => new TInt(module.Clock.Elapsed.Ticks / 10);

    private static string Symbol(Op op) => op switch
    {
        Op.Add => "+", Op.Sub => "-", Op.Mul => "*", Op.Div => "/", Op.Mod => "%",
        Op.Lt => "<", Op.Le => "<=", Op.Gt => ">", _ => ">=",
    };
}
