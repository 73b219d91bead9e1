values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'strip()', repr(v.strip()))
    except Exception as e:
        print(repr(v), 'strip()', type(e).__name__, e)
    try:
        print(repr(v), "lstrip('x')", repr(v.lstrip('x')))
    except Exception as e:
        print(repr(v), "lstrip('x')", type(e).__name__, e)
    try:
        print(repr(v), 'rstrip()', repr(v.rstrip()))
    except Exception as e:
        print(repr(v), 'rstrip()', type(e).__name__, e)
    try:
        print(repr(v), 'split()', repr(v.split()))
    except Exception as e:
        print(repr(v), 'split()', type(e).__name__, e)
    try:
        print(repr(v), "split('a')", repr(v.split('a')))
    except Exception as e:
        print(repr(v), "split('a')", type(e).__name__, e)
