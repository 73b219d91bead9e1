using System.Numerics;
using PySharp.Compiler;
using PySharp.Formatting;

namespace PySharp.Interpreter;

public static partial class TypeInit
{
    private static void InitNumbers()
    {
        var i = PyType.Int;
        for (int op = 0; op <= BinaryOpCodes.FloorDiv; op++)
        {
            if (op == BinaryOpCodes.MatMul) continue;
            int o = op;
            i.Def(Ops.BinNames[op], (a, b) =>
            {
                var x = Ops.IntValue(a); var y = Ops.IntValue(b);
                if (x == null || y == null) return PyNotImplemented.Instance;
                return IntOps.ArithObj(o, x, y);
            });
            i.Def(Ops.BinRNames[op], (a, b) =>
            {
                var x = Ops.IntValue(a); var y = Ops.IntValue(b);
                if (x == null || y == null) return PyNotImplemented.Instance;
                return IntOps.ArithObj(o, y, x);
            });
        }
        i.DefN("__pow__", (a, k) =>
        {
            var x = Ops.IntValue(a[0]); var y = Ops.IntValue(a[1]);
            if (x == null || y == null) return PyNotImplemented.Instance;
            if (a.Length > 2 && a[2] != PyNone.Instance)
            {
                var m = Ops.IntValue(a[2]);
                if (m == null) return PyNotImplemented.Instance;
                return IntOps.PowMod(x, y, m);
            }
            return IntOps.ArithObj(BinaryOpCodes.Pow, x, y);
        });
        for (int op = 0; op < 6; op++)
        {
            int o = op;
            i.Def(Ops.CmpNames[op], (a, b) => Ops.NumericCompare(a, b, o) is { } r && Ops.IntValue(b) != null ? r : PyNotImplemented.Instance);
        }
        i.Def("__neg__", a => Ops.Negative(Ops.IntValue(a)!) is var r && r is PyBigInt or PyInt ? r : r);
        PyType.Int.Dict.SetStr("__neg__", new PyBuiltin("__neg__", a =>
        {
            var v = Ops.IntValue(a)!;
            return v is PyInt pi ? Ops.Negative(pi) : PyInt.FromBig(-Ops.ToBig(v));
        }) { IsMethod = true, Owner = i });
        i.Def("__pos__", a => Ops.IntValue(a)!);
        i.Def("__abs__", a => { var v = Ops.IntValue(a)!; return v is PyInt pi && pi.Value != long.MinValue ? PyInt.Get(Math.Abs(pi.Value)) : PyInt.FromBig(BigInteger.Abs(Ops.ToBig(v))); });
        i.Def("__invert__", a => { var v = Ops.IntValue(a)!; return v is PyInt pi ? PyInt.Get(~pi.Value) : PyInt.FromBig(-Ops.ToBig(v) - 1); });
        i.Def("__bool__", a => PyBool.Of(!Ops.ToBig(Ops.IntValue(a)!).IsZero));
        i.Def("__int__", a => Ops.IntValue(a)!);
        i.Def("__index__", a => Ops.IntValue(a)!);
        i.Def("__float__", a => new PyFloat(Ops.IntToDouble(Ops.IntValue(a)!)));
        i.Def("__hash__", a => PyInt.Get(Ops.Hash(Ops.IntValue(a)!)));
        i.Def("__repr__", a => new PyStr(Ops.ReprString(Ops.IntValue(a)!)));
        i.Def("__trunc__", a => Ops.IntValue(a)!);
        i.Def("__floor__", a => Ops.IntValue(a)!);
        i.Def("__ceil__", a => Ops.IntValue(a)!);
        i.DefN("__round__", (a, k) =>
        {
            var v = Ops.IntValue(a[0])!;
            if (a.Length < 2 || a[1] == PyNone.Instance) return v;
            long nd = Ops.Index(a[1]);
            if (nd >= 0) return v;
            var pow = BigInteger.Pow(10, (int)-nd);
            var x = Ops.ToBig(v);
            var q = IntOps.FloorDiv(x, pow); var r = x - q * pow;
            var twice = r * 2;
            if (twice > pow || (twice == pow && !q.IsEven)) q += 1;
            return PyInt.FromBig(q * pow);
        });
        i.Def("__divmod__", (a, b) =>
        {
            var x = Ops.IntValue(a); var y = Ops.IntValue(b);
            if (x == null || y == null) return PyNotImplemented.Instance;
            return PyTuple.Of(IntOps.ArithObj(BinaryOpCodes.FloorDiv, x, y), IntOps.ArithObj(BinaryOpCodes.Mod, x, y));
        });
        i.Def("__rdivmod__", (a, b) =>
        {
            var x = Ops.IntValue(b); var y = Ops.IntValue(a);
            if (x == null || y == null) return PyNotImplemented.Instance;
            return PyTuple.Of(IntOps.ArithObj(BinaryOpCodes.FloorDiv, x, y), IntOps.ArithObj(BinaryOpCodes.Mod, x, y));
        });
        i.Def("__format__", (a, spec) => new PyStr(FormatInt(Ops.IntValue(a)!, Ops.StrString(spec))));
        i.Def("bit_length", a => PyInt.Get((long)BigInteger.Abs(Ops.ToBig(Ops.IntValue(a)!)).GetBitLength()));
        i.Def("bit_count", a => { var v = BigInteger.Abs(Ops.ToBig(Ops.IntValue(a)!)); long c = 0; foreach (var by in v.ToByteArray()) c += BitOperations.PopCount(by); return PyInt.Get(c); });
        i.Def("conjugate", a => Ops.IntValue(a)!);
        i.Def("as_integer_ratio", a => PyTuple.Of(Ops.IntValue(a)!, PyInt.One));
        i.Prop("real", a => Ops.IntValue(a)!);
        i.Prop("imag", a => PyInt.Zero);
        i.Prop("numerator", a => Ops.IntValue(a)!);
        i.Prop("denominator", a => PyInt.One);
        i.DefN("to_bytes", (a, k) =>
        {
            var p = ArgParser.Parse("to_bytes", a, k, ["length", "byteorder", "signed"], 0, skip: 1);
            var v = Ops.ToBig(Ops.IntValue(a[0])!);
            long len = p[0] != null ? Ops.Index(p[0]!) : 1;
            bool big = p[1] == null || Ops.StrString(p[1]!) == "big";
            bool signed = p[2] != null && Ops.IsTrue(p[2]!);
            if (!signed && v.Sign < 0) throw Ops.OverflowError("can't convert negative int to unsigned");
            var bytes = v.ToByteArray(!signed, false);
            if (bytes.Length > len)
            {
                if (!(bytes.Length == len + 1 && bytes[^1] == 0 && !signed)) throw Ops.OverflowError("int too big to convert");
                Array.Resize(ref bytes, (int)len);
            }
            var res = new byte[len];
            byte fill = (byte)(v.Sign < 0 ? 0xFF : 0);
            for (int j = 0; j < len; j++) res[j] = j < bytes.Length ? bytes[j] : fill;
            if (big) Array.Reverse(res);
            return new PyBytes(res);
        });
        i.DefClass("from_bytes", (a, k) =>
        {
            var p = ArgParser.Parse("from_bytes", a, k, ["bytes", "byteorder", "signed"], 1, skip: 1);
            var data = BytesOps.ToBytes(p[0]!);
            bool big = p[1] == null || Ops.StrString(p[1]!) == "big";
            bool signed = p[2] != null && Ops.IsTrue(p[2]!);
            var d = (byte[])data.Clone();
            if (big) Array.Reverse(d);
            return PyInt.FromBig(new BigInteger(d, !signed, false));
        });
        i.DefStatic("__new__", IntNew);
        i.Def("__getnewargs__", a => PyTuple.Of(Ops.IntValue(a)!));

        var bo = PyType.Bool;
        bo.Def("__repr__", a => new PyStr(((PyBool)a).Value ? "True" : "False"));
        bo.DefStatic("__new__", (a, k) => a.Length > 1 ? PyBool.Of(Ops.IsTrue(a[1])) : PyBool.False);
        bo.Def("__and__", (a, b) => a is PyBool x && b is PyBool y ? PyBool.Of(x.Value & y.Value) : Ops.CallMethod(PyType.Int.Dict.GetStr("__and__")!, a, b));
        bo.Def("__or__", (a, b) => a is PyBool x && b is PyBool y ? PyBool.Of(x.Value | y.Value) : Ops.CallMethod(PyType.Int.Dict.GetStr("__or__")!, a, b));
        bo.Def("__xor__", (a, b) => a is PyBool x && b is PyBool y ? PyBool.Of(x.Value ^ y.Value) : Ops.CallMethod(PyType.Int.Dict.GetStr("__xor__")!, a, b));
        bo.Dict.SetStr("__rand__", bo.Dict.GetStr("__and__")!);
        bo.Dict.SetStr("__ror__", bo.Dict.GetStr("__or__")!);
        bo.Dict.SetStr("__rxor__", bo.Dict.GetStr("__xor__")!);

        InitFloat();
        InitComplex();
    }

