try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    try:
        raise OSError("x")
    except OSError:
        raise RuntimeError("y") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
