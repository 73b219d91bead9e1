using RSharp.Hints;

namespace RSharp.Samples.Tiny;

/// <summary>
/// One activation of a function: its local variables in the first
/// <see cref="Code.LocalCount"/> slots of <see cref="stack"/>, the operand stack above them.
/// Virtualizable, so compiled loops keep the slots and the stack pointer in registers.
/// RPython: <c>PyFrame</c> with <c>locals_cells_stack_w[*]</c>.
/// </summary>
[Virtualizable("stack[*]", "sp")]
internal sealed class Frame
{
    // Field names follow the virtualizable declaration.
    internal readonly TObject?[] stack;
    internal int sp;
    /// <summary>Number of active calls below this frame; bounds guest recursion.</summary>
    internal readonly int depth;

    internal Frame(Code code, int depth)
    {
        stack = new TObject?[code.LocalCount + code.MaxStack];
        sp = code.LocalCount;
        this.depth = depth;
    }

    internal void Push(TObject value)
    {
        stack[sp] = value;
        sp++;
    }

    internal TObject Pop()
    {
        sp--;
        // The compiler stores every local before reading it, so no slot read here is null.
        return stack[sp]!;
    }

    internal TObject Peek() => stack[sp - 1]!;
}
