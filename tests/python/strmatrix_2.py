values = ['', 'a', 'banana', '  padded  ', 'Hello World', 'x1x2x', 'ABC def', '12345', 'line1\nline2\n', '\ttab', 'a b  c', 'ÀÉÎ', 'under_score', 'MiXeD cAsE']
for v in values:
    try:
        print(repr(v), 'rsplit(None, 1)', repr(v.rsplit(None, 1)))
    except Exception as e:
        print(repr(v), 'rsplit(None, 1)', type(e).__name__, e)
    try:
        print(repr(v), "partition(' ')", repr(v.partition(' ')))
    except Exception as e:
        print(repr(v), "partition(' ')", type(e).__name__, e)
    try:
        print(repr(v), "find('a')", repr(v.find('a')))
    except Exception as e:
        print(repr(v), "find('a')", type(e).__name__, e)
    try:
        print(repr(v), "rfind('a')", repr(v.rfind('a')))
    except Exception as e:
        print(repr(v), "rfind('a')", type(e).__name__, e)
    try:
        print(repr(v), "count('a')", repr(v.count('a')))
    except Exception as e:
        print(repr(v), "count('a')", type(e).__name__, e)
