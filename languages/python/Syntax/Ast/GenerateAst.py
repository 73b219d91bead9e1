# Generates Nodes.g.cs, AstVisitor.g.cs and AstDump.g.cs from the table below, which
# mirrors CPython 3.11's Parser/Python.asdl. Run: python3 GenerateAst.py (in this folder).
# Field kinds: E expr, E? optional expr, [E] list of expr, [E?] list with null entries,
# S stmt list, P pattern, P? optional pattern, [P] pattern list, s string, s? optional
# string, [s] string list, i int, b bool (dumped as 0/1), o constant object,
# and any other name: a node or enum type (suffix ? optional, [] list).
import os

ATTRS = True
SPEC = [
    # (C# class, CPython class, base, has_attributes, [(py_field, cs_prop, type)])
    ("Module", "Module", "Mod", False, [("body", "Body", "[Stmt]"), ("type_ignores", None, "EMPTYLIST")]),
    ("Interactive", "Interactive", "Mod", False, [("body", "Body", "[Stmt]")]),
    ("Expression", "Expression", "Mod", False, [("body", "Body", "Expr")]),

    ("FunctionDef", "FunctionDef", "Stmt", True, [("name", "Name", "s"), ("args", "Args", "Arguments"), ("body", "Body", "[Stmt]"), ("decorator_list", "DecoratorList", "[Expr]"), ("returns", "Returns", "Expr?")]),
    ("AsyncFunctionDef", "AsyncFunctionDef", "Stmt", True, [("name", "Name", "s"), ("args", "Args", "Arguments"), ("body", "Body", "[Stmt]"), ("decorator_list", "DecoratorList", "[Expr]"), ("returns", "Returns", "Expr?")]),
    ("ClassDef", "ClassDef", "Stmt", True, [("name", "Name", "s"), ("bases", "Bases", "[Expr]"), ("keywords", "Keywords", "[Keyword]"), ("body", "Body", "[Stmt]"), ("decorator_list", "DecoratorList", "[Expr]")]),
    ("Return", "Return", "Stmt", True, [("value", "Value", "Expr?")]),
    ("Delete", "Delete", "Stmt", True, [("targets", "Targets", "[Expr]")]),
    ("Assign", "Assign", "Stmt", True, [("targets", "Targets", "[Expr]"), ("value", "Value", "Expr")]),
    ("AugAssign", "AugAssign", "Stmt", True, [("target", "Target", "Expr"), ("op", "Op", "Operator"), ("value", "Value", "Expr")]),
    ("AnnAssign", "AnnAssign", "Stmt", True, [("target", "Target", "Expr"), ("annotation", "Annotation", "Expr"), ("value", "Value", "Expr?"), ("simple", "Simple", "b")]),
    ("For", "For", "Stmt", True, [("target", "Target", "Expr"), ("iter", "Iter", "Expr"), ("body", "Body", "[Stmt]"), ("orelse", "Orelse", "[Stmt]")]),
    ("AsyncFor", "AsyncFor", "Stmt", True, [("target", "Target", "Expr"), ("iter", "Iter", "Expr"), ("body", "Body", "[Stmt]"), ("orelse", "Orelse", "[Stmt]")]),
    ("While", "While", "Stmt", True, [("test", "Test", "Expr"), ("body", "Body", "[Stmt]"), ("orelse", "Orelse", "[Stmt]")]),
    ("If", "If", "Stmt", True, [("test", "Test", "Expr"), ("body", "Body", "[Stmt]"), ("orelse", "Orelse", "[Stmt]")]),
    ("With", "With", "Stmt", True, [("items", "Items", "[WithItem]"), ("body", "Body", "[Stmt]")]),
    ("AsyncWith", "AsyncWith", "Stmt", True, [("items", "Items", "[WithItem]"), ("body", "Body", "[Stmt]")]),
    ("Match", "Match", "Stmt", True, [("subject", "Subject", "Expr"), ("cases", "Cases", "[MatchCase]")]),
    ("Raise", "Raise", "Stmt", True, [("exc", "Exc", "Expr?"), ("cause", "Cause", "Expr?")]),
    ("Try", "Try", "Stmt", True, [("body", "Body", "[Stmt]"), ("handlers", "Handlers", "[ExceptHandler]"), ("orelse", "Orelse", "[Stmt]"), ("finalbody", "Finalbody", "[Stmt]")]),
    ("TryStar", "TryStar", "Stmt", True, [("body", "Body", "[Stmt]"), ("handlers", "Handlers", "[ExceptHandler]"), ("orelse", "Orelse", "[Stmt]"), ("finalbody", "Finalbody", "[Stmt]")]),
    ("Assert", "Assert", "Stmt", True, [("test", "Test", "Expr"), ("msg", "Msg", "Expr?")]),
    ("Import", "Import", "Stmt", True, [("names", "Names", "[Alias]")]),
    ("ImportFrom", "ImportFrom", "Stmt", True, [("module", "Module", "s?"), ("names", "Names", "[Alias]"), ("level", "Level", "i")]),
    ("Global", "Global", "Stmt", True, [("names", "Names", "[s]")]),
    ("Nonlocal", "Nonlocal", "Stmt", True, [("names", "Names", "[s]")]),
    ("ExprStmt", "Expr", "Stmt", True, [("value", "Value", "Expr")]),
    ("Pass", "Pass", "Stmt", True, []),
    ("Break", "Break", "Stmt", True, []),
    ("Continue", "Continue", "Stmt", True, []),

    ("BoolOp", "BoolOp", "Expr", True, [("op", "Op", "BoolOperator"), ("values", "Values", "[Expr]")]),
    ("NamedExpr", "NamedExpr", "Expr", True, [("target", "Target", "Expr"), ("value", "Value", "Expr")]),
    ("BinOp", "BinOp", "Expr", True, [("left", "Left", "Expr"), ("op", "Op", "Operator"), ("right", "Right", "Expr")]),
    ("UnaryOpExpr", "UnaryOp", "Expr", True, [("op", "Op", "UnaryOperator"), ("operand", "Operand", "Expr")]),
    ("Lambda", "Lambda", "Expr", True, [("args", "Args", "Arguments"), ("body", "Body", "Expr")]),
    ("IfExp", "IfExp", "Expr", True, [("test", "Test", "Expr"), ("body", "Body", "Expr"), ("orelse", "Orelse", "Expr")]),
    ("Dict", "Dict", "Expr", True, [("keys", "Keys", "[Expr?]"), ("values", "Values", "[Expr]")]),
    ("Set", "Set", "Expr", True, [("elts", "Elts", "[Expr]")]),
    ("ListComp", "ListComp", "Expr", True, [("elt", "Elt", "Expr"), ("generators", "Generators", "[Comprehension]")]),
    ("SetComp", "SetComp", "Expr", True, [("elt", "Elt", "Expr"), ("generators", "Generators", "[Comprehension]")]),
    ("DictComp", "DictComp", "Expr", True, [("key", "Key", "Expr"), ("value", "Value", "Expr"), ("generators", "Generators", "[Comprehension]")]),
    ("GeneratorExp", "GeneratorExp", "Expr", True, [("elt", "Elt", "Expr"), ("generators", "Generators", "[Comprehension]")]),
    ("Await", "Await", "Expr", True, [("value", "Value", "Expr")]),
    ("Yield", "Yield", "Expr", True, [("value", "Value", "Expr?")]),
    ("YieldFrom", "YieldFrom", "Expr", True, [("value", "Value", "Expr")]),
    ("Compare", "Compare", "Expr", True, [("left", "Left", "Expr"), ("ops", "Ops", "[CmpOp]"), ("comparators", "Comparators", "[Expr]")]),
    ("Call", "Call", "Expr", True, [("func", "Func", "Expr"), ("args", "Args", "[Expr]"), ("keywords", "Keywords", "[Keyword]")]),
    ("FormattedValue", "FormattedValue", "Expr", True, [("value", "Value", "Expr"), ("conversion", "Conversion", "i"), ("format_spec", "FormatSpec", "Expr?")]),
    ("JoinedStr", "JoinedStr", "Expr", True, [("values", "Values", "[Expr]")]),
    ("Constant", "Constant", "Expr", True, [("value", "Value", "o"), ("kind", "Kind", "s?")]),
    ("Attribute", "Attribute", "Expr", True, [("value", "Value", "Expr"), ("attr", "Attr", "s"), ("ctx", "Ctx", "ExprContext")]),
    ("Subscript", "Subscript", "Expr", True, [("value", "Value", "Expr"), ("slice", "Slice", "Expr"), ("ctx", "Ctx", "ExprContext")]),
    ("Starred", "Starred", "Expr", True, [("value", "Value", "Expr"), ("ctx", "Ctx", "ExprContext")]),
    ("Name", "Name", "Expr", True, [("id", "Id", "s"), ("ctx", "Ctx", "ExprContext")]),
    ("List", "List", "Expr", True, [("elts", "Elts", "[Expr]"), ("ctx", "Ctx", "ExprContext")]),
    ("Tuple", "Tuple", "Expr", True, [("elts", "Elts", "[Expr]"), ("ctx", "Ctx", "ExprContext")]),
    ("Slice", "Slice", "Expr", True, [("lower", "Lower", "Expr?"), ("upper", "Upper", "Expr?"), ("step", "Step", "Expr?")]),

    ("Comprehension", "comprehension", "Node", False, [("target", "Target", "Expr"), ("iter", "Iter", "Expr"), ("ifs", "Ifs", "[Expr]"), ("is_async", "IsAsync", "b")]),
    ("ExceptHandler", "ExceptHandler", "Node", True, [("type", "Type", "Expr?"), ("name", "Name", "s?"), ("body", "Body", "[Stmt]")]),
    ("Arguments", "arguments", "Node", False, [("posonlyargs", "Posonlyargs", "[Arg]"), ("args", "Args", "[Arg]"), ("vararg", "Vararg", "Arg?"), ("kwonlyargs", "Kwonlyargs", "[Arg]"), ("kw_defaults", "KwDefaults", "[Expr?]"), ("kwarg", "Kwarg", "Arg?"), ("defaults", "Defaults", "[Expr]")]),
    ("Arg", "arg", "Node", True, [("arg", "ArgName", "s"), ("annotation", "Annotation", "Expr?")]),
    ("Keyword", "keyword", "Node", True, [("arg", "ArgName", "s?"), ("value", "Value", "Expr")]),
    ("Alias", "alias", "Node", True, [("name", "Name", "s"), ("asname", "Asname", "s?")]),
    ("WithItem", "withitem", "Node", False, [("context_expr", "ContextExpr", "Expr"), ("optional_vars", "OptionalVars", "Expr?")]),
    ("MatchCase", "match_case", "Node", False, [("pattern", "Pattern", "Pattern"), ("guard", "Guard", "Expr?"), ("body", "Body", "[Stmt]")]),

    ("MatchValue", "MatchValue", "Pattern", True, [("value", "Value", "Expr")]),
    ("MatchSingleton", "MatchSingleton", "Pattern", True, [("value", "Value", "o")]),
    ("MatchSequence", "MatchSequence", "Pattern", True, [("patterns", "Patterns", "[Pattern]")]),
    ("MatchMapping", "MatchMapping", "Pattern", True, [("keys", "Keys", "[Expr]"), ("patterns", "Patterns", "[Pattern]"), ("rest", "Rest", "s?")]),
    ("MatchClass", "MatchClass", "Pattern", True, [("cls", "Cls", "Expr"), ("patterns", "Patterns", "[Pattern]"), ("kwd_attrs", "KwdAttrs", "[s]"), ("kwd_patterns", "KwdPatterns", "[Pattern]")]),
    ("MatchStar", "MatchStar", "Pattern", True, [("name", "Name", "s?")]),
    ("MatchAs", "MatchAs", "Pattern", True, [("pattern", "Pattern", "Pattern?"), ("name", "Name", "s?")]),
    ("MatchOr", "MatchOr", "Pattern", True, [("patterns", "Patterns", "[Pattern]")]),
]
ENUMS = {"Operator", "BoolOperator", "UnaryOperator", "CmpOp", "ExprContext"}
# CPython's per-field doc for the XML comments is the ASDL itself; keep the comments short.

