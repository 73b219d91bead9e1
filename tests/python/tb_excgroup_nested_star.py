def inner():
    try:
        raise ExceptionGroup("inner", [ValueError("a"), TypeError("b")])
    except* ValueError:
        try:
            raise ExceptionGroup("handler", [OSError("c")])
        except* OSError as e:
            print("nested handled", repr(e))
        raise KeyError("from handler")

try:
    inner()
except* KeyError as e:
    print("outer got", repr(e))
except* TypeError as e:
    print("outer types", repr(e))
print("survived")
try:
    inner()
except* TypeError:
    pass
