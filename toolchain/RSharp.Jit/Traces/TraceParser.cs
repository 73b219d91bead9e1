using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RSharp.Jit.Traces;

/// <summary>
/// Reads the text form written by <see cref="TracePrinter"/> (and hand-written traces in the
/// same syntax). One operation per line; <c>#</c> starts a comment; blank lines are ignored.
/// </summary>
internal sealed class TraceParser
{
    private readonly DescrRegistry _registry;
    private readonly Dictionary<string, TraceValue> _values = [];
    private int _line;

    private TraceParser(DescrRegistry registry) => _registry = registry;

    public static Trace Parse(string text, DescrRegistry registry) => new TraceParser(registry).Run(text);

    private Trace Run(string text)
    {
        var lines = text.Split('\n');
        List<InputArg>? inputs = null;
        var ops = new List<Operation>();
        for (int n = 0; n < lines.Length; n++)
        {
            _line = n + 1;
            string line = lines[n];
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (inputs is null)
            {
                if (line[0] != '[' || line[^1] != ']') Error("expected the input arguments, like [i0, p1]");
                inputs = ParseInputs(line[1..^1]);
            }
            else ops.Add(ParseOperation(line));
        }
        _line = lines.Length;
        if (inputs is null) Error("empty trace: expected the input arguments, like [i0, p1]");
        var trace = new Trace(inputs, ops);
        try { trace.Validate(); }
        catch (TraceValidationException e)
        {
            // Point at the offending operation's line when the validator names one.
            throw new TraceParseException(LineOf(lines, e.Message), e.Message);
        }
        return trace;
    }

    private static int LineOf(string[] lines, string message)
    {
        const string prefix = "operation ";
        if (!message.StartsWith(prefix, StringComparison.Ordinal)) return 1;
        int colon = message.IndexOf(':');
        if (!int.TryParse(message.AsSpan(prefix.Length, colon - prefix.Length), out int index)) return 1;
        int seen = -2; // the input line comes first
        for (int n = 0; n < lines.Length; n++)
        {
            string l = lines[n];
            int hash = l.IndexOf('#');
            if ((hash >= 0 ? l[..hash] : l).Trim().Length == 0) continue;
            if (++seen == index) return n + 1;
        }
        return lines.Length;
    }

    private List<InputArg> ParseInputs(string body)
    {
        var inputs = new List<InputArg>();
        foreach (string raw in SplitTopLevel(body))
        {
            string name = raw.Trim();
            var arg = new InputArg(KindOfName(name) ?? Error<ValueKind>($"bad input argument name '{name}' (expected i<n>, f<n> or p<n>)"));
            Define(name, arg);
            inputs.Add(arg);
        }
        return inputs;
    }

    private Operation ParseOperation(string line)
    {
        string? resultName = null;
        int eq = line.IndexOf('=');
        int paren = line.IndexOf('(');
        if (paren < 0) Error("expected an operation like name(args)");
        if (eq >= 0 && eq < paren)
        {
            resultName = line[..eq].Trim();
            line = line[(eq + 1)..].TrimStart();
            paren = line.IndexOf('(');
        }
        string opName = line[..paren].Trim();
        if (!OpInfo.TryParse(opName, out var opcode)) Error($"unknown operation '{opName}'");
        var info = OpInfo.Of(opcode);
        int close = MatchingParen(line, paren);
        string rest = line[(close + 1)..].Trim();

        var args = new List<TraceValue>();
        Descr? descr = null;
        foreach (string raw in SplitTopLevel(line[(paren + 1)..close]))
        {
            string item = raw.Trim();
            if (descr is not null) Error("descr= must be the last argument");
            if (item.StartsWith("descr=", StringComparison.Ordinal)) descr = ParseDescr(item[6..].Trim(), info);
            else args.Add(ParseValue(item));
        }

        List<TraceValue>? failArgs = null;
        if (rest.Length > 0)
        {
            if (!info.IsGuard) Error($"unexpected text after {opName}(...): '{rest}'");
            if (rest[0] != '[' || rest[^1] != ']') Error($"expected fail-args in brackets after {opName}(...)");
            failArgs = SplitTopLevel(rest[1..^1]).Select(s => ParseValue(s.Trim())).ToList();
        }

        var op = new Operation(opcode, args, descr, info.IsGuard ? failArgs ?? [] : null);
        if (resultName is not null)
        {
            if (info.ResultKind == ValueKind.Void) Error($"{opName} has no result to name");
            if (KindOfName(resultName) != info.ResultKind)
                Error($"result '{resultName}' of {opName} must be named {ValueKinds.Prefix(info.ResultKind)}<n>");
            Define(resultName, op);
        }
        return op;
    }

