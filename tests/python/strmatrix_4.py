values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'istitle()', repr(v.istitle()))
    except Exception as e:
        print(repr(v), 'istitle()', type(e).__name__, e)
    try:
        print(repr(v), 'isalnum()', repr(v.isalnum()))
    except Exception as e:
        print(repr(v), 'isalnum()', type(e).__name__, e)
    try:
        print(repr(v), "center(11, '.')", repr(v.center(11, '.')))
    except Exception as e:
        print(repr(v), "center(11, '.')", type(e).__name__, e)
    try:
        print(repr(v), "ljust(9, '-')", repr(v.ljust(9, '-')))
    except Exception as e:
        print(repr(v), "ljust(9, '-')", type(e).__name__, e)
    try:
        print(repr(v), 'rjust(9)', repr(v.rjust(9)))
    except Exception as e:
        print(repr(v), 'rjust(9)', type(e).__name__, e)
