using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

internal sealed partial class Tracer
{
    /// <summary>Executes and records the innermost frame's current instruction.</summary>
    private TraceEnd? Step()
    {
        var f = _frames[^1];
        var j = f.JitCode;
        var code = j.Code;
        int pc = f.Pc;
        var def = InstructionSet.All[code[pc] | (code[pc + 1] << 8)];
        int p = pc + 2;
        TraceValue BoxI(int reg) => f.BI[reg] ?? throw new AbortTrace("read of an unset int register");
        TraceValue BoxR(int reg) => f.BR[reg] ?? throw new AbortTrace("read of an unset ref register");
        TraceValue BoxF(int reg) => f.BF[reg] ?? throw new AbortTrace("read of an unset float register");
        Descr D(int at) => j.Descrs[code[at] | (code[at + 1] << 8)];
        int U16(int at) => code[at] | (code[at + 1] << 8);

        switch (def.Name)
        {
            case "-live-":
                f.LivePc = pc;
                f.Live = j.LiveSets[U16(p)];
                f.LiveNext = f.Pc = p + 2;
                return null;
            case "int_copy": f.SetI(code[p + 1], f.I[code[p]], BoxI(code[p])); f.Pc = p + 2; return null;
            case "ref_copy": f.SetR(code[p + 1], f.R[code[p]], BoxR(code[p])); f.Pc = p + 2; return null;
            case "float_copy": f.SetF(code[p + 1], f.F[code[p]], BoxF(code[p])); f.Pc = p + 2; return null;
            case "goto": f.Pc = U16(p); return null;
            case "goto_if_not":
            {
                var box = BoxI(code[p]);
                bool taken = f.I[code[p]] != 0;
                if (box is not Const) Guard(taken ? OpCode.GuardTrue : OpCode.GuardFalse, [box]);
                f.Pc = taken ? p + 3 : U16(p + 1);
                return null;
            }
            case "switch":
            {
                var sw = (SwitchDescr)D(p + 1);
                long v = f.I[code[p]];
                var box = BoxI(code[p]);
                if (box is not Const) Promote(f, box, new ConstInt(v));
                f.Pc = sw.Targets.TryGetValue(v, out int target) ? target : p + 3;
                return null;
            }
            case "int_guard_value":
            {
                var box = BoxI(code[p]);
                if (box is not Const) Promote(f, box, new ConstInt(f.I[code[p]]));
                f.Pc = p + 1;
                return null;
            }
            case "ref_guard_value":
            {
                var box = BoxR(code[p]);
                if (box is not Const) Promote(f, box, ConstRef(f.R[code[p]]));
                f.Pc = p + 1;
                return null;
            }
            case "float_guard_value":
            {
                var box = BoxF(code[p]);
                if (box is not Const) Promote(f, box, new ConstFloat(f.F[code[p]]));
                f.Pc = p + 1;
                return null;
            }
            case "catch_exception": f.Pc = p + 2; return null;
            case "goto_if_exception_mismatch":
            {
                var t = ((TypeDescr)D(p)).Type;
                var box = f.LastExceptionBox ?? throw new AbortTrace("exception without a value");
                if (box is not Const && !_classes.ContainsKey(box)) throw new AbortTrace("exception of unknown class");
                f.Pc = t.IsInstanceOfType(f.LastException) ? p + 4 : U16(p + 2);
                return null;
            }
            case "last_exc_value":
                f.SetR(code[p], f.LastException, f.LastExceptionBox ?? throw new AbortTrace("exception without a value"));
                f.Pc = p + 1;
                return null;
            case "raise":
            {
                var box = BoxR(code[p]);
                if (f.R[code[p]] is not Exception exc) throw new AbortTrace("raise of null");
                if (box is not Const && !_classes.ContainsKey(box))
                {
                    Guard(OpCode.GuardNonnullClass, [box], _mi.TypeDescrOf(exc.GetType()));
                    _classes[box] = exc.GetType();
                    _nonNull.Add(box);
                }
                return Raise(exc, box);
            }
            case "reraise":
                return Raise(f.LastException ?? throw new AbortTrace("reraise without exception"),
                    f.LastExceptionBox ?? throw new AbortTrace("exception without a value"));
            case "int_return": return Return('i', f.I[code[p]], BoxI(code[p]));
            case "ref_return": return Return('r', f.R[code[p]], BoxR(code[p]));
            case "float_return": return Return('f', f.F[code[p]], BoxF(code[p]));
            case "void_return": return Return('v', null, null);
            case "jit_merge_point": return MergePoint(f);
            case "can_enter_jit": CanEnterJit(f); return null;
            case "inline_call_v": case "inline_call_i": case "inline_call_r": case "inline_call_f":
                return InlineCall(f, def, p);
            case "residual_call_v": case "residual_call_i": case "residual_call_r": case "residual_call_f":
            case "residual_new":
                return ResidualCall(f, def, p);
        }
        if (def.Pure is not null)
        {
            Pure(f, def, p);
            return null;
        }
        if (Heap(f, def, p) || ClassOps(f, def, p)) return null;
        throw new AbortTrace("unsupported instruction " + def.Name);
    }

