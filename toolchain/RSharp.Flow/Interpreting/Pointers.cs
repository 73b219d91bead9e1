using System.Reflection;
using System.Runtime.CompilerServices;

namespace RSharp.Flow.Interpreting;

/// <summary>
/// A managed pointer in the graph interpreter. Values behind pointers are kept in storage
/// form (exact CLR types, boxed); value types are copied on every load and store so that
/// SSA values never alias mutable storage.
/// </summary>
internal abstract class Pointer
{
    public abstract Type ElementType { get; }
    public abstract object? Load();
    public abstract void Store(object? value);

    protected static object? Copy(object? v) => RuntimeHelpers.GetObjectValue(v);
}

/// <summary>A local or argument whose address is taken (alloc_slot), or a by-ref argument from outside.</summary>
internal sealed class SlotPointer : Pointer
{
    private object? _value;

    public SlotPointer(Type type, object? initial = null)
    {
        ElementType = type;
        _value = initial ?? (type.IsValueType && !type.IsByRefLike ? Activator.CreateInstance(type) : null);
    }

    public override Type ElementType { get; }
    public override object? Load() => Copy(_value);
    public override void Store(object? value) => _value = Copy(value);
}

/// <summary>The address of an instance field: of an object, or of a struct behind another pointer.</summary>
internal sealed class FieldPointer : Pointer
{
    private readonly object _owner;
    private readonly FieldInfo _field;

    public FieldPointer(object owner, FieldInfo field)
    {
        _owner = owner;
        _field = field;
    }

    public override Type ElementType => _field.FieldType;

    public override object? Load() => _field.GetValue(_owner is Pointer p ? p.Load() : _owner);

    public override void Store(object? value)
    {
        if (_owner is Pointer p)
        {
            var box = p.Load();
            _field.SetValue(box, value);
            p.Store(box);
        }
        else _field.SetValue(_owner, value);
    }
}

internal sealed class StaticFieldPointer : Pointer
{
    private readonly FieldInfo _field;
    public StaticFieldPointer(FieldInfo field) => _field = field;
    public override Type ElementType => _field.FieldType;
    public override object? Load() => _field.GetValue(null);
    public override void Store(object? value) => _field.SetValue(null, value);
}

internal sealed class ArrayElementPointer : Pointer
{
    private readonly Array _array;
    private readonly int _index;

    public ArrayElementPointer(Array array, int index)
    {
        _array = array;
        _index = index;
    }

    public override Type ElementType => _array.GetType().GetElementType()!;
    public override object? Load() => _array.GetValue(_index);
    public override void Store(object? value) => _array.SetValue(value, _index);
}

/// <summary>The data of a boxed value type (unbox).</summary>
internal sealed class BoxPointer : Pointer
{
    private readonly object _box;
    public BoxPointer(object box) => _box = box;
    public override Type ElementType => _box.GetType();
    public override object? Load() => Copy(_box);

    public override void Store(object? value)
    {
        foreach (var f in _box.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            f.SetValue(_box, f.GetValue(value));
    }
}

/// <summary>The value of ldftn/ldvirtftn: the method a delegate will be bound to.</summary>
internal sealed class FunctionPointer
{
    public FunctionPointer(MethodBase method) => Method = method;
    public MethodBase Method { get; }
    public override string ToString() => "&" + Method;
}
