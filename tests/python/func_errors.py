def f(a, b):
    return a + b
for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, b=2, a=3), lambda: f(1, c=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def g(x, /, y):
    return x
try:
    g(x=1, y=2)
except TypeError as e:
    print(e)
def k(*, a, b):
    pass
try:
    k()
except TypeError as e:
    print(e)
