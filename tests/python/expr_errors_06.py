exprs = ['isinstance(1, 2)', 'issubclass(1, int)', 'getattr(1, 2)', 'getattr(1, "x")', 'setattr(1, "x", 2)', 'delattr(1, "x")', 'type("X", (1,), {})', 'type(1, 2)', 'super()', 'object.__new__(1)', 'int.__new__(str)', 'next(5)', 'reversed(5)', 'enumerate(5)', 'zip(5)', 'map(5)']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__ + ":", ex)
