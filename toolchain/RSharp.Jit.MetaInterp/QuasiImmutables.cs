using System.Reflection;
using System.Runtime.CompilerServices;
using RSharp.Jit.Traces;

namespace RSharp.Jit.MetaInterp;

/// <summary>
/// The compiled loops that read a quasi-immutable field of an object as a constant (RPython's
/// <c>QuasiImmut</c> watchers, quasiimmut.py): writing the field invalidates them.
/// </summary>
internal sealed class QuasiImmutRegistry
{
    private readonly Dictionary<Key, List<CompiledLoop>> _watchers = new();

    private readonly struct Key(object obj, FieldInfo field) : IEquatable<Key>
    {
        public readonly object Obj = obj;
        public readonly FieldInfo Field = field;
        public bool Equals(Key other) => ReferenceEquals(Obj, other.Obj) && Field.Equals(other.Field);
        public override bool Equals(object? obj) => obj is Key k && Equals(k);
        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Obj), Field);
    }

    public void Watch(object obj, FieldInfo field, CompiledLoop loop)
    {
        var key = new Key(obj, field);
        if (!_watchers.TryGetValue(key, out var list)) _watchers[key] = list = [];
        if (!list.Contains(loop)) list.Add(loop);
    }

    /// <summary>Removes and returns the loops watching the field of the object.</summary>
    public List<CompiledLoop> Take(object obj, FieldInfo field)
    {
        var key = new Key(obj, field);
        if (!_watchers.Remove(key, out var list)) return [];
        return list;
    }

    /// <summary>Whether any loop watches the field of the object (writes to unwatched fields cost nothing).</summary>
    public bool IsWatched(object obj, FieldInfo field) => _watchers.ContainsKey(new Key(obj, field));
}

public sealed partial class MetaInterpreter
{
    private readonly QuasiImmutRegistry _quasiImmut = new();
    private readonly Dictionary<FieldDescr, CallDescr> _quasiImmutWriters = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Tells the JIT that the <c>[QuasiImmutable]</c> field <paramref name="fieldName"/> of
    /// <paramref name="obj"/> was written by code it does not run (native .NET code outside the
    /// portal's jitcodes): the compiled loops that read it as a constant are invalidated.
    /// Writes done by jitcodes (interpreted, traced or compiled) invalidate by themselves.
    /// </summary>
    public void QuasiImmutableChanged(object obj, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(obj);
        for (var t = obj.GetType(); t is not null; t = t.BaseType)
            if (t.GetField(fieldName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) is { } f)
            {
                InvalidateWatchers(obj, f);
                return;
            }
        throw new ArgumentException($"{obj.GetType().Name} has no field {fieldName}", nameof(fieldName));
    }

    /// <summary>The blackhole (or compiled code, through <see cref="QuasiImmutWriteDescr"/>) wrote a quasi-immutable field.</summary>
    internal void QuasiImmutableWritten(FieldDescr fd, object obj) => InvalidateWatchers(obj, fd.Field);

    private void InvalidateWatchers(object obj, FieldInfo field)
    {
        foreach (var loop in _quasiImmut.Take(obj, field))
            InvalidateLoop(loop);
    }

    /// <summary>The loop is never entered again: its guard_not_invalidated fail, and the green key may be traced anew.</summary>
    private void InvalidateLoop(CompiledLoop loop)
    {
        if (loop.Token.IsInvalidated) return;
        Backend.Invalidate(loop.Token);
        Stats.Invalidations++;
        _loops.Remove(loop);
    }

    /// <summary>Registers a compiled loop as a watcher of the quasi-immutable fields its trace read as constants.</summary>
    internal void WatchQuasiImmutables(Tracer tracer, CompiledLoop loop)
    {
        foreach (var (obj, fd, value) in tracer.QuasiImmutDeps)
        {
            _quasiImmut.Watch(obj, fd.Field, loop);
            // Changed since it was read (by a residual call while tracing, which nothing hooks): stale at once.
            var now = fd.Field.GetValue(obj);
            if (fd.FieldType.IsValueType ? !Equals(now, value) : !ReferenceEquals(now, value)) InvalidateWatchers(obj, fd.Field);
        }
    }

    /// <summary>The call compiled code makes after a <c>setfield_gc</c> of a quasi-immutable field (RPython's jit_force_quasi_immutable).</summary>
    internal CallDescr QuasiImmutWriteDescr(FieldDescr fd)
    {
        if (!_quasiImmutWriters.TryGetValue(fd, out var d))
        {
            Action<object?> invalidate = o => { if (o is not null) QuasiImmutableWritten(fd, o); };
            _quasiImmutWriters[fd] = d = new CallDescr(invalidate, "quasiimmut_written." + fd.Field.Name,
                new EffectInfo(EffectInfo.Extra.CannotRaise, canInvalidate: true));
        }
        return d;
    }
}
