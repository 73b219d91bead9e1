using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RSharp.Translator.Drivers;

/// <summary>How many values an IL instruction pops and pushes (calls from their signatures).</summary>
internal static class StackEffect
{
    /// <summary>Pops and pushes of <paramref name="ins"/>; pops is -1 when it cannot be known statically (e.g. ret in a non-void method).</summary>
    public static (int Pops, int Pushes) Of(Instruction ins)
    {
        if (ins.Operand is MethodReference m && ins.OpCode.FlowControl == FlowControl.Call)
        {
            int pops = m.Parameters.Count + (m.HasThis && ins.OpCode.Code != Code.Newobj ? 1 : 0);
            if (ins.OpCode.Code == Code.Calli) pops++;
            var returnType = m.ReturnType;
            while (returnType is IModifierType modified) returnType = modified.ElementType;  // init setters: void modreq(IsExternalInit)
            bool pushes = ins.OpCode.Code == Code.Newobj || returnType.MetadataType != MetadataType.Void;
            return (pops, pushes ? 1 : 0);
        }
        return (Pops(ins.OpCode.StackBehaviourPop), Pushes(ins.OpCode.StackBehaviourPush));
    }

    private static int Pops(StackBehaviour b) => b switch
    {
        StackBehaviour.Pop0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
            or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
        _ => -1,
    };

    private static int Pushes(StackBehaviour b) => b switch
    {
        StackBehaviour.Push0 => 0,
        StackBehaviour.Push1_push1 => 2,
        _ => 1,
    };

    /// <summary>
    /// Splits the straight-line code before a call into the instruction ranges that computed each of
    /// its <paramref name="count"/> stack operands (first operand first); null when the code is not
    /// straight-line or the stack cannot be followed.
    /// </summary>
    public static List<List<Instruction>>? OperandRanges(Instruction call, int count)
    {
        var ranges = new List<List<Instruction>>();
        var cursor = call.Previous;
        for (int k = 0; k < count; k++)
        {
            var range = new List<Instruction>();
            int need = 1;
            while (need > 0)
            {
                if (cursor is null || cursor.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
                    return null;
                var (pops, pushes) = Of(cursor);
                if (pops < 0) return null;
                range.Insert(0, cursor);
                need += pops - pushes;
                cursor = cursor.Previous;
            }
            if (need < 0) return null;   // an instruction produced more than this operand (dup): give up
            range.RemoveAll(i => i.OpCode.Code == Code.Nop);
            ranges.Insert(0, range);
        }
        return ranges;
    }
}
