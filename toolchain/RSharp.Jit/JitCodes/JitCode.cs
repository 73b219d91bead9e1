using System.Collections;
using RSharp.Jit.Traces;

namespace RSharp.Jit.JitCodes;

/// <summary>
/// The live registers of the three banks at one guard-able point (a <c>-live-</c> marker):
/// every register that may be read before it is written again from there.
/// </summary>
public sealed class LiveSet
{
    /// <summary>Creates a live set from the three bank bitsets.</summary>
    public LiveSet(BitArray ints, BitArray refs, BitArray floats)
    {
        Ints = ints;
        Refs = refs;
        Floats = floats;
    }

    /// <summary>Live int registers.</summary>
    public BitArray Ints { get; }
    /// <summary>Live ref registers.</summary>
    public BitArray Refs { get; }
    /// <summary>Live float registers.</summary>
    public BitArray Floats { get; }

    /// <summary>The bitset of bank <paramref name="bank"/> ('i', 'r' or 'f').</summary>
    public BitArray Of(char bank) => bank switch { 'i' => Ints, 'r' => Refs, _ => Floats };

    /// <summary>Text form: <c>%i0 %r1 ...</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var bank in "irf")
        {
            var bits = Of(bank);
            for (int k = 0; k < bits.Length; k++)
                if (bits[k]) parts.Add("%" + bank + k);
        }
        return string.Join(" ", parts);
    }
}

/// <summary>
/// A jitcode: one looked-inside method as compact register bytecode (RPython's JitCode).
/// Registers are numbered per bank; an operand byte at or above the bank's register count
/// names a constant of that bank's pool (index = operand - register count), as in RPython.
/// </summary>
public sealed class JitCode
{
    /// <summary>Creates an empty jitcode; the codewriter fills it with <see cref="SetCode"/> (jitcodes may call each other).</summary>
    public JitCode(string name) => Name = name;

    /// <summary>The method's name (<c>Namespace.Type::Method</c>).</summary>
    public string Name { get; }
    /// <summary>The bytecode.</summary>
    public byte[] Code { get; private set; } = [];
    /// <summary>Number of int registers (constants follow).</summary>
    public int NumInts { get; private set; }
    /// <summary>Number of ref registers (constants follow).</summary>
    public int NumRefs { get; private set; }
    /// <summary>Number of float registers (constants follow).</summary>
    public int NumFloats { get; private set; }
    /// <summary>Int constant pool.</summary>
    public long[] ConstInts { get; private set; } = [];
    /// <summary>Ref constant pool.</summary>
    public object?[] ConstRefs { get; private set; } = [];
    /// <summary>Float constant pool.</summary>
    public double[] ConstFloats { get; private set; } = [];
    /// <summary>Descriptors referenced by <c>d</c> operands.</summary>
    public Descr[] Descrs { get; private set; } = [];
    /// <summary>Live sets referenced by <c>-live-</c> markers (the marker's operand is the index).</summary>
    public LiveSet[] LiveSets { get; private set; } = [];
    /// <summary>The arguments in signature order: bank and register of each (receiver first).</summary>
    public (char Bank, int Register)[] Arguments { get; private set; } = [];
    /// <summary>The result bank: 'i', 'r', 'f', or 'v' for void.</summary>
    public char ResultBank { get; private set; } = 'v';
    /// <summary>The .NET return type (for converting the result of a top-level run).</summary>
    public Type ReturnType { get; private set; } = typeof(void);
    /// <summary>True once <see cref="SetCode"/> has run.</summary>
    public bool IsFilled { get; private set; }

    /// <summary>Fills the jitcode (the codewriter's assembler calls this once).</summary>
    public void SetCode(byte[] code, int numInts, int numRefs, int numFloats,
        long[] constInts, object?[] constRefs, double[] constFloats, Descr[] descrs, LiveSet[] liveSets,
        (char Bank, int Register)[] arguments, char resultBank, Type returnType)
    {
        if (IsFilled) throw new InvalidOperationException($"jitcode {Name} is already filled");
        if (numInts + constInts.Length > 256 || numRefs + constRefs.Length > 256 || numFloats + constFloats.Length > 256)
            throw new ArgumentException($"jitcode {Name}: more than 256 registers and constants in a bank");
        Code = code;
        NumInts = numInts;
        NumRefs = numRefs;
        NumFloats = numFloats;
        ConstInts = constInts;
        ConstRefs = constRefs;
        ConstFloats = constFloats;
        Descrs = descrs;
        LiveSets = liveSets;
        Arguments = arguments;
        ResultBank = resultBank;
        ReturnType = returnType;
        IsFilled = true;
    }

