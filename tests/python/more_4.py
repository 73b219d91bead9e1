def f(*, key):
    return key
def g(a, /):
    return a
def h(a, /, b, *, c):
    return (a, b, c)
print(f(key=1), g(2), h(1, 2, c=3), h(1, b=2, c=3))
for call, args, kw in [(f, (1,), {}), (g, (), {"a": 1}), (h, (1, 2, 3), {})]:
    try:
        call(*args, **kw)
    except TypeError as e:
        print(e)
