errors = [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, FileNotFoundError, RecursionError, StopIteration]
for e in errors:
    print(e.__name__, [b.__name__ for b in e.__mro__[1:]])
try:
    raise KeyError("k")
except LookupError as e:
    print("LookupError catches", type(e).__name__, e)
try:
    raise FileNotFoundError(2, "No such file", "x.txt")
except OSError as e:
    print(e.errno, e.strerror, e.filename, e)
e = ValueError("a", "b")
print(e.args, str(e), repr(e), repr(ValueError()), str(KeyError("x")), str(KeyError()))
class Custom(ValueError):
    def __str__(self): return "custom str"
try:
    raise Custom
except ValueError as ex:
    print(ex, repr(ex), type(ex).__mro__[1].__name__)
try:
    raise TypeError
except Exception as ex:
    print(repr(ex), ex.args)
def nested():
    try:
        raise ValueError("inner")
    except ValueError:
        raise
try:
    nested()
except ValueError as ex:
    print("reraised", ex)
