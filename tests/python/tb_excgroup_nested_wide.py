inner = [ValueError(i) for i in range(17)]
eg = ExceptionGroup("outer", [
    ExceptionGroup("wide", inner),
    BaseExceptionGroup("base", [KeyboardInterrupt(), OSError(2, "nope")]),
])
print(repr(eg.exceptions[1]))
raise eg
