using System.Diagnostics;
using RSharp.Hints;

namespace RSharp.Samples.Tiny;

/// <summary>
/// The opcodes. An instruction is its opcode followed by its operands in
/// <see cref="Code.Ops"/>; <see cref="Code.Width"/> gives the instruction length.
/// </summary>
internal enum Op
{
    Const,          // k: push constant k
    LoadLocal,      // i: push local i
    StoreLocal,     // i: pop into local i
    Pop,
    Add, Sub, Mul, Div, Mod,
    Eq, Ne, Lt, Le, Gt, Ge,
    Neg, Not,
    Jump,           // t: forward jump
    JumpBack,       // t: backward jump, the guest loop's back edge
    JumpIfFalse,    // t: pop; jump when false
    JumpIfFalseOrPop, // t: jump keeping the value when false, else pop (&&)
    JumpIfTrueOrPop,  // t: jump keeping the value when true, else pop (||)
    Call,           // name argc: call the function named names[name]
    Return,
    Print,
    BuildArray,     // n: pop n values into a new array
    NewArray,       // pop fill, pop length
    GetIndex,       // pop index, pop array or string
    SetIndex,       // pop value, pop index, pop array
    Len,
    Str,
    Clock,          // push microseconds since the program started
}

/// <summary>
/// A compiled function (or the main program): bytecode, constants and line table. Green in
/// the dispatch loop and never changed after compilation, so reads of it fold in traces.
/// RPython: <c>PyCode</c>.
/// </summary>
[Immutable]
internal sealed class Code(
    string name, int arity, int localCount, int maxStack, int[] ops, int[] lines,
    TObject[] consts, string[] names, Module module)
{
    public readonly string Name = name;
    public readonly int Arity = arity;
    /// <summary>Parameters and <c>let</c> variables; they occupy the frame's first slots.</summary>
    public readonly int LocalCount = localCount;
    public readonly int MaxStack = maxStack;
    public readonly int[] Ops = ops;
    /// <summary>The source line of each word of <see cref="Ops"/>.</summary>
    public readonly int[] Lines = lines;
    public readonly TObject[] Consts = consts;
    /// <summary>Names of called functions, interned by the compiler.</summary>
    public readonly string[] Names = names;
    public readonly Module Module = module;

    /// <summary>The word at <paramref name="pc"/>; the arrays never change, so a constant pc folds.</summary>
    [Elidable]
    public int At(int pc) => Ops[pc];

    [Elidable]
    public TObject Const(int index) => Consts[index];

    [Elidable]
    public string NameAt(int index) => Names[index];

    public int LineAt(int pc) => Lines[pc];

    /// <summary>Instruction length in words.</summary>
    public static int Width(Op op) => op switch
    {
        Op.Call => 3,
        Op.Const or Op.LoadLocal or Op.StoreLocal or Op.Jump or Op.JumpBack or Op.JumpIfFalse
            or Op.JumpIfFalseOrPop or Op.JumpIfTrueOrPop or Op.BuildArray => 2,
        _ => 1,
    };

    /// <summary>The guest location for JIT logs, e.g. <c>fib:3 Lt</c>.</summary>
    public string Describe(int pc) => $"{Name}:{LineAt(pc)} #{pc} {(Op)Ops[pc]}";

    /// <summary>A disassembly, one instruction per line.</summary>
    public string Disassemble()
    {
        var sb = new System.Text.StringBuilder($"code {Name} arity={Arity} locals={LocalCount} stack={MaxStack}\n");
        for (int pc = 0; pc < Ops.Length; pc += Width((Op)Ops[pc]))
        {
            sb.Append($"{pc,5} {(Op)Ops[pc]}");
            for (int i = 1; i < Width((Op)Ops[pc]); i++) sb.Append(' ').Append(Ops[pc + i]);
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

/// <summary>
/// A compiled program: its functions (fixed once compiled) and where it prints.
/// </summary>
internal sealed class Module(TextWriter output)
{
    public readonly Dictionary<string, Code> Functions = new(StringComparer.Ordinal);
    public readonly TextWriter Output = output;
    public readonly Stopwatch Clock = Stopwatch.StartNew();

    /// <summary>Set by the compiler after the functions.</summary>
    public Code Main = null!;

    /// <summary>The function table never changes after compilation, so a lookup with a constant name folds.</summary>
    [Elidable]
    public static Code? LookupFunction(Module module, string name) =>
        module.Functions.TryGetValue(name, out var code) ? code : null;
}
