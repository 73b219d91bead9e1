first, *middle, last = range(6)
print(first, middle, last)
a, (b, *c), d = 1, [2, 3, 4], 5
print(a, b, c, d)
def f(*args, **kw): return args, kw
print(f(*"ab", *[1], **{"k": 1}, **{"j": 2}))
print([*range(3), *"xy"], (*[1, 2],), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
x = y = z = 0
print(x, y, z)
a, b = b, a
print(a, b)
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, a=2)
except TypeError as e:
    print(e)
