def f(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            if i == 2:
                raise ExceptionGroup("two", [ValueError(i)])
            out.append(i)
        except* ValueError as g:
            out.append(("handled", g.exceptions[0].args))
        finally:
            out.append(("fin", i))
    return out
print(f(5))

def g():
    try:
        return "body return"
    except* Exception:
        pass
    finally:
        print("g finally")
print(g())

def h():
    try:
        raise ExceptionGroup("h", [ValueError(1), TypeError(2)])
    except* ValueError:
        return_value = "v"
    except* TypeError:
        return_value = "t"
    return return_value
try:
    h()
except UnboundLocalError as e:
    print("UnboundLocalError?", e)
print(h())

def k():
    try:
        raise ExceptionGroup("k", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        return e
    except NameError as ne:
        return "name cleared: " + str(ne)
print(k())

import sys
def exc_info_in_handler():
    try:
        raise ExceptionGroup("x", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("in V:", repr(sys.exc_info()[1]))
    except* TypeError:
        print("in T:", repr(sys.exc_info()[1]))
    print("after:", sys.exc_info())
exc_info_in_handler()

def raises_in_handler_line():
    try:
        raise ExceptionGroup("boom", [ValueError(1)])
    except* ValueError:
        x = 1
        y = x / 0
raises_in_handler_line()
