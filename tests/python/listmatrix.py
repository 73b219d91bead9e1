ops = ["append(9)", "extend([7, 8])", "insert(1, 'x')", "insert(-1, 'y')", "insert(100, 'z')", "pop()", "pop(0)", "pop(-2)", "remove(2)", "reverse()",
       "sort()", "sort(reverse=True)", "clear()", "index(3)", "count(2)", "copy()"]
for op in ops:
    for base in ([1, 2, 3, 2], [], [3]):
        l = list(base)
        try:
            r = eval("l." + op)
            print(op, base, "->", r, l)
        except Exception as e:
            print(op, base, "->", type(e).__name__, e)