    internal static string FormatInt(PyObject v, string spec)
    {
        try
        {
            if (spec.Length > 0 && "eEfFgG%".Contains(spec[^1])) return FloatFormat.Format(Ops.IntToDouble(v), spec);
            return IntFormat.Format(Ops.ToBig(v), spec);
        }
        catch (PyNumericException e) { throw Ops.FromNumeric(e); }
    }

    private static PyObject IntNew(PyObject[] a, string[]? k)
    {
        var cls = (PyType)a[0];
        if (cls != PyType.Int) TypeOps.CheckNewSubtype(cls, PyType.Int);
        var p = ArgParser.Parse("int", a, k, ["x", "base"], 0, skip: 1, posOnly: 1);
        PyObject result;
        if (p[0] == null) result = PyInt.Zero;
        else if (p[1] != null)
        {
            long b = Ops.Index(p[1]!);
            var s = p[0] switch { PyStr ps => ps.Value, PyBytes pb => System.Text.Encoding.Latin1.GetString(pb.Value), _ => throw Ops.TypeError("int() can't convert non-string with explicit base") };
            result = ParseInt(s, (int)b);
        }
        else result = ToInt(p[0]!);
        return TypeOps.WrapForSubclass(cls, PyType.Int, result);
    }

    public static PyObject ParseInt(string s, int b)
    {
        if (b != 0 && (b < 2 || b > 36)) throw Ops.ValueError("int() base must be >= 2 and <= 36, or 0");
        try { return PyInt.FromBig(IntParse.Parse(s, b)); }
        catch (PyNumericException e) { throw Ops.FromNumeric(e); }
    }

