using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using RSharp.Jit.Traces;

namespace RSharp.Backend.Interp;

/// <summary>
/// Reads and writes of one instance field in trace-value form (long, double, object), with the
/// conversions of <see cref="ValueKinds.ToInt"/> and <see cref="ValueConversion"/>: a small
/// dynamic method per field instead of <c>FieldInfo.GetValue</c>/<c>SetValue</c>,
/// which box every value and were most of the time of field-heavy traces. Fields of structs
/// (boxed) keep using reflection, which writes into the box.
/// </summary>
internal sealed class FieldAccess
{
    private static readonly ConcurrentDictionary<FieldInfo, FieldAccess> s_cache = new();

    private readonly FieldInfo _field;
    private readonly Func<object, long>? _getI;
    private readonly Action<object, long>? _setI;
    private readonly Func<object, double>? _getF;
    private readonly Action<object, double>? _setF;
    private readonly Func<object, object?>? _getR;
    private readonly Action<object, object?>? _setR;

    private FieldAccess(FieldInfo field, ValueKind kind)
    {
        _field = field;
        if (field.DeclaringType is not { IsValueType: false } owner || field.IsStatic) return;
        var t = field.FieldType;
        var u = t.IsEnum ? Enum.GetUnderlyingType(t) : t;
        switch (kind)
        {
            case ValueKind.Int when IsIntType(u):
                _getI = Getter<Func<object, long>>(owner, typeof(long), il => WidenToLong(il, u));
                _setI = Setter<Action<object, long>>(owner, typeof(long), il => NarrowFromLong(il, u));
                break;
            case ValueKind.Float when u == typeof(double) || u == typeof(float):
                _getF = Getter<Func<object, double>>(owner, typeof(double), il => { if (u == typeof(float)) il.Emit(OpCodes.Conv_R8); });
                _setF = Setter<Action<object, double>>(owner, typeof(double), il => { if (u == typeof(float)) il.Emit(OpCodes.Conv_R4); });
                break;
            case ValueKind.Ref:
                _getR = Getter<Func<object, object?>>(owner, typeof(object), il => { if (t.IsValueType) il.Emit(OpCodes.Box, t); });
                // A null stored into a struct field is its default value for reflection, not an error.
                if (!t.IsValueType) _setR = Setter<Action<object, object?>>(owner, typeof(object), il => il.Emit(OpCodes.Castclass, t));
                break;
        }
    }

    /// <summary>The accessor of a field descriptor (shared by all code using the field).</summary>
    public static FieldAccess Of(FieldDescr descr) => s_cache.GetOrAdd(descr.Field, f => new FieldAccess(f, descr.FieldKind));

    public long GetInt(object obj) => _getI is { } g ? g(obj) : ValueKinds.ToInt(_field.GetValue(obj));
    public double GetFloat(object obj) => _getF is { } g ? g(obj) : ValueKinds.ToFloat(_field.GetValue(obj));
    public object? GetRef(object obj) => _getR is { } g ? g(obj) : _field.GetValue(obj);

    public void SetInt(object obj, long v)
    {
        if (_setI is { } s) s(obj, v);
        else _field.SetValue(obj, ValueConversion.BoxInt(v, _field.FieldType));
    }

    public void SetFloat(object obj, double v)
    {
        if (_setF is { } s) s(obj, v);
        else _field.SetValue(obj, ValueConversion.BoxFloat(v, _field.FieldType));
    }

    public void SetRef(object obj, object? v)
    {
        if (_setR is { } s) s(obj, v);
        else _field.SetValue(obj, v);
    }

    private static bool IsIntType(Type u) =>
        Type.GetTypeCode(u) is TypeCode.Boolean or TypeCode.Char or TypeCode.SByte or TypeCode.Byte or TypeCode.Int16
            or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
        || u == typeof(nint) || u == typeof(nuint);

    /// <summary>As <see cref="ValueKinds.ToInt"/>: unsigned types zero-extend, signed ones sign-extend.</summary>
    private static void WidenToLong(ILGenerator il, Type u)
    {
        switch (Type.GetTypeCode(u))
        {
            case TypeCode.Int64 or TypeCode.UInt64: break;
            case TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32: il.Emit(OpCodes.Conv_I8); break;
            case TypeCode.Boolean or TypeCode.Char or TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32: il.Emit(OpCodes.Conv_U8); break;
            default: il.Emit(u == typeof(nuint) ? OpCodes.Conv_U8 : OpCodes.Conv_I8); break;
        }
    }

    /// <summary>As <see cref="ValueConversion.BoxInt"/>: truncation, and any non-zero value is true.</summary>
    private static void NarrowFromLong(ILGenerator il, Type u)
    {
        switch (Type.GetTypeCode(u))
        {
            case TypeCode.Int64 or TypeCode.UInt64: break;
            case TypeCode.Boolean:
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Conv_I8);
                il.Emit(OpCodes.Cgt_Un);
                break;
            case TypeCode.SByte: il.Emit(OpCodes.Conv_I1); break;
            case TypeCode.Byte: il.Emit(OpCodes.Conv_U1); break;
            case TypeCode.Int16: il.Emit(OpCodes.Conv_I2); break;
            case TypeCode.UInt16 or TypeCode.Char: il.Emit(OpCodes.Conv_U2); break;
            case TypeCode.Int32: il.Emit(OpCodes.Conv_I4); break;
            case TypeCode.UInt32: il.Emit(OpCodes.Conv_U4); break;
            default: il.Emit(u == typeof(nuint) ? OpCodes.Conv_U : OpCodes.Conv_I); break;
        }
    }

    private T Getter<T>(Type owner, Type result, Action<ILGenerator> convert) where T : Delegate
    {
        var m = new DynamicMethod("get_" + _field.Name, result, [typeof(object)], owner.Module, skipVisibility: true);
        var il = m.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, owner);
        il.Emit(OpCodes.Ldfld, _field);
        convert(il);
        il.Emit(OpCodes.Ret);
        return (T)m.CreateDelegate(typeof(T));
    }

    private T Setter<T>(Type owner, Type value, Action<ILGenerator> convert) where T : Delegate
    {
        var m = new DynamicMethod("set_" + _field.Name, typeof(void), [typeof(object), value], owner.Module, skipVisibility: true);
        var il = m.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, owner);
        il.Emit(OpCodes.Ldarg_1);
        convert(il);
        il.Emit(OpCodes.Stfld, _field);
        il.Emit(OpCodes.Ret);
        return (T)m.CreateDelegate(typeof(T));
    }
}
