def work():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])

try:
    work()
except* ValueError as eg:
    print("handled", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("handled types", eg.exceptions)