    public static PyObject ToInt(PyObject x)
    {
        var iv = Ops.IntValue(x);
        if (iv != null) return iv;
        switch (x)
        {
            case PyFloat f:
                if (double.IsNaN(f.Value)) throw Ops.ValueError("cannot convert float NaN to integer");
                if (double.IsInfinity(f.Value)) throw Ops.OverflowError("cannot convert float infinity to integer");
                return PyInt.FromBig(FloatOps.ToBigInteger(f.Value));
            case PyStr s: return ParseInt(s.Value, 10);
            case PyBytes by:
                try { return ParseInt(System.Text.Encoding.Latin1.GetString(by.Value), 10); }
                catch (PyException) { throw Ops.ValueError("invalid literal for int() with base 10: " + BytesOps.Repr(by.Value)); }
        }
        var m = x.Type.Lookup("__int__") ?? x.Type.Lookup("__index__");
        if (m != null)
        {
            var r = Ops.CallMethod(m, x);
            return Ops.IntValue(r) ?? throw Ops.TypeError($"__int__ returned non-int (type {Ops.TypeName(r)})");
        }
        m = x.Type.Lookup("__trunc__");
        if (m != null) return ToInt(Ops.CallMethod(m, x));
        if (x is PyInstance { BaseValue: PyStr bs }) return ParseInt(bs.Value, 10);
        throw Ops.TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{Ops.TypeName(x)}'");
    }

    public static double ToDouble(PyObject x)
    {
        switch (x)
        {
            case PyFloat f: return f.Value;
            case PyInt i: return i.Value;
        }
        var iv = Ops.IntValue(x);
        if (iv != null) return Ops.IntToDouble(iv);
        var fv = Ops.FloatValue(x);
        if (fv != null) return fv.Value;
        var m = x.Type.Lookup("__float__");
        if (m != null)
        {
            var r = Ops.CallMethod(m, x);
            return Ops.FloatValue(r) ?? throw Ops.TypeError($"{Ops.TypeName(x)}.__float__ returned non-float (type {Ops.TypeName(r)})");
        }
        m = x.Type.Lookup("__index__");
        if (m != null) return Ops.IntToDouble(Ops.IntValue(Ops.CallMethod(m, x))!);
        throw Ops.TypeError($"must be real number, not {Ops.TypeName(x)}");
    }

