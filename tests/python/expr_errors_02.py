exprs = ['(1,) + [2]', 'None + 1', 'None()', '1()', '"abc"()', '[1, 2]["a"]', '(1, 2)[1.0]', '"x"[None]', '{}.nope', 'None.x', '(1).foo', '"".bar()', 'object().x', 'int.nope', '-"a"', '~1.5']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__ + ":", ex)
