using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RSharp.Translator.Drivers;

/// <summary>
/// Reads driver declarations out of a static constructor without running it: a small symbolic
/// evaluation of the IL that tracks string literals, string arrays built element by element, and
/// the <c>JitDriver</c> objects created from them, up to the <c>stsfld</c> that stores each.
/// Anything else is an unknown value; control flow is followed linearly (the initialiser
/// patterns Roslyn emits converge with the same stack shape).
/// </summary>
internal static class CctorEvaluator
{
    public const string DriverType = "RSharp.Hints.JitDriver";

    private sealed record Unknown { public static readonly Unknown Value = new(); }

    private sealed record NewDriver(object?[] Args);

    /// <summary>Returns each static field of the type assigned a driver, with the constructor's arguments (string, string[] or null; unknown values as null entries in a second list).</summary>
    public static IEnumerable<(FieldDefinition Field, object?[] Args)> FindDrivers(TypeDefinition type)
    {
        var cctor = type.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic && m.HasBody);
        if (cctor is null) yield break;
        var stack = new Stack<object?>();
        foreach (var ins in cctor.Body.Instructions)
        {
            if (!Step(ins, stack, out var stored))
                yield break;
            if (stored is { } s)
                yield return s;
        }
    }

    private static bool Step(Instruction ins, Stack<object?> stack, out (FieldDefinition, object?[])? stored)
    {
        stored = null;
        switch (ins.OpCode.Code)
        {
            case Code.Ldstr: stack.Push((string)ins.Operand); return true;
            case Code.Ldnull: stack.Push(null); return true;
            case Code.Ldc_I4_0: case Code.Ldc_I4_1: case Code.Ldc_I4_2: case Code.Ldc_I4_3: case Code.Ldc_I4_4:
            case Code.Ldc_I4_5: case Code.Ldc_I4_6: case Code.Ldc_I4_7: case Code.Ldc_I4_8:
                stack.Push(ins.OpCode.Code - Code.Ldc_I4_0); return true;
            case Code.Ldc_I4_S: stack.Push((int)(sbyte)ins.Operand); return true;
            case Code.Ldc_I4: stack.Push((int)ins.Operand); return true;
            case Code.Newarr:
            {
                if (stack.Count < 1) return false;
                object? n = stack.Pop();
                bool strings = ((TypeReference)ins.Operand).FullName == "System.String";
                stack.Push(strings && n is int len and >= 0 and < 1024 ? new string?[len] : Unknown.Value);
                return true;
            }
            case Code.Dup:
                if (stack.Count < 1) return false;
                stack.Push(stack.Peek()); return true;
            case Code.Stelem_Ref:
            {
                if (stack.Count < 3) return false;
                object? value = stack.Pop(), index = stack.Pop(), array = stack.Pop();
                if (array is string?[] arr && index is int i && i >= 0 && i < arr.Length)
                    arr[i] = value as string;
                return true;
            }
            case Code.Newobj:
            {
                var ctor = (MethodReference)ins.Operand;
                if (stack.Count < ctor.Parameters.Count) return false;
                var args = new object?[ctor.Parameters.Count];
                for (int i = args.Length - 1; i >= 0; i--) args[i] = stack.Pop();
                stack.Push(ctor.DeclaringType.FullName == DriverType ? new NewDriver(args) : Unknown.Value);
                return true;
            }
            case Code.Stsfld:
            {
                if (stack.Count < 1) return false;
                if (stack.Pop() is NewDriver d && ((FieldReference)ins.Operand).Resolve() is { } f)
                    stored = (f, d.Args);
                return true;
            }
            default:
                return Generic(ins, stack);
        }
    }

    /// <summary>Any other instruction: pop and push unknowns by its stack behaviour.</summary>
    private static bool Generic(Instruction ins, Stack<object?> stack)
    {
        var (pops, pushes) = StackEffect.Of(ins);
        if (pops < 0 || ins.OpCode.Code is Code.Ret or Code.Throw || stack.Count < pops) return false;
        for (int i = 0; i < pops; i++) stack.Pop();
        for (int i = 0; i < pushes; i++) stack.Push(Unknown.Value);
        return true;
    }
}
