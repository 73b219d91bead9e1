using RSharp.Flow.Model;

namespace RSharp.Annotation;

/// <summary>
/// What calling a method may do, including everything its callees may do (RPython's
/// effectinfo). Exception handlers subtract what they catch; external .NET methods may raise
/// anything unless allow-listed; delegate invocations, <c>calli</c> and stores through
/// pointers of unknown origin may do anything (<see cref="HasRandomEffects"/>).
/// </summary>
public sealed class MethodEffects
{
    internal readonly HashSet<string> RaisesSet = new(StringComparer.Ordinal);
    internal readonly HashSet<string> FieldsSet = new(StringComparer.Ordinal);
    internal readonly HashSet<string> ArraysSet = new(StringComparer.Ordinal);
    internal readonly HashSet<string> ResidualSet = new(StringComparer.Ordinal);
    internal readonly HashSet<string> ReadFieldsSet = new(StringComparer.Ordinal);
    internal readonly HashSet<string> ReadArraysSet = new(StringComparer.Ordinal);

    /// <summary>Where the method (or a callee) first loads through a pointer of unknown origin, or null.</summary>
    internal WriteSite? UnknownReadSite;

    /// <summary>Fields written on objects this method (with its callees) did not allocate, excluding its receiver: first write site per field.</summary>
    internal readonly Dictionary<string, WriteSite> EscapingWrites = new(StringComparer.Ordinal);

    /// <summary>Fields written on this method's own receiver (<c>this</c>): callers decide whether that object is fresh.</summary>
    internal readonly Dictionary<string, WriteSite> ReceiverWrites = new(StringComparer.Ordinal);

    /// <summary>Arguments (by position, <c>this</c> first) whose pointee the method may write: ref/out parameters, a struct's <c>this</c>.</summary>
    internal readonly HashSet<int> ParamWritesSet = new();

    /// <summary>Where the method (or a callee) first does something the analysis cannot bound, or null.</summary>
    internal WriteSite? RandomSite;

    /// <summary>True if the method may do anything (invoke a delegate, <c>calli</c>, store through an unknown pointer): RPython's random effects.</summary>
    public bool HasRandomEffects => RandomSite is not null;

    /// <summary>Positions of the by-reference arguments (<c>this</c> first) the method may store through.</summary>
    public IReadOnlySet<int> WritesThroughArguments => ParamWritesSet;

    /// <summary>True if the method may raise an exception.</summary>
    public bool CanRaise => RaisesSet.Count > 0;

    /// <summary>Exception types (full names) raised directly or propagated from callees; <c>System.Exception</c> stands for "anything".</summary>
    public IReadOnlySet<string> Raises => RaisesSet;

    /// <summary>Fields (definition full names) the method may write, on any object, static ones included.</summary>
    public IReadOnlySet<string> WrittenFields => FieldsSet;

    /// <summary>Element types (full names) of the arrays the method may write.</summary>
    public IReadOnlySet<string> WrittenArrayElementTypes => ArraysSet;

    /// <summary>Fields (definition full names) the method may read, static ones included (loads through pointers into them too).</summary>
    public IReadOnlySet<string> ReadFields => ReadFieldsSet;

    /// <summary>Element types (full names) of the arrays the method may read.</summary>
    public IReadOnlySet<string> ReadArrayElementTypes => ReadArraysSet;

    /// <summary>True if the method may load through a pointer of unknown origin (it may read any memory).</summary>
    public bool ReadsUnknownMemory => UnknownReadSite is not null;

    /// <summary>True if the method may reach opaque code (external calls outside the pure allow-list, indirect calls).</summary>
    public bool CallsResidual => ResidualSet.Count > 0;

    /// <summary>The opaque methods it may reach (full names).</summary>
    public IReadOnlySet<string> ResidualCalls => ResidualSet;

    internal int Size => RaisesSet.Count + FieldsSet.Count + ArraysSet.Count + ResidualSet.Count + EscapingWrites.Count + ReceiverWrites.Count + ParamWritesSet.Count + (RandomSite is null ? 0 : 1)
        + ReadFieldsSet.Count + ReadArraysSet.Count + (UnknownReadSite is null ? 0 : 1);

    /// <inheritdoc/>
    public override string ToString() =>
        $"raises {{{string.Join(", ", RaisesSet.Order())}}} writes {{{string.Join(", ", FieldsSet.Order())}}} arrays {{{string.Join(", ", ArraysSet.Order())}}} residual {{{string.Join(", ", ResidualSet.Order())}}}" + (HasRandomEffects ? " random" : "");
}

/// <summary>Where a field write happens: the method and the source position of the setfield.</summary>
internal sealed record WriteSite(string Method, SourcePosition? Source);