    /// <summary>The readable listing (RPython's jitcode dump format): one instruction per line with its position.</summary>
    public string Dump() => JitCodeDumper.Dump(this);

    /// <inheritdoc/>
    public override string ToString() => "<JitCode " + Name + ">";
}

/// <summary>The descriptor of an <c>inline_call</c>: the called jitcode.</summary>
public sealed class JitCodeDescr(JitCode jitCode) : Descr(jitCode.Name.Replace(",", ";").Replace(")", "]").Replace("(", "["))
{
    /// <summary>The jitcode called.</summary>
    public JitCode JitCode { get; } = jitCode;
    /// <inheritdoc/>
    public override string TextKind => "JitCode";
}

/// <summary>A static field: read and written directly (traces see static fields as constants or residual).</summary>
public sealed class StaticFieldDescr(System.Reflection.FieldInfo field) : Descr($"{field.DeclaringType?.Name}.{field.Name}")
{
    /// <summary>The static field.</summary>
    public System.Reflection.FieldInfo Field { get; } = field;
    /// <inheritdoc/>
    public override string TextKind => "StaticField";
}

/// <summary>
/// A constructor called residually: <c>residual_new</c> allocates and runs it; a
/// <c>residual_call_v</c> with this descriptor runs it on an existing object (a base constructor call).
/// </summary>
public sealed class ConstructorDescr(System.Reflection.ConstructorInfo ctor, EffectInfo? effect = null, string? name = null)
    : Descr(name ?? $"{ctor.DeclaringType?.Name}.ctor{ctor.GetParameters().Length}")
{
    /// <summary>The constructor.</summary>
    public System.Reflection.ConstructorInfo Constructor { get; } = ctor;
    /// <summary>What the constructor may do.</summary>
    public EffectInfo Effect { get; } = effect ?? EffectInfo.Residual;
    /// <summary>Kinds of the arguments (without the object being constructed).</summary>
    public IReadOnlyList<ValueKind> ArgKinds { get; } = ctor.GetParameters().Select(p => ValueKinds.Of(p.ParameterType)).ToArray();
    /// <inheritdoc/>
    public override string TextKind => "Ctor";
}

/// <summary>The cases of a <c>switch</c>: value to bytecode position; no match falls through.</summary>
public sealed class SwitchDescr(string name, IReadOnlyDictionary<long, int> targets) : Descr(name)
{
    /// <summary>Value to target position.</summary>
    public IReadOnlyDictionary<long, int> Targets { get; } = targets;
    /// <inheritdoc/>
    public override string TextKind => "Switch";
}

/// <summary>
/// The arguments of a <c>jit_merge_point</c> or <c>can_enter_jit</c>: the order of the banks
/// (e.g. "irr" = an int, then two refs) so the greens and reds can be put back in declaration order.
/// </summary>
public sealed class MergePointDescr(string name, string argBanks) : Descr(name)
{
    /// <summary>Bank of each argument in declaration order.</summary>
    public string ArgBanks { get; } = argBanks;
    /// <inheritdoc/>
    public override string TextKind => "MergePoint";
}

/// <summary>Why a block of a jitcode is <c>unsupported</c>.</summary>
public sealed class ReasonDescr(string reason) : Descr(System.Text.RegularExpressions.Regex.Replace(reason, @"[,)\r\n]", " "))
{
    /// <inheritdoc/>
    public override string TextKind => "Unsupported";
}

/// <summary>
/// The storage of an address-taken local or argument of a primitive or reference type (an IL
/// stack slot): the codewriter keeps the slot in a ref register and reads and writes the field
/// of the value's bank.
/// </summary>
public sealed class Slot
{
    /// <summary>The value of an int-bank slot.</summary>
    public long I;
    /// <summary>The value of a float-bank slot.</summary>
    public double F;
    /// <summary>The value of a ref-bank slot.</summary>
    public object? R;
}
