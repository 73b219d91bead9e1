def f():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as e:
            return repr(e.__context__)
print(f())
def g():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "handled"
    finally:
        print("g finally")
print(g())
def h():
    result = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError(i)
            result.append(i)
        except RuntimeError as e:
            result.append(f"err{e}")
        else:
            result.append("ok")
        finally:
            result.append("f")
    return result
print(h())
try:
    try:
        raise ValueError("x")
    except ValueError as e:
        err = e
    print(err, "err survives as another name")
    print(e)
except NameError as ne:
    print("NameError:", ne)
