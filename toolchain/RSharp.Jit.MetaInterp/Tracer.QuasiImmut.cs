using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

// Quasi-immutable fields (RPython's quasiimmut.py and pyjitpl's record_quasiimmut_field).
internal sealed partial class Tracer
{
    private Operation? _headerGuard;
    private bool _headerGuardRecorded;
    private readonly List<(object Obj, FieldDescr Field, object? Value)> _qiDeps = [];
    private readonly List<(object Obj, FieldDescr Field)> _qiWritten = [];

    /// <summary>The quasi-immutable fields this trace read as constants, with the values read.</summary>
    internal IReadOnlyList<(object Obj, FieldDescr Field, object? Value)> QuasiImmutDeps => _qiDeps;

    /// <summary>
    /// Prepares the <c>guard_not_invalidated</c> that goes right after the loop's label: it resumes
    /// at the <c>-live-</c> after the merge point, the state the loop starts from. The codewriter
    /// puts no <c>-live-</c> before field reads, so the guard sits at the loop header (and after
    /// calls that may invalidate) instead of at each read.
    /// </summary>
    private void PrepareHeaderGuard(TraceFrame tf, int livePc)
    {
        var code = tf.JitCode.Code;
        if (livePc + 4 > code.Length || InstructionSet.All[JitCodeDecoder.U16(code, livePc)].Name != "-live-") return;
        var (savedLive, savedPc, savedNext) = (tf.Live, tf.LivePc, tf.LiveNext);
        tf.Live = tf.JitCode.LiveSets[JitCodeDecoder.U16(code, livePc + 2)];
        tf.LivePc = livePc;
        var failArgs = new List<TraceValue>();
        var data = Snapshot(livePc, failArgs, afterCall: false, 'v', 0, null, null);
        _headerGuard = new Operation(OpCode.GuardNotInvalidated, [], null, failArgs) { ResumeData = data };
        (tf.Live, tf.LivePc, tf.LiveNext) = (savedLive, savedPc, savedNext);
    }

    /// <summary>
    /// A read of a quasi-immutable field of a constant object: the value becomes a constant
    /// (recorded as <c>quasiimmut_field</c>, checked by the header's <c>guard_not_invalidated</c>).
    /// False where it cannot be: bridges (no header guard yet), a field this trace wrote.
    /// </summary>
    private bool QuasiImmutRead(FieldDescr fd, object obj, TraceValue ob, object? value)
    {
        if (!fd.IsQuasiImmutable || ob is not Const || IsBridge || _headerGuard is null) return false;
        foreach (var (o, f) in _qiWritten)
            if (ReferenceEquals(o, obj) && ReferenceEquals(f, fd)) return false;
        if (!_headerGuardRecorded)
        {
            _ops.Insert(1, _headerGuard); // right after the label
            _headerGuardRecorded = true;
        }
        Record(OpCode.QuasiimmutField, [ob], fd);
        bool known = false;
        foreach (var (o, f, _) in _qiDeps) known |= ReferenceEquals(o, obj) && ReferenceEquals(f, fd);
        if (!known) _qiDeps.Add((obj, fd, value));
        return true;
    }

    /// <summary>After a write of a quasi-immutable field: invalidate its watchers, now and in compiled code.</summary>
    private void QuasiImmutWrite(FieldDescr fd, object obj, TraceValue ob)
    {
        if (!fd.IsQuasiImmutable) return;
        _qiWritten.Add((obj, fd));
        _mi.QuasiImmutableWritten(fd, obj);
        Record(OpCode.CallN, [ob], _mi.QuasiImmutWriteDescr(fd));
    }

    /// <summary>After a call that may write a quasi-immutable field, a trace that depends on one checks it is still valid.</summary>
    private void GuardNotInvalidatedAfterCall(EffectInfo effect, char resultBank, int resultReg, TraceValue? result)
    {
        if (_qiDeps.Count == 0 || !(effect.CanInvalidate || effect.IsResidual)) return;
        GuardAfterCall(OpCode.GuardNotInvalidated, [], null, resultBank, resultReg, result);
    }
}
