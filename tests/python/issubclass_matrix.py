classes = [bool, int, float, complex, str, list, tuple, dict, set, object, type, Exception, ValueError, KeyError, LookupError, OSError, FileNotFoundError]
for a in classes:
    print(a.__name__, "".join("1" if issubclass(a, b) else "." for b in classes))
