# Traceback markers under binary operations: ~ under the operands, ^ under the operator
import sys, traceback

def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
        sys.excepthook(*sys.exc_info())

def div(a, b):
    return a / b + 1

def floordiv(a, b):
    return a // b

def spaced(a, b):
    return a  +  b

def parens(a, b):
    return (a) / b

def tight(a, b):
    return (a)/b

def double_parens(a, b):
    return ((a))/((b))

def power(a, b):
    return a ** b

def shift(a, b):
    x = 1 + (a << b)
    return x

def whole_line(a, b):
    a % b

def with_comment(a, b):
    return a - b  # subtract

def unary(a):
    return -a

def compare(a, b):
    return a < b

def matmul(a, b):
    return a @ b

def augmented(a, b):
    a += b
    return a

show(div, 1, 0)
show(floordiv, 1, 0)
show(spaced, 1, "x")
show(parens, 1, 0)
show(tight, 1, 0)
show(double_parens, 1, 0)
show(power, 0.0, -1)
show(shift, 1, -1)
show(whole_line, 1, 0)
show(with_comment, "a", 1)
show(unary, "s")
show(compare, 1, None)
show(matmul, 1, 2)
show(augmented, 1, None)
total = 10
count = 0
average = total / count
