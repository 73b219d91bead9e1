values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'upper()', repr(v.upper()))
    except Exception as e:
        print(repr(v), 'upper()', type(e).__name__, e)
    try:
        print(repr(v), 'lower()', repr(v.lower()))
    except Exception as e:
        print(repr(v), 'lower()', type(e).__name__, e)
    try:
        print(repr(v), 'title()', repr(v.title()))
    except Exception as e:
        print(repr(v), 'title()', type(e).__name__, e)
    try:
        print(repr(v), 'capitalize()', repr(v.capitalize()))
    except Exception as e:
        print(repr(v), 'capitalize()', type(e).__name__, e)
    try:
        print(repr(v), 'swapcase()', repr(v.swapcase()))
    except Exception as e:
        print(repr(v), 'swapcase()', type(e).__name__, e)
