using RSharp.Hints;

namespace RSharp.Samples.Tiny;

/// <summary>
/// The dispatch loop (the portal). A guest call runs the loop again for the callee
/// (recursion through the portal), so the JIT can inline calls or use call_assembler.
/// </summary>
internal static class Interpreter
{
    /// <summary>Guest calls deeper than this raise a Tiny error instead of exhausting the stack.</summary>
    public const int MaxDepth = 20_000;

    private static readonly JitDriver Driver = new(
        greens: ["pc", "code"], reds: ["frame"], virtualizables: ["frame"], name: "tiny")
    {
        PrintableLocation = (Func<int, Code, string>)((pc, code) => code.Describe(pc)),
    };

    /// <summary>Runs the main program of <paramref name="module"/>.</summary>
    public static void Run(Module module) => Execute(module.Main, new Frame(module.Main, 0));

    /// <summary>Runs <paramref name="code"/> in <paramref name="frame"/> to its return.</summary>
    public static TObject Execute(Code code, Frame frame)
    {
        int pc = 0;
        while (true)
        {
            Driver.JitMergePoint(pc, code, frame);
            switch ((Op)code.At(pc))
            {
                case Op.Const:
                    frame.Push(code.Const(code.At(pc + 1)));
                    pc += 2;
                    break;
                case Op.LoadLocal:
                    frame.Push(frame.stack[code.At(pc + 1)]!);
                    pc += 2;
                    break;
                case Op.StoreLocal:
                    frame.stack[code.At(pc + 1)] = frame.Pop();
                    pc += 2;
                    break;
                case Op.Pop:
                    frame.Pop();
                    pc += 1;
                    break;
                case Op.Add:
                case Op.Sub:
                case Op.Mul:
                case Op.Div:
                case Op.Mod:
                {
                    TObject right = frame.Pop();
                    TObject left = frame.Pop();
                    frame.Push(Operations.Arithmetic((Op)code.At(pc), left, right, code, pc));
                    pc += 1;
                    break;
                }
                case Op.Eq:
                case Op.Ne:
                {
                    TObject right = frame.Pop();
                    TObject left = frame.Pop();
                    frame.Push(TBool.Of(left.GuestEquals(right) == ((Op)code.At(pc) == Op.Eq)));
                    pc += 1;
                    break;
                }
                case Op.Lt:
                case Op.Le:
                case Op.Gt:
                case Op.Ge:
                {
                    TObject right = frame.Pop();
                    TObject left = frame.Pop();
                    frame.Push(Operations.Compare((Op)code.At(pc), left, right, code, pc));
                    pc += 1;
                    break;
                }
                case Op.Neg:
                    frame.Push(Operations.Negate(frame.Pop(), code, pc));
                    pc += 1;
                    break;
                case Op.Not:
                    frame.Push(TBool.Of(!frame.Pop().IsTrue));
                    pc += 1;
                    break;
                case Op.Jump:
                    pc = code.At(pc + 1);
                    break;
                case Op.JumpBack:
                    pc = code.At(pc + 1);
                    Driver.CanEnterJit(pc, code, frame);
                    break;
                case Op.JumpIfFalse:
                    pc = frame.Pop().IsTrue ? pc + 2 : code.At(pc + 1);
                    break;
                case Op.JumpIfFalseOrPop:
                    if (frame.Peek().IsTrue) { frame.Pop(); pc += 2; }
                    else pc = code.At(pc + 1);
                    break;
                case Op.JumpIfTrueOrPop:
                    if (frame.Peek().IsTrue) pc = code.At(pc + 1);
                    else { frame.Pop(); pc += 2; }
                    break;
                case Op.Call:
                    frame.Push(Call(code, pc, frame));
                    pc += 3;
                    break;
                case Op.Return:
                    return frame.Pop();
                case Op.Print:
                    Operations.Print(code.Module, frame.Pop());
                    pc += 1;
                    break;
                case Op.BuildArray:
                    frame.Push(BuildArray(frame, code.At(pc + 1)));
                    pc += 2;
                    break;
                case Op.NewArray:
                {
                    TObject fill = frame.Pop();
                    frame.Push(Operations.NewArray(frame.Pop(), fill, code, pc));
                    pc += 1;
                    break;
                }
                case Op.GetIndex:
                {
                    TObject index = frame.Pop();
                    frame.Push(Operations.GetIndex(frame.Pop(), index, code, pc));
                    pc += 1;
                    break;
                }
                case Op.SetIndex:
                {
                    TObject value = frame.Pop();
                    TObject index = frame.Pop();
                    Operations.SetIndex(frame.Pop(), index, value, code, pc);
                    pc += 1;
                    break;
                }
                case Op.Len:
                    frame.Push(Operations.Len(frame.Pop(), code, pc));
                    pc += 1;
                    break;
                case Op.Str:
                    frame.Push(Operations.Str(frame.Pop()));
                    pc += 1;
                    break;
                case Op.Clock:
                    frame.Push(Operations.Clock(code.Module));
                    pc += 1;
                    break;
                default:
                    throw new InvalidOperationException($"bad opcode {code.At(pc)} at {code.Describe(pc)}");
            }
        }
    }

    /// <summary>
    /// Calls the function named by the instruction at <paramref name="pc"/>. The name is
    /// promoted, so the elidable lookup folds to the callee in a trace.
    /// </summary>
    private static TObject Call(Code code, int pc, Frame frame)
    {
        string name = Jit.Promote(code.NameAt(code.At(pc + 1)));
        int argc = code.At(pc + 2);
        Code callee = Module.LookupFunction(code.Module, name)
            ?? throw Operations.Error(code, pc, $"undefined function '{name}'");
        if (callee.Arity != argc)
            throw Operations.Error(code, pc, $"{name}() takes {callee.Arity} argument(s), got {argc}");
        if (frame.depth >= MaxDepth)
            throw Operations.Error(code, pc, $"maximum recursion depth ({MaxDepth}) exceeded");
        var calleeFrame = new Frame(callee, frame.depth + 1);
        PassArguments(frame, calleeFrame, argc);
        return Execute(callee, calleeFrame);
    }

    /// <summary>Moves the top <paramref name="argc"/> values into the callee's first locals; argc is a trace constant.</summary>
    [UnrollSafe]
    private static void PassArguments(Frame caller, Frame callee, int argc)
    {
        int start = caller.sp - argc;
        for (int i = 0; i < argc; i++)
            callee.stack[i] = caller.stack[start + i];
        caller.sp = start;
    }

    [UnrollSafe]
    private static TArray BuildArray(Frame frame, int count)
    {
        var items = new TObject[count];
        for (int i = count - 1; i >= 0; i--)
            items[i] = frame.Pop();
        return new TArray(items);
    }
}
