using Mono.Cecil;

namespace RSharp.Flow;

/// <summary>
/// Substitutes generic parameters by position: !n from the declaring type's arguments and
/// !!n from the method's arguments. A context with no arguments leaves types open.
/// </summary>
internal sealed class GenericContext
{
    public static readonly GenericContext Empty = new(null, null);

    public GenericContext(IList<TypeReference>? typeArgs, IList<TypeReference>? methodArgs)
    {
        TypeArgs = typeArgs;
        MethodArgs = methodArgs;
    }

    public IList<TypeReference>? TypeArgs { get; }
    public IList<TypeReference>? MethodArgs { get; }
    public bool IsEmpty => TypeArgs is null && MethodArgs is null;

    /// <summary>The context in which a member reference's own signature must be read.</summary>
    public static GenericContext ForMember(MemberReference member)
    {
        IList<TypeReference>? typeArgs = member.DeclaringType is GenericInstanceType git ? git.GenericArguments : null;
        IList<TypeReference>? methodArgs = member is GenericInstanceMethod gim ? gim.GenericArguments : null;
        return new GenericContext(typeArgs, methodArgs);
    }

    public TypeReference Inflate(TypeReference t)
    {
        if (IsEmpty) return t;
        switch (t)
        {
            case GenericParameter gp:
                if (gp.Type == GenericParameterType.Type && TypeArgs is not null && gp.Position < TypeArgs.Count) return TypeArgs[gp.Position];
                if (gp.Type == GenericParameterType.Method && MethodArgs is not null && gp.Position < MethodArgs.Count) return MethodArgs[gp.Position];
                return gp;
            case GenericInstanceType git:
            {
                var args = git.GenericArguments.Select(Inflate).ToList();
                if (args.SequenceEqual(git.GenericArguments)) return git;
                var result = new GenericInstanceType(git.ElementType);
                foreach (var a in args) result.GenericArguments.Add(a);
                return result;
            }
            case ArrayType at:
            {
                var e = Inflate(at.ElementType);
                if (e == at.ElementType) return at;
                return at.Rank == 1 && at.IsVector ? new ArrayType(e) : new ArrayType(e, at.Rank);
            }
            case ByReferenceType br:
            {
                var e = Inflate(br.ElementType);
                return e == br.ElementType ? br : new ByReferenceType(e);
            }
            case PointerType pt:
            {
                var e = Inflate(pt.ElementType);
                return e == pt.ElementType ? pt : new PointerType(e);
            }
            case PinnedType pin: return Inflate(pin.ElementType);
            case IModifierType mod: return Inflate(((TypeSpecification)mod).ElementType);
            default: return t;
        }
    }

    /// <summary>Substitutes the generic arguments of a method reference found in a body.</summary>
    public MethodReference Inflate(MethodReference m)
    {
        if (IsEmpty) return m;
        if (m is GenericInstanceMethod gim)
        {
            var element = Inflate(gim.ElementMethod);
            var args = gim.GenericArguments.Select(Inflate).ToList();
            if (element == gim.ElementMethod && args.SequenceEqual(gim.GenericArguments)) return gim;
            var result = new GenericInstanceMethod(element);
            foreach (var a in args) result.GenericArguments.Add(a);
            return result;
        }
        var declaring = Inflate(m.DeclaringType);
        if (declaring == m.DeclaringType) return m;
        var copy = new MethodReference(m.Name, m.ReturnType, declaring)
        {
            HasThis = m.HasThis, ExplicitThis = m.ExplicitThis, CallingConvention = m.CallingConvention,
        };
        foreach (var p in m.Parameters) copy.Parameters.Add(new ParameterDefinition(p.Name, p.Attributes, p.ParameterType));
        foreach (var gp in m.GenericParameters) copy.GenericParameters.Add(new GenericParameter(gp.Name, copy));
        return copy;
    }

    public FieldReference Inflate(FieldReference f)
    {
        if (IsEmpty) return f;
        var declaring = Inflate(f.DeclaringType);
        if (declaring == f.DeclaringType) return f;
        return new FieldReference(f.Name, f.FieldType, declaring);
    }

    public static TypeReference ReturnTypeOf(MethodReference m) => ForMember(m).Inflate(m.ReturnType);
    public static TypeReference ParameterTypeOf(MethodReference m, int i) => ForMember(m).Inflate(m.Parameters[i].ParameterType);
    public static TypeReference FieldTypeOf(FieldReference f) => ForMember(f).Inflate(f.FieldType);
}
