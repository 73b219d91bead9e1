using RSharp.Jit.JitCodes;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// The virtualizable while tracing (RPython's virtualizable_boxes): its fields and array items
/// are trace values, not heap operations. The concrete object is kept up to date as tracing
/// executes, so an abort leaves nothing to write back.
/// </summary>
internal sealed class VableState(VableLayout layout, object obj, TraceValue box, int[] lengths)
{
    public VableLayout Layout { get; } = layout;
    public object Obj { get; } = obj;
    public TraceValue Box { get; set; } = box;
    public int[] Lengths { get; } = lengths;
    public TraceValue[] Scalars { get; } = new TraceValue[layout.Scalars.Length];
    public Array[] Arrays { get; } = new Array[layout.Arrays.Length];
    public TraceValue[] ArrayBoxes { get; } = new TraceValue[layout.Arrays.Length];
    public TraceValue[][] Items { get; } = lengths.Select(n => new TraceValue[n]).ToArray();

    /// <summary>All kept values in input order: scalars, then per array its reference and items.</summary>
    public IEnumerable<TraceValue> All()
    {
        foreach (var s in Scalars) yield return s;
        for (int a = 0; a < Arrays.Length; a++)
        {
            yield return ArrayBoxes[a];
            foreach (var item in Items[a]) yield return item;
        }
    }

    public VableShape Shape => new(Layout, Lengths);
}

internal sealed partial class Tracer
{
    private VableState? _vable;
    /// <summary>Between a forcing call's write-back and the re-read: the heap holds the truth.</summary>
    private bool _vableInHeap;

    internal VableShape? VableShape => _vable?.Shape;

    /// <summary>At a loop's start: the virtualizable's fields and items become input arguments after the reds.</summary>
    private void StartVable(TraceFrame tf, MergePointArgs mp, List<TraceValue> labelArgs)
    {
        if (_mi.VirtualizableRed < 0) return;
        var (bank, reg) = mp.Args[_mi.GreenCount + _mi.VirtualizableRed];
        if (bank != 'r' || tf.R[reg] is not { } obj || VableLayout.Of(obj.GetType()) is not { } layout) return;
        if (layout.Lengths(obj) is not { } lengths) return;
        var state = new VableState(layout, obj, tf.BR[reg]!, lengths);
        for (int k = 0; k < layout.Scalars.Length; k++)
            state.Scalars[k] = NewInput(VableLayout.BankOf(layout.Scalars[k].FieldType), labelArgs);
        for (int a = 0; a < layout.Arrays.Length; a++)
        {
            var arr = (Array)layout.Arrays[a].Field.GetValue(obj)!;
            state.Arrays[a] = arr;
            state.ArrayBoxes[a] = NewInput('r', labelArgs);
            Know(state.ArrayBoxes[a], arr.GetType());
            var ebank = VableLayout.BankOf(arr.GetType().GetElementType()!);
            for (int k = 0; k < arr.Length; k++) state.Items[a][k] = NewInput(ebank, labelArgs);
        }
        _nonNull.Add(state.Box);
        _vable = state;
    }

    private InputArg NewInput(char bank, List<TraceValue> labelArgs)
    {
        var input = new InputArg(KindOf(bank));
        _inputs.Add(input);
        labelArgs.Add(input);
        return input;
    }

