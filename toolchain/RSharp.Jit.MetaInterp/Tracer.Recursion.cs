using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// Recursive portal calls (RPython's do_recursive_call): the callee is traced into (inlined)
/// up to its first merge point, where its green key decides: keep inlining, or call its
/// compiled code (<c>call_assembler</c>), or call the interpreter from that merge point.
/// </summary>
internal sealed partial class Tracer
{
    /// <summary>An inlined call of the portal: remember where the caller continues and where the result goes.</summary>
    private static void StartNestedPortal(TraceFrame nf, InstructionDef def, byte[] code, int after)
    {
        nf.IsNestedPortal = true;
        char resultBank = def.ArgCodes.Length > 5 ? def.ArgCodes[5] : 'v';
        nf.PortalResultBank = resultBank;
        nf.PortalResultReg = resultBank == 'v' ? -1 : code[after];
        nf.PortalAfter = resultBank == 'v' ? after : after + 1;
    }

    /// <summary>A merge point of an inlined portal invocation (not the trace's outermost frame).</summary>
    private TraceEnd? NestedMergePoint(TraceFrame f, MergePointArgs mp)
    {
        if (f.PastEntry)
        {
            f.Pc = mp.Next;
            return null;
        }
        f.PastEntry = true;
        var key = _mi.KeyOf(mp, (b, r) => f.Value(b, r));
        f.EntryKey = key;
        // Recursion (the same function already on the trace's stack) is never unrolled.
        bool recursive = key.Equals(_startKey) || _frames.Any(fr => !ReferenceEquals(fr, f) && key.Equals(fr.EntryKey));
        if (!recursive && !_mi.DontInline(key))
        {
            f.Pc = mp.Next;
            return null;
        }
        var reds = mp.Reds(f.JitCode, _mi.GreenCount);
        var args = reds.Select(r => f.Box(r.Bank, r.Reg) ?? throw new AbortTrace("red without a value")).ToList();
        if (AssemblerTarget(f, mp, key) is var (token, shape) && (shape is null || VableArgsFromHeap(f, mp, shape, args)))
            return CallNested(f, args, token);
        // No compiled code to call yet: call the interpreter from here, and get the callee traced.
        _mi.RequestEntryTrace(key);
        var greens = mp.Args.Take(_mi.GreenCount).Select(g => f.Box(g.Bank, g.Reg) ?? throw new AbortTrace("green without a value"));
        return CallNested(f, [.. greens, .. args], null, _mi.MergePointCallDescr(f.Pc));
    }

    /// <summary>The compiled code a call at this merge point can enter: all greens constant and a loop (or this very trace) at the key.</summary>
    private (LoopToken, VableShape?)? AssemblerTarget(TraceFrame f, MergePointArgs mp, GreenKey key)
    {
        for (int k = 0; k < _mi.GreenCount; k++)
            if (f.Box(mp.Args[k].Bank, mp.Args[k].Reg) is not Const) return null;
        if (_mi.CompiledAt(key) is { } loop && !loop.Token.IsInvalidated) return (loop.Token, _mi.VableShapeOf(loop));
        if (!IsBridge && key.Equals(_startKey) && SelfToken is not null) return (SelfToken, _vable?.Shape);
        return null;
    }

    /// <summary>
    /// Compiled code takes the virtualizable's fields and items after the reds: read them from the
    /// callee's object (a constant green key means a constant shape). False if the object does not
    /// have the shape the target was traced with.
    /// </summary>
    private bool VableArgsFromHeap(TraceFrame f, MergePointArgs mp, VableShape shape, List<TraceValue> args)
    {
        var (bank, reg) = mp.Args[_mi.GreenCount + _mi.VirtualizableRed];
        if (bank != 'r' || f.R[reg] is not { } obj || f.BR[reg] is not { } box) return false;
        if (obj.GetType() != shape.Layout.Type || shape.Layout.Lengths(obj) is not { } lengths
            || !lengths.AsSpan().SequenceEqual(shape.Lengths))
            return false;
        RequireNonNull(box, obj);
        foreach (var fd in shape.Layout.Scalars)
        {
            char fb = VableLayout.BankOf(fd.FieldType);
            var op = Record(ByKind(KindOf(fb), OpCode.GetfieldGcI, OpCode.GetfieldGcR, OpCode.GetfieldGcF), [box], _mi.CanonicalField(fd));
            args.Add(fb == 'i' ? Loaded(op, fd.FieldType) : op);
        }
        foreach (var ad in shape.Layout.Arrays)
        {
            var arr = (Array)ad.Field.GetValue(obj)!;
            var arrBox = Record(OpCode.GetfieldGcR, [box], _mi.CanonicalField(ad));
            Know(arrBox, arr.GetType());
            args.Add(arrBox);
            var et = arr.GetType().GetElementType()!;
            char eb = VableLayout.BankOf(et);
            var descr = _mi.CanonicalArray(_mi.ArrayDescrOf(et));
            for (int j = 0; j < arr.Length; j++)
            {
                var op = Record(ByKind(KindOf(eb), OpCode.GetarrayitemGcI, OpCode.GetarrayitemGcR, OpCode.GetarrayitemGcF),
                    [arrBox, new ConstInt(j)], descr);
                args.Add(eb == 'i' ? Loaded(op, et) : op);
            }
        }
        return true;
    }

    /// <summary>
    /// Ends the inlined invocation at its merge point with a call of the rest of it, recorded in
    /// the caller: call_assembler of <paramref name="token"/>, or a residual call of <paramref name="residual"/>.
    /// </summary>
    private TraceEnd? CallNested(TraceFrame f, List<TraceValue> args, LoopToken? token, CallDescr? residual = null)
    {
        var rest = f.ToBlackhole();
        _frames.RemoveAt(_frames.Count - 1);
        var caller = _frames[^1];
        var call = residual ?? _mi.PortalCallDescr();
        return CallAndRecord(caller, call, [.. args], () => _mi.RunFromMergePoint(rest),
            f.PortalResultBank, f.PortalResultReg, f.PortalAfter, construct: false, assembler: token);
    }

    /// <summary>A can_enter_jit (a guest-level backward jump).</summary>
    private void CanEnterJit(TraceFrame f)
    {
        var mp = MergePointArgs.At(f.JitCode, f.Pc);
        if (f.IsNestedPortal)
        {
            // The inlined invocation loops: its callers should call it, not unroll its loop.
            if (f.EntryKey is { } callee) _mi.StopInlining(callee);
            throw new AbortTrace("inlined recursive call has a loop", counts: false);
        }
        if (IsEntry && _frames.Count == 1)
        {
            // A function entry trace ends in a loop only if the loop is compiled: get it traced first.
            var key = _mi.KeyOf(mp, (b, r) => f.Value(b, r));
            if (!key.Equals(_startKey) && _mi.CompiledAt(key) is null)
            {
                bool retry = _mi.RequestLoopTrace(key);
                if (retry) _mi.RequestEntryTrace(_startKey!);
                throw new AbortTrace("function entry reaches a loop that is not compiled", counts: !retry);
            }
        }
        f.Pc = mp.Next;
    }

    /// <summary>A trace that grew too long while inlining recursive calls: stop inlining the outermost of them.</summary>
    private void NestedPortalsAborted(AbortTrace a)
    {
        if (a.Reason != "trace too long") return;
        if (_frames.FirstOrDefault(fr => fr.IsNestedPortal && fr.EntryKey is not null)?.EntryKey is { } key)
            _mi.StopInlining(key);
    }
}
