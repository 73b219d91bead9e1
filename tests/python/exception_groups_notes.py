try:
    e = ValueError("base")
    e.add_note("note one")
    e.add_note("note two")
    raise e
except ValueError as ex:
    print(ex, ex.__notes__)
import sys
try:
    raise KeyError("z")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
print(sys.exc_info())
try:
    try:
        raise ValueError(1)
    finally:
        print("in finally, exc active:", sys.exc_info()[0] is not None)
except ValueError:
    pass
