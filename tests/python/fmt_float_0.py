specs = ['', 'f', '.0f', '.3f', '10.2f']
vals = [0.0, -0.0, 1.0, 0.1, -2.5, 3.14159265, 1234567.891, 1e-7, 6.02e23, float('inf'), float('-inf'), float('nan'), 0.5, 1.5, 2.5]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(repr(v), row)
