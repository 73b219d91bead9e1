values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'splitlines()', repr(v.splitlines()))
    except Exception as e:
        print(repr(v), 'splitlines()', type(e).__name__, e)
    try:
        print(repr(v), 'expandtabs(4)', repr(v.expandtabs(4)))
    except Exception as e:
        print(repr(v), 'expandtabs(4)', type(e).__name__, e)
    try:
        print(repr(v), 'casefold()', repr(v.casefold()))
    except Exception as e:
        print(repr(v), 'casefold()', type(e).__name__, e)
    try:
        print(repr(v), 'isidentifier()', repr(v.isidentifier()))
    except Exception as e:
        print(repr(v), 'isidentifier()', type(e).__name__, e)
    try:
        print(repr(v), 'isnumeric()', repr(v.isnumeric()))
    except Exception as e:
        print(repr(v), 'isnumeric()', type(e).__name__, e)