def cs_type(t):
    if t == "s": return "string"
    if t == "s?": return "string?"
    if t == "[s]": return "List<string>"
    if t == "i": return "int"
    if t == "b": return "bool"
    if t == "o": return "object?"
    if t.startswith("["):
        inner = t[1:-1]
        return f"List<{inner}>"
    return t

def init(t):
    if t.startswith("["): return " = new();"
    if t in ("s",): return " = \"\";"
    if t.endswith("?") or t in ("i", "b", "o") or t in ENUMS: return ""
    return " = null!;"

def node_children(fields):
    out = []
    for py, cs, t in fields:
        if cs is None: continue
        base = t.strip("[]?")
        if base in ENUMS or base in ("s", "i", "b", "o"): continue
        if t.startswith("["):
            if t.endswith("?]"):
                out.append(f"            foreach (var c in {cs}) if (c != null) yield return c;")
            else:
                out.append(f"            foreach (var c in {cs}) yield return c;")
        elif t.endswith("?"):
            out.append(f"            if ({cs} != null) yield return {cs};")
        else:
            out.append(f"            yield return {cs};")
    return out

here = os.path.dirname(os.path.abspath(__file__))
hdr = "// <auto-generated> by GenerateAst.py from CPython 3.11's Python.asdl; do not edit by hand.\n#nullable enable\n"

