import functools
def trace(f):
    @functools.wraps(f)
    def wrapper(*args):
        print("call", f.__name__, args)
        return f(*args)
    return wrapper
def repeat(n):
    def deco(f):
        def inner(*a):
            return [f(*a) for _ in range(n)]
        return inner
    return deco
@trace
def add(a, b): return a + b
@repeat(3)
def hello(): return "hi"
print(add(1, 2), hello())
def register(cls):
    cls.registered = True
    return cls
@register
class R: pass
print(R.registered)
class Counter:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@Counter
def sq(x): return x * x
print(sq(3), sq(4), sq.calls)
@trace
@repeat(2)
def both(x): return x
print(both(7))