    /// <summary>guard_value and make the value a constant everywhere (RPython's replace_box).</summary>
    private void Promote(TraceFrame f, TraceValue box, Const value)
    {
        Guard(OpCode.GuardValue, [box, value]);
        foreach (var fr in _frames) fr.Replace(box, value);
        VableReplace(box, value);
    }

    /// <summary>Reads the three register lists of a call (d I R F) and returns the position after them.</summary>
    private static int CallLists(byte[] code, int p, out int iStart, out int iCount, out int rStart, out int rCount, out int fStart, out int fCount)
    {
        p += 2;
        iStart = p + 1; iCount = code[p]; p += 1 + iCount;
        rStart = p + 1; rCount = code[p]; p += 1 + rCount;
        fStart = p + 1; fCount = code[p]; p += 1 + fCount;
        return p;
    }

    private TraceEnd? InlineCall(TraceFrame f, InstructionDef def, int p)
    {
        var code = f.JitCode.Code;
        var callee = ((JitCodeDescr)f.JitCode.Descrs[code[p] | (code[p + 1] << 8)]).JitCode;
        int after = CallLists(code, p, out int iStart, out _, out int rStart, out _, out int fStart, out _);
        if (f.LiveNext != f.Pc || f.Live is null) throw new AbortTrace("inline call without a -live- point");
        if (_frames.Count > 64) throw new AbortTrace("inlining too deep");
        if (callee == _mi.Portal && !_mi.Parameters.Inlining) return PortalCall(f, def, iStart, rStart, fStart, after);
        var nf = NewFrame(callee);
        if (callee == _mi.Portal) StartNestedPortal(nf, def, code, after);
        int ii = 0, ri = 0, fi = 0;
        foreach (var (bank, reg) in callee.Arguments)
            switch (bank)
            {
                case 'i': { int s = code[iStart + ii++]; nf.SetI(reg, f.I[s], f.BI[s] ?? throw new AbortTrace("unset argument")); break; }
                case 'r': { int s = code[rStart + ri++]; nf.SetR(reg, f.R[s], f.BR[s] ?? throw new AbortTrace("unset argument")); break; }
                default: { int s = code[fStart + fi++]; nf.SetF(reg, f.F[s], f.BF[s] ?? throw new AbortTrace("unset argument")); break; }
            }
        f.CallPc = f.Pc;
        f.CallLive = f.Live;
        _frames.Add(nf);
        return null;
    }

    /// <summary>
    /// A recursive call of the portal with inlining off: a residual call of the portal runner,
    /// which runs the nested invocation with the JIT.
    /// </summary>
    private TraceEnd? PortalCall(TraceFrame f, InstructionDef def, int iStart, int rStart, int fStart, int after)
    {
        var code = f.JitCode.Code;
        var callee = _mi.Portal;
        var boxes = new TraceValue[callee.Arguments.Length];
        var args = new object?[callee.Arguments.Length];
        int ii = 0, ri = 0, fi = 0;
        for (int k = 0; k < callee.Arguments.Length; k++)
        {
            int s;
            switch (callee.Arguments[k].Bank)
            {
                case 'i': s = code[iStart + ii++]; boxes[k] = f.BI[s] ?? throw new AbortTrace("unset argument"); args[k] = f.I[s]; break;
                case 'r': s = code[rStart + ri++]; boxes[k] = f.BR[s] ?? throw new AbortTrace("unset argument"); args[k] = f.R[s]; break;
                default: s = code[fStart + fi++]; boxes[k] = f.BF[s] ?? throw new AbortTrace("unset argument"); args[k] = f.F[s]; break;
            }
        }
        char resultBank = def.ArgCodes.Length > 5 ? def.ArgCodes[5] : 'v';
        int resultReg = resultBank == 'v' ? -1 : code[after++];
        var call = _mi.PortalCallDescr();
        return CallAndRecord(f, call, boxes, () => InvokeDelegate(call.Delegate!, args), resultBank, resultReg, after, construct: false);
    }

    /// <summary>Marks a box as a known non-null object (of a known exact class, if given).</summary>
    private void Know(TraceValue box, Type? exactClass)
    {
        _nonNull.Add(box);
        if (exactClass is not null) _classes[box] = exactClass;
    }

    private bool KnownNonNull(TraceValue box) => box is ConstRef { Value: not null } || _nonNull.Contains(box);

    /// <summary>guard_nonnull unless known; the concrete value must be non-null (else the instruction raises: abort).</summary>
    private void RequireNonNull(TraceValue box, object? value)
    {
        if (value is null) throw new AbortTrace("null dereference while tracing");
        if (KnownNonNull(box)) return;
        // No -live- point: the codewriter knows the access cannot raise (a stack slot), so no guard.
        var inner = _frames[^1];
        if (inner.LiveNext == inner.Pc) Guard(OpCode.GuardNonnull, [box]);
        _nonNull.Add(box);
    }
}
