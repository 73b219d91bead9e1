namespace RSharp.Jit.JitCodes;

/// <summary>
/// How the blackhole executes an instruction: pure operations carry a delegate of a fixed
/// shape; the others are handled one by one.
/// </summary>
internal enum InsnKind
{
    PureII_I, PureI_I, PureFF_F, PureFF_I, PureF_F, PureI_F, PureF_I, PureRR_I, PureR_I,
    IntCopy, RefCopy, FloatCopy,
    Live, Goto, GotoIfNot, Switch, CatchException, GotoIfExceptionMismatch, LastExcValue, Raise, Reraise,
    IntReturn, RefReturn, FloatReturn, VoidReturn,
    GetFieldI, GetFieldR, GetFieldF, SetFieldI, SetFieldR, SetFieldF,
    GetStaticI, GetStaticR, GetStaticF, SetStaticI, SetStaticR, SetStaticF,
    GetArrayItemI, GetArrayItemR, GetArrayItemF, SetArrayItemI, SetArrayItemR, SetArrayItemF, ArrayLen, NewArray,
    New, ResidualNew, StrLen, StrGetItem, StrEq, StrConcat,
    InstanceOf, IsInst, CastClass, BoxI, BoxF, UnboxI, UnboxF,
    InlineCall, ResidualCall,
    JitMergePoint, CanEnterJit, IntGuardValue, RefGuardValue, FloatGuardValue, Unsupported,
    // Appended (Blackhole.Addresses.cs): structs as boxes, delegates, class guards.
    StructCopy, NewDelegate, NewVirtualDelegate, GuardClass,
}

/// <summary>
/// One jitcode instruction: its name and its argument codes in RPython's notation
/// (<c>i r f</c> a register of that bank, <c>I R F</c> a list of them, <c>d</c> a descriptor, <c>l</c> a live set,
/// <c>L</c> a label, <c>&gt;k</c> the result register of bank k).
/// </summary>
public sealed class InstructionDef
{
    internal InstructionDef(string name, string argCodes, InsnKind kind, Delegate? pure = null)
    {
        Name = name;
        ArgCodes = argCodes;
        Kind = kind;
        Pure = pure;
    }

    /// <summary>The instruction name (<c>int_add</c>, <c>getfield_r</c>, ...).</summary>
    public string Name { get; }
    /// <summary>The argument codes (<c>ii&gt;i</c>).</summary>
    public string ArgCodes { get; }
    /// <summary>The key the assembler looks the instruction up by: <c>name/argcodes</c>.</summary>
    public string Key => Name + "/" + ArgCodes;
    /// <summary>The opcode (index in <see cref="InstructionSet.All"/>).</summary>
    public ushort Opcode { get; internal set; }
    internal InsnKind Kind { get; }
    internal Delegate? Pure { get; }

    /// <inheritdoc/>
    public override string ToString() => Key;
}

/// <summary>
/// The closed, ordered set of jitcode instructions. Opcodes are positions in this list, so
/// the list is generated in a fixed order (serialized jitcodes depend on it).
/// </summary>
public static class InstructionSet
{
    // Declared before All: static fields initialize in textual order.
    private static readonly Dictionary<string, InstructionDef> s_byKey = new();
    private static readonly Dictionary<string, InstructionDef> s_pureNames = new();

    /// <summary>Every instruction, indexed by opcode.</summary>
    public static IReadOnlyList<InstructionDef> All { get; } = Build();

    /// <summary>The instruction with this <c>name/argcodes</c> key, or null.</summary>
    public static InstructionDef? Lookup(string key) => s_byKey.GetValueOrDefault(key);

    /// <summary>True if the integer or float operation <paramref name="name"/> exists as a pure instruction.</summary>
    public static bool IsPure(string name) => s_pureNames.ContainsKey(name);

    /// <summary>The pure instruction named <paramref name="name"/> (there is one per name), or null.</summary>
    public static InstructionDef? Pure(string name) => s_pureNames.GetValueOrDefault(name);


