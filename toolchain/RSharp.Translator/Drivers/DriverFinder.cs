using Mono.Cecil;
using Mono.Cecil.Cil;

namespace RSharp.Translator.Drivers;

/// <summary>
/// Finds the interpreter's JIT drivers and their portals and checks each merge point against
/// its driver's declaration: the arguments must be the declared greens then reds, passed as
/// local variables or parameters of those names (RPython passes them by keyword).
/// </summary>
internal static class DriverFinder
{
    public static DriverModel Analyse(IReadOnlyList<ModuleDefinition> modules)
    {
        var diags = new List<Diagnostic>();
        var drivers = new List<DriverDeclaration>();
        var rejectedFields = new HashSet<string>();
        foreach (var type in modules.SelectMany(m => m.GetTypes()))
            foreach (var (field, args) in CctorEvaluator.FindDrivers(type))
            {
                if (Declare(field, args, diags) is { } d) drivers.Add(d);
                else rejectedFields.Add(field.FullName);
            }

        var sites = new List<MergePointSite>();
        foreach (var type in modules.SelectMany(m => m.GetTypes()))
            foreach (var method in type.Methods.Where(m => m.HasBody))
                foreach (var ins in method.Body.Instructions)
                    if (IsHintCall(ins, out bool canEnter))
                        sites.Add(CheckSite(method, ins, canEnter, drivers, rejectedFields, diags));

        CheckPortals(drivers, sites, diags);
        return new DriverModel { Modules = modules, Drivers = drivers, Sites = sites, Diagnostics = diags };
    }

    private static DriverDeclaration? Declare(FieldDefinition field, object?[] args, List<Diagnostic> diags)
    {
        var where = SourceLocation.OfMethod($"{field.DeclaringType.FullName}.{field.Name}");
        if (!field.IsInitOnly)
        {
            diags.Add(new Diagnostic(Severity.Error, "RS1004", $"JIT driver field '{field.Name}' must be static readonly", where));
            return null;
        }
        string[]? greens = Names(args.ElementAtOrDefault(0)), reds = Names(args.ElementAtOrDefault(1));
        string[]? virtualizables = args.ElementAtOrDefault(2) is null ? [] : Names(args[2]);
        if (greens is null || reds is null || virtualizables is null)
        {
            diags.Add(new Diagnostic(Severity.Error, "RS1004",
                $"JIT driver '{field.Name}' must be declared with literal name lists, e.g. new(greens: [\"pc\"], reds: [\"frame\"])", where));
            return null;
        }
        string name = args.ElementAtOrDefault(3) as string ?? "jitdriver";
        return new DriverDeclaration(field, name, greens, reds, virtualizables);
    }

    private static string[]? Names(object? value) =>
        value is string?[] arr && Array.TrueForAll(arr, s => s is not null) ? Array.ConvertAll(arr, s => s!) : null;

    private static bool IsHintCall(Instruction ins, out bool canEnterJit)
    {
        canEnterJit = false;
        if (ins.OpCode.Code is not (Code.Call or Code.Callvirt) || ins.Operand is not MethodReference m) return false;
        if (m.DeclaringType.FullName != CctorEvaluator.DriverType) return false;
        canEnterJit = m.Name == "CanEnterJit";
        return canEnterJit || m.Name == "JitMergePoint";
    }

