exprs = ['1 / 0', '1 // 0', '1 % 0', '1.0 / 0', 'divmod(1, 0)', 'int("x")', 'int("1.5")', 'float("x")', 'int(None)', 'len(5)', 'len(None)', 'iter(5)', 'next(iter([]))', '[][0]', '[1][-2]', '()[0]']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__ + ":", ex)
