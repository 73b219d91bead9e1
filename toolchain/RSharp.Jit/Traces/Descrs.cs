using System.Reflection;

namespace RSharp.Jit.Traces;

/// <summary>
/// A descriptor: the static information an operation needs beyond its arguments (which field,
/// which array type, which method). Heap and call descriptors print as <c>&lt;Kind name&gt;</c>;
/// tokens (<see cref="TargetToken"/>, <see cref="LoopToken"/>) print as their bare name.
/// Descriptors are compared by identity.
/// </summary>
public abstract class Descr
{
    /// <summary>Creates a descriptor with the name it has in the text form.</summary>
    protected Descr(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny([',', ')', '\n', '\r']) >= 0)
            throw new ArgumentException($"descriptor name '{name}' contains a character reserved by the text form", nameof(name));
        Name = name;
    }

    /// <summary>The name in the text form (unique per <see cref="TextKind"/> within a registry).</summary>
    public string Name { get; }

    /// <summary>The kind word of the text form (<c>Field</c>, <c>Array</c>, ...), or null for tokens printed bare.</summary>
    public abstract string? TextKind { get; }

    /// <summary>The descriptor as written after <c>descr=</c>.</summary>
    public override string ToString() => TextKind is null ? Name : $"<{TextKind} {Name}>";
}

/// <summary>Describes an instance field of a .NET class.</summary>
public sealed class FieldDescr : Descr
{
    /// <summary>
    /// Wraps a field. The name defaults to <c>DeclaringType.FieldName</c>. Immutability is read from
    /// <c>readonly</c> and <c>[Immutable]</c> on the declaring type, quasi-immutability from
    /// <c>[QuasiImmutable]</c>; either can be forced by the codewriter, which knows more.
    /// </summary>
    public FieldDescr(FieldInfo field, string? name = null, bool? isImmutable = null, bool? isQuasiImmutable = null)
        : base(name ?? $"{field.DeclaringType?.Name}.{field.Name}")
    {
        if (field.IsStatic) throw new ArgumentException($"{field.Name} is static; traces read static fields as constants", nameof(field));
        Field = field;
        DeclaringType = field.DeclaringType ?? throw new ArgumentException("field without declaring type", nameof(field));
        FieldType = field.FieldType;
        FieldKind = ValueKinds.Of(field.FieldType);
        IsImmutable = isImmutable ?? (field.IsInitOnly ||
            DeclaringType.IsDefined(typeof(RSharp.Hints.ImmutableAttribute), inherit: false));
        IsQuasiImmutable = isQuasiImmutable ?? field.IsDefined(typeof(RSharp.Hints.QuasiImmutableAttribute), inherit: false);
    }

    /// <summary>The field.</summary>
    public FieldInfo Field { get; }
    /// <summary>The class that declares the field.</summary>
    public Type DeclaringType { get; }
    /// <summary>The .NET type of the field.</summary>
    public Type FieldType { get; }
    /// <summary>The kind of the field's value in traces.</summary>
    public ValueKind FieldKind { get; }
    /// <summary>The field never changes after construction.</summary>
    public bool IsImmutable { get; }
    /// <summary>The field rarely changes; traces that read it depend on it (<c>quasiimmut_field</c>).</summary>
    public bool IsQuasiImmutable { get; }
    /// <inheritdoc/>
    public override string TextKind => "Field";
}

/// <summary>Describes a one-dimensional, zero-based .NET array type by its element type.</summary>
public sealed class ArrayDescr : Descr
{
    /// <summary>Creates the descriptor of arrays of <paramref name="elementType"/>; the name defaults to <c>ElementType[]</c>.</summary>
    public ArrayDescr(Type elementType, string? name = null, bool isImmutable = false)
        : base(name ?? elementType.Name + "[]")
    {
        ElementType = elementType;
        ElementKind = ValueKinds.Of(elementType);
        ArrayType = elementType.MakeArrayType();
        IsImmutable = isImmutable;
    }

    /// <summary>The .NET element type.</summary>
    public Type ElementType { get; }
    /// <summary>The array type (<c>ElementType[]</c>).</summary>
    public Type ArrayType { get; }
    /// <summary>The kind of the elements in traces.</summary>
    public ValueKind ElementKind { get; }
    /// <summary>Items never change after the array is filled (<c>getarrayitem_gc_pure_*</c>).</summary>
    public bool IsImmutable { get; }
    /// <inheritdoc/>
    public override string TextKind => "Array";
}

/// <summary>
/// A .NET type: what <c>new</c>/<c>new_with_vtable</c> allocate and what <c>guard_class</c>,
/// <c>guard_exception</c> and <c>record_exact_class</c> compare with. (RPython has a size
/// descriptor and a vtable; in .NET the type is both.)
/// </summary>
public sealed class TypeDescr : Descr
{
    /// <summary>Creates the descriptor of <paramref name="type"/>; the name defaults to the type's name.</summary>
    public TypeDescr(Type type, string? name = null) : base(name ?? type.Name) => Type = type;

