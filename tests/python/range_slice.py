print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -2)), list(range(0)))
r = range(1, 20, 3)
print(r, len(r), r[2], r[-1], r[1:3], 7 in r, 8 in r, r.index(10), range(5)[::-1])
print(list(reversed(range(3))), sum(range(1, 101)), range(3) == range(0, 3))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, "abcdefghijk"[s], s.indices(5))
print([0, 1, 2, 3, 4][slice(None, None, -1)])
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
