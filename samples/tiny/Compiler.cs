namespace RSharp.Samples.Tiny;

/// <summary>
/// A one-pass compiler: a recursive-descent parser that emits bytecode as it parses.
/// Functions are declared at top level; every other top-level statement belongs to the
/// main program. Variables are block-scoped locals; there are no globals.
/// </summary>
internal sealed class Compiler
{
    private static readonly Dictionary<string, (Op Op, int Arity)> Builtins = new()
    {
        ["len"] = (Op.Len, 1),
        ["str"] = (Op.Str, 1),
        ["array"] = (Op.NewArray, 2),
        ["clock"] = (Op.Clock, 0),
    };

    private readonly List<Token> _tokens;
    private readonly Module _module;
    private int _pos;
    private CodeBuilder _code;

    private Compiler(string source, Module module)
    {
        _tokens = Lexer.Tokenize(source);
        _module = module;
        _code = new CodeBuilder("<main>", module);
    }

    /// <summary>Compiles a whole program; throws <see cref="TinyError"/> on the first error.</summary>
    public static Module Compile(string source, TextWriter output)
    {
        var module = new Module(output);
        var compiler = new Compiler(source, module);
        compiler.CompileProgram();
        return module;
    }

    private Token Peek => _tokens[_pos];
    private Token Previous => _tokens[_pos - 1];

    private void CompileProgram()
    {
        var main = _code;
        while (Peek.Kind != TokenKind.End)
        {
            if (Match("fn")) Function();
            else Statement();
        }
        main.Emit(Op.Const, Peek.Line, main.Constant(TNil.Instance));
        main.Emit(Op.Return, Peek.Line);
        _module.Main = main.Build();
    }

    private void Function()
    {
        Token name = ExpectIdent("function name");
        if (Builtins.ContainsKey(name.Text))
            throw new TinyError(name.Line, $"cannot redefine builtin '{name.Text}'");
        if (_module.Functions.ContainsKey(name.Text))
            throw new TinyError(name.Line, $"function '{name.Text}' is already defined");
        var outer = _code;
        _code = new CodeBuilder(name.Text, _module);
        Expect("(");
        if (!Check(")"))
        {
            do
            {
                Token param = ExpectIdent("parameter name");
                _code.Declare(param.Text, param.Line);
                _code.Arity++;
            } while (Match(","));
        }
        Expect(")");
        Block();
        _code.Emit(Op.Const, Previous.Line, _code.Constant(TNil.Instance));
        _code.Emit(Op.Return, Previous.Line);
        _module.Functions[name.Text] = _code.Build();
        _code = outer;
    }

    private void Statement()
    {
        int line = Peek.Line;
        if (Match("let"))
        {
            Token name = ExpectIdent("variable name");
            Expect("=");
            Expression();
            // Declared after the initializer, so `let x = x;` reads an outer x.
            _code.Emit(Op.StoreLocal, line, _code.Declare(name.Text, name.Line));
            Expect(";");
        }
        else if (Match("if")) If();
        else if (Match("while"))
        {
            int top = _code.Here;
            Expression();
            int exit = _code.Emit(Op.JumpIfFalse, line, 0);
            Block();
            _code.Emit(Op.JumpBack, line, top);
            _code.PatchHere(exit);
        }
        else if (Match("return"))
        {
            if (Check(";")) _code.Emit(Op.Const, line, _code.Constant(TNil.Instance));
            else Expression();
            _code.Emit(Op.Return, line);
            Expect(";");
        }
        else if (Match("print"))
        {
            Expression();
            _code.Emit(Op.Print, line);
            Expect(";");
        }
        else if (Check("{")) Block();
        else if (Check("fn")) throw new TinyError(line, "functions can only be defined at top level");
        else if (Peek.Kind == TokenKind.Ident && _tokens[_pos + 1].Text == "=" && _tokens[_pos + 1].Kind == TokenKind.Punct)
        {
            Token name = Peek;
            _pos += 2;
            int slot = _code.Resolve(name.Text);
            if (slot < 0) throw new TinyError(name.Line, $"undefined variable '{name.Text}'");
            Expression();
            _code.Emit(Op.StoreLocal, line, slot);
            Expect(";");
        }
        else
        {
            Expression();
            if (Check("=") && _code.EndsWithIndexRead)
            {
                // `a[i] = v`: the target compiled as a read; turn it into a store.
                int assignLine = Peek.Line;
                _pos++;
                _code.RemoveLast();
                Expression();
                _code.Emit(Op.SetIndex, assignLine);
            }
            else _code.Emit(Op.Pop, line);
            Expect(";");
        }
    }

    private void If()
    {
        int line = Previous.Line;
        Expression();
        int skipThen = _code.Emit(Op.JumpIfFalse, line, 0);
        Block();
        if (Match("else"))
        {
            int skipElse = _code.Emit(Op.Jump, Previous.Line, 0);
            _code.PatchHere(skipThen);
            if (Match("if")) If();
            else Block();
            _code.PatchHere(skipElse);
        }
        else _code.PatchHere(skipThen);
    }

