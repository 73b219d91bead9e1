values = [0, 1, -7, True, 2.5, -0.0, 3j, 'ab', [1, 2], (1,), {1: 2}, {3}, None, 2 ** 70, b'x', range(3)]
for a in values:
    row = []
    for b in values:
        try:
            r = a + b
            if isinstance(r, float):
                r = round(r, 6)
            row.append(repr(r)[:20])
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(a)[:12], row)
