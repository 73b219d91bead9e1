using PySharp.Compiler;
using RSharp.Hints;

namespace PySharp.Interpreter;

public static partial class Interpreter
{
    /// <summary>The less frequent opcodes, kept out of <see cref="Run"/> so the JIT optimizes the hot loop fully.</summary>
    private static PyObject? ColdOp(Op op, Frame frame, PyCode code, PyObject?[] stack, PyObject?[] locals, int arg)
    {
        // The position goes through the frame so that Run's pc and sp are never address-taken.
        int sp = frame.Sp, pc = frame.Pc;
        var r = ColdOpBody(op, frame, code, stack, locals, ref sp, ref pc, arg);
        if (r == null) { frame.Sp = sp; frame.Pc = pc; }
        return r;
    }

    private static PyObject? ColdOpBody(Op op, Frame frame, PyCode code, PyObject?[] stack, PyObject?[] locals, ref int sp, ref int pc, int arg)
    {
        switch (op)
        {
                        case Op.DeleteFast:
                            if (locals[arg] == null) throw UnboundLocal(code, arg);
                            locals[arg] = null;
                            break;
                        case Op.DeleteDeref:
                            {
                                var c = (PyCell)locals[code.NLocals + arg]!;
                                if (c.Value == null) throw FreeVarError(code, arg);
                                c.Value = null;
                                break;
                            }
                        case Op.LoadClassDeref:
                            {
                                string name = CellName(code, arg);
                                PyObject? v = frame.LocalsDict is PyDict ld ? ld.GetStr(name) : null;
                                v ??= ((PyCell)locals[code.NLocals + arg]!).Value;
                                if (v == null) throw FreeVarError(code, arg);
                                Put(stack, sp++, v);
                                break;
                            }
                        case Op.DeleteGlobal:
                            if (!frame.Globals.DelStr(code.Names[arg])) throw Ops.NameError($"name '{code.Names[arg]}' is not defined");
                            break;
                        case Op.DeleteName:
                            {
                                string name = code.Names[arg];
                                if (frame.LocalsDict is PyDict ld)
                                {
                                    if (!ld.DelStr(name)) throw Ops.NameError($"name '{name}' is not defined");
                                }
                                else Ops.DelItem(frame.LocalsDict!, new PyStr(name));
                                break;
                            }
                        case Op.DeleteAttr:
                            Ops.DelAttr(stack[--sp]!, code.Names[arg]);
                            stack[sp] = null;
                            break;
                        case Op.UnaryNegative: Put(stack, sp - 1, Ops.Negative(stack[sp - 1]!)); break;
                        case Op.UnaryPositive: Put(stack, sp - 1, Ops.Positive(stack[sp - 1]!)); break;
                        case Op.UnaryInvert: Put(stack, sp - 1, Ops.Invert(stack[sp - 1]!)); break;
                        case Op.DeleteSubscr:
                            {
                                var key = stack[sp - 1]!;
                                var container = stack[sp - 2]!;
                                sp -= 2;
                                stack[sp] = null; stack[sp + 1] = null;
                                Ops.DelItem(container, key);
                                break;
                            }
                        case Op.BuildSlice:
                            {
                                PyObject step = arg == 3 ? stack[--sp]! : PyNone.Instance;
                                var stop = stack[--sp]!;
                                var start = stack[sp - 1]!;
                                Put(stack, sp - 1, new PySlice(start, stop, step));
                                ClearAbove(stack, sp);
                                break;
                            }
                        case Op.BuildSet:
                            {
                                var s = new PySet();
                                sp -= arg;
                                for (int i = 0; i < arg; i++) s.Add(stack[sp + i]!);
                                Array.Clear(stack, sp, arg);
                                Put(stack, sp++, s);
                                break;
                            }
                        case Op.BuildMap:
                            {
                                var d = new PyDict(arg);
                                sp -= 2 * arg;
                                for (int i = 0; i < arg; i++) d.Set(stack[sp + 2 * i]!, stack[sp + 2 * i + 1]!);
                                Array.Clear(stack, sp, 2 * arg);
                                Put(stack, sp++, d);
                                break;
                            }
                        case Op.BuildConstKeyMap:
                            {
                                var keys = ((PyTuple)stack[--sp]!).Items;
                                var d = new PyDict(arg);
                                sp -= arg;
                                for (int i = 0; i < arg; i++) d.Set(keys[i], stack[sp + i]!);
                                Array.Clear(stack, sp, arg + 1);
                                Put(stack, sp++, d);
                                break;
                            }
                        case Op.BuildString:
                            {
                                sp -= arg;
                                string joined;
                                // The usual f-string shapes concatenate without a parts array.
                                if (arg == 2) joined = string.Concat(((PyStr)stack[sp]!).Value, ((PyStr)stack[sp + 1]!).Value);
                                else if (arg == 3) joined = string.Concat(((PyStr)stack[sp]!).Value, ((PyStr)stack[sp + 1]!).Value, ((PyStr)stack[sp + 2]!).Value);
                                else
                                {
                                    var parts = new string[arg];
                                    for (int i = 0; i < arg; i++) parts[i] = ((PyStr)stack[sp + i]!).Value;
                                    joined = string.Concat(parts);
                                }
                                Array.Clear(stack, sp, arg);
                                Put(stack, sp++, new PyStr(joined));
                                break;
                            }
                        case Op.SetAdd:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                ((PySet)stack[sp - arg]!).Add(v);
                                break;
                            }
                        case Op.MapAdd:
                            {
                                var v = stack[--sp]!;
                                var k = stack[--sp]!;
                                stack[sp] = null; stack[sp + 1] = null;
                                ((PyDict)stack[sp - arg]!).Set(k, v);
                                break;
                            }
                        case Op.ListExtend:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                var l = (PyList)stack[sp - arg]!;
                                if (v is not PyList && v is not PyTuple && v.Type.Lookup("__iter__") == null && v.Type.Lookup("__getitem__") == null)
                                    throw Ops.TypeError($"Value after * must be an iterable, not {Ops.TypeName(v)}");
                                Ops.ListExtend(l, v);
                                break;
                            }
                        case Op.SetUpdate:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                var s = (PySet)stack[sp - arg]!;
                                s.UpdateFrom(v);
                                break;
                            }
                        case Op.DictUpdate:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                var d = (PyDict)stack[sp - arg]!;
                                if (v is not PyDict && v.Type.Lookup("keys") == null)
                                    throw Ops.TypeError($"'{Ops.TypeName(v)}' object is not a mapping");
                                DictOps.UpdateFrom(d, v);
                                break;
                            }
                        case Op.DictMerge:
                            {
                                var v = stack[--sp]!;
                                stack[sp] = null;
                                var d = (PyDict)stack[sp - arg]!;
                                MergeKwargs(d, v, stack[sp - arg - 2]);
                                break;
                            }
                        case Op.ListToTuple: Put(stack, sp - 1, PyTuple.Of(((PyList)stack[sp - 1]!).ToArray())); break;
                        case Op.FormatValue:
                            {
                                PyObject spec = (arg & 4) != 0 ? stack[--sp]! : PyStr.Empty;
                                stack[sp] = null;
                                var v = stack[sp - 1]!;
                                switch (arg & 3)
                                {
                                    case 1: v = Ops.Str(v); break;
                                    case 2: v = Ops.Repr(v); break;
                                    case 3: v = new PyStr(Builtins.Ascii(Ops.ReprString(v))); break;
                                }
                                Put(stack, sp - 1, Ops.Format(v, ((PyStr)spec).Value));
                                break;
                            }
                        case Op.UnpackSequence:
                            {
                                var seq = stack[--sp]!;
                                var items = Ops.Unpack(seq, arg);
                                for (int i = arg - 1; i >= 0; i--) Put(stack, sp++, items[i]);
                                break;
                            }
                        case Op.UnpackEx:
                            {
                                int before = arg & 0xFF, after = arg >> 8;
                                var seq = stack[--sp]!;
                                var items = Ops.ToList(seq);
                                if (items.Count < before + after)
                                    throw Ops.ValueError($"not enough values to unpack (expected at least {before + after}, got {items.Count})");
                                for (int i = items.Count - 1; i >= items.Count - after; i--) Put(stack, sp++, items[i]);
                                var mid = new PyList(items.GetRange(before, items.Count - before - after).ToArray());
                                Put(stack, sp++, mid);
                                for (int i = before - 1; i >= 0; i--) Put(stack, sp++, items[i]);
                                break;
                            }
                        case Op.JumpIfFalseOrPop:
                            if (!Ops.IsTrue(stack[sp - 1]!)) pc = arg;
                            else stack[--sp] = null;
                            break;
                        case Op.JumpIfTrueOrPop:
                            if (Ops.IsTrue(stack[sp - 1]!)) pc = arg;
                            else stack[--sp] = null;
                            break;
                        case Op.CallKw:
                            {
                                var kwt = (PyTuple)stack[--sp]!;
                                // The compiler always emits LOAD_CONST kwnames right before CALL_KW.
                                int prev = code.Instrs[pc - 2];
                                var kwnames = ((Op)(prev & 0xFF) == Op.LoadConst ? code.KwNameConsts![prev >> 8] : null) ?? StrArray(kwt);
                                int nkw = kwnames.Length;
                                int bas = sp - arg - 2;
                                var s0 = stack[bas];
                                PyObject r;
                                if (s0 != null) r = CallFromStack(s0, stack, bas + 1, arg - nkw + 1, kwnames);
                                else r = CallFromStack(stack[bas + 1]!, stack, bas + 2, arg - nkw, kwnames);
                                Array.Clear(stack, bas, sp + 1 - bas);
                                sp = bas;
                                Put(stack, sp++, r);
                                break;
                            }
                        case Op.CallFunctionEx:
                            {
                                PyObject? kw = (arg & 1) != 0 ? stack[--sp] : null;
                                var args = stack[--sp]!;
                                var callable = stack[--sp]!;
                                var s0 = stack[--sp];
                                Array.Clear(stack, sp, 4);
                                Put(stack, sp++, CallEx(s0 ?? callable, s0 != null ? callable : null, args, kw));
                                break;
                            }
                        case Op.MakeFunction:
                            {
                                var fcode = (PyCode)stack[--sp]!;
                                var fn = new PyFunction(fcode, frame.Globals);
                                if ((arg & 8) != 0) fn.Closure = CellArray((PyTuple)stack[--sp]!);
                                if ((arg & 4) != 0) fn.Annotations = stack[--sp];
                                if ((arg & 2) != 0) fn.KwDefaults = (PyDict)stack[--sp]!;
                                if ((arg & 1) != 0) fn.Defaults = ((PyTuple)stack[--sp]!).Items;
                                ClearAbove(stack, sp);
                                Put(stack, sp++, fn);
                                break;
                            }
                        case Op.GetYieldFromIter:
                            {
                                var v = stack[sp - 1]!;
                                if (v is not PyGenerator) Put(stack, sp - 1, Ops.GetIter(v));
                                break;
                            }
                        case Op.YieldFrom:
                            {
                                var sent = stack[--sp]!;
                                stack[sp] = null;
                                var sub = stack[sp - 1]!;
                                PyObject? r;
                                PyObject? result = null;
                                if (sub is PyGenerator g)
                                {
                                    r = g.Resume(sent, null);
                                    if (r == null) result = g.ReturnValue ?? PyNone.Instance;
                                }
                                else if (sent == PyNone.Instance)
                                {
                                    r = NextWithValue(sub, out result);
                                }
                                else
                                {
                                    try { r = Ops.Call(Ops.GetAttr(sub, "send"), sent); }
                                    catch (PyException e) when (e.Value.Type.IsSubtypeOf(Exc.StopIteration))
                                    {
                                        r = null;
                                        result = e.Value.GetAttr("value") ?? PyNone.Instance;
                                    }
                                }
                                if (r != null)
                                {
                                    frame.Pc = pc - 1;
                                    frame.Sp = sp;
                                    frame.Generator!.Yielded = true;
                                    return r;
                                }
                                Put(stack, sp - 1, result);
                                break;
                            }
                        case Op.RaiseVarargs:
                            {
                                PyObject? cause = arg == 2 ? stack[--sp] : null;
                                PyObject? exc = arg >= 1 ? stack[--sp] : null;
                                ClearAbove(stack, sp);
                                throw DoRaise(exc, cause, arg == 2);
                            }
                        case Op.Reraise:
                            {
                                var exc = (PyBaseException)stack[--sp]!;
                                stack[sp] = null;
                                throw Reraise(new PyException(exc));
                            }
                        case Op.PushExcInfo:
                            {
                                var exc = stack[sp - 1]!;
                                var rt = frame.Rt;
                                Put(stack, sp - 1, (PyObject?)rt.HandledException ?? PyNone.Instance);
                                Put(stack, sp++, exc);
                                rt.HandledException = exc as PyBaseException;
                                break;
                            }
                        case Op.PopExcept:
                            {
                                var prev = stack[--sp];
                                stack[sp] = null;
                                frame.Rt.HandledException = prev as PyBaseException;
                                break;
                            }
                        case Op.CheckExcMatch:
                            {
                                var t = stack[sp - 1]!;
                                var exc = stack[sp - 2]!;
                                Put(stack, sp - 1, PyBool.Of(ExceptionMatches(exc, t)));
                                break;
                            }
                        case Op.WithExceptStart:
                            {
                                var exc = stack[sp - 1]!;
                                var exit = stack[sp - 3]!;
                                var tb = (PyObject?)(exc as PyBaseException)?.Traceback ?? PyNone.Instance;
                                Put(stack, sp++, Ops.Call(exit, exc.Type, exc, tb));
                                break;
                            }
                        case Op.BeforeWith:
                            {
                                var mgr = stack[sp - 1]!;
                                var enter = mgr.Type.Lookup("__enter__");
                                var exit = mgr.Type.Lookup("__exit__");
                                if (enter == null || exit == null)
                                    throw Ops.TypeError($"'{Ops.TypeName(mgr)}' object does not support the context manager protocol");
                                Put(stack, sp - 1, Ops.DescrGet(exit, mgr, mgr.Type));
                                Put(stack, sp++, Ops.CallMethod(enter, mgr));
                                break;
                            }
                        case Op.ImportName:
                            {
                                var fromlist = stack[--sp]!;
                                var level = stack[--sp]!;
                                stack[sp] = null; stack[sp + 1] = null;
                                Put(stack, sp++, Importer.ImportName(code.Names[arg], frame.Globals, fromlist, (int)Ops.Index(level)));
                                break;
                            }
                        case Op.ImportFrom: stack[sp] = Importer.ImportFrom(stack[sp - 1]!, code.Names[arg]); sp++; break;
                        case Op.ImportStar:
                            {
                                var mod = stack[--sp]!;
                                stack[sp] = null;
                                Importer.ImportStar(mod, frame.LocalsDict!);
                                break;
                            }
                        case Op.LoadBuildClass: Put(stack, sp++, frame.Builtins.GetStr("__build_class__") ?? throw Ops.NameError("__build_class__ not found")); break;
                        case Op.SetupAnnotations:
                            if (frame.LocalsDict is PyDict ad && ad.GetStr("__annotations__") == null) ad.SetStr("__annotations__", new PyDict());
                            break;
                        case Op.LoadAssertionError: Put(stack, sp++, Exc.AssertionError); break;
                        case Op.LoadLocals: Put(stack, sp++, frame.LocalsDict); break;

                        case Op.MatchSequence: Put(stack, sp - 1, PatternOps.MatchSequence(stack[sp - 1]!, arg & 0xFFFF, (arg >> 16) != 0)); break;
                        case Op.MatchMapping: Put(stack, sp - 1, PatternOps.IsMapping(stack[sp - 1]!) ? stack[sp - 1] : PyNone.Instance); break;
                        case Op.MatchKeys:
                            {
                                var key = stack[--sp]!;
                                stack[sp] = null;
                                Put(stack, sp - 1, PatternOps.MapGet(stack[sp - 1]!, key));
                                break;
                            }
                        case Op.CopyDictWithoutKeys:
                            {
                                var keys = (PyTuple)stack[--sp]!;
                                stack[sp] = null;
                                Put(stack, sp - 1, PatternOps.DictWithout(stack[sp - 1]!, keys));
                                break;
                            }
                        case Op.MatchClass:
                            {
                                var names = (PyTuple)stack[--sp]!;
                                var cls = stack[--sp]!;
                                stack[sp] = null; stack[sp + 1] = null;
                                Put(stack, sp - 1, PatternOps.MatchClass(stack[sp - 1]!, cls, arg, names));
                                break;
                            }
                        default: return ExtOp(op, frame, stack, ref sp, arg);
        }
        return null;
    }
}
