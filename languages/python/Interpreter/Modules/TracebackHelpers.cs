namespace PySharp.Interpreter;

public static partial class Modules_
{
    /// <summary>
    /// _pysharp_traceback: what the traceback module needs from CPython's ast and unicodedata
    /// modules to place its ^~ markers, which PySharp does not have as Python modules.
    /// </summary>
    private static PyModule MakeTracebackHelpers(Runtime rt) => Module("_pysharp_traceback", d =>
    {
        // ("binop", left.end_col_offset, right.col_offset) or ("subscript", value.end_col_offset,
        // slice.end_col_offset) in UTF-8 bytes when the segment parses as that one expression, else None.
        d.Def(Reg.Fn("anchor_nodes", seg =>
        {
            var r = Carets.AstAnchors(Ops.StrString(seg));
            return r is { } x ? PyTuple.Of(new PyStr(x.kind), PyInt.Get(x.a), PyInt.Get(x.b)) : PyNone.Instance;
        }));
        // Display width of a string: East Asian wide and fullwidth characters count two.
        d.Def(Reg.Fn("display_width", s =>
        {
            var str = Ops.StrString(s);
            return PyInt.Get(Carets.Width(str, 0, str.Length));
        }));
    });
}
