# Traceback markers under calls: a call that is the whole line gets none; nested and method calls
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

def fail(a, b):
    return a / b

def whole(a, b):
    fail(a, b)

def assigned(a, b):
    y = fail(a, b)
    return y

def nested(a, b):
    return str(int(fail(a, b)))

def in_args(a, b):
    return max(1, fail(a, b), 3)

class Box:
    def open(self, n):
        return fail(1, n)

    @staticmethod
    def make(n):
        return Box().open(n)

def method(n):
    return Box().open(n) + 1

def static(n):
    x = Box.make(n)
    return x

def keywords(n):
    return fail(a=1, b=n)

def star(args):
    return fail(*args)

def dstar(kw):
    return fail(**kw)

def not_callable(x):
    return x(1)

def missing_method(x):
    return x.nothing(1, 2)

def bad_args():
    return fail(1)

show(whole, 1, 0)
show(assigned, 1, 0)
show(nested, 1, 0)
show(in_args, 1, 0)
show(method, 0)
show(static, 0)
show(keywords, 0)
show(star, (1, 0))
show(dstar, {"a": 1, "b": 0})
show(not_callable, 5)
show(missing_method, 5)
show(bad_args)
result = assigned(2, 0)