    private static void InitFloat()
    {
        var f = PyType.Float;
        for (int op = 0; op <= BinaryOpCodes.FloorDiv; op++)
        {
            if (op is BinaryOpCodes.MatMul or BinaryOpCodes.LShift or BinaryOpCodes.RShift or BinaryOpCodes.And or BinaryOpCodes.Or or BinaryOpCodes.Xor) continue;
            int o = op;
            f.Def(Ops.BinNames[op], (a, b) =>
            {
                var x = Ops.FloatValue(a)!.Value;
                double? y = b is PyFloat fb ? fb.Value : Ops.IntValue(b) is { } ib ? Ops.IntToDouble(ib) : Ops.FloatValue(b);
                if (y == null) return PyNotImplemented.Instance;
                return Ops.FloatArith(o, x, y.Value)!;
            });
            f.Def(Ops.BinRNames[op], (a, b) =>
            {
                var x = Ops.FloatValue(a)!.Value;
                double? y = b is PyFloat fb ? fb.Value : Ops.IntValue(b) is { } ib ? Ops.IntToDouble(ib) : Ops.FloatValue(b);
                if (y == null) return PyNotImplemented.Instance;
                return Ops.FloatArith(o, y.Value, x)!;
            });
        }
        for (int op = 0; op < 6; op++)
        {
            int o = op;
            f.Def(Ops.CmpNames[op], (a, b) => Ops.NumericCompare(a, b, o) ?? PyNotImplemented.Instance);
        }
        f.Def("__neg__", a => new PyFloat(-Ops.FloatValue(a)!.Value));
        f.Def("__pos__", a => new PyFloat(Ops.FloatValue(a)!.Value));
        f.Def("__abs__", a => new PyFloat(Math.Abs(Ops.FloatValue(a)!.Value)));
        f.Def("__bool__", a => PyBool.Of(Ops.FloatValue(a)!.Value != 0));
        f.Def("__int__", a => ToInt(new PyFloat(Ops.FloatValue(a)!.Value)));
        f.Def("__trunc__", a => ToInt(new PyFloat(Ops.FloatValue(a)!.Value)));
        f.Def("__float__", a => new PyFloat(Ops.FloatValue(a)!.Value));
        f.Def("__hash__", a => PyInt.Get(Ops.Hash(new PyFloat(Ops.FloatValue(a)!.Value))));
        f.Def("__repr__", a => new PyStr(FloatFormat.Repr(Ops.FloatValue(a)!.Value)));
        f.Def("__floor__", a => ToInt(new PyFloat(Math.Floor(Ops.FloatValue(a)!.Value))));
        f.Def("__ceil__", a => ToInt(new PyFloat(Math.Ceiling(Ops.FloatValue(a)!.Value))));
        f.DefN("__round__", (a, k) =>
        {
            double x = Ops.FloatValue(a[0])!.Value;
            if (a.Length < 2 || a[1] == PyNone.Instance)
            {
                if (double.IsNaN(x)) throw Ops.ValueError("cannot convert float NaN to integer");
                if (double.IsInfinity(x)) throw Ops.OverflowError("cannot convert float infinity to integer");
                return PyInt.FromBig(FloatOps.Round(x));
            }
            return new PyFloat(FloatOps.Round(x, Ops.Index(a[1])));
        });
        f.Def("__divmod__", (a, b) =>
        {
            var x = Ops.FloatValue(a)!.Value;
            double? y = Ops.IntValue(b) is { } ib ? Ops.IntToDouble(ib) : Ops.FloatValue(b);
            if (y == null) return PyNotImplemented.Instance;
            if (y == 0) throw Ops.ZeroDivisionError("float divmod()");
            var (q, r) = FloatOps.DivMod(x, y.Value);
            return PyTuple.Of(new PyFloat(q), new PyFloat(r));
        });
        f.Def("__rdivmod__", (a, b) =>
        {
            var y = Ops.FloatValue(a)!.Value;
            double? x = Ops.IntValue(b) is { } ib ? Ops.IntToDouble(ib) : Ops.FloatValue(b);
            if (x == null) return PyNotImplemented.Instance;
            if (y == 0) throw Ops.ZeroDivisionError("float divmod()");
            var (q, r) = FloatOps.DivMod(x.Value, y);
            return PyTuple.Of(new PyFloat(q), new PyFloat(r));
        });
        f.Def("__format__", (a, spec) =>
        {
            try { return new PyStr(FloatFormat.Format(Ops.FloatValue(a)!.Value, Ops.StrString(spec))); }
            catch (PyNumericException e) { throw Ops.FromNumeric(e); }
        });
        f.Def("is_integer", a => PyBool.Of(FloatOps.IsInteger(Ops.FloatValue(a)!.Value)));
        f.Def("as_integer_ratio", a =>
        {
            var x = Ops.FloatValue(a)!.Value;
            if (double.IsInfinity(x)) throw Ops.OverflowError("cannot convert Infinity to integer ratio");
            if (double.IsNaN(x)) throw Ops.ValueError("cannot convert NaN to integer ratio");
            var (n, d) = FloatOps.AsIntegerRatio(x);
            return PyTuple.Of(PyInt.FromBig(n), PyInt.FromBig(d));
        });
        f.Def("hex", a => new PyStr(FloatOps.Hex(Ops.FloatValue(a)!.Value)));
        f.DefClass("fromhex", (a, k) => new PyFloat(FloatOps.FromHex(Ops.StrString(a[1]))));
        f.Def("conjugate", a => new PyFloat(Ops.FloatValue(a)!.Value));
        f.Prop("real", a => new PyFloat(Ops.FloatValue(a)!.Value));
        f.Prop("imag", a => new PyFloat(0.0));
        f.DefN("__pow__", (a, k) =>
        {
            if (a.Length > 2 && a[2] != PyNone.Instance) throw Ops.TypeError("pow() 3rd argument not allowed unless all arguments are integers");
            var x = Ops.FloatValue(a[0])!.Value;
            double? y = Ops.IntValue(a[1]) is { } ib ? Ops.IntToDouble(ib) : Ops.FloatValue(a[1]);
            if (y == null) return PyNotImplemented.Instance;
            return Ops.FloatPow(x, y.Value);
        });
        f.DefStatic("__new__", (a, k) =>
        {
            var cls = (PyType)a[0];
            PyObject r;
            if (a.Length < 2) r = new PyFloat(0.0);
            else if (a[1] is PyStr s) r = ParseFloat(s.Value);
            else if (a[1] is PyInstance { BaseValue: PyStr bs }) r = ParseFloat(bs.Value);
            else if (a[1] is PyBytes bb)
            {
                try { r = ParseFloat(System.Text.Encoding.Latin1.GetString(bb.Value)); }
                catch (PyException) { throw Ops.ValueError("could not convert string to float: " + BytesOps.Repr(bb.Value)); }
            }
            else
            {
                var x = a[1];
                if (Ops.IntValue(x) == null && Ops.FloatValue(x) == null && x.Type.Lookup("__float__") == null && x.Type.Lookup("__index__") == null)
                    throw Ops.TypeError($"float() argument must be a string or a real number, not '{Ops.TypeName(x)}'");
                r = new PyFloat(ToDouble(x));
            }
            return TypeOps.WrapForSubclass(cls, PyType.Float, r);
        });
    }

