t = (3, 1, 4, 1, 5)
print(t.count(1), t.index(4), t[::-1], t + (9,), t * 2, sorted(t), min(t), max(t), sum(t), len(t))
print(tuple(reversed(t)), tuple(x for x in t if x > 1), (1, 2) + (), t[1:-1], t[10:])
print((1, [2]) == (1, [2]), (1, 2) < (1, 2, 0), (2,) > (1, 9), hash((1, (2, 3))) == hash((1, (2, 3))))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), [a for a, *_ in nested])
try:
    t.index(42)
except ValueError as e:
    print(e)
