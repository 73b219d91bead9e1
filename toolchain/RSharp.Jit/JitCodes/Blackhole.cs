using System.Reflection;
using System.Runtime.CompilerServices;
using RSharp.Jit.Traces;

namespace RSharp.Jit.JitCodes;

/// <summary>
/// The blackhole interpreter: runs jitcodes on concrete values without recording anything.
/// Inline calls run the callee's jitcode in a nested frame; residual calls go through the
/// descriptor's reflection member; .NET exceptions propagate and are caught by a
/// <c>catch_exception</c> that directly follows the raising instruction, as in RPython.
/// </summary>
public sealed partial class BlackholeInterpreter
{
    /// <summary>Value written into dead registers at <c>-live-</c> points when <see cref="PoisonDeadRegisters"/> is on.</summary>
    public const long PoisonInt = unchecked((long)0xDEADBEEF_DEAD_BEEFUL);

    /// <summary>
    /// When true, every <c>-live-</c> marker overwrites the registers its live set omits, so a
    /// liveness bug changes results instead of hiding (a testing aid).
    /// </summary>
    public bool PoisonDeadRegisters { get; set; }

    /// <summary>
    /// Frames deeper than this raise <see cref="InsufficientExecutionStackException"/>, as does a
    /// frame entered with too little .NET stack left (at any depth).
    /// </summary>
    public int MaxDepth { get; set; } = 2000;

    /// <summary>Number of instructions executed (all frames).</summary>
    public long InstructionCount { get; private set; }

    private int _depth;

    /// <summary>The object a poisoned ref register holds.</summary>
    public sealed class Poison
    {
        /// <summary>The instance.</summary>
        public static readonly Poison Instance = new();
        private Poison() { }
        /// <inheritdoc/>
        public override string ToString() => "<poison>";
    }

    /// <summary>
    /// Runs <paramref name="jitcode"/> with .NET argument values (receiver first) and returns
    /// its result boxed as the method's return type (null for void).
    /// </summary>
    public object? Run(JitCode jitcode, params object?[] args)
    {
        if (args.Length != jitcode.Arguments.Length)
            throw new ArgumentException($"{jitcode.Name} takes {jitcode.Arguments.Length} arguments, got {args.Length}");
        var frame = NewFrame(jitcode);
        for (int k = 0; k < args.Length; k++)
        {
            var (bank, reg) = jitcode.Arguments[k];
            switch (bank)
            {
                case 'i': frame.Ints[reg] = BlackholeValues.ToInt(args[k]); break;
                case 'f': frame.Floats[reg] = BlackholeValues.ToFloat(args[k]); break;
                default: frame.Refs[reg] = args[k]; break;
            }
        }
        var result = Execute(frame);
        return jitcode.ResultBank switch
        {
            'i' => BlackholeValues.FromInt(result.Int, jitcode.ReturnType),
            'f' => BlackholeValues.FromFloat(result.Float, jitcode.ReturnType),
            'r' => result.Ref,
            _ => null,
        };
    }

    internal sealed class Frame(JitCode jitcode)
    {
        public readonly JitCode JitCode = jitcode;
        public readonly long[] Ints = new long[jitcode.NumInts + jitcode.ConstInts.Length];
        public readonly object?[] Refs = new object?[jitcode.NumRefs + jitcode.ConstRefs.Length];
        public readonly double[] Floats = new double[jitcode.NumFloats + jitcode.ConstFloats.Length];
        public Exception? LastException;
        public int Pc;
        /// <summary>True until a portal frame passes its first merge point (the meta-interpreter counts function entries there).</summary>
        public bool AtEntry = true;
    }

    internal readonly record struct Result(long Int, object? Ref, double Float);

    private static Frame NewFrame(JitCode j)
    {
        if (!j.IsFilled) throw new InvalidOperationException($"jitcode {j.Name} has no code");
        var f = new Frame(j);
        j.ConstInts.CopyTo(f.Ints, j.NumInts);
        j.ConstRefs.CopyTo(f.Refs, j.NumRefs);
        j.ConstFloats.CopyTo(f.Floats, j.NumFloats);
        return f;
    }

