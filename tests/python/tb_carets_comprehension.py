# Markers inside comprehensions, generator expressions and lambdas, and under the calls into them
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

def listcomp(xs):
    return [1 / x for x in xs]

def setcomp(xs):
    return {x[0] for x in xs}

def dictcomp(xs):
    return {x: x.upper() for x in xs}

def genexp(xs):
    return sum(10 // x for x in xs)

def nested(rows):
    return [[c / 0 for c in row] for row in rows]

def condition(xs):
    return [x for x in xs if x > "a"]

def lam(n):
    f = lambda k: k / n
    return f(1)

def lam_call_whole(n):
    (lambda: n[1])()

def sort_key(xs):
    return sorted(xs, key=lambda x: x.lower())

def mapped(xs):
    return list(map(lambda x: x + 1, xs))

show(listcomp, [1, 0])
show(setcomp, [[1], []])
show(dictcomp, ["a", 1])
show(genexp, [1, 0])
show(nested, [[1]])
show(condition, ["b", 1])
show(lam, 0)
show(lam_call_whole, [])
show(sort_key, ["B", 2])
show(mapped, [1, "x"])
squares = [n * n for n in range(3)] + [k[0] for k in [(1,), ()]]