    /// <summary>The type.</summary>
    public Type Type { get; }
    /// <inheritdoc/>
    public override string TextKind => "Type";
}

/// <summary>What a call may do, from the annotator's effect analysis. RPython: <c>EffectInfo</c>.</summary>
public sealed class EffectInfo
{
    /// <summary>The effect category, from most to least optimizable (RPython's order).</summary>
    public enum Extra
    {
        /// <summary>Elidable and never raises.</summary>
        ElidableCannotRaise,
        /// <summary>Result is the same for the whole loop (<c>[LoopInvariant]</c>).</summary>
        LoopInvariant,
        /// <summary>Ordinary call that never raises.</summary>
        CannotRaise,
        /// <summary>Elidable but may raise.</summary>
        ElidableCanRaise,
        /// <summary>Ordinary call that may raise.</summary>
        CanRaise,
        /// <summary>May force virtualizables or virtual refs (needs <c>call_may_force</c>).</summary>
        ForcesVirtualOrVirtualizable,
        /// <summary>Anything can happen (residual call into code the JIT knows nothing about).</summary>
        RandomEffects,
    }

    /// <summary>Creates effect info.</summary>
    public EffectInfo(Extra extra,
        IEnumerable<FieldDescr>? readFields = null, IEnumerable<FieldDescr>? writeFields = null,
        IEnumerable<ArrayDescr>? readArrays = null, IEnumerable<ArrayDescr>? writeArrays = null,
        bool canInvalidate = false)
    {
        ExtraEffect = extra;
        // Sets compare descriptors by what they describe: the codewriter, the meta-interpreter
        // (virtualizables) and hand-written traces each make their own descriptor objects.
        ReadFields = (readFields ?? []).ToHashSet(SameField.Instance);
        WriteFields = (writeFields ?? []).ToHashSet(SameField.Instance);
        ReadArrays = (readArrays ?? []).ToHashSet(SameArray.Instance);
        WriteArrays = (writeArrays ?? []).ToHashSet(SameArray.Instance);
        CanInvalidate = canInvalidate;
    }

    /// <summary>Nothing is known: may raise, write anything, force anything.</summary>
    public static EffectInfo Residual { get; } = new(Extra.RandomEffects);
    /// <summary>Elidable, never raises.</summary>
    public static EffectInfo ElidableCannotRaise { get; } = new(Extra.ElidableCannotRaise);
    /// <summary>Writes nothing known, never raises.</summary>
    public static EffectInfo CannotRaise { get; } = new(Extra.CannotRaise);
    /// <summary>Writes nothing known, may raise.</summary>
    public static EffectInfo MayRaise { get; } = new(Extra.CanRaise);

    /// <summary>The effect category.</summary>
    public Extra ExtraEffect { get; }
    /// <summary>Fields the call may read.</summary>
    public IReadOnlySet<FieldDescr> ReadFields { get; }
    /// <summary>Fields the call may write (ignored for <see cref="IsResidual"/>: it may write all).</summary>
    public IReadOnlySet<FieldDescr> WriteFields { get; }
    /// <summary>Arrays the call may read.</summary>
    public IReadOnlySet<ArrayDescr> ReadArrays { get; }
    /// <summary>Arrays the call may write.</summary>
    public IReadOnlySet<ArrayDescr> WriteArrays { get; }
    /// <summary>May write a quasi-immutable field and so invalidate compiled loops.</summary>
    public bool CanInvalidate { get; }

    /// <summary>May raise an exception.</summary>
    public bool CanRaise => ExtraEffect is Extra.ElidableCanRaise or Extra.CanRaise
        or Extra.ForcesVirtualOrVirtualizable or Extra.RandomEffects;
    /// <summary>Same arguments give the same result and no visible effect.</summary>
    public bool IsElidable => ExtraEffect is Extra.ElidableCannotRaise or Extra.ElidableCanRaise;
    /// <summary>Same result throughout a loop.</summary>
    public bool IsLoopInvariant => ExtraEffect == Extra.LoopInvariant;
    /// <summary>May force virtualizables or virtual references.</summary>
    public bool MayForceVirtualizables => ExtraEffect >= Extra.ForcesVirtualOrVirtualizable;
    /// <summary>Opaque: anything can happen.</summary>
    public bool IsResidual => ExtraEffect == Extra.RandomEffects;
    /// <summary>True if the call may write the field.</summary>
    public bool MayWrite(FieldDescr field) => IsResidual || WriteFields.Contains(field);
    /// <summary>True if the call may write arrays of this descriptor.</summary>
    public bool MayWrite(ArrayDescr array) => IsResidual || WriteArrays.Contains(array);

    /// <summary>Compares field descriptors by the field they describe (the sets of effect info use it).</summary>
    public static IEqualityComparer<FieldDescr> FieldComparer => SameField.Instance;
    /// <summary>Compares array descriptors by their element type (the sets of effect info use it).</summary>
    public static IEqualityComparer<ArrayDescr> ArrayComparer => SameArray.Instance;