    public static PyFloat ParseFloat(string s)
    {
        if (FloatParse.TryParse(s, out double d)) return new PyFloat(d);
        throw Ops.ValueError(FloatParse.ErrorMessage(s));
    }

    private static void InitComplex()
    {
        var c = PyType.Complex;
        foreach (int op in new[] { BinaryOpCodes.Add, BinaryOpCodes.Sub, BinaryOpCodes.Mul, BinaryOpCodes.TrueDiv, BinaryOpCodes.Pow })
        {
            int o = op;
            c.Def(Ops.BinNames[op], (a, b) => Ops.ComplexValue(b) is { } y ? ComplexOps.Arith(o, Ops.ComplexValue(a)!.Value, y)! : PyNotImplemented.Instance);
            c.Def(Ops.BinRNames[op], (a, b) => Ops.ComplexValue(b) is { } y ? ComplexOps.Arith(o, y, Ops.ComplexValue(a)!.Value)! : PyNotImplemented.Instance);
        }
        c.Def("__eq__", (a, b) => Ops.NumericCompare(a, b, 0) ?? PyNotImplemented.Instance);
        c.Def("__ne__", (a, b) => Ops.NumericCompare(a, b, 1) ?? PyNotImplemented.Instance);
        c.Def("__neg__", a => { var v = Ops.ComplexValue(a)!.Value; return new PyComplex(-v.Real, -v.Imaginary); });
        c.Def("__pos__", a => a);
        c.Def("__abs__", a =>
        {
            var v = Ops.ComplexValue(a)!.Value;
            // CPython uses the C library's hypot (C99: an infinite part wins over a NaN).
            double r = Libm.Available ? Libm.Hypot(v.Real, v.Imaginary) : Complex.Abs(v);
            if (double.IsInfinity(r) && double.IsFinite(v.Real) && double.IsFinite(v.Imaginary)) throw Ops.OverflowError("absolute value too large");
            return new PyFloat(r);
        });
        c.Def("__bool__", a => PyBool.Of(Ops.ComplexValue(a)!.Value != Complex.Zero));
        c.Def("__hash__", a => PyInt.Get(Ops.Hash(a is PyComplex ? a : ComplexOps.Make(Ops.ComplexValue(a)!.Value))));
        c.Def("__repr__", a => new PyStr(ComplexFormat.Repr(Ops.ComplexValue(a)!.Value)));
        c.Def("__format__", (a, spec) =>
        {
            try { return new PyStr(ComplexFormat.Format(Ops.ComplexValue(a)!.Value, Ops.StrString(spec))); }
            catch (PyNumericException e) { throw Ops.FromNumeric(e); }
        });
        c.Def("conjugate", a => { var v = Ops.ComplexValue(a)!.Value; return new PyComplex(v.Real, -v.Imaginary); });
        c.Prop("real", a => new PyFloat(Ops.ComplexValue(a)!.Value.Real));
        c.Prop("imag", a => new PyFloat(Ops.ComplexValue(a)!.Value.Imaginary));
        c.DefStatic("__new__", (a, k) =>
        {
            var p = ArgParser.Parse("complex", a, k, ["real", "imag"], 0, skip: 1);
            var cls = (PyType)a[0];
            Complex r;
            if (p[0] == null) r = Complex.Zero;
            else if (p[0] is PyStr s) r = ParseComplex(s.Value);
            else r = ToComplex(p[0]!);
            if (p[1] != null)
            {
                var im = ToComplex(p[1]!);
                bool rComplex = p[0] is PyComplex or PyStr;
                r = new Complex(r.Real - im.Imaginary, rComplex ? r.Imaginary + im.Real : im.Real);
            }
            return TypeOps.WrapForSubclass(cls, PyType.Complex, ComplexOps.Make(r));
        });
    }