    /// <summary>A bridge from a guard whose resume data keeps the virtualizable: its values get the bridge's boxes, the object its values.</summary>
    private void StartVableBridge(ResumeData data, IReadOnlyList<object?> values, IReadOnlyList<TraceValue> original)
    {
        if (data.VableSlots is not { } slots || data.Vable is not { } shape) return;
        var obj = data.Decode(slots[0], values)!;
        var box = data.DecodeBox(slots[0], original)!;
        var state = new VableState(shape.Layout, obj, box, shape.Lengths);
        int k = 1;
        var concrete = new List<object?>();
        for (int s = 0; s < state.Scalars.Length; s++)
        {
            concrete.Add(data.Decode(slots[k], values));
            state.Scalars[s] = data.DecodeBox(slots[k++], original)!;
        }
        for (int a = 0; a < state.Arrays.Length; a++)
        {
            var arr = (Array)data.Decode(slots[k], values)!;
            concrete.Add(arr);
            state.Arrays[a] = arr;
            state.ArrayBoxes[a] = data.DecodeBox(slots[k++], original)!;
            Know(state.ArrayBoxes[a], arr.GetType());
            for (int j = 0; j < arr.Length; j++)
            {
                concrete.Add(data.Decode(slots[k], values));
                state.Items[a][j] = data.DecodeBox(slots[k++], original)!;
            }
        }
        MetaInterpreter.WriteBack(shape.Layout, obj, concrete);
        _nonNull.Add(box);
        _vable = state;
    }

    /// <summary>The tagged virtualizable values for a guard's resume data (null when there is none or the heap is current).</summary>
    private int[]? EncodeVable(Func<TraceValue?, int> encode)
    {
        if (_vable is null || _vableInHeap) return null;
        return [encode(_vable.Box), .. _vable.All().Select(encode)];
    }

    /// <summary>
    /// A field or array access on the virtualizable (or one of its arrays): served from the
    /// trace values. False if the instruction is not one.
    /// </summary>
    private bool VableAccess(TraceFrame f, string name, int p)
    {
        var vs = _vable!;
        var j = f.JitCode;
        var code = j.Code;
        Descr D(int at) => j.Descrs[code[at] | (code[at + 1] << 8)];
        char last = name[^1];
        switch (name)
        {
            case "getfield_i" or "getfield_r" or "getfield_f" or "setfield_i" or "setfield_r" or "setfield_f":
            {
                if (!ReferenceEquals(f.R[code[p]], vs.Obj)) return false;
                bool set = name[0] == 's';
                var fd = _mi.CanonicalField((FieldDescr)D(p + (set ? 2 : 1)));
                CheckVableBox(f.BR[code[p]]);
                int s = vs.Layout.ScalarIndex(fd.Field);
                int a = vs.Layout.ArrayIndex(fd.Field);
                if (s < 0 && a < 0) return false; // not a virtualizable field: an ordinary heap access
                if (set)
                {
                    if (a >= 0) throw new AbortTrace("virtualizable array replaced");
                    int vr = code[p + 1];
                    var vb = f.Box(last, vr) ?? throw new AbortTrace("read of an unset register");
                    fd.Field.SetValue(vs.Obj, BlackholeValues.ToStorage(last, last == 'i' ? f.I[vr] : 0,
                        last == 'f' ? f.F[vr] : 0, last == 'r' ? f.R[vr] : null, fd.FieldType));
                    vs.Scalars[s] = vb;
                    f.Pc = p + 4;
                    return true;
                }
                var v = fd.Field.GetValue(vs.Obj);
                f.Set(last, code[p + 3], v, s >= 0 ? vs.Scalars[s] : vs.ArrayBoxes[a]);
                f.Pc = p + 4;
                return true;
            }
            case "getarrayitem_i" or "getarrayitem_r" or "getarrayitem_f" or "setarrayitem_i" or "setarrayitem_r" or "setarrayitem_f":
            {
                int a = Array.FindIndex(vs.Arrays, x => ReferenceEquals(x, f.R[code[p]]));
                if (a < 0) return false;
                if (!ReferenceEquals(f.BR[code[p]], vs.ArrayBoxes[a])) throw new AbortTrace("virtualizable array reached through another reference");
                var arr = vs.Arrays[a];
                long idx = f.I[code[p + 1]];
                var ib = f.BI[code[p + 1]] ?? throw new AbortTrace("read of an unset register");
                if (idx < 0 || idx >= arr.Length) throw new AbortTrace("array index out of range while tracing");
                // RPython promotes the index of a virtualizable array access (implement_guard_value).
                if (ib is not Const) Promote(f, ib, new ConstInt(idx));
                if (name[0] == 's')
                {
                    int vr = code[p + 2];
                    var vb = f.Box(last, vr) ?? throw new AbortTrace("read of an unset register");
                    var et = arr.GetType().GetElementType()!;
                    var stored = BlackholeValues.ToStorage(last, last == 'i' ? f.I[vr] : 0, last == 'f' ? f.F[vr] : 0,
                        last == 'r' ? f.R[vr] : null, et);
                    if (last == 'r' && stored is not null && !et.IsInstanceOfType(stored))
                        throw new AbortTrace("array store of a mismatched type");
                    arr.SetValue(stored, (int)idx);
                    vs.Items[a][idx] = vb;
                    f.Pc = p + 5;
                    return true;
                }
                f.Set(last, code[p + 4], arr.GetValue((int)idx), vs.Items[a][idx]);
                f.Pc = p + 5;
                return true;
            }
            case "arraylen":
            {
                int a = Array.FindIndex(vs.Arrays, x => ReferenceEquals(x, f.R[code[p]]));
                if (a < 0) return false;
                f.Set('i', code[p + 1], (long)vs.Arrays[a].Length, new ConstInt(vs.Arrays[a].Length));
                f.Pc = p + 2;
                return true;
            }
        }
        return false;
    }

