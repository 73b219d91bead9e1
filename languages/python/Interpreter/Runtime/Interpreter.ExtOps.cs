using PySharp.Compiler;

namespace PySharp.Interpreter;

public static partial class Interpreter
{
    /// <summary>The coroutine and except* opcodes (rare; kept out of <see cref="Run"/> and ColdOp).</summary>
    private static PyObject? ExtOp(Op op, Frame frame, PyObject?[] stack, ref int sp, int arg)
    {
        switch (op)
        {
            case Op.GetAwaitable: Put(stack, sp - 1, AsyncTypes.GetAwaitable(stack[sp - 1]!)); break;
            case Op.GetAIter: Put(stack, sp - 1, AsyncTypes.GetAIter(stack[sp - 1]!)); break;
            case Op.GetANext: Put(stack, sp, AsyncTypes.GetANext(stack[sp - 1]!)); sp++; break;
            case Op.EndAsyncFor:
                {
                    var exc = (PyBaseException)stack[--sp]!;
                    stack[sp] = null;
                    if (!exc.Type.IsSubtypeOf(Exc.StopAsyncIteration)) throw Reraise(new PyException(exc));
                    stack[--sp] = null;
                    break;
                }
            case Op.BeforeAsyncWith:
                {
                    var awaitable = AsyncTypes.BeforeAsyncWith(stack[sp - 1]!, out var exit);
                    Put(stack, sp - 1, exit);
                    Put(stack, sp++, awaitable);
                    break;
                }
            case Op.AsyncGenWrap: Put(stack, sp - 1, new AsyncGenValue(stack[sp - 1]!)); break;
            case Op.CheckEgMatch:
                {
                    var match = ExceptionGroups.ExceptStarMatch(stack[sp - 2]!, stack[sp - 1]!, out var rest);
                    Put(stack, sp - 2, rest);
                    Put(stack, sp - 1, match);
                    if (match is PyBaseException mb) frame.Rt.HandledException = mb;
                    break;
                }
            case Op.PrepReraiseStar:
                {
                    var rest = stack[--sp]!;
                    stack[sp] = null;
                    var raised = (PyList)stack[--sp]!;
                    stack[sp] = null;
                    var toRaise = ExceptionGroups.PrepReraiseStar(stack[sp - 1]!, raised, rest);
                    if (toRaise is PyBaseException be)
                    {
                        // Raised as RERAISE does: no new context, no traceback entry for this frame.
                        var rt = frame.Rt;
                        var handled = rt.HandledException;
                        rt.HandledException = null;
                        var pe = new PyException(be);
                        rt.HandledException = handled;
                        throw Reraise(pe);
                    }
                    Put(stack, sp++, toRaise);
                    break;
                }
            default: throw new InvalidOperationException("unknown opcode " + op);
        }
        return null;
    }
}
