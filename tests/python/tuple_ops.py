t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t, t.index(3), t.count(1))
a, b, c = t
print(a, b, c)
x, *rest = [1, 2, 3, 4]
print(x, rest)
*init, last = "abcd"
print(init, last)
p, (q, r) = 1, (2, 3)
print(p, q, r)
print((1,), (), tuple("ab"), tuple([1, 2]), (1, 2) < (1, 3), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1]
except ValueError as e:
    print(e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
print(hash(()) == hash(()), {(1, 2): "pair"}[(1, 2)])