    private void CheckVableBox(TraceValue? box)
    {
        // The same object under another box: compiled code could not tell it is the virtualizable.
        if (!ReferenceEquals(box, _vable!.Box)) throw new AbortTrace("virtualizable reached through another reference");
    }

    /// <summary>
    /// Before a residual call that may look at the virtualizable (its effect may force, or it
    /// gets the object or an array): write the kept values back. Returns whether it did.
    /// </summary>
    private bool VableBeforeCall(EffectInfo effect, TraceValue[] args)
    {
        if (_vable is not { } vs || _vableInHeap) return false;
        bool escapes = effect.MayForceVirtualizables || TouchesVable(effect, vs.Layout)
            || args.Any(b => ReferenceEquals(b, vs.Box) || vs.ArrayBoxes.Any(x => ReferenceEquals(x, b)));
        if (!escapes) return false;
        RecordWriteBack();
        _vableInHeap = true;
        return true;
    }

    /// <summary>
    /// Whether the call's effect reads or writes a field or array kind the virtualizable keeps:
    /// the callee may reach the frame through the heap (RPython forces it through the vable
    /// token on such accesses; here the trace writes the values back before the call).
    /// </summary>
    private static bool TouchesVable(EffectInfo effect, VableLayout layout)
    {
        bool Kept(FieldDescr f) => layout.Scalars.Any(s => s.Field == f.Field) || layout.Arrays.Any(a => a.Field == f.Field);
        bool KeptItems(ArrayDescr a) => layout.Arrays.Any(x => x.FieldType.GetElementType() is { } et
            && (et == a.ElementType || (!et.IsValueType && !a.ElementType.IsValueType)));
        return effect.ReadFields.Any(Kept) || effect.WriteFields.Any(Kept)
            || effect.ReadArrays.Any(KeptItems) || effect.WriteArrays.Any(KeptItems);
    }

    /// <summary>After the call (and its guards): read the virtualizable's values again, the call may have changed them.</summary>
    private void VableAfterCall()
    {
        var vs = _vable!;
        _vableInHeap = false;
        var layout = vs.Layout;
        for (int k = 0; k < layout.Scalars.Length; k++)
        {
            var fd = _mi.CanonicalField(layout.Scalars[k]);
            char bank = VableLayout.BankOf(fd.FieldType);
            var op = Record(ByKind(KindOf(bank), OpCode.GetfieldGcI, OpCode.GetfieldGcR, OpCode.GetfieldGcF), [vs.Box], fd);
            vs.Scalars[k] = bank == 'i' ? Loaded(op, fd.FieldType) : op;
        }
        for (int a = 0; a < layout.Arrays.Length; a++)
        {
            if (!ReferenceEquals(layout.Arrays[a].Field.GetValue(vs.Obj), vs.Arrays[a])) throw new AbortTrace("virtualizable array replaced");
            var et = vs.Arrays[a].GetType().GetElementType()!;
            char bank = VableLayout.BankOf(et);
            var ad = _mi.CanonicalArray(_mi.ArrayDescrOf(et));
            for (int j = 0; j < vs.Items[a].Length; j++)
            {
                var op = Record(ByKind(KindOf(bank), OpCode.GetarrayitemGcI, OpCode.GetarrayitemGcR, OpCode.GetarrayitemGcF),
                    [vs.ArrayBoxes[a], new ConstInt(j)], ad);
                vs.Items[a][j] = bank == 'i' ? Loaded(op, et) : op;
            }
        }
    }

