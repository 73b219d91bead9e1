exprs = ['complex("x")', '1 ** -1 if False else pow(0, -1)', '0.0 ** -1', '(-8) ** (1/3)', '10 ** 400 * 1.0', 'float(10 ** 400)', 'math_is_not_imported.x', 'undefined_name_here', '[1, 2, 3][1:2:0]', 'list.append(1, 2)', 'dict(1)', 'dict([1, 2])', 'dict([(1, 2, 3)])', 'tuple(5)', 'set(5)', 'frozenset(1)']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__ + ":", ex)