    private Descr ParseDescr(string text, OpInfo info)
    {
        if (text.Length == 0) Error("empty descr=");
        if (text[0] == '<')
        {
            if (text[^1] != '>') Error($"unterminated descriptor '{text}'");
            string inner = text[1..^1];
            int space = inner.IndexOf(' ');
            if (space <= 0) Error($"descriptor '{text}' must look like <Kind name>");
            string kind = inner[..space], name = inner[(space + 1)..].Trim();
            return _registry.Lookup(kind, name) ?? Error<Descr>($"unknown descriptor {text}");
        }
        try
        {
            return info.Descr switch
            {
                DescrUse.Target => _registry.Target(text),
                DescrUse.Loop => _registry.Loop(text),
                _ => _registry.Lookup(null, text) ?? Error<Descr>($"unknown descriptor {text}"),
            };
        }
        catch (ArgumentException e) { return Error<Descr>(e.Message); }
    }

    private TraceValue ParseValue(string text)
    {
        if (text.Length == 0) Error("missing value");
        if (text == "null") return ConstNull.Instance;
        if (text.StartsWith("ConstPtr(", StringComparison.Ordinal) && text[^1] == ')')
        {
            string name = text[9..^1].Trim();
            return _registry.LookupConst(name) ?? Error<TraceValue>($"unknown constant ConstPtr({name})");
        }
        if (KindOfName(text) is not null)
            return _values.TryGetValue(text, out var v) ? v : Error<TraceValue>($"'{text}' is not defined");
        switch (text)
        {
            case "inf": return new ConstFloat(double.PositiveInfinity);
            case "-inf": return new ConstFloat(double.NegativeInfinity);
            case "nan": return new ConstFloat(double.NaN);
        }
        if (text.IndexOfAny(['.', 'e', 'E']) >= 0)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return new ConstFloat(d);
        }
        else if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            return new ConstInt(l);
        return Error<TraceValue>($"bad value '{text}'");
    }

    private void Define(string name, TraceValue value)
    {
        if (!_values.TryAdd(name, value)) Error($"'{name}' is defined twice");
    }

    private static ValueKind? KindOfName(string name)
    {
        if (name.Length < 2 || ValueKinds.FromPrefix(name[0]) is not { } kind) return null;
        for (int i = 1; i < name.Length; i++)
            if (!char.IsAsciiDigit(name[i])) return null;
        return kind;
    }

    private int MatchingParen(string line, int open)
    {
        int depth = 0;
        for (int i = open; i < line.Length; i++)
        {
            if (line[i] == '(') depth++;
            else if (line[i] == ')' && --depth == 0) return i;
        }
        return Error<int>("missing ')'");
    }

    /// <summary>Splits at commas outside parentheses and angle brackets; an empty body gives nothing.</summary>
    private static List<string> SplitTopLevel(string body)
    {
        var parts = new List<string>();
        if (body.Trim().Length == 0) return parts;
        int depth = 0, start = 0;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c is '(' or '<' or '[') depth++;
            else if (c is ')' or '>' or ']') depth--;
            else if (c == ',' && depth == 0) { parts.Add(body[start..i]); start = i + 1; }
        }
        parts.Add(body[start..]);
        return parts;
    }

    [DoesNotReturn]
    private void Error(string message) => throw new TraceParseException(_line, message);
    [DoesNotReturn]
    private T Error<T>(string message) => throw new TraceParseException(_line, message);
}
