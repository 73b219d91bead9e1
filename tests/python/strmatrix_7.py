values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'isdecimal()', repr(v.isdecimal()))
    except Exception as e:
        print(repr(v), 'isdecimal()', type(e).__name__, e)
    try:
        print(repr(v), 'isprintable()', repr(v.isprintable()))
    except Exception as e:
        print(repr(v), 'isprintable()', type(e).__name__, e)
    try:
        print(repr(v), '[::-1]', repr(v[::-1]))
    except Exception as e:
        print(repr(v), '[::-1]', type(e).__name__, e)
    try:
        print(repr(v), '[1:4]', repr(v[1:4]))
    except Exception as e:
        print(repr(v), '[1:4]', type(e).__name__, e)
    try:
        print(repr(v), '__len__()', repr(v.__len__()))
    except Exception as e:
        print(repr(v), '__len__()', type(e).__name__, e)
