def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        elif x == 1:
            raise KeyError("k")
        return 1 / (x - 2)
    except ValueError as e:
        return "value:" + str(e)
    except (KeyError, IndexError) as e:
        return "lookup:" + repr(e)
    except ZeroDivisionError:
        return "zerodiv"
    else:
        pass
    finally:
        print("finally", x)
for i in range(4):
    print(f(i))
try:
    raise RuntimeError("a", 1)
except Exception as e:
    print(type(e).__name__, e.args, str(e))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(42)
except MyErr as e:
    print(e, e.code, isinstance(e, Exception))
