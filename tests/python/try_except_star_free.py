import sys
def risky(n):
    if n % 3 == 0:
        raise ValueError(n)
    if n % 3 == 1:
        raise KeyError(n)
    return n
results = []
for n in range(6):
    try:
        results.append(risky(n))
    except ValueError as e:
        results.append(("V", e.args[0]))
    except KeyError as e:
        results.append(("K", e.args[0]))
print(results)
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise TypeError("outer") from e
except TypeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args, e.__context__ is e.__cause__)
