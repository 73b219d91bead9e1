def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def h():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return i
print(h())
def k():
    try:
        raise ValueError
    finally:
        print("k finally")
try:
    k()
except ValueError:
    print("caught")
def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