    private void Block()
    {
        Expect("{");
        _code.BeginScope();
        while (!Check("}"))
        {
            if (Peek.Kind == TokenKind.End) throw new TinyError(Peek.Line, "expected '}' before end of file");
            Statement();
        }
        _code.EndScope();
        Expect("}");
    }

    private void Expression() => Or();

    private void Or()
    {
        And();
        while (Match("||"))
        {
            int jump = _code.Emit(Op.JumpIfTrueOrPop, Previous.Line, 0);
            And();
            _code.PatchHere(jump);
        }
    }

    private void And()
    {
        Binary(0);
        while (Match("&&"))
        {
            int jump = _code.Emit(Op.JumpIfFalseOrPop, Previous.Line, 0);
            Binary(0);
            _code.PatchHere(jump);
        }
    }

    // Precedence levels of the left-associative binary operators, loosest first.
    private static readonly (string Text, Op Op)[][] Levels =
    [
        [("==", Op.Eq), ("!=", Op.Ne)],
        [("<", Op.Lt), ("<=", Op.Le), (">", Op.Gt), (">=", Op.Ge)],
        [("+", Op.Add), ("-", Op.Sub)],
        [("*", Op.Mul), ("/", Op.Div), ("%", Op.Mod)],
    ];

    private void Binary(int level)
    {
        if (level == Levels.Length) { Unary(); return; }
        Binary(level + 1);
        while (true)
        {
            int i = Array.FindIndex(Levels[level], o => Check(o.Text));
            if (i < 0) return;
            int line = Peek.Line;
            _pos++;
            Binary(level + 1);
            _code.Emit(Levels[level][i].Op, line);
        }
    }

    private void Unary()
    {
        int line = Peek.Line;
        if (Match("-")) { Unary(); _code.Emit(Op.Neg, line); }
        else if (Match("!")) { Unary(); _code.Emit(Op.Not, line); }
        else Postfix();
    }

    private void Postfix()
    {
        Primary();
        while (Match("["))
        {
            int line = Previous.Line;
            Expression();
            Expect("]");
            _code.Emit(Op.GetIndex, line);
        }
    }

    private void Primary()
    {
        Token t = Peek;
        _pos++;
        switch (t.Kind)
        {
            case TokenKind.Int:
                _code.Emit(Op.Const, t.Line, _code.Constant(new TInt(t.Int)));
                return;
            case TokenKind.Str:
                _code.Emit(Op.Const, t.Line, _code.Constant(new TStr(t.Text)));
                return;
            case TokenKind.Keyword when t.Text is "true" or "false" or "nil":
                TObject value = t.Text == "nil" ? TNil.Instance : TBool.Of(t.Text == "true");
                _code.Emit(Op.Const, t.Line, _code.Constant(value));
                return;
            case TokenKind.Ident when Check("("):
                Call(t);
                return;
            case TokenKind.Ident:
                int slot = _code.Resolve(t.Text);
                if (slot < 0) throw new TinyError(t.Line, $"undefined variable '{t.Text}'");
                _code.Emit(Op.LoadLocal, t.Line, slot);
                return;
            case TokenKind.Punct when t.Text == "(":
                Expression();
                Expect(")");
                return;
            case TokenKind.Punct when t.Text == "[":
                int count = 0;
                if (!Check("]"))
                {
                    do { Expression(); count++; } while (Match(","));
                }
                Expect("]");
                _code.Emit(Op.BuildArray, t.Line, count);
                return;
            default:
                throw new TinyError(t.Line, $"expected an expression, found {t}");
        }
    }

    private void Call(Token name)
    {
        Expect("(");
        int argc = 0;
        if (!Check(")"))
        {
            do { Expression(); argc++; } while (Match(","));
        }
        Expect(")");
        if (Builtins.TryGetValue(name.Text, out var builtin))
        {
            if (argc != builtin.Arity)
                throw new TinyError(name.Line, $"{name.Text}() takes {builtin.Arity} argument(s), got {argc}");
            _code.Emit(builtin.Op, name.Line);
        }
        else _code.Emit(Op.Call, name.Line, _code.Name(name.Text), argc);
    }

    private bool Check(string text) =>
        Peek.Text == text && Peek.Kind is TokenKind.Punct or TokenKind.Keyword;

    private bool Match(string text)
    {
        if (!Check(text)) return false;
        _pos++;
        return true;
    }

    private void Expect(string text)
    {
        if (!Match(text)) throw new TinyError(Peek.Line, $"expected '{text}', found {Peek}");
    }

    private Token ExpectIdent(string what)
    {
        Token t = Peek;
        if (t.Kind != TokenKind.Ident) throw new TinyError(t.Line, $"expected {what}, found {t}");
        _pos++;
        return t;
    }
}
