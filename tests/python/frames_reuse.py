# Frames of finished calls are reused by PySharp; Python must never observe that.
import sys


def leaf(n):
    return sys._getframe()


def outer(n):
    f = leaf(n)
    return f, sys._getframe()


kept = [outer(i) for i in range(3)]
for inner, out in kept:
    print(inner.f_code.co_name, inner.f_back is out, out.f_code.co_name)


def fail(n):
    if n == 0:
        raise ValueError("bottom")
    return fail(n - 1) + 1


tbs = []
for k in range(3):
    try:
        fail(k)
    except ValueError as e:
        tbs.append(e.__traceback__)


def depth_names(tb):
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return names


def noise(a, b=2, *, c=3):
    x = [a, b, c]
    return sum(x)


for _ in range(50):
    noise(1)
for tb in tbs:
    print(depth_names(tb))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c2(), c1())


def gen(n):
    for i in range(n):
        yield i * i


print(list(gen(5)), sum(gen(10)))


def loc(a, b):
    z = a * b
    return locals()


print(loc(2, 3), loc(4, 5))


def walker():
    f = sys._getframe(1)
    return f.f_code.co_name


def caller_a():
    return walker()


def caller_b():
    return walker()


print(caller_a(), caller_b(), caller_a())


def unbound(flag):
    if flag:
        y = 1
    return y


for flag in (True, False, True):
    try:
        print(unbound(flag))
    except UnboundLocalError as e:
        print("UnboundLocalError", e)


def compare_chain(xs):
    out = []
    for a in xs:
        for b in xs:
            if a < b:
                out.append((a, b))
    return out


print(compare_chain([3, "x", 1]) if False else compare_chain([3, 1, 2]))
try:
    compare_chain([1, "a"])
except TypeError as e:
    print("TypeError", e)
print(7 * 6, (2**31) * (2**31), -(2**31) * 3, 123456789 * 987654321, (-7) % 3, 7 % -3, 2**40 % 1000)
