import sys

def raiser(*excs, msg="grp"):
    raise ExceptionGroup(msg, list(excs))

log = []
def run(excs, name):
    try:
        try:
            raiser(*excs)
        except* ValueError as g:
            log.append(("V", len(g.exceptions)))
            print(name, "V handler sees", repr(g), "exc_info:", repr(sys.exc_info()[1]))
        except* (TypeError, KeyError) as g:
            print(name, "TK handler sees", repr(g))
            raise
        except* OSError:
            print(name, "OS handler")
            raise RuntimeError("replaced")
        else:
            print(name, "else")
        finally:
            print(name, "finally")
    except BaseException as e:
        print(name, "escaped", type(e).__name__, repr(e))
        for sub in getattr(e, "exceptions", ()):
            print("   sub", repr(sub), "context", repr(sub.__context__))
    print(name, "after, exc_info", sys.exc_info())

run([ValueError(1)], "a")
run([ValueError(1), ValueError(2), TypeError(3)], "b")
run([KeyError("k"), OSError("o")], "c")
run([OSError("o"), ZeroDivisionError()], "d")
run([ExceptionGroup("inner", [ValueError(5), TypeError(6)]), IndexError(7)], "e")
print(log)

# a naked exception caught by except* is wrapped in a group
try:
    raise IndexError("naked")
except* IndexError as g:
    print("naked", type(g).__name__, repr(g), g.exceptions[0].__traceback__ is not None)

# loops inside except* may break/continue
try:
    raise ExceptionGroup("x", [ValueError(1)])
except* ValueError:
    for i in range(5):
        if i == 2:
            break
        continue
    print("loop ok", i)

# except* with a base exception group
try:
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(0)])
    except* ValueError:
        print("got value part")
except BaseExceptionGroup as e:
    print(type(e).__name__, repr(e))

def gen():
    try:
        yield 1
        raise ExceptionGroup("in gen", [ValueError("g")])
    except* ValueError as g:
        yield repr(g)
print(list(gen()))

for bad in [ExceptionGroup, (ValueError, ExceptionGroup), int]:
    try:
        try:
            raise ExceptionGroup("t", [ValueError()])
        except* bad:
            pass
    except TypeError as e:
        print("TypeError", e)
