ops = ["add(4)", "add(1)", "remove(1)", "remove(9)", "discard(9)", "pop() in {1, 2, 3}", "union({9})", "intersection({1, 9})", "difference({1})",
       "symmetric_difference({1, 9})", "issubset({1, 2, 3, 4})", "issuperset({1})", "isdisjoint({8})", "update([5, 6])", "clear()", "copy()"]
for op in ops:
    for base in ({1, 2, 3}, set()):
        s = set(base)
        try:
            r = eval("s." + op)
            print(op, sorted(base), "->", sorted(r) if isinstance(r, set) else r, sorted(s))
        except Exception as e:
            print(op, sorted(base), "->", type(e).__name__, e)
