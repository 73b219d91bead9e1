from bm_common import run


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b=1, *, c=0):
    return a + b + c


def calls():
    t = 0
    for i in range(200_000):
        t += add(i) + add(i, 2) + add(i, c=3)
    return fib(24) + t


run("calls", calls)
