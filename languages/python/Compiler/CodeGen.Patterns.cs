using System.Numerics;
using PySharp.Syntax.Ast;
using A = PySharp.Syntax.Ast;

namespace PySharp.Compiler;

public sealed partial class CodeGen
{
    private void CompileMatch(Match m)
    {
        int end = NewLabel();
        VisitExpr(m.Subject);
        foreach (var c in m.Cases)
        {
            int next = NewLabel();
            if (c.Pattern.Line > 0) SetLoc(c.Pattern); else SetLoc(m);
            Emit(Op.Copy, 1);
            CompilePattern(c.Pattern);
            Emit(Op.PopJumpIfFalse, next);
            if (c.Guard != null) Jump(c.Guard, next, false);
            Emit(Op.PopTop);
            VisitBody(c.Body);
            Emit(Op.Jump, end);
            Mark(next);
        }
        Emit(Op.PopTop);
        Mark(end);
    }

    /// <summary>Consumes the subject on top of the stack and pushes whether the pattern matched (binding names as it goes).</summary>
    private void CompilePattern(Pattern p)
    {
        switch (p)
        {
            case MatchValue v:
                VisitExpr(v.Value);
                Emit(Op.CompareOp, (int)CmpOp.Eq);
                break;
            case MatchSingleton sg:
                Emit(Op.LoadConst, Const(sg.Value));
                Emit(Op.IsOp, 0);
                break;
            case MatchAs a when a.Pattern == null:
                if (a.Name == null) Emit(Op.PopTop); else CompileName(a.Name, Ctx.Store);
                Emit(Op.LoadConst, Const(true));
                break;
            case MatchAs a:
                {
                    int fail = NewLabel(), done = NewLabel();
                    Emit(Op.Copy, 1);
                    CompilePattern(a.Pattern!);   // the arm above takes a null pattern
                    Emit(Op.PopJumpIfFalse, fail);
                    if (a.Name != null) CompileName(a.Name, Ctx.Store); else Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(true));
                    Emit(Op.Jump, done);
                    Mark(fail);
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(false));
                    Mark(done);
                    break;
                }
            case MatchOr o:
                {
                    int ok = NewLabel(), done = NewLabel();
                    foreach (var alt in o.Patterns)
                    {
                        Emit(Op.Copy, 1);
                        CompilePattern(alt);
                        Emit(Op.PopJumpIfTrue, ok);
                    }
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(false));
                    Emit(Op.Jump, done);
                    Mark(ok);
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(true));
                    Mark(done);
                    break;
                }
            case MatchSequence sq:
                {
                    int star = sq.Patterns.FindIndex(x => x is MatchStar);
                    int n = sq.Patterns.Count;
                    Emit(Op.MatchSequence, star < 0 ? n : (n - 1) | (1 << 16));
                    int after = star < 0 ? 0 : n - star - 1;
                    var items = new List<(Pattern pat, object index)>();
                    for (int i = 0; i < n; i++)
                    {
                        if (i == star) continue;
                        object idx = star >= 0 && i > star ? -(n - i) : i;
                        items.Add((sq.Patterns[i], idx));
                    }
                    CompileIndexedSubpatterns(items, star >= 0 ? (MatchStar)sq.Patterns[star] : null, star, after);
                    break;
                }
            case MatchMapping mm:
                {
                    int fail = NewLabel(), fail0 = NewLabel(), done = NewLabel();
                    Emit(Op.MatchMapping);
                    Emit(Op.Copy, 1);
                    Emit(Op.PopJumpIfNone, fail0);
                    for (int i = 0; i < mm.Keys.Count; i++)
                    {
                        int miss = NewLabel();
                        Emit(Op.Copy, 1);
                        VisitExpr(mm.Keys[i]);
                        Emit(Op.MatchKeys);
                        Emit(Op.Copy, 1);
                        Emit(Op.PopJumpIfNone, miss);
                        Emit(Op.LoadConst, Const(BigInteger.Zero));
                        Emit(Op.BinarySubscr);
                        CompilePattern(mm.Patterns[i]);
                        Emit(Op.PopJumpIfFalse, fail);
                        int cont = NewLabel();
                        Emit(Op.Jump, cont);
                        Mark(miss);
                        Emit(Op.PopTop);
                        Emit(Op.Jump, fail);
                        Mark(cont);
                    }
                    if (mm.Rest != null)
                    {
                        Emit(Op.Copy, 1);
                        foreach (var k in mm.Keys) VisitExpr(k);
                        Emit(Op.BuildTuple, mm.Keys.Count);
                        Emit(Op.CopyDictWithoutKeys);
                        CompileName(mm.Rest, Ctx.Store);
                    }
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(true));
                    Emit(Op.Jump, done);
                    Mark(fail);
                    Mark(fail0);
                    Emit(Op.PopTop);
                    Emit(Op.LoadConst, Const(false));
                    Mark(done);
                    break;
                }
            case MatchClass mc:
                {
                    VisitExpr(mc.Cls);
                    var names = new object?[mc.KwdAttrs.Count];
                    for (int i = 0; i < names.Length; i++) names[i] = mc.KwdAttrs[i];
                    Emit(Op.LoadConst, Const(new ConstTuple(names)));
                    Emit(Op.MatchClass, mc.Patterns.Count);
                    var items = new List<(Pattern pat, object index)>();
                    for (int i = 0; i < mc.Patterns.Count; i++) items.Add((mc.Patterns[i], i));
                    for (int i = 0; i < mc.KwdPatterns.Count; i++) items.Add((mc.KwdPatterns[i], mc.Patterns.Count + i));
                    CompileIndexedSubpatterns(items, null, -1, 0);
                    break;
                }
            case MatchStar:
                throw new CompileError("can't use starred name here", p.Line, p.Col);
            default:
                throw new CompileError("unsupported pattern", p.Line, p.Col);
        }
    }

    /// <summary>With a list-or-None on the stack: matches each item against its pattern; pushes the overall result.</summary>
    private void CompileIndexedSubpatterns(List<(Pattern pat, object index)> items, MatchStar? star, int starIndex, int after)
    {
        int fail = NewLabel(), done = NewLabel();
        Emit(Op.Copy, 1);
        Emit(Op.PopJumpIfNone, fail);
        foreach (var (pat, index) in items)
        {
            Emit(Op.Copy, 1);
            Emit(Op.LoadConst, Const(new BigInteger(Convert.ToInt32(index))));
            Emit(Op.BinarySubscr);
            CompilePattern(pat);
            Emit(Op.PopJumpIfFalse, fail);
        }
        if (star != null && star.Name != null)
        {
            Emit(Op.Copy, 1);
            Emit(Op.LoadConst, Const(new BigInteger(starIndex)));
            if (after > 0) Emit(Op.LoadConst, Const(new BigInteger(-after))); else Emit(Op.LoadConst, Const(null));
            Emit(Op.BuildSlice, 2);
            Emit(Op.BinarySubscr);
            CompileName(star.Name, Ctx.Store);
        }
        Emit(Op.PopTop);
        Emit(Op.LoadConst, Const(true));
        Emit(Op.Jump, done);
        Mark(fail);
        Emit(Op.PopTop);
        Emit(Op.LoadConst, Const(false));
        Mark(done);
    }
}