    private static Complex ToComplex(PyObject o)
    {
        var c = Ops.ComplexValue(o);
        if (c != null) return c.Value;
        var m = o.Type.Lookup("__complex__");
        if (m != null) return Ops.ComplexValue(Ops.CallMethod(m, o))!.Value;
        return new Complex(ToDouble(o), 0);
    }

    private static Complex ParseComplex(string s)
    {
        var t = s.Trim();
        if (t.StartsWith('(') && t.EndsWith(')')) t = t[1..^1].Trim();
        if (t.Length == 0) throw Ops.ValueError("complex() arg is a malformed string");
        if (t.EndsWith('j') || t.EndsWith('J'))
        {
            var body = t[..^1];
            int split = -1;
            for (int i = body.Length - 1; i > 0; i--)
                if ((body[i] == '+' || body[i] == '-') && body[i - 1] != 'e' && body[i - 1] != 'E') { split = i; break; }
            if (split < 0)
            {
                if (body is "" or "+") return new Complex(0, 1);
                if (body == "-") return new Complex(0, -1);
                if (FloatParse.TryParse(body, out double im)) return new Complex(0, im);
            }
            else
            {
                var re = body[..split]; var im = body[split..];
                if (im is "+" or "-") im += "1";
                if (FloatParse.TryParse(re, out double r1) && FloatParse.TryParse(im, out double i1)) return new Complex(r1, i1);
            }
            throw Ops.ValueError("complex() arg is a malformed string");
        }
        if (FloatParse.TryParse(t, out double d)) return new Complex(d, 0);
        throw Ops.ValueError("complex() arg is a malformed string");
    }
}