    private static List<InstructionDef> Build()
    {
        var list = new List<InstructionDef>();
        void Add(string name, string codes, InsnKind kind, Delegate? pure = null)
        {
            var d = new InstructionDef(name, codes, kind, pure) { Opcode = (ushort)list.Count };
            list.Add(d);
            s_byKey.Add(d.Key, d);
            if (pure is not null) s_pureNames.Add(name, d);
        }

        // Control flow and moves.
        Add("-live-", "l", InsnKind.Live);
        Add("int_copy", "i>i", InsnKind.IntCopy);
        Add("ref_copy", "r>r", InsnKind.RefCopy);
        Add("float_copy", "f>f", InsnKind.FloatCopy);
        Add("goto", "L", InsnKind.Goto);
        Add("goto_if_not", "iL", InsnKind.GotoIfNot);
        Add("switch", "id", InsnKind.Switch);
        Add("catch_exception", "L", InsnKind.CatchException);
        Add("goto_if_exception_mismatch", "dL", InsnKind.GotoIfExceptionMismatch);
        Add("last_exc_value", ">r", InsnKind.LastExcValue);
        Add("raise", "r", InsnKind.Raise);
        Add("reraise", "", InsnKind.Reraise);
        Add("int_return", "i", InsnKind.IntReturn);
        Add("ref_return", "r", InsnKind.RefReturn);
        Add("float_return", "f", InsnKind.FloatReturn);
        Add("void_return", "", InsnKind.VoidReturn);

        // Heap.
        Add("getfield_i", "rd>i", InsnKind.GetFieldI);
        Add("getfield_r", "rd>r", InsnKind.GetFieldR);
        Add("getfield_f", "rd>f", InsnKind.GetFieldF);
        Add("setfield_i", "rid", InsnKind.SetFieldI);
        Add("setfield_r", "rrd", InsnKind.SetFieldR);
        Add("setfield_f", "rfd", InsnKind.SetFieldF);
        Add("getstatic_i", "d>i", InsnKind.GetStaticI);
        Add("getstatic_r", "d>r", InsnKind.GetStaticR);
        Add("getstatic_f", "d>f", InsnKind.GetStaticF);
        Add("setstatic_i", "id", InsnKind.SetStaticI);
        Add("setstatic_r", "rd", InsnKind.SetStaticR);
        Add("setstatic_f", "fd", InsnKind.SetStaticF);
        Add("getarrayitem_i", "rid>i", InsnKind.GetArrayItemI);
        Add("getarrayitem_r", "rid>r", InsnKind.GetArrayItemR);
        Add("getarrayitem_f", "rid>f", InsnKind.GetArrayItemF);
        Add("setarrayitem_i", "riid", InsnKind.SetArrayItemI);
        Add("setarrayitem_r", "rird", InsnKind.SetArrayItemR);
        Add("setarrayitem_f", "rifd", InsnKind.SetArrayItemF);
        Add("arraylen", "r>i", InsnKind.ArrayLen);
        Add("new_array", "id>r", InsnKind.NewArray);
        Add("new", "d>r", InsnKind.New);
        Add("strlen", "r>i", InsnKind.StrLen);
        Add("strgetitem", "ri>i", InsnKind.StrGetItem);
        Add("str_eq", "rr>i", InsnKind.StrEq);
        Add("str_concat", "rr>r", InsnKind.StrConcat);
        Add("instanceof", "rd>i", InsnKind.InstanceOf);
        Add("isinst", "rd>r", InsnKind.IsInst);
        Add("castclass", "rd>r", InsnKind.CastClass);
        Add("box_i", "id>r", InsnKind.BoxI);
        Add("box_f", "fd>r", InsnKind.BoxF);
        Add("unbox_i", "rd>i", InsnKind.UnboxI);
        Add("unbox_f", "rd>f", InsnKind.UnboxF);

        // Calls: the lists are the arguments by bank; the descriptor gives their order.
        foreach (var (suffix, res) in new[] { ("v", ""), ("i", ">i"), ("r", ">r"), ("f", ">f") })
        {
            Add("inline_call_" + suffix, "dIRF" + res, InsnKind.InlineCall);
            Add("residual_call_" + suffix, "dIRF" + res, InsnKind.ResidualCall);
        }
        Add("residual_new", "dIRF>r", InsnKind.ResidualNew);

        // Hints.
        Add("jit_merge_point", "dIRF", InsnKind.JitMergePoint);
        Add("can_enter_jit", "dIRF", InsnKind.CanEnterJit);
        Add("int_guard_value", "i", InsnKind.IntGuardValue);
        Add("ref_guard_value", "r", InsnKind.RefGuardValue);
        Add("float_guard_value", "f", InsnKind.FloatGuardValue);
        // A block of a portal the codewriter could not model (the descriptor says why): running it is an error.
        Add("unsupported", "d", InsnKind.Unsupported);

        // Pure arithmetic, comparisons and conversions.
        foreach (var (name, codes, kind, fn) in PureOps.All())
            Add(name, codes, kind, fn);
        Add("ptr_eq", "rr>i", InsnKind.PureRR_I, (Func<object?, object?, long>)((a, b) => ReferenceEquals(a, b) ? 1 : 0));
        Add("ptr_ne", "rr>i", InsnKind.PureRR_I, (Func<object?, object?, long>)((a, b) => ReferenceEquals(a, b) ? 0 : 1));
        Add("ptr_nonzero", "r>i", InsnKind.PureR_I, (Func<object?, long>)(a => a is null ? 0 : 1));
        Add("ptr_iszero", "r>i", InsnKind.PureR_I, (Func<object?, long>)(a => a is null ? 1 : 0));

        // Structs are immutable boxes in ref registers: a field update works on a fresh copy.
        Add("struct_copy", "r>r", InsnKind.StructCopy);
        // Delegates: the delegate type and the target method; the virtual form dispatches on the target's class first.
        Add("new_delegate", "rdd>r", InsnKind.NewDelegate);
        Add("new_virtual_delegate", "rdd>r", InsnKind.NewVirtualDelegate);
        // Guards that the object's class is exactly the type (a CHA-monomorphic call site inlined behind it).
        Add("guard_class", "rdL", InsnKind.GuardClass);
        if (list.Count > ushort.MaxValue) throw new InvalidOperationException("too many instructions");
        return list;
    }
}