nodes = [hdr, "namespace PySharp.Syntax.Ast;\n"]
for cs, py, base, attrs, fields in SPEC:
    nodes.append(f"/// <summary>CPython's <c>ast.{py}</c>.</summary>")
    nodes.append(f"public sealed class {cs} : {base}\n{{")
    for pf, cp, t in fields:
        if cp is None: continue
        nodes.append(f"    /// <summary>CPython field <c>{pf}</c>.</summary>")
        nodes.append(f"    public {cs_type(t)} {cp} {{ get; set; }}{init(t)}")
    nodes.append(f"    /// <inheritdoc/>\n    public override T Accept<T>(AstVisitor<T> visitor) => visitor.Visit{cs}(this);")
    ch = node_children(fields)
    nodes.append("    /// <inheritdoc/>\n    public override IEnumerable<Node> GetChildren()\n    {")
    if ch:
        nodes.extend(ch)
    else:
        nodes.append("        yield break;")
    nodes.append("    }")
    nodes.append("}\n")
open(os.path.join(here, "Nodes.g.cs"), "w").write("\n".join(nodes).replace("\n            ", "\n        "))

vis = [hdr, "namespace PySharp.Syntax.Ast;\n",
       "/// <summary>Visitor over the AST; every method defaults to <see cref=\"DefaultVisit\"/>.</summary>",
       "public abstract class AstVisitor<T>\n{",
       "    /// <summary>Called for nodes whose Visit method is not overridden.</summary>",
       "    protected abstract T DefaultVisit(Node node);"]
