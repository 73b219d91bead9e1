values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'isalpha()', repr(v.isalpha()))
    except Exception as e:
        print(repr(v), 'isalpha()', type(e).__name__, e)
    try:
        print(repr(v), 'isdigit()', repr(v.isdigit()))
    except Exception as e:
        print(repr(v), 'isdigit()', type(e).__name__, e)
    try:
        print(repr(v), 'isspace()', repr(v.isspace()))
    except Exception as e:
        print(repr(v), 'isspace()', type(e).__name__, e)
    try:
        print(repr(v), 'isupper()', repr(v.isupper()))
    except Exception as e:
        print(repr(v), 'isupper()', type(e).__name__, e)
    try:
        print(repr(v), 'islower()', repr(v.islower()))
    except Exception as e:
        print(repr(v), 'islower()', type(e).__name__, e)
