def check(items):
    errors = []
    for i, x in enumerate(items):
        try:
            if x < 0:
                raise ValueError(f"negative at {i}: {x}")
            if x == 0:
                raise ZeroDivisionError(f"zero at {i}")
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("validation failed", errors)

check([1, -2, 0, 3, -4])