    private static MergePointSite CheckSite(MethodDefinition method, Instruction call, bool canEnter,
        List<DriverDeclaration> drivers, HashSet<string> rejectedFields, List<Diagnostic> diags)
    {
        var location = SourcePositions.Of(method, call);
        string kind = canEnter ? "CanEnterJit" : "JitMergePoint";
        int count = ((MethodReference)call.Operand).Parameters.Count;

        // Split the code before the call into the receiver and one range per argument.
        var ranges = StackEffect.OperandRanges(call, count + 1);
        var receiver = ranges is not null && ranges[0].Count == 1 ? ranges[0][0] : null;
        var driver = receiver is { OpCode.Code: Code.Ldsfld } && receiver.Operand is FieldReference fr
            ? drivers.FirstOrDefault(d => d.Field.FullName == fr.FullName) : null;
        if (driver is null)
        {
            if (receiver?.Operand is FieldReference rejected && rejectedFields.Contains(rejected.FullName))
                return new MergePointSite(method, call, null, canEnter, location);   // its declaration was reported
            diags.Add(new Diagnostic(Severity.Error, "RS1004", receiver is { OpCode.Code: Code.Ldsfld }
                ? $"{kind} on a JIT driver whose declaration cannot be read (declare it as a static readonly field initialised with literal name lists)"
                : $"{kind} must be called directly on the driver's static readonly field", location));
            return new MergePointSite(method, call, null, canEnter, location);
        }

        var declared = driver.LiveVariables.ToList();
        if (count != declared.Count)
        {
            diags.Add(new Diagnostic(Severity.Error, "RS1001",
                $"{kind} passes {count} value{(count == 1 ? "" : "s")} but {driver.Describe()} declares {declared.Count}", location));
            return new MergePointSite(method, call, driver, canEnter, location);
        }
        for (int i = 0; i < count; i++)
        {
            string role = i < driver.Greens.Count ? "green" : "red";
            var actual = ranges![i + 1].Count == 1 ? VariableName(method, ranges[i + 1][0]) : null;
            if (actual is null)
                diags.Add(new Diagnostic(Severity.Error, "RS1003",
                    $"{kind} argument {i + 1} must be the local variable or parameter '{declared[i]}' ({role}), not an expression", location));
            else if (actual.Value.Name is { } n && n != declared[i])
                diags.Add(new Diagnostic(Severity.Error, "RS1002",
                    $"{kind} argument {i + 1} is '{n}' but {driver.Describe()} declares {role} '{declared[i]}' there", location));
        }
        return new MergePointSite(method, call, driver, canEnter, location);
    }

    private static void CheckPortals(List<DriverDeclaration> drivers, List<MergePointSite> sites, List<Diagnostic> diags)
    {
        foreach (var d in drivers)
        {
            var merges = sites.Where(s => s.Driver == d && !s.IsCanEnterJit).ToList();
            var where = SourceLocation.OfMethod($"{d.Field.DeclaringType.FullName}.{d.Field.Name}");
            if (merges.Count == 0)
            {
                diags.Add(new Diagnostic(Severity.Error, "RS1005", $"{d.Describe()} has no JitMergePoint call", where));
                continue;
            }
            var portal = merges[0].Method;
            foreach (var s in sites.Where(s => s.Driver == d && s.Method != portal))
                diags.Add(new Diagnostic(Severity.Error, "RS1006",
                    $"{s.Kind} of driver '{d.Name}' is outside its portal {portal.DeclaringType.Name}.{portal.Name}: all of a driver's merge points must be in one method",
                    s.Location));
        }
    }

    /// <summary>The variable a load reads: (name or null when unknown without a PDB), or null when it is not a plain local/parameter load.</summary>
    private static (string? Name, bool)? VariableName(MethodDefinition method, Instruction load)
    {
        var body = method.Body;
        VariableDefinition? local = load.OpCode.Code switch
        {
            Code.Ldloc_0 => body.Variables[0], Code.Ldloc_1 => body.Variables[1],
            Code.Ldloc_2 => body.Variables[2], Code.Ldloc_3 => body.Variables[3],
            Code.Ldloc or Code.Ldloc_S => (VariableDefinition)load.Operand,
            _ => null,
        };
        if (local is not null)
            return (method.DebugInformation.TryGetName(local, out var name) ? name : null, true);
        int? argIndex = load.OpCode.Code switch
        {
            Code.Ldarg_0 => 0, Code.Ldarg_1 => 1, Code.Ldarg_2 => 2, Code.Ldarg_3 => 3,
            Code.Ldarg or Code.Ldarg_S => ((ParameterDefinition)load.Operand).Sequence,
            _ => null,
        };
        if (argIndex is not int idx) return null;
        if (method.HasThis) idx--;
        return idx < 0 ? ("this", true) : (method.Parameters[idx].Name, true);
    }

}

/// <summary>Source positions of instructions from the portable PDB.</summary>
internal static class SourcePositions
{
    public static SourceLocation Of(MethodDefinition method, Instruction ins)
    {
        SequencePoint? best = null;
        foreach (var sp in method.DebugInformation.SequencePoints)
        {
            if (sp.Offset > ins.Offset) break;
            if (!sp.IsHidden) best = sp;
        }
        return best is null
            ? SourceLocation.OfMethod($"{method.DeclaringType.FullName}.{method.Name}")
            : new SourceLocation(RSharp.Flow.SourcePaths.Resolve(best.Document.Url, method.Module.FileName), best.StartLine, best.StartColumn);
    }
}
