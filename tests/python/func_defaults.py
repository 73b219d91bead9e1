def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, 2, a=3))
print(h(*[1, 2], *(3,), **{"x": 1}, y=2))
def mutable(x, acc=[]):
    acc.append(x)
    return acc
print(mutable(1), mutable(2))
