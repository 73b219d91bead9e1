
namespace RSharp.Jit.JitCodes;

// The entry points the meta-interpreter uses: resuming a stack of frames rebuilt from a guard's
// resume data (RPython's blackhole_from_resumedata), and a hook at merge points.
public sealed partial class BlackholeInterpreter
{
    /// <summary>
    /// Called at <c>jit_merge_point</c> and <c>can_enter_jit</c> (the bool is true for the
    /// latter) with the frame stopped at the instruction (<c>frame.Pc</c>). A non-null result
    /// makes the frame return it at once (the meta-interpreter ran the rest of the portal
    /// invocation, or wants the outermost frame of a resumed run back); null continues.
    /// </summary>
    internal Func<Frame, bool, Result?>? MergePointHook;

    /// <summary>Called after a write to a <c>[QuasiImmutable]</c> field (the meta-interpreter invalidates the loops that read it).</summary>
    internal Action<Traces.FieldDescr, object>? QuasiImmutableWriteHook;

    /// <summary>A fresh frame for <paramref name="jitcode"/> with its constant areas filled.</summary>
    internal static Frame NewFrameFor(JitCode jitcode) => NewFrame(jitcode);

    /// <summary>
    /// Runs a stack of frames, outermost first. The innermost runs from its <c>Pc</c>, or, if
    /// <paramref name="raised"/> is set, as if the instruction at its <c>Pc</c> raised it. Every
    /// other frame is stopped at the call instruction that created the next one: it receives
    /// the callee's result (or exception) and continues after the call. Returns the outermost
    /// frame's result; an exception leaving the outermost frame propagates.
    /// </summary>
    internal Result ResumeStack(IReadOnlyList<Frame> frames, Exception? raised)
    {
        Result r = default;
        Exception? exc = raised;
        for (int k = frames.Count - 1; k >= 0; k--)
        {
            var f = frames[k];
            if (k < frames.Count - 1 && exc is null)
            {
                // The callee returned: write its result and step over the call.
                var (def, ops, next) = JitCodeDecoder.Decode(f.JitCode.Code, f.Pc);
                if (def.Kind != InsnKind.InlineCall) throw new BlackholeError($"{f.JitCode.Name} @{f.Pc}: resumed caller is not at an inline call");
                var res = ops.FirstOrDefault(o => o.Code == '>');
                if (res.Code == '>')
                    switch ((char)res.List![0])
                    {
                        case 'i': f.Ints[res.Value] = r.Int; break;
                        case 'r': f.Refs[res.Value] = r.Ref; break;
                        default: f.Floats[res.Value] = r.Float; break;
                    }
                f.Pc = next;
            }
            if (exc is not null)
            {
                var code = f.JitCode.Code;
                int next = JitCodeDecoder.Decode(code, f.Pc).Next;
                if (next < code.Length && JitCodeDecoder.U16(code, next) == s_catchException)
                {
                    f.LastException = exc;
                    f.Pc = JitCodeDecoder.U16(code, next + 2);
                    exc = null;
                }
                else
                {
                    continue; // propagates to the caller frame
                }
            }
            try
            {
                r = Execute(f);
            }
            catch (Exception e) when (e is not BlackholeError)
            {
                exc = e;
                r = default;
            }
        }
        if (exc is not null) GuestException.Throw(exc);
        return r;
    }
}
