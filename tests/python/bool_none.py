print(True and False, True or False, not True, None is None, None == None)
print(0 or "default", "" or None, [] and "x", 1 and 2, 0 and 1)
print(True + 1, False * 5, True == 1, isinstance(False, int), bool.__name__)
print(str(True), repr(False), int(True), float(False), -True, ~True)
x = None
print(x is None, x is not None, type(x).__name__, bool(x), x or "fallback")
print(all([]), any([]), all([True, 1, "a"]), any([None, 0, ""]))
print(True & False, True | False, True ^ True)
