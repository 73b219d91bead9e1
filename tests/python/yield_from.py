def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "inner done"
def outer():
    r = yield from inner()
    print("result", r)
    yield from [10, 20]
    yield from range(2)
g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))
def delegating_throw():
    def sub():
        try:
            yield "a"
        except KeyError:
            yield "handled in sub"
    yield from sub()
    yield "after"
d = delegating_throw()
print(next(d), d.throw(KeyError), next(d))