    internal Result Execute(Frame frame)
    {
        if (++_depth > MaxDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            throw new InsufficientExecutionStackException("blackhole: too many nested jitcode frames");
        }
        try
        {
            while (true)
            {
                int start = frame.Pc;
                try
                {
                    return Loop(frame);
                }
                // Only a frame with a handler catches: a catch-and-rethrow per frame would nest exception
                // dispatch once per frame and overflow the stack in deep recursions.
                catch (Exception ex) when (ex is not BlackholeError && HandlerOf(frame) >= 0)
                {
                    frame.LastException = ex;
                    frame.Pc = HandlerOf(frame);
                    _ = start;
                    continue;
                }
            }
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>The handler of the instruction at the frame's position (it raised: Loop only advances after success), or -1.</summary>
    private static int HandlerOf(Frame frame)
    {
        var code = frame.JitCode.Code;
        int next = JitCodeDecoder.Decode(code, frame.Pc).Next;
        return next < code.Length && JitCodeDecoder.U16(code, next) == s_catchException ? JitCodeDecoder.U16(code, next + 2) : -1;
    }

    private static readonly ushort s_catchException = InstructionSet.Lookup("catch_exception/L")!.Opcode;

    /// <summary>Raised for malformed jitcodes; never caught by jitcode exception handling.</summary>
    public sealed class BlackholeError(string message) : Exception(message);

    private static object NonNull(object? o) => o ?? throw new NullReferenceException();

    private static long ArrayIndex(Array a, long index)
    {
        if (unchecked((ulong)index) >= (ulong)a.Length) throw new IndexOutOfRangeException();
        return index;
    }

    private static object? GetItem(object? arr, long index)
    {
        var a = (Array)NonNull(arr);
        int i = (int)ArrayIndex(a, index);
        return a switch
        {
            object?[] oa => oa[i],
            int[] ia => ia[i],
            byte[] ba => ba[i],
            char[] ca => ca[i],
            long[] la => la[i],
            double[] da => da[i],
            _ => a.GetValue(i),
        };
    }

    private static void SetItem(object? arr, long index, char bank, long iv, double fv, object? rv)
    {
        var a = (Array)NonNull(arr);
        int i = (int)ArrayIndex(a, index);
        switch (a)
        {
            case object?[] oa: oa[i] = rv; return; // covariance check: ArrayTypeMismatchException as natively
            case int[] ia: ia[i] = unchecked((int)iv); return;
            case byte[] ba: ba[i] = unchecked((byte)iv); return;
            case long[] la: la[i] = iv; return;
            case double[] da: da[i] = fv; return;
        }
        a.SetValue(BlackholeValues.ToStorage(bank, iv, fv, rv, a.GetType().GetElementType()!), i);
    }

    private static object NewArray(Type elementType, long length)
    {
        if (length < 0 || length > int.MaxValue) throw new OverflowException();
        return Array.CreateInstance(elementType, (int)length);
    }

    private static object? InvokeResidual(Descr descr, object?[] args, object? receiver, bool construct)
    {
        switch (descr)
        {
            case CallDescr call:
                if (!call.Method.IsStatic && receiver is null) throw new NullReferenceException();
                return call.Method.Invoke(receiver, BindingFlags.DoNotWrapExceptions, null, args, null);
            case ConstructorDescr ctor when construct:
                return ctor.Constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, args, null);
            case ConstructorDescr ctor:
                if (receiver is null) throw new NullReferenceException();
                return ctor.Constructor.Invoke(receiver, BindingFlags.DoNotWrapExceptions, null, args, null);
            default:
                throw new BlackholeError("not a call descriptor: " + descr);
        }
    }

    private static object NewObject(Type t) => RuntimeHelpers.GetUninitializedObject(t);
}
