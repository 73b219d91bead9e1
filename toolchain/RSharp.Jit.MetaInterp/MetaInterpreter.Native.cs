using RSharp.Jit.JitCodes;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// Entering the meta-interpreter from native code (a translated portal whose loop got hot):
/// the invocation continues as a blackhole frame at the portal's <c>jit_merge_point</c>.
/// </summary>
public sealed partial class MetaInterpreter
{
    private bool _nativeEntryChecked;
    private int _nativeMergePoint = -1;
    private string? _nativeEntryRefusal;
    private (char Bank, int Reg)[] _freshSlots = [];

    /// <summary>
    /// Why native code cannot hand an invocation over at the portal's <c>jit_merge_point</c>, or null
    /// if it can: the portal has one merge point, and every register live there is an argument of it
    /// or a hoisted <see cref="Slot"/> (an address-taken local) that is written before it is read
    /// on every path from the merge point, so a fresh slot stands for the native local.
    /// </summary>
    public string? NativeEntryRefusal
    {
        get
        {
            if (!_nativeEntryChecked) CheckNativeEntry();
            return _nativeEntryRefusal;
        }
    }

    /// <summary>
    /// Runs the rest of a portal invocation that native code stopped at its <c>jit_merge_point</c>,
    /// given the merge point's arguments (greens then reds, as declared). With <paramref name="hot"/>
    /// (native code found the loop hot: the merge point is a loop header) the loop there is traced at
    /// once unless it has compiled code or was given up; otherwise the meta-interpreter counts as
    /// usual. Returns the portal's result boxed as its return type (null for void); an exception the
    /// invocation raises propagates.
    /// </summary>
    /// <exception cref="InvalidOperationException">The portal cannot be entered from native code (<see cref="NativeEntryRefusal"/>).</exception>
    public object? RunFromMergePoint(object?[] mergePointArgs, bool hot = true)
    {
        ArgumentNullException.ThrowIfNull(mergePointArgs);
        if (NativeEntryRefusal is { } why) throw new InvalidOperationException(why);
        var mp = MergePointArgs.At(Portal, _nativeMergePoint);
        if (mergePointArgs.Length != mp.Args.Length)
            throw new ArgumentException($"the merge point of {Portal.Name} has {mp.Args.Length} arguments, got {mergePointArgs.Length}");
        var frame = BlackholeInterpreter.NewFrameFor(Portal);
        frame.AtEntry = false;   // mid-invocation: not a function entry
        for (int k = 0; k < mp.Args.Length; k++)
        {
            var (bank, reg) = mp.Args[k];
            switch (bank)
            {
                case 'i': if (reg < Portal.NumInts) frame.Ints[reg] = BlackholeValues.ToInt(mergePointArgs[k]); break;
                case 'f': if (reg < Portal.NumFloats) frame.Floats[reg] = BlackholeValues.ToFloat(mergePointArgs[k]); break;
                default: if (reg < Portal.NumRefs) frame.Refs[reg] = mergePointArgs[k]; break;
            }
        }
        foreach (var (_, reg) in _freshSlots) frame.Refs[reg] = new Slot();
        frame.Pc = _nativeMergePoint;
        // The native can_enter_jit found the loop hot: trace from here (RPython's maybe_compile_and_run).
        var key = KeyAt(frame);
        if (hot && Parameters.Enabled && !_tracing && _loops.Get(key) is null && _abortsAt.GetValueOrDefault(key) < 2)
        {
            _traceNext = frame;
            _traceNextIsEntry = false;
        }
        var next = AtMergePoint(frame);
        var r = next.Done ?? RunFrames(next.Frames!, next.Raised);
        return Portal.ResultBank switch
        {
            'i' => BlackholeValues.FromInt(r.Int, Portal.ReturnType),
            'f' => BlackholeValues.FromFloat(r.Float, Portal.ReturnType),
            'r' => r.Ref,
            _ => null,
        };
    }

