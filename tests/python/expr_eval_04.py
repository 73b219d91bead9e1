exprs = ['bool([]) or bool({}) or bool(set())', 'isinstance(True, int) and isinstance(1, bool)', 'issubclass(int, object) and not issubclass(object, int)', 'type(3) is int and type("s") is str', 'hash(1) == hash(1.0)', 'id(None) == id(None)', 'callable(print) and not callable(1)', 'len(range(0, 100, 7))', 'range(10)[3]', '7 in range(0, 10, 7)', 'list(range(5, 0, -2))', '[i for i in range(3) for j in range(i)]', '[[j for j in range(i)] for i in range(3)]', '(lambda x, y=2: x * y)(3)', '(lambda *a: sum(a))(1, 2, 3)', '(lambda **k: sorted(k))(b=1, a=2)', '"".join(reversed("abc"))', '"abcabc".count("bc")', '"abc".find("d")', '"AbC".swapcase()']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
