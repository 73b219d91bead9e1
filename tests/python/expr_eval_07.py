exprs = ['float("inf") > 10 ** 1000', '10 ** 20 == 1e20', '2 ** 0.5 == 2 ** 0.5', '0.1 + 0.2 == 0.3', '(0.1 + 0.2) - 0.3', 'int(1e20)', '3 // 0.0 if False else "skip"', '[] or [1]', '0 and 1/0', '1 or 1/0', 'x if (x := 5) > 3 else 0', '[y := 1, y + 1]', 'print is print', 'len.__name__', 'int.__name__ + str.__qualname__', 'type(None).__name__', 'type(...).__name__', 'NotImplemented.__class__.__name__', '().__class__.__mro__', 'bool.__mro__']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