for cs, py, base, attrs, fields in SPEC:
    vis.append(f"    /// <summary>Visits a <see cref=\"{cs}\"/>.</summary>")
    vis.append(f"    public virtual T Visit{cs}({cs} node) => DefaultVisit(node);")
vis.append("}")
open(os.path.join(here, "AstVisitor.g.cs"), "w").write("\n".join(vis) + "\n")

d = [hdr, "using System.Text;\n", "namespace PySharp.Syntax.Ast;\n",
     "public static partial class AstDump\n{",
     "    static void DumpNode(Node node, StringBuilder sb, bool attrs)\n    {",
     "        // Deep trees (a.b.c... thousands long) end in InsufficientExecutionStackException, not a crash.",
     "        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();",
     "        switch (node)\n        {"]
for cs, py, base, attrs, fields in SPEC:
    d.append(f"            case {cs} n:")
    d.append(f"                sb.Append(\"{py}(\");")
    first = True
    for pf, cp, t in fields:
        sep = "" if first else ", "
        if cp is None:
            d.append(f"                sb.Append(\"{sep}{pf}=[]\");")
            first = False
            continue
        base_t = t.strip("[]?")
        optional = t.endswith("?") and not t.startswith("[")
        if optional:
            # ast.dump omits optional fields that are None; the separator depends on whether anything came before.
            d.append(f"                if (n.{cp} != null) {{ sb.Append(\"{sep}{pf}=\"); " + dump_call if False else "")
        if t.startswith("["):
            if base_t == "s":
                call = f"StrList(n.{cp}, sb)"
            elif base_t in ENUMS:
                call = f"EnumList(n.{cp}, sb)"
            else:
                call = f"NodeList(n.{cp}, sb, attrs)"
        elif base_t == "s":
            call = f"Repr.Str(n.{cp}!, sb)"
        elif base_t == "i":
            call = f"sb.Append(n.{cp})"
        elif base_t == "b":
            call = f"sb.Append(n.{cp} ? 1 : 0)"
        elif base_t == "o":
            call = f"Repr.Constant(n.{cp}, sb)"
        elif base_t in ENUMS:
            call = f"sb.Append(n.{cp}).Append(\"()\")"
        else:
            call = f"DumpNode(n.{cp}!, sb, attrs)"
        if optional:
            d[-1] = f"                if (n.{cp} != null) {{ Sep(sb); sb.Append(\"{pf}=\"); {call}; }}"
        else:
            d.append(f"                Sep(sb); sb.Append(\"{pf}=\"); {call};")
        first = False
    if attrs:
        d.append("                if (attrs) Attributes(n, sb);")
    d.append("                break;")
d.append("            default:\n                throw new ArgumentException(\"unknown node \" + node.GetType().Name);")
d.append("        }\n        sb.Append(')');\n    }\n}")
open(os.path.join(here, "AstDump.g.cs"), "w").write("\n".join(d) + "\n")