    private sealed class SameField : IEqualityComparer<FieldDescr>
    {
        public static readonly SameField Instance = new();
        public bool Equals(FieldDescr? a, FieldDescr? b) => ReferenceEquals(a, b) || (a is not null && b is not null && a.Field == b.Field);
        public int GetHashCode(FieldDescr f) => f.Field.GetHashCode();
    }

    private sealed class SameArray : IEqualityComparer<ArrayDescr>
    {
        public static readonly SameArray Instance = new();
        public bool Equals(ArrayDescr? a, ArrayDescr? b) => ReferenceEquals(a, b) || (a is not null && b is not null && a.ElementType == b.ElementType);
        public int GetHashCode(ArrayDescr a) => a.ElementType.GetHashCode();
    }
}

/// <summary>
/// Describes a call target: a static method (arguments are the parameters), an instance
/// method (the first argument is the receiver), or a delegate (arguments are the invoke
/// parameters). Argument and result kinds follow from the signature.
/// </summary>
public sealed class CallDescr : Descr
{
    /// <summary>Describes a call to a method; the name defaults to <c>DeclaringType.Method</c>.</summary>
    public CallDescr(MethodInfo method, EffectInfo? effect = null, string? name = null)
        : base(name ?? $"{method.DeclaringType?.Name}.{method.Name}")
    {
        Method = method;
        var kinds = new List<ValueKind>();
        if (!method.IsStatic) kinds.Add(ValueKind.Ref);
        kinds.AddRange(method.GetParameters().Select(p => ValueKinds.Of(p.ParameterType)));
        ArgKinds = kinds;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        ResultType = method.ReturnType;
        ResultKind = ValueKinds.Of(method.ReturnType);
        Effect = effect ?? EffectInfo.Residual;
    }

    /// <summary>Describes a call to a delegate (the delegate is part of the descriptor, not an argument).</summary>
    public CallDescr(Delegate target, string name, EffectInfo? effect = null)
        : this(target.Method, effect, name)
    {
        Delegate = target;
        // The delegate's target is bound: the arguments are the Invoke method's parameters.
        var invoke = target.GetType().GetMethod("Invoke")!;
        ParameterTypes = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        ArgKinds = ParameterTypes.Select(ValueKinds.Of).ToArray();
        ResultType = invoke.ReturnType;
        ResultKind = ValueKinds.Of(invoke.ReturnType);
    }

    /// <summary>The method called.</summary>
    public MethodInfo Method { get; }
    /// <summary>The delegate called, if the descriptor was made from one.</summary>
    public Delegate? Delegate { get; }
    /// <summary>Kinds of the trace arguments (receiver first for instance methods).</summary>
    public IReadOnlyList<ValueKind> ArgKinds { get; }
    /// <summary>The .NET parameter types (without the receiver).</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }
    /// <summary>The .NET return type.</summary>
    public Type ResultType { get; }
    /// <summary>The kind of the result.</summary>
    public ValueKind ResultKind { get; }
    /// <summary>What the call may do.</summary>
    public EffectInfo Effect { get; }
    /// <inheritdoc/>
    public override string TextKind => "Call";
}

/// <summary>
/// Names a <c>label</c>: <c>jump</c>s with the same token continue there. A loop has one per
/// label (the peeled loop has two: preamble and loop body).
/// </summary>
public sealed class TargetToken(string name) : Descr(name)
{
    /// <inheritdoc/>
    public override string? TextKind => null;
}

/// <summary>
/// The token of a compiled loop (RPython's <c>JitCellToken</c>): what the backend returns from
/// compiling a loop, what the warm state enters, and the descriptor of <c>call_assembler_*</c>.
/// </summary>
public sealed class LoopToken(string name) : Descr(name)
{
    private volatile bool _invalidated;

    /// <inheritdoc/>
    public override string? TextKind => null;

    /// <summary>Kinds of the loop's input arguments (set when compiled).</summary>
    public IReadOnlyList<ValueKind> InputKinds { get; set; } = [];

    /// <summary>The backend's compiled code; owned by the backend that compiled the loop.</summary>
    public object? CompiledCode { get; set; }

    /// <summary>True once invalidated: <c>guard_not_invalidated</c> in its code fails and it is never entered again.</summary>
    public bool IsInvalidated => _invalidated;

    /// <summary>Marks the loop invalid (the backend's <c>Invalidate</c> calls this).</summary>
    public void MarkInvalidated() => _invalidated = true;

    /// <summary>
    /// For <c>call_assembler</c>: turns every exit of the called loop into the call's result: a
    /// finish gives its value or raises its exception, a failed guard is resumed (the
    /// meta-interpreter continues the frame in the blackhole). Returns the result boxed (long,
    /// double or object), or null for void. Without a helper a finish gives its single value.
    /// </summary>
    public Func<Backend.DeadFrame, object?>? AssemblerHelper { get; set; }

    /// <summary>
    /// For <c>call_assembler</c>: a <c>finish</c> with this descriptor (RPython's
    /// done_with_this_frame) gives its single value to the caller directly, without the
    /// <see cref="AssemblerHelper"/>.
    /// </summary>
    public Descr? DoneWithThisFrame { get; set; }
}