    private void CheckNativeEntry()
    {
        _nativeEntryChecked = true;
        var mergePoints = JitCodeDecoder.Instructions(Portal).Where(i => i.Def.Name == "jit_merge_point").Select(i => i.Pc).ToList();
        if (mergePoints.Count != 1)
        {
            _nativeEntryRefusal = $"{mergePoints.Count} jit_merge_points in the portal";
            return;
        }
        _nativeMergePoint = mergePoints[0];
        var mp = MergePointArgs.At(Portal, _nativeMergePoint);
        var extra = mp.Reds(Portal, GreenCount).Except(mp.Args).ToArray();
        foreach (var (bank, reg) in extra)
            if (bank != 'r' || !IsHoistedSlot(reg))
            {
                _nativeEntryRefusal = $"register %{bank}{reg} is live at the merge point but is not a green or red";
                return;
            }
        if (extra.Length > 0 && FirstReadBeforeWrite(mp.Next, extra.Select(e => e.Reg).ToArray()) is { } bad)
        {
            _nativeEntryRefusal = $"slot %r{bad} is live at the merge point and may be read before it is written";
            return;
        }
        _freshSlots = extra;
    }

    /// <summary>True if every instruction that writes the register is <c>new &lt;Type Slot&gt;</c> and it is not an argument.</summary>
    private bool IsHoistedSlot(int reg)
    {
        if (Portal.Arguments.Contains(('r', reg))) return false;
        foreach (var (_, def, ops) in JitCodeDecoder.Instructions(Portal))
            foreach (var o in ops)
                if (o.Code == '>' && o.List![0] == 'r' && o.Value == reg
                    && !(def.Name == "new" && Portal.Descrs[ops[0].Value] is Traces.TypeDescr { Type: var t } && t == typeof(Slot)))
                    return false;
        return true;
    }

    /// <summary>
    /// A must-write analysis over the portal from <paramref name="start"/> (the instruction after the
    /// merge point) back to the merge point: the first slot register that some path uses (reads its
    /// contents, or passes it on) before a <c>setfield</c> of it or a new slot in it, or null.
    /// </summary>
    private int? FirstReadBeforeWrite(int start, int[] slots)
    {
        var written = new Dictionary<int, int>();   // pc -> bitmask of slots written on every path so far
        var work = new Stack<(int Pc, int Written)>();
        work.Push((start, 0));
        while (work.Count > 0)
        {
            var (pc, w) = work.Pop();
            if (pc == _nativeMergePoint || pc >= Portal.Code.Length) continue;
            if (written.TryGetValue(pc, out int old))
            {
                if ((old & w) == old) continue;
                w &= old;
            }
            written[pc] = w;
            var (def, ops, next) = JitCodeDecoder.Decode(Portal.Code, pc);
            for (int s = 0; s < slots.Length; s++)
            {
                int bit = 1 << s;
                bool isSetField = def.Name.StartsWith("setfield_", StringComparison.Ordinal) && ops[0].Value == slots[s];
                bool uses = ops.Select((o, k) => (o, k)).Any(x =>
                    (x.o.Code == 'r' && x.o.Value == slots[s] && !(isSetField && x.k == 0)) || (x.o.Code == 'R' && x.o.List!.Contains(slots[s])));
                if (uses && (w & bit) == 0) return slots[s];
                if (isSetField || ops.Any(o => o.Code == '>' && o.List![0] == 'r' && o.Value == slots[s])) w |= bit;
            }
            foreach (var o in ops)
                if (o.Code == 'L') work.Push((o.Value, w));
            if (def.Name == "switch")
                foreach (var target in ((SwitchDescr)Portal.Descrs[ops[1].Value]).Targets.Values) work.Push((target, w));
            if (def.Name is not ("goto" or "raise" or "reraise" or "int_return" or "ref_return" or "float_return" or "void_return"))
                work.Push((next, w));
        }
        return null;
    }
}
