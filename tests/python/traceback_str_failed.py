# An exception whose __str__ raises: the traceback prints CPython 3.11's placeholder line
class Broken(Exception):
    def __str__(self):
        raise ValueError("no str")

print("before")
raise Broken()
