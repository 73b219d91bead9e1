using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// The codewriter's class-related instructions: <c>guard_class</c> (the inlined target of a
/// monomorphic virtual call), <c>struct_copy</c> and the delegate constructors.
/// </summary>
internal sealed partial class Tracer
{
    private bool ClassOps(TraceFrame f, InstructionDef def, int p)
    {
        var j = f.JitCode;
        var code = j.Code;
        Descr D(int at) => j.Descrs[code[at] | (code[at + 1] << 8)];
        TraceValue B(int reg) => f.Box('r', reg) ?? throw new AbortTrace("read of an unset register");
        switch (def.Name)
        {
            case "guard_class":
            {
                // The receiver's exact class decides the path; the trace guards on the class it
                // has now, which fixes the path for every later run of the trace.
                var t = ((TypeDescr)D(p + 1)).Type;
                var o = f.R[code[p]];
                var ob = B(code[p]);
                if (o is null)
                {
                    if (ob is not Const) Guard(OpCode.GuardIsnull, [ob]);
                }
                else if (ob is not Const && !(_classes.TryGetValue(ob, out var known) && known == o.GetType()))
                {
                    Guard(OpCode.GuardNonnullClass, [ob], _mi.TypeDescrOf(o.GetType()));
                    Know(ob, o.GetType());
                }
                f.Pc = o is not null && o.GetType() == t ? p + 5 : code[p + 3] | (code[p + 4] << 8);
                return true;
            }
            case "struct_copy":
            {
                // A fresh box of the struct (the codewriter then writes a field of the copy).
                var o = f.R[code[p]];
                var ob = B(code[p]);
                var copy = BlackholeInterpreter.CopyStruct(o);
                // The register's static type is one struct type; a null (an empty Nullable) has no
                // type to name the fields the copy reads, and no guard can be taken here.
                if (o is null || !o.GetType().IsValueType) throw new AbortTrace("struct_copy of something that is not a struct box");
                TraceValue box = Record(OpCode.CallR, [ob], _mi.StructCopyDescr(o.GetType()));
                f.Set('r', code[p + 1], copy, box);
                f.Pc = p + 2;
                return true;
            }
            case "new_delegate" or "new_virtual_delegate":
            {
                // No -live- precedes these, so they take no guard: the trace records them only
                // when they cannot fail and their target method is fixed, i.e. the method is
                // static or the target's exact class is known (a constant, or guarded before).
                var type = ((TypeDescr)D(p + 1)).Type;
                var method = ((CallDescr)D(p + 3)).Method;
                var target = f.R[code[p]];
                var tb = B(code[p]);
                bool classKnown = target is not null && (tb is Const || (_classes.TryGetValue(tb, out var k) && k == target.GetType()));
                if (!method.IsStatic && !classKnown) throw new AbortTrace("delegate over a target of unknown class");
                bool isVirtual = def.Name == "new_virtual_delegate";
                var made = BlackholeInterpreter.MakeDelegate(type, method, isVirtual, target);
                // The dispatch is done now: the trace's class knowledge fixes it.
                var call = Record(OpCode.CallR, [tb], _mi.DelegateDescr(type, made.Method, isVirtual: false));
                f.Set('r', code[p + 5], made, call);
                f.Pc = p + 6;
                return true;
            }
        }
        return false;
    }
}
