class Err(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code

eg = ExceptionGroup("top", [Err(1), Err(2), ExceptionGroup("mid", [Err(3), ValueError("v"), ExceptionGroup("deep", [Err(4)])])])
eg.__cause__ = KeyError("cause")
eg.add_note("top note")
m, r = eg.split(lambda e: isinstance(e, Err) and e.code % 2 == 0)
print(repr(m))
print(repr(r))
print(m.__cause__ is eg.__cause__, m.__notes__, m.__traceback__ is eg.__traceback__, m.__suppress_context__)
print(repr(eg.subgroup(ValueError)), repr(eg.subgroup(OSError)))
print(repr(eg.split((ValueError, OSError))))
print(eg.split(Exception) == (eg, None))

class Tagged(ExceptionGroup):
    def __new__(cls, msg, excs, tag="t"):
        self = super().__new__(cls, msg, excs)
        self.tag = tag
        return self
    def __init__(self, msg, excs, tag="t"):
        super().__init__(msg, excs)
    def derive(self, excs):
        return Tagged(self.message, excs, self.tag + "'")

t = Tagged("tagged", [ValueError(1), TypeError(2)], tag="x")
a, b = t.split(ValueError)
print(type(a).__name__, a.tag, b.tag, repr(a), str(b))

class Plain(ExceptionGroup):
    pass
p = Plain("plain", [ValueError(1), TypeError(2)])
pa, pb = p.split(TypeError)
print(type(pa).__name__, type(pb).__name__, repr(pa))

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42
try:
    BadDerive("b", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError", e)
try:
    eg.split(42)
except TypeError as e:
    print("TypeError", e)
print(ExceptionGroup("m", (ValueError(1),)).args, BaseExceptionGroup.__mro__)
print(str(ExceptionGroup("one", [ValueError()])), str(ExceptionGroup("two", [ValueError(), TypeError()])))
try:
    raise ExceptionGroup("caught by plain except", [ValueError()])
except ExceptionGroup as e:
    print("plain except", e)
try:
    raise ExceptionGroup("caught as Exception", [ValueError()])
except Exception as e:
    print(type(e).__name__, e.message)
