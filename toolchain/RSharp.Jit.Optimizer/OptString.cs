using RSharp.Jit.Traces;

namespace RSharp.Jit.Optimizer;

/// <summary>
/// A small part of RPython's <c>string</c> pass: lengths and characters of constant strings are
/// constants, and the length of a string made by <c>newstr(n)</c> is <c>n</c>. (Virtual strings,
/// with their concatenation and slicing, are not done.)
/// </summary>
internal sealed class OptString : Optimization
{
    public override void Propagate(Operation op)
    {
        switch (op.OpCode)
        {
            case OpCode.Strlen:
                if (Opt.GetConstant(op.Arg(0)) is ConstRef { Value: string s })
                {
                    Opt.MakeConstant(op, new ConstInt(s.Length));
                    return;
                }
                if (Opt.Get(op.Arg(0)) is Operation { OpCode: OpCode.Newstr } alloc)
                {
                    Opt.MakeEqual(op, alloc.Arg(0));
                    return;
                }
                break;
            case OpCode.Strgetitem:
                if (Opt.GetConstant(op.Arg(0)) is ConstRef { Value: string str } && Opt.GetConstInt(op.Arg(1)) is { } i
                    && i >= 0 && i < str.Length)
                {
                    Opt.MakeConstant(op, new ConstInt(str[(int)i]));
                    return;
                }
                break;
        }
        EmitNext(op);
    }
}

/// <summary>
/// RPython's <c>earlyforce</c> pass forces virtuals that reach operations the later passes do
/// not understand. Here <see cref="OptVirtualize"/> already forces every virtual argument of an
/// operation it does not handle, so this pass has nothing left to do; it exists so that
/// <c>enable_opts</c> strings that name it keep working.
/// </summary>
internal sealed class OptEarlyForce : Optimization;
