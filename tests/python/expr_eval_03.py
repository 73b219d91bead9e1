exprs = ['list(map(str, [1, 2]))', 'list(filter(lambda v: v > 1, [1, 2, 3]))', 'list(zip("ab", "cd", "ef"))', 'list(enumerate("xy", start=5))', 'list(reversed(range(3)))', 'dict(zip("ab", [1, 2]))', 'dict([("a", 1)], b=2)', 'set([1, 1, 2]) | {3}', 'frozenset("aab") == frozenset("ab")', 'any(x > 2 for x in [1, 2, 3])', 'all(x > 0 for x in [1, 2, 0])', 'abs(-3.5) + abs(-2)', 'divmod(-7, 2)', 'pow(2, 10, 1000)', 'round(123.456, -1)', 'round(-0.5)', 'int("-0x10", 16)', 'float("1e-3")', 'complex(1, -1) * 1j', '(1 + 2j).conjugate().imag']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
