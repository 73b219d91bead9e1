using PySharp.Compiler;
using RSharp.Hints;

namespace PySharp.Interpreter;

public static partial class Interpreter
{
    /// <summary>
    /// The dispatch loop. Returns the frame's return value, or for generator frames the
    /// yielded value (then <see cref="Frame.Generator"/>'s Yielded flag is set).
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static PyObject Run(Frame frame)
    {
        PyCode code = frame.Code;
        PyObject?[] stack = frame.Stack;
        PyObject?[] locals = frame.Locals;
        int[] instrs = code.Instrs;
        while (true)
        {
            // pc and sp are not read by the handler (it reads frame.Pc, written by every
            // instruction), so the .NET JIT keeps them in registers in the loop.
            int pc = frame.Pc;
            int sp = frame.Sp;
            PyException? unwinding = null;
            try
            {
                if (frame.ThrowIn != null)
                {
                    var t = frame.ThrowIn;
                    frame.ThrowIn = null;
                    throw t;
                }
                while (true)
                {
                    Driver.JitMergePoint(pc, code, frame);
                    int instr = instrs[pc++];
                    frame.Pc = pc;
                    int arg = instr >> 8;
                    switch ((Op)(instr & 0xFF))
                    {
                        case Op.Nop: break;
                        case Op.PopTop: stack[--sp] = null; break;
                        case Op.PushNull: Put(stack, sp++, null); break;
                        case Op.Copy: Put(stack, sp, stack[sp - arg]); sp++; break;
                        case Op.Swap:
                            {
                                var tmp = stack[sp - 1];
                                Put(stack, sp - 1, stack[sp - arg]);
                                stack[sp - arg] = tmp;
                                break;
                            }
                        case Op.LoadConst: Put(stack, sp++, code.Consts[arg]); break;
                        case Op.LoadFast:
                            {
                                var v = locals[arg];
                                if (v == null) throw UnboundLocal(code, arg);
                                Put(stack, sp++, v);
                                break;
                            }
                        case Op.LoadFastChecked: goto case Op.LoadFast;
                        case Op.LoadFastLoadFast:
                            {
                                var v = locals[arg];
                                if (v == null) throw UnboundLocal(code, arg);
                                Put(stack, sp++, v);
                                int arg2 = instrs[pc++] >> 8;
                                frame.Pc = pc;
                                var v2 = locals[arg2];
                                if (v2 == null) throw UnboundLocal(code, arg2);
                                Put(stack, sp++, v2);
                                break;
                            }
                        case Op.LoadFastLoadConst:
                            {
                                var v = locals[arg];
                                if (v == null) throw UnboundLocal(code, arg);
                                Put(stack, sp++, v);
                                int arg2 = instrs[pc++] >> 8;
                                frame.Pc = pc;
                                Put(stack, sp++, code.Consts[arg2]);
                                break;
                            }
                        case Op.StoreFastLoadFast:
                            {
                                Put(locals, arg, stack[--sp]);
                                stack[sp] = null;
                                int arg2 = instrs[pc++] >> 8;
                                frame.Pc = pc;
                                var v2 = locals[arg2];
                                if (v2 == null) throw UnboundLocal(code, arg2);
                                Put(stack, sp++, v2);
                                break;
                            }
                        case Op.CompareOpPopJumpIfFalse:
                            {
                                var b = stack[--sp]!;
                                var a = stack[sp - 1]!;
                                stack[sp] = null;
                                bool truth;
                                if (a is PyInt ia && b is PyInt ib) truth = Ops.CmpLong(ia.Value, ib.Value, arg);
                                else
                                {
                                    var c = Ops.RichCompare(a, b, arg);
                                    frame.Pc = pc + 1;
                                    truth = c == PyBool.True || (c != PyBool.False && Ops.IsTrue(c));
                                }
                                stack[--sp] = null;
                                int target = instrs[pc++] >> 8;
                                frame.Pc = pc;
                                if (!truth) pc = target;
                                break;
                            }
                        case Op.StoreFast: Put(locals, arg, stack[--sp]); stack[sp] = null; break;
                        case Op.LoadDeref:
                            {
                                var v = ((PyCell)locals[code.NLocals + arg]!).Value;
                                if (v == null) throw FreeVarError(code, arg);
                                Put(stack, sp++, v);
                                break;
                            }
                        case Op.StoreDeref: ((PyCell)locals[code.NLocals + arg]!).Value = stack[--sp]; stack[sp] = null; break;
                        case Op.LoadClosure: Put(stack, sp++, locals[code.NLocals + arg]); break;
                        case Op.LoadGlobal: Put(stack, sp++, LoadGlobal(frame, code, arg)); break;
                        case Op.StoreGlobal: StoreGlobal(frame, code, arg, stack[--sp]!); stack[sp] = null; break;
                        case Op.LoadName: Put(stack, sp++, LoadName(frame, code, arg)); break;
                        case Op.StoreName:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                if (frame.LocalsDict == frame.Globals) StoreGlobal(frame, code, arg, v);
                                else if (frame.LocalsDict is PyDict ld && ld.GetType() == typeof(PyDict)) ld.SetStr(code.Names[arg], v);
                                else Ops.SetItem(frame.LocalsDict!, new PyStr(code.Names[arg]), v);
                                break;
                            }
                        case Op.LoadAttr: Put(stack, sp - 1, LoadAttr(code, pc - 1, stack[sp - 1]!, code.Names[arg])); break;
                        case Op.StoreAttr:
                            {
                                var obj = stack[sp - 1]!;
                                var v = stack[sp - 2]!;
                                sp -= 2;
                                stack[sp] = null; stack[sp + 1] = null;
                                StoreAttr(code, pc - 1, obj, code.Names[arg], v);
                                break;
                            }
                        case Op.LoadMethod:
                            {
                                var obj = stack[sp - 1]!;
                                var m = LookupMethodCached(code, pc - 1, obj, code.Names[arg]);
                                if (m != null) { Put(stack, sp - 1, m); Put(stack, sp++, obj); }
                                else { stack[sp - 1] = null; Put(stack, sp++, LoadAttr(code, pc - 1, obj, code.Names[arg])); }
                                break;
                            }
                        case Op.BinaryOp:
                            {
                                var b = stack[--sp]!;
                                var a = stack[sp - 1]!;
                                stack[sp] = null;
                                PyObject? r = null;
                                if (a is PyInt ia && b is PyInt ib)
                                {
                                    long x = ia.Value, y = ib.Value;
                                    switch (arg & 15)
                                    {
                                        case BinaryOpCodes.Add:
                                            {
                                                long s = x + y;
                                                if (((x ^ s) & (y ^ s)) >= 0) r = PyInt.Get(s);
                                                break;
                                            }
                                        case BinaryOpCodes.Sub:
                                            {
                                                long s = x - y;
                                                if (((x ^ y) & (x ^ s)) >= 0) r = PyInt.Get(s);
                                                break;
                                            }
                                        case BinaryOpCodes.Mul:
                                            // Both factors within 32 bits: the product cannot overflow.
                                            if ((ulong)(x + 0x80000000L) <= 0xFFFFFFFFUL && (ulong)(y + 0x80000000L) <= 0xFFFFFFFFUL) r = PyInt.Get(x * y);
                                            break;
                                        case BinaryOpCodes.Mod:
                                            // 32-bit division is several times cheaper than 64-bit idiv.
                                            if (y > 0 && x >= 0) r = PyInt.Get((ulong)x <= uint.MaxValue && (ulong)y <= uint.MaxValue ? (uint)x % (uint)y : x % y);
                                            break;
                                    }
                                    r ??= IntOps.Arith(arg & 15, x, y);
                                }
                                else if (a is PyFloat fa && b is PyFloat fb)
                                {
                                    switch (arg & 15)
                                    {
                                        case BinaryOpCodes.Add: r = new PyFloat(fa.Value + fb.Value); break;
                                        case BinaryOpCodes.Sub: r = new PyFloat(fa.Value - fb.Value); break;
                                        case BinaryOpCodes.Mul: r = new PyFloat(fa.Value * fb.Value); break;
                                    }
                                }
                                Put(stack, sp - 1, r ?? Ops.BinaryOp(a, b, arg));
                                break;
                            }
                        case Op.BinaryAdd:
                            {
                                var b = stack[--sp]!;
                                var a = stack[sp - 1]!;
                                stack[sp] = null;
                                PyObject? r = null;
                                if (a is PyInt ia && b is PyInt ib)
                                {
                                    long x = ia.Value, y = ib.Value, z = x + y;
                                    if (((x ^ z) & (y ^ z)) >= 0) r = PyInt.Get(z);
                                }
                                else if (a is PyFloat fa && b is PyFloat fb) r = new PyFloat(fa.Value + fb.Value);
                                Put(stack, sp - 1, r ?? Ops.BinaryOp(a, b, arg));
                                break;
                            }
                        case Op.BinarySubtract:
                            {
                                var b = stack[--sp]!;
                                var a = stack[sp - 1]!;
                                stack[sp] = null;
                                PyObject? r = null;
                                if (a is PyInt ia && b is PyInt ib)
                                {
                                    long x = ia.Value, y = ib.Value, z = x - y;
                                    if (((x ^ y) & (x ^ z)) >= 0) r = PyInt.Get(z);
                                }
                                else if (a is PyFloat fa && b is PyFloat fb) r = new PyFloat(fa.Value - fb.Value);
                                Put(stack, sp - 1, r ?? Ops.BinaryOp(a, b, arg));
                                break;
                            }
                        case Op.BinaryMultiply:
                            {
                                var b = stack[--sp]!;
                                var a = stack[sp - 1]!;
                                stack[sp] = null;
                                PyObject? r = null;
                                if (a is PyInt ia && b is PyInt ib)
                                {
                                    long x = ia.Value, y = ib.Value;
                                    // Both factors within 32 bits: the product cannot overflow.
                                    if ((ulong)(x + 0x80000000L) <= 0xFFFFFFFFUL && (ulong)(y + 0x80000000L) <= 0xFFFFFFFFUL) r = PyInt.Get(x * y);
                                }
                                else if (a is PyFloat fa && b is PyFloat fb) r = new PyFloat(fa.Value * fb.Value);
                                Put(stack, sp - 1, r ?? Ops.BinaryOp(a, b, arg));
                                break;
                            }
                        case Op.BinaryModulo:
                            {
                                var b = stack[--sp]!;
                                var a = stack[sp - 1]!;
                                stack[sp] = null;
                                PyObject? r = null;
                                if (a is PyInt ia && b is PyInt ib)
                                {
                                    long x = ia.Value, y = ib.Value;
                                    // 32-bit division is several times cheaper than 64-bit idiv.
                                    if (y > 0 && x >= 0) r = PyInt.Get((ulong)x <= uint.MaxValue && (ulong)y <= uint.MaxValue ? (uint)x % (uint)y : x % y);
                                }
                                Put(stack, sp - 1, r ?? Ops.BinaryOp(a, b, arg));
                                break;
                            }
                        case Op.UnaryNot: Put(stack, sp - 1, PyBool.Of(!Ops.IsTrue(stack[sp - 1]!))); break;
                        case Op.CompareOp:
                            {
                                var b = stack[--sp]!;
                                var a = stack[sp - 1]!;
                                stack[sp] = null;
                                if (a is PyInt ia && b is PyInt ib) Put(stack, sp - 1, PyBool.Of(Ops.CmpLong(ia.Value, ib.Value, arg)));
                                else Put(stack, sp - 1, Ops.RichCompare(a, b, arg));
                                break;
                            }
                        case Op.IsOp:
                            {
                                var b = stack[--sp];
                                stack[sp] = null;
                                bool same = ReferenceEquals(stack[sp - 1], b);
                                Put(stack, sp - 1, PyBool.Of(same ^ (arg != 0)));
                                break;
                            }
                        case Op.ContainsOp:
                            {
                                var container = stack[--sp]!;
                                stack[sp] = null;
                                bool r = Ops.Contains(container, stack[sp - 1]!);
                                Put(stack, sp - 1, PyBool.Of(r ^ (arg != 0)));
                                break;
                            }
                        case Op.BinarySubscr:
                            {
                                var key = stack[--sp]!;
                                stack[sp] = null;
                                var container = stack[sp - 1]!;
                                if (container is PyList l && key is PyInt ki && (ulong)ki.Value < (ulong)l.Count) Put(stack, sp - 1, l.Items[ki.Value]);
                                else Put(stack, sp - 1, Ops.GetItem(container, key));
                                break;
                            }
                        case Op.StoreSubscr:
                            {
                                var key = stack[sp - 1]!;
                                var container = stack[sp - 2]!;
                                var v = stack[sp - 3]!;
                                sp -= 3;
                                stack[sp] = null; stack[sp + 1] = null; stack[sp + 2] = null;
                                if (container is PyList l && key is PyInt ki && (ulong)ki.Value < (ulong)l.Count) Put(l.Items, (int)ki.Value, v);
                                else Ops.SetItem(container, key, v);
                                break;
                            }
                        case Op.BuildTuple:
                            {
                                if (arg == 0) { Put(stack, sp++, PyTuple.Empty); break; }
                                var items = new PyObject[arg];
                                sp -= arg;
                                Array.Copy(stack, sp, items, 0, arg);
                                Array.Clear(stack, sp, arg);
                                Put(stack, sp++, new PyTuple(items));
                                break;
                            }
                        case Op.BuildList:
                            {
                                var items = new PyObject[arg];
                                sp -= arg;
                                Array.Copy(stack, sp, items, 0, arg);
                                Array.Clear(stack, sp, arg);
                                Put(stack, sp++, new PyList(items));
                                break;
                            }
                        case Op.ListAppend:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                ((PyList)stack[sp - arg]!).Append(v);
                                break;
                            }
                        case Op.Jump: pc = arg; break;
                        case Op.JumpBackward:
                            if (Runtime.InterruptRequested) Runtime.CheckInterrupt();
                            pc = arg;
                            Driver.CanEnterJit(pc, code, frame);
                            break;
                        case Op.PopJumpIfFalse:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                if (v == PyBool.False || (v != PyBool.True && !Ops.IsTrue(v))) pc = arg;
                                break;
                            }
                        case Op.PopJumpIfTrue:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                if (v == PyBool.True || (v != PyBool.False && Ops.IsTrue(v))) pc = arg;
                                break;
                            }
                        case Op.PopJumpIfNone:
                            if (stack[--sp] == PyNone.Instance) pc = arg;
                            stack[sp] = null;
                            break;
                        case Op.PopJumpIfNotNone:
                            if (stack[--sp] != PyNone.Instance) pc = arg;
                            stack[sp] = null;
                            break;
                        case Op.GetIter: Put(stack, sp - 1, Ops.GetIter(stack[sp - 1]!)); break;
                        case Op.ForIter:
                            {
                                var it = stack[sp - 1]!;
                                var v = it is RangeIter ri ? ri.Next() : it is PyIter pi ? pi.Next() : Ops.Next(it);
                                if (v != null) Put(stack, sp++, v);
                                else { stack[--sp] = null; pc = arg; }
                                break;
                            }
                        case Op.Call:
                            {
                                int bas = sp - arg - 2;
                                var s0 = stack[bas];
                                PyObject r;
                                if (s0 != null) r = CallFromStack(s0, stack, bas + 1, arg + 1, null);
                                else
                                {
                                    var callable = stack[bas + 1]!;
                                    // An unbound builtin method taken from its type: LOAD_METHOD never produces one.
                                    if (callable is PyBuiltin { IsMethod: true, Self: null } ub) CheckDescriptorSelf(ub, stack, bas + 2, arg);
                                    r = CallFromStack(callable, stack, bas + 2, arg, null);
                                }
                                for (int i = bas + 1; i < sp; i++) stack[i] = null;
                                sp = bas;
                                Put(stack, sp++, r);
                                break;
                            }
                        case Op.ReturnValue:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                frame.Sp = sp;
                                if (frame.Generator != null) frame.Generator.Yielded = false;
                                return v;
                            }
                        case Op.YieldValue:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                frame.Pc = pc;
                                frame.Sp = sp;
                                frame.Generator!.Yielded = true;
                                return v;
                            }
                        default:
                            {
                                frame.Sp = sp;
                                var yielded = ColdOp((Op)(instr & 0xFF), frame, code, stack, locals, arg);
                                if (yielded != null) return yielded;
                                pc = frame.Pc;
                                sp = frame.Sp;
                                break;
                            }
                    }
                }
            }
            catch (Exception e0)
            {
                var ex = Interpreter.ConvertException(e0);
                bool wasReraise = ex.Data.Contains(ReraiseKey);
                if (wasReraise) ex.Data.Remove(ReraiseKey);
                var hcode = frame.Code;
                var hstack = frame.Stack;
                int at = frame.Pc - 1;
                frame.LastPc = at;
                if (!wasReraise) ex.Value.Traceback = new PyTraceback(frame, hcode.LineOf(at), at, ex.Value.Traceback);
                int target = -1, depth = 0;
                foreach (var entry in hcode.ExceptionTable)
                {
                    if (at >= entry.Start && at < entry.End) { target = entry.Target; depth = entry.Depth; break; }
                }
                if (target < 0)
                {
                    Array.Clear(hstack, 0, hstack.Length);
                    frame.Sp = 0;
                    if (frame.Generator != null) frame.Generator.Yielded = false;
                    unwinding = ex;
                }
                else
                {
                    // Slots above the handler's depth are cleared up to the end: the failing
                    // instruction's own stack pointer is not kept.
                    Array.Clear(hstack, depth, hstack.Length - depth);
                    Put(hstack, depth, ex.Value);
                    frame.Sp = depth + 1;
                    frame.Pc = target;
                }
            }
            // Raised outside the catch block: a throw inside it would nest in the exception
            // being handled, and .NET's cost per throw grows with that nesting (quadratic
            // unwinding of deep recursion).
            if (unwinding != null) throw unwinding;
        }
    }

    /// <summary>
    /// Stores into a frame array without the covariant array-store check (the arrays are always
    /// exactly PyObject?[]). The tracing JIT sees it as setarrayitem_gc.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static void Put(PyObject?[] array, int index, PyObject? value)
    {
        if ((uint)index >= (uint)array.Length) ThrowIndex();
        System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array), index) = value;
    }

    private static void ThrowIndex() => throw new IndexOutOfRangeException();

    internal const string ReraiseKey = "pysharp.reraise";

    private static PyException Reraise(PyException pe)
    {
        pe.Data[ReraiseKey] = true;
        return pe;
    }

    private static void ClearAbove(PyObject?[] stack, int sp)
    {
        for (int i = sp; i < stack.Length && stack[i] != null; i++) stack[i] = null;
    }
}
