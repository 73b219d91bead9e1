eg = ExceptionGroup("msg", [ValueError(1), TypeError("t"), ExceptionGroup("inner", [ValueError(2), KeyError("k")])])
print(str(eg), repr(eg))
print(eg.message, eg.exceptions)
print(type(eg).__mro__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(ExceptionGroup) is eg)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
for bad in [(1, [ValueError()]), ("m", []), ("m", [1]), ("m", 5)]:
    try:
        ExceptionGroup(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
g = MyEG("my", [ValueError(1), TypeError(2)])
print(repr(g.split(ValueError)))
print(isinstance(g, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))

def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        print("caught V", repr(e))
    except* TypeError as e:
        print("caught T", repr(e))
    except* OSError:
        print("caught OS")
f()
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled V")
except ExceptionGroup as e:
    print("rest", repr(e))
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked", repr(e))
        raise
except ExceptionGroup as e:
    print("re", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise TypeError(2)
except BaseException as e:
    print(repr(e), repr(e.exceptions[0].__context__))
try:
    try:
        raise KeyError("x")
    except* ValueError:
        print("no")
except KeyError as e:
    print("plain", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError:
    print("ok")
else:
    print("else")
finally:
    print("fin")
try:
    pass
except* ValueError:
    print("no")
else:
    print("else2")