    /// <summary>Records the writes of the kept values into the object (before a forcing call or a finish).</summary>
    private void RecordWriteBack()
    {
        if (_vable is not { } vs || _vableInHeap) return;
        for (int k = 0; k < vs.Scalars.Length; k++)
            Record(OpCode.SetfieldGc, [vs.Box, vs.Scalars[k]], _mi.CanonicalField(vs.Layout.Scalars[k]));
        for (int a = 0; a < vs.Arrays.Length; a++)
        {
            var ad = _mi.CanonicalArray(_mi.ArrayDescrOf(vs.Arrays[a].GetType().GetElementType()!));
            for (int j = 0; j < vs.Items[a].Length; j++)
                Record(OpCode.SetarrayitemGc, [vs.ArrayBoxes[a], new ConstInt(j), vs.Items[a][j]], ad);
        }
    }

    /// <summary>After guard_value made a box constant: the kept values use the constant too.</summary>
    private void VableReplace(TraceValue old, TraceValue with)
    {
        if (_vable is not { } vs) return;
        for (int k = 0; k < vs.Scalars.Length; k++) if (ReferenceEquals(vs.Scalars[k], old)) vs.Scalars[k] = with;
        foreach (var items in vs.Items)
            for (int k = 0; k < items.Length; k++) if (ReferenceEquals(items[k], old)) items[k] = with;
        if (ReferenceEquals(vs.Box, old)) vs.Box = with;
    }

    /// <summary>
    /// The extra jump arguments for a loop with virtualizable inputs: the kept values, or (in a
    /// bridge that started with the object in the heap) values read from it now.
    /// </summary>
    private IEnumerable<TraceValue> VableJumpArgs(TraceFrame f, MergePointArgs mp, VableShape? target)
    {
        if (target is null)
        {
            if (_vable is not null && !IsBridge) throw new AbortTrace("virtualizable loop closes into a loop without one");
            RecordWriteBack(); // the target keeps nothing: the heap must be current
            return [];
        }
        var (bank, reg) = mp.Args[_mi.GreenCount + _mi.VirtualizableRed];
        var obj = bank == 'r' ? f.R[reg] : null;
        var box = f.Box(bank, reg);
        if (obj is null || box is null) throw new AbortTrace("no virtualizable at the jump");
        if (_vable is { } vs && !_vableInHeap)
        {
            if (!ReferenceEquals(vs.Obj, obj) || !ReferenceEquals(vs.Box, box)) throw new AbortTrace("another virtualizable at the jump");
            if (!vs.Shape.Matches(target)) throw new AbortTrace("virtualizable shape differs from the target loop's");
            return vs.All().ToList();
        }
        // The heap is current (no kept values yet, or after a forcing call): read them.
        if (obj.GetType() != target.Layout.Type || target.Layout.Lengths(obj) is not { } lengths
            || !lengths.AsSpan().SequenceEqual(target.Lengths))
            throw new AbortTrace("virtualizable shape differs from the target loop's");
        var state = new VableState(target.Layout, obj, box, lengths);
        for (int a = 0; a < state.Arrays.Length; a++)
        {
            state.Arrays[a] = (Array)target.Layout.Arrays[a].Field.GetValue(obj)!;
            state.ArrayBoxes[a] = Record(OpCode.GetfieldGcR, [box], _mi.CanonicalField(target.Layout.Arrays[a]));
        }
        _vable = state;
        VableAfterCall();
        return state.All().ToList();
    }
}
