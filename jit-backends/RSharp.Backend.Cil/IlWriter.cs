using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using EmitOp = System.Reflection.Emit.OpCode;

namespace RSharp.Backend.Cil;

/// <summary>
/// An <see cref="ILGenerator"/> that also records a readable listing of what it emits (the
/// JIT log's view of a compiled trace; machine code is out of reach for a DynamicMethod).
/// </summary>
internal sealed class IlWriter(ILGenerator il)
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<Label, int> _labelNames = [];
    private readonly Dictionary<LocalBuilder, string> _localNames = [];

    public int Count { get; private set; }
    public string Listing => _text.ToString();

    public LocalBuilder DeclareLocal(Type type, string name)
    {
        var local = il.DeclareLocal(type);
        _localNames[local] = name;
        return local;
    }

    public Label DefineLabel()
    {
        var label = il.DefineLabel();
        _labelNames[label] = _labelNames.Count;
        return label;
    }

    public void MarkLabel(Label label)
    {
        il.MarkLabel(label);
        _text.Append("L").Append(_labelNames[label]).Append(":\n");
    }

    /// <summary>A comment line in the listing (the trace operation being compiled).</summary>
    public void Comment(string text) => _text.Append("  // ").Append(text).Append('\n');

    private void Line(EmitOp op, string? operand = null)
    {
        Count++;
        _text.Append("    ").Append(op.Name);
        if (operand is not null) _text.Append(' ').Append(operand);
        _text.Append('\n');
    }

    public void Emit(EmitOp op) { il.Emit(op); Line(op); }
    public void Emit(EmitOp op, int arg) { il.Emit(op, arg); Line(op, arg.ToString(CultureInfo.InvariantCulture)); }
    public void Emit(EmitOp op, long arg) { il.Emit(op, arg); Line(op, arg.ToString(CultureInfo.InvariantCulture)); }
    public void Emit(EmitOp op, double arg) { il.Emit(op, arg); Line(op, arg.ToString("R", CultureInfo.InvariantCulture)); }
    public void Emit(EmitOp op, Label label) { il.Emit(op, label); Line(op, "L" + _labelNames[label]); }
    public void Emit(EmitOp op, Label[] labels) { il.Emit(op, labels); Line(op, "(" + string.Join(", ", labels.Select(l => "L" + _labelNames[l])) + ")"); }
    public void Emit(EmitOp op, LocalBuilder local) { il.Emit(op, local); Line(op, _localNames[local]); }
    public void Emit(EmitOp op, Type type) { il.Emit(op, type); Line(op, type.Name); }
    public void Emit(EmitOp op, FieldInfo field) { il.Emit(op, field); Line(op, $"{field.DeclaringType?.Name}::{field.Name}"); }
    public void Emit(EmitOp op, ConstructorInfo ctor) { il.Emit(op, ctor); Line(op, $"{ctor.DeclaringType?.Name}::.ctor"); }
    public void Emit(EmitOp op, MethodInfo method) { il.Emit(op, method); Line(op, $"{method.DeclaringType?.Name}::{method.Name}"); }

    public void BeginTry() { il.BeginExceptionBlock(); _text.Append("  .try {\n"); }
    public void BeginCatch(Type type) { il.BeginCatchBlock(type); _text.Append("  } catch ").Append(type.Name).Append(" {\n"); }
    public void EndTry() { il.EndExceptionBlock(); _text.Append("  }\n"); }
}
