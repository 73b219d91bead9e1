values = [0, -3, 2.7, -2.5, True, '12', 'abc', [3, 1, 2], (2, 1), {'b': 1, 'a': 2}, {5, 4}, None, 3+4j, 2 ** 65, '', [], range(4), b'ab']
for v in values:
    try:
        r = sorted(v)
        print(repr(v), "->", repr(r))
    except Exception as e:
        print(repr(v), "->", type(e).__name__, e)
