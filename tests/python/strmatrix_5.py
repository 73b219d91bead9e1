values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'zfill(8)', repr(v.zfill(8)))
    except Exception as e:
        print(repr(v), 'zfill(8)', type(e).__name__, e)
    try:
        print(repr(v), "replace('a', 'A')", repr(v.replace('a', 'A')))
    except Exception as e:
        print(repr(v), "replace('a', 'A')", type(e).__name__, e)
    try:
        print(repr(v), "startswith('a')", repr(v.startswith('a')))
    except Exception as e:
        print(repr(v), "startswith('a')", type(e).__name__, e)
    try:
        print(repr(v), "endswith('a')", repr(v.endswith('a')))
    except Exception as e:
        print(repr(v), "endswith('a')", type(e).__name__, e)
    try:
        print(repr(v), 'encode()', repr(v.encode()))
    except Exception as e:
        print(repr(v), 'encode()', type(e).__name__, e)
