def g():
    raise ValueError("inner v")
def f():
    try:
        g()
    except ValueError as e:
        e1 = e
    try:
        raise KeyError("k")
    except KeyError as e:
        e2 = e
    raise ExceptionGroup("outer", [e1, ExceptionGroup("nested", [e2, TypeError("t")])])
try:
    f()
except* TypeError:
    raise RuntimeError("in handler")
