specs = [' d', '=+8d', '*^9', '#_b', 'n']
vals = [0, 7, -42, 255, 1234567, 1099511627776, -36893488147419103232, True]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(v, row)
