specs = ['%%', '%5s|', '%-5s|', '%.2s', '%i', '%u', '% d']
vals = [0, 42, -7, 3.75, 255, 'hi', 65, True, 10000000000.0]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(s % v)
        except (TypeError, ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(repr(v), row)
