using Mono.Cecil;

namespace RSharp.CodeWriter;

/// <summary>A register of a bank ('i', 'r', 'f').</summary>
internal readonly record struct Reg(char Bank, int Index)
{
    public override string ToString() => "%" + Bank + Index;
}

/// <summary>A constant operand; the assembler puts it in the bank's pool.</summary>
internal sealed record ConstOp(char Bank, object? Value)
{
    public override string ToString() => "$" + (Value ?? "null");
}

/// <summary>A position in the flattened code.</summary>
internal sealed class Label
{
    private static int s_next;
    public int Id { get; } = Interlocked.Increment(ref s_next);
    public override string ToString() => "L" + Id;
}

/// <summary>A list operand (I, R or F): registers or constants of one bank.</summary>
internal sealed record RegList(char Bank, object[] Items);

/// <summary>Cases of a switch before assembly: value to label.</summary>
internal sealed record PendingSwitch(string Name, List<(long Value, Label Target)> Cases);

/// <summary>
/// A call whose flavour is decided at assembly, once the codewriter knows which methods got a
/// jitcode: inline_call if the target did, residual_call otherwise.
/// </summary>
internal sealed class CallTarget(MethodReference method, System.Reflection.MethodBase reflected, RSharp.Jit.Traces.EffectInfo effect, bool virtualDispatch)
{
    /// <summary>A virtual call: stays residual (the runtime dispatches); a CHA-monomorphic one also gets a guarded direct call.</summary>
    public bool VirtualDispatch { get; } = virtualDispatch;
    public MethodReference Method { get; } = method;
    public System.Reflection.MethodBase Reflected { get; } = reflected;
    public RSharp.Jit.Traces.EffectInfo Effect { get; } = effect;
    public string Key => Method.FullName;
    public override string ToString() => "<call " + Method.FullName + ">";
}

/// <summary>
/// One instruction before assembly: a name, argument codes and operands (<see cref="Reg"/>,
/// <see cref="ConstOp"/>, <see cref="Label"/>, <see cref="RegList"/>, a descriptor,
/// <see cref="PendingSwitch"/> or <see cref="CallTarget"/>), and an optional result register.
/// The pseudo-instruction <c>label</c> marks a label's position.
/// </summary>
internal sealed class Insn(string name, string codes, object[] args, Reg? result = null)
{
    public string Name { get; set; } = name;
    public string Codes { get; set; } = codes;
    public object[] Args { get; } = args;
    public Reg? Result { get; } = result;

    public bool IsLabel => Name == "label";

    public override string ToString() =>
        Name + " " + string.Join(", ", Args.Select(a => a is RegList l ? "[" + string.Join(", ", l.Items) + "]" : a?.ToString()))
        + (Result is { } r ? " -> " + r : "");
}

/// <summary>Raised when a graph uses something the codewriter cannot model; the method then stays residual.</summary>
/// <summary>A construct the codewriter does not model yet (the method stays residual, or a root cannot be written).</summary>
public sealed class UnsupportedException(string reason) : Exception(reason);
