def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("gen finally")
g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
print("closed")
def g2():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
x = g2()
next(x)
x.close()
def g3():
    yield 1
y = g3()
try:
    y.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(list(y))
